"""Job outlook: BLS's projected employment change for both jobs, against all occupations, and openings."""

from __future__ import annotations

from typing import Any

from .build import Pair, paragraph, section
from .compare import Direction, compare_quantity
from .quantities import Count, Percent, PercentPoints
from .reads import fact_key
from .spec import SectionPlan, SentenceSpec


def plan_outlook(ctx: Pair) -> SectionPlan | None:
    oa, ob = ctx.a.outlook, ctx.b.outlook
    if (oa is None or oa.change_percent is None) and (ob is None or ob.change_percent is None):
        return None
    return section(
        "outlook",
        SentenceSpec("heading.outlook", ctx.roles()),
        [paragraph(*growth_sentences(ctx, "outlook")), paragraph(*openings_sentences(ctx))],
    )


def growth_sentences(ctx: Pair, stem: str) -> list[SentenceSpec]:
    """Who is projected to grow faster, then how each stands against all occupations.

    The average is said in sentences about one job each, so that "faster than average" is
    checked against that job's own figure.
    """
    ga = ctx.a.outlook.change_percent if ctx.a.outlook else None
    gb = ctx.b.outlook.change_percent if ctx.b.outlook else None
    years = ctx.a.outlook if ga is not None else ctx.b.outlook
    assert years is not None or (ga is None and gb is None)
    if ga is None and gb is None:
        return []
    # Years print as written ("2024", not "2,024"), and are facts like any other number.
    period = {"start": str(years.start_year), "end": str(years.end_year)} if years else {}
    period_facts = (
        {fact_key(ctx.a if ga is not None else ctx.b, f"outlook.{k}_year"): int(v) for k, v in period.items()}
        if years
        else {}
    )
    sentences: list[SentenceSpec] = []
    if ga is not None and gb is not None:
        facts = {
            fact_key(ctx.a, "outlook.change_percent"): ga,
            fact_key(ctx.b, "outlook.change_percent"): gb,
            **period_facts,
        }
        diff = compare_quantity(ga, gb)
        if diff.is_tie:
            sentences.append(
                SentenceSpec(f"{stem}.growth.same", {**ctx.roles(), "growth": Percent(ga), **period}, facts)
            )
        else:
            a_high = diff.direction is Direction.HIGHER
            slots: dict[str, Any] = {
                "faster": ctx.ra if a_high else ctx.rb,
                "slower": ctx.rb if a_high else ctx.ra,
                "faster_growth": Percent(max(ga, gb)),
                "slower_growth": Percent(min(ga, gb)),
                "points": PercentPoints(diff.amount),
                **period,
            }
            sentences.append(SentenceSpec(f"{stem}.growth.compare", slots, facts))
    for occupation, role, growth in ((ctx.a, ctx.ra, ga), (ctx.b, ctx.rb, gb)):
        outlook = occupation.outlook
        if growth is None or outlook is None:
            continue
        average = outlook.all_occupations_change_percent
        if ga is None or gb is None:  # the only projection: said with its years
            facts = {fact_key(occupation, "outlook.change_percent"): growth, **period_facts}
            slots = {"role": role, "growth": Percent(growth), **period}
            sentences.append(SentenceSpec(f"{stem}.growth.one", slots, facts))
        if average is None:
            continue
        facts = {
            fact_key(occupation, "outlook.change_percent"): growth,
            fact_key(occupation, "outlook.all_occupations_change_percent"): average,
        }
        versus = compare_quantity(growth, average)
        way = "same" if versus.is_tie else ("above" if versus.direction is Direction.HIGHER else "below")
        slots = {"role": role, "growth": Percent(growth), "average": Percent(average)}
        sentences.append(SentenceSpec(f"{stem}.average.{way}", slots, facts))
    return _one_average_sentence(ctx, stem, sentences)


def _one_average_sentence(ctx: Pair, stem: str, sentences: list[SentenceSpec]) -> list[SentenceSpec]:
    """Both jobs against the average in one sentence, so that the average is said once."""
    averages = [s for s in sentences if s.message.startswith(f"{stem}.average.")]
    if len(averages) != 2 or averages[0].message.endswith(".same") or averages[1].message.endswith(".same"):
        return sentences
    first, second = averages
    way = first.message.rsplit(".", 1)[1]
    if first.message != second.message:  # one above, one below: the average said once, between them
        above, below = (first, second) if way == "above" else (second, first)
        message = f"{stem}.average.split"
        slots = {
            "above": above.slots["role"],
            "below": below.slots["role"],
            "average": first.slots["average"],
        }
    else:
        message = f"{stem}.average.both_{way}"
        slots = {
            **ctx.roles(),
            "a_growth": first.slots["growth"],
            "b_growth": second.slots["growth"],
            "average": first.slots["average"],
        }
    merged = SentenceSpec(message, slots, {**first.facts, **second.facts})
    return [s for s in sentences if s not in averages] + [merged]


def openings_sentences(ctx: Pair) -> list[SentenceSpec]:
    na = ctx.a.outlook.openings_per_year if ctx.a.outlook else None
    nb = ctx.b.outlook.openings_per_year if ctx.b.outlook else None
    if na is not None and nb is not None:
        facts = {
            fact_key(ctx.a, "outlook.openings_per_year"): na,
            fact_key(ctx.b, "outlook.openings_per_year"): nb,
        }
        if na == nb:
            return [SentenceSpec("outlook.openings.same", {**ctx.roles(), "openings": Count(na)}, facts)]
        more, fewer = (ctx.ra, ctx.rb) if na > nb else (ctx.rb, ctx.ra)
        slots = {
            "more": more,
            "fewer": fewer,
            "more_openings": Count(max(na, nb)),
            "fewer_openings": Count(min(na, nb)),
        }
        return [SentenceSpec("outlook.openings.different", slots, facts)]
    for occupation, role, openings in ((ctx.a, ctx.ra, na), (ctx.b, ctx.rb, nb)):
        if openings is not None:
            facts = {fact_key(occupation, "outlook.openings_per_year"): openings}
            return [SentenceSpec("outlook.openings.one", {"role": role, "openings": Count(openings)}, facts)]
    return []
