"""Reading occupation data files into validated, immutable records."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
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
    # The names an article prints for a subject (heading, singular, plural), known without building
    # its Occupation: the rules take ~0.3 s over every OEWS title, so `find` asks only when it must.
    printed_names: Callable[[str], tuple[str, ...]] | None = field(default=None, repr=False, compare=False)

    def __iter__(self) -> Iterator[Occupation]:
        return iter(self.occupations.values())

    def __len__(self) -> int:
        return len(self.occupations)

    def find(self, query: str) -> Occupation:
        """Resolve a name as a user may write it: the slug, the record's or BLS's title, the forms
        an article prints ("Nurse Practitioner", "bill and account collectors") or an O*NET
        alternate title; case, spacing and punctuation aside (see name_key).

        Own names come before printed forms, and those before alternate titles; a name several
        occupations share at the first of these that has it fails, listing them.
        """
        # A slug already, as bulk runs pass: one dict look-up (~1 µs), no name index.
        slug = query if query in self.entries else self._resolve(query)
        entry = self.entries.get(slug)
        if entry is not None and entry.residual:
            raise UnknownOccupationError(
                f"{slug!r} is a residual OEWS category ({entry.bls_title}); articles compare named "
                "occupations only"
            )
        return self.occupations[slug]

    def matching(self, words: Iterable[str]) -> dict[str, str | None]:
        """The entries (residual ones too) whose names hold every word, in catalog order: each slug
        to None when its own names do, else to the first alternate title that does.

        A word matches the start of a name's word ("nurs" finds Nursing Assistants, "actor" not
        Contractors) or is its plural ("nurses" finds Nurse Practitioners). `list` and the hints of
        `find` go by this, so a hint's "run 'articlegen list ...'" shows the same occupations.
        """
        parts = name_key(" ".join(words)).split()
        found: dict[str, str | None] = {}
        for slug, own in self._name_words.items():
            if _holds(own, parts):
                found[slug] = None
                continue
            also = next((t for t, w in self._alternate_words.get(slug, ()) if _holds(w, parts)), None)
            if also is not None:
                found[slug] = also
        return found

    def _resolve(self, query: str) -> str:
        if not query.strip():  # it would match nothing, or worse, anything
            raise UnknownOccupationError("an empty name names no occupation; give a slug or a title")
        key = name_key(query)
        for index in (self._own_index, self._printed_index):
            slugs = index.get(key, ())
            if len(slugs) == 1:
                return slugs[0]
            if slugs:
                raise UnknownOccupationError(self._ambiguous(query, key, "names", list(slugs)))
        owners = self._alternate_index.get(key, ())
        if owners:
            # O*NET gives generic words too ("Nurse" for Registered Nurses, "Analyst" for Financial
            # Risk Specialists): a title other subjects have whole in their own names names none.
            holders = self._whole_word_holders(key)
            if len(owners) == 1 and holders <= {owners[0]}:
                return owners[0]
            fits = {slug: None for slug in holders} | {s: key for s in owners if s not in holders}
            shared = "is another title of" if not holders else "could name"
            raise UnknownOccupationError(self._ambiguous(query, key, shared, self._ranked(key, fits)))
        raise UnknownOccupationError(self._unknown_message(query))

    def _ambiguous(self, query: str, key: str, shared: str, slugs: list[str]) -> str:
        """One line naming the first few subjects by slug and title, and where to see the rest."""
        shown = ", ".join(f"{s} ({self._entry(s).bls_title or self._entry(s).title})" for s in slugs[:_SHOWN])
        more = (
            f", and {len(slugs) - _SHOWN} more (run 'articlegen list {key}')" if len(slugs) > _SHOWN else ""
        )
        return f"{query.strip()!r} {shared} {len(slugs)} occupations: {shown}{more}; name one by its slug"

    def _unknown_message(self, query: str) -> str:
        """The closest subjects: those whose names hold the query's words, else near spellings."""
        key = name_key(query)
        if not key:  # punctuation only: every name holds its no words
            return f"unknown occupation {query!r}; run 'articlegen list' to see them all"
        found = {
            slug: also for slug, also in self.matching(key.split()).items() if not self._entry(slug).residual
        }
        if found:
            ranked = self._ranked(key, found)
            hint = f"; did you mean {', '.join(ranked[:_SHOWN])}?"
            if len(ranked) > _SHOWN:
                hint += f" ({len(ranked)} match; run 'articlegen list {key}' to see them all)"
        else:
            close = difflib.get_close_matches(key, self._spellings, n=_SHOWN * 2, cutoff=0.6)
            slugs = [s for name in close for s in self._spellings[name] if not self._entry(s).residual]
            slugs = list(dict.fromkeys(slugs))[:3]
            hint = (
                f"; did you mean {', '.join(slugs)}?" if slugs else "; run 'articlegen list' to see them all"
            )
        return f"unknown occupation {query!r}{hint}"

    def _ranked(self, key: str, found: Mapping[str, str | None]) -> list[str]:
        """Closest first: subjects matched by their own names before those matched by another title."""
        closeness = {slug: self._closeness(key, slug, also) for slug, also in found.items()}
        return sorted(found, key=lambda s: (found[s] is not None, *(-x for x in closeness[s]), s))

    def _whole_word_holders(self, key: str) -> frozenset[str]:
        """The subjects whose own names (forms included, so singular and plural) have every word whole."""
        held = [self._word_holders.get(word, frozenset()) for word in key.split()]
        return frozenset.intersection(*held) if held else frozenset()

    def _closeness(self, key: str, slug: str, also: str | None) -> tuple[int, float]:
        """How near a matching subject's best name is: query words it has whole ("nurse" in Nurse
        Midwives, not Nursery Workers), then similarity, which favours names with fewer other words."""
        parts = key.split()
        scores = []
        for name in self._names[slug] if also is None else (also,):
            words = name_key(name).split()
            whole = sum(any(p == w or (_fits(p, w) and not w.startswith(p)) for w in words) for p in parts)
            scores.append((whole, difflib.SequenceMatcher(None, key, " ".join(words)).ratio()))
        return max(scores)

    def _entry(self, slug: str) -> Entry:
        entry = self.entries.get(slug)
        if entry is None:  # a catalog built without entries (tests): its occupations are its entries
            occupation = self.occupations[slug]
            entry = Entry(slug, occupation.title, "hand", alternate_titles=occupation.alternate_titles)
        return entry

    @cached_property
    def _slugs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.entries, *self.occupations]))

    @cached_property
    def _own_index(self) -> Mapping[str, tuple[str, ...]]:
        """Slugs and titles as the records and BLS write them: cheap, so looked up first."""
        return _index(
            (slug, (slug, e.title, e.bls_title or "")) for slug in self._slugs for e in [self._entry(slug)]
        )

    @cached_property
    def _printed_index(self) -> Mapping[str, tuple[str, ...]]:
        return _index((slug, self._printed(slug)) for slug in self._slugs)

    @cached_property
    def _alternate_index(self) -> Mapping[str, tuple[str, ...]]:
        """O*NET's other titles; a job's own title never counts as one (the indexes before win)."""
        return _index((slug, self._entry(slug).alternate_titles) for slug in self._slugs)

    @cached_property
    def _names(self) -> Mapping[str, tuple[str, ...]]:
        """Each entry's own names: its slug, titles and printed forms."""
        return {
            slug: tuple(
                dict.fromkeys((slug, e.title, *((e.bls_title,) if e.bls_title else ()), *self._printed(slug)))
            )
            for slug in self._slugs
            for e in [self._entry(slug)]
        }

    @cached_property
    def _name_words(self) -> Mapping[str, frozenset[str]]:
        return {slug: frozenset(name_key(" ".join(names)).split()) for slug, names in self._names.items()}

    @cached_property
    def _word_holders(self) -> Mapping[str, frozenset[str]]:
        """Each word of the subjects' own names to the subjects that have it."""
        found: dict[str, set[str]] = {}
        for slug, words in self._name_words.items():
            if not self._entry(slug).residual:
                for word in words:
                    found.setdefault(word, set()).add(slug)
        return {word: frozenset(slugs) for word, slugs in found.items()}

    @cached_property
    def _alternate_words(self) -> Mapping[str, tuple[tuple[str, frozenset[str]], ...]]:
        return {
            slug: tuple((t, frozenset(name_key(t).split())) for t in self._entry(slug).alternate_titles)
            for slug in self._slugs
        }

    @cached_property
    def _spellings(self) -> Mapping[str, tuple[str, ...]]:
        """Every own name, keyed as `find` compares it, for near-spelling hints."""
        return _index(self._names.items())

    def _printed(self, slug: str) -> tuple[str, ...]:
        if self._entry(slug).residual:  # refused anyway; their forms carry "(all other)"
            return ()
        if self.printed_names is not None:
            return self.printed_names(slug)
        occupation = self.occupations[slug]
        forms = occupation.forms
        return (occupation.title, *((forms.singular or "", forms.plural or "") if forms else ()))


