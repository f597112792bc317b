"""Bulk generation figures: articles and words per second per core, scaling to 2 workers, peak memory.

Run: python benchmarks/bulk.py [--articles N] [--scaling N] [--rounds R] [--long N] [--contention R]
    [--loads R] [--stream N] [--format md]
Prints figures; asserts nothing. "Per core" divides by CPU seconds, so other load on the
machine slows the wall clock but not the figure; wall-clock rates are printed beside it.
Pairs are OEWS article subjects in the order `--pairs all` streams them.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from articlegen import open_generator
from articlegen.bulk import BulkOptions, run_bulk
from articlegen.bulk.journal import Journal
from articlegen.bulk.work import settle_for_bulk
from articlegen.corpus.pairs import sample_pairs


def cpu_model() -> str:
    """The CPU's name as /proc/cpuinfo gives it, for the machine line of the figures."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            return next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or "unknown CPU"


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
    settle_for_bulk()  # as a bulk worker does once it has loaded
    for a, b in pairs[:200]:  # warm the realizer's caches as the first articles of a run do
        generator.generate(a, b, format=fmt)
    words = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for a, b in pairs:
        words += len(generator.generate(a, b, format=fmt).split())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = len(pairs)
    print(
        f"first use of {len(slugs)} occupations, once per worker and run: {once:.2f} s for an article "
        f"about each, {once - len(slugs) * cpu / n:.2f} s more than as many articles take later"
    )
    print(f"one process, {n:,} OEWS articles ({fmt}), no writing:")
    print(f"  {n / cpu:,.0f} articles/s per core (CPU time), {n / wall:,.0f} articles/s wall")
    print(f"  {words / cpu:,.0f} words/s per core, {words / n:.0f} words per article")


def _generate_timed(generator, pairs, fmt: str, results) -> None:
    started = time.process_time()
    for a, b in pairs:
        generator.generate(a, b, format=fmt)
    results.put(len(pairs) / (time.process_time() - started))


def contention(generator, pairs, fmt: str, rounds: int) -> None:
    """Generation alone, then in two processes at once, with nothing of `bulk` around it.

    Each process's rate is in its own CPU time, so it falls only where two busy processes slow
    each other down (shared caches, a shared physical core, the host): this is the most that
    two workers can gain here, whatever `bulk` does.
    """
    context = multiprocessing.get_context("fork")  # children share the warmed generator
    print(f"generation alone and two at once ({len(pairs):,} articles each, CPU time), in turns:")
    ratios = []
    for round_ in range(1, rounds + 1):
        rates = {}
        for copies in (1, 2):
            results = context.Queue()
            processes = [
                context.Process(target=_generate_timed, args=(generator, pairs, fmt, results))
                for _ in range(copies)
            ]
            for process in processes:
                process.start()
            got = [results.get() for _ in processes]
            for process in processes:
                process.join()
            rates[copies] = statistics.mean(got)
        ratios.append(rates[1] / rates[2])
        print(
            f"  round {round_}: alone {rates[1]:,.0f}/s per core, two at once {rates[2]:,.0f}/s per core "
            f"each: an article takes {ratios[-1]:.2f}x the CPU"
        )
    print(f"  two at once / alone, CPU an article: median {statistics.median(ratios):.2f}x "
          f"(range {min(ratios):.2f}-{max(ratios):.2f})")  # fmt: skip


LOAD_SNIPPET = """
import time
t0 = time.perf_counter()
from articlegen.facts.load import load_catalog
from articlegen.resources import default_data_dir, default_phrasebank_dir
from articlegen.wording.phrasebank import load_phrasebank
t1 = time.perf_counter()
catalog = load_catalog(default_data_dir())
t2 = time.perf_counter()
load_phrasebank(default_phrasebank_dir())
t3 = time.perf_counter()
for slug in catalog.occupations:
    catalog.occupations[slug]
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, len(catalog.entries))
"""


