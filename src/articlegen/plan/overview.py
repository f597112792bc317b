"""Content determination and document planning for overview pages: one occupation on its own.

"What does a collections associate do?": the description, responsibilities, skills
with their shares and examples, soft skills, pay, then a short comparison with each
related occupation (related.py chooses them). A missing fact drops its sentence, a
section with nothing left is dropped whole, as in comparison articles (plan/article.py,
whose helpers this reuses). The short comparisons rotate through LAYOUTS, so that
neighbouring comparisons never share one skeleton; the realizer varies their wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..facts.occupation import Occupation
from .build import Pair, directional, money_range, paragraph, section
from .compare import compare_money, compare_skills, same_text
from .duties import described, responsibility_list, task_list
from .education import likelihood_sentences
from .intro import TOP_SKILLS
from .outlook import growth_sentences
from .quantities import Count, Items, Money, MonthsRange, Percent
from .ratings import shared_sentences
from .reads import fact_key, facts_of, percentile_range, referent, typical_range
from .salary import industry_sentence, place_sentences
from .skills import DISTINCT_SKILLS, SHARED_SKILLS
from .skills import skill_list as _plan_skill_list
from .sources import citation_list, notices
from .spec import ArticlePlan, Block, BulletList, Referent, SectionPlan, SentenceSpec, Verbatim
from .training import entry_sentences

DEFAULT_COMPARE = 4  # the reference page compares its subject with four occupations

# The parts of one short comparison, grouped into paragraphs. Comparison i uses layout
# i mod len(LAYOUTS): the first four on a page never share an order or a grouping.
#   salary: who earns more; shared / distinct: skills; where: best-paying industry and
#   state; degrees: Master's and Doctoral likelihood and entry education; growth: projected
#   employment change (shared also holds O*NET's top-rated skills).
LAYOUTS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("salary", "shared"), ("distinct", "growth"), ("where", "degrees")),
    (("shared", "distinct"), ("salary", "where"), ("growth", "degrees")),
    (("salary", "where", "degrees"), ("shared", "distinct", "growth")),
    (("growth", "where", "salary"), ("distinct", "shared", "degrees")),
)


def plan_overview(occupation: Occupation, related: Sequence[Occupation]) -> ArticlePlan:
    """The overview page of `occupation`, with a short comparison against each of `related`, in order."""
    role = referent(occupation)
    others = [o for o in related if o.slug != occupation.slug]
    comparisons = [_comparison(occupation, role, other, i) for i, other in enumerate(others)]
    sections = (
        _intro(occupation, role),
        _responsibilities(occupation, role),
        _skills(occupation, role),
        _pay(occupation, role),
        _compare_lead(role, [c for c in comparisons if c is not None]),
        *comparisons,
        _sources(occupation, others),
    )
    known = occupation.description is not None or bool(occupation.responsibilities)
    known = known or (occupation.work is not None and occupation.work.description is not None)
    return ArticlePlan(
        kind="overview",
        pair_key=f"overview|{occupation.slug}",
        subjects=(occupation.slug, *(o.slug for o in others)),
        title=SentenceSpec("page.title", {"role": role, "described": known}),
        sections=tuple(s for s in sections if s is not None),
        missing_cell=SentenceSpec("label.missing", {}),
        referents=(role, *(referent(o) for o in others)),
    )


# --- the occupation on its own ----------------------------------------------------------------


def _intro(occupation: Occupation, role: Referent) -> SectionPlan | None:
    description = (
        Verbatim(occupation.description, fact_key(occupation, "description"))
        if occupation.description
        else None
    )
    facts: list[SentenceSpec] = []
    if occupation.jobs is not None:
        facts.append(
            SentenceSpec(
                "page.intro.jobs",
                {"role": role, "jobs": Count(occupation.jobs)},
                {fact_key(occupation, "jobs"): occupation.jobs},
            )
        )
    time = occupation.time_to_become
    if time is not None:
        facts.append(
            SentenceSpec(
                "page.intro.time",
                {"role": role, "months": MonthsRange(time.low, time.high)},
                {fact_key(occupation, "time_to_become"): time},
            )
        )
    opening = description or described(
        occupation, role, "page.intro.onet"
    )  # a page opens with what the job does
    return section("intro", None, [paragraph(opening), paragraph(*facts)])


def _responsibilities(occupation: Occupation, role: Referent) -> SectionPlan | None:
    duties = responsibility_list(occupation, role, "page.responsibilities.lead") or task_list(
        occupation, role, "page.responsibilities.tasks"
    )
    if duties is None:
        return None
    return section(
        "responsibilities", SentenceSpec("page.heading.responsibilities", {"role": role}), [duties]
    )


def _skills(occupation: Occupation, role: Referent) -> SectionPlan | None:
    summary: list[SentenceSpec] = []
    top = occupation.skills[:TOP_SKILLS]
    if top:
        names = tuple(s.name for s in top)
        facts: dict[str, Any] = {fact_key(occupation, "skills"): names}
        slots: dict[str, Any] = {"role": role, "skills": Items(names)}
        if top[0].share is not None:
            facts[fact_key(occupation, f"skills.{top[0].name}.share")] = top[0].share
            slots |= {"top_skill": top[0].name, "top_share": Percent(top[0].share)}
            summary.append(SentenceSpec("page.skills.top", slots, facts))
        else:
            summary.append(SentenceSpec("page.skills.top.noshare", slots, facts))
    soft = tuple(s.name for s in occupation.soft_skills)
    if soft:
        summary.append(
            SentenceSpec(
                "page.skills.soft",
                {"role": role, "skills": Items(soft)},
                {fact_key(occupation, "soft_skills"): soft},
            )
        )
    heading = SentenceSpec("page.heading.skills", {"role": role, "soft": bool(soft)})
    return section(
        "skills",
        heading,
        [paragraph(*summary), _skill_list(occupation, role), _soft_skill_list(occupation, role)],
    )


def _skill_list(occupation: Occupation, role: Referent) -> BulletList | None:
    """Each skill with the share of resumes listing it and an example, under the page's messages."""
    return _plan_skill_list(occupation, role, prefix="page.")


