"""An article body for the preview page: every piece of text a <span> that says where it came from.

Unlike render/html.py this is a fragment, not a page, and table cells are annotated too, because
an editor hovering a table label wants its file:line as much as a sentence's. All text is escaped.
"""

from __future__ import annotations

from html import escape

from ..realize.document import Document, Sentence
from .html import render_sections


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


def render_annotated_html(document: Document) -> str:
    """The article as an <article> element whose sentences carry data-message, -variant and -source."""
    out = ['<article class="article">', f"<h1>{_span(document.title)}</h1>"]
    out += render_sections(document, _span, cell=_span)
    out.append("</article>")
    return "\n".join(out) + "\n"
