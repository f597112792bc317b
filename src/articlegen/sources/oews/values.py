"""One published OEWS value: a number, BLS's top code, or nothing.

The database keeps BLS's strings and footnote codes. The time-series files it is built from
write '-' for anything unpublished and say why in a footnote; the spreadsheet releases use
'*', '**' and '#'. Both spellings are read here, so either kind of source means the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from ...errors import DataError

MISSING_MARKS = frozenset({"", "-", "*", "**", "***", "~", "N/A"})
TOP_CODE_MARK = "#"

_NUMBER = re.compile(r"^\d+(\.\d+)?$")
# BLS's footnote text, e.g. "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
_TOP_CODE_TEXT = re.compile(
    r"equal to or greater than \$(?P<hourly>[\d,]+(?:\.\d+)?) per hour or \$(?P<annual>[\d,]+) per year"
)
_HOURLY_OR_ANNUAL_TEXT = re.compile(r"reported either as hourly wages or annual salaries")


class Unit(Enum):
    COUNT = "count"
    HOURLY = "hourly"
    ANNUAL = "annual"


@dataclass(frozen=True)
class Footnotes:
    """The footnote codes that change how a value reads, found by their text rather than their number."""

    top_code: str | None
    hourly_or_annual_only: str | None
    top_hourly: float | None
    top_annual: int | None

    def top_value(self, unit: Unit) -> float | int | None:
        return self.top_hourly if unit is Unit.HOURLY else self.top_annual if unit is Unit.ANNUAL else None


class Figure(NamedTuple):
    """A value as BLS publishes it. `value` is the number, the top code when `top_coded`, or None."""

    # A named tuple rather than a dataclass: hundreds of thousands are made per import, and this is cheaper.
    value: int | float | None
    top_coded: bool = False
    notes: frozenset[str] = frozenset()

    @property
    def published(self) -> bool:
        """A number BLS states exactly (not missing, not only a lower bound)."""
        return self.value is not None and not self.top_coded


MISSING = Figure(None)


def read_footnotes(rows: list[tuple[str, str]]) -> Footnotes:
    top_code = hourly_or_annual = None
    top_hourly = top_annual = None
    for code, text in sorted(rows):
        match = _TOP_CODE_TEXT.search(text)
        if match:
            top_code = code
            top_hourly = float(match["hourly"].replace(",", ""))
            top_annual = int(match["annual"].replace(",", ""))
        if _HOURLY_OR_ANNUAL_TEXT.search(text):
            hourly_or_annual = code
    return Footnotes(top_code, hourly_or_annual, top_hourly, top_annual)


def read_figure(raw: str | None, notes: str | None, unit: Unit, footnotes: Footnotes) -> Figure:
    """Parse one cell value; a DataError says what is wrong, and the caller adds where."""
    if not notes and raw:  # the common case, kept fast: a plain number without footnotes
        if raw.isdigit():
            return Figure(float(raw) if unit is Unit.HOURLY else int(raw))
        if unit is Unit.HOURLY and _NUMBER.match(raw):
            return Figure(float(raw))
    codes = frozenset(c.strip() for c in (notes or "").split(",") if c.strip())
    text = (raw or "").strip()
    top_coded = text == TOP_CODE_MARK or (footnotes.top_code is not None and footnotes.top_code in codes)
    if top_coded:
        if unit is Unit.COUNT:
            raise DataError("an employment count is marked as top-coded")
        top = footnotes.top_value(unit)
        if top is None:
            raise DataError("value is top-coded but no footnote states BLS's top code")
        return Figure(top, top_coded=True, notes=codes)
    if text in MISSING_MARKS:
        return Figure(None, notes=codes)
    plain = text.replace(",", "")
    if not _NUMBER.match(plain):
        raise DataError(f"unexpected value {text!r}")
    number = float(plain)
    if unit is Unit.HOURLY:
        return Figure(number, notes=codes)
    if not number.is_integer():
        raise DataError(f"expected a whole number, found {text!r}")
    return Figure(int(number), notes=codes)
