"""An article body for the preview page: every piece of text a <span> that says where it came from.

Unlike render/html.py this is a fragment, not a page. Table cells are annotated too, because
an editor hovering a table label wants its file:line as much as a sentence's. All text is escaped.
"""

from __future__ import annotations

from functools import partial

from ..realize.document import Document
from .html import annotated_span, render_sections


def render_annotated_html(document: Document, *, local_paths: bool = False) -> str:
    """The article as an <article> element whose sentences carry data-message, -variant and -source.

    The source is file:line within the phrasebank directory; `local_paths` names the file as it
    was loaded instead, for the local preview, whose editor opens it.
    """
    span = partial(annotated_span, local_paths=local_paths)
    out = ['<article class="article">', f"<h1>{span(document.title)}</h1>"]
    out += render_sections(document, span, cell=span)
    out.append("</article>")
    return "\n".join(out) + "\n"
