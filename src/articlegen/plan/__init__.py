"""Stage 2, content determination and document planning: `Occupation` records in, an `ArticlePlan` out.

The plan says what to state and in which order, as message ids with typed values
(`Money(38589)`, `Percent(4.4)`); it never words a sentence or formats a number.

compare.py       comparison facts: direction, gap and percent of two values; skill overlap
spec.py          the plan's structures: sections, blocks, sentence specs, referents
quantities.py    the typed values a spec carries
reads.py         the facts a plan reads from one occupation, read once and kept for the next pair
build.py         shared machinery: paired-fact sentences, paragraphs, sections, tables
article.py       an "X vs Y" article, section by section from the modules below
intro.py, salary.py, education.py, demographics.py, duties.py, skills.py, sources.py
                 one article part each
overview.py      a "What does X do?" page with short comparisons
related.py       which occupations an overview page compares with
"""
