"""Build one record per OEWS occupation from the O*NET occupations that code maps to.

An OEWS code X with O*NET occupation X.00 takes X.00's facts, and only X.00's: O*NET's finer
occupations X.01, X.02... are narrower jobs inside X (Chief Sustainability Officers inside Chief
Executives), so their titles, tasks and ratings are not X's. They are listed as `specialties`.

An OEWS code that O*NET splits into several occupations (its parts) is an aggregate. O*NET rates
only the parts, and without each part's employment no combination of their ratings is the
aggregate's, so an aggregate keeps only what stays true of the whole:
- description and tasks: those of one part, named in `description_of` so the prose can say so;
  the part is the first in code order that is not an "All Other" residual and has a description;
- job zone: only when every part has one and they are the same zone;
- related occupations: every part's, in O*NET's order (see related_of);
- alternate titles: the parts' own titles (not "All Other" ones), then the parts' alternate titles;
- technologies: the examples flagged in every part (hot, or in demand only if in demand in each);
- no skills and no education, experience or training shares.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .codes import EXACT, CodeMap, Members
from .facts import (
    ETE_SCALES,
    AlternateTitle,
    JobZone,
    OnetOccupation,
    RelatedLink,
    Share,
    Skill,
    Technology,
)

MAX_TECHNOLOGIES = 10
MAX_ALTERNATE_TITLES = 10
MAX_TASKS = 15
MAX_RELATED = 20  # what O*NET lists per occupation; an aggregate's pooled list is cut to the same
ALL_OTHER = "All Other"

RULES = {
    "specialties": (
        "X.01, X.02... are O*NET's narrower occupations inside X: listed by code and title as specialties, "
        "none of their facts used"
    ),
    "aggregate": (
        "an OEWS code O*NET splits into parts (no X.00) is an aggregate: description and tasks of one part "
        "(description_of: the first part in code order that is not 'All Other' and has a description), job "
        "zone only when all parts share it, related/alternate titles pooled from the parts, technologies "
        "flagged in every part, no skills and no education/experience/training shares (no combination of "
        "the parts' ratings is the aggregate's without their employment)"
    ),
    "tasks": (
        f"Core task statements by Task ID, at most {MAX_TASKS}; an occupation none of whose tasks O*NET has "
        f"typed (newer codes) keeps its untyped ones with task_type 'unclassified'; Supplemental tasks are "
        f"left out"
    ),
    "skills": (
        "a skill needs an Importance (IM, 1-5) and a Level (LV, 0-7) row, neither flagged Recommend "
        "Suppress = Y or Not Relevant = Y; values to 2 decimals; by importance descending, then name"
    ),
    "shares": (
        "education (RL), experience (RW), on_site_training (PT), on_the_job_training (OJ): every category "
        "O*NET lists with a share above 0, in category order, share as published (percent); a share flagged "
        "Recommend Suppress = Y is null (kept, so a list with a gap is never read as complete)"
    ),
    "related": (
        "O*NET's Related Occupations by Index (Primary-Short tier, then Primary-Long, then Supplemental), "
        f"each mapped to its OEWS code; deduped, never the occupation itself, never an 'All Other' residual; "
        f"an aggregate pools its parts' lists by Index, then part; at most {MAX_RELATED}"
    ),
    "alternate_titles": (
        f"by the number of sources O*NET lists for the title (more first), then alphabetically; deduped "
        f"case-insensitively, without the occupation's own title; at most {MAX_ALTERNATE_TITLES}"
    ),
    "technologies": (
        f"Technology Skills examples flagged Hot Technology or In Demand: in-demand ones first, then "
        f"alphabetically; at most {MAX_TECHNOLOGIES}"
    ),
    "missing": "a fact O*NET does not give for the occupation has no key in its record",
}


@dataclass(frozen=True)
class Part:
    onet: str
    title: str


@dataclass(frozen=True)
class OnetRecord:
    soc: str
    onet: tuple[str, ...]
    aggregate: bool
    title: str | None = None
    description: str | None = None
    description_of: Part | None = None
    tasks: tuple[str, ...] = ()
    task_type: str | None = None
    skills: tuple[Skill, ...] = ()
    shares: Mapping[str, tuple[Share, ...]] = field(default_factory=dict)
    job_zone: JobZone | None = None
    related: tuple[str, ...] = ()
    alternate_titles: tuple[str, ...] = ()
    technologies: tuple[Technology, ...] = ()
    parts: tuple[Part, ...] = ()
    specialties: tuple[Part, ...] = ()

    @property
    def has_facts(self) -> bool:
        return bool(self.onet)

    def to_json(self) -> dict[str, Any]:
        """The record as JSON: soc, onet and aggregate always; any other fact only when there is one."""
        document: dict[str, Any] = {"soc": self.soc, "onet": list(self.onet), "aggregate": self.aggregate}
        optional: dict[str, Any] = {
            "title": self.title,
            "description": self.description,
            "description_of": _part(self.description_of) if self.description_of else None,
            "tasks": list(self.tasks),
            "task_type": self.task_type,
            "skills": [{"name": s.name, "importance": s.importance, "level": s.level} for s in self.skills],
            "job_zone": {"zone": self.job_zone.zone, "name": self.job_zone.name} if self.job_zone else None,
            "related": list(self.related),
            "alternate_titles": list(self.alternate_titles),
            "technologies": [
                {"name": x.name, "hot": x.hot, "in_demand": x.in_demand} for x in self.technologies
            ],
            "parts": [_part(p) for p in self.parts],
            "specialties": [_part(p) for p in self.specialties],
        }
        for name in ETE_SCALES:
            optional[name] = [
                {"level": s.level, "category": s.category, "share": s.share}
                for s in self.shares.get(name, ())
            ]
        document.update({key: value for key, value in optional.items() if value})
        return document


def _part(part: Part) -> dict[str, str]:
    return {"onet": part.onet, "title": part.title}


def build_records(
    oews_codes: Sequence[str],
    residual: frozenset[str],
    code_map: CodeMap,
    occupations: Mapping[str, OnetOccupation],
) -> tuple[OnetRecord, ...]:
    """One record per OEWS code, sorted by code."""
    return tuple(
        build_record(soc, code_map.members[soc], code_map, occupations, residual)
        for soc in sorted(oews_codes)
    )


def build_record(
    soc: str,
    members: Members,
    code_map: CodeMap,
    occupations: Mapping[str, OnetOccupation],
    residual: frozenset[str],
) -> OnetRecord:
    specialties = tuple(Part(c, occupations[c].title) for c in members.specialties)
    if not members.principals:
        return OnetRecord(soc=soc, onet=(), aggregate=False, specialties=specialties)
    parts = [occupations[c] for c in members.principals]
    related = related_of(soc, parts, code_map, residual)
    if members.rule == EXACT:
        (occupation,) = parts
        return OnetRecord(
            soc=soc,
            onet=(occupation.code,),
            aggregate=False,
            title=occupation.title,
            description=occupation.description,
            tasks=occupation.tasks[:MAX_TASKS],
            task_type=occupation.task_type,
            skills=occupation.skills,
            shares=nonzero_shares(occupation.shares),
            job_zone=occupation.job_zone,
            related=related,
            alternate_titles=alternate_titles_of([], occupation.alternate_titles, occupation.title),
            technologies=order_technologies(occupation.technologies),
            specialties=specialties,
        )
    described = representative_of(parts)
    return OnetRecord(
        soc=soc,
        onet=tuple(p.code for p in parts),
        aggregate=True,
        description=described.description if described else None,
        description_of=Part(described.code, described.title) if described else None,
        tasks=described.tasks[:MAX_TASKS] if described else (),
        task_type=described.task_type if described else None,
        job_zone=shared_job_zone(parts),
        related=related,
        alternate_titles=alternate_titles_of(
            [p.title for p in parts if not is_all_other(p.title)],
            [title for p in parts for title in p.alternate_titles],
            None,
        ),
        technologies=order_technologies(common_technologies(parts)),
        parts=tuple(Part(p.code, p.title) for p in parts),
        specialties=specialties,
    )


def nonzero_shares(shares: Mapping[str, tuple[Share, ...]]) -> dict[str, tuple[Share, ...]]:
    """Shares without the categories nobody chose (0%): the categories are in provenance, so 0 is implied.

    A list left with no positive share (only suppressed ones) says nothing and is dropped.
    """
    kept = {field: tuple(s for s in found if s.share != 0) for field, found in shares.items()}
    return {field: found for field, found in kept.items() if any(s.share for s in found)}


def is_all_other(title: str) -> bool:
    return ALL_OTHER.casefold() in title.casefold()


def representative_of(parts: Sequence[OnetOccupation]) -> OnetOccupation | None:
    for part in parts:
        if part.description and not is_all_other(part.title):
            return part
    return None


def shared_job_zone(parts: Sequence[OnetOccupation]) -> JobZone | None:
    zones = {p.job_zone for p in parts}
    if len(zones) == 1 and None not in zones:
        return zones.pop()
    return None


def related_of(
    soc: str, parts: Sequence[OnetOccupation], code_map: CodeMap, residual: frozenset[str]
) -> tuple[str, ...]:
    """Related OEWS codes in O*NET's order; for several parts, by Index and then by part."""
    links: list[tuple[int, int, RelatedLink]] = [
        (link.index, position, link) for position, part in enumerate(parts) for link in part.related
    ]
    found: list[str] = []
    for _, _, link in sorted(links, key=lambda item: (item[0], item[1])):
        target = code_map.oews_of.get(link.onet)
        if target is None or target == soc or target in residual or target in found:
            continue
        found.append(target)
        if len(found) == MAX_RELATED:
            break
    return tuple(found)


