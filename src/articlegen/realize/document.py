"""A realized article: final text plus where each sentence came from, ready to render."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

_NO_FACTS: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, init=False)
class Sentence:
    text: str
    message: str | None = None  # None for verbatim data text
    variant: str | None = None
    file: str | None = None
    line: int | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)
    eligible: tuple[str, ...] = ()  # ids of the variants whose condition held, for coverage reports

    def __init__(
        self,
        text: str,
        message: str | None = None,
        variant: str | None = None,
        file: str | None = None,
        line: int | None = None,
        facts: Mapping[str, Any] = _NO_FACTS,
        eligible: tuple[str, ...] = (),
    ) -> None:
        # Written out because the generated frozen __init__ calls object.__setattr__ once per
        # field: twice the time, and a bulk article builds about forty of these (table cells).
        own = self.__dict__
        own["text"], own["message"], own["variant"], own["file"] = text, message, variant, file
        own["line"], own["facts"], own["eligible"] = line, facts, eligible


@dataclass(frozen=True, init=False)
class ParagraphBlock:
    sentences: tuple[Sentence, ...]

    def __init__(self, sentences: tuple[Sentence, ...]) -> None:
        self.__dict__["sentences"] = sentences  # as Sentence's: a dozen an article

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class ListBlock:
    lead: Sentence | None
    items: tuple[Sentence, ...]


@dataclass(frozen=True)
class TableBlock:
    header: tuple[Sentence, ...]  # first entry is the label column's (usually empty) header
    rows: tuple[tuple[Sentence, ...], ...]


DocBlock = ParagraphBlock | ListBlock | TableBlock


@dataclass(frozen=True)
class Section:
    id: str
    heading: Sentence | None
    blocks: tuple[DocBlock, ...]


@dataclass(frozen=True)
class Document:
    kind: str
    subjects: tuple[str, ...]
    seed: int
    title: Sentence
    sections: tuple[Section, ...]

    def prose(self, items: bool = True) -> list[Sentence]:
        """Paragraph sentences, list leads and (unless `items` is False) list items, in reading order.

        The running text a reader reads as sentences: never the title, headings or table cells.
        """
        found: list[Sentence] = []
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, ParagraphBlock):
                    found.extend(block.sentences)
                elif isinstance(block, ListBlock):
                    found.extend([block.lead] if block.lead else [])
                    found.extend(block.items if items else ())
        return found

    def sentences(self) -> list[Sentence]:
        """Every piece of text in reading order, headings and table cells included."""
        found = [self.title]
        for section in self.sections:
            if section.heading:
                found.append(section.heading)
            for block in section.blocks:
                if isinstance(block, ParagraphBlock):
                    found.extend(block.sentences)
                elif isinstance(block, ListBlock):
                    found.extend([block.lead] if block.lead else [])
                    found.extend(block.items)
                else:
                    found.extend(block.header)
                    for row in block.rows:
                        found.extend(row)
        return found
