"""What a bulk run produces: pairs from a source, grouped into units of one output file each.

Pairs stream: `all` and `same-group` are generated in sorted order and never held in
memory (all ordered pairs of 766 occupations are 585,990). A pairs file, and any
source cut by --limit (a hash-ordered sample, as corpus/pairs.py takes it), is small enough
to hold.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..corpus.pairs import Pair, all_pairs, sample_pairs, select_pairs
from ..errors import ArticlegenError
from ..facts.load import Catalog

FORMATS = ("md", "html", "json", "jsonl")
# folders: OUT/<a>/<a>-vs-<b>.md, a folder per first occupation; flat: OUT/<a>-vs-<b>.md.
LAYOUTS = ("folders", "flat")
BATCH = 1024  # articles a task at most: more than a folder holds (765), few messages for the parent
MIN_BATCH = 8


@dataclass(frozen=True)
class Kind:
    """An article kind: the Generator method that builds its Document, and how its files are named."""

    name: str
    method: str  # Generator method taking (*subjects, seed=...) and returning a Document
    subjects: int

    def stem(self, subjects: tuple[str, ...]) -> str:
        return "-vs-".join(subjects)

    def path(self, subjects: tuple[str, ...], fmt: str, layout: str) -> str:
        """Each article's file. With folders, two workers seldom write into one directory at once:
        on this project's ext4 disk, two processes creating files in one directory spent 1.5 to 3
        times the system CPU a file that one process did (benchmarks/files.py)."""
        name = f"{self.stem(subjects)}.{fmt}"
        return f"{subjects[0]}/{name}" if layout == "folders" and self.subjects > 1 else name


# An overview page has one subject: each distinct first occupation of the pairs gets its page.
KINDS = {
    "comparison": Kind("comparison", "document", 2),
    "overview": Kind("overview", "overview_document", 1),
}


@dataclass(frozen=True)
class Unit:
    """One output file and the articles in it: one for md/html/json, a first occupation's for jsonl."""

    path: str  # relative to the output root
    pairs: tuple[Pair, ...]


@dataclass(frozen=True)
class PairStream:
    total: int  # pairs the stream will yield
    describe: str
    make: Callable[[], Iterator[Pair]]  # a fresh iterator each call
    sorted_by_first: bool  # every pair with the same first slug comes together


def stream_pairs(source: str, catalog: Catalog, limit: int = 0) -> PairStream:
    """`source` is 'all', 'same-group', 'golden' or a CSV file; `limit` 0 means every pair."""
    if source == "same-group":
        groups = subject_groups(catalog)
        total = sum(len(g) * (len(g) - 1) for g in groups)

        def same_group() -> Iterator[Pair]:
            return itertools.chain.from_iterable(all_pairs(g) for g in groups)

        if limit == 0 or total <= limit:
            return PairStream(total, f"{total:,} pairs (same SOC minor group)", same_group, True)
        kept = set(sample_pairs(same_group(), limit))
        return PairStream(
            len(kept),
            f"{len(kept):,} of {total:,} pairs (same SOC minor group, hash-ordered sample)",
            lambda: (p for p in same_group() if p in kept),
            True,
        )
    if source == "all" and limit == 0:
        slugs = sorted(catalog.occupations)
        total = len(slugs) * (len(slugs) - 1)
        return PairStream(total, f"{total:,} pairs (all ordered pairs)", lambda: all_pairs(slugs), True)
    selection = select_pairs(source, catalog, limit)
    pairs = selection.pairs
    return PairStream(len(pairs), selection.describe(), lambda: iter(pairs), source == "all")


def subject_groups(catalog: Catalog) -> list[list[str]]:
    """Article subjects by SOC minor group, groups by code, slugs sorted; subjects without one left out."""
    by_group: dict[str, list[str]] = {}
    for slug in catalog.occupations:
        entry = catalog.entries.get(slug)
        if entry is not None and entry.group:
            by_group.setdefault(entry.group, []).append(slug)
    return [sorted(by_group[code]) for code in sorted(by_group)]


class PlannedUnits(NamedTuple):
    units: Iterator[Unit]
    articles: int  # in all the units: a pair's article, or an overview page


def plan_units(stream: PairStream, kind: str, fmt: str, layout: str = "folders") -> PlannedUnits:
    """One file an article, except jsonl: one file `<a>.jsonl` per first occupation, a line an article."""
    if kind not in KINDS:
        raise ArticlegenError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise ArticlegenError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if layout not in LAYOUTS:
        raise ArticlegenError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    namer = KINDS[kind]
    if namer.subjects == 1:
        firsts = dict.fromkeys(pair[0] for pair in stream.make())  # streams; keeps first-seen order
        pages = (Unit(namer.path((slug,), fmt, layout), ((slug,),)) for slug in firsts)
        return PlannedUnits(pages, len(firsts))
    if fmt != "jsonl":
        articles = (Unit(namer.path(pair, fmt, layout), (pair,)) for pair in stream.make())
        return PlannedUnits(articles, stream.total)
    pairs: Iterable[Pair] = stream.make()
    if not stream.sorted_by_first:  # a file or sample: held anyway; keep each first slug's pairs in order
        order: dict[str, list[Pair]] = {}
        for pair in pairs:
            order.setdefault(pair[0], []).append(pair)
        pairs = itertools.chain.from_iterable(order.values())
    by_first = itertools.groupby(pairs, key=lambda p: p[0])
    return PlannedUnits((Unit(f"{first}.jsonl", tuple(group)) for first, group in by_first), stream.total)


def plan_batches(
    units: Iterable[Unit], workers: int, total: int = 0, skipped: Callable[[], int] = lambda: 0
) -> Iterator[list[Unit]]:
    """Whole units, up to BATCH articles, ending where the folder changes once a quarter full.

    Workers then write into different folders: two processes creating files in one directory
    contend for it. Batches get smaller as the end of a known `total` nears (less what
    `skipped()` says --resume has skipped so far), so that no worker is still busy with a large
    one while the others have finished, and so that a short run gives every worker a share.
    """
    batch: list[Unit] = []
    articles = fed = 0
    folder = ""
    for unit in units:
        size = BATCH
        if total:
            size = min(BATCH, max(MIN_BATCH, (total - skipped() - fed) // (2 * workers)))
        here = unit.path.rpartition("/")[0]
        if batch and (articles >= size or (here != folder and articles >= max(MIN_BATCH, size // 4))):
            yield batch
            batch, articles = [], 0
        batch.append(unit)
        articles += len(unit.pairs)
        fed += len(unit.pairs)
        folder = here
    if batch:
        yield batch
