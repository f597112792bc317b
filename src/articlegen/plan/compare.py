"""Comparison facts: which of two values is higher, by how much, and what they share.

Amounts are compared at the precision they are printed with (english/numbers.py), so a
gap that would print as "$0" or "0%" is a tie, never a difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from ..english import numbers


class Direction(Enum):
    HIGHER = "higher"
    LOWER = "lower"
    SAME = "same"


@dataclass(frozen=True, init=False)
class Difference:
    """How `a` stands against `b`."""

    a: float
    b: float
    direction: Direction
    amount: float  # absolute gap at printing precision
    # "The higher is P% more than the lower" measures from the lower value, "the lower is P%
    # less than (trails) the higher" from the higher; each None when it rounds to zero.
    percent: float | None  # gap relative to the lower value; also None when the lower is zero
    percent_of_higher: float | None  # gap relative to the higher value
    ratio: float | None  # higher / lower, at printing precision; None when the lower is zero

    def __init__(
        self,
        a: float,
        b: float,
        direction: Direction,
        amount: float,
        percent: float | None,
        percent_of_higher: float | None = None,
        ratio: float | None = None,
    ) -> None:
        # Written out, as spec.SentenceSpec's: the generated one took a sixth of a comparison.
        own = self.__dict__
        own["a"], own["b"], own["direction"], own["amount"], own["percent"] = a, b, direction, amount, percent
        own["percent_of_higher"], own["ratio"] = percent_of_higher, ratio

    @property
    def is_tie(self) -> bool:
        return self.direction is Direction.SAME


# Cached because an article compares the same two figures more than once (the yearly salaries
# in the intro and again in the salary section) and each comparison builds a Difference.
@lru_cache(maxsize=4096)
def compare_money(a: float, b: float) -> Difference:
    return _compare(numbers.round_money(a), numbers.round_money(b), numbers.round_money)


@lru_cache(maxsize=4096)
def compare_quantity(a: float, b: float) -> Difference:
    return _compare(numbers.round_percent(a), numbers.round_percent(b), numbers.round_percent)


def _compare(a: float, b: float, round_amount) -> Difference:  # type: ignore[no-untyped-def]
    amount = round_amount(abs(a - b))
    if amount == 0:
        return Difference(a, b, Direction.SAME, 0.0, None)
    direction = Direction.HIGHER if a > b else Direction.LOWER
    lower, higher = min(a, b), max(a, b)
    percent = numbers.round_percent(amount / lower * 100) if lower > 0 else None
    of_higher = numbers.round_percent(amount / higher * 100) if higher > 0 else None
    ratio = numbers.round_ratio(higher / lower) if lower > 0 else None
    return Difference(a, b, direction, amount, percent or None, of_higher or None, ratio)


@dataclass(frozen=True)
class SkillOverlap:
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


def compare_skills(a: tuple[str, ...], b: tuple[str, ...]) -> SkillOverlap:
    """Shared skills in the first list's order; each side's own skills in its own order."""
    b_keys = {name.casefold() for name in b}
    a_keys = {name.casefold() for name in a}
    return SkillOverlap(
        shared=tuple(name for name in a if name.casefold() in b_keys),
        only_a=tuple(name for name in a if name.casefold() not in b_keys),
        only_b=tuple(name for name in b if name.casefold() not in a_keys),
    )


def same_text(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()
