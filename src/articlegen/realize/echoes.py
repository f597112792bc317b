"""Table rows the prose beside them already says, left out.

Where sentences of the same section state every value a row has (each carries the cell's facts
and prints its text), the row only repeats them, so the table drops it, and drops a table left
with no rows. A row the prose states only in part stays: the table is where its values sit side
by side. This needs the realized text (is "$70,860"
printed?), so it runs after realization rather than in the planner.
"""

from __future__ import annotations

from collections.abc import Sequence

from .document import Document, ListBlock, ParagraphBlock, Section, Sentence, TableBlock


def drop_stated_rows(document: Document) -> Document:
    """The document without the one-sided table rows its prose states; the same object if none."""
    sections = tuple(_section(section) for section in document.sections)
    if all(new is old for new, old in zip(sections, document.sections, strict=True)):
        return document
    return Document(document.kind, document.subjects, document.seed, document.title, sections)


def _section(section: Section) -> Section:
    tables = [block for block in section.blocks if isinstance(block, TableBlock)]
    if not tables:
        return section
    prose = _prose(section)
    if not prose:
        return section
    blocks = []
    changed = False
    for block in section.blocks:
        if isinstance(block, TableBlock):
            rows = tuple(row for row in block.rows if not _stated(row, prose))
            if len(rows) != len(block.rows):
                changed = True
                if not rows:
                    continue
                block = TableBlock(block.header, rows)
        blocks.append(block)
    return Section(section.id, section.heading, tuple(blocks)) if changed else section


def _prose(section: Section) -> list[Sentence]:
    found: list[Sentence] = []
    for block in section.blocks:
        if isinstance(block, ParagraphBlock):
            found.extend(block.sentences)
        elif isinstance(block, ListBlock) and block.lead is not None:
            found.append(block.lead)
    return found


def _stated(row: Sequence[Sentence], prose: Sequence[Sentence]) -> bool:
    """Every value the row has (the others missing) printed by a sentence that states its facts."""
    present = [cell for cell in row[1:] if cell.facts]
    return bool(present) and all(_said(cell, prose) for cell in present)


def _said(cell: Sentence, prose: Sequence[Sentence]) -> bool:
    wanted, keys = cell.text.casefold(), cell.facts.keys()
    return any(keys <= s.facts.keys() and _prints(s.text.casefold(), wanted) for s in prose)


def _prints(text: str, wanted: str) -> bool:
    """`wanted` in `text` as a whole figure or name: "8%" is not printed by "18%", nor "$51" by "$51,270"."""
    start = text.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        before, after = text[start - 1 : start], text[end : end + 2]
        if not (before.isalnum() or before in {"$", ".", ","}) and not (
            after[:1].isalnum() or (after[:1] in {".", ","} and after[1:2].isdigit())
        ):
            return True
        start = text.find(wanted, start + 1)
    return False
