"""Content determination and document planning for overview pages: one occupation on its own.

"What does a collections associate do?": the description, the jobs count and projected
growth, how one gets in, responsibilities, skills with their shares and examples (or O*NET's
most important ones), soft skills, pay, then a short comparison with each related occupation
(related.py chooses them). The page states its own job's figures once, before the
comparisons; each comparison states the other job's figure and the gap or direction, never
the page's figure again (docs/style.md, "No figure twice"). A missing fact drops its
sentence, a section with nothing left is dropped whole, as in comparison articles
(plan/article.py, whose helpers this reuses). The short comparisons rotate through LAYOUTS,
so that neighbouring comparisons never share one skeleton; the realizer varies their wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..facts.occupation import Occupation
from .build import Pair, money_range, paragraph, section
from .compare import Direction, compare_money, compare_quantity, compare_skills, same_text
from .duties import described, responsibility_list, task_list
from .education import likelihood_sentences
from .intro import TOP_SKILLS
from .quantities import Count, Credential, Items, Money, MonthsRange, Percent, PercentPoints, Ratio, Term
from .ratings import shared_sentences, top_ratings
from .reads import fact_key, facts_of, percentile_range, referent, typical_range
from .salary import best_places, industry_sentence, place_sentences
from .skills import DISTINCT_SKILLS, SHARED_SKILLS
from .skills import skill_list as _plan_skill_list
from .sources import citation_list, notices
from .spec import ArticlePlan, Block, BulletList, Referent, SectionPlan, SentenceSpec, Verbatim
from .training import ENTRY_EDUCATION_ORDER, prepared

DEFAULT_COMPARE = 4  # the reference page compares its subject with four occupations

# The parts of one short comparison, grouped into paragraphs. Comparison i uses layout
# i mod len(LAYOUTS): the first four on a page never share an order or a grouping.
#   salary: what the other job earns, against the page's job; shared / distinct: skills;
#   where: its best-paying industry and state; degrees: Master's and Doctoral likelihood and
#   entry education; growth: its projected employment change (shared also holds O*NET's
#   top-rated skills). `where` and the entry education follow a sentence about the other job
#   in their paragraph (salary or growth), so that their wordings can call it "they".
LAYOUTS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("salary", "where"), ("growth", "degrees"), ("shared", "distinct")),
    (("shared", "distinct"), ("salary", "where", "degrees"), ("growth",)),
    (("growth", "degrees"), ("salary", "where"), ("distinct", "shared")),
    (("salary", "degrees"), ("distinct", "shared"), ("growth", "where")),
)


def plan_overview(occupation: Occupation, related: Sequence[Occupation]) -> ArticlePlan:
    """The overview page of `occupation`, with a short comparison against each of `related`, in order."""
    role = referent(occupation)
    others = [o for o in related if o.slug != occupation.slug]
    gaps: set[tuple[str, float]] = set()  # the gaps earlier comparisons print, in reading order
    comparisons = [_comparison(occupation, role, other, i, gaps) for i, other in enumerate(others)]
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
        title=SentenceSpec("page.title", {"role": role, "described": known}, _named(occupation, known)),
        sections=tuple(s for s in sections if s is not None),
        missing_cell=SentenceSpec("label.missing", {}),
        referents=(role, *(referent(o) for o in others)),
    )


def _named(occupation: Occupation, described: bool) -> dict[str, Any]:
    """The job the page title names: its name as the title prints it (the singular in "What does a
    clerk do?", the plural in "Clerks at a glance", page-intro.yaml), with its SOC code, which
    identifies the occupation so named and prints nowhere. Structured data names and classifies
    the job from them (render/structured.py); the code in prose would read as a range of numbers."""
    facts: dict[str, Any] = {}
    forms = occupation.forms
    form = None if forms is None else (forms.singular if described else forms.plural)
    if form is not None:
        facts[fact_key(occupation, f"forms.{'singular' if described else 'plural'}")] = form
    if occupation.soc is not None:
        facts[fact_key(occupation, "soc")] = occupation.soc
    return facts


# --- the occupation on its own ----------------------------------------------------------------


def _intro(occupation: Occupation, role: Referent) -> SectionPlan | None:
    """What the job does; how many jobs there are and how their number is projected to change;
    then how one gets in: the time it takes, the entry education, experience and training."""
    description = (
        Verbatim(occupation.description, fact_key(occupation, "description"))
        if occupation.description
        else None
    )
    size: list[SentenceSpec] = []
    if occupation.jobs is not None:
        size.append(
            SentenceSpec(
                "page.intro.jobs",
                {"role": role, "jobs": Count(occupation.jobs)},
                {fact_key(occupation, "jobs"): occupation.jobs},
            )
        )
    size += _growth(occupation, role)
    entry: list[SentenceSpec] = []
    time = occupation.time_to_become
    if time is not None:
        entry.append(
            SentenceSpec(
                "page.intro.time",
                {"role": role, "months": MonthsRange(time.low, time.high)},
                {fact_key(occupation, "time_to_become"): time},
            )
        )
    entry += _entry(occupation, role)
    opening = description or described(
        occupation, role, "page.intro.onet"
    )  # a page opens with what the job does
    return section("intro", None, [paragraph(opening), paragraph(*size), paragraph(*entry)])


def _growth(occupation: Occupation, role: Referent) -> list[SentenceSpec]:
    """The job's projected change in employment, against all occupations where BLS gives that:
    said once here, so that each short comparison below can state the other job's figure and
    the gap alone."""
    outlook = occupation.outlook
    if outlook is None or outlook.change_percent is None:
        return []
    growth, average = outlook.change_percent, outlook.all_occupations_change_percent
    facts: dict[str, Any] = {
        fact_key(occupation, "outlook.change_percent"): growth,
        fact_key(occupation, "outlook.start_year"): outlook.start_year,
        fact_key(occupation, "outlook.end_year"): outlook.end_year,
    }
    slots: dict[str, Any] = {
        "role": role,
        "growth": Percent(growth),
        "start": str(outlook.start_year),
        "end": str(outlook.end_year),
    }
    message = "page.intro.growth"
    if average is not None:
        versus = compare_quantity(growth, average)
        way = "same" if versus.is_tie else ("above" if versus.direction is Direction.HIGHER else "below")
        facts[fact_key(occupation, "outlook.all_occupations_change_percent")] = average
        slots["average"] = Percent(average)
        message += f".{way}"
    return [SentenceSpec(message, slots, facts)]


def _entry(occupation: Occupation, role: Referent) -> list[SentenceSpec]:
    """The job's typical entry education, said once here as its growth is, then the related work
    experience and on-the-job training BLS lists."""
    outlook = occupation.outlook
    if outlook is None:
        return []
    sentences = []
    if outlook.entry_education is not None:
        sentences.append(
            SentenceSpec(
                "page.intro.entry",
                {"role": role, "education": Credential(outlook.entry_education)},
                {fact_key(occupation, "outlook.entry_education"): outlook.entry_education},
            )
        )
    return [*sentences, *_preparation(occupation, role)]


def _preparation(occupation: Occupation, role: Referent) -> list[SentenceSpec]:
    """Related work experience and on-the-job training, in BLS's categories, as comparison
    articles say them (plan/training.py), for this one job."""
    found = prepared(occupation, role)
    if found is None:
        return []
    kind, slots, facts = found
    return [SentenceSpec(f"page.intro.preparation.{kind}", slots, facts)]


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
        # Without their shares: the list below gives each skill's share, once.
        names = tuple(s.name for s in top)
        facts: dict[str, Any] = {fact_key(occupation, "skills"): names}
        summary.append(SentenceSpec("page.skills.top.noshare", {"role": role, "skills": Items(names)}, facts))
    rated = top_ratings(occupation)
    if rated:
        names = tuple(r.name for r in rated)
        summary.append(
            SentenceSpec(
                "page.skills.rated",
                {"role": role, "skills": Items(tuple(Term(n) for n in names)), "count": Count(len(names))},
                {fact_key(occupation, "skill_ratings.top"): names},
            )
        )
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
    where = _best_paying(occupation, role)
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


def _best_paying(occupation: Occupation, role: Referent) -> list[SentenceSpec]:
    """Where the job pays best. Where the data ranks industries, states and metro areas over one
    floor of jobs (OEWS), one sentence names two or three of them, so that the floor is said
    once; otherwise the industry, then the city, state, metro area and company."""
    best = best_places(occupation, role)
    if best is None:
        return [*industry_sentence(occupation, role, "page.pay.industry"), *_places(occupation, role)]
    rest = (
        [] if best.slots["industry"] is not None else industry_sentence(occupation, role, "page.pay.industry")
    )
    for spec in _places(occupation, role):
        shown = [k for k in spec.facts if not k.endswith("_salary")]
        if not all(k in best.facts for k in shown):
            rest.append(spec)  # a place the one sentence leaves out: a city, a company, one without pay
    return [_renamed(best, "salary.", "page.pay."), *rest]


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


def _comparison(
    occupation: Occupation, role: Referent, other: Occupation, index: int, gaps: set[tuple[str, float]]
) -> SectionPlan | None:
    """One short comparison. The page has stated its own job's figures already (pay, places,
    growth, entry education): here each part states the other job's figure and how it stands
    against the page's job, never the page's figure again (docs/style.md, "No figure twice").

    `gaps` holds the gaps the comparisons before this one print; a gap that would print the
    same as one of them is left out (a `.plain` message says the direction alone), since
    "2.3 times as much" twice on one page reads as one figure said twice."""
    ctx = Pair(occupation, other, role, referent(other))
    parts: dict[str, list[SentenceSpec]] = {
        "salary": _salary_difference(ctx, gaps),
        **_skill_sentences(ctx),
        "where": _where_sentences(ctx),
        "degrees": [
            *[_renamed(s, "education.", "page.compare.") for s in likelihood_sentences(ctx)],
            *_entry_difference(ctx),
        ],
        "growth": _growth_difference(ctx, gaps),
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


# In the sentences below the other job is the subject (slot `role`, so that a sentence after
# it may call it "they") and the page's own job is `page`. Each states both jobs' facts, so
# that verify checks the comparison, but prints only the other job's figure and the gap.


def _new_gaps(gaps: set[tuple[str, float]], *values: Any) -> bool:
    """Whether none of `values` (typed, rounded as printed) is a gap the page prints already;
    if so they are the page's from now on."""
    found = {(type(v).__name__, float(v)) for v in values}
    if found & gaps:
        return False
    gaps |= found
    return True


