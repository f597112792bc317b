"""Reading occupation data files into validated, immutable records."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from pydantic import ValidationError

from ..errors import DataError, UnknownOccupationError
from .occupation import NounForms, Occupation
from .oews_records import OewsDataset, find_dataset, load_oews
from .profiles import ProfileSet, load_profiles
from .titles import TitleForms, derive_title_forms
from .validation import describe_validation_error
from .yamlio import YamlSyntaxError, display_path, load_yaml_file

Source = Literal["hand", "oews"]


@dataclass(frozen=True)
class Entry:
    """What `list` shows of an occupation, known without building its Occupation."""

    slug: str
    title: str  # as the record gives it; for OEWS, BLS's plural title (the heading is derived on use)
    source: Source
    soc: str | None = None
    group: str | None = None  # SOC minor group code
    group_title: str | None = None
    bls_title: str | None = None  # as BLS publishes it: "Bill and Account Collectors"
    residual: bool = False  # an OEWS "All Other" category: listed, never an article subject
    alternate_titles: tuple[str, ...] = ()  # O*NET's other names for the job


class _LazyOccupations(Mapping[str, Occupation]):
    """Occupations built on first use: converting all ~830 OEWS records costs most of a second."""

    def __init__(self, slugs: list[str], build: Callable[[str], Occupation]) -> None:
        self._slugs, self._build = slugs, build
        self._built: dict[str, Occupation] = {}

    def __getitem__(self, slug: str) -> Occupation:
        if slug not in self._built:
            if slug not in self._slugs_set:
                raise KeyError(slug)
            self._built[slug] = self._build(slug)
        return self._built[slug]

    @cached_property
    def _slugs_set(self) -> frozenset[str]:
        return frozenset(self._slugs)

    def __iter__(self) -> Iterator[str]:
        return iter(self._slugs)

    def __len__(self) -> int:
        return len(self._slugs)


@dataclass(frozen=True)
class Catalog:
    """Every occupation of one data directory: hand-written records and OEWS ones, by slug.

    `occupations` holds the article subjects; `entries` also lists the residual OEWS
    categories, which `find` refuses with a reason.
    """

    occupations: Mapping[str, Occupation]
    source: Path
    entries: Mapping[str, Entry] = field(default_factory=dict)
    # Alternate titles, case-folded, to the subjects that go by them (several, for some titles).
    alternate_titles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Occupation]:
        return iter(self.occupations.values())

    def __len__(self) -> int:
        return len(self.occupations)

    def find(self, query: str) -> Occupation:
        """Resolve a slug or a title (as written in the record or by BLS), case-insensitively."""
        slug = self._resolve(query)
        entry = self.entries.get(slug)
        if entry is not None and entry.residual:
            raise UnknownOccupationError(
                f"{slug!r} is a residual OEWS category ({entry.bls_title}); articles compare named "
                "occupations only"
            )
        return self.occupations[slug]

    def _resolve(self, query: str) -> str:
        if not query.strip():  # slugify('') is '' and would match nothing, or worse, anything
            raise UnknownOccupationError("an empty name names no occupation; give a slug or a title")
        if query in self.occupations:  # a slug already, as bulk runs pass: slugify would keep it
            return query
        wanted = slugify(query)
        if wanted in self.occupations or wanted in self.entries:
            return wanted
        folded = query.strip().casefold()
        for entry in self.entries.values():
            if folded in (entry.title.casefold(), (entry.bls_title or "").casefold()):
                return entry.slug
        known_as = self.alternate_titles.get(" ".join(folded.split()), ())
        if len(known_as) == 1:
            return known_as[0]
        if known_as:
            raise UnknownOccupationError(
                f"{query.strip()!r} is another title of {len(known_as)} occupations: "
                f"{', '.join(known_as)}; name one by its slug"
            )
        raise UnknownOccupationError(self._unknown_message(query))

    def _unknown_message(self, query: str) -> str:
        close = difflib.get_close_matches(slugify(query), list(self.occupations), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "; run 'articlegen list' to see them all"
        return f"unknown occupation {query!r}{hint}"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def occupation_dir(data_dir: Path) -> Path:
    nested = data_dir / "occupations"
    return nested if nested.is_dir() else data_dir


def load_catalog(data_dir: Path) -> Catalog:
    """Hand-written records from occupations/*.yaml and, where present, OEWS records from oews/.

    A hand-written record with a `soc` code takes the OEWS facts it lacks (see merge_oews_facts).
    """
    if not data_dir.is_dir():
        raise DataError(f"{display_path(data_dir)}: no such data directory")
    directory = occupation_dir(data_dir)
    files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    dataset_path = find_dataset(data_dir)
    if not files and dataset_path is None:
        raise DataError(f"{display_path(directory)}: no occupation files (*.yaml) found")
    dataset = load_oews(dataset_path) if dataset_path is not None else None
    overrides = dataset.title_overrides if dataset is not None else {}
    written = {path.stem: read_occupation(path) for path in files}
    # The title as the record writes it, which `find` and `list` go by; the Occupation's is its heading.
    titles = {slug: o.title for slug, o in written.items()}
    hand = {slug: with_title_forms(o, directory / f"{slug}.yaml", overrides) for slug, o in written.items()}
    _check_comparisons(hand, directory)
    profiles = load_profiles(data_dir)
    by_soc = dataset.by_soc() if dataset is not None else {}
    if dataset is not None:
        hand = {slug: _with_oews(o, dataset, directory) for slug, o in hand.items()}
    hand = {slug: _with_profiles(o, profiles, by_soc, dataset) for slug, o in hand.items()}
    entries = {
        slug: Entry(slug, titles[slug], "hand", o.soc, *_group(o), alternate_titles=o.alternate_titles)
        for slug, o in hand.items()
    }
    if dataset is not None:
        for slug, record in dataset.records.items():
            if slug in entries:
                raise DataError(
                    f"{display_path(directory / (slug + '.yaml'))}: the slug {slug!r} is also an OEWS "
                    "occupation; rename the file"
                )
            group = record.get("group") or {}
            residual = bool(record.get("residual"))
            titles = () if residual else profiles.alternate_titles.get(record["soc"], ())
            entries[slug] = Entry(
                slug, record["title"], "oews", record["soc"], group.get("code"), group.get("title"),
                record["title"], residual, titles,
            )  # fmt: skip
    _check_related(hand, entries, directory)
    subjects = sorted(slug for slug, e in entries.items() if not e.residual)

    def build(slug: str) -> Occupation:
        if slug in hand:
            return hand[slug]
        assert dataset is not None
        record = dataset.records[slug]
        return dataset.occupation(slug, profile_facts(str(record["soc"]), slug, profiles, by_soc, dataset))

    return Catalog(
        _LazyOccupations(subjects, build), directory, MappingProxyType(entries), _alternate_index(entries)
    )


def _alternate_index(entries: Mapping[str, Entry]) -> Mapping[str, tuple[str, ...]]:
    """Each alternate title to the subjects that go by it; a job's own title never counts as one."""
    index: dict[str, list[str]] = {}
    for entry in entries.values():
        for title in entry.alternate_titles:
            slugs = index.setdefault(" ".join(title.casefold().split()), [])
            if entry.slug not in slugs:
                slugs.append(entry.slug)
    return MappingProxyType({title: tuple(sorted(slugs)) for title, slugs in index.items()})


def _group(occupation: Occupation) -> tuple[str | None, str | None]:
    return (occupation.group.code, occupation.group.title) if occupation.group else (None, None)


def _check_comparisons(occupations: Mapping[str, Occupation], directory: Path) -> None:
    for occupation in occupations.values():
        for stated in occupation.comparisons:
            if stated.against not in occupations:
                raise DataError(
                    f"{display_path(directory / (occupation.slug + '.yaml'))}: comparisons.against: "
                    f"names unknown occupation {stated.against!r}"
                )


def _check_related(hand: Mapping[str, Occupation], entries: Mapping[str, Entry], directory: Path) -> None:
    """A `related` slug must name an article subject, so a typo fails at load, not on one page."""
    for occupation in hand.values():
        for slug in occupation.related:
            entry = entries.get(slug)
            if entry is None or entry.residual:
                subjects = [s for s, e in entries.items() if not e.residual]
                close = difflib.get_close_matches(slug, subjects, n=1)
                hint = f"; did you mean {close[0]}?" if close else ""
                raise DataError(
                    f"{display_path(directory / (occupation.slug + '.yaml'))}: related: "
                    f"unknown occupation {slug!r}{hint}"
                )


# Fact groups a hand-written record may take from OEWS, each taken whole: mixing an
# editor's average salary with BLS's percentiles would put two sources in one sentence.
OEWS_FIELDS = ("group", "jobs", "salary", "top_pay")


def merge_oews_facts(hand: Occupation, oews: Occupation) -> Occupation:
    """The hand-written record wins every field it states; OEWS fills the groups it lacks."""
    taken = {f: getattr(oews, f) for f in OEWS_FIELDS if getattr(hand, f) is None and getattr(oews, f)}
    if not taken:
        return hand
    sources = hand.sources + tuple(s for s in oews.sources if s not in hand.sources)
    return Occupation.model_validate({**dict(hand), **taken, "sources": sources})


def _with_oews(hand: Occupation, dataset: OewsDataset, directory: Path) -> Occupation:
    if hand.soc is None:
        return hand
    slug = dataset.by_soc().get(hand.soc)
    if slug is None:
        raise DataError(
            f"{display_path(directory / (hand.slug + '.yaml'))}: soc: no OEWS occupation has the code "
            f"{hand.soc!r}"
        )
    return merge_oews_facts(hand, dataset.occupation(slug))


# Fact groups the O*NET, Projections and CPS datasets give, each taken whole where a record lacks it.
PROFILE_FIELDS = (
    "work",
    "skill_ratings",
    "requirements",
    "outlook",
    "workforce",
    "alternate_titles",
    "technologies",
)


def profile_facts(
    soc: str, slug: str, profiles: ProfileSet, by_soc: Mapping[str, str], dataset: OewsDataset | None
) -> dict[str, Any]:
    """The fact groups, citations and licence notices the datasets hold for one SOC code."""
    facts: dict[str, Any] = {}
    sources: list[str] = []
    notices: list[str] = []
    for profile in profiles.profiles(soc):
        facts |= profile.groups
        sources += profile.sources
        notices += profile.attributions
    related = [by_soc[code] for code in profiles.related_socs.get(soc, ()) if code in by_soc]
    if dataset is not None:
        related = [s for s in related if s != slug and not dataset.records[s].get("residual")]
    if related:
        facts["related"] = tuple(dict.fromkeys(related))
    if sources and dataset is not None:
        facts["sources"] = (dataset.citation, *dict.fromkeys(sources))
    if notices:
        facts["attributions"] = tuple(dict.fromkeys(notices))
    return facts


def _with_profiles(
    hand: Occupation, profiles: ProfileSet, by_soc: Mapping[str, str], dataset: OewsDataset | None
) -> Occupation:
    """A hand-written record wins every group it states; the datasets fill the groups it lacks."""
    if hand.soc is None:
        return hand
    found = profile_facts(hand.soc, hand.slug, profiles, by_soc, dataset)
    taken = {f: found[f] for f in (*PROFILE_FIELDS, "related") if f in found and not getattr(hand, f)}
    if not taken:
        return hand
    # Only the datasets a taken group came from are cited, with their notices.
    used = [p for p in profiles.profiles(hand.soc) if any(g in taken for g in p.groups)]
    extra_sources = [s for p in used for s in p.sources if s not in hand.sources]
    notices = tuple(dict.fromkeys((*hand.attributions, *(n for p in used for n in p.attributions))))
    extra_sources = list(dict.fromkeys(extra_sources))
    return Occupation.model_validate(
        {**dict(hand), **taken, "sources": (*hand.sources, *extra_sources), "attributions": notices}
    )


def load_occupation(
    path: Path, title_overrides: Mapping[str, TitleForms] = MappingProxyType({})
) -> Occupation:
    """A hand-written record with every noun form of its title (see with_title_forms)."""
    return with_title_forms(read_occupation(path), path, title_overrides)


def with_title_forms(
    occupation: Occupation, path: Path, title_overrides: Mapping[str, TitleForms] = MappingProxyType({})
) -> Occupation:
    """The record with the forms of its title from the rules OEWS titles go by; each form it
    states wins. Prose then never derives a name by itself ("a collections, customer service").

    The title stays the heading unless the record states no singular and the rules do not take
    the title as one person's name (a plural title, "Helpers--Carpenters", one naming a
    department or function): then the heading is the rules' ("Collections and Customer Service
    Worker"), so a heading never reads as a list or names a department. A residual title ("All
    Other") or one with no noun ("Except ...") is refused unless the record names the job.
    """
    stated = occupation.forms or NounForms()
    where = display_path(path)
    try:
        forms = derive_title_forms(
            occupation.title,
            title_overrides,
            singular=stated.singular,
            plural=stated.plural,
            article=stated.article,
            possessive=stated.attributive,
        )
    except ValueError:
        raise DataError(
            f"{where}: title: {occupation.title!r} names no occupation the rules can inflect; "
            "name the job, or give forms.singular and forms.plural"
        ) from None
    if forms.residual and stated.singular is None:
        raise DataError(
            f"{where}: title: {occupation.title!r} is a residual category ('All Other'), not a job an "
            "article can name; name the job, or give forms.singular"
        )
    named = occupation.model_copy(update={"forms": NounForms(**forms.record_forms())})
    if forms.singular_title or forms.heading == occupation.title:
        return named
    try:  # the heading must pass the title's own checks: a fronted qualifier could begin with ")"
        return Occupation.model_validate({**dict(named), "title": forms.heading})
    except ValidationError:
        return named


def read_occupation(path: Path) -> Occupation:
    """The record as the file writes it, validated; its forms are what it states, if anything."""
    shown = display_path(path)
    try:
        raw = load_yaml_file(path)
    except OSError as err:
        raise DataError(f"{shown}: cannot read file: {err.strerror}") from None
    except UnicodeDecodeError:
        raise DataError(f"{shown}: not UTF-8 text") from None
    except YamlSyntaxError as err:
        raise DataError(f"{shown}:{err.line}:{err.column}: {err.reason}") from None
    if not isinstance(raw, dict):
        raise DataError(f"{shown}: expected a mapping of fields at the top level")
    if "slug" in raw:
        raise DataError(f"{shown}: slug: is taken from the file name; remove it")
    try:
        return Occupation.model_validate({**raw, "slug": path.stem})
    except ValidationError as err:
        raise DataError(f"{shown}: {describe_validation_error(err, raw)}") from None
