"""O*NET: import the O*NET Excel database into one record of occupation facts per OEWS code."""

from __future__ import annotations

from .importer import OnetDataset, import_onet, write_dataset

__all__ = ["OnetDataset", "import_onet", "write_dataset"]
