"""Skills as O*NET rates them: each job's most important skills, those in both top lists, and the
widest gap. Every claim is about the top lists the sentence names, or about one skill's two
ratings; O*NET rates all 35 skills for every rated job, so none is "missing" from a job.
"""

from __future__ import annotations

from typing import Any

from ..english.numbers import round_half_up
from ..facts.occupation import IMPORTANCE_SCALE, Occupation, SkillRating
from .build import Pair, paragraph, section
from .compare import compare_quantity
from .quantities import Count, Items, Score, Scored, Term
from .reads import derived, fact_key
from .spec import SectionPlan, SentenceSpec

TOP = 5  # the most important skills said for each job


MOST = 8  # a tie at the cut may lengthen a top list up to this


def top_ratings(occupation: Occupation, limit: int = TOP) -> tuple[SkillRating, ...]:
    """The most important skills, cut where no tie straddles the cut, so that "the top five"
    never leaves out a skill rated as high as the fifth: shortened first, lengthened if a
    shorter list would hold fewer than three."""
    return derived(occupation, f"ratings.top.{limit}", lambda: _cut(occupation, limit))  # type: ignore[no-any-return]


def _cut(occupation: Occupation, limit: int) -> tuple[SkillRating, ...]:
    ratings = occupation.skill_ratings.ratings if occupation.skill_ratings else ()
    if len(ratings) <= limit:
        return ratings

    def clean(n: int) -> bool:
        return n >= len(ratings) or ratings[n - 1].importance != ratings[n].importance

    for n in range(limit, 2, -1):
        if clean(n):
            return ratings[:n]
    for n in range(limit + 1, min(MOST, len(ratings)) + 1):
        if clean(n):
            return ratings[:n]
    return ()  # a tie too wide to cut: no top list is said


def plan_ratings(ctx: Pair) -> SectionPlan | None:
    ta, tb = top_ratings(ctx.a), top_ratings(ctx.b)
    if not ta and not tb:
        return None
    rated = ctx.a if ta else ctx.b
    low, high = IMPORTANCE_SCALE
    scale_facts = {
        fact_key(rated, "skill_ratings.scale_low"): low,
        fact_key(rated, "skill_ratings.scale_high"): high,
    }
    scale = SentenceSpec("ratings.scale", {}, scale_facts)
    tops = [_top(o, role, top) for o, role, top in ((ctx.a, ctx.ra, ta), (ctx.b, ctx.rb, tb)) if top]
    return section(
        "ratings",
        SentenceSpec("heading.ratings", ctx.roles()),
        [paragraph(scale, *tops), paragraph(*shared_sentences(ctx, "ratings"), *_widest_gap(ctx))],
    )


def _top(occupation: Occupation, role: Any, top: tuple[SkillRating, ...]) -> SentenceSpec:
    facts: dict[str, Any] = {fact_key(occupation, f"skill_ratings.{r.name}"): r.importance for r in top}
    facts[fact_key(occupation, "skill_ratings.top_count")] = len(top)
    items = Items(tuple(Scored(r.name, Score(r.importance)) for r in top))
    return SentenceSpec("ratings.top", {"role": role, "skills": items, "count": Count(len(top))}, facts)


def shared_sentences(ctx: Pair, stem: str) -> list[SentenceSpec]:
    """Skills in both jobs' top lists, or a sentence that the top lists share none."""
    ta, tb = top_ratings(ctx.a), top_ratings(ctx.b)
    if not ta or not tb:
        return []
    names_b = {r.name for r in tb}
    shared = tuple(r.name for r in ta if r.name in names_b)
    facts: dict[str, Any] = {
        fact_key(ctx.a, "skill_ratings.top"): tuple(r.name for r in ta),
        fact_key(ctx.b, "skill_ratings.top"): tuple(r.name for r in tb),
        fact_key(ctx.a, "skill_ratings.top_count"): len(ta),
    }
    slots: dict[str, Any] = {**ctx.roles()}
    if len(ta) == len(tb):
        slots["count"] = Count(len(ta))
    if not shared:
        return [SentenceSpec(f"{stem}.shared.none", slots, facts)]
    names = Items(tuple(Term(n) for n in shared))
    facts[fact_key(ctx.a, "skill_ratings.shared_count")] = len(shared)
    message = f"{stem}.shared.all" if len(shared) == len(ta) == len(tb) else f"{stem}.shared"
    return [SentenceSpec(message, {**slots, "skills": names, "shared": Count(len(shared))}, facts)]


def _widest_gap(ctx: Pair) -> list[SentenceSpec]:
    """The skill whose importance differs most between the two jobs, said with both ratings."""
    ra, rb = ctx.a.skill_ratings, ctx.b.skill_ratings
    if ra is None or rb is None:
        return []
    by_name = {r.name: r.importance for r in rb.ratings}
    # Gaps as printed (one decimal), so that "the widest" holds as the reader sees the scores.
    gaps = [
        (
            abs(round_half_up(r.importance, 1) - round_half_up(by_name[r.name], 1)),
            r.name,
            r.importance,
            by_name[r.name],
        )
        for r in ra.ratings
        if r.name in by_name
    ]
    if not gaps:
        return []
    widest = max(g[0] for g in gaps)
    ties = [g for g in gaps if abs(g[0] - widest) < 1e-9]
    if len(ties) != 1:
        return []  # two skills differ as much: neither is "the widest gap"
    _, name, va, vb = ties[0]
    diff = compare_quantity(va, vb)
    if diff.is_tie:
        return []
    a_high = va > vb
    facts = {fact_key(ctx.a, f"skill_ratings.{name}"): va, fact_key(ctx.b, f"skill_ratings.{name}"): vb}
    slots = {
        "skill": Term(name),
        "higher": ctx.ra if a_high else ctx.rb,
        "lower": ctx.rb if a_high else ctx.ra,
        "higher_score": Score(max(va, vb)),
        "lower_score": Score(min(va, vb)),
        # the gap of the scores as printed; the scores themselves are in the table and the top lists
        "points": Score(abs(round_half_up(va, 1) - round_half_up(vb, 1))),
    }
    return [SentenceSpec("ratings.gap", slots, facts)]
