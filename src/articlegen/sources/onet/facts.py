"""Collect each O*NET occupation's facts from the tables, as O*NET publishes them.

Everything here is per O*NET-SOC code; deciding which codes speak for an OEWS occupation is
records.py's job. Values are kept as published (ratings and shares to O*NET's two decimals);
what O*NET flags as imprecise or not relevant is left out, as its data dictionary recommends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ...errors import DataError
from .tables import (
    ALTERNATE_TITLES,
    CATEGORIES,
    CONTENT_MODEL,
    EDUCATION,
    JOB_ZONE_REFERENCE,
    JOB_ZONES,
    OCCUPATION_DATA,
    RELATED,
    SCALES,
    SKILLS,
    TASKS,
    TECHNOLOGY,
    Row,
    read_table,
)

IMPORTANCE = "IM"
LEVEL = "LV"
CORE = "core"
UNCLASSIFIED = "unclassified"

# Education, Training, and Experience scales: record field -> O*NET Scale ID.
ETE_SCALES = {
    "education": "RL",
    "experience": "RW",
    "on_site_training": "PT",
    "on_the_job_training": "OJ",
}
SKILL_ELEMENTS = "2.A", "2.B"  # Content Model: basic and cross-functional skills


@dataclass(frozen=True)
class Skill:
    name: str
    importance: float
    level: float


@dataclass(frozen=True)
class Share:
    level: str
    category: int
    share: float | None  # None: O*NET recommends suppressing the estimate, or publishes none


@dataclass(frozen=True)
class Category:
    scale: str
    category: int
    level: str  # the Category Description up to its first " - "
    description: str  # the whole Category Description


@dataclass(frozen=True)
class JobZone:
    zone: int
    name: str


@dataclass(frozen=True)
class Technology:
    name: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True)
class RelatedLink:
    index: int  # O*NET's order: Primary-Short tier first, then Primary-Long, then Supplemental
    onet: str


@dataclass(frozen=True)
class AlternateTitle:
    title: str
    sources: int  # how many of O*NET's title sources report it


@dataclass(frozen=True)
class Scale:
    scale: str
    name: str
    minimum: float
    maximum: float


@dataclass(frozen=True)
class SkillDefinition:
    element_id: str
    name: str
    description: str


@dataclass(frozen=True)
class OnetOccupation:
    code: str
    title: str
    description: str | None
    tasks: tuple[str, ...]
    task_type: str | None  # CORE, UNCLASSIFIED, or None without tasks
    skills: tuple[Skill, ...]
    shares: Mapping[str, tuple[Share, ...]]  # ETE field name -> shares in category order
    job_zone: JobZone | None
    related: tuple[RelatedLink, ...]
    alternate_titles: tuple[AlternateTitle, ...]
    technologies: tuple[Technology, ...]  # the examples flagged Hot Technology or In Demand


@dataclass(frozen=True)
class Reference:
    """What the reference files define: scales, ETE categories, job zone names, skill definitions."""

    scales: Mapping[str, Scale]
    categories: tuple[Category, ...]
    job_zones: Mapping[int, str]
    skills: tuple[SkillDefinition, ...]


@dataclass(frozen=True)
class Counts:
    """Rows the rules left out, for provenance: what a reader of the data should know was dropped."""

    skills_suppressed: int
    skills_not_relevant: int
    shares_suppressed: int
    supplemental_tasks: int
    unclassified_tasks_dropped: int


def read_reference(directory: Path) -> Reference:
    scales = {}
    for row in read_table(directory, SCALES):
        scale = row.required_text("Scale ID")
        low, high = row.number("Minimum"), row.number("Maximum")
        if low is None or high is None:
            raise DataError(f"{row.path}: row {row.line}: scale {scale} has no Minimum or Maximum")
        scales[scale] = Scale(scale, row.required_text("Scale Name"), low, high)
    for needed in (IMPORTANCE, LEVEL, *ETE_SCALES.values()):
        if needed not in scales:
            raise DataError(f"{directory / SCALES.file}: no row for scale {needed}")
    categories = tuple(
        sorted(
            (_category(row) for row in read_table(directory, CATEGORIES)),
            key=lambda c: (c.scale, c.category),
        )
    )
    job_zones = {
        row.integer("Job Zone"): row.required_text("Name")
        for row in read_table(directory, JOB_ZONE_REFERENCE)
    }
    skills = tuple(
        SkillDefinition(element, row.required_text("Element Name"), row.text("Description") or "")
        for row in read_table(directory, CONTENT_MODEL)
        if _is_skill_element(element := row.required_text("Element ID"))
    )
    return Reference(scales, categories, job_zones, skills)


def _is_skill_element(element_id: str) -> bool:
    # Individual skills sit three levels down (2.A.1.a); 2.A and 2.A.1 are their headings.
    return element_id.startswith(SKILL_ELEMENTS) and element_id.count(".") == 3


def _category(row: Row) -> Category:
    description = row.required_text("Category Description")
    return Category(
        row.required_text("Scale ID"), row.integer("Category"), description.split(" - ")[0], description
    )


def read_occupations(directory: Path, reference: Reference) -> tuple[dict[str, OnetOccupation], Counts]:
    """Every O*NET occupation in Occupation Data, with its facts from the other files."""
    titles: dict[str, str] = {}
    descriptions: dict[str, str | None] = {}
    for row in read_table(directory, OCCUPATION_DATA):
        code = row.code("O*NET-SOC Code")
        if code in titles:
            raise DataError(f"{row.path}: row {row.line}: O*NET-SOC code {code} is listed twice")
        titles[code] = row.required_text("Title")
        descriptions[code] = row.text("Description")
    tasks, task_types, task_counts = _read_tasks(directory)
    skills, skill_counts = _read_skills(directory, reference.scales)
    shares, shares_suppressed = _read_shares(directory, reference)
    zones = _read_job_zones(directory, reference.job_zones)
    related = _read_related(directory)
    alternates = _read_alternate_titles(directory)
    technologies = _read_technologies(directory)
    for table, found in (
        (TASKS, tasks),
        (SKILLS, skills),
        (EDUCATION, shares),
        (JOB_ZONES, zones),
        (RELATED, related),
        (ALTERNATE_TITLES, alternates),
        (TECHNOLOGY, technologies),
    ):
        _check_known(found, titles, directory / table.file)
    occupations = {
        code: OnetOccupation(
            code=code,
            title=title,
            description=descriptions[code],
            tasks=tasks.get(code, ()),
            task_type=task_types.get(code),
            skills=skills.get(code, ()),
            shares=shares.get(code, {}),
            job_zone=zones.get(code),
            related=related.get(code, ()),
            alternate_titles=alternates.get(code, ()),
            technologies=technologies.get(code, ()),
        )
        for code, title in titles.items()
    }
    counts = Counts(skill_counts[0], skill_counts[1], shares_suppressed, *task_counts)
    return occupations, counts


def _read_tasks(directory: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, str], tuple[int, int]]:
    """Core tasks by Task ID; an occupation whose tasks O*NET has not typed at all keeps them all.

    O*NET types a task Core or Supplemental from incumbents' or experts' ratings. For newer
    occupations (e.g. 15-1252.00 Software Developers) no task is typed yet: their analyst-written
    list is all O*NET has, and is kept as task_type "unclassified". Where typed and untyped tasks
    mix, only the Core ones are kept.
    """
    typed: dict[str, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in read_table(directory, TASKS):
        task = row.text("Task")
        if task is None:
            continue
        kind = row.text("Task Type")
        key = kind.lower() if kind is not None else UNCLASSIFIED
        if key not in (CORE, "supplemental", UNCLASSIFIED):
            raise DataError(
                f"{row.path}: row {row.line}, column 'Task Type': {kind!r} is not Core or Supplemental"
            )
        typed[row.code("O*NET-SOC Code")][key].append((row.integer("Task ID"), task))
    tasks, types = {}, {}
    supplemental = dropped = 0
    for code, kinds in typed.items():
        supplemental += len(kinds.get("supplemental", []))
        if kinds.get(CORE):
            chosen, kind = kinds[CORE], CORE
            dropped += len(kinds.get(UNCLASSIFIED, []))
        elif kinds.get(UNCLASSIFIED) and not kinds.get("supplemental"):
            chosen, kind = kinds[UNCLASSIFIED], UNCLASSIFIED
        else:
            dropped += len(kinds.get(UNCLASSIFIED, []))
            continue
        tasks[code] = tuple(text for _, text in sorted(chosen))
        types[code] = kind
    return tasks, types, (supplemental, dropped)


def _read_skills(
    directory: Path, scales: Mapping[str, Scale]
) -> tuple[dict[str, tuple[Skill, ...]], tuple[int, int]]:
    """Skills with both an Importance and a Level, neither flagged; by importance, then name."""
    ratings: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    flagged: dict[tuple[str, str], str] = {}
    for row in read_table(directory, SKILLS):
        scale = row.required_text("Scale ID")
        if scale not in (IMPORTANCE, LEVEL):
            continue
        key = (row.code("O*NET-SOC Code"), row.required_text("Element Name"))
        value = row.number("Data Value")
        if value is not None:
            _check_range(row, value, scales[scale])
        ratings[key][scale] = value
        # Suppression is the stronger reason: a row flagged both ways counts as suppressed.
        if row.flag("Recommend Suppress"):
            flagged[key] = "suppressed"
        elif row.flag("Not Relevant"):
            flagged.setdefault(key, "not_relevant")
    by_code: dict[str, list[Skill]] = defaultdict(list)
    for (code, name), values in ratings.items():
        importance, level = values.get(IMPORTANCE), values.get(LEVEL)
        if (code, name) in flagged or importance is None or level is None:
            continue
        by_code[code].append(Skill(name, round(importance, 2), round(level, 2)))
    reasons = list(flagged.values())
    skills = {
        code: tuple(sorted(found, key=lambda s: (-s.importance, s.name))) for code, found in by_code.items()
    }
    return skills, (reasons.count("suppressed"), reasons.count("not_relevant"))


def _check_range(row: Row, value: float, scale: Scale) -> None:
    if not scale.minimum <= value <= scale.maximum:
        raise DataError(
            f"{row.path}: row {row.line}, column 'Data Value': {value:g} is outside the {scale.name} "
            f"scale ({scale.minimum:g}-{scale.maximum:g})"
        )


def _read_shares(
    directory: Path, reference: Reference
) -> tuple[dict[str, dict[str, tuple[Share, ...]]], int]:
    """Each occupation's percent of respondents per category, for the four ETE scales."""
    labels = {(c.scale, c.category): c.level for c in reference.categories}
    fields = {scale: field for field, scale in ETE_SCALES.items()}
    found: dict[str, dict[str, list[Share]]] = defaultdict(lambda: defaultdict(list))
    suppressed = 0
    for row in read_table(directory, EDUCATION):
        scale = row.required_text("Scale ID")
        if scale not in fields:
            continue  # IM rows: certification and apprenticeship importance, not used
        category = row.integer("Category")
        level = labels.get((scale, category))
        if level is None:
            raise DataError(
                f"{row.path}: row {row.line}: scale {scale} category {category} is not in {CATEGORIES.file}"
            )
        value = row.number("Data Value")
        if value is not None:
            _check_range(row, value, reference.scales[scale])
        if row.flag("Recommend Suppress"):
            suppressed += 1
            value = None
        share = None if value is None else round(value, 2)
        found[row.code("O*NET-SOC Code")][fields[scale]].append(Share(level, category, share))
    shares = {
        code: {
            field: tuple(sorted(rows, key=lambda s: s.category))
            for field, rows in by_field.items()
            if any(s.share is not None for s in rows)
        }
        for code, by_field in found.items()
    }
    return shares, suppressed


