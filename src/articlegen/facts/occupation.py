"""Occupation facts: the schema every data file is validated against.

Every field but the title may be missing; the planner leaves out whatever a
record lacks. Shares are percentages (0–100), money is US dollars.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, field_validator, model_validator

# Numbers are strict: `true` is not 1, and "5" is not 5 (pydantic would convert both).
MAX_MONEY = 10_000_000  # dollars a year; BLS's top code is $239,200, so anything near is a typo
MAX_JOBS = 1_000_000_000  # more than the whole US workforce
Money = Annotated[float, Strict(), Field(ge=1, le=MAX_MONEY, allow_inf_nan=False)]  # under $0.50 prints as $0
Share = Annotated[float, Strict(), Field(ge=0, le=100, allow_inf_nan=False)]
PercentChange = Annotated[float, Strict(), Field(ge=-100, le=1000, allow_inf_nan=False)]
Jobs = Annotated[int, Strict(), Field(ge=0, le=MAX_JOBS)]
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
    short: Text | None = Field(
        None,
        description="A shorter singular for prose after the full title has been said "
        "('heavy truck driver'); by default the title rules choose one, where a reader could "
        "not take it for another job of the article.",
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
    low: Annotated[int, Strict(), Field(ge=0)]  # type: ignore[assignment]
    high: Annotated[int, Strict(), Field(ge=0)]  # type: ignore[assignment]


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
    min_jobs: Annotated[int, Strict()] | None = Field(
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
    masters_likelihood: Annotated[float, Strict()] | None = Field(
        None,
        allow_inf_nan=False,
        description="Percentage points more (positive) or less (negative) likely to hold a Master's degree.",
    )
    doctoral_likelihood: Annotated[float, Strict()] | None = Field(
        None,
        allow_inf_nan=False,
        description="Percentage points more (positive) or less (negative) likely to hold a Doctoral degree.",
    )


class Work(Record):
    """What the job does, as O*NET states it: data, quoted as given, never reworded."""

    description: Text | None = Field(
        None, description="O*NET's description: verb phrases for a plural subject ('Research, design, ...')."
    )
    description_of: Text | None = Field(
        None,
        description="When the occupation groups several O*NET occupations: the one the description is "
        "of, e.g. 'Home Health Aides'; the article says so.",
    )
    tasks: tuple[Text, ...] = Field((), description="Task statements, as O*NET writes them.")
    core_tasks: bool = Field(
        True, description="False where O*NET has not yet typed the tasks as core (newer occupations)."
    )
    source: Text | None = Field(None, description="Citation, e.g. 'O*NET 29.3'.")


IMPORTANCE_SCALE = (1, 5)  # O*NET's importance scale: 1 not important, 5 extremely important


class SkillRating(Record):
    name: Text = Field(description="O*NET skill name, e.g. 'Active Listening'.")
    importance: Annotated[float, Strict(), Field(ge=1, le=5, allow_inf_nan=False)] = Field(
        description="How important the skill is to the job: 1 (not important) to 5 (extremely important)."
    )
    level: Annotated[float, Strict(), Field(ge=0, le=7, allow_inf_nan=False)] | None = Field(
        None, description="The level of the skill the job needs: 0 to 7."
    )


class SkillRatings(Record):
    """O*NET's ratings of its 35 skills for the job: importance ratings, not resume mentions."""

    ratings: tuple[SkillRating, ...] = Field(min_length=1, description="Most important first.")
    source: Text | None = None

    @field_validator("ratings")
    @classmethod
    def _unique_names(cls, ratings: tuple[SkillRating, ...]) -> tuple[SkillRating, ...]:
        dupe = _first_repeat(r.name.casefold() for r in ratings)
        if dupe is not None:
            raise ValueError(f"skill rated twice: {dupe}")
        return ratings


class LevelShare(Record):
    level: Text = Field(description="A category, e.g. \"Bachelor's Degree\" or 'Over 1 year, up to 2 years'.")
    share: Share | None = Field(None, description="Percent of respondents who chose it; null if suppressed.")


class Requirements(Record):
    """What workers say the job requires (O*NET): not the degrees they hold."""

    education: tuple[LevelShare, ...] = Field(
        (), description="Required level of education: share of workers who say each level is required."
    )
    experience: tuple[LevelShare, ...] = Field((), description="Related work experience required.")
    on_site_training: tuple[LevelShare, ...] = Field((), description="On-site or in-plant training.")
    on_the_job_training: tuple[LevelShare, ...] = Field((), description="On-the-job training.")
    job_zone: Annotated[int, Strict(), Field(ge=1, le=5)] | None = Field(
        None, description="O*NET job zone, 1 (little preparation) to 5 (extensive preparation)."
    )
    job_zone_name: Text | None = None
    source: Text | None = None


# BLS's categories, as it writes them; an unknown one is a load error, not a sentence that reads wrong.
EntryEducation = Literal[
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
]
WorkExperience = Literal["None", "Less than 5 years", "5 years or more"]
JobTraining = Literal[
    "None",
    "Short-term on-the-job training",
    "Moderate-term on-the-job training",
    "Long-term on-the-job training",
    "Apprenticeship",
    "Internship/residency",
]


