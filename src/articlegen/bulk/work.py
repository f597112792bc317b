"""The work of one unit, run in a worker: render its articles, write its file, report what happened.

A worker process loads the Generator once (or inherits the run's, where processes
fork) and keeps it, because loading data and phrasebanks costs far more than an article.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import Any

from ..corpus.pairs import Pair
from ..errors import ArticlegenError
from ..pipeline import Generator, open_generator
from ..render import RENDERERS
from ..render.json import render_json_line
from .charts import markdown_with_charts
from .jobs import KINDS, Unit
from .store import Store, open_store
from .versions import Versions, content_versions

# Seconds to sleep per unit: lets the resume test kill a run mid-way at a known pace.
DELAY_ENV = "ARTICLEGEN_BULK_TEST_DELAY"


@dataclass(frozen=True)
class WorkSpec:
    """Everything a worker needs, small and picklable: sent once per process or with each batch."""

    out: str
    fmt: str
    seed: int
    kind: str
    versions: Versions
    data_dir: str | None = None  # None: the bundled content of the worker's own install
    phrasebank_dir: str | None = None
    charts: bool = False  # md: each article's charts as SVG files beside it (charts.py)


@dataclass(frozen=True)
class UnitResult:
    path: str
    written: tuple[Pair, ...]  # the articles in the file (none written: no file)
    failed: tuple[tuple[Pair, str], ...]  # pair and one-line reason
    sha256: str | None
    size: int
    # With --charts, the chart files the article links, written before it: (store path, sha256).
    # None for a run without charts.
    charts: tuple[tuple[str, str], ...] | None = None


_STATE: dict[tuple[Any, ...], tuple[Generator, Store]] = {}
_STATES_KEPT = 4  # a process that runs many bulk jobs (a test session) keeps only the latest

# Allocations between collections of the youngest generation (Python's default is 700).
GC_THRESHOLD = 50_000


def settle_for_bulk() -> None:
    """Take the loaded catalog and phrasebanks out of the garbage collector's passes.

    Articles make no reference cycles (tests/test_bulk.py checks), so in a bulk run the
    collector finds next to nothing; with the defaults its passes over the loaded data took
    about a third of the time. Frozen objects are never collected. The young generation is
    still collected, every 50,000 allocations, which frees the few cycles there are (pretty
    JSON's encoder makes some).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 20, 100)


@contextlib.contextmanager
def garbage_collector_restored() -> Iterator[None]:
    """Leave the calling process's collector as it was: a run settles it (settle_for_bulk) for speed."""
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        yield
    finally:
        if not frozen:
            gc.unfreeze()
        gc.set_threshold(*threshold)


def _state_key(spec: WorkSpec) -> tuple[Any, ...]:
    return (spec.data_dir, spec.phrasebank_dir, spec.out)


def adopt_generator(spec: WorkSpec, generator: Generator) -> None:
    """Use a Generator already loaded from the spec's content in this process, and in processes it forks.

    The run has loaded and checked the content once; loading it again in each worker
    cost about a third of a second of start-up, and a worker's own copy more memory.
    """
    key = _state_key(spec)
    if key not in _STATE:
        _keep(key, (generator, open_store(spec.out)))


def worker_state(spec: WorkSpec) -> tuple[Generator, Store]:
    """This process's Generator and store for `spec`, loaded on first use and checked against its versions."""
    key = _state_key(spec)
    if key not in _STATE:
        data = Path(spec.data_dir) if spec.data_dir else None
        bank = Path(spec.phrasebank_dir) if spec.phrasebank_dir else None
        found = content_versions(data, bank)
        if found != spec.versions:
            raise ArticlegenError(
                f"worker on {os.uname().nodename}: its data or phrasebanks differ from the client's "
                f"(found {found}, expected {spec.versions}); install the same content on every worker"
            )
        _keep(key, (open_generator(data, bank), open_store(spec.out)))
    return _STATE[key]


def _keep(key: tuple[Any, ...], state: tuple[Generator, Store]) -> None:
    while len(_STATE) >= _STATES_KEPT:
        del _STATE[next(iter(_STATE))]
    _STATE[key] = state
    settle_for_bulk()


def render_text(generator: Generator, spec: WorkSpec, pair: Pair) -> str:
    document = getattr(generator, KINDS[spec.kind].method)(*pair, seed=spec.seed)
    if spec.fmt == "jsonl":
        return render_json_line(document)
    return RENDERERS[spec.fmt](document)


def one_line(err: Exception) -> str:
    text = str(err) if isinstance(err, ArticlegenError) else f"{type(err).__name__}: {err}"
    return " ".join(text.split()) or type(err).__name__


def render_unit(spec: WorkSpec, unit: Unit) -> UnitResult:
    """Render and write one unit; a failing article is reported, never raised, so the run goes on."""
    generator, store = worker_state(spec)
    delay = os.environ.get(DELAY_ENV)
    if delay:
        time.sleep(float(delay))
    if spec.charts:
        return _render_with_charts(generator, store, spec, unit)
    texts: list[str] = []
    written: list[Pair] = []
    failed: list[tuple[Pair, str]] = []
    for pair in unit.pairs:
        try:
            texts.append(render_text(generator, spec, pair))
            written.append(pair)
        except Exception as err:  # any failure of one article is that article's, not the run's
            failed.append((pair, one_line(err)))
    if not written:
        return UnitResult(unit.path, (), tuple(failed), None, 0)
    data = "".join(texts).encode("utf-8")
    store.write(unit.path, data)
    return UnitResult(unit.path, tuple(written), tuple(failed), sha256(data).hexdigest(), len(data))


def _render_with_charts(generator: Generator, store: Store, spec: WorkSpec, unit: Unit) -> UnitResult:
    """One Markdown article (a unit of md holds one) and its charts: every chart file is in place
    before the article that links it is, so a kill at any point leaves no article linking a
    missing chart. A write that fails ends the run, as the article's own does."""
    (pair,) = unit.pairs
    try:
        document = getattr(generator, KINDS[spec.kind].method)(*pair, seed=spec.seed)
        text, charts = markdown_with_charts(document, unit.path)
    except Exception as err:  # the article's failure, not the run's
        return UnitResult(unit.path, (), ((pair, one_line(err)),), None, 0, ())
    for path, svg in charts:
        store.write(path, svg)
    data = text.encode("utf-8")
    store.write(unit.path, data)
    sums = tuple((path, sha256(svg).hexdigest()) for path, svg in charts)
    return UnitResult(unit.path, (pair,), (), sha256(data).hexdigest(), len(data), sums)


def render_batch(spec: WorkSpec, units: list[Unit]) -> list[UnitResult]:
    return [render_unit(spec, unit) for unit in units]