_SHOWN = 5  # a hint or an ambiguity names at most this many occupations
_JOINED = re.compile(r"['\u2019.]")  # "Nurse's", "U.S.", "vs.": one word, however written
_WORD = re.compile(r"[^\W_]+")
# The same for ASCII text as one byte translation (~0.5 µs, a tenth of the regular expressions' time).
_ASCII_KEY = bytes(ord(chr(c).lower()) if chr(c).isalnum() else 32 for c in range(128)) + bytes(128)


def name_key(text: str) -> str:
    """A name as `find` compares it: NFKC, case-folded, "&" read as "and", words apart from
    spacing, hyphens and other punctuation ("Nurse-Practitioners" is "nurse practitioners")."""
    if text.isascii():
        return " ".join(text.replace("&", " and ").encode().translate(_ASCII_KEY, b"'.").decode().split())
    folded = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    return " ".join(_WORD.findall(_JOINED.sub("", folded)))


def _index(names: Iterable[tuple[str, Iterable[str]]]) -> Mapping[str, tuple[str, ...]]:
    """Each name's key to the slugs that go by it, in sorted order."""
    found: dict[str, set[str]] = {}
    for slug, titles in names:
        for title in titles:
            key = name_key(title)
            if key:
                found.setdefault(key, set()).add(slug)
    return MappingProxyType({key: tuple(sorted(slugs)) for key, slugs in found.items()})


def _holds(words: frozenset[str], parts: list[str]) -> bool:
    return all(any(_fits(part, word) for word in words) for part in parts)


def _fits(part: str, word: str) -> bool:
    """Whether a query word is the start of a name's word or its plural ("nurses", "secretaries")."""
    if word.startswith(part):
        return True
    rest = part[len(word) :] if part.startswith(word) else None
    return rest in ("s", "es") or (word.endswith("y") and part == word[:-1] + "ies")


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

    def printed_names(slug: str) -> tuple[str, ...]:
        if slug in hand:
            occupation = hand[slug]
            forms = occupation.forms or NounForms()
            return tuple(n for n in (occupation.title, forms.singular, forms.plural) if n)
        assert dataset is not None
        forms = dataset.forms(dataset.records[slug])
        return (forms.heading, forms.singular, forms.plural)

    return Catalog(_LazyOccupations(subjects, build), directory, MappingProxyType(entries), printed_names)


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
            short=stated.short,
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
