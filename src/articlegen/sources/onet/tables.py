"""Read the O*NET Excel files: each table's columns by header name, each cell parsed with its place named.

O*NET's workbooks have one worksheet whose first row names the columns. Columns are found by
name, not position, so a reordered file still reads and a renamed one fails on one line that
says which column is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import DataError
from ..files import sheet_rows

# What a spreadsheet writes for "no value": a blank cell, or a dash in place of a figure.
MISSING_MARKS = frozenset({"", "-", "–", "—", "n/a", "N/A"})
ONET_CODE = re.compile(r"\d\d-\d{4}\.\d\d")


@dataclass(frozen=True)
class Table:
    """One O*NET file and the columns the importer reads from it."""

    file: str
    columns: tuple[str, ...]


OCCUPATION_DATA = Table("Occupation Data.xlsx", ("O*NET-SOC Code", "Title", "Description"))
TASKS = Table("Task Statements.xlsx", ("O*NET-SOC Code", "Task ID", "Task", "Task Type"))
SKILLS = Table(
    "Skills.xlsx",
    ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value", "Recommend Suppress", "Not Relevant"),
)
EDUCATION = Table(
    "Education, Training, and Experience.xlsx",
    ("O*NET-SOC Code", "Scale ID", "Category", "Data Value", "Recommend Suppress"),
)
CATEGORIES = Table(
    "Education, Training, and Experience Categories.xlsx", ("Scale ID", "Category", "Category Description")
)
JOB_ZONES = Table("Job Zones.xlsx", ("O*NET-SOC Code", "Job Zone"))
JOB_ZONE_REFERENCE = Table("Job Zone Reference.xlsx", ("Job Zone", "Name"))
RELATED = Table("Related Occupations.xlsx", ("O*NET-SOC Code", "Related O*NET-SOC Code", "Index"))
ALTERNATE_TITLES = Table("Alternate Titles.xlsx", ("O*NET-SOC Code", "Alternate Title", "Source(s)"))
TECHNOLOGY = Table("Technology Skills.xlsx", ("O*NET-SOC Code", "Example", "Hot Technology", "In Demand"))
SCALES = Table("Scales Reference.xlsx", ("Scale ID", "Scale Name", "Minimum", "Maximum"))
CONTENT_MODEL = Table("Content Model Reference.xlsx", ("Element ID", "Element Name", "Description"))

ALL_TABLES = (
    OCCUPATION_DATA,
    TASKS,
    SKILLS,
    EDUCATION,
    CATEGORIES,
    JOB_ZONES,
    JOB_ZONE_REFERENCE,
    RELATED,
    ALTERNATE_TITLES,
    TECHNOLOGY,
    SCALES,
    CONTENT_MODEL,
)


@dataclass(frozen=True)
class Row:
    """One data row: its cells in the table's column order, and where it came from for error messages."""

    path: Path
    line: int  # the spreadsheet row number, header = 1
    columns: tuple[str, ...]
    values: tuple[Any, ...]

    def _raw(self, column: str) -> Any:
        return self.values[self.columns.index(column)]

    def _fault(self, column: str, problem: str) -> DataError:
        return DataError(f"{self.path}: row {self.line}, column {column!r}: {problem}")

    def text(self, column: str) -> str | None:
        """The cell as stripped text; None when it is blank or a dash."""
        raw = self._raw(column)
        if raw is None:
            return None
        value = str(raw).strip()
        return None if value in MISSING_MARKS else value

    def required_text(self, column: str) -> str:
        value = self.text(column)
        if value is None:
            raise self._fault(column, "is empty")
        return value

    def code(self, column: str) -> str:
        """An O*NET-SOC code such as 15-1252.00; a row without one cannot be attributed, so it is an error."""
        value = self.required_text(column)
        if not ONET_CODE.fullmatch(value):
            raise self._fault(column, f"{value!r} is not an O*NET-SOC code like 15-1252.00")
        return value

    def number(self, column: str) -> float | None:
        """A figure as a float; None when not published (blank or a dash)."""
        raw = self._raw(column)
        if isinstance(raw, bool):
            raise self._fault(column, f"{raw!r} is not a number")
        if isinstance(raw, int | float):
            return float(raw)
        value = self.text(column)
        if value is None:
            return None
        try:
            return float(value)
        except ValueError:
            raise self._fault(column, f"{value!r} is not a number") from None

    def integer(self, column: str) -> int:
        value = self.number(column)
        if value is None:
            raise self._fault(column, "is empty")
        if not value.is_integer():
            raise self._fault(column, f"{value:g} is not a whole number")
        return int(value)

    def flag(self, column: str) -> bool:
        """O*NET's Y/N indicator; a blank means the flag was not set (e.g. Not Relevant on an IM row)."""
        value = self.text(column)
        if value is None or value.upper() == "N":
            return False
        if value.upper() == "Y":
            return True
        raise self._fault(column, f"{value!r} is not Y or N")


def read_table(directory: Path, table: Table) -> Iterator[Row]:
    """Yield the table's data rows (blank rows skipped), after checking its header names every column."""
    path = directory / table.file
    rows = sheet_rows(path)
    header = next(rows, None)
    if header is None:
        raise DataError(f"{path}: the worksheet is empty (no header row)")
    names = [str(cell).strip() if cell is not None else "" for cell in header]
    for column in table.columns:
        if column not in names:
            raise DataError(f"{path}: no column {column!r} in the header row")
    index = [names.index(column) for column in table.columns]
    for number, cells in enumerate(rows, start=2):
        values = tuple(cells[i] if i < len(cells) else None for i in index)
        if all(value is None or str(value).strip() == "" for value in values):
            continue
        yield Row(path, number, table.columns, values)
