"""Pay: who earns more and by how much, medians and ranges, and where each job pays best."""

from __future__ import annotations

from typing import Any

from ..facts.occupation import Occupation
from .build import (
    Pair,
    Row,
    directional,
    flat,
    identity,
    money_range,
    pair_sentence,
    paragraph,
    section,
    table,
)
from .compare import compare_money, same_text
from .quantities import Count, Money
from .reads import derived, fact_key, facts_of
from .spec import Referent, SectionPlan, SentenceSpec, Table


def plan_salary(ctx: Pair) -> SectionPlan | None:
    compare = directional(
        ctx,
        "salary",
        "salary.yearly",
        *ctx.both("salary.yearly"),
        compare=compare_money,
        wrap=Money,
        slot="salary",
    )
    if not compare or compare[0].message.endswith(".one"):
        hourly = ctx.both("salary.hourly")
        if None not in hourly:  # e.g. actors and dancers: BLS publishes only hourly wages
            compare = directional(
                ctx, "salary.hourly", "salary.hourly", *hourly, compare=compare_money, wrap=Money, slot="rate"
            )
    # The gap between the medians; a median only one job has is the table's to print.
    medians = ctx.both("salary.median")
    median = directional(
        ctx, "salary.median", "salary.median", *medians, compare=compare_money, wrap=Money, slot="median"
    )
    median = [s for s in median if not s.message.endswith(".one")]
    figures = table(ctx, "salary", _SALARY_ROWS)
    where = paragraph(*_beside(figures, _where_sentences(ctx)))
    return section(
        "salary",
        SentenceSpec("heading.salary", ctx.roles()),
        [paragraph(*flat(compare, median, _range_sentences(ctx, figures))), where, figures],
    )


def _range_sentences(ctx: Pair, figures: Table) -> list[SentenceSpec]:
    """Typical ranges and BLS's 10th–90th percentiles mean different things, so each has its own words.

    Only where the salary table does not print the range: prose that repeats a row tells the
    reader nothing new.

    A top-coded 90th percentile is only a floor: its sentences say "at least", and the
    variants that state a closed range are excluded by their `top_coded` condition.
    """
    shown = {key for row in figures.rows for cell in row.cells if cell is not None for key in cell.facts}
    if fact_key(ctx.a, "salary.range") in shown or fact_key(ctx.b, "salary.range") in shown:
        return []
    typical = pair_sentence(
        ctx, "salary.range", "salary.range", money_range,
        equal=lambda x, y: x == y, slot="range", read="salary.range.typical",
    )  # fmt: skip
    pa, pb = ctx.both("salary.range.percentiles")
    if pa is not None and pb is not None:
        facts = {fact_key(ctx.a, "salary.range"): pa, fact_key(ctx.b, "salary.range"): pb}
        slots = {
            **ctx.roles(),
            "a_low": Money(pa.low), "a_high": Money(pa.high),
            "b_low": Money(pb.low), "b_high": Money(pb.high),
            "top_coded": pa.high_top_coded or pb.high_top_coded,
        }  # fmt: skip
        return [*typical, SentenceSpec("salary.percentiles.different", slots, facts)]
    percentiles = []
    for occupation, role, value in ((ctx.a, ctx.ra, pa), (ctx.b, ctx.rb, pb)):
        if value is not None:
            slots = {"role": role, "low": Money(value.low), "high": Money(value.high),
                     "top_coded": value.high_top_coded}  # fmt: skip
            percentiles.append(
                SentenceSpec("salary.percentiles.one", slots, {fact_key(occupation, "salary.range"): value})
            )
    return [*typical, *percentiles]


def _beside(figures: Table, sentences: list[SentenceSpec]) -> list[SentenceSpec]:
    """Leave out a place sentence that only names what the table beside it shows ("The best-paying
    city for actors is …"): a sentence that ranks over a floor of jobs, or merges what both jobs
    share, says more than the table and stays."""
    shown = {key for row in figures.rows for cell in row.cells if cell is not None for key in cell.facts}
    return [s for s in sentences if s.message not in _TABLE_ONLY or not all(key in shown for key in s.facts)]


# One job's best-paying places, unranked (hand-written records): the salary table has a row for each.
_TABLE_ONLY = frozenset({"salary.places", "salary.city", "salary.state", "salary.company"})


def _where_sentences(ctx: Pair) -> list[SentenceSpec]:
    """Where each job pays best. A job whose data ranks industries, states and metro areas over
    one floor of jobs (OEWS) gets one sentence for all three, so that the floor is said once;
    an industry both jobs share is said once for both, and the places then job by job."""
    industries = _industry_sentences(ctx)
    if industries and ".same" in industries[0].message:
        merged = _shared_industry_places(ctx, industries[0])
        if merged is not None:
            return [merged]
        return flat(industries, *(place_sentences(o, r) for o, r in ((ctx.a, ctx.ra), (ctx.b, ctx.rb))))
    found: list[SentenceSpec] = []
    for occupation, role in ((ctx.a, ctx.ra), (ctx.b, ctx.rb)):
        best = best_places(occupation, role)
        if best is not None:
            found += [best, *_unranked_rest(occupation, role, best)]
        else:
            found += [
                *industry_sentence(occupation, role, "salary.industry"),
                *place_sentences(occupation, role),
            ]
    return found


