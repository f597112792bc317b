"""Fact verification: every number an article prints is one of its sentence's facts, or computed from them.

Each realized sentence carries the facts it states (`Sentence.facts`: data key -> raw
value). A number in its text passes when it equals, at the precision it is printed
with, one of these candidates:

- a fact: every number inside a fact's value (a range's ends and percentiles, a
  breakdown's shares), and the length of a list-valued fact ("three skills");
- derived from two numeric facts x, y (each taken raw, rounded to whole dollars or
  cents as money prints, or to one decimal as percentages print): the difference
  |x − y|, the percent difference from either base, |x − y| / min(x, y) × 100 and
  |x − y| / max(x, y) × 100, and the ratio x / y (as printed, "3.5 times");
- implied by a fact's definition: a median is the 50th percentile ("half of all
  workers earn more than …").

That only says a number is a figure of its facts; whether the sentence is true (direction,
base, ratio, sameness) is claims.py's check, which verify_document runs on every comparison.

Kinds are kept apart: a dollar amount matches only facts and their differences, a
percentage also percent differences, a plain number (count, age, months, a number
in words) any candidate. A number printed with a sign ("−8%", "+5%") must match a
candidate with that sign; an unsigned one matches a candidate of either sign
("0.7 percentage points less likely"), since directions are the planner's job.

Not numbers of the data, so masked before extraction: the names of both
occupations in every form, the text of string facts (industries, states, sources
such as "OEWS, May 2025", the resume examples in skill items), and the house
phrases listed in `_IDIOMS` ("the two jobs", "one as", "out of 5"). "One in ten"
states a share (10%), "tenth" 10% and "half" 50%.

What is checked: every sentence with a message (prose, list leads and items,
headings, title, table labels) and every table cell; a table label is checked
against its row's facts ("Middle 80% of salaries" is 90 − 10). Verbatim data text
(descriptions, duties) is the data itself and is skipped.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..corpus.documents import render_documents
from ..corpus.pairs import Pair
from ..english import numbers
from ..facts.load import Catalog
from ..pipeline import Generator
from ..plan.reads import referent
from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock
from ..wording.reference import names_in_use
from ..wording.templating import forms_of
from .claims import FalseClaim, read_claims
from .reading import (
    MONEY,
    PERCENT,
    PLAIN,
    PrintedNumber,
    extract_numbers,
    fact_texts,
    mask_texts,
)

_FACT, _PERCENT_DIFF, _RATIO = "fact", "percent-difference", "ratio"
ACCEPTS = {  # which kinds of candidate each kind of printed number may match
    MONEY: frozenset({_FACT}),
    PERCENT: frozenset({_FACT, _PERCENT_DIFF}),
    PLAIN: frozenset({_FACT, _PERCENT_DIFF, _RATIO}),
}
MEDIAN_PERCENTILE = 50.0


@dataclass(frozen=True)
class Candidate:
    value: float
    kind: str  # _FACT, _PERCENT_DIFF or _RATIO


@dataclass(frozen=True)
class Unverified:
    pair: Pair
    message: str | None  # None for a table cell
    variant: str | None
    number: str
    sentence: str
    facts: Mapping[str, Any]

    def __str__(self) -> str:
        where = f"{self.message}/{self.variant}" if self.message else "table cell"
        facts = ", ".join(f"{k}: {_show(v)}" for k, v in self.facts.items())
        return (
            f"{self.pair[0]} vs {self.pair[1]}: {where}: number {self.number!r} in "
            f'"{self.sentence}" is not among the facts {{{facts}}}'
        )


@dataclass(frozen=True)
class VerifyReport:
    articles: int
    sentences: int  # sentences and cells checked
    numbers: int  # numbers found in them
    unverified: tuple[Unverified, ...]
    comparisons: int = 0  # sentences that compare a fact of the two jobs
    claims: int = 0  # what those sentences were read to claim: directions, gaps, ratios, sameness
    false_claims: tuple[FalseClaim, ...] = ()
    uninterpreted: tuple[str, ...] = ()  # "message/variant: sentence", for comparisons not read

    @property
    def failed(self) -> bool:
        return bool(self.unverified or self.false_claims)

    def summary(self) -> str:
        return (
            f"verify: {self.articles:,} articles, {self.sentences:,} sentences and cells, "
            f"{self.numbers:,} numbers: {len(self.unverified):,} unverified; "
            f"{self.comparisons:,} comparisons, {self.claims:,} claims: {len(self.false_claims):,} false, "
            f"{len(self.uninterpreted):,} sentences not interpreted"
        )


def _show(value: Any) -> str:
    if isinstance(value, BaseModel):
        return repr(value.model_dump(exclude_defaults=True))
    return repr(value)


# --- reading numbers ------------------------------------------------------------------------


# --- what a sentence may say ----------------------------------------------------------------


def fact_numbers(value: Any, key: str = "") -> Iterator[float]:
    """Every number inside a fact's value, and the length of each list in it."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, (int, float)):
        if math.isfinite(value):
            yield float(value)
            if key.endswith("median"):
                yield MEDIAN_PERCENTILE
        return
    if isinstance(value, str):
        return
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from fact_numbers(getattr(value, name), name)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from fact_numbers(getattr(value, f.name), f.name)
        return
    if isinstance(value, Mapping):
        for k, item in value.items():
            yield from fact_numbers(item, str(k))
        return
    if isinstance(value, (tuple, list)):
        yield float(len(value))
        for item in value:
            yield from fact_numbers(item)