def _soft_skill_list(occupation: Occupation, role: Referent) -> BulletList | None:
    if not occupation.soft_skills:
        return None
    items = []
    for skill in occupation.soft_skills:
        key = fact_key(occupation, f"soft_skills.{skill.name}")
        items.append(
            paragraph(
                SentenceSpec("page.soft_skills.item", {"skill": skill.name}, {key: skill.name}),
                Verbatim(skill.description, key + ".description") if skill.description else None,
                Verbatim(skill.example, key + ".example") if skill.example else None,
            )
        )
    listed = {fact_key(occupation, "soft_skills_listed"): len(occupation.soft_skills)}
    return BulletList(SentenceSpec("page.soft_skills.lead", {"role": role}, listed), tuple(items))


def _pay(occupation: Occupation, role: Referent) -> SectionPlan | None:
    known = facts_of(occupation)
    yearly, hourly, median = known["salary.yearly"], known["salary.hourly"], known["salary.median"]
    level: list[SentenceSpec] = []
    if yearly is not None or hourly is not None:
        facts = {
            fact_key(occupation, f"salary.{k}"): v
            for k, v in (("yearly", yearly), ("hourly", hourly))
            if v is not None
        }
        if yearly is not None and hourly is not None:
            slots = {"role": role, "salary": Money(yearly), "rate": Money(hourly)}
            level.append(SentenceSpec("page.pay.yearly_hourly", slots, facts))
        elif yearly is not None:
            level.append(SentenceSpec("page.pay.yearly", {"role": role, "salary": Money(yearly)}, facts))
        else:
            level.append(SentenceSpec("page.pay.hourly", {"role": role, "rate": Money(hourly)}, facts))
    if median is not None:
        level.append(
            SentenceSpec(
                "page.pay.median",
                {"role": role, "median": Money(median)},
                {fact_key(occupation, "salary.median"): median},
            )
        )
    level += _pay_range(occupation, role)
    where = [*industry_sentence(occupation, role, "page.pay.industry"), *_places(occupation, role)]
    return section(
        "pay", SentenceSpec("page.heading.pay", {"role": role}), [paragraph(*level), paragraph(*where)]
    )


def _pay_range(occupation: Occupation, role: Referent) -> list[SentenceSpec]:
    value = facts_of(occupation)["salary.range"]
    if value is None:
        return []
    facts = {fact_key(occupation, "salary.range"): value}
    if typical_range(value) is not None:
        return [SentenceSpec("page.pay.range", {"role": role, "range": money_range(value)}, facts)]
    if percentile_range(value) is not None:
        slots = {
            "role": role,
            "low": Money(value.low),
            "high": Money(value.high),
            "top_coded": value.high_top_coded,
        }
        return [SentenceSpec("page.pay.percentiles", slots, facts)]
    return []


def _places(occupation: Occupation, role: Referent) -> list[SentenceSpec]:
    """The best-paying city, state, metro area and company, planned as comparison articles plan them."""
    return [_renamed(spec, "salary.", "page.pay.") for spec in place_sentences(occupation, role)]


def _renamed(spec: SentenceSpec, old: str, new: str) -> SentenceSpec:
    """A spec planned by the comparison article's modules, said by this page's own message."""
    assert spec.message.startswith(old), spec.message
    return SentenceSpec(new + spec.message[len(old) :], spec.slots, spec.facts)


