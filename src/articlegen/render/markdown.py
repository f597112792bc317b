"""Markdown output: the default, and the format of the snapshot files.

Sentences reach this module as finished text with data values inside, and many sites turn
Markdown into HTML, so every text is escaped following CommonMark: it reads as the same
text and can open no HTML, link, image, emphasis, code span, heading, list or table cell.
The headings, bullets, tables and chart images are the only Markdown here, and this module
writes them. Charts are SVG files beside the article (charts.chart_files), linked by a relative
path when the caller asks for them; the default output has none, as the snapshots do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock
from .charts import Chart, charts_of
from .figures import Place
from .outline import section_levels
from .provenance import bank_file

# Line endings (CommonMark's, and others a viewer may honour) would start a new block: a
# heading, a list item, a table row. A sentence is one line, so each becomes a space.
_BREAK = re.compile(r"[\n\r\x0b\x0c\x85\u2028\u2029]")
_LINE_BREAK = re.compile(r"[ \t]*[\n\r\x0b\x0c\x85\u2028\u2029]+[ \t]*")
_ANY = re.compile(r"[\\`*_\[\]<|~&\n\r\x0b\x0c\x85\u2028\u2029]")
# Markup anywhere in a line, escaped with a backslash (the backslash itself first). Emphasis and
# strikethrough take two of a kind in one inline (a paragraph, heading, list item or cell), so a
# lone "*", "_" or "~" is only text: "O*NET" stays as it is unless its paragraph has another.
_ALWAYS = "\\`[]<|"
_PAIRED = "*_~"
_ENTITY = re.compile(r"&(?=[#0-9A-Za-z])")  # "&" only where it would start "&amp;" or "&#60;"
# What is markup only at the start of a line: headings, quotes, setext underlines, list markers,
# and a lone "*", "_" or "~" left as it is above (a bullet, a rule, a fence).
_LINE_START = re.compile(r"[#>=+*_~-]|[0-9]{1,9}(?=[.)](?:[ \t]|$))")
_MARKERS, _BLANK = frozenset("#>=+*_~-0123456789"), frozenset(" \t")


def escape_inline(text: str, inline: str | None = None) -> str:
    """`text` as Markdown that CommonMark (with GitHub's tables and strikethrough) reads back as
    the same text; `inline` is all the text it shares a paragraph, heading, item or cell with."""
    if _ANY.search(text) is None:  # the common case: a sentence with none of them
        return text
    if _BREAK.search(text) is not None:
        text = _LINE_BREAK.sub(" ", text)
    whole = text if inline is None else inline
    for mark in _ALWAYS:  # str.replace, not a regex: this runs on a tenth of all sentences
        if mark in text:
            text = text.replace(mark, "\\" + mark)
    for mark in _PAIRED:
        if mark in text and whole.count(mark) > 1:
            text = text.replace(mark, "\\" + mark)
    return _ENTITY.sub(r"\\&", text) if "&" in text else text


def _line(text: str, inline: str | None = None) -> str:
    """Text that begins a line, escaped: there `#`, `-`, `1.` and the like would start a block."""
    return _line_start(escape_inline(text, inline))


def _line_start(escaped: str) -> str:
    text = escaped.lstrip(" \t") if escaped[:1] in _BLANK else escaped  # 4 spaces: a code block
    if text[:1] not in _MARKERS:  # most lines: checked at once
        return text
    found = _LINE_START.match(text)
    if found is None:
        return text
    end = found.end()
    if found.group().isdigit():  # "2024. " as an ordered list: the stop after the number is escaped
        return f"{text[:end]}\\{text[end:]}"
    return f"\\{text}"


def _heading(text: str) -> str:
    # Every "#", as a closing run ("Pay #") would be dropped from the heading.
    return escape_inline(text).replace("#", "\\#")


def _row(cells: tuple[Sentence, ...]) -> str:
    texts = [s.text for s in cells]
    if _ANY.search("".join(texts)) is not None:  # rare: checked for the row at once, as tables are many
        texts = [escape_inline(t) for t in texts]
    return "| " + " | ".join(texts) + " |"


def _table(block: TableBlock) -> list[str]:
    lines = [_row(block.header), "|" + "|".join("---" for _ in block.header) + "|"]
    lines += [_row(row) for row in block.rows]
    return lines


def _comment(text: str) -> str:
    """An HTML comment that nothing inside can close: no "--" (so no "-->") and one line."""
    body = _LINE_BREAK.sub(" ", text)
    while "--" in body:
        body = body.replace("--", "- -")
    return f"<!-- {body} -->"


def _source(sentence: Sentence) -> str:
    if sentence.message is None:
        return f"data: {', '.join(sentence.facts)}"
    return f"{sentence.message}/{sentence.variant} @ {bank_file(sentence.file)}:{sentence.line}"


def _said(text: str, sentence: Sentence, explain: bool) -> str:
    """Escaped `text`, followed with `explain` by a comment naming where the sentence came from."""
    return f"{text} {_comment(_source(sentence))}" if explain else text


def _image(chart: Chart, charts_dir: str) -> str:
    """A chart file as an image: its title and values as the text, its path percent-encoded, so
    neither can end the link or start other markup."""
    path = quote(f"{charts_dir.rstrip('/')}/{chart.name}.svg", safe="/")
    return f"![{escape_inline(f'{chart.title}. {chart.description}')}]({path})"


def render_markdown(
    doc: Document,
    *,
    explain: bool = False,
    charts_dir: str | None = None,
    charts: Sequence[Chart] | None = None,
) -> str:
    """Markdown; with `explain`, each sentence is followed by a comment naming where it came from.

    With `charts_dir`, a relative URL path from the article to a folder holding
    charts.chart_files(doc) (the caller writes them), each chart is linked as an image after
    the block that first states its figures, as in the HTML page. `charts` is charts_of(doc)
    where the caller has drawn them already, for the files.
    """
    after: dict[Place, list[str]] = {}
    if charts_dir is not None:
        for chart in charts_of(doc) if charts is None else charts:
            after.setdefault(chart.place, []).extend([_image(chart, charts_dir), ""])
    out = [f"# {_said(_heading(doc.title.text), doc.title, explain)}", "", *after.get((-1, -1), [])]
    for index, (section, level) in enumerate(zip(doc.sections, section_levels(doc), strict=True)):
        if section.heading:
            marks = "#" * level
            out += [f"{marks} {_said(_heading(section.heading.text), section.heading, explain)}", ""]
        out += after.get((index, -1), [])
        for number, block in enumerate(section.blocks):
            if isinstance(block, ParagraphBlock):
                if explain:  # one sentence a line, so each annotation sits beside its sentence
                    text = block.text
                    out += [_said(_line(s.text, text), s, True) for s in block.sentences] + [""]
                else:
                    out += [_line(block.text), ""]  # escaped at once: each sentence the same as alone
            elif isinstance(block, ListBlock):
                if block.lead:
                    out += [_said(_line(block.lead.text), block.lead, explain), ""]
                out += [f"- {_said(_line(item.text), item, explain)}" for item in block.items] + [""]
            elif isinstance(block, TableBlock):
                out += [*_table(block), ""]
            out += after.get((index, number), [])
    return "\n".join(out).rstrip("\n") + "\n"
