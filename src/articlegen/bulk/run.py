"""A bulk run end to end: pairs -> units -> skip the complete ones -> an engine -> journal and summary."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path

from ..errors import ArticlegenError
from ..pipeline import open_generator
from .charts import check_charts_format
from .jobs import Unit, plan_units, stream_pairs
from .journal import Journal
from .local import WorkerDied, run_local
from .lock import locked
from .progress import open_progress
from .store import is_url, open_store
from .versions import content_versions
from .work import UnitResult, WorkSpec, garbage_collector_restored

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class BulkOptions:
    pairs: str
    out: str
    fmt: str = "md"
    workers: int = 0  # 0: one per core
    resume: bool = False
    limit: int = 0  # 0: every pair
    quiet: bool = False
    seed: int = 0
    kind: str = "comparison"
    layout: str = "folders"
    engine: str = "local"
    scheduler: str | None = None  # dask: a scheduler address, or "local" for a LocalCluster
    data_dir: Path | None = None
    phrasebank_dir: Path | None = None
    state_dir: Path | None = None  # manifest and errors when --out is a URL
    log_every: float = 10.0
    charts: bool = False  # md: each article's charts as SVG files beside it (charts.py)


@dataclass(frozen=True)
class BulkSummary:
    pairs: str  # the pair source, described
    written: int
    skipped: int
    failed: int
    seconds: float
    manifest: Path
    errors: Path
    charts: int = 0  # chart files of the articles written (--charts)


def state_dir_for(options: BulkOptions) -> Path:
    """Local output keeps its manifest beside the articles; a URL's goes to a local state directory."""
    if options.state_dir is not None:
        return options.state_dir
    if not is_url(options.out):
        return Path(options.out.removeprefix("file://"))
    key = blake2b(options.out.encode(), digest_size=6).hexdigest()
    return Path(".articlegen-bulk") / key


def locked_folders(options: BulkOptions, state_dir: Path) -> list[Path]:
    """The output directory, if local, and the manifest's, if elsewhere: one run at a time in each."""
    folders = [] if is_url(options.out) else [Path(options.out.removeprefix("file://"))]
    return list(dict.fromkeys(folder.resolve() for folder in [*folders, state_dir]))


def run_bulk(options: BulkOptions) -> BulkSummary:
    if options.engine not in ENGINES:
        raise ArticlegenError(f"unknown engine {options.engine!r}; choose one of {', '.join(ENGINES)}")
    if not options.out.removeprefix("file://").strip():  # it would write into the current directory
        raise ArticlegenError("--out is empty; name the output directory ('.' for the current one)")
    if options.charts:
        check_charts_format(options.fmt)
    with contextlib.ExitStack() as held:
        return _run(options, held)


def _run(options: BulkOptions, held: contextlib.ExitStack) -> BulkSummary:
    """The run, once `held` has the locks of its folders (taken after the folders are made)."""
    started = time.monotonic()
    generator = open_generator(options.data_dir, options.phrasebank_dir)  # fails early on bad content
    stream = stream_pairs(options.pairs, generator.catalog, options.limit)
    versions = content_versions(options.data_dir, options.phrasebank_dir)
    store = open_store(options.out)
    journal = Journal(
        state_dir_for(options),
        versions,
        options.kind,
        options.fmt,
        options.seed,
        options.layout,
        options.charts,
    )
    spec = WorkSpec(
        options.out,
        options.fmt,
        options.seed,
        options.kind,
        versions,
        str(options.data_dir.resolve()) if options.data_dir else None,
        str(options.phrasebank_dir.resolve()) if options.phrasebank_dir else None,
        options.charts,
    )
    planned = plan_units(stream, options.kind, options.fmt, options.layout)  # checks them before any work
    for folder in locked_folders(options, journal.dir):
        held.enter_context(locked(folder))
    journal.start(store, options.resume)
    progress = open_progress(planned.articles, options.quiet, options.log_every)  # pages, for overviews
    counts = {"written": 0, "failed": 0, "skipped": 0, "charts": 0}

    def on_result(result: UnitResult) -> None:
        journal.record(result)
        counts["written"] += len(result.written)
        counts["failed"] += len(result.failed)
        counts["charts"] += len(result.charts or ())
        progress.advance(len(result.written) + len(result.failed), len(result.failed))

    def todo() -> Iterator[Unit]:
        for unit in planned.units:
            if journal.is_done(unit):
                counts["skipped"] += len(unit.pairs)
                progress.skip(len(unit.pairs))
            else:
                yield unit

    def skipped() -> int:
        return counts["skipped"]

    try:
        with garbage_collector_restored():
            if options.engine == "dask":
                from .dask_engine import run_dask

                run_dask(
                    spec, todo(), options.workers, options.scheduler, on_result, planned.articles, skipped
                )
            else:
                workers = options.workers or os.cpu_count() or 1
                run_local(
                    spec, todo(), workers, on_result, generator, planned.articles, skipped, progress.note
                )
    except WorkerDied as err:
        done = counts["written"] + counts["skipped"]
        raise WorkerDied(
            f"{err}; the run stopped with {done:,} of {planned.articles:,} articles complete, listed in "
            f"{journal.manifest_path}; run the same command with --resume to finish"
        ) from None
    finally:
        progress.close()
        journal.close()
    if is_url(options.out):
        journal.upload(store)
    return BulkSummary(
        stream.describe,
        counts["written"],
        counts["skipped"],
        counts["failed"],
        time.monotonic() - started,
        journal.manifest_path,
        journal.errors_path,
        counts["charts"],
    )
