"""Stage 1, occupation facts: YAML records and the OEWS dataset in, validated `Occupation` records out.

occupation.py    the schema: typed, frozen records of what is known about one occupation
load.py          the catalog: every data file and OEWS record, loaded once and looked up by name
yamlio.py        YAML with line numbers, so every error names its file and line
validation.py    pydantic's errors turned into one line naming the file and field
oews_records.py  OEWS facts as `Occupation` records, merged into hand-written ones by SOC code
profiles.py      O*NET, Projections and CPS fact groups by SOC code, with their citations
ranking.py       the ranking floor: which states, metro areas and industries a "best" is taken over
titles.py        heading, singular, plural, article and possessive of each BLS title
"""
