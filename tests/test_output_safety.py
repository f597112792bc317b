"""Published output is safe to publish: Markdown escapes data text, tables keep their cells, HTML
names no local path, `-o -` is standard output, and --explain comments cannot be closed early."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from articlegen import open_generator
from articlegen.realize.document import Document, ParagraphBlock, Section, Sentence, TableBlock
from articlegen.render import render_html, render_markdown
from articlegen.render.annotated import render_annotated_html
from articlegen.render.outline import section_levels
from articlegen.resources import default_phrasebank_dir

from .conftest import write_occupation
from .test_data import run_cli

# Each would be markup if it reached the page as it is: HTML, links, images, emphasis, code, an
# entity, and, at the start of a line, a heading, list, quote, rule, setext underline or table.
MARKUP = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[click](javascript:alert(3))",
    "![x](javascript:alert(4))",
    "<javascript:alert(5)>",
    "<!-- hidden",
    "*em* _em_ **strong** ~~gone~~",
    "`code`",
    "&lt;b&gt; &#60;i&#62; &amp;",
    "# Injected heading",
    "- item",
    "+ item",
    "1. item",
    "2) item",
    "> quote",
    "---",
    "===",
    "| a | b |",
    "[ref]: javascript:alert(6)",
    "\\*not emphasis\\*",
    "Pay #",
    "* item",
    "~~~",
    "___",
    "O*NET _x ~y",  # lone ones: text, left as they are unless their inline holds another
]

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# What our own Markdown makes; anything else in a page came from data.
OWN_BLOCKS = {
    "heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline",
    "bullet_list_open", "bullet_list_close", "list_item_open", "list_item_close",
    "table_open", "table_close", "thead_open", "thead_close", "tbody_open", "tbody_close",
    "tr_open", "tr_close", "th_open", "th_close", "td_open", "td_close",
}  # fmt: skip
COMMENT = re.compile(r"<!-- (?:(?!--).)* -->")


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _record(markup: str) -> str:
    """A record with `markup` in every text field a page shows: alone where it starts a
    paragraph or list item, after a word elsewhere."""
    after = _yaml("x " + markup)
    return "\n".join(
        [
            f"title: {_yaml('Clerk ' + markup)}",
            f"description: {_yaml(markup)}",
            "salary: {yearly: 41000, hourly: 20}",
            f"sources: [{after}]",
            f"responsibilities: [{_yaml(markup)}, {after}]",
            f"skills: [{{name: {after}, share: 40, example: {_yaml(markup)}}}]",
            f"education: {{most_common_degree: {{name: {after}, share: 50}}, major: {after}}}",
            f"top_pay: {{state: {after}, state_salary: 50000, company: {after}, industry: {after}, "
            f"industry_salary: 52000, metro: {after}, metro_salary: 51000}}",
            f"demographics: {{gender: [{{group: {after}, share: 60}}]}}",
            "",
        ]
    )


def _same(text: str) -> str:
    """Text as a reader sees it: line breaks and runs of spaces are one space."""
    return " ".join(text.split())


def _inline_text(token: Token) -> str:
    """What an inline token reads as; our --explain comments are the only HTML allowed in it."""
    parts = []
    for child in token.children or []:
        assert child.type in {"text", "softbreak", "html_inline"}, (child.type, child.content)
        if child.type == "html_inline":
            assert COMMENT.fullmatch(child.content), child.content
        else:
            parts.append(" " if child.type == "softbreak" else child.content)
    return _same("".join(parts))


def _read(markdown: str) -> list[tuple[str, object]]:
    """The page as CommonMark reads it: headings, paragraphs, list items and table rows, in order.

    Fails on any token our renderer does not make itself (HTML, links, images, emphasis, code,
    quotes, rules, nested or ordered lists).
    """
    tokens = MD.parse(markdown)
    read: list[tuple[str, object]] = []
    row: list[str] | None = None
    for index, token in enumerate(tokens):
        assert token.type in OWN_BLOCKS, (token.type, token.content)
        if token.type == "bullet_list_open":
            assert token.level == 0, "a list inside a list"
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            read.append(("tr", row))
            row = None
        elif token.type == "inline":
            opener = tokens[index - 1]
            if row is not None:
                row.append(_inline_text(token))
            elif opener.type == "heading_open":
                read.append((opener.tag, _inline_text(token)))
            else:
                read.append(("li" if opener.level > 0 else "p", _inline_text(token)))
    return read


def _expected(document: Document) -> list[tuple[str, object]]:
    """The same reading of the document itself: each text exactly as the realizer wrote it."""
    read: list[tuple[str, object]] = [("h1", _same(document.title.text))]
    levels = section_levels(document)
    for section, level in zip(document.sections, levels, strict=True):
        if section.heading:
            read.append((f"h{level}", _same(section.heading.text)))
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                read.append(("p", _same(block.text)))
            elif isinstance(block, TableBlock):
                read += [("tr", [_same(s.text) for s in r]) for r in (block.header, *block.rows)]
            else:
                read += [("p", _same(block.lead.text))] if block.lead else []
                read += [("li", _same(item.text)) for item in block.items]
    return read


def _hostile_generator(tmp_path: Path, markup: str):
    write_occupation(tmp_path, "clerk", _record(markup))
    write_occupation(tmp_path, "typist", "title: Typist\nsalary: {yearly: 39000, hourly: 19}\n")
    return open_generator(tmp_path)


@pytest.mark.parametrize("markup", MARKUP)
def test_markdown_of_hostile_data_opens_no_markup_and_reads_as_the_data(tmp_path, markup):
    generator = _hostile_generator(tmp_path, markup)
    documents = [generator.document("clerk", "typist"), generator.overview_document("clerk")]
    for document in documents:
        for explain in (False, True):
            markdown = render_markdown(document, explain=explain)
            assert _read(markdown) == _expected(document), markdown
            html = MD.render(markdown)
            assert not re.search(r"<(script|img|a|em|strong|code|s|blockquote|ol|hr)\b", html), html
    # The markup is really in the pages: as text, in many places.
    read = _read(render_markdown(documents[0]))
    text = " ".join(part if isinstance(part, str) else " ".join(part) for _, part in read)  # type: ignore[arg-type]
    assert text.count(_same(markup)) + text.count(_same(markup).lower()) >= 5, text


def test_line_breaks_in_table_cell_fields_stay_inside_their_cells(tmp_path):
    broken = "Dayton\n# Injected heading\n| x | y |\n- item"
    record = _record("ok").replace('metro: "x ok"', f"metro: {_yaml(broken)}")
    record = record.replace('company: "x ok"', f"company: {_yaml('Acme' + chr(10) + '## Board')}")
    record = record.replace(
        'name: "x ok", share: 50', f"name: {_yaml('Diploma' + chr(10) + '---')}, share: 50"
    )
    write_occupation(tmp_path, "clerk", record)
    write_occupation(tmp_path, "typist", "title: Typist\nsalary: {yearly: 39000, hourly: 19}\n")
    document = open_generator(tmp_path).document("clerk", "typist")
    cells = [s.text for s in document.sentences()]
    assert any("\n" in text for text in cells)  # the loader let the line breaks through
    assert _read(render_markdown(document)) == _expected(document)


def test_any_line_break_in_a_cell_is_a_space():
    """Loading refuses CR, but the renderer does not rely on it."""
    row = (Sentence("Where"), Sentence("Acme\r# Evil\r\n- item"), Sentence("a\u2028b\x85c\x0bd"))
    table = TableBlock((Sentence(""), Sentence("Clerk"), Sentence("Typist")), (row,))
    document = Document("article", ("a", "b"), 0, Sentence("T"), (Section("s", None, (table,)),))
    markdown = render_markdown(document)
    assert markdown.splitlines()[-1] == "| Where | Acme # Evil - item | a b c d |"
    assert _read(markdown) == _expected(document)


def _bank_far_away(tmp_path: Path) -> Path:
    bank = (tmp_path / "secret-place" / "en").resolve()
    shutil.copytree(default_phrasebank_dir(), bank)
    return bank


def test_published_html_names_no_path_and_carries_no_annotation(tmp_path):
    bank = _bank_far_away(tmp_path)
    for command in (
        ["generate", "collections-associate", "account-representative"],
        ["overview", "collections-associate"],
    ):
        result = run_cli(*command, "--format", "html", "--phrasebanks", str(bank), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        page = result.stdout
        assert page.startswith("<!DOCTYPE html>") and "<h2>" in page
        assert "secret-place" not in page and ".yaml" not in page
        assert not re.search(r"\sdata-[a-z]+=|\sclass=\"s|tabindex", page), page[:2000]
    # JSON is provenance by design, and names each file within the phrasebank directory too.
    result = run_cli("generate", "collections-associate", "account-representative", "--format", "json",
                     "--phrasebanks", str(bank), cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0 and '"file": "title.yaml"' in result.stdout
    assert "secret-place" not in result.stdout


def _spans(html: str) -> list[dict[str, str | None]]:
    class Spans(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[dict[str, str | None]] = []

        def handle_starttag(self, tag, attrs):
            assert tag != "img"
            if tag == "span":
                self.found.append(dict(attrs))

    parser = Spans()
    parser.feed(html)
    parser.close()
    return parser.found


def test_annotated_html_is_opt_in_and_names_files_within_the_phrasebank_directory(tmp_path):
    bank = _bank_far_away(tmp_path)
    generator = open_generator(None, bank)
    document = generator.document("collections-associate", "account-representative")
    for html in (render_html(document, explain=True), render_annotated_html(document)):
        spans = _spans(html)
        worded = [s for s in spans if s["data-source"] != "data"]
        assert len(worded) > 20 and "secret-place" not in html
        for span in worded:
            file, line = re.fullmatch(r"([\w.-]+\.yaml):(\d+)", str(span["data-source"])).groups()
            variant = next(
                v for v in generator.phrasebank.message(str(span["data-message"])).variants
                if v.id == span["data-variant"]
            )  # fmt: skip
            assert (bank / file).is_file() and Path(variant.file).name == file and int(line) == variant.line
    # The local preview names each file as it was loaded, for its editor to open.
    local = {s["data-source"] for s in _spans(render_annotated_html(document, local_paths=True))}
    assert any(str(source).startswith(f"{bank}/") for source in local)


def test_explained_markdown_names_files_within_the_phrasebank_directory(tmp_path):
    bank = _bank_far_away(tmp_path)
    result = run_cli(
        "generate", "collections-associate", "account-representative", "--explain",
        "--phrasebanks", str(bank), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    places = re.findall(r"<!-- [\w.]+/[\w-]+ @ (\S+):\d+ -->", result.stdout)
    assert len(places) > 20
    assert all((bank / place).is_file() and "/" not in place for place in places)


@pytest.mark.parametrize(
    "command",
    [["generate", "collections-associate", "account-representative"], ["overview", "collections-associate"]],
)
def test_output_dash_is_standard_output(tmp_path, command):
    result = run_cli(*command, "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and "## " in result.stdout
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_explain_comments_cannot_be_closed_by_what_they_name(tmp_path):
    bank = _bank_far_away(tmp_path)
    hostile = 'title--><img src=x onerror="alert(1)"><!--x--.yaml'
    (bank / "title.yaml").rename(bank / hostile)
    generator = open_generator(None, bank)
    document = generator.document("collections-associate", "account-representative")
    markdown = render_markdown(document, explain=True)
    assert "title- ->" in markdown  # the file is still named, readably
    assert _read(markdown) == _expected(document)  # every comment whole: no HTML escapes from one
    _spans(MD.render(markdown))  # no <img> element; the file's name is inside a comment
    _spans(render_html(document, explain=True))  # nor in the annotated page
