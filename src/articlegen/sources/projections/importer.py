"""Read BLS's Employment Projections workbook into one compact, deterministic dataset keyed by
the OEWS occupation codes, so that every projection sits beside the wages of the same occupation."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ...errors import DataError
from ..files import sha256_of, write_json
from .mapping import RULES as MAPPING_RULES
from .mapping import Matching, match
from .records import EpRow, Figures, Projection, Subject
from .tables import SUMMARY, TABLE_OPENINGS, TABLE_PROJECTIONS, read_matrix
from .values import RULES as VALUE_RULES

RELEASE = "Employment Projections 2024–34"
CITATION = "U.S. Bureau of Labor Statistics, Employment Projections 2024–34"
FILE_NAME = "ep-2024-34.json"
ALL_OCCUPATIONS = "00-0000"
SCOPE = (
    "EP employment counts all jobs, including the self-employed, in thousands; OEWS counts wage and "
    "salary jobs only. EP's median wage is BLS's OEWS figure for May 2024, not the May 2025 OEWS data"
)
FACTS = tuple(f.name for f in fields(Figures) if f.name != "top_coded")


@dataclass(frozen=True)
class ProjectionsDataset:
    provenance: Mapping[str, Any]
    all_occupations: Projection
    matching: Matching
    counts: Mapping[str, Any]

    def to_document(self) -> dict[str, Any]:
        return {
            "provenance": dict(self.provenance),
            "all_occupations": self.all_occupations.to_json(),
            "occupations": [p.to_json() for p in self.matching.projections],
            "unmatched": {
                "ep_codes_not_in_oews": [u.to_json() for u in self.matching.unmatched_ep],
                "oews_codes_not_in_ep": [u.to_json() for u in self.matching.unmatched_oews],
            },
            "counts": dict(self.counts),
        }


def import_projections(source: Path, oews: Path) -> ProjectionsDataset:
    """Read occupation.xlsx and attach its figures to the occupations of the OEWS dataset at oews."""
    subjects, oews_release = read_subjects(oews)
    rows, captions = read_matrix(source)
    matching = match(subjects, rows)
    provenance = {
        "release": RELEASE,
        "citation": CITATION,
        "publisher": "U.S. Bureau of Labor Statistics, Employment Projections program",
        "source_file": source.name,
        "source_sha256": sha256_of(source),
        "tables": {TABLE_PROJECTIONS: captions[0], TABLE_OPENINGS: captions[1]},
        "oews_dataset": {"file": oews.name, "release": oews_release, "occupations": len(subjects)},
        "scope": SCOPE,
        "rules": {**VALUE_RULES, **MAPPING_RULES},
    }
    return ProjectionsDataset(
        provenance, all_occupations(source, rows), matching, count(subjects, rows, matching)
    )


def write_dataset(dataset: ProjectionsDataset, out_dir: Path) -> Path:
    return write_json(dataset.to_document(), out_dir / FILE_NAME)


def read_subjects(path: Path) -> tuple[tuple[Subject, ...], str | None]:
    """The OEWS codes (with title and residual flag) and release of the committed OEWS dataset."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: no such file (the OEWS dataset, see --oews)") from None
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"{path}: cannot be read ({err})") from None
    except ValueError as err:
        raise DataError(f"{path}: not valid JSON ({err})") from None
    occupations = document.get("occupations") if isinstance(document, dict) else None
    if not isinstance(occupations, list) or not occupations:
        raise DataError(f"{path}: expected an OEWS dataset with a non-empty 'occupations' list")
    subjects = tuple(read_subject(path, i, o) for i, o in enumerate(occupations))
    release = document.get("provenance", {}).get("release")
    return subjects, release if isinstance(release, str) else None


def read_subject(path: Path, index: int, occupation: Any) -> Subject:
    try:
        soc, title, residual = occupation["soc"], occupation["title"], occupation["residual"]
    except (KeyError, TypeError):
        raise DataError(f"{path}: occupations[{index}] lacks 'soc', 'title' or 'residual'") from None
    if not (isinstance(soc, str) and isinstance(title, str) and isinstance(residual, bool)):
        raise DataError(f"{path}: occupations[{index}]: 'soc', 'title' or 'residual' has the wrong type")
    return Subject(soc, title, residual)


def all_occupations(source: Path, rows: Sequence[EpRow]) -> Projection:
    total = next((r for r in rows if r.code == ALL_OCCUPATIONS and r.kind == SUMMARY), None)
    if total is None:
        raise DataError(f"{source}: worksheet {TABLE_PROJECTIONS!r} has no {ALL_OCCUPATIONS} summary row")
    return Projection(total.code, total.title, None, total.figures)


def count(subjects: Sequence[Subject], rows: Sequence[EpRow], matching: Matching) -> dict[str, Any]:
    """The coverage the README reports, recomputed on every import so it cannot go stale."""
    by_code = {p.soc: p for p in matching.projections}
    topics = [s for s in subjects if not s.residual]
    covered = [by_code[s.soc] for s in topics if s.soc in by_code]
    return {
        "ep_line_items": sum(1 for r in rows if r.kind != SUMMARY),
        "ep_summary_rows": sum(1 for r in rows if r.kind == SUMMARY),
        "oews_occupations": len(subjects),
        "matched_direct": sum(1 for p in matching.projections if p.combined_from is None),
        "matched_combined": sum(1 for p in matching.projections if p.combined_from is not None),
        "unmatched_ep_codes": len(matching.unmatched_ep),
        "unmatched_oews_codes": len(matching.unmatched_oews),
        "subjects": len(topics),
        "subjects_with_projection": len(covered),
        "subjects_with_fact": {
            fact: sum(1 for p in covered if getattr(p.figures, fact) is not None) for fact in FACTS
        },
    }
