"""One cell of BLS's Employment Projections workbook, cleaned by a fixed rule.

BLS writes "—" where it publishes nothing, ">=$239,200" for a top-coded wage, and may append a
footnote marker such as "[1]" to a header or value. The rules live here so that the README, the
provenance and the code say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...errors import DataError

Number = int | float

# Em dash (what BLS uses), en dash, hyphen, blanks and "n/a": all mean "not published".
MISSING_MARKS = frozenset({"", "—", "–", "-", "n/a", "N/A"})
_FOOTNOTE_MARKERS = re.compile(r"(\s*\[\d+\])+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_TOP_CODE = re.compile(r"^(>=|≥)\s*\$?(?P<value>[\d,]+)$")

RULES = {
    "footnote_markers": "a trailing footnote marker such as '[1]' is removed from headers, titles and values",
    "missing": "'—', '–', '-', 'n/a' or an empty cell is null; nothing is estimated",
    "top_coded": (
        "a wage written '>=$239,200' is stored as 239200 with its field listed in top_coded: read 'at least'"
    ),
    "numbers": "numbers keep BLS's units and precision (thousands of jobs to 0.1, percents to 0.1, dollars)",
}


@dataclass(frozen=True)
class Value:
    """A published number, a top code (a lower bound), or None."""

    number: Number | None
    top_coded: bool = False


MISSING = Value(None)


def clean_text(raw: Any) -> str | None:
    """The cell as BLS's words, without indentation or footnote markers; None when unpublished."""
    if raw is None:
        return None
    text = _FOOTNOTE_MARKERS.sub("", str(raw)).strip()
    return None if text in MISSING_MARKS else text


def read_value(raw: Any) -> Value:
    """Parse a numeric cell; a DataError says what is wrong and the caller adds where."""
    if isinstance(raw, bool):
        raise DataError(f"expected a number, found {raw!r}")
    if isinstance(raw, int | float):
        return Value(raw)
    text = clean_text(raw)
    if text is None:
        return MISSING
    top = _TOP_CODE.match(text)
    if top:
        return Value(int(top["value"].replace(",", "")), top_coded=True)
    plain = text.replace(",", "")
    if not _NUMBER.match(plain):
        raise DataError(f"expected a number, found {text!r}")
    return Value(float(plain) if "." in plain else int(plain))
