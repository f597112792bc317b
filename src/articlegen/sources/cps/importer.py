"""Build data/cps/cps.json: per OEWS code, the CPS row that speaks for it in each table, and its figures.

The document is plain JSON data, written by files.write_json, so a re-import reproduces the
committed file byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import DataError
from ..files import sha256_of, write_json
from .crosswalk import RULES, Match, TableCrosswalk, Target, check_override_titles, cross_table
from .overrides import Overrides, load_overrides
from .tables import AGE_TABLE, PEOPLE_TABLE, CpsRow, CpsTable, TableSpec, read_table

FILE_NAME = "cps.json"
TABLES = (AGE_TABLE, PEOPLE_TABLE)
UNITS = (
    "employed_thousands: employed people in thousands, as published; women, white, black, asian, "
    "hispanic: percent of the row's employed, one decimal (race groups do not sum to 100, and Hispanic "
    "or Latino people may be of any race); median_age: years"
)


@dataclass(frozen=True)
class CpsDataset:
    document: Mapping[str, Any]

    @property
    def occupations(self) -> list[dict[str, Any]]:
        return self.document["occupations"]

    @property
    def counts(self) -> Mapping[str, Any]:
        return self.document["counts"]


def import_cps(source_dir: Path, oews_path: Path, overrides_path: Path) -> CpsDataset:
    """Read both CPS tables from source_dir and cross them to the OEWS codes in oews_path."""
    if not source_dir.is_dir():
        raise DataError(f"{source_dir}: no such directory (expected the CPS tables {_names()})")
    targets, oews_release = read_targets(oews_path)
    overrides = load_overrides(overrides_path, frozenset(t.soc for t in targets))
    tables = [read_table(source_dir / spec.file_name, spec) for spec in TABLES]
    check_override_titles(overrides, tables)
    crosswalks = {cw.table.spec.key: cw for cw in (cross_table(t, targets, overrides) for t in tables)}
    occupations = [
        _record(t.soc, crosswalks) for t in targets if any(t.soc in c.matches for c in crosswalks.values())
    ]
    document = {
        "provenance": _provenance(tables, overrides, oews_path, oews_release, len(targets)),
        "all_workers": {t.spec.key: _figures(t.total, t.spec) for t in tables},
        "occupations": occupations,
        "unmatched": _unmatched(crosswalks, targets, overrides),
        "counts": _counts(occupations, targets),
    }
    return CpsDataset(document)


def write_dataset(dataset: CpsDataset, out_dir: Path) -> Path:
    return write_json(dataset.document, out_dir / FILE_NAME)


def read_targets(path: Path) -> tuple[list[Target], str | None]:
    """The OEWS codes to cross to, from the committed OEWS dataset."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: no such file (the OEWS dataset; see --oews)") from None
    except (OSError, ValueError) as err:
        raise DataError(f"{path}: not a readable OEWS dataset ({err})") from None
    occupations = document.get("occupations") if isinstance(document, dict) else None
    if not isinstance(occupations, list) or not occupations:
        raise DataError(f"{path}: not an OEWS dataset: no 'occupations' list")
    targets = []
    for index, item in enumerate(occupations):
        try:
            targets.append(Target(str(item["soc"]), str(item["title"]), bool(item["residual"])))
        except (KeyError, TypeError):
            raise DataError(f"{path}: occupations[{index}] lacks soc, title or residual") from None
    release = document.get("provenance", {}).get("release")
    return sorted(targets, key=lambda t: t.soc), release


def _record(soc: str, crosswalks: Mapping[str, TableCrosswalk]) -> dict[str, Any]:
    record: dict[str, Any] = {"soc": soc}
    for key, crosswalk in crosswalks.items():
        match = crosswalk.matches.get(soc)
        record[key] = _matched(match, crosswalk.table.spec) if match else None
    return record


def _matched(match: Match, spec: TableSpec) -> dict[str, Any]:
    return {"broader": match.broader, **_figures(match.row, spec)}


def _figures(row: CpsRow, spec: TableSpec) -> dict[str, Any]:
    return {"row": row.title, **{c.field: row.values[c.field] for c in spec.columns}, "year": spec.year}


def _unmatched(
    crosswalks: Mapping[str, TableCrosswalk], targets: list[Target], overrides: Overrides
) -> dict[str, Any]:
    by_code = {t.soc: t for t in targets}
    result: dict[str, Any] = {}
    for key, crosswalk in crosswalks.items():
        rows = [{"row": r.title, "why": _row_why(r, overrides)} for r in crosswalk.unmatched_rows]
        result[key] = {"rows": rows, "soc": [_code(by_code[c], overrides) for c in crosswalk.unmatched_codes]}
    anywhere = set.union(*(set(c.matches) for c in crosswalks.values()))
    result["soc_without_any_row"] = [_code(t, overrides) for t in targets if t.soc not in anywhere]
    return result


def _row_why(row: CpsRow, overrides: Overrides) -> str | None:
    entry = overrides.rows.get(row.title)
    return entry.why if entry is not None else None


def _code(target: Target, overrides: Overrides) -> dict[str, Any]:
    note = overrides.unmatched_codes.get(target.soc)
    return {
        "soc": target.soc,
        "title": target.title,
        "residual": target.residual,
        "why": note.why if note is not None else None,
    }


def _counts(occupations: list[dict[str, Any]], targets: list[Target]) -> dict[str, Any]:
    """Coverage over the non-residual OEWS codes (the article subjects), own row and broader row apart."""
    subjects = {t.soc for t in targets if not t.residual}
    records = [r for r in occupations if r["soc"] in subjects]

    def split(table: str, *fields: str) -> dict[str, int]:
        found = [r[table] for r in records if r[table] and all(r[table][f] is not None for f in fields)]
        return {
            "own_row": sum(not f["broader"] for f in found),
            "broader_row": sum(f["broader"] for f in found),
        }

    return {
        "subjects": len(subjects),
        "subjects_without_any_row": len(subjects) - len(records),
        "age_row": split("age"),
        "median_age": split("age", "median_age"),
        "people_row": split("people"),
        "women": split("people", "women"),
        "race": split("people", "white", "black", "asian"),
        "hispanic": split("people", "hispanic"),
    }


def _provenance(
    tables: list[CpsTable], overrides: Overrides, oews_path: Path, oews_release: str | None, codes: int
) -> dict[str, Any]:
    return {
        "sources": {
            t.spec.key: {
                "file": t.spec.file_name,
                "sha256": sha256_of(t.path),
                "table": t.spec.title,
                "release": f"{t.spec.year} annual averages",
                "citation": t.spec.citation,
                "notes": list(t.notes),
            }
            for t in tables
        },
        "overrides": {"file": overrides.path.name, "sha256": sha256_of(overrides.path)},
        "oews": {"file": oews_path.name, "release": oews_release, "occupations": codes},
        "rules": dict(RULES),
        "units": UNITS,
    }


def _names() -> str:
    return " and ".join(spec.file_name for spec in TABLES)
