"""What inline SVG charts cost an HTML article: articles/s with and without them, over OEWS pairs.

Run: python benchmarks/charts.py [--articles 1000] [--rounds 5]
Prints figures; asserts nothing. Rates are in CPU time (one process), so other load on the
machine slows the wall clock but not the figure. Pairs are picked as benchmarks/bulk.py picks
them (`oews_pairs`); each occupation's first article is made before the clock starts, as a
bulk worker pays that once per run. Figures: the whole article (plan, realize, render) and
the rendering alone, from the same Documents, each the best of `--rounds` taken in turns.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bulk import oews_pairs  # benchmarks/bulk.py: a script's own folder is on sys.path

from articlegen import open_generator
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
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


if __name__ == "__main__":
    main()
