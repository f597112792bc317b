"""Heading levels: the title is level 1 and every section's heading level 2."""

from __future__ import annotations

from ..realize.document import Document

TITLE, SECTION, SUBSECTION = 1, 2, 3


def section_levels(doc: Document) -> tuple[int, ...]:
    """The heading level of each of `doc`'s sections, in order."""
    return tuple(SECTION for _ in doc.sections)
