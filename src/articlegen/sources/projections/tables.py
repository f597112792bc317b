"""Read Tables 1.2 and 1.10 of BLS's occupation.xlsx into one EpRow per matrix code.

Columns are found by their header text, not their position, so a reordered release still reads
right and a renamed column is a one-line error rather than wrong numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import DataError
from ..files import sheet_rows
from .records import EpRow, Figures
from .values import Value, clean_text, read_value

TABLE_PROJECTIONS = "Table 1.2"
TABLE_OPENINGS = "Table 1.10"
UNITS = "(Employment in thousands)"
LINE_ITEM, SUMMARY = "Line item", "Summary"

TITLE = "2024 National Employment Matrix title"
CODE = "2024 National Employment Matrix code"
KIND = "Occupation type"

# Output field -> Table 1.2 header (after footnote markers are removed).
NUMBERS_1_2 = {
    "employment_2024_thousands": "Employment, 2024",
    "employment_2034_thousands": "Employment, 2034",
    "employment_change_2024_34_thousands": "Employment change, numeric, 2024–34",
    "employment_change_2024_34_percent": "Employment change, percent, 2024–34",
    "self_employed_2024_percent": "Percent self employed, 2024",
    "median_annual_wage_2024_dollars": "Median annual wage, dollars, 2024",
}
WORDS_1_2 = {
    "typical_education_needed_for_entry": "Typical education needed for entry",
    "work_experience_in_a_related_occupation": "Work experience in a related occupation",
    "typical_on_the_job_training": (
        "Typical on-the-job training needed to attain competency in the occupation"
    ),
}
NUMBERS_1_10 = {
    "employment_2024_thousands": "Employment, 2024",
    "openings_annual_average_2024_34_thousands": "Occupational openings, 2024–34 annual average",
    "labor_force_exits_annual_average_2024_34_thousands": "Labor force exits, 2024–34 annual average",
    "occupational_transfers_annual_average_2024_34_thousands": (
        "Occupational transfers, 2024–34 annual average"
    ),
}
# Table 1.2 also publishes openings: the two tables must agree on it and on 2024 employment.
OPENINGS_1_2 = "Occupational openings, 2024–34 annual average"
_CODE = re.compile(r"^\d\d-\d{4}$")


@dataclass(frozen=True)
class RawRow:
    row: int
    code: str
    title: str
    kind: str
    cells: Mapping[str, Any]  # header -> raw cell value


@dataclass(frozen=True)
class Sheet:
    name: str
    caption: str  # BLS's table title, the sheet's first cell
    rows: tuple[RawRow, ...]


def read_matrix(path: Path) -> tuple[tuple[EpRow, ...], tuple[str, str]]:
    """Every matrix row of Table 1.2 with its Table 1.10 figures, and the two tables' captions."""
    projections = read_sheet(
        path, TABLE_PROJECTIONS, (*NUMBERS_1_2.values(), *WORDS_1_2.values(), OPENINGS_1_2)
    )
    openings = read_sheet(path, TABLE_OPENINGS, tuple(NUMBERS_1_10.values()))
    by_code = {raw.code: raw for raw in openings.rows}
    rows = tuple(join_row(path, raw, by_code.get(raw.code)) for raw in projections.rows)
    return rows, (projections.caption, openings.caption)


def read_sheet(path: Path, name: str, headers: tuple[str, ...]) -> Sheet:
    rows = sheet_rows(path, name)
    first = next(rows, None)
    caption = (clean_text(first[0]) if first else None) or ""
    if UNITS not in caption:
        raise DataError(f"{path}: worksheet {name!r}: title {caption!r} does not say {UNITS!r}")
    columns = find_columns(path, name, rows, (TITLE, CODE, KIND, *headers))
    seen: set[str] = set()
    found: list[RawRow] = []
    for number, values in enumerate(rows, start=3):  # the caption and header were rows 1 and 2
        raw = read_row(path, name, number, values, columns)
        if raw is None:
            continue
        if raw.code in seen:
            raise DataError(f"{path}: worksheet {name!r} row {number}: code {raw.code} appears twice")
        seen.add(raw.code)
        found.append(raw)
    if not found:
        raise DataError(f"{path}: worksheet {name!r} has no occupation rows")
    return Sheet(name, caption, tuple(found))


def find_columns(
    path: Path, name: str, rows: Iterator[tuple[Any, ...]], wanted: tuple[str, ...]
) -> dict[str, int]:
    """Column index of each wanted header, read from the header row (the row after the caption)."""
    header = next(rows, None)
    labels = [clean_text(cell) for cell in header or ()]
    columns: dict[str, int] = {}
    for label in wanted:
        if label not in labels:
            raise DataError(f"{path}: worksheet {name!r} has no column {label!r} in row 2")
        columns[label] = labels.index(label)
    return columns


def read_row(
    path: Path, name: str, number: int, values: tuple[Any, ...], columns: Mapping[str, int]
) -> RawRow | None:
    """A matrix row, or None for the notes below the table (they have no code and no type)."""

    def cell(label: str) -> Any:
        index = columns[label]
        return values[index] if index < len(values) else None

    code, kind = clean_text(cell(CODE)), clean_text(cell(KIND))
    if code is None and kind is None:
        return None
    where = f"{path}: worksheet {name!r} row {number}"
    if code is None or not _CODE.match(code):
        raise DataError(f"{where}: {CODE!r} is {code!r}, not a code like 11-1011")
    if kind not in (LINE_ITEM, SUMMARY):
        raise DataError(f"{where} ({code}): {KIND!r} is {kind!r}, expected {LINE_ITEM!r} or {SUMMARY!r}")
    title = clean_text(cell(TITLE))
    if title is None:
        raise DataError(f"{where} ({code}): {TITLE!r} is empty")
    return RawRow(number, code, title, kind, {label: cell(label) for label in columns})


def join_row(path: Path, projections: RawRow, openings: RawRow | None) -> EpRow:
    where = f"{path}: worksheet {TABLE_PROJECTIONS!r} row {projections.row} ({projections.code})"
    if openings is None:
        raise DataError(f"{where}: worksheet {TABLE_OPENINGS!r} has no row for this code")
    numbers = {field: number(where, projections, label) for field, label in NUMBERS_1_2.items()}
    more = {field: number(where, openings, label) for field, label in NUMBERS_1_10.items()}
    for field, other in (
        ("employment_2024_thousands", numbers["employment_2024_thousands"]),
        ("openings_annual_average_2024_34_thousands", number(where, projections, OPENINGS_1_2)),
    ):
        if more[field] != other:
            raise DataError(
                f"{where}: {TABLE_OPENINGS} row {openings.row} disagrees on {field} "
                f"({more[field].number} there, {other.number} here)"
            )
    numbers.update(more)
    words = {field: clean_text(projections.cells[label]) for field, label in WORDS_1_2.items()}
    figures = Figures(
        **{field: value.number for field, value in numbers.items()},
        **words,
        top_coded=tuple(field for field, value in numbers.items() if value.top_coded),
    )
    return EpRow(projections.code, projections.title, projections.kind, projections.row, figures)


def number(where: str, raw: RawRow, label: str) -> Value:
    try:
        return read_value(raw.cells[label])
    except DataError as err:
        raise DataError(f"{where}: column {label!r}: {err}") from None