def _salary_difference(ctx: Pair, gaps: set[tuple[str, float]]) -> list[SentenceSpec]:
    """The other job's pay and how far it is above or below the page's job; by the hour when a
    yearly figure is missing (BLS's actors). The page's own pay is its pay section's to state."""
    for key, stem, slot in (
        ("yearly", "page.compare.pay", "salary"),
        ("hourly", "page.compare.hourly", "rate"),
    ):
        page_value, value = ctx.both(f"salary.{key}")
        if page_value is None or value is None:
            continue
        facts = {fact_key(ctx.a, f"salary.{key}"): page_value, fact_key(ctx.b, f"salary.{key}"): value}
        roles = {"role": ctx.rb, "page": ctx.ra}
        diff = compare_money(value, page_value)
        if diff.is_tie:
            return [SentenceSpec(f"{stem}.same", roles, facts)]
        more = diff.direction is Direction.HIGHER
        slots: dict[str, Any] = {**roles, slot: Money(value), "difference": Money(diff.amount)}
        # Both percentages are measured from the page's job: "P% more than it" from the lower
        # figure, "P% less than it" from the higher, and either way that is the page's.
        percent = diff.percent if more else diff.percent_of_higher
        way = "more" if more else "less"
        if more and diff.percent is not None and diff.percent >= 100 and diff.ratio is not None:
            message, shown = f"{stem}.more.times", {"times": Ratio(diff.ratio)}
        elif percent is None:
            message, shown = f"{stem}.small", {}
        else:
            message, shown = f"{stem}.{way}", {"percent": Percent(percent)}
        if not _new_gaps(gaps, slots["difference"], *shown.values()):
            plain = {k: v for k, v in slots.items() if k != "difference"}
            return [SentenceSpec(f"{stem}.{way}.plain", plain, facts)]
        if message.endswith(".small"):
            shown["more"] = more
        return [SentenceSpec(message, {**slots, **shown}, facts)]
    return []


