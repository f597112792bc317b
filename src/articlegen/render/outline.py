"""Heading levels: the title is level 1, a section's heading level 2, a sub-section's level 3.

The rule, explicit here because the Document has no field for it: a section is a sub-section
of the headed top-level section just before it when its id extends that section's id with a
hyphen. An overview page's `compare-tellers` ("Collector vs. Teller") is so a sub-section of
`compare` ("How collectors compare with other jobs"), as plan/overview.py names them; a
comparison article's `duties-<slug>` sections follow no `duties` section and stay level 2.
Levels never skip: a sub-section always follows its parent's heading.
"""

from __future__ import annotations

from ..realize.document import Document

TITLE, SECTION, SUBSECTION = 1, 2, 3


def section_levels(doc: Document) -> tuple[int, ...]:
    """The heading level of each of `doc`'s sections, in order."""
    levels: list[int] = []
    parent: str | None = None  # the id of the last top-level section with a heading
    for section in doc.sections:
        if parent is not None and section.id.startswith(f"{parent}-"):
            levels.append(SUBSECTION)
        else:
            levels.append(SECTION)
            parent = section.id if section.heading is not None else None
    return tuple(levels)