def loads(runs: int) -> None:
    """Load times in fresh processes, as every command pays them: the catalog, then the phrasebanks."""
    subprocess.run([sys.executable, "-c", LOAD_SNIPPET], check=True, capture_output=True)  # template cache
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], check=True, capture_output=True, text=True)
        rows.append([float(v) for v in out.stdout.split()])
    entries = int(rows[0][4])
    names = ["imports", f"load_catalog ({entries} entries)", "load_phrasebank", "all subjects' records built"]
    print(f"loading in a fresh process ({runs} runs, median and range):")
    for i, name in enumerate(names):
        values = [row[i] * 1000 for row in rows]
        print(f"  {name}: {statistics.median(values):.0f} ms ({min(values):.0f}-{max(values):.0f})")
    totals = [(row[1] + row[2]) * 1000 for row in rows]
    print(f"  catalog and phrasebanks (open_generator): {statistics.median(totals):.0f} ms "
          f"({min(totals):.0f}-{max(totals):.0f})")  # fmt: skip


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1024


def stream(count: int, fmt: str) -> None:
    """`count` OEWS articles generated one after another in this process, as one bulk worker does."""
    started = time.perf_counter()
    generator = open_generator()
    entries = generator.catalog.entries
    slugs = sorted(s for s in generator.catalog.occupations if entries[s].source == "oews")
    pairs = sorted(sample_pairs(itertools.permutations(slugs, 2), count))  # as `--pairs all --limit`
    print(f"stream: {count:,} OEWS articles ({fmt}) in one process, hash-ordered sample of all pairs; "
          f"load and sample {time.perf_counter() - started:.1f} s, RSS {rss_mb():.0f} MB")  # fmt: skip
    settle_for_bulk()
    marks = {count // 10, count // 2, count}
    words = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for done, (a, b) in enumerate(pairs, 1):
        words += len(generator.generate(a, b, format=fmt).split())
        if done in marks:
            print(f"  {done:,} articles: RSS {rss_mb():.0f} MB")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  {count / cpu:,.0f} articles/s per core (CPU time, first use included), {count / wall:,.0f}/s "
        f"wall, {words / count:.0f} words an article; peak RSS of the process (ru_maxrss) {peak:.0f} MB"
    )


def write_pairs(path: Path, pairs) -> None:
    path.write_text("a,b\n" + "".join(f"{a},{b}\n" for a, b in pairs), encoding="utf-8")


def bulk_run(pairs_file: Path, out: Path, workers: int, fmt: str) -> float:
    started = time.perf_counter()
    summary = run_bulk(
        BulkOptions(pairs=str(pairs_file), out=str(out), fmt=fmt, workers=workers, quiet=True, log_every=1e9)
    )
    assert summary.failed == 0
    return time.perf_counter() - started


