"""Occupation facts: the schema every data file is validated against.

Every field but the title may be missing; the planner leaves out whatever a
record lacks. Shares are percentages (0–100), money is US dollars.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

Money = Annotated[float, Field(ge=1, allow_inf_nan=False)]  # under $0.50 would print as $0
Share = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
PercentChange = Annotated[float, Field(ge=-100, le=1000, allow_inf_nan=False)]
# Control characters and bidi overrides: invisible in an editor, they reach terminals and pages
# as they are, and Python's strip() takes some (U+001C-U+001F) for spaces, emptying a list item.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _no_control_characters(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise ValueError(f"holds the control character U+{ord(found.group()):04X}; remove it")
    return value


Text = Annotated[str, Field(min_length=1), AfterValidator(_no_control_characters)]
_CLOSING_MARKS = frozenset(".,;:!?)]")


class Record(BaseModel):
    """Frozen and strict about unknown keys, so a typo in a field name is an error, not a loss."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class NounForms(Record):
    """Overrides for titles whose forms rules cannot derive (commas, coordination, odd plurals)."""

    singular: Text | None = Field(
        None, description="Singular as used mid-sentence, e.g. 'bill and account collector'."
    )
    plural: Text | None = Field(None, description="Plural as used mid-sentence.")
    article: Literal["a", "an"] | None = Field(None, description="Indefinite article for the singular.")
    attributive: bool | None = Field(
        None,
        description="False when the singular cannot stand before a noun or take 's "
        "('supervisor of office workers'); variants that need it are then skipped.",
    )


class _Range(Record):
    """A low–high pair; subclasses give the two fields their types."""

    low: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> _Range:
        if self.low > self.high:
            raise ValueError("low must not exceed high")
        return self


class MoneyRange(_Range):
    low: Money
    high: Money
    percentiles: tuple[int, int] | None = Field(
        None, description="Which percentiles low and high are, e.g. [10, 90]; absent for a typical range."
    )
    high_top_coded: bool = Field(
        False, description="High is BLS's top code: the true figure is at least this much."
    )


class Salary(Record):
    yearly: Money | None = Field(None, description="Average yearly salary in dollars.")
    hourly: Money | None = Field(None, description="Average hourly rate in dollars.")
    median: Money | None = Field(None, description="Median yearly salary in dollars.")
    range: MoneyRange | None = Field(None, description="Typical yearly salary range in dollars.")


class MonthsRange(_Range):
    low: Annotated[int, Field(ge=0)]  # type: ignore[assignment]
    high: Annotated[int, Field(ge=0)]  # type: ignore[assignment]


class DegreeShare(Record):
    name: Text = Field(description='Degree name, e.g. "Bachelor\'s degree".')
    share: Share | None = Field(None, description="Percent of workers holding it.")


class Education(Record):
    most_common_degree: DegreeShare | None = None
    masters_share: Share | None = Field(None, description="Percent holding a Master's degree.")
    doctoral_share: Share | None = Field(None, description="Percent holding a Doctoral degree.")
    major: Text | None = Field(None, description="Most common major.")
    college: Text | None = Field(None, description="Most common college.")


class TopPay(Record):
    """Where the occupation pays best."""

    city: Text | None = None
    state: Text | None = None
    state_salary: Money | None = Field(None, description="Average yearly salary in that state.")
    metro: Text | None = Field(
        None, description="Metropolitan area, e.g. 'San Jose-Sunnyvale-Santa Clara, CA'."
    )
    metro_salary: Money | None = Field(None, description="Average yearly salary in that metro area.")
    company: Text | None = None
    industry: Text | None = None
    industry_salary: Money | None = Field(None, description="Average yearly salary in that industry.")
    min_jobs: int | None = Field(
        None,
        ge=1,
        description="Only states, metro areas and industries with at least this many of the occupation's "
        "jobs were ranked (OEWS records); a sentence saying where it pays best names that set.",
    )


class GroupShare(Record):
    group: Text
    share: Share


class Demographics(Record):
    gender: tuple[GroupShare, ...] = ()
    race: tuple[GroupShare, ...] = ()
    lgbt_share: Share | None = None

    @field_validator("gender", "race")
    @classmethod
    def _sums_to_at_most_100(cls, groups: tuple[GroupShare, ...]) -> tuple[GroupShare, ...]:
        total = sum(g.share for g in groups)
        if total > 100.5:  # published shares are rounded, so allow a little slack
            raise ValueError(f"shares add up to {total:g}%, more than 100%")
        names = [g.group.casefold() for g in groups]
        if len(set(names)) != len(names):
            raise ValueError("a group is listed twice")
        return groups


