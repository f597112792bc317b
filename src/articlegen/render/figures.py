"""The typed facts an article states, read back from its realized Document for charts and metadata.

Charts and structured data show what the prose and tables state, from the same raw values
(each Sentence's `facts`: data key -> raw value), never from the data files: a figure drawn or
marked up cannot differ from the figure written, and a fact the article leaves out is not
published through a side door either.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock

Place = tuple[int, int]  # (section index, block index) where a fact is first stated


@dataclass(frozen=True)
class StatedFacts:
    """Every fact an article states, by data key (`<slug>.<field>`), with where it is first stated."""

    subjects: tuple[str, ...]
    values: Mapping[str, Any]  # the first value stated for each key, in reading order
    places: Mapping[str, Place]
    names: Mapping[str, str]  # slug -> the name its table column is headed with

    def of(self, slug: str, field: str) -> Any:
        """The raw value of one job's fact, or None where the article does not state it."""
        return self.values.get(f"{slug}.{field}")

    def under(self, slug: str, prefix: str) -> dict[str, Any]:
        """One job's facts whose field starts with `prefix` (`requirements.education.`), by the rest
        of the field, in reading order: a level name may hold dots itself."""
        start = f"{slug}.{prefix}"
        return {key[len(start) :]: value for key, value in self.values.items() if key.startswith(start)}

    def name(self, slug: str) -> str | None:
        """The occupation's name: a stated `<slug>.title`, else the header of its table column."""
        title = self.of(slug, "title")
        return title if isinstance(title, str) and title else self.names.get(slug)


def _blocks(doc: Document) -> Iterator[tuple[Place, list[Sentence]]]:
    for s, section in enumerate(doc.sections):
        if section.heading:
            yield (s, -1), [section.heading]
        for b, block in enumerate(section.blocks):
            if isinstance(block, ParagraphBlock):
                yield (s, b), list(block.sentences)
            elif isinstance(block, ListBlock):
                yield (s, b), [*([block.lead] if block.lead else []), *block.items]
            elif isinstance(block, TableBlock):
                yield (s, b), [*block.header, *(cell for row in block.rows for cell in row)]


def _slug(key: str) -> str:
    return key.split(".", 1)[0]  # slugs hold no dots (facts/occupation.py's pattern)


def _column_names(block: TableBlock) -> dict[str, str]:
    """Each job's column header, the job read from the facts its column's cells state."""
    names: dict[str, str] = {}
    for column, header in enumerate(block.header[1:], start=1):
        slugs = {_slug(key) for row in block.rows if len(row) > column for key in row[column].facts}
        if len(slugs) == 1 and header.text:
            names.setdefault(slugs.pop(), header.text)
    return names


def stated_facts(doc: Document) -> StatedFacts:
    """The facts of `doc`: about a hundred keys an article, read in one pass."""
    values: dict[str, Any] = {}
    places: dict[str, Place] = {}
    names: dict[str, str] = {}
    for key, value in doc.title.facts.items():
        values[key], places[key] = value, (-1, -1)
    for place, sentences in _blocks(doc):
        for sentence in sentences:
            for key, value in sentence.facts.items():
                if key not in values:
                    values[key], places[key] = value, place
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, TableBlock):
                for slug, name in _column_names(block).items():
                    names.setdefault(slug, name)
    return StatedFacts(doc.subjects, values, places, names)


def field(value: Any, name: str) -> Any:
    """A field of a stated record (a validated model in a Document, a mapping once read from JSON)."""
    if isinstance(value, Mapping):
        return value.get(name)
    return getattr(value, name, None)


def number(value: Any) -> float | None:
    """A stated figure as a float; None for anything else (a missing or textual fact)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)
