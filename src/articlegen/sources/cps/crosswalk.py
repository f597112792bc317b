"""Which CPS row speaks for which OEWS code: title rules first, then the reviewed override file.

A row covering one OEWS code is that code's own row; a row covering several is a broader row for
each of them. Each code gets at most one row per table, summary rows never get a code, and a row
named in the override file is taken from there only (its title may match one of the codes it
covers, e.g. "Cashiers", which also covers gambling change persons and booth cashiers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...errors import DataError
from .overrides import Overrides, RowOverride
from .tables import CpsRow, CpsTable

RULES = {
    "summary_rows": (
        "the first row is the all-workers total; a title ending in 'occupations' is a summary group "
        "(never mapped) unless it starts with 'Other'; every other row is a detailed occupation"
    ),
    "title_rule": (
        "a detailed row not in the override file matches the OEWS code whose title is equal after "
        "normalising: lowercase, '&' read as 'and', every run of characters other than a-z and 0-9 "
        "(commas, hyphens, '--', slashes, apostrophes) made one space, and each word's plural ending "
        "dropped ('-ies' to '-y', a final 's' but not 'ss'); titles are otherwise compared whole"
    ),
    "other_and_miscellaneous": (
        "'Other …' and 'Miscellaneous …' are kept, not stripped: such a Census row gathers several SOC "
        "codes, so it never matches an OEWS '…, All Other' code by title; the override file lists them"
    ),
    "overrides": (
        "data/cps/crosswalk-overrides.yaml maps a CPS row title to every OEWS code the Census 2018 "
        "occupation covers (the Census occupation code list and its SOC crosswalk), with the reason; it "
        "replaces the title rule for that row; [] records a row reviewed and found to cover no OEWS code"
    ),
    "own_or_broader": (
        "a row covering exactly one OEWS code is that code's own row (broader: false); a row covering "
        "several is a broader row for each (broader: true), and the record names the row"
    ),
    "one_row_per_code": (
        "each OEWS code has at most one row per table; an OEWS code that spans several Census rows "
        "(e.g. 13-1020 Buyers and Purchasing Agents) has none, since published percents and median "
        "ages cannot be combined"
    ),
    "tables": "each table is matched on its own titles; an override applies to every table that has the row",
    "missing": "a dash or blank cell (not published: fewer than 50,000 workers in the row) is null",
}


@dataclass(frozen=True)
class Target:
    """An OEWS occupation a row may speak for."""

    soc: str
    title: str
    residual: bool


@dataclass(frozen=True)
class Match:
    soc: str
    row: CpsRow
    broader: bool
    rule: str  # "title" or "override"


@dataclass(frozen=True)
class TableCrosswalk:
    table: CpsTable
    matches: Mapping[str, Match]  # by OEWS code
    unmatched_rows: tuple[CpsRow, ...]  # detailed rows that speak for no OEWS code
    unmatched_codes: tuple[str, ...]  # OEWS codes that no row of this table speaks for


def normalize(title: str) -> str:
    text = re.sub(r"[^a-z0-9]+", " ", title.lower().replace("&", " and "))
    return " ".join(_singular(word) for word in text.split())


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def check_override_titles(overrides: Overrides, tables: Iterable[CpsTable]) -> None:
    """Every override names a detailed row of at least one table: a typo must not silently do nothing."""
    tables = list(tables)
    for entry in overrides.rows.values():
        rows = [row for table in tables for row in table.rows if row.title == entry.title]
        if not rows:
            names = " or ".join(t.path.name for t in tables)
            raise DataError(
                f"{overrides.where(entry.line)}: unknown CPS row title {entry.title!r} (not in {names})"
            )
        if all(row.summary for row in rows):
            raise DataError(
                f"{overrides.where(entry.line)}: {entry.title!r} is a summary row, not a detailed "
                "occupation; summary rows are never mapped"
            )


def cross_table(table: CpsTable, targets: Iterable[Target], overrides: Overrides) -> TableCrosswalk:
    targets = list(targets)
    by_title = _titles(targets)
    claimed = {code: entry for entry in overrides.rows.values() for code in entry.soc}
    covers: dict[str, tuple[tuple[str, ...], str]] = {}
    title_matched: dict[str, CpsRow] = {}
    for row in table.detailed:
        entry = overrides.rows.get(row.title)
        if entry is not None:
            covers[row.title] = (entry.soc, "override")
            continue
        soc = by_title.get(normalize(row.title))
        if soc is None:
            continue
        if soc in claimed:
            _conflict(overrides, claimed[soc], soc, row, table)
        if soc in title_matched:
            first = title_matched[soc]
            raise DataError(
                f"{table.path}: rows {first.line} and {row.line} ({first.title!r}, {row.title!r}) both "
                f"match OEWS {soc} by title; name the right one in the override file"
            )
        title_matched[soc] = row
        covers[row.title] = ((soc,), "title")
    matches: dict[str, Match] = {}
    unmatched_rows: list[CpsRow] = []
    for row in table.detailed:
        codes, rule = covers.get(row.title, ((), ""))
        if not codes:
            unmatched_rows.append(row)
        for code in codes:
            matches[code] = Match(code, row, len(codes) > 1, rule)
    unmatched_codes = tuple(t.soc for t in targets if t.soc not in matches)
    return TableCrosswalk(table, dict(sorted(matches.items())), tuple(unmatched_rows), unmatched_codes)


def _titles(targets: list[Target]) -> dict[str, str]:
    """Normalised OEWS title -> code; a title two codes share (none in May 2025) matches neither."""
    seen: dict[str, list[str]] = {}
    for target in targets:
        seen.setdefault(normalize(target.title), []).append(target.soc)
    return {key: codes[0] for key, codes in seen.items() if len(codes) == 1}


def _conflict(overrides: Overrides, entry: RowOverride, soc: str, row: CpsRow, table: CpsTable) -> None:
    raise DataError(
        f"{overrides.where(entry.line)}: {entry.title!r} claims {soc}, but row {row.title!r} "
        f"({table.path.name} row {row.line}) matches it by title; a code is claimed twice"
    )
