"""Headings nest and never skip a level: one h1, then h2, with h3 only under an h2, in Markdown and
HTML, for comparison articles and overview pages. An overview page's "X vs. Y" comparisons are
sub-sections (h3) of its "compare" section (h2); render/outline.py states the rule.
"""

from __future__ import annotations

import itertools
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from articlegen.realize.document import Document, ParagraphBlock, Section, Sentence
from articlegen.render.html import render_html
from articlegen.render.markdown import render_markdown
from articlegen.render.outline import SECTION, SUBSECTION, section_levels

from .test_overview_snapshots import GOLDEN_OVERVIEWS
from .test_snapshots import GOLDEN_PAIRS

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_levels(markdown: str) -> list[int]:
    return [int(token.tag[1]) for token in MD.parse(markdown) if token.type == "heading_open"]


class _Outline(HTMLParser):
    """Each heading's level, and how deep in <section> elements it sits."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.headings: list[tuple[int, int]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.depth += 1
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append((int(tag[1]), self.depth))

    def handle_endtag(self, tag):
        if tag == "section":
            self.depth -= 1


def html_outline(html: str) -> list[tuple[int, int]]:
    parser = _Outline()
    parser.feed(html)
    parser.close()
    assert parser.depth == 0, "a <section> left open"
    return parser.headings


def assert_nests(levels: list[int]) -> None:
    assert levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in itertools.pairwise(levels):
        assert 2 <= after <= before + 1, f"h{before} is followed by h{after}: {levels}"


def _documents(generator) -> list[Document]:
    return [generator.document(a, b) for a, b in GOLDEN_PAIRS] + [
        generator.overview_document(slug) for slug in GOLDEN_OVERVIEWS
    ]


def test_headings_never_skip_a_level_in_markdown_or_html(generator):
    for doc in _documents(generator):
        for explain in (False, True):
            assert_nests(markdown_levels(render_markdown(doc, explain=explain)))
            outline = html_outline(render_html(doc, explain=explain))
            assert_nests([level for level, _ in outline])
            # an h2 opens a top-level <section>, an h3 a <section> inside it
            assert all(depth == level - 1 for level, depth in outline), outline


def test_comparison_articles_have_one_level_of_sections(generator):
    for a, b in GOLDEN_PAIRS:
        doc = generator.document(a, b)
        assert set(section_levels(doc)) == {SECTION}
        assert set(markdown_levels(render_markdown(doc))) == {1, 2}


@pytest.mark.parametrize("slug", GOLDEN_OVERVIEWS)
def test_an_overview_pages_comparisons_sit_under_its_compare_section(generator, slug):
    doc = generator.overview_document(slug)
    levels = dict(zip((s.id for s in doc.sections), section_levels(doc), strict=True))
    compared = [s for s in doc.sections if s.id.startswith("compare-")]
    assert compared and levels["compare"] == SECTION and levels["sources"] == SECTION
    assert all(levels[s.id] == SUBSECTION for s in compared)
    markdown = render_markdown(doc)
    for section in compared:
        assert f"\n### {section.heading.text}\n" in markdown
        assert f"<h3>{section.heading.text}</h3>" in render_html(doc).replace("&#x27;", "'")
    html = render_html(doc)
    compare = html[html.index('<section id="compare">') :]
    # every comparison is inside the compare section, which closes before the sources open
    assert compare.index('<section id="sources">') > max(compare.index(f'id="{s.id}"') for s in compared)


def _doc(*sections: tuple[str, bool]) -> Document:
    def heading(id_: str, headed: bool) -> Sentence | None:
        return Sentence(f"About {id_}", "heading") if headed else None

    return Document(
        kind="overview",
        subjects=("x",),
        seed=0,
        title=Sentence("Title", "title"),
        sections=tuple(
            Section(id_, heading(id_, headed), (ParagraphBlock((Sentence("Text.", "p"),)),))
            for id_, headed in sections
        ),
    )


def test_the_rule_a_sub_sections_id_extends_its_parents_with_a_hyphen():
    doc = _doc(
        ("intro", False), ("compare", True), ("compare-a", True), ("compare-b", True), ("sources", True)
    )
    assert section_levels(doc) == (2, 2, 3, 3, 2)
    # not a prefix with a hyphen: a section of its own
    assert section_levels(_doc(("compare", True), ("compared", True))) == (2, 2)
    # a parent without a heading has no heading to sit under: its "children" stay level 2
    assert section_levels(_doc(("compare", False), ("compare-a", True))) == (2, 2)
    # only the top-level section just before: after another section, no sub-section of an earlier one
    assert section_levels(_doc(("compare", True), ("pay", True), ("compare-a", True))) == (2, 2, 2)
    assert section_levels(_doc(("duties-a", True), ("duties-b", True))) == (2, 2)
    markdown = render_markdown(doc)
    assert markdown_levels(markdown) == [1, 2, 3, 3, 2]
    assert [level for level, _ in html_outline(render_html(doc))] == [1, 2, 3, 3, 2]
