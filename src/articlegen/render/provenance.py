"""Where a sentence's wording came from, as the annotated outputs name it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePath


@lru_cache(maxsize=256)  # a bank has a few dozen files, and a bulk run names them in every article
def bank_file(file: str | None) -> str:
    """A variant's file relative to its phrasebank directory, which is flat (phrasebank.py loads
    `*.yaml` from it): what an editor needs, without saying where that directory sits."""
    return PurePath(file).name if file else ""
