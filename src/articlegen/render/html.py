"""A complete HTML page. Every piece of text is escaped: titles and facts come from data.

The page is what gets published: plain semantic markup, nothing about how it was made, with
a description and schema.org JSON-LD in its head (render/structured.py) and inline SVG charts
of its figures (render/charts.py). The annotated form (`explain`, and the preview's
render/annotated.py) wraps each piece of text in a <span> naming its message, variant and
phrasebank file:line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock
from .charts import CHART_CSS, Chart, charts_of
from .figures import Place, stated_facts
from .outline import TITLE, section_levels
from .provenance import bank_file
from .structured import json_ld, meta_description, structured_data

_STYLE = (
    "body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55}"
    "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;"
    "text-align:left;vertical-align:top}"
)


def plain_text(sentence: Sentence) -> str:
    return escape(sentence.text)


def annotated_span(sentence: Sentence, *, local_paths: bool = False) -> str:
    """The sentence in a <span> saying where it came from; the file relative to the phrasebank
    directory unless `local_paths` (the preview, whose editor opens the file named)."""
    text = escape(sentence.text)
    if not text:
        return ""
    facts = escape(", ".join(sentence.facts))
    if sentence.message is None:  # verbatim or formatted data: no phrasebank line to point at
        return f'<span class="s data" tabindex="0" data-source="data" data-facts="{facts}">{text}</span>'
    file = sentence.file if local_paths else bank_file(sentence.file)
    return (
        f'<span class="s" tabindex="0" data-message="{escape(sentence.message)}" '
        f'data-variant="{escape(sentence.variant or "")}" '
        f'data-source="{escape(f"{file}:{sentence.line}")}" data-facts="{facts}">{text}</span>'
    )


def _table(block: TableBlock, cell: Callable[[Sentence], str]) -> list[str]:
    head = "".join(f"<th>{cell(s)}</th>" for s in block.header)
    rows = [
        f"<tr><th>{cell(row[0])}</th>" + "".join(f"<td>{cell(c)}</td>" for c in row[1:]) + "</tr>"
        for row in block.rows
    ]
    return ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"]


def render_sections(
    doc: Document,
    span: Callable[[Sentence], str],
    cell: Callable[[Sentence], str] = plain_text,
    charts: Sequence[Chart] = (),
) -> list[str]:
    """The sections as HTML lines; `span` writes a sentence and `cell` a table cell. A sub-section
    (render/outline.py) is an <h3> in a <section> inside its parent's; each chart follows the
    block that first states its figures."""
    after: dict[Place, list[str]] = {}
    for chart in charts:
        after.setdefault(chart.place, []).append(chart.svg())
    out = after.get((-1, -1), [])[:]
    open_levels: list[int] = []
    for index, (section, level) in enumerate(zip(doc.sections, section_levels(doc), strict=True)):
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
            out.append("</section>")
        out.append(f'<section id="{escape(section.id)}">')
        open_levels.append(level)
        if section.heading:
            out.append(f"<h{level}>{span(section.heading)}</h{level}>")
        out += after.get((index, -1), [])
        for number, block in enumerate(section.blocks):
            if isinstance(block, ParagraphBlock):
                out.append("<p>" + " ".join(span(s) for s in block.sentences) + "</p>")
            elif isinstance(block, ListBlock):
                if block.lead:
                    out.append(f"<p>{span(block.lead)}</p>")
                out += ["<ul>", *(f"<li>{span(item)}</li>" for item in block.items), "</ul>"]
            elif isinstance(block, TableBlock):
                out += _table(block, cell)
            out += after.get((index, number), [])
    out += ["</section>"] * len(open_levels)
    return out


def _head(doc: Document, drawn: bool, data: dict[str, Any] | None) -> list[str]:
    description = meta_description(doc)
    out = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title.text)}</title>",
    ]
    if description:
        out.append(f'<meta name="description" content="{escape(description)}">')
    if data is not None:
        out.append(f'<script type="application/ld+json">\n{json_ld(data)}\n</script>')
    out.append(f"<style>{_STYLE}{CHART_CSS if drawn else ''}</style>")
    return out


def render_html(doc: Document, *, explain: bool = False, charts: bool = True) -> str:
    """The page; with `explain`, every piece of text annotated as in the preview; without `charts`,
    no SVG charts (render/charts.py)."""
    span = annotated_span if explain else plain_text
    facts = stated_facts(doc)
    drawn = charts_of(doc, facts) if charts else []
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        *_head(doc, bool(drawn), structured_data(doc, facts)),
        "</head>",
        "<body>",
        "<article>",
        f"<h{TITLE}>{span(doc.title)}</h{TITLE}>",
        *render_sections(doc, span, cell=span, charts=drawn),
        "</article>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
