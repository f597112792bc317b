"""What charts cost: articles/s with and without them, over OEWS pairs, in memory and in bulk runs.

Run: python benchmarks/charts.py [--articles 1000] [--rounds 5] [--bulk 5000] [--bulk-rounds 3]
Prints figures; asserts nothing. Rates are in CPU time (one process), so other load on the
machine slows the wall clock but not the figure. Pairs are picked as benchmarks/bulk.py picks
them (`oews_pairs`); each occupation's first article is made before the clock starts, as a
bulk worker pays that once per run. Figures: the whole article (plan, realize, render) and
the rendering alone, from the same Documents, each the best of `--rounds` taken in turns.

`--bulk N` then times `articlegen bulk` itself on N OEWS pairs, one worker (in this process),
into a fresh folder each run, files written: Markdown without and with --charts (chart files
written beside each article), and HTML with its inline charts and, for comparison, without
them (render_html(charts=False), which bulk has no option for). Per core is articles per CPU
second of the run, start-up (loading, hashing the content) included, and "once started" from
the moment a quarter of the articles are recorded (by then, with 5,000 pairs, every occupation
has had its first use, which a worker pays once a run); the best of `--bulk-rounds`, in turns.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import io
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bulk import cpu_model, oews_pairs, write_pairs  # benchmarks/bulk.py: the script's folder is on sys.path

from articlegen import open_generator
from articlegen.bulk import BulkOptions, run_bulk
from articlegen.bulk.journal import Journal
from articlegen.render import RENDERERS
from articlegen.render.charts import chart_files, charts_of
from articlegen.render.html import render_html


def best_rates(count: int, runs: list[Callable[[], object]], rounds: int) -> list[float]:
    """Items per CPU second of each run, the best of `rounds`, the runs taking turns in each round
    so that a change in the machine's load falls on all of them alike."""
    best = [0.0] * len(runs)
    for _ in range(rounds):
        for i, run in enumerate(runs):
            started = time.process_time()
            run()
            best[i] = max(best[i], count / (time.process_time() - started))
    return best


@contextlib.contextmanager
def html_without_charts() -> Iterator[None]:
    """bulk --format html renders through RENDERERS: without charts, in this process, for a while."""
    html = RENDERERS["html"]
    RENDERERS["html"] = functools.partial(render_html, charts=False)
    try:
        yield
    finally:
        RENDERERS["html"] = html


BULK_RUNS = {  # name: (format, --charts, HTML without its charts)
    "Markdown": ("md", False, False),
    "Markdown --charts": ("md", True, False),
    "HTML (charts inline)": ("html", False, False),
    "HTML without charts": ("html", False, True),
}


def bulk_run(
    pairs_file: Path, out: Path, fmt: str, charts: bool, plain: bool
) -> tuple[float, float, int, int]:
    """One bulk run in this process: articles per CPU second with start-up and once started, the
    chart files written, and the bytes of every file written."""
    seen: list[tuple[float, int]] = []
    record = Journal.record

    def timed(self: Journal, result) -> None:
        record(self, result)
        seen.append((time.process_time(), len(result.written)))

    Journal.record = timed  # type: ignore[method-assign]
    options = BulkOptions(
        pairs=str(pairs_file), out=str(out), fmt=fmt, workers=1, quiet=True, log_every=1e9, charts=charts
    )
    started = time.process_time()
    try:
        quiet = contextlib.redirect_stderr(io.StringIO())  # its closing progress line
        with html_without_charts() if plain else contextlib.nullcontext(), quiet:
            summary = run_bulk(options)
    finally:
        Journal.record = record  # type: ignore[method-assign]
    assert summary.failed == 0
    n = summary.written
    done = [0]
    for _, count in seen:
        done.append(done[-1] + count)
    quarter = next(i for i, d in enumerate(done[1:]) if d >= n / 4)
    once = (n - done[quarter + 1]) / (seen[-1][0] - seen[quarter][0])
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and not p.name.endswith(".jsonl"))
    return n / (seen[-1][0] - started), once, summary.charts, size


def bulk_figures(generator, count: int, rounds: int) -> None:
    print(
        f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {cpu_model()}, "
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        pairs_file = Path(tmp) / "pairs.csv"
        write_pairs(pairs_file, oews_pairs(generator, count, skip=10_000))
        best: dict[str, tuple[float, float, int, int]] = {}
        for round_ in range(rounds):
            for name, (fmt, charts, plain) in BULK_RUNS.items():
                out = Path(tmp) / f"r{round_}-{fmt}-{charts}-{plain}"
                figures = bulk_run(pairs_file, out, fmt, charts, plain)
                if name not in best or figures[1] > best[name][1]:
                    best[name] = figures
    print(f"articlegen bulk, {count:,} OEWS articles, one worker, files written, CPU time, best of {rounds}:")
    for name, (whole, once, drawn, size) in best.items():
        extra = f", {drawn / count:.2f} chart files an article" if drawn else ""
        print(
            f"  {name}: {once:,.0f} articles/s per core once started ({1e3 / once:.2f} ms an article), "
            f"{whole:,.0f}/s with start-up; {size / count / 1024:.1f} KiB written an article{extra}"
        )
    for base, charted in (("Markdown", "Markdown --charts"), ("HTML without charts", "HTML (charts inline)")):
        plain, drawn = best[base][1], best[charted][1]
        print(
            f"  {charted} against {base}: {(1 / drawn - 1 / plain) * 1e3:+.3f} ms an article "
            f"({plain / drawn - 1:+.1%} time)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bulk", type=int, default=5000, help="N: bulk runs of N articles (0: skip)")
    parser.add_argument("--bulk-rounds", type=int, default=3)
    args = parser.parse_args()
    generator = open_generator()
    pairs = oews_pairs(generator, args.articles)
    for a, b in pairs:  # first use of each occupation, and the realizer's caches, off the clock
        generator.document(a, b)
    documents = [generator.document(a, b) for a, b in pairs]
    n = len(documents)
    drawn = [len(charts_of(doc)) for doc in documents]
    sizes = [(len(render_html(doc)), len(render_html(doc, charts=False))) for doc in documents]

    def whole(charts: bool) -> Callable[[], object]:
        return lambda: [render_html(generator.document(a, b), charts=charts) for a, b in pairs]

    def rendering(charts: bool) -> Callable[[], object]:
        return lambda: [render_html(doc, charts=charts) for doc in documents]

    print(f"{n:,} OEWS articles, HTML, one process, CPU time, best of {args.rounds}:")
    print(
        f"  charts an article: mean {statistics.mean(drawn):.2f} "
        f"({', '.join(f'{k}: {drawn.count(k):,}' for k in sorted(set(drawn)))})"
    )
    with_size = statistics.mean(s for s, _ in sizes)
    without_size = statistics.mean(s for _, s in sizes)
    print(f"  page size: {with_size / 1024:.1f} KiB with charts, {without_size / 1024:.1f} KiB without")
    for name, make in (("whole article", whole), ("rendering alone", rendering)):
        plain, charted = best_rates(n, [make(False), make(True)], args.rounds)
        print(
            f"  {name}: {plain:,.0f} articles/s without charts, {charted:,.0f} with "
            f"({(1 / charted - 1 / plain) * 1e3:.3f} ms more an article, {plain / charted - 1:+.1%})"
        )
    (files,) = best_rates(n, [lambda: [chart_files(doc) for doc in documents]], args.rounds)
    print(f"  chart files for Markdown (chart_files): {files:,.0f} articles/s")
    if args.bulk:
        bulk_figures(generator, args.bulk, args.bulk_rounds)


if __name__ == "__main__":
    main()
