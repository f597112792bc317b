"""Which occupations an overview page compares its subject with.

The rule, in order:

1. The record's own `related` list, in its order: an editor's choice always wins.
2. Then every other article subject, ranked by
   a. the same SOC minor group (`43-3000`) before the rest, then the same major group (`43`, the
      first two digits of the group or of the record's own SOC code: BLS gives some occupations,
      such as first-line supervisors, no minor group);
   b. more skills in common first;
   c. closer pay first: the ratio of the two average yearly salaries, or of the hourly
      rates when one of them lacks a yearly figure; an occupation without comparable pay
      comes after those with it;
   d. the slug, so that ties are broken the same way on every machine.

The subject itself and the residual "All Other" categories are never chosen; a
residual or unknown slug in a `related` list is an error that names the file.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from ..errors import DataError, UnknownOccupationError
from ..facts.load import Catalog
from ..facts.occupation import Occupation
from ..facts.yamlio import display_path


@dataclass(frozen=True)
class _Candidate:
    slug: str
    group: str | None  # SOC minor group code
    major: str | None  # SOC major group: two digits
    skills: frozenset[str]
    log_yearly: float | None  # logarithms of pay, so that a ratio of pay is a difference
    log_hourly: float | None


class RelatedIndex:
    """What the ranking needs of every subject, read once per catalog (bulk runs reuse it)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._candidates: tuple[_Candidate, ...] | None = None

    @property
    def candidates(self) -> tuple[_Candidate, ...]:
        if self._candidates is None:  # built on first use: the explicit list often suffices
            self._candidates = tuple(_candidate(o) for o in self.catalog)
        return self._candidates

    def choose(self, occupation: Occupation, count: int) -> tuple[Occupation, ...]:
        """Up to `count` occupations to compare `occupation` with, by the rule in the module docstring."""
        chosen = [o for o in self._listed(occupation) if o.slug != occupation.slug][:count]
        if len(chosen) < count:
            taken = {occupation.slug, *(o.slug for o in chosen)}
            subject = _candidate(occupation)
            ranked = heapq.nsmallest(
                count - len(chosen),
                (c for c in self.candidates if c.slug not in taken),
                key=lambda c: rank_key(subject, c),
            )
            chosen += [self.catalog.occupations[c.slug] for c in ranked]
        return tuple(chosen)

    def _listed(self, occupation: Occupation) -> list[Occupation]:
        found = []
        for slug in occupation.related:
            try:
                found.append(self.catalog.find(slug))
            except UnknownOccupationError as err:
                shown = display_path(self.catalog.source / f"{occupation.slug}.yaml")
                raise DataError(f"{shown}: related: {err}") from None
        return found


def choose_related(catalog: Catalog, occupation: Occupation, count: int) -> tuple[Occupation, ...]:
    """One-off use; keep a RelatedIndex to choose for many occupations of one catalog."""
    return RelatedIndex(catalog).choose(occupation, count)


def _candidate(occupation: Occupation) -> _Candidate:
    salary = occupation.salary
    return _Candidate(
        slug=occupation.slug,
        group=occupation.group.code if occupation.group else None,
        major=(occupation.group.code if occupation.group else occupation.soc or "")[:2] or None,
        skills=frozenset(s.name.casefold() for s in occupation.skills),
        log_yearly=math.log(salary.yearly) if salary and salary.yearly else None,
        log_hourly=math.log(salary.hourly) if salary and salary.hourly else None,
    )


def rank_key(subject: _Candidate, other: _Candidate) -> tuple[int, int, float, str]:
    """Lower sorts first."""
    if subject.group is not None and subject.group == other.group:
        group = 0
    elif subject.major is not None and subject.major == other.major:
        group = 1
    else:
        group = 2
    shared = len(subject.skills & other.skills) if subject.skills and other.skills else 0
    return (group, -shared, pay_distance(subject, other), other.slug)


def pay_distance(a: _Candidate, b: _Candidate) -> float:
    """How far apart two pay levels are, as |log(a/b)|: unit-free, so yearly and hourly rank alike."""
    if a.log_yearly is not None and b.log_yearly is not None:
        return abs(a.log_yearly - b.log_yearly)
    if a.log_hourly is not None and b.log_hourly is not None:
        return abs(a.log_hourly - b.log_hourly)
    return math.inf
