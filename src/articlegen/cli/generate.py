"""`articlegen generate A B`: one article."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ArticlegenError
from ..pipeline import open_generator
from ..realize.document import Document
from ..render import chart_files
from ..render.charts import charts_of
from ..render.markdown import render_markdown
from .common import article_options, friendly, write_text


@click.command()
@click.argument("a")
@click.argument("b")
@article_options
@click.option(
    "--charts",
    is_flag=True,
    help="Markdown: also write the charts as SVG files in FILE.charts/ beside the article (-o FILE), "
    "linked from it. HTML pages carry their charts inline already.",
)
@friendly
def generate(
    a: str,
    b: str,
    fmt: str,
    seed: int,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
    explain: bool,
    output: Path | None,
    charts: bool,
) -> None:
    """Write the article comparing occupations A and B (slugs, titles or names as articles print them)."""
    generator = open_generator(data_dir, phrasebank_dir)
    if not charts:
        write_text(generator.generate(a, b, format=fmt, seed=seed, explain=explain), output)
        return
    if fmt != "md" or output is None or str(output) == "-":
        raise ArticlegenError(
            "--charts writes SVG files beside a Markdown article: use --format md and -o FILE"
        )
    write_with_charts(generator.document(a, b, seed), output, explain)


def write_with_charts(document: Document, output: Path, explain: bool) -> None:
    """The charts first, then the article that links them, so that an article on disk has its charts."""
    charts = charts_of(document)  # drawn once, for the files and for the links
    files = chart_files(document, charts)
    folder = output.with_name(f"{output.stem}.charts")
    try:
        if files:
            folder.mkdir(parents=True, exist_ok=True)
            for name, svg in files.items():
                (folder / name).write_text(svg, encoding="utf-8")
    except OSError as err:
        raise ArticlegenError(f"{folder}: cannot write the charts: {err.strerror}") from None
    links = folder.name if files else None
    write_text(render_markdown(document, explain=explain, charts_dir=links, charts=charts), output)
