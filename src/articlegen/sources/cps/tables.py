"""Read one CPS annual-averages table (11 or 11b) into its all-workers row and its occupation rows.

The workbooks carry no codes and no reliable indentation (Table 11's titles are all flush left),
so a row's kind comes from its title: the first row is the all-workers total, a title ending in
"occupations" is a summary group unless it starts with "Other", and every other row is detailed.
Figures stay as BLS publishes them: thousands, one-decimal percents, median age; a dash or a
blank is "not published" (under BLS's 50,000-worker threshold) and becomes None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from ...errors import DataError
from ..files import sheet_rows

UNPUBLISHED = frozenset({"", "-", "–", "—"})
_NUMBER = re.compile(r"^\d+(\.\d+)?$")


class Kind(Enum):
    THOUSANDS = "thousands"
    PERCENT = "percent"
    AGE = "age"


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # the header cell's text, whitespace collapsed, compared case-insensitively
    kind: Kind


@dataclass(frozen=True)
class TableSpec:
    key: str  # the record field this table fills: "age" or "people"
    file_name: str
    year: int
    title: str
    columns: tuple[Column, ...]

    @property
    def citation(self) -> str:
        return f"U.S. Bureau of Labor Statistics, Current Population Survey, {self.year} annual averages"


AGE_TABLE = TableSpec(
    "age",
    "cpsaat11b-2025.xlsx",
    2025,
    "Table 11b. Employed people by detailed occupation and age",
    (
        Column("employed_thousands", "Total, 16 years and over", Kind.THOUSANDS),
        Column("median_age", "Median age", Kind.AGE),
    ),
)
PEOPLE_TABLE = TableSpec(
    "people",
    "cpsaat11-2022.xlsx",
    2022,
    "Table 11. Employed persons by detailed occupation, sex, race, and Hispanic or Latino ethnicity",
    (
        Column("employed_thousands", "Total employed", Kind.THOUSANDS),
        Column("women", "Women", Kind.PERCENT),
        Column("white", "White", Kind.PERCENT),
        Column("black", "Black or African American", Kind.PERCENT),
        Column("asian", "Asian", Kind.PERCENT),
        Column("hispanic", "Hispanic or Latino", Kind.PERCENT),
    ),
)

Value = int | float | None


@dataclass(frozen=True)
class CpsRow:
    title: str  # as published, runs of whitespace made one space
    line: int  # the worksheet row, for messages
    summary: bool
    values: Mapping[str, Value]


@dataclass(frozen=True)
class CpsTable:
    spec: TableSpec
    path: Path
    total: CpsRow
    rows: tuple[CpsRow, ...]  # summary and detailed rows in the order published
    notes: tuple[str, ...]  # BLS's NOTE lines under the table

    @property
    def detailed(self) -> tuple[CpsRow, ...]:
        return tuple(r for r in self.rows if not r.summary)


def read_table(path: Path, spec: TableSpec) -> CpsTable:
    rows = enumerate(sheet_rows(path), start=1)
    positions = _read_header(rows, path, spec)
    total: CpsRow | None = None
    body: list[CpsRow] = []
    notes: list[str] = []
    for line, cells in rows:
        title = clean_title(cells[0] if cells else None)
        raw = [_cell(cells, positions[c.field]) for c in spec.columns]
        if not title:
            continue
        if all(v is None for v in raw):
            if title.upper().startswith("NOTE"):
                notes.append(title)
            continue  # a heading or footnote line
        values = {
            c.field: read_value(v, c, path, line, title) for c, v in zip(spec.columns, raw, strict=True)
        }
        if total is None:
            if not title.lower().startswith("total"):
                raise DataError(
                    f"{path}: row {line}: expected the all-workers 'Total' row first, found {title!r}"
                )
            total = CpsRow(title, line, True, values)
            continue
        body.append(CpsRow(title, line, is_summary(title), values))
    if total is None or not body:
        raise DataError(f"{path}: no occupation rows under the header")
    _check_unique(body, path)
    return CpsTable(spec, path, total, tuple(body), tuple(notes))


def clean_title(raw: Any) -> str:
    return " ".join(str(raw).split()) if raw is not None else ""


def is_summary(title: str) -> bool:
    """Major and intermediate groups ("Management occupations"); "Other … occupations" rows are detailed."""
    lowered = title.lower()
    return lowered.endswith(" occupations") and not lowered.startswith("other ")


def read_value(raw: Any, column: Column, path: Path, line: int, title: str) -> Value:
    where = f"{path}: row {line} ({title!r}), column {column.header!r}"
    if raw is None or (isinstance(raw, str) and raw.strip() in UNPUBLISHED):
        return None
    number = _number(raw)
    if number is None:
        raise DataError(f"{where}: unexpected value {raw!r}")
    if column.kind is Kind.THOUSANDS:
        if not float(number).is_integer():
            raise DataError(f"{where}: expected whole thousands, found {raw!r}")
        return int(number)
    if abs(round(number, 1) - number) > 1e-9:
        raise DataError(f"{where}: expected at most one decimal, found {raw!r}")
    if column.kind is Kind.PERCENT and not 0 <= number <= 100:
        raise DataError(f"{where}: a percent must be between 0 and 100, found {raw!r}")
    if column.kind is Kind.AGE and not 16 <= number <= 100:
        raise DataError(f"{where}: a median age must be between 16 and 100, found {raw!r}")
    return round(float(number), 1)


def _number(raw: Any) -> float | int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return raw if raw >= 0 else None
    text = str(raw).strip().replace(",", "")
    return float(text) if _NUMBER.match(text) else None


def _read_header(rows: Iterator[tuple[int, Sequence[Any]]], path: Path, spec: TableSpec) -> dict[str, int]:
    """Columns by their header text, wherever in the rows above the data it sits (Table 11 uses two)."""
    wanted = {c.header.lower(): c.field for c in spec.columns}
    found: dict[str, int] = {}
    year_seen = False
    for _line, cells in rows:
        for index, cell in enumerate(cells[1:], start=1):
            text = clean_title(cell).lower()
            if text in wanted and wanted[text] not in found:
                found[wanted[text]] = index
            year_seen = year_seen or text == str(spec.year)
        if len(found) == len(wanted):
            break
        starts_data = len(cells) > 1 and clean_title(cells[0]).lower().startswith("total")
        if starts_data and _number(cells[1]) is not None:
            break  # data began before every column was named
    missing = [c.header for c in spec.columns if c.field not in found]
    if missing:
        names = ", ".join(repr(m) for m in missing)
        raise DataError(
            f"{path}: no column {names} in the header rows; is this CPS {spec.title.split('.')[0]}?"
        )
    if not year_seen:
        raise DataError(
            f"{path}: the header does not name the year {spec.year}; expected {spec.year} annual averages"
        )
    return found


def _cell(cells: Sequence[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _check_unique(rows: list[CpsRow], path: Path) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        if not row.summary and row.title in seen:
            raise DataError(
                f"{path}: row {row.line}: {row.title!r} appears twice (first at row {seen[row.title]})"
            )
        seen.setdefault(row.title, row.line)
