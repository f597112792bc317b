"""The quality gates over samples of all pairs, in one run: verify (3 seeds), check and variety.

Each gate is run as a user runs it, in its own process, and its summary line printed; the
grammar lints are grouped by message, variant and rule, so one recurring lint reads as one line.
The README's gate figures come from here.

Run: python benchmarks/gates.py [--verify N] [--check N] [--variety N] [--seeds 0,1,2]
Prints figures; asserts nothing (a gate that finds problems exits 1, which is a figure here).
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import subprocess
import sys
import time
from collections import Counter

COMMAND = [sys.executable, "-m", "articlegen"]


def run(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    result = subprocess.run([*COMMAND, *args], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"articlegen {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    return result, time.perf_counter() - started


def last_line(result: subprocess.CompletedProcess[str], prefix: str) -> str:
    return next(line for line in reversed(result.stdout.splitlines()) if line.startswith(prefix))


def check(pairs: str, limit: int) -> None:
    result, seconds = run("check", "--pairs", pairs, "--limit", str(limit), "--json")
    report = json.loads(result.stdout)
    lints = Counter(
        (lint["message"] or "data text", lint["variant"] or "", lint["rule"], lint["problem"])
        for lint in report["lints"]
    )
    print(
        f"check --pairs {pairs} --limit {limit}: {report['articles']} articles, {report['sentences']:,} "
        f"prose sentences: {sum(lints.values())} lints, exit {result.returncode} ({seconds:.0f} s)"
    )
    for (message, variant, rule, problem), count in lints.most_common():
        print(f"  {count} x {message}/{variant}: {rule}: {problem!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verify", type=int, default=1000, help="pairs for verify")
    parser.add_argument("--seeds", default="0,1,2", help="seeds for verify, comma-separated")
    parser.add_argument("--check", type=int, default=300, help="pairs for check (all pairs, sampled)")
    parser.add_argument("--variety", type=int, default=200, help="pairs for variety")
    args = parser.parse_args()
    print(f"date: {datetime.date.today()}, {platform.python_implementation()} {platform.python_version()}")

    for seed in args.seeds.split(","):
        result, seconds = run("verify", "--limit", str(args.verify), "--seed", seed)
        print(f"verify --limit {args.verify} --seed {seed} ({seconds:.0f} s, exit {result.returncode}):")
        print(f"  {last_line(result, 'verify:')}")

    check("golden", args.check)  # check's default source: the golden pairs, fewer than the limit
    check("all", args.check)

    result, seconds = run("variety", "--limit", str(args.variety), "--top", "3")
    print(f"variety --limit {args.variety} ({seconds:.0f} s):")
    print("  " + "\n  ".join(result.stdout.strip().splitlines()))


if __name__ == "__main__":
    main()