def _growth_difference(ctx: Pair, gaps: set[tuple[str, float]]) -> list[SentenceSpec]:
    """The other job's projected change and the gap in percentage points to the page's job's,
    which the page's opening states; the other's alone when the page's job has none."""
    page_outlook, outlook = ctx.a.outlook, ctx.b.outlook
    growth = outlook.change_percent if outlook else None
    if outlook is None or growth is None:
        return []
    period = {"start": str(outlook.start_year), "end": str(outlook.end_year)}
    facts: dict[str, Any] = {
        fact_key(ctx.b, "outlook.change_percent"): growth,
        fact_key(ctx.b, "outlook.start_year"): outlook.start_year,
        fact_key(ctx.b, "outlook.end_year"): outlook.end_year,
    }
    page_growth = page_outlook.change_percent if page_outlook else None
    if page_growth is None:
        slots = {"role": ctx.rb, "growth": Percent(growth), **period}
        return [SentenceSpec("page.compare.growth.one", slots, facts)]
    facts[fact_key(ctx.a, "outlook.change_percent")] = page_growth
    roles = {"role": ctx.rb, "page": ctx.ra}
    diff = compare_quantity(growth, page_growth)
    if diff.is_tie:
        return [SentenceSpec("page.compare.growth.same", {**roles, **period}, facts)]
    if compare_quantity(abs(growth), abs(page_growth)).is_tie:
        # Down as far as the page's job is up, or up as far as it is down: "fall 0.3%" beside
        # "grow 0.3%" would read as the page's figure said again.
        slots = {**roles, "rising": growth > 0, **period}
        return [SentenceSpec("page.compare.growth.opposite", slots, facts)]
    way = "faster" if diff.direction is Direction.HIGHER else "slower"
    slots = {**roles, "growth": Percent(growth), **period}
    points = PercentPoints(diff.amount)
    if not _new_gaps(gaps, points):
        return [SentenceSpec(f"page.compare.growth.{way}.plain", slots, facts)]
    return [SentenceSpec(f"page.compare.growth.{way}", {**slots, "points": points}, facts)]


