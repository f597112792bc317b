"""Which pairs of occupations a bulk command runs over: all, the golden ones, or a CSV file.

`all` grows with the square of the catalog (840 occupations make 705,600 ordered
pairs), so every source is capped by a limit and sampled deterministically: pairs
are ranked by a hash of their slugs and the lowest ranks kept. A pair's rank
never depends on the others, so a smaller limit keeps a subset of a larger one,
and adding occupations only displaces pairs, never reshuffles the rest.
"""

from __future__ import annotations

import csv
import heapq
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path

from ..errors import ArticlegenError
from ..facts.load import Catalog
from ..facts.yamlio import display_path
from ..resources import default_data_dir

Pair = tuple[str, str]

DEFAULT_LIMIT = 1000
HEADER = ["a", "b"]


@dataclass(frozen=True)
class PairRow:
    """One row of a pairs file, before its names are checked against the data."""

    line: int
    a: str
    b: str


@dataclass(frozen=True)
class PairSelection:
    pairs: tuple[Pair, ...]
    available: int  # pairs the source offered before the limit
    source: str  # "all", or the pairs file as shown to the user

    @property
    def sampled(self) -> bool:
        return len(self.pairs) < self.available

    def describe(self) -> str:
        """E.g. '1,000 of 705,600 pairs (all ordered pairs, hash-ordered sample)'."""
        origin = "all ordered pairs" if self.source == "all" else self.source
        if self.sampled:
            return f"{len(self.pairs):,} of {self.available:,} pairs ({origin}, hash-ordered sample)"
        return f"{len(self.pairs):,} pairs ({origin})"


def golden_pairs_path() -> Path:
    """The golden pairs: the articles the snapshot tests pin down."""
    return default_data_dir() / "golden-pairs.csv"


def select_pairs(source: str, catalog: Catalog, limit: int = DEFAULT_LIMIT) -> PairSelection:
    """`source` is 'all', 'golden' or a CSV path; `limit` 0 means no limit."""
    if source == "all":
        slugs = sorted(catalog.occupations)
        total = len(slugs) * (len(slugs) - 1)
        if _within(total, limit):
            return PairSelection(tuple(all_pairs(slugs)), total, "all")
        # sorted slugs give pairs in sorted order, so sorting the sample restores it
        return PairSelection(tuple(sorted(sample_pairs(all_pairs(slugs), limit))), total, "all")
    path = golden_pairs_path() if source == "golden" else Path(source)
    shown = display_path(path)
    pairs = resolve_rows(read_pairs_csv(path), catalog, shown)
    if _within(len(pairs), limit):
        return PairSelection(pairs, len(pairs), shown)
    kept = set(sample_pairs(pairs, limit))
    return PairSelection(tuple(p for p in pairs if p in kept), len(pairs), shown)


def all_pairs(slugs: Iterable[str]) -> Iterator[Pair]:
    return itertools.permutations(slugs, 2)


def pair_rank(pair: Pair) -> bytes:
    return blake2b(f"{pair[0]}\x1f{pair[1]}".encode(), digest_size=8).digest()


def sample_pairs(pairs: Iterable[Pair], limit: int) -> list[Pair]:
    """The `limit` lowest-ranked pairs; streams, so `all` never holds every pair in memory."""
    return heapq.nsmallest(limit, pairs, key=pair_rank)


def _within(total: int, limit: int) -> bool:
    return limit == 0 or total <= limit


def read_pairs_csv(path: Path) -> tuple[PairRow, ...]:
    """Rows of a CSV with the header `a,b`; a bad row fails with its file:line."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # spreadsheets save CSV with a byte-order mark
    except FileNotFoundError:
        raise ArticlegenError(f"{shown}: no such pairs file") from None
    except OSError as err:
        raise ArticlegenError(f"{shown}: cannot read pairs file: {err.strerror}") from None
    except UnicodeDecodeError:
        raise ArticlegenError(f"{shown}: not UTF-8 text") from None
    reader = csv.reader(text.splitlines())
    rows: list[PairRow] = []
    header_seen = False
    try:
        for cells in reader:
            cells = [c.strip() for c in cells]
            if not any(cells):
                continue
            where = f"{shown}:{reader.line_num}"
            if not header_seen:
                if cells != HEADER:
                    raise ArticlegenError(f"{where}: expected the header 'a,b', found {','.join(cells)!r}")
                header_seen = True
                continue
            if len(cells) != 2 or not all(cells):
                raise ArticlegenError(f"{where}: expected two occupation slugs, found {','.join(cells)!r}")
            rows.append(PairRow(reader.line_num, cells[0], cells[1]))
    except csv.Error as err:
        raise ArticlegenError(f"{shown}:{reader.line_num}: not valid CSV: {err}") from None
    if not header_seen:
        raise ArticlegenError(f"{shown}: empty pairs file; expected the header 'a,b' and rows of slugs")
    return tuple(rows)


def resolve_rows(rows: Iterable[PairRow], catalog: Catalog, shown: str) -> tuple[Pair, ...]:
    """Slugs (or titles) checked against the catalog; unknown, repeated or self pairs fail."""
    pairs: list[Pair] = []
    first_line: dict[Pair, int] = {}
    for row in rows:
        where = f"{shown}:{row.line}"
        try:
            pair = (catalog.find(row.a).slug, catalog.find(row.b).slug)
        except ArticlegenError as err:
            raise ArticlegenError(f"{where}: {err}") from None
        if pair[0] == pair[1]:
            raise ArticlegenError(f"{where}: both columns name {pair[0]!r}; a pair needs two occupations")
        if pair in first_line:
            raise ArticlegenError(f"{where}: pair {pair[0]},{pair[1]} repeats line {first_line[pair]}")
        first_line[pair] = row.line
        pairs.append(pair)
    return tuple(pairs)