def _sources(occupation: Occupation, others: Sequence[Occupation]) -> SectionPlan | None:
    """Citations of the subject and of every occupation compared with it, each once, in page order."""
    records = [occupation, *others]
    # Overview pages state no workforce figure: the survey behind them is not a source of the page.
    unused = {
        c for o in records if o.workforce and o.workforce.source for c in o.workforce.source.split("; ")
    }
    cited = tuple(dict.fromkeys(s for o in records for s in o.sources if s not in unused))
    return section(
        "sources",
        SentenceSpec("page.heading.sources", {}),
        [citation_list("page.sources.lead", records, cited), notices(records)],
    )


# --- the short comparisons --------------------------------------------------------------------


def _compare_lead(role: Referent, comparisons: list[SectionPlan]) -> SectionPlan | None:
    if not comparisons:
        return None
    compared = tuple(section.id for section in comparisons)
    facts = {f"{role.slug}.compared_with": compared}  # the count the lead states is this list's length
    lead = SentenceSpec("page.compare.lead", {"role": role, "count": len(comparisons)}, facts)
    return section("compare", SentenceSpec("page.heading.compare", {"role": role}), [paragraph(lead)])


def _comparison(occupation: Occupation, role: Referent, other: Occupation, index: int) -> SectionPlan | None:
    ctx = Pair(occupation, other, role, referent(other))
    parts: dict[str, list[SentenceSpec]] = {
        "salary": _salary_difference(ctx),
        **_skill_sentences(ctx),
        "where": _where_sentences(ctx),
        "degrees": [
            *[_renamed(s, "education.", "page.compare.") for s in likelihood_sentences(ctx)],
            *entry_sentences(ctx, "page.compare.entry"),
        ],
        "growth": [s for s in growth_sentences(ctx, "page.compare.outlook") if ".growth." in s.message],
    }
    parts["shared"] += shared_sentences(ctx, "page.compare.ratings")
    layout = LAYOUTS[index % len(LAYOUTS)]
    blocks: list[Block | None] = [
        paragraph(Verbatim(other.description, fact_key(other, "description")))
        if other.description
        else paragraph(described(other, ctx.rb, "page.compare.onet"))
    ]
    blocks += [paragraph(*(s for name in group for s in parts[name])) for group in layout]
    if not any(parts.values()):  # a description alone compares nothing
        return None
    heading = SentenceSpec("page.heading.versus", {"role": ctx.ra, "other": ctx.rb})
    return section(f"compare-{other.slug}", heading, blocks)


def _salary_difference(ctx: Pair) -> list[SentenceSpec]:
    """Who earns more and by how much; by the hour when a yearly figure is missing (BLS's actors)."""
    for key, stem, slot in (
        ("yearly", "page.compare.salary", "salary"),
        ("hourly", "page.compare.hourly", "rate"),
    ):
        va, vb = ctx.both(f"salary.{key}")
        if va is not None and vb is not None:
            said = directional(
                ctx, stem, f"salary.{key}", va, vb, compare=compare_money, wrap=Money, slot=slot
            )
            # build.directional says stem.compare and stem.compare.small; these messages are stem, stem.small
            return [_renamed(s, f"{stem}.compare", stem) if s.message != f"{stem}.same" else s for s in said]
    return []


def _skill_sentences(ctx: Pair) -> dict[str, list[SentenceSpec]]:
    names_a = tuple(s.name for s in ctx.a.skills)
    names_b = tuple(s.name for s in ctx.b.skills)
    if not names_a or not names_b:
        return {"shared": [], "distinct": []}
    overlap = compare_skills(names_a, names_b)
    facts = {fact_key(ctx.a, "skills"): names_a, fact_key(ctx.b, "skills"): names_b}
    roles = {"role": ctx.ra, "other": ctx.rb}
    if overlap.shared:
        shared_items = overlap.shared[:SHARED_SKILLS]
        shared = SentenceSpec("page.compare.skills.shared", {**roles, "skills": Items(shared_items)}, facts)
    else:
        shared = SentenceSpec("page.compare.skills.none_shared", roles, facts)
    own_a, own_b = overlap.only_a[:DISTINCT_SKILLS], overlap.only_b[:DISTINCT_SKILLS]
    distinct: list[SentenceSpec] = []
    if own_a and own_b:
        slots = {**roles, "role_skills": Items(own_a), "other_skills": Items(own_b)}
        distinct.append(
            SentenceSpec(
                "page.compare.skills.distinct",
                slots,
                {fact_key(ctx.a, "skills"): own_a, fact_key(ctx.b, "skills"): own_b},
            )
        )
    elif own_a or own_b:
        who, whom, own, occ = (ctx.ra, ctx.rb, own_a, ctx.a) if own_a else (ctx.rb, ctx.ra, own_b, ctx.b)
        distinct.append(
            SentenceSpec(
                "page.compare.skills.distinct.one",
                {"role": who, "other": whom, "skills": Items(own)},
                {fact_key(occ, "skills"): own},
            )
        )
    return {"shared": [shared], "distinct": distinct}


