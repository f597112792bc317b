"""The article's opening and its table of basic figures.

The opening introduces both jobs, with the time each takes to break into, who earns
more, and each job's most common skills; the overview table follows with the jobs count.
"""

from __future__ import annotations

from ..facts.occupation import Occupation
from .build import Pair, Row, directional, flat, identity, pair_sentence, paragraph, section, table
from .compare import compare_money, compare_quantity
from .quantities import Count, Items, Money, MonthsRange, PercentChange, Quantity, Rating
from .reads import fact_key
from .spec import SectionPlan, SentenceSpec

TOP_SKILLS = 3  # the intro names each job's three most common skills


def plan_intro(ctx: Pair) -> SectionPlan | None:
    opening = SentenceSpec("intro.opening", {**ctx.roles(), "related": _related(ctx.a, ctx.b)})
    time = pair_sentence(
        ctx,
        "intro.time",
        "time_to_become",
        lambda v: MonthsRange(v.low, v.high),
        equal=lambda x, y: x == y,
        slot="months",
    )
    salary = directional(
        ctx,
        "intro.salary",
        "salary.yearly",
        *ctx.both("salary.yearly"),
        compare=compare_money,
        wrap=Money,
        slot="salary",
    )
    return section(
        "intro",
        None,
        [
            paragraph(*flat(opening, time, salary)),
            paragraph(*_intro_skills(ctx)),
        ],
    )


def _related(a: Occupation, b: Occupation) -> bool:
    """Same SOC major group (the first two digits): only then may an article call the fields related."""
    return a.group is not None and b.group is not None and a.group.code[:2] == b.group.code[:2]


def _top_skills(occupation: Occupation, limit: int) -> tuple[str, ...]:
    return tuple(skill.name for skill in occupation.skills[:limit])


def same_top_skills(ctx: Pair) -> frozenset[str]:
    """The casefolded top skills, where both jobs' are the same set (the intro says so), else empty."""
    top_a, top_b = _top_skills(ctx.a, TOP_SKILLS), _top_skills(ctx.b, TOP_SKILLS)
    folded = frozenset(s.casefold() for s in top_a)
    return folded if top_a and top_b and folded == {s.casefold() for s in top_b} else frozenset()


def _intro_skills(ctx: Pair) -> list[SentenceSpec]:
    if not ctx.either("has.skills"):
        return []
    top_a, top_b = _top_skills(ctx.a, TOP_SKILLS), _top_skills(ctx.b, TOP_SKILLS)
    facts = {fact_key(ctx.a, "skills"): top_a, fact_key(ctx.b, "skills"): top_b}
    if same_top_skills(ctx):
        return [SentenceSpec("intro.skills.same", {**ctx.roles(), "skills": Items(top_a)}, facts)]
    return [
        SentenceSpec("intro.skills", {"role": role, "skills": Items(top)}, {fact_key(occ, "skills"): top})
        for occ, role, top in ((ctx.a, ctx.ra, top_a), (ctx.b, ctx.rb, top_b))
        if top
    ]


def plan_overview_section(ctx: Pair) -> SectionPlan | None:
    """The table of basic figures, with the jobs count under it."""
    figures = table(ctx, "overview", _OVERVIEW_ROWS)
    if not figures.rows:
        return None
    jobs = directional(
        ctx, "jobs", "jobs", *ctx.both("jobs"), compare=compare_quantity, wrap=Count, slot="jobs"
    )
    return section(
        "overview",
        SentenceSpec("heading.overview", ctx.roles()),
        [figures, paragraph(*jobs)],
    )


_OVERVIEW_ROWS: tuple[Row, ...] = (
    ("yearly_salary", "salary.yearly", Money),
    ("hourly_rate", "salary.hourly", Money),
    ("median_salary", "salary.median", Money),
    ("growth_rate", "growth_rate", PercentChange),
    ("jobs", "jobs", Count),
    ("job_satisfaction", "job_satisfaction", Rating),
    ("common_degree", "education.degree_cell", identity),
    ("average_age", "average_age", Quantity),
    ("experience", "years_of_experience", Quantity),
)
