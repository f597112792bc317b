"""What writing article files costs on this disk, and whether two writers share a directory well.

Run: python benchmarks/files.py [--files N] [--rounds R] [--dir PATH]
Each round writes N files of 4 KB through `bulk`'s own store (a temporary file, then a
rename), in three ways: one process in one directory; two processes in one directory
(`--layout flat`); two processes each in its own directory (`--layout folders`, when workers
take whole folders).
Prints the wall time and the system CPU per file; asserts nothing.

Every round's files are kept until the end, because deleting many files can slow the next
creations for minutes (ext4 without a journal skips recently freed inodes while it allocates).
For the same reason, leave a few minutes after deleting a large output before running this.
"""

from __future__ import annotations

import argparse
import datetime
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import tempfile
import time

from articlegen.bulk.store import LocalStore

DATA = b"x" * 4096


def write_files(folder: str, start: int, count: int) -> None:
    store = LocalStore(folder)  # what a bulk worker writes with
    for i in range(start, start + count):
        store.write(f"job-{i:07d}-vs-other.md", DATA)


def run(way: str, files: int, root: str) -> tuple[float, float]:
    """Seconds of wall time, and microseconds of system CPU a file."""
    os.makedirs(root)
    if way == "one process":
        jobs = [(root, 0, files)]
    elif way == "two, one directory":
        jobs = [(root, k * files // 2, files // 2) for k in range(2)]
    else:
        jobs = [(os.path.join(root, str(k)), k * files // 2, files // 2) for k in range(2)]
        for folder, _, _ in jobs:
            os.makedirs(folder)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime
    started = time.perf_counter()
    processes = [multiprocessing.Process(target=write_files, args=job) for job in jobs]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    wall = time.perf_counter() - started
    system = resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime - before
    return wall, system / files * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--dir", default=None, help="where to write (default: the system's temporary directory)"
    )
    args = parser.parse_args()
    print(f"date: {datetime.date.today()}, machine: {platform.machine()}, {os.cpu_count()} cores, ", end="")
    print(f"load {os.getloadavg()[0]:.1f}")
    ways = ("one process", "two, one directory", "two, own directories")
    results: dict[str, list[tuple[float, float]]] = {way: [] for way in ways}
    base = tempfile.mkdtemp(dir=args.dir, prefix="articlegen-files-")
    try:
        for round_ in range(1, args.rounds + 1):
            for way in ways:
                wall, system = run(way, args.files, os.path.join(base, f"r{round_}-{way.replace(' ', '-')}"))
                results[way].append((wall, system))
                print(f"  round {round_}, {way}: {wall:.2f} s, {system:.0f} us of system CPU a file")
    finally:
        shutil.rmtree(base)
    print(
        f"{args.files:,} files of 4 KB, a temporary file and a rename each; medians of {args.rounds} rounds:"
    )
    for way in ways:
        wall = statistics.median(w for w, _ in results[way])
        system = statistics.median(s for _, s in results[way])
        print(f"  {way}: {wall:.2f} s, {system:.0f} us of system CPU a file")


if __name__ == "__main__":
    main()