class Skill(Record):
    name: Text
    share: Share | None = Field(None, description="Percent of resumes that list the skill.")
    example: Text | None = Field(None, description="One sentence showing the skill at work.")


class SoftSkill(Record):
    """A personal quality the job calls for (listening, negotiating), as overview pages describe it."""

    name: Text = Field(description="Name, lowercase unless a name or acronym, e.g. 'listening skills'.")
    description: Text | None = Field(None, description="Why the job needs it, in a sentence or two.")
    example: Text | None = Field(None, description="One sentence showing it at work.")


class StatedComparison(Record):
    """A figure the source gives only relative to another occupation.

    Kept as stated, never turned into an invented absolute value.
    """

    against: Text = Field(description="Slug of the occupation the figure is relative to.")
    masters_likelihood: float | None = Field(
        None,
        allow_inf_nan=False,
        description="Percentage points more (positive) or less (negative) likely to hold a Master's degree.",
    )
    doctoral_likelihood: float | None = Field(
        None,
        allow_inf_nan=False,
        description="Percentage points more (positive) or less (negative) likely to hold a Doctoral degree.",
    )


class SocGroup(Record):
    """The SOC minor group an occupation belongs to, e.g. 43-3000 Financial Clerks."""

    code: Text = Field(pattern=r"^\d{2}-\d{4}$")
    title: Text


class Occupation(Record):
    slug: Text = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="File name without .yaml.")
    title: Text = Field(description="Title as written in a heading, e.g. 'Collections Associate'.")
    soc: Text | None = Field(
        None,
        pattern=r"^\d{2}-\d{4}$",
        description="SOC code, e.g. '43-3011'; facts this record lacks are taken from OEWS for that code.",
    )
    group: SocGroup | None = Field(None, description="SOC minor group.")
    sources: tuple[Text, ...] = Field(
        (), description="Citations for the facts, e.g. 'U.S. Bureau of Labor Statistics, OEWS, May 2025'."
    )
    forms: NounForms | None = None
    description: Text | None = Field(None, description="What the job is, in a few sentences.")
    salary: Salary | None = None
    growth_rate: PercentChange | None = Field(None, description="Projected job growth in percent.")
    jobs: Annotated[int, Field(ge=0)] | None = Field(None, description="Number of people employed.")
    job_satisfaction: Annotated[float, Field(ge=0, le=5, allow_inf_nan=False)] | None = Field(
        None, description="Rating out of 5."
    )
    education: Education | None = None
    average_age: Annotated[float, Field(gt=0, lt=120, allow_inf_nan=False)] | None = None
    years_of_experience: Annotated[float, Field(ge=0, lt=80, allow_inf_nan=False)] | None = None
    time_to_become: MonthsRange | None = Field(None, description="Months it takes to become one.")
    top_pay: TopPay | None = None
    demographics: Demographics | None = None
    skills: tuple[Skill, ...] = Field((), description="Skills, most common first.")
    responsibilities: tuple[Text, ...] = ()
    soft_skills: tuple[SoftSkill, ...] = Field((), description="Soft skills, most important first.")
    comparisons: tuple[StatedComparison, ...] = ()
    related: tuple[Text, ...] = Field(
        (), description="Slugs of the occupations an overview page compares this one with, in order."
    )

    @field_validator("title")
    @classmethod
    def _title_is_printable(cls, title: str) -> str:
        if any(ch in title for ch in "{}\n"):
            raise ValueError("must not contain braces or line breaks")
        if title[:1] in _CLOSING_MARKS:  # tidying would join it to the word before: "compares! and"
            raise ValueError(f"must not begin with {title[0]!r}")
        return title

    @field_validator("skills")
    @classmethod
    def _unique_skills(cls, skills: tuple[Skill, ...]) -> tuple[Skill, ...]:
        names = [s.name.casefold() for s in skills]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"skill listed twice: {dupes[0]}")
        return skills

    @field_validator("soft_skills")
    @classmethod
    def _unique_soft_skills(cls, skills: tuple[SoftSkill, ...]) -> tuple[SoftSkill, ...]:
        names = [s.name.casefold() for s in skills]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"soft skill listed twice: {dupes[0]}")
        return skills

    @field_validator("related")
    @classmethod
    def _unique_related(cls, related: tuple[str, ...]) -> tuple[str, ...]:
        dupes = sorted({s for s in related if related.count(s) > 1})
        if dupes:
            raise ValueError(f"occupation listed twice: {dupes[0]}")
        return related

    def stated_comparison(self, other_slug: str) -> StatedComparison | None:
        return next((c for c in self.comparisons if c.against == other_slug), None)


def is_present(value: object) -> bool:
    """Whether a fact is there to be stated: NaN and empty collections count as missing."""
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, (tuple, list, str)) and len(value) == 0)
