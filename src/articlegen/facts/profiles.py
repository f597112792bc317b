"""The O*NET, Projections and CPS datasets under data/, as fact groups of an `Occupation`, by SOC code.

Each importer (articlegen.sources) writes one compact JSON file; this module only reads what an
article states and says where it came from. A dataset that is absent is simply not used: its
fact groups stay missing and the planner leaves those parts out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError
from .yamlio import display_path

_THOUSAND = 1000
# Where each dataset lives under the data directory, newest release last when several are kept.
_GLOBS = {
    "onet": ("onet", "onet-*.json"),
    "projections": ("projections", "ep-*.json"),
    "cps": ("cps", "cps*.json"),
}


@dataclass(frozen=True)
class Profile:
    """One dataset's fact groups for one occupation, with the citations and notices they need."""

    groups: Mapping[str, Any]
    sources: tuple[str, ...]
    attributions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileSet:
    """Every dataset found under one data directory."""

    readers: tuple[Callable[[str], Profile | None], ...]
    alternate_titles: Mapping[str, tuple[str, ...]]  # soc -> O*NET alternate titles
    related_socs: Mapping[str, tuple[str, ...]]  # soc -> O*NET related occupations' codes

    def profiles(self, soc: str) -> list[Profile]:
        return [p for p in (read(soc) for read in self.readers) if p is not None]


def load_profiles(data_dir: Path) -> ProfileSet:
    readers: list[Callable[[str], Profile | None]] = []
    titles: Mapping[str, tuple[str, ...]] = {}
    related: Mapping[str, tuple[str, ...]] = {}
    path = _find(data_dir, "onet")
    if path is not None:
        onet = _OnetReader(path, _read_json(path))
        readers.append(onet.profile)
        titles, related = onet.alternate_titles(), onet.related()
    path = _find(data_dir, "projections")
    if path is not None:
        readers.append(_ProjectionsReader(path, _read_json(path)).profile)
    path = _find(data_dir, "cps")
    if path is not None:
        readers.append(_CpsReader(path, _read_json(path)).profile)
    return ProfileSet(tuple(readers), titles, related)


def _find(data_dir: Path, kind: str) -> Path | None:
    folder, pattern = _GLOBS[kind]
    directory = data_dir / folder
    found = sorted(directory.glob(pattern)) if directory.is_dir() else []
    return found[-1] if found else None


def _read_json(path: Path) -> dict[str, Any]:
    shown = display_path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise DataError(f"{shown}: cannot read file: {err.strerror}") from None
    except UnicodeDecodeError:
        raise DataError(f"{shown}: not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise DataError(f"{shown}:{err.lineno}: not valid JSON: {err.msg}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("occupations"), list):
        raise DataError(f"{shown}: expected an object with an 'occupations' list, as the importer writes")
    return raw