def cpu_seconds() -> float:
    """User and system CPU of this process and its finished children (a pool's workers)."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def timed_bulk_run(pairs_file: Path, out: Path, workers: int, fmt: str) -> tuple[float, float, float]:
    """Seconds for the whole run, articles a second from a quarter of the way to the end, and
    the CPU seconds of the run's processes."""
    seen: list[tuple[float, int]] = []
    record = Journal.record

    def timed(self: Journal, result) -> None:  # the parent records every result as it arrives
        record(self, result)
        seen.append((time.perf_counter(), len(result.written)))

    Journal.record = timed  # type: ignore[method-assign]
    cpu = cpu_seconds()
    try:
        whole = bulk_run(pairs_file, out, workers, fmt)
    finally:
        Journal.record = record  # type: ignore[method-assign]
    cpu = cpu_seconds() - cpu
    done = list(itertools.accumulate(count for _, count in seen))
    quarter = next(i for i, d in enumerate(done) if d >= done[-1] / 4)
    return whole, (done[-1] - done[quarter]) / (seen[-1][0] - seen[quarter][0]), cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000, help="articles for the one-process rate")
    parser.add_argument(
        "--long", type=int, default=0, help="articles in a long run for peak memory (0: skip)"
    )
    parser.add_argument(
        "--scaling",
        type=int,
        default=20_000,
        help="N: 1- and 2-worker runs to disk of N articles, in turns (0: skip)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of 1- and 2-worker runs")
    parser.add_argument(
        "--contention",
        type=int,
        default=0,
        help="R: rounds of generation alone and in two processes at once (0: skip)",
    )
    parser.add_argument("--loads", type=int, default=0, help="R: load times in R fresh processes (0: skip)")
    parser.add_argument(
        "--stream",
        type=int,
        default=0,
        help="N: articles generated in one fresh process, peak memory (0: skip)",
    )
    parser.add_argument("--stream-here", type=int, default=0, help=argparse.SUPPRESS)  # the --stream child
    parser.add_argument("--format", default="md", choices=["md", "html", "json", "jsonl"])
    args = parser.parse_args()
    fmt = "json" if args.format == "jsonl" else args.format
    if args.stream_here:
        stream(args.stream_here, fmt)
        return

    print(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {cpu_model()}, ", end="")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, ", end="")
    print(f"{platform.python_implementation()} {platform.python_version()}, load {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    generator = open_generator()
    print(f"load data and phrasebanks: {(time.perf_counter() - started) * 1000:.0f} ms")
    if args.loads:
        loads(args.loads)
    if args.stream:  # its own process, so its peak memory is the stream's alone
        command = [sys.executable, __file__, "--stream-here", str(args.stream), "--format", args.format]
        subprocess.run(command, check=True)
    pairs = oews_pairs(generator, args.articles, skip=10_000)
    if pairs:
        single_core(generator, pairs, fmt)
    if args.contention:
        contention(generator, pairs, fmt, args.contention)

    with tempfile.TemporaryDirectory() as tmp:
        if args.long:  # its own process tree, so the figures are the command's alone
            walls = {}
            for workers in (2, 1):  # 2 first: its peak memory is the figure asked for
                command = [
                    sys.executable, "-c", "from articlegen.cli.bulk import bulk; bulk()", "--pairs", "all",
                    "--limit", str(args.long), "--out", str(Path(tmp) / f"long-{workers}"),
                    "--workers", str(workers), "--quiet", "--format", args.format,
                ]  # fmt: skip
                before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                started = time.perf_counter()
                subprocess.run(command, check=True, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
                walls[workers] = time.perf_counter() - started
                peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                shown = f"{peak / 1024:.0f} MB" if peak > before else f"at most {before / 1024:.0f} MB"
                print(
                    f"long run: articlegen bulk --pairs all --limit {args.long:,} --workers {workers}: "
                    f"{walls[workers]:.0f} s ({args.long / walls[workers]:,.0f} articles/s); "
                    f"peak memory of its largest process (ru_maxrss): {shown}"
                )
            print(f"  scaling 1 -> 2 workers, whole command: {walls[1] / walls[2]:.2f}x")

        # 1 and 2 workers take turns, round by round, because the machine's speed drifts; each
        # round gives its own ratios. "Once started" is the rate from the moment a quarter of
        # the articles are recorded to the end, leaving out the start-up (imports, loading,
        # first use) that a run of all pairs pays once.
        n = args.scaling
        if not n:
            return
        pairs_file = Path(tmp) / "pairs.csv"
        write_pairs(pairs_file, oews_pairs(generator, n, skip=10_000))
        print(f"bulk runs of {n:,} articles to disk ({args.format}), wall clock, 1 and 2 workers in turns:")
        ratios: dict[str, list[float]] = {"with start-up": [], "once started": [], "CPU an article": []}
        for round_ in range(1, args.rounds + 1):
            runs = {
                w: timed_bulk_run(pairs_file, Path(tmp) / f"r{round_}-w{w}", w, args.format) for w in (1, 2)
            }
            shown = []
            for w, (whole, started, cpu) in runs.items():
                shown.append(
                    f"{w} worker(s) {n / whole:,.0f}/s with start-up, {started:,.0f}/s once started, "
                    f"{cpu / n * 1e6:,.0f} us CPU an article"
                )
            ratios["with start-up"].append(runs[1][0] / runs[2][0])
            ratios["once started"].append(runs[2][1] / runs[1][1])
            ratios["CPU an article"].append(runs[2][2] / runs[1][2])
            print(
                f"  round {round_}: {'; '.join(shown)}; scaling {ratios['with start-up'][-1]:.2f}x, "
                f"{ratios['once started'][-1]:.2f}x once started; 2 workers take "
                f"{ratios['CPU an article'][-1]:.2f}x the CPU an article"
            )
        for name, values in ratios.items():
            what = "2 workers / 1 worker" if name == "CPU an article" else "scaling 1 -> 2 workers"
            print(f"  {what}, {name}: median {statistics.median(values):.2f}x "
                  f"(range {min(values):.2f}-{max(values):.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