def _shared_industry_places(ctx: Pair, industry: SentenceSpec) -> SentenceSpec | None:
    """The industry both jobs' pay peaks in, and each job's best state and metro area, in one
    sentence, so that each job's ranking floor is said once; None unless both jobs have all of it."""
    if industry.message != "salary.industry.same.ranked":
        return None
    bests = [best_places(o, r) for o, r in ((ctx.a, ctx.ra), (ctx.b, ctx.rb))]
    if any(b is None or b.slots["state"] is None or b.slots["metro"] is None for b in bests):
        return None
    first, second = bests
    assert first is not None and second is not None
    slots = {
        **industry.slots,
        "a_state": first.slots["state"], "a_state_pay": first.slots["state_pay"],
        "a_metro": first.slots["metro"], "a_metro_pay": first.slots["metro_pay"],
        "b_state": second.slots["state"], "b_state_pay": second.slots["state_pay"],
        "b_metro": second.slots["metro"], "b_metro_pay": second.slots["metro_pay"],
    }  # fmt: skip
    facts = {**industry.facts, **first.facts, **second.facts}
    return SentenceSpec("salary.best.same_industry.ranked", slots, facts)


def _unranked_rest(occupation: Occupation, role: Referent, best: SentenceSpec) -> list[SentenceSpec]:
    """What best_places left out: a place known without its pay, and a city or company."""
    known = facts_of(occupation)
    rest: list[SentenceSpec] = []
    if best.slots["industry"] is None and known["top_pay.industry"] is not None:
        rest += industry_sentence(occupation, role, "salary.industry")
    for kind in ("state", "metro"):
        if best.slots[kind] is None and known[f"top_pay.{kind}"] is not None:
            rest.append(_paid_place(occupation, role, kind, known[f"top_pay.{kind}"]))
    return rest + [
        s for s in place_sentences(occupation, role) if s.message in ("salary.city", "salary.company")
    ]


_PLACES = (("industry", "industry_salary"), ("state", "state_salary"), ("metro", "metro_salary"))


def best_places(occupation: Occupation, role: Referent) -> SentenceSpec | None:
    """The best-paying industry, state and metro area in one sentence, where the data ranks two
    or more of them, with their pay, over the same floor of jobs; None otherwise."""
    return derived(occupation, "best_places", lambda: _make_best_places(occupation, role))  # type: ignore[no-any-return]


def _make_best_places(occupation: Occupation, role: Referent) -> SentenceSpec | None:
    known = facts_of(occupation)
    floor = known["top_pay.min_jobs"]
    if floor is None:
        return None
    slots: dict[str, Any] = {"role": role, "min_jobs": Count(floor)}
    facts: dict[str, Any] = {fact_key(occupation, "top_pay.min_jobs"): floor}
    ranked = 0
    for place, pay in _PLACES:
        name, salary = known[f"top_pay.{place}"], known[f"top_pay.{pay}"]
        known_place = name is not None and salary is not None
        slots[place], slots[f"{place}_pay"] = (name, Money(salary)) if known_place else (None, None)
        if known_place:
            ranked += 1
            facts |= {
                fact_key(occupation, f"top_pay.{place}"): name,
                fact_key(occupation, f"top_pay.{pay}"): salary,
            }
    return SentenceSpec("salary.best.ranked", slots, facts) if ranked >= 2 else None


def _industry_sentences(ctx: Pair) -> list[SentenceSpec]:
    """Each job's best-paying industry, as one sentence where it is the same industry.

    Where the data ranked only industries with enough of a job's jobs (OEWS), the `.ranked`
    messages name that floor; a pair with a floor for one job only is said job by job.
    """
    ia, ib = ctx.both("top_pay.industry")
    pa, pb = ctx.both("top_pay.industry_salary")
    fa, fb = ctx.both("top_pay.min_jobs")
    alike = (fa is None) == (fb is None)
    if ia is not None and ib is not None and same_text(ia, ib) and alike:
        facts: dict[str, Any] = {
            fact_key(ctx.a, "top_pay.industry"): ia,
            fact_key(ctx.b, "top_pay.industry"): ib,
        }
        slots: dict[str, Any] = {**ctx.roles(), "industry": ia}
        ranked = ""
        if fa is not None and fb is not None:
            facts |= {fact_key(ctx.a, "top_pay.min_jobs"): fa, fact_key(ctx.b, "top_pay.min_jobs"): fb}
            slots |= {"a_min_jobs": Count(fa), "b_min_jobs": Count(fb)}
            ranked = ".ranked"
        if pa is not None and pb is not None:
            facts |= {
                fact_key(ctx.a, "top_pay.industry_salary"): pa,
                fact_key(ctx.b, "top_pay.industry_salary"): pb,
            }
            slots |= {"a_pay": Money(pa), "b_pay": Money(pb)}
            return [SentenceSpec(f"salary.industry.same{ranked}", slots, facts)]
        if pa is None and pb is None:
            return [SentenceSpec(f"salary.industry.same_nopay{ranked}", slots, facts)]
    return [
        *industry_sentence(ctx.a, ctx.ra, "salary.industry"),
        *industry_sentence(ctx.b, ctx.rb, "salary.industry"),
    ]