class Outlook(Record):
    """BLS Employment Projections: projections, not forecasts of any one employer's hiring."""

    start_year: Annotated[int, Strict(), Field(ge=1900, le=2200)]
    end_year: Annotated[int, Strict(), Field(ge=1900, le=2200)]
    employment_start: Jobs | None = Field(
        None, description="Jobs in the start year, self-employed included (BLS counts all jobs)."
    )
    employment_end: Annotated[int, Strict(), Field(ge=0)] | None = Field(
        None, description="Projected jobs in the end year."
    )
    change_percent: PercentChange | None = Field(None, description="Projected employment change, percent.")
    openings_per_year: Jobs | None = Field(
        None, description="Projected openings a year on average, from growth and from workers who leave."
    )
    all_occupations_change_percent: PercentChange | None = Field(
        None, description="The same projection for all occupations, the average to compare with."
    )
    entry_education: EntryEducation | None = Field(None, description="Typical education needed for entry.")
    work_experience: WorkExperience | None = Field(
        None, description="Work experience in a related occupation."
    )
    on_the_job_training: JobTraining | None = Field(
        None, description="Typical on-the-job training to attain competency."
    )
    source: Text | None = None

    @model_validator(mode="after")
    def _ordered_years(self) -> Outlook:
        if self.start_year >= self.end_year:
            raise ValueError("start_year must come before end_year")
        return self


class Workforce(Record):
    """Who does the job, from the Current Population Survey; each figure with its survey year."""

    median_age: Annotated[float, Strict(), Field(gt=0, lt=120, allow_inf_nan=False)] | None = None
    age_year: Annotated[int, Strict(), Field(ge=1900, le=2200)] | None = None
    age_group: Text | None = Field(
        None, description="When the age figure is for a broader Census group, that group's title."
    )
    women_share: Share | None = None
    white_share: Share | None = None
    black_share: Share | None = None
    asian_share: Share | None = None
    hispanic_share: Share | None = Field(None, description="Hispanic or Latino, who may be of any race.")
    shares_year: Annotated[int, Strict(), Field(ge=1900, le=2200)] | None = None
    shares_group: Text | None = Field(
        None, description="When the shares are for a broader Census group, that group's title."
    )
    all_median_age: Annotated[float, Strict(), Field(gt=0, lt=120, allow_inf_nan=False)] | None = Field(
        None, description="Median age of all employed people, the same year."
    )
    all_women_share: Share | None = Field(None, description="Share of women among all employed people.")
    source: Text | None = None

    @model_validator(mode="after")
    def _figures_have_years(self) -> Workforce:
        """A survey figure is said with its year; without one it would read as today's."""
        if self.median_age is not None and self.age_year is None:
            raise ValueError("median_age needs age_year, the survey year it is from")
        shares = (self.women_share, self.white_share, self.black_share, self.asian_share, self.hispanic_share)
        if any(v is not None for v in shares) and self.shares_year is None:
            raise ValueError("a share needs shares_year, the survey year it is from")
        return self


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
    attributions: tuple[Text, ...] = Field(
        (), description="Notices a source's licence asks every page using it to carry (O*NET's CC BY 4.0)."
    )
    forms: NounForms | None = None
    description: Text | None = Field(None, description="What the job is, in a few sentences.")
    salary: Salary | None = None
    growth_rate: PercentChange | None = Field(None, description="Projected job growth in percent.")
    jobs: Jobs | None = Field(None, description="Number of people employed.")
    job_satisfaction: Annotated[float, Strict(), Field(ge=0, le=5, allow_inf_nan=False)] | None = Field(
        None, description="Rating out of 5."
    )
    education: Education | None = None
    average_age: Annotated[float, Strict(), Field(gt=0, lt=120, allow_inf_nan=False)] | None = None
    years_of_experience: Annotated[float, Strict(), Field(ge=0, lt=80, allow_inf_nan=False)] | None = None
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
    work: Work | None = Field(None, description="What the job does and its core tasks (O*NET).")
    skill_ratings: SkillRatings | None = Field(None, description="Importance of O*NET's 35 skills (O*NET).")
    requirements: Requirements | None = Field(
        None, description="Education, experience and training workers say the job requires (O*NET)."
    )
    outlook: Outlook | None = Field(None, description="Projected employment change and openings (BLS).")
    workforce: Workforce | None = Field(None, description="Median age, women and race shares (CPS).")
    alternate_titles: tuple[Text, ...] = Field((), description="Other titles the job goes by (O*NET).")
    technologies: tuple[Text, ...] = Field(
        (), description="Technologies this job's postings ask for (O*NET's 'In Demand' flag)."
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
        dupe = _first_repeat(s.name.casefold() for s in skills)
        if dupe is not None:
            raise ValueError(f"skill listed twice: {dupe}")
        return skills

    @field_validator("soft_skills")
    @classmethod
    def _unique_soft_skills(cls, skills: tuple[SoftSkill, ...]) -> tuple[SoftSkill, ...]:
        dupe = _first_repeat(s.name.casefold() for s in skills)
        if dupe is not None:
            raise ValueError(f"soft skill listed twice: {dupe}")
        return skills

    @field_validator("related")
    @classmethod
    def _unique_related(cls, related: tuple[str, ...]) -> tuple[str, ...]:
        dupe = _first_repeat(related)
        if dupe is not None:
            raise ValueError(f"occupation listed twice: {dupe}")
        return related

    def stated_comparison(self, other_slug: str) -> StatedComparison | None:
        return next((c for c in self.comparisons if c.against == other_slug), None)


def _first_repeat(names: Iterable[str]) -> str | None:
    """The first name seen twice; one pass with a set, so 200,000 skills validate in a blink."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    return None


def is_present(value: object) -> bool:
    """Whether a fact is there to be stated: NaN and empty collections count as missing."""
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, (tuple, list, str)) and len(value) == 0)
