"""`articlegen bulk`: many articles to a directory or URL, in parallel, resumable."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from ..bulk import BulkOptions, run_bulk
from ..bulk.jobs import FORMATS, KINDS, LAYOUTS
from ..bulk.run import ENGINES
from ..errors import ArticlegenError
from .common import bank_option, data_option, friendly

EXIT_FAILED_PAIRS = 1


@click.command()
@click.option(
    "--pairs",
    "pairs_source",
    required=True,
    metavar="all|same-group|golden|FILE.csv",
    help=(
        "'all' ordered pairs of article subjects; 'same-group', both occupations in one SOC minor "
        "group; 'golden', the snapshot tests' pairs; or a CSV file with the header 'a,b'."
    ),
)
@click.option("--out", required=True, help="Output directory, or an fsspec URL such as s3://bucket/prefix.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    help="Processes (dask: local workers). Default: one per core.",
)
@click.option("--resume", is_flag=True, help="Skip articles a previous run completed (checked by sha256).")
@click.option(
    "--limit", type=click.IntRange(min=0), default=0, help="At most N pairs, a hash-ordered sample. 0: all."
)
@click.option("--quiet", is_flag=True, help="No progress bar: a plain log line every 10 seconds.")
@click.option(
    "--seed", type=int, default=0, show_default=True, help="The seed of variant choice, as for generate."
)
@click.option("--kind", type=click.Choice(list(KINDS)), default="comparison", show_default=True)
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    default="folders",
    show_default=True,
    help="folders: OUT/<a>/<a>-vs-<b>.<format>, a folder per first occupation; flat: OUT/<a>-vs-<b>.<format>",
)
@click.option(
    "--charts",
    is_flag=True,
    help="Markdown: also write each article's charts as SVG files in <article>.charts/ beside it, "
    "linked from it. HTML pages carry their charts inline already.",
)
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True)
@click.option(
    "--scheduler",
    default=None,
    help="Dask scheduler address (tcp://host:8786), or 'local' for a LocalCluster.",
)
@click.option(
    "--state",
    "state_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where manifest.jsonl and errors.jsonl are kept while --out is a URL (copied there at the end).",
)
@data_option
@bank_option
@friendly
def bulk(
    pairs_source: str,
    out: str,
    fmt: str,
    workers: int,
    resume: bool,
    limit: int,
    quiet: bool,
    seed: int,
    kind: str,
    layout: str,
    charts: bool,
    engine: str,
    scheduler: str | None,
    state_dir: Path | None,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
) -> None:
    """Write an article for every pair of a source into --out, one file each.

    \b
    Files are OUT/<a>/<a>-vs-<b>.<format> (OUT/<a>-vs-<b>.<format> with --layout flat);
    with --format jsonl, OUT/<a>.jsonl holds one line per article with <a> first, in
    order of the second. In a directory, a file that already holds its article is not
    rewritten. With --charts (Markdown), each article's charts are SVG files in
    OUT/<a>/<a>-vs-<b>.charts/, written before the article that links them.
    manifest.jsonl lists each complete file (pair, path, sha256, content versions, and
    its chart files); errors.jsonl each failed pair with its reason. One run at a time
    writes into a directory: it holds OUT/.articlegen-bulk.lock while it runs. A worker
    process that dies (the out-of-memory killer) is replaced and its articles done again;
    a second death stops the run, and --resume finishes it. Exit status 1 when any pair
    failed, 2 when the run could not be done.
    """
    summary = run_bulk(
        BulkOptions(
            pairs=pairs_source,
            out=out,
            fmt=fmt,
            workers=workers,
            resume=resume,
            limit=limit,
            quiet=quiet,
            seed=seed,
            kind=kind,
            layout=layout,
            engine=engine,
            scheduler=scheduler,
            data_dir=data_dir,
            phrasebank_dir=phrasebank_dir,
            state_dir=state_dir,
            charts=charts,
        )
    )
    rate = summary.written / summary.seconds if summary.seconds else 0.0
    say(
        f"{summary.pairs}: {summary.written:,} written, {summary.skipped:,} already complete, "
        f"{summary.failed:,} failed, in {summary.seconds:.1f} s ({rate:,.0f} articles/s); "
        + (f"{summary.charts:,} chart files; " if charts else "")
        + f"manifest {summary.manifest}"
    )
    if summary.failed:
        noun = "pair" if summary.failed == 1 else "pairs"
        click.echo(f"articlegen: {summary.failed:,} {noun} failed; see {summary.errors}", err=True)
        sys.exit(EXIT_FAILED_PAIRS)


def say(text: str) -> None:
    """The summary on standard output; a full or closed one (`> /dev/full`) is one line, not a traceback."""
    try:
        click.echo(text)
    except OSError as err:
        # What is left in the buffer would fail again as Python exits, with a traceback and status
        # 120: standard output goes to /dev/null instead. (Under CliRunner it has no descriptor.)
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise ArticlegenError(f"standard output: cannot write the summary: {err.strerror}") from None
