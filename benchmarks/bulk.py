"""Bulk generation figures: articles and words per second per core, scaling to 2 workers, peak memory.

Run: python benchmarks/bulk.py [--articles N] [--scaling N] [--long N] [--format md]
Prints figures; asserts nothing. "Per core" divides by CPU seconds, so other load on the
machine slows the wall clock but not the figure; wall-clock rates are printed beside it.
Pairs are OEWS article subjects in the order `--pairs all` streams them.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from articlegen import open_generator
from articlegen.bulk import BulkOptions, run_bulk
from articlegen.bulk.work import settle_for_bulk


def oews_pairs(generator, count: int, skip: int = 0) -> list[tuple[str, str]]:
    entries = generator.catalog.entries
    slugs = sorted(s for s in generator.catalog.occupations if entries[s].source == "oews")
    return list(itertools.islice(itertools.permutations(slugs, 2), skip, skip + count))


def single_core(generator, pairs, fmt: str) -> None:
    # What a worker does once per occupation (build the OEWS record, derive its noun forms and
    # the sentences about it alone) is paid once in a run of ~1,500 articles per occupation;
    # a short sample would mostly measure it, so it is done and timed before the clock starts.
    slugs = sorted({slug for pair in pairs for slug in pair})
    started = time.process_time()
    for first, second in zip(slugs, slugs[1:] + slugs[:1], strict=True):
        generator.generate(first, second, format=fmt)
    once = time.process_time() - started
    print(f"first use of {len(slugs)} occupations (one article each): {once:.1f} s, once per worker and run")
    settle_for_bulk()  # as a bulk worker does once it has loaded
    for a, b in pairs[:200]:  # warm the realizer's caches as the first articles of a run do
        generator.generate(a, b, format=fmt)
    words = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for a, b in pairs:
        words += len(generator.generate(a, b, format=fmt).split())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = len(pairs)
    print(f"one process, {n:,} OEWS articles ({fmt}), no writing:")
    print(f"  {n / cpu:,.0f} articles/s per core (CPU time), {n / wall:,.0f} articles/s wall")
    print(f"  {words / cpu:,.0f} words/s per core, {words / n:.0f} words per article")


def write_pairs(path: Path, pairs) -> None:
    path.write_text("a,b\n" + "".join(f"{a},{b}\n" for a, b in pairs), encoding="utf-8")


def bulk_run(pairs_file: Path, out: Path, workers: int, fmt: str) -> float:
    started = time.perf_counter()
    summary = run_bulk(
        BulkOptions(pairs=str(pairs_file), out=str(out), fmt=fmt, workers=workers, quiet=True, log_every=1e9)
    )
    assert summary.failed == 0
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000, help="articles for the one-process rate")
    parser.add_argument(
        "--long", type=int, default=0, help="articles in a long run for peak memory (0: skip)"
    )
    parser.add_argument(
        "--scaling",
        type=int,
        default=10_000,
        help="N: 1- and 2-worker runs to disk of N and 2N articles (0: skip)",
    )
    parser.add_argument("--format", default="md", choices=["md", "html", "json", "jsonl"])
    args = parser.parse_args()

    print(f"date: {datetime.date.today()}, machine: {platform.machine()}, {os.cpu_count()} cores, ", end="")
    print(f"{platform.python_implementation()} {platform.python_version()}, load {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    generator = open_generator()
    print(f"load data and phrasebanks: {(time.perf_counter() - started) * 1000:.0f} ms")
    pairs = oews_pairs(generator, args.articles, skip=10_000)
    single_core(generator, pairs, "json" if args.format == "jsonl" else args.format)

    with tempfile.TemporaryDirectory() as tmp:
        if args.long:  # its own process tree, so the figure is the command's alone
            command = [
                sys.executable, "-c", "from articlegen.cli.bulk import bulk; bulk()", "--pairs", "all",
                "--limit", str(args.long), "--out", str(Path(tmp) / "long"), "--workers", "2", "--quiet",
                "--format", args.format,
            ]  # fmt: skip
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.perf_counter()
            subprocess.run(command, check=True, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            shown = f"{peak / 1024:.0f} MB" if peak > before else f"at most {before / 1024:.0f} MB"
            print(f"long run: articlegen bulk --pairs all --limit {args.long:,} --workers 2: {wall:.0f} s")
            print(f"  peak memory of its largest process (ru_maxrss): {shown}")

        # Each worker count runs N and 2N articles: the difference is the time of N articles
        # once the run is going, without the start-up (imports, loading, first use) that a run
        # of all pairs pays once. Both figures are printed.
        n = args.scaling
        if not n:
            return
        files = {}
        for count in (n, 2 * n):
            files[count] = Path(tmp) / f"pairs-{count}.csv"
            write_pairs(files[count], oews_pairs(generator, count, skip=10_000))
        seconds = {
            (w, count): bulk_run(files[count], Path(tmp) / f"w{w}-{count}", w, args.format)
            for w in (1, 2)
            for count in (n, 2 * n)
        }
        print(f"bulk runs to disk ({args.format}), wall clock:")
        steady = {}
        for w in (1, 2):
            whole, extra = seconds[w, n], seconds[w, 2 * n] - seconds[w, n]
            steady[w] = n / extra
            print(
                f"  {w} worker(s): {n:,} articles in {whole:.2f} s with start-up ({n / whole:,.0f}/s); "
                f"{2 * n:,} in {seconds[w, 2 * n]:.2f} s, so {steady[w]:,.0f}/s once started"
            )
        started_up = seconds[1, n] / seconds[2, n]
        print(
            f"  scaling 1 -> 2 workers: {started_up:.2f}x for {n:,} articles with start-up, "
            f"{steady[2] / steady[1]:.2f}x once started"
        )


if __name__ == "__main__":
    main()