def _by_soc(path: Path, raw: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    records: dict[str, Mapping[str, Any]] = {}
    for index, record in enumerate(raw["occupations"]):
        if not isinstance(record, dict) or not isinstance(record.get("soc"), str):
            raise DataError(f"{display_path(path)}: occupations[{index}]: no 'soc' code")
        records[record["soc"]] = record
    return records


def _field(path: Path, raw: Mapping[str, Any], *keys: str) -> Any:
    value: Any = raw
    for key in keys:
        if not isinstance(value, Mapping) or key not in value:
            raise DataError(f"{display_path(path)}: {'.'.join(keys)}: missing; re-run the importer")
        value = value[key]
    return value


def _jobs(thousands: Any) -> int | None:
    return None if thousands is None else round(thousands * _THOUSAND)


def _kept(groups: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in groups.items() if v not in (None, (), [], {})}


class _OnetReader:
    def __init__(self, path: Path, raw: Mapping[str, Any]) -> None:
        self.records = _by_soc(path, raw)
        provenance = _field(path, raw, "provenance")
        self.attribution = str(_field(path, provenance, "attribution"))
        self.source = f"{_field(path, provenance, 'release')} Database (USDOL/ETA)"

    def alternate_titles(self) -> dict[str, tuple[str, ...]]:
        return {soc: tuple(r.get("alternate_titles") or ()) for soc, r in self.records.items()}

    def related(self) -> dict[str, tuple[str, ...]]:
        return {soc: tuple(r.get("related") or ()) for soc, r in self.records.items()}

    def profile(self, soc: str) -> Profile | None:
        record = self.records.get(soc)
        if record is None:
            return None
        part = record.get("description_of") or {}
        work = _kept(
            {
                "description": record.get("description"),
                "description_of": part.get("title"),
                "tasks": tuple(record.get("tasks") or ()),
            }
        )
        if work.get("tasks") and record.get("task_type") != "core":
            work["core_tasks"] = False  # O*NET has not typed them: they are its tasks, not its core ones
        skills = tuple(
            {"name": s["name"], "importance": s["importance"], "level": s.get("level")}
            for s in record.get("skills") or ()
        )
        zone = record.get("job_zone") or {}
        requirements = _kept(
            {
                "education": _shares(record.get("education")),
                "experience": _shares(record.get("experience")),
                "on_site_training": _shares(record.get("on_site_training")),
                "on_the_job_training": _shares(record.get("on_the_job_training")),
                "job_zone": zone.get("zone"),
                "job_zone_name": zone.get("name"),
            }
        )
        groups = _kept(
            {
                "work": {**work, "source": self.source} if work else None,
                "skill_ratings": {"ratings": skills, "source": self.source} if skills else None,
                "requirements": {**requirements, "source": self.source} if requirements else None,
                "alternate_titles": tuple(record.get("alternate_titles") or ()),
                # "Hot" marks technologies hot across all jobs (Apache Spark for nurses); "in demand"
                # marks those this job's postings ask for.
                "technologies": tuple(
                    t["name"] for t in record.get("technologies") or () if t.get("in_demand")
                ),
            }
        )
        if not groups:
            return None
        return Profile(groups, (self.source,), (self.attribution,))


def _shares(rows: Any) -> tuple[dict[str, Any], ...]:
    return tuple({"level": r["level"], "share": r.get("share")} for r in rows or ())


class _ProjectionsReader:
    def __init__(self, path: Path, raw: Mapping[str, Any]) -> None:
        self.records = _by_soc(path, raw)
        self.citation = str(_field(path, raw, "provenance", "citation"))
        self.average = _field(path, raw, "all_occupations", "employment_change_2024_34_percent")

    def profile(self, soc: str) -> Profile | None:
        r = self.records.get(soc)
        if r is None:
            return None
        outlook = {
            "start_year": 2024,
            "end_year": 2034,
            "employment_start": _jobs(r.get("employment_2024_thousands")),
            "employment_end": _jobs(r.get("employment_2034_thousands")),
            "change_percent": r.get("employment_change_2024_34_percent"),
            "openings_per_year": _jobs(r.get("openings_annual_average_2024_34_thousands")),
            "all_occupations_change_percent": self.average,
            "entry_education": r.get("typical_education_needed_for_entry"),
            "work_experience": r.get("work_experience_in_a_related_occupation"),
            "on_the_job_training": r.get("typical_on_the_job_training"),
            "source": self.citation,
        }
        return Profile({"outlook": _kept(outlook)}, (self.citation,))


class _CpsReader:
    def __init__(self, path: Path, raw: Mapping[str, Any]) -> None:
        self.records = _by_soc(path, raw)
        self.path = path
        self.all_age = _field(path, raw, "all_workers", "age")
        self.all_people = _field(path, raw, "all_workers", "people")
        sources = _field(path, raw, "provenance", "sources")
        self.citations = {kind: str(_field(path, sources, kind, "citation")) for kind in ("age", "people")}

    def profile(self, soc: str) -> Profile | None:
        r = self.records.get(soc)
        if r is None:
            return None
        age, people = r.get("age") or {}, r.get("people") or {}
        workforce: dict[str, Any] = {}
        cited = []
        if age.get("median_age") is not None:
            workforce |= {
                "median_age": age["median_age"],
                "age_year": age.get("year"),
                "age_group": age["row"] if age.get("broader") else None,
                "all_median_age": self.all_age.get("median_age"),
            }
            cited.append(self.citations["age"])
        shares = {k: people.get(k) for k in ("women", "white", "black", "asian", "hispanic")}
        if any(v is not None for v in shares.values()):
            workforce |= {f"{k}_share": v for k, v in shares.items()}
            workforce |= {
                "shares_year": people.get("year"),
                "shares_group": people["row"] if people.get("broader") else None,
                "all_women_share": self.all_people.get("women"),
            }
            cited.append(self.citations["people"])
        workforce = _kept(workforce)
        if not workforce:
            return None
        return Profile({"workforce": {**workforce, "source": "; ".join(cited)}}, tuple(cited))