_ROUNDINGS = (lambda v: v, numbers.round_money, numbers.round_percent)


def candidates(facts: Mapping[str, Any]) -> Iterator[Candidate]:
    """The facts' numbers, then what the planner may compute from two of them (lazily: most
    printed numbers are facts themselves)."""
    values = sorted({v for key, value in facts.items() for v in fact_numbers(value, key)})
    for v in values:
        yield Candidate(v, _FACT)
    for x, y in itertools.permutations(values, 2):
        for rounding in _ROUNDINGS:
            a, b = rounding(x), rounding(y)
            gap = abs(a - b)
            yield Candidate(gap, _FACT)
            yield Candidate(rounding(gap), _FACT)
            for base in {min(a, b), max(a, b)}:  # "P% more than" the lower, "P% less than" the higher
                if base > 0:
                    yield Candidate(rounding(gap) / base * 100, _PERCENT_DIFF)
                    yield Candidate(gap / base * 100, _PERCENT_DIFF)
            if b != 0:
                yield Candidate(a / b, _RATIO)
                yield Candidate(numbers.round_ratio(a / b), _RATIO)  # "15 times" rounds to whole


def matches(number: PrintedNumber, candidate: Candidate) -> bool:
    """Equal at the precision the number is printed with."""
    if candidate.kind not in ACCEPTS[number.kind]:
        return False
    value = candidate.value if number.signed else abs(candidate.value)
    shown = number.value if number.signed else abs(number.value)
    if number.kind == MONEY:
        return math.isclose(numbers.round_money(value), shown, abs_tol=1e-6)
    return math.isclose(numbers.round_percent(value), shown, abs_tol=1e-6)


def check_text(
    text: str, facts: Mapping[str, Any], names: Iterable[str] = ()
) -> tuple[list[PrintedNumber], list[PrintedNumber]]:
    """(every number of `text`, those that no candidate of `facts` accounts for)."""
    if not extract_numbers(text):  # masking only removes numbers
        return [], []
    masked = mask_texts(text, [*names, *(t for value in facts.values() for t in fact_texts(value))])
    printed = extract_numbers(masked)
    return printed, [n for n in printed if not any(matches(n, c) for c in candidates(facts))]


# --- articles -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    sentence: Sentence
    facts: Mapping[str, Any]


