"""An article body for the preview page: every piece of text a <span> that says where it came from.

Unlike render/html.py this is a fragment, not a page, and table cells are annotated too, because
an editor hovering a table label wants its file:line as much as a sentence's. All text is escaped.
"""

from __future__ import annotations

from html import escape

from ..document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock


def _span(sentence: Sentence) -> str:
    text = escape(sentence.text)
    if not text:
        return ""
    facts = escape(", ".join(sentence.facts))
    if sentence.message is None:  # verbatim or formatted data: no phrasebank line to point at
        return f'<span class="s data" tabindex="0" data-source="data" data-facts="{facts}">{text}</span>'
    return (
        f'<span class="s" tabindex="0" data-message="{escape(sentence.message)}" '
        f'data-variant="{escape(sentence.variant or "")}" '
        f'data-source="{escape(f"{sentence.file}:{sentence.line}")}" data-facts="{facts}">{text}</span>'
    )


def _table(block: TableBlock) -> list[str]:
    head = "".join(f"<th>{_span(s)}</th>" for s in block.header)
    rows = [
        f"<tr><th>{_span(row[0])}</th>" + "".join(f"<td>{_span(c)}</td>" for c in row[1:]) + "</tr>"
        for row in block.rows
    ]
    return ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"]


def render_annotated_html(document: Document) -> str:
    """The article as an <article> element whose sentences carry data-message, -variant and -source."""
    out = ['<article class="article">', f"<h1>{_span(document.title)}</h1>"]
    for section in document.sections:
        out.append(f'<section id="{escape(section.id)}">')
        if section.heading:
            out.append(f"<h2>{_span(section.heading)}</h2>")
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                out.append("<p>" + " ".join(_span(s) for s in block.sentences) + "</p>")
            elif isinstance(block, ListBlock):
                if block.lead:
                    out.append(f"<p>{_span(block.lead)}</p>")
                out += ["<ul>", *(f"<li>{_span(item)}</li>" for item in block.items), "</ul>"]
            elif isinstance(block, TableBlock):
                out += _table(block)
        out.append("</section>")
    out.append("</article>")
    return "\n".join(out) + "\n"
