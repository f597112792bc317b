"""A complete HTML page. Every piece of text is escaped: titles and facts come from data."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock

_STYLE = (
    "body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55}"
    "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;"
    "text-align:left;vertical-align:top}"
)


def _span(sentence: Sentence) -> str:
    text = escape(sentence.text)
    if sentence.message is None:
        return f'<span class="s" data-source="data">{text}</span>'
    where = escape(f"{sentence.file}:{sentence.line}")
    return (
        f'<span class="s" data-message="{escape(sentence.message)}" '
        f'data-variant="{escape(sentence.variant or "")}" data-where="{where}">{text}</span>'
    )


def _plain_cell(sentence: Sentence) -> str:
    return escape(sentence.text)


def _table(block: TableBlock, cell: Callable[[Sentence], str]) -> list[str]:
    head = "".join(f"<th>{cell(s)}</th>" for s in block.header)
    rows = [
        f"<tr><th>{cell(row[0])}</th>" + "".join(f"<td>{cell(c)}</td>" for c in row[1:]) + "</tr>"
        for row in block.rows
    ]
    return ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"]


def render_sections(
    doc: Document, span: Callable[[Sentence], str], cell: Callable[[Sentence], str] = _plain_cell
) -> list[str]:
    """The sections as HTML lines; `span` writes a sentence and `cell` a table cell.

    The page leaves cells plain; the preview (render/annotated.py) annotates them too.
    """
    out = []
    for section in doc.sections:
        out.append(f'<section id="{escape(section.id)}">')
        if section.heading:
            out.append(f"<h2>{span(section.heading)}</h2>")
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                out.append("<p>" + " ".join(span(s) for s in block.sentences) + "</p>")
            elif isinstance(block, ListBlock):
                if block.lead:
                    out.append(f"<p>{span(block.lead)}</p>")
                out += ["<ul>", *(f"<li>{span(item)}</li>" for item in block.items), "</ul>"]
            elif isinstance(block, TableBlock):
                out += _table(block, cell)
        out.append("</section>")
    return out


def render_html(doc: Document) -> str:
    title = escape(doc.title.text)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<article>",
        f"<h1>{_span(doc.title)}</h1>",
        *render_sections(doc, _span),
        "</article>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