def checked_pieces(document: Document) -> Iterator[_Checked]:
    """What is checked, with the facts each is checked against (a table label: its row's)."""
    yield _Checked(document.title, document.title.facts)
    for section in document.sections:
        if section.heading is not None:
            yield _Checked(section.heading, section.heading.facts)
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                yield from (_Checked(s, s.facts) for s in block.sentences if s.message is not None)
            elif isinstance(block, ListBlock):
                pieces = ([block.lead] if block.lead else []) + list(block.items)
                yield from (_Checked(s, s.facts) for s in pieces if s.message is not None)
            elif isinstance(block, TableBlock):
                yield from (_Checked(s, s.facts) for s in block.header if s.message is not None)
                for label, *cells in block.rows:
                    row_facts = {k: v for cell in cells for k, v in cell.facts.items()}
                    yield _Checked(label, row_facts)
                    yield from (_Checked(cell, cell.facts) for cell in cells)


def subject_names(catalog: Catalog, slugs: Iterable[str], article: Iterable[str] | None = None) -> list[str]:
    """Every form of the occupations' names, which may hold digits that are no figure, with the
    short names the article (the jobs `article` lists, `slugs` by default) calls them by."""
    slugs = list(slugs)
    everyone = tuple(referent(catalog.occupations[s]) for s in (slugs if article is None else article))
    short = names_in_use(everyone)
    names = []
    for slug in slugs:
        forms = forms_of(referent(catalog.occupations[slug]))
        names += [forms.title, forms.singular, forms.plural, forms.indefinite, *short.get(slug, ())]
    return names


def verify_document(document: Document, names: Iterable[str]) -> tuple[int, int, list[Unverified]]:
    """(pieces checked, numbers found, the unverified ones) for one article."""
    names = list(names)
    pair: Pair = (document.subjects[0], document.subjects[1])
    pieces = numbers_seen = 0
    problems = []
    for checked in checked_pieces(document):
        pieces += 1
        s = checked.sentence
        printed, wrong = check_text(s.text, checked.facts, names)
        numbers_seen += len(printed)
        problems += [Unverified(pair, s.message, s.variant, n.text, s.text, checked.facts) for n in wrong]
    return pieces, numbers_seen, problems


def prose_pieces(document: Document) -> Iterator[Sentence]:
    """Sentences a reader reads as claims: paragraphs and list items, not tables or headings."""
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                yield from (s for s in block.sentences if s.message is not None)
            elif isinstance(block, ListBlock):
                pieces = ([block.lead] if block.lead else []) + list(block.items)
                yield from (s for s in pieces if s.message is not None)


def verify_pairs(
    generator: Generator, pairs: Iterable[Pair], seed: int = 0, kind: str = "comparison"
) -> VerifyReport:
    articles = pieces = found = comparisons = claims = 0
    problems: list[Unverified] = []
    false: list[FalseClaim] = []
    unread: list[str] = []
    catalog = generator.catalog

    subjects: tuple[str, ...] = ()

    def names_of(slug: str) -> list[str]:
        return subject_names(catalog, [slug], subjects)

    def floor_of(slug: str) -> int | None:
        top_pay = catalog.occupations[slug].top_pay
        return None if top_pay is None else top_pay.min_jobs

    for document in render_documents(generator, pairs, seed, kind):
        subjects = document.subjects
        names = subject_names(catalog, subjects)
        checked, seen, unverified = verify_document(document, names)
        articles += 1
        pieces += checked
        found += seen
        problems += unverified
        pair = (document.subjects[0], document.subjects[-1])
        for sentence in prose_pieces(document):
            read = read_claims(sentence, names_of, pair, floor_of)
            comparisons += read.comparison
            claims += read.claims
            false += read.false
            if not read.interpreted:
                unread.append(f"{sentence.message}/{sentence.variant}: {sentence.text}")
    return VerifyReport(
        articles, pieces, found, tuple(problems), comparisons, claims, tuple(false), tuple(unread)
    )
