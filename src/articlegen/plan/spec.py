"""What the planner hands to the realizer: which messages to say, with which facts.

No wording and no formatted numbers live here, only message ids and typed values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view. A dict is wrapped, not copied: the planner builds one for each spec
    and never touches it again, and bulk runs make about fifty specs an article."""
    if isinstance(mapping, MappingProxyType):
        return mapping
    return MappingProxyType(mapping if type(mapping) is dict else dict(mapping))


@dataclass(frozen=True)
class Referent:
    """An occupation as something a sentence talks about; the realizer derives its forms."""

    slug: str
    title: str
    singular: str | None = None
    plural: str | None = None
    article: str | None = None
    attributive: bool = True  # whether "X salary", "X's" work; conditions test `role.attributive`
    short: str | None = None  # the data's shorter name for prose, if it gives one (wording/reference.py)

    def __hash__(self) -> int:
        # Equal referents share a slug, and str caches its hash: realization keys on referents
        # dozens of times an article, and the generated hash would hash all seven fields each time.
        return hash(self.slug)


_NO_FACTS: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, init=False)
class SentenceSpec:
    message: str
    slots: Mapping[str, Any]
    facts: Mapping[str, Any] = field(default_factory=dict)  # data keys -> raw values it states

    def __init__(self, message: str, slots: Mapping[str, Any], facts: Mapping[str, Any] = _NO_FACTS) -> None:
        # Written out (as document.Sentence's): the generated frozen __init__ plus __post_init__
        # cost twice as much, and the planner makes about twenty specs an article.
        own = self.__dict__
        own["message"], own["slots"], own["facts"] = message, _frozen(slots), _frozen(facts)


@dataclass(frozen=True)
class Verbatim:
    """Text taken as it is from the data, such as a description."""

    text: str
    fact: str  # the data key it comes from


@dataclass(frozen=True, init=False)
class Paragraph:
    sentences: tuple[SentenceSpec | Verbatim, ...]

    def __init__(self, sentences: tuple[SentenceSpec | Verbatim, ...]) -> None:
        self.__dict__["sentences"] = sentences  # as SentenceSpec's: a dozen an article


@dataclass(frozen=True)
class BulletList:
    """A lead sentence and items; an item may hold more than one sentence."""

    lead: SentenceSpec | None
    items: tuple[Paragraph, ...]


@dataclass(frozen=True, eq=False)
class Cell:
    """A table cell: a typed value and the one fact it shows.

    Compared by identity, because the planner makes each occupation's cells once and the
    realizer can then render each once, not once per pair.
    """

    value: Any
    facts: Mapping[str, Any]


@dataclass(frozen=True, init=False)
class TableRow:
    label: SentenceSpec
    cells: tuple[Cell | None, ...]  # None where the job lacks the fact

    def __init__(self, label: SentenceSpec, cells: tuple[Cell | None, ...]) -> None:
        own = self.__dict__  # as SentenceSpec's: a dozen an article
        own["label"], own["cells"] = label, cells


@dataclass(frozen=True)
class Table:
    columns: tuple[SentenceSpec, ...]  # header cells after the label column
    rows: tuple[TableRow, ...]


Block = Paragraph | BulletList | Table


@dataclass(frozen=True, init=False)
class SectionPlan:
    id: str
    heading: SentenceSpec | None
    blocks: tuple[Block, ...]

    def __init__(self, id: str, heading: SentenceSpec | None, blocks: tuple[Block, ...]) -> None:
        own = self.__dict__  # as SentenceSpec's
        own["id"], own["heading"], own["blocks"] = id, heading, blocks


@dataclass(frozen=True)
class ArticlePlan:
    kind: str
    pair_key: str
    subjects: tuple[str, ...]  # slugs
    title: SentenceSpec
    sections: tuple[SectionPlan, ...]
    missing_cell: SentenceSpec  # what a table shows where one side lacks a fact
    # Every job the article names, for referring expressions: whether a short name is unambiguous
    # depends on all of them (wording/reference.py).
    referents: tuple[Referent, ...] = ()
