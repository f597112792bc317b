"""BLS CPS tables 11 (2022) and 11b (2025): workforce figures crossed from Census titles to OEWS codes.

tables.py reads a table, overrides.py the reviewed crosswalk file, crosswalk.py matches rows to
codes, importer.py builds the dataset.
"""

from __future__ import annotations

from .importer import FILE_NAME, CpsDataset, import_cps, write_dataset

__all__ = ["FILE_NAME", "CpsDataset", "import_cps", "write_dataset"]
