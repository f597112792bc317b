"""Articles per second for the six hand-written occupations, one process, Markdown output.

OEWS pairs, workers and peak memory of long runs are measured by benchmarks/bulk.py.

Run: python benchmarks/generate.py [--rounds N]
Prints figures; asserts nothing. Seeds vary per round so variant choice is not all cache hits.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import resource
import time

from articlegen import open_generator


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()

    started = time.perf_counter()
    generator = open_generator()
    load_seconds = time.perf_counter() - started

    entries = generator.catalog.entries
    hand = [slug for slug in generator.catalog.occupations if entries[slug].source == "hand"]
    pairs = list(itertools.permutations(hand, 2))  # the catalog also holds 760 OEWS subjects
    articles = words = 0
    started = time.perf_counter()
    for seed in range(args.rounds):
        for a, b in pairs:
            text = generator.generate(a, b, seed=seed)
            articles += 1
            words += len(text.split())
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"load data and phrasebanks: {load_seconds * 1000:.0f} ms")
    print(f"articles: {articles} in {seconds:.2f} s = {articles / seconds:.0f} articles/s (1 core)")
    print(f"words: {words / seconds:,.0f} words/s, {words / articles:.0f} words per article")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
