"""Output formats. Each renderer turns a realized Document into one string; `chart_files` gives
the SVG files a Markdown article links when asked to (render_markdown's `charts_dir`)."""

from __future__ import annotations

from collections.abc import Callable

from ..realize.document import Document
from .charts import chart_files
from .html import render_html
from .json import render_json
from .markdown import render_markdown

RENDERERS: dict[str, Callable[[Document], str]] = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
}

__all__ = ["RENDERERS", "chart_files", "render_html", "render_json", "render_markdown"]
