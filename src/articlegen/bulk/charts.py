"""`bulk --charts`: each Markdown article's charts as SVG files beside it, linked by relative path.

The layout is `articlegen generate A B --charts -o FILE.md`'s: the article `a/a-vs-b.md` links
`a-vs-b.charts/pay.svg`, the file `a/a-vs-b.charts/pay.svg` (tests/test_bulk_charts.py checks
that the bytes are the same). An article without the figures of any chart links none and has no
folder. Chart files are written before the article that links them (work.py), each atomically,
and the manifest line of the article lists them with their sha256, so --resume redoes an article
whose chart is missing or damaged (journal.py).
"""

from __future__ import annotations

import posixpath

from ..errors import ArticlegenError
from ..realize.document import Document
from ..render.charts import chart_files, charts_of
from ..render.markdown import render_markdown

CHARTS_FORMAT = "md"  # HTML pages carry their charts inline; JSON has no images


def check_charts_format(fmt: str) -> None:
    """--charts with another format is a one-line error, as `generate --charts` gives."""
    if fmt != CHARTS_FORMAT:
        raise ArticlegenError(
            f"--charts writes SVG files beside Markdown articles: use --format md (not {fmt}); "
            "HTML pages carry their charts inline already"
        )


def charts_folder(path: str) -> str:
    """The folder of an article's charts, as a store path: 'a/a-vs-b.md' -> 'a/a-vs-b.charts'."""
    return f"{posixpath.splitext(path)[0]}.charts"


def markdown_with_charts(document: Document, path: str) -> tuple[str, list[tuple[str, bytes]]]:
    """The article to write at the store path `path`, and its chart files (store path, bytes) to write
    before it; no charts, no files and no links."""
    charts = charts_of(document)  # drawn once, for the files and for the links
    files = chart_files(document, charts)
    if not files:
        return render_markdown(document), []
    folder = charts_folder(path)
    text = render_markdown(document, charts_dir=posixpath.basename(folder), charts=charts)
    return text, [(f"{folder}/{name}", svg.encode("utf-8")) for name, svg in files.items()]