def alternate_titles_of(
    first: Iterable[str], alternates: Iterable[AlternateTitle], own_title: str | None
) -> tuple[str, ...]:
    """`first` as given, then the alternates by sources (more first) and name; deduped, capped."""
    ranked = sorted(alternates, key=lambda a: (-a.sources, a.title.casefold(), a.title))
    seen = {own_title.casefold()} if own_title else set()
    titles: list[str] = []
    for title in [*first, *(a.title for a in ranked)]:
        key = title.casefold()
        if key in seen:
            continue
        seen.add(key)
        titles.append(title)
        if len(titles) == MAX_ALTERNATE_TITLES:
            break
    return tuple(titles)


def common_technologies(parts: Sequence[OnetOccupation]) -> tuple[Technology, ...]:
    """The flagged examples every part lists; in demand only where every part has it in demand."""
    by_part = [{x.name: x for x in p.technologies} for p in parts]
    names = set(by_part[0]).intersection(*by_part[1:]) if by_part else set()
    combined = (
        Technology(
            name,
            all(found[name].hot for found in by_part),
            all(found[name].in_demand for found in by_part),
        )
        for name in sorted(names)
    )
    return tuple(x for x in combined if x.hot or x.in_demand)


def order_technologies(technologies: Iterable[Technology]) -> tuple[Technology, ...]:
    ranked = sorted(technologies, key=lambda x: (not x.in_demand, x.name.casefold(), x.name))
    return tuple(ranked[:MAX_TECHNOLOGIES])
