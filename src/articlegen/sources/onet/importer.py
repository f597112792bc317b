"""Import the O*NET Excel database into one compact record per OEWS occupation.

The OEWS dataset names the target codes (and which are "All Other" residuals); O*NET supplies
the facts. Only the codes and residual flags are read from OEWS, so the output does not change
when unrelated OEWS figures do.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import DataError
from ..files import sha256_of, write_json
from .codes import RULES as CODE_RULES
from .codes import CodeMap, map_codes
from .facts import ETE_SCALES, IMPORTANCE, LEVEL, Counts, Reference, Scale, read_occupations, read_reference
from .records import RULES as RECORD_RULES
from .records import OnetRecord, build_records
from .tables import ALL_TABLES

README = "Read Me.txt"
URL = "https://www.onetcenter.org/database.html"
LICENSE = "CC BY 4.0"
LICENSE_URL = "https://www.onetcenter.org/license_db.html"
ATTRIBUTION = (
    "This page includes information from the {release} Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."
)
FACTS = (
    "description",
    "tasks",
    "skills",
    *ETE_SCALES,
    "job_zone",
    "related",
    "alternate_titles",
    "technologies",
)
_OEWS_CODE = re.compile(r"\d\d-\d{4}")


@dataclass(frozen=True)
class OewsCodes:
    file: str
    codes: tuple[str, ...]
    residual: frozenset[str]


@dataclass(frozen=True)
class Release:
    version: str  # "29.3"
    date: str  # "May 2025"

    @property
    def name(self) -> str:
        return f"O*NET {self.version}"


@dataclass(frozen=True)
class OnetDataset:
    release: Release
    provenance: Mapping[str, Any]
    occupations: tuple[OnetRecord, ...]
    unmatched: Mapping[str, Any]

    @property
    def file_name(self) -> str:
        return f"onet-{self.release.version}.json"

    def document(self) -> dict[str, Any]:
        return {
            "provenance": dict(self.provenance),
            "occupations": [record.to_json() for record in self.occupations],
            "unmatched": dict(self.unmatched),
        }


def import_onet(directory: Path, oews_path: Path) -> OnetDataset:
    """Read the O*NET files in directory, keyed to the OEWS codes in oews_path."""
    if not directory.is_dir():
        raise DataError(f"{directory}: not a directory (give the folder holding the O*NET .xlsx files)")
    release = read_release(directory / README)
    oews = read_oews_codes(oews_path)
    reference = read_reference(directory)
    occupations, counts = read_occupations(directory, reference)
    code_map = map_codes(occupations, oews.codes)
    built = build_records(oews.codes, oews.residual, code_map, occupations)
    unmatched = {
        "oews": [
            {"soc": r.soc, "reason": "no O*NET occupation X.00 or part maps to it"}
            for r in built
            if not r.has_facts
        ],
        "onet": [{"onet": code, "title": occupations[code].title} for code in code_map.unmapped],
    }
    provenance = _provenance(directory, release, oews, reference, counts, built, code_map)
    return OnetDataset(release, provenance, built, unmatched)


def write_dataset(dataset: OnetDataset, out_dir: Path) -> Path:
    return write_json(dataset.document(), out_dir / dataset.file_name)


def read_release(path: Path) -> Release:
    """The release and its date, from O*NET's Read Me ("O*NET 29.3 Database", "May 2025 Release")."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise DataError(f"{path}: no such file (O*NET's Read Me names the release)") from None
    except OSError as err:
        raise DataError(f"{path}: cannot read: {err.strerror}") from None
    version = re.search(r"O\*NET (\d+\.\d+) Database", text)
    date = re.search(r"^\s*([A-Z][a-z]+ \d{4}) Release", text, re.MULTILINE)
    if version is None or date is None:
        raise DataError(f"{path}: does not name the release ('O*NET 29.3 Database', 'May 2025 Release')")
    return Release(version.group(1), date.group(1))


