"""How long each dataset import takes, and whether it reproduces the committed file byte for byte.

The raw public files are not in the repository; name the folder that holds them (`onet-29.3/`,
`bls-ep-2024-34/occupation.xlsx`, `bls-cps/`) with --sources or $ARTICLEGEN_SOURCES.
Each import runs as the command a user types, into a temporary folder, so data/ is never written.

Run: python benchmarks/imports.py [--sources DIR] [--runs N]
Prints figures; asserts nothing. Needs the `import` extra (openpyxl).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# command, source under the sources folder, file it writes (also the committed file under data/)
IMPORTS = (
    ("import-onet", "onet-29.3", "onet/onet-29.3.json"),
    ("import-projections", "bls-ep-2024-34/occupation.xlsx", "projections/ep-2024-34.json"),
    ("import-cps", "bls-cps", "cps/cps.json"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=os.environ.get("ARTICLEGEN_SOURCES"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.sources is None:
        sys.exit("name the folder of the raw files with --sources or ARTICLEGEN_SOURCES")
    print(f"date: {datetime.date.today()}, {platform.python_implementation()} {platform.python_version()}")
    for command, source, written in IMPORTS:
        path = Path(args.sources) / source
        if not path.exists():
            print(f"{command}: skipped, {source} is not in the sources folder")
            continue
        times, same = [], []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as out:
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "articlegen", command, str(path), "--out", out],
                    check=True,
                    capture_output=True,
                )
                times.append(time.perf_counter() - started)
                fresh = Path(out) / Path(written).name
                same.append(fresh.read_bytes() == (ROOT / "data" / written).read_bytes())
        size = (ROOT / "data" / written).stat().st_size / 1e6
        print(
            f"{command}: {statistics.median(times):.1f} s median of {args.runs}, whole command "
            f"({min(times):.1f}-{max(times):.1f}); data/{written} ({size:.1f} MB) reproduced byte for byte: "
            f"{sum(same)} of {len(same)} runs"
        )


if __name__ == "__main__":
    main()
