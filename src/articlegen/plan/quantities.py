"""Typed values that travel from the planner to the realizer.

They are plain numbers with a kind attached, so a phrasebank condition can compare
them (`when: "percent >= 10"`) while only the realizer decides how each kind is
written. The planner never formats; the realizer never guesses a unit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


class Money(float):
    """US dollars."""


class Percent(float):
    """A share or rate, in percent (43 means 43%)."""


class SurveyShare(Percent):
    """A share a survey publishes to one decimal (CPS, O*NET): printed with it, "75.0%", so that a
    row of shares ("75.0% White, 20.6% Black") reads at one precision (docs/style.md)."""


class PercentChange(float):
    """A signed change in percent, such as a growth rate."""


class PercentPoints(float):
    """A signed difference between two shares, in percentage points."""


class Ratio(float):
    """How many times one amount is another (3.5 means "3.5 times"), for gaps of 100% or more."""


class Count(int):
    """A number of things: jobs, skills."""


class Quantity(float):
    """A plain measure such as an age or a number of years."""


class Rating(float):
    """A rating out of five."""


class Score(float):
    """A score on a scale the sentence names (O*NET's importance, 1 to 5): printed bare, "4.1"."""


class Quote(str):
    """Words taken from the data to be quoted as given, e.g. O*NET's description of a job.

    They are verb phrases for a plural subject ("Research, design, and develop ..."), so the
    realizer prints them in quotation marks, first letter lowercased, mid-sentence.
    """


class Term(str):
    """A common noun the data writes in Title Case (O*NET's "Active Listening"), printed lowercase."""


class Credential(str):
    """A BLS education or training category ("Bachelor's degree"), written as a noun phrase."""


@dataclass(frozen=True)
class Scored:
    """A named score, such as a skill and its importance: "active listening (4.0)"."""

    label: str
    score: Score


@dataclass(frozen=True)
class Range:
    low: float
    high: float


@dataclass(frozen=True)
class MoneyRange(Range):
    open_high: bool = False  # high is BLS's top code: the true figure is at least this


@dataclass(frozen=True)
class MonthsRange(Range):
    pass


@dataclass(frozen=True)
class Labelled:
    """A named value such as "bachelor's degree, 43%" or "female, 65.6%"."""

    label: str
    value: Percent | None = None


@dataclass(frozen=True)
class Breakdown:
    """Shares of groups, such as a gender or race breakdown, written largest first."""

    parts: tuple[Labelled, ...]


@dataclass(frozen=True)
class Items:
    """A list that the realizer joins with commas and a final conjunction."""

    items: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[str]:
        return iter(self.items)

    def __reversed__(self) -> Iterator[str]:  # for the `last` filter
        return reversed(self.items)