def read_oews_codes(path: Path) -> OewsCodes:
    """The OEWS occupation codes and their residual flags: all this importer takes from OEWS."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: no such file (the OEWS dataset names the target codes)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataError(f"{path}: not a readable OEWS dataset ({type(err).__name__}: {err})") from None
    occupations = document.get("occupations") if isinstance(document, dict) else None
    if not isinstance(occupations, list) or not occupations:
        raise DataError(f"{path}: has no 'occupations' list")
    found: list[str] = []
    residual = set()
    for number, occupation in enumerate(occupations, start=1):
        soc = occupation.get("soc") if isinstance(occupation, dict) else None
        if not isinstance(soc, str) or not _OEWS_CODE.fullmatch(soc):
            raise DataError(f"{path}: occupation {number}: 'soc' {soc!r} is not a code like 43-3011")
        flag = occupation.get("residual")
        if not isinstance(flag, bool):
            raise DataError(f"{path}: occupation {soc}: 'residual' is not true or false")
        if soc in found:
            raise DataError(f"{path}: occupation {soc} is listed twice")
        found.append(soc)
        if flag:
            residual.add(soc)
    return OewsCodes(path.name, tuple(sorted(found)), frozenset(residual))


def _provenance(
    directory: Path,
    release: Release,
    oews: OewsCodes,
    reference: Reference,
    counts: Counts,
    built: tuple[OnetRecord, ...],
    code_map: CodeMap,
) -> dict[str, Any]:
    names = sorted([README, *(table.file for table in ALL_TABLES)])
    importance, level = reference.scales[IMPORTANCE], reference.scales[LEVEL]
    subjects = [r for r in built if r.soc not in oews.residual]
    documents = {r.soc: r.to_json() for r in subjects}
    return {
        "release": release.name,
        "date": release.date,
        "source": f"{release.name} Database, Excel edition",
        "url": URL,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "attribution": ATTRIBUTION.format(release=release.name),
        "files": [{"name": name, "sha256": sha256_of(directory / name)} for name in names],
        "oews": {
            "file": oews.file,
            "occupations": len(oews.codes),
            "residual": len(oews.residual),
            "read": "codes and residual flags only",
        },
        "scales": {
            "importance": _scale_text(importance, "how important the skill is to the job"),
            "level": _scale_text(level, "how much of the skill the job needs"),
            "education": (
                "RL, Required Level of Education: per category, the percent of respondents (incumbents or "
                "occupational experts) who say that level of education is required to perform the job; it is "
                "not the degrees workers hold"
            ),
            "experience": (
                "RW, Related Work Experience: percent of respondents per amount of related work experience "
                "they say is required to be hired for the job"
            ),
            "on_site_training": (
                "PT, On-Site or In-Plant Training: percent of respondents per amount of organized on-site or "
                "in-plant training (classroom study) they say the job requires"
            ),
            "on_the_job_training": (
                "OJ, On-the-Job Training: percent of respondents per amount of on-the-job training (learning "
                "while working under supervision) they say the job requires"
            ),
            "job_zone": (
                "O*NET's 1-5 grouping of occupations by how much preparation they need (Job Zone Reference)"
            ),
        },
        "categories": {
            field: [
                {"category": c.category, "level": c.level, "description": c.description}
                for c in reference.categories
                if c.scale == scale
            ]
            for field, scale in ETE_SCALES.items()
        },
        "skill_definitions": [
            {"element_id": s.element_id, "name": s.name, "description": s.description}
            for s in reference.skills
        ],
        "rules": {**{f"code_{name}": text for name, text in CODE_RULES.items()}, **RECORD_RULES},
        "counts": {
            "occupations": len(built),
            "exact": sum(1 for r in built if r.has_facts and not r.aggregate),
            "aggregates": sum(1 for r in built if r.aggregate),
            "without_facts": sum(1 for r in built if not r.has_facts),
            "onet_occupations": len(code_map.oews_of) + len(code_map.unmapped),
            "onet_specialties": sum(len(m.specialties) for m in code_map.members.values()),
            "onet_unmapped": len(code_map.unmapped),
            "skills_left_out_suppressed": counts.skills_suppressed,
            "skills_left_out_not_relevant": counts.skills_not_relevant,
            "shares_suppressed": counts.shares_suppressed,
            "supplemental_tasks_left_out": counts.supplemental_tasks,
            "untyped_tasks_left_out": counts.unclassified_tasks_dropped,
        },
        "coverage": {
            "subjects": len(subjects),
            **{fact: sum(1 for d in documents.values() if fact in d) for fact in FACTS},
        },
    }


def _scale_text(scale: Scale, meaning: str) -> dict[str, Any]:
    return {
        "scale_id": scale.scale,
        "name": scale.name,
        "min": scale.minimum,
        "max": scale.maximum,
        "meaning": meaning,
    }
