"""BLS Employment Projections 2024–34: import occupation.xlsx into a dataset keyed by OEWS code."""

from __future__ import annotations

from .importer import FILE_NAME, ProjectionsDataset, import_projections, write_dataset

__all__ = ["FILE_NAME", "ProjectionsDataset", "import_projections", "write_dataset"]