def _entry_difference(ctx: Pair) -> list[SentenceSpec]:
    """The other job's typical entry education, and whether it asks more schooling than the page's
    job (whose own the page's opening states), read from the order of BLS's categories."""
    page_entry, entry = (o.outlook.entry_education if o.outlook else None for o in (ctx.a, ctx.b))
    if entry is None:
        return []
    facts: dict[str, Any] = {fact_key(ctx.b, "outlook.entry_education"): entry}
    slots: dict[str, Any] = {"role": ctx.rb, "education": Credential(entry)}
    if page_entry is None:
        return [SentenceSpec("page.compare.entry.one", slots, facts)]
    facts[fact_key(ctx.a, "outlook.entry_education")] = page_entry
    slots["page"] = ctx.ra
    rank, page_rank = ENTRY_EDUCATION_ORDER.index(entry), ENTRY_EDUCATION_ORDER.index(page_entry)
    way = "same" if rank == page_rank else ("more" if rank > page_rank else "less")
    return [SentenceSpec(f"page.compare.entry.{way}", slots, facts)]


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
    """Where the other job pays best: its industry and state, with their pay, and its ranking
    floor said once (the page's own places, and floor, are its pay section's). `also` tells a
    variant that the industry is the one the page's job pays best in too."""
    known = facts_of(ctx.b)
    industry, state, floor = known["top_pay.industry"], known["top_pay.state"], known["top_pay.min_jobs"]
    page_industry = facts_of(ctx.a)["top_pay.industry"]
    also = industry is not None and page_industry is not None and same_text(industry, page_industry)
    if floor is None:  # hand-written records: each place on its own, as the record has it
        sentences = [
            SentenceSpec(s.message, {**s.slots, "also": also}, s.facts)
            for s in industry_sentence(ctx.b, ctx.rb, "page.compare.industry")
        ]
        if state is not None:
            facts = {fact_key(ctx.b, "top_pay.state"): state}
            sentences.append(SentenceSpec("page.compare.state", {"role": ctx.rb, "state": state}, facts))
        return sentences
    slots: dict[str, Any] = {"role": ctx.rb, "min_jobs": Count(floor), "also": also}
    facts: dict[str, Any] = {fact_key(ctx.b, "top_pay.min_jobs"): floor}
    for place in ("industry", "state"):
        name, pay = known[f"top_pay.{place}"], known[f"top_pay.{place}_salary"]
        slots[place], slots[f"{place}_pay"] = name, None if pay is None else Money(pay)
        if name is not None:
            facts[fact_key(ctx.b, f"top_pay.{place}")] = name
        if pay is not None and name is not None:
            facts[fact_key(ctx.b, f"top_pay.{place}_salary")] = pay
    if industry is None and state is None:
        return []
    return [SentenceSpec("page.compare.places.ranked", slots, facts)]