def _where_sentences(ctx: Pair) -> list[SentenceSpec]:
    """Where each earns most: the best-paying industry, and the state when both have one."""
    sentences = _industry_pair(ctx)
    sa, sb = ctx.both("top_pay.state")
    if sa is None or sb is None:
        return sentences
    fa, fb = ctx.both("top_pay.min_jobs")
    if (fa is None) != (fb is None):
        # One ranking has a floor and the other none: one sentence could not name both sets.
        return [*sentences, _state_one(ctx.a, ctx.ra, sa), _state_one(ctx.b, ctx.rb, sb)]
    facts: dict[str, Any] = {fact_key(ctx.a, "top_pay.state"): sa, fact_key(ctx.b, "top_pay.state"): sb}
    if same_text(sa, sb):
        message, slots = "page.compare.state.same", {**ctx.roles(), "state": sa}
        floors = {"a_min_jobs": fa, "b_min_jobs": fb}
    else:
        message = "page.compare.state.different"
        slots = {"role": ctx.ra, "other": ctx.rb, "role_state": sa, "other_state": sb}
        floors = {"role_min_jobs": fa, "other_min_jobs": fb}
    if fa is not None and fb is not None:
        message += ".ranked"
        facts |= {fact_key(ctx.a, "top_pay.min_jobs"): fa, fact_key(ctx.b, "top_pay.min_jobs"): fb}
        slots |= {k: Count(v) for k, v in floors.items() if v is not None}
    return [*sentences, SentenceSpec(message, slots, facts)]


def _state_one(occupation: Occupation, role: Referent, state: str) -> SentenceSpec:
    facts: dict[str, Any] = {fact_key(occupation, "top_pay.state"): state}
    slots: dict[str, Any] = {"role": role, "state": state}
    floor = facts_of(occupation)["top_pay.min_jobs"]
    if floor is None:
        return SentenceSpec("page.compare.state.one", slots, facts)
    facts[fact_key(occupation, "top_pay.min_jobs")] = floor
    return SentenceSpec("page.compare.state.one.ranked", {**slots, "min_jobs": Count(floor)}, facts)


def _industry_pair(ctx: Pair) -> list[SentenceSpec]:
    ia, ib = ctx.both("top_pay.industry")
    pa, pb = ctx.both("top_pay.industry_salary")
    fa, fb = ctx.both("top_pay.min_jobs")
    if ia is None or ib is None:
        # One side only: that side's industry. The subject's was stated in the pay section already.
        return [] if ib is None else industry_sentence(ctx.b, ctx.rb, "page.compare.industry.one")
    paid = pa is not None and pb is not None
    if (fa is None) != (fb is None) or (pa is None) != (pb is None):
        # One sentence cannot name one job's ranking floor and not the other's, nor pay for one only.
        return [
            *industry_sentence(ctx.a, ctx.ra, "page.compare.industry.one"),
            *industry_sentence(ctx.b, ctx.rb, "page.compare.industry.one"),
        ]
    facts: dict[str, Any] = {fact_key(ctx.a, "top_pay.industry"): ia, fact_key(ctx.b, "top_pay.industry"): ib}
    if paid:
        facts |= {
            fact_key(ctx.a, "top_pay.industry_salary"): pa,
            fact_key(ctx.b, "top_pay.industry_salary"): pb,
        }
    slots: dict[str, Any] = {"role": ctx.ra, "other": ctx.rb}
    ranked = ""
    if fa is not None and fb is not None:
        facts |= {fact_key(ctx.a, "top_pay.min_jobs"): fa, fact_key(ctx.b, "top_pay.min_jobs"): fb}
        slots |= {"role_min_jobs": Count(fa), "other_min_jobs": Count(fb)}
        ranked = ".ranked"
    if same_text(ia, ib):
        slots["industry"] = ia
        if paid:
            slots |= {"role_pay": Money(pa), "other_pay": Money(pb)}
            return [SentenceSpec(f"page.compare.industry.same{ranked}", slots, facts)]
        return [SentenceSpec(f"page.compare.industry.same_nopay{ranked}", slots, facts)]
    slots |= {"role_industry": ia, "other_industry": ib}
    if paid:
        slots |= {"role_pay": Money(pa), "other_pay": Money(pb)}
        return [SentenceSpec(f"page.compare.industry.different{ranked}", slots, facts)]
    return [SentenceSpec(f"page.compare.industry.different_nopay{ranked}", slots, facts)]