def industry_sentence(occupation: Occupation, role: Referent, stem: str) -> list[SentenceSpec]:
    """One job's best-paying industry: `.nopay` without its average, `.ranked` naming the set ranked."""
    known = facts_of(occupation)
    industry, pay, floor = (
        known["top_pay.industry"],
        known["top_pay.industry_salary"],
        known["top_pay.min_jobs"],
    )
    if industry is None:
        return []
    facts: dict[str, Any] = {fact_key(occupation, "top_pay.industry"): industry}
    slots: dict[str, Any] = {"role": role, "industry": industry}
    message = stem if pay is not None else f"{stem}.nopay"
    if pay is not None:
        facts[fact_key(occupation, "top_pay.industry_salary")] = pay
        slots["pay"] = Money(pay)
    if floor is not None:
        facts[fact_key(occupation, "top_pay.min_jobs")] = floor
        slots["min_jobs"] = Count(floor)
        message += ".ranked"
    return [SentenceSpec(message, slots, facts)]


def place_sentences(occupation: Occupation, role: Referent) -> tuple[SentenceSpec, ...]:
    return derived(occupation, "places", lambda: tuple(_make_places(occupation, role)))  # type: ignore[no-any-return]


def _make_places(occupation: Occupation, role: Referent) -> list[SentenceSpec]:
    facts = facts_of(occupation)
    city, state, company = facts["top_pay.city"], facts["top_pay.state"], facts["top_pay.company"]
    sentences = []
    if city is not None and state is not None:
        sentences.append(
            SentenceSpec(
                "salary.places",
                {"role": role, "city": city, "state": state},
                {fact_key(occupation, "top_pay.city"): city, fact_key(occupation, "top_pay.state"): state},
            )
        )
    elif city is not None:
        sentences.append(
            SentenceSpec(
                "salary.city", {"role": role, "city": city}, {fact_key(occupation, "top_pay.city"): city}
            )
        )
    elif state is not None:
        sentences.append(_paid_place(occupation, role, "state", state))
    metro = facts["top_pay.metro"]
    if metro is not None:
        sentences.append(_paid_place(occupation, role, "metro", metro))
    if company is not None:
        sentences.append(
            SentenceSpec(
                "salary.company",
                {"role": role, "company": company},
                {fact_key(occupation, "top_pay.company"): company},
            )
        )
    return sentences


def _paid_place(occupation: Occupation, role: Referent, kind: str, place: str) -> SentenceSpec:
    """The best-paying state or metro area, with its average salary when the data has it.

    Where only areas with enough of the job's jobs were ranked (OEWS), a `.ranked` message
    names that set, so that "pays best" holds over the areas the sentence speaks of.
    """
    known = facts_of(occupation)
    pay, floor = known[f"top_pay.{kind}_salary"], known["top_pay.min_jobs"]
    facts = {fact_key(occupation, f"top_pay.{kind}"): place}
    slots: dict[str, Any] = {"role": role, kind: place}
    message = f"salary.{kind}"
    if pay is not None:
        facts[fact_key(occupation, f"top_pay.{kind}_salary")] = pay
        slots["pay"] = Money(pay)
        message += ".pay"
    if floor is not None:
        facts[fact_key(occupation, "top_pay.min_jobs")] = floor
        slots["min_jobs"] = Count(floor)
        message += ".ranked"
    return SentenceSpec(message, slots, facts)


_SALARY_ROWS: tuple[Row, ...] = (
    ("average_salary", "salary.yearly", Money),
    ("median_salary", "salary.median", Money),
    ("salary_range", "salary.range.typical", money_range),
    ("percentile_range", "salary.range.percentiles", money_range),
    ("top_city", "top_pay.city", identity),
    ("ranking_floor", "top_pay.min_jobs", Count),  # the "highest-paying" rows below hold over this set
    ("top_state", "top_pay.state", identity),
    ("state_salary", "top_pay.state_salary", Money),
    ("top_metro", "top_pay.metro", identity),
    ("metro_salary", "top_pay.metro_salary", Money),
    ("top_company", "top_pay.company", identity),
    ("top_industry", "top_pay.industry", identity),
    ("industry_salary", "top_pay.industry_salary", Money),
)