def _read_job_zones(directory: Path, names: Mapping[int, str]) -> dict[str, JobZone]:
    zones = {}
    for row in read_table(directory, JOB_ZONES):
        zone = row.integer("Job Zone")
        if zone not in names:
            raise DataError(
                f"{row.path}: row {row.line}: job zone {zone} is not in {JOB_ZONE_REFERENCE.file}"
            )
        zones[row.code("O*NET-SOC Code")] = JobZone(zone, names[zone])
    return zones


def _read_related(directory: Path) -> dict[str, tuple[RelatedLink, ...]]:
    related: dict[str, list[RelatedLink]] = defaultdict(list)
    for row in read_table(directory, RELATED):
        related[row.code("O*NET-SOC Code")].append(
            RelatedLink(row.integer("Index"), row.code("Related O*NET-SOC Code"))
        )
    return {code: tuple(sorted(links, key=lambda r: (r.index, r.onet))) for code, links in related.items()}


def _read_alternate_titles(directory: Path) -> dict[str, tuple[AlternateTitle, ...]]:
    titles: dict[str, list[AlternateTitle]] = defaultdict(list)
    for row in read_table(directory, ALTERNATE_TITLES):
        title = row.text("Alternate Title")
        if title is None:
            continue
        sources = row.text("Source(s)")
        count = len([s for s in sources.split(",") if s.strip()]) if sources else 0
        titles[row.code("O*NET-SOC Code")].append(AlternateTitle(title, count))
    return {code: tuple(found) for code, found in titles.items()}


def _read_technologies(directory: Path) -> dict[str, tuple[Technology, ...]]:
    found: dict[str, list[Technology]] = defaultdict(list)
    for row in read_table(directory, TECHNOLOGY):
        hot, in_demand = row.flag("Hot Technology"), row.flag("In Demand")
        name = row.text("Example")
        if name is not None and (hot or in_demand):
            found[row.code("O*NET-SOC Code")].append(Technology(name, hot, in_demand))
    return {code: tuple(items) for code, items in found.items()}


def _check_known(found: Mapping[str, object], known: Mapping[str, str], path: Path) -> None:
    """A fact file's codes must all be in Occupation Data, or their facts would be lost silently."""
    for code in sorted(set(found) - set(known)):
        raise DataError(f"{path}: O*NET-SOC code {code} is not in {OCCUPATION_DATA.file}")
