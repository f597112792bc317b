"""Where the bundled data and phrasebanks are, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries the content inside the package (see pyproject's force-include);
    # a source checkout or editable install reads it from the top of the repository.
    inside = _PACKAGE_DIR / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent.parent / name


def default_data_dir() -> Path:
    return _bundled("data")


def default_phrasebank_dir() -> Path:
    return _bundled("phrasebanks") / "en"
