"""How long `articlegen lint` takes on the bundled phrasebanks and data (issue target: under 2 s).

Runs the command as an editor would, in a fresh process each time, and prints the median
wall-clock time of several runs. Run: python benchmarks/lint.py [--runs N]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from datetime import date


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    command = [sys.executable, "-m", "articlegen", "lint"]
    subprocess.run(command, check=True, capture_output=True)  # fills the compiled-template cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
    print(f"date: {date.today()}, machine: {platform.machine()}, CPython {platform.python_version()}")
    print(result.stdout.strip() or result.stderr.strip())
    median = statistics.median(times)
    print(f"articlegen lint: median {median:.2f} s over {runs} runs (min {min(times):.2f} s)")


if __name__ == "__main__":
    main()
