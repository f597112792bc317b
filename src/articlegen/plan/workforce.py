"""Who does the work, from the Current Population Survey: median age, women's share, race and ethnicity.

CPS publishes many occupations only as part of a broader Census group; a figure for such a
group is said as that group's, never as the job's own.
"""

from __future__ import annotations

from typing import Any

from ..facts.occupation import Occupation
from .build import Pair, Row, paragraph, section, table
from .compare import Direction, compare_quantity
from .quantities import PercentPoints, Quantity, SurveyShare
from .reads import fact_key
from .spec import Referent, SectionPlan, SentenceSpec


def plan_workforce(ctx: Pair) -> SectionPlan | None:
    if ctx.a.workforce is None and ctx.b.workforce is None:
        return None
    return section(
        "workforce",
        SentenceSpec("heading.workforce", ctx.roles()),
        [
            paragraph(*_measure(ctx, "age", "median_age", "age_year", "age_group", Quantity)),
            paragraph(*_measure(ctx, "women", "women_share", "shares_year", "shares_group", SurveyShare)),
            paragraph(*_race(ctx)),
            table(ctx, "workforce", _WORKFORCE_ROWS),
        ],
    )


def _own(occupation: Occupation, field: str, group_field: str) -> tuple[Any, str | None]:
    workforce = occupation.workforce
    if workforce is None:
        return None, None
    return getattr(workforce, field), getattr(workforce, group_field)


def _measure(
    ctx: Pair, name: str, field: str, year_field: str, group_field: str, wrap: type
) -> list[SentenceSpec]:
    """Both jobs' figures compared when each is the job's own; otherwise one sentence a job."""
    (va, group_a), (vb, group_b) = _own(ctx.a, field, group_field), _own(ctx.b, field, group_field)
    stem = f"workforce.{name}"
    if va is not None and vb is not None and group_a is None and group_b is None:
        wa, wb = ctx.a.workforce, ctx.b.workforce
        assert wa is not None and wb is not None
        if getattr(wa, year_field) == getattr(wb, year_field):
            return [_pair(ctx, stem, field, va, vb, wrap, str(getattr(wa, year_field)), year_field)]
    sentences = []
    for occupation, role, value, group in ((ctx.a, ctx.ra, va, group_a), (ctx.b, ctx.rb, vb, group_b)):
        if value is not None:
            sentences.append(_one(occupation, role, stem, field, year_field, group_field, value, group, wrap))
    return sentences


def _pair(
    ctx: Pair, stem: str, field: str, va: float, vb: float, wrap: type, year: str, year_field: str
) -> SentenceSpec:
    facts = {
        fact_key(ctx.a, f"workforce.{field}"): va,
        fact_key(ctx.b, f"workforce.{field}"): vb,
        fact_key(ctx.a, f"workforce.{year_field}"): int(year),
    }
    diff = compare_quantity(va, vb)
    if diff.is_tie:
        return SentenceSpec(f"{stem}.same", {**ctx.roles(), "value": wrap(va), "year": year}, facts)
    a_high = diff.direction is Direction.HIGHER
    slots = {
        "higher": ctx.ra if a_high else ctx.rb,
        "lower": ctx.rb if a_high else ctx.ra,
        "higher_value": wrap(max(va, vb)),
        "lower_value": wrap(min(va, vb)),
        "difference": (PercentPoints if wrap is SurveyShare else Quantity)(diff.amount),
        "year": year,
    }
    return SentenceSpec(f"{stem}.compare", slots, facts)


def _one(
    occupation: Occupation,
    role: Referent,
    stem: str,
    field: str,
    year_field: str,
    group_field: str,
    value: float,
    group: str | None,
    wrap: type,
) -> SentenceSpec:
    workforce = occupation.workforce
    assert workforce is not None
    year = getattr(workforce, year_field)
    facts: dict[str, Any] = {fact_key(occupation, f"workforce.{field}"): value}
    slots: dict[str, Any] = {"role": role, "value": wrap(value)}
    if year is not None:
        facts[fact_key(occupation, f"workforce.{year_field}")] = year
        slots["year"] = str(year)
    if group is None:
        return SentenceSpec(f"{stem}.one", slots, facts)
    facts[fact_key(occupation, f"workforce.{group_field}")] = group
    return SentenceSpec(f"{stem}.group", {**slots, "group": group}, facts)


def _race(ctx: Pair) -> list[SentenceSpec]:
    """Each job's race and ethnicity shares, with Hispanic origin said apart: it is not a race."""
    sentences = []
    for occupation, role in ((ctx.a, ctx.ra), (ctx.b, ctx.rb)):
        w = occupation.workforce
        if w is None or None in (w.white_share, w.black_share, w.asian_share, w.hispanic_share):
            continue
        shares = {k: getattr(w, f"{k}_share") for k in ("white", "black", "asian", "hispanic")}
        facts: dict[str, Any] = {fact_key(occupation, f"workforce.{k}_share"): v for k, v in shares.items()}
        slots: dict[str, Any] = {"role": role, **{k: SurveyShare(v) for k, v in shares.items()}}
        if w.shares_year is not None:
            facts[fact_key(occupation, "workforce.shares_year")] = w.shares_year
            slots["year"] = str(w.shares_year)
        message = "workforce.race"
        if w.shares_group is not None:
            facts[fact_key(occupation, "workforce.shares_group")] = w.shares_group
            slots["group"] = w.shares_group
            message += ".group"
        sentences.append(SentenceSpec(message, slots, facts))
    return sentences


_WORKFORCE_ROWS: tuple[Row, ...] = (
    ("median_age", "workforce.median_age", Quantity),
    ("women_share", "workforce.women_share", SurveyShare),
    ("white_share", "workforce.white_share", SurveyShare),
    ("black_share", "workforce.black_share", SurveyShare),
    ("asian_share", "workforce.asian_share", SurveyShare),
    ("hispanic_share", "workforce.hispanic_share", SurveyShare),
)
