"""Education: the most common degree, major and college, and how likely each job is to hold an
advanced degree."""

from __future__ import annotations

from ..facts.occupation import StatedComparison
from .build import Pair, Row, flat, identity, pair_sentence, paragraph, section, table
from .compare import Difference, Direction, compare_quantity, same_text
from .quantities import Percent, PercentPoints
from .reads import fact_key
from .spec import Referent, SectionPlan, SentenceSpec


def plan_education(ctx: Pair) -> SectionPlan | None:
    degree = _degree_sentences(ctx)
    major = pair_sentence(
        ctx,
        "education.major",
        "education.major",
        identity,
        equal=same_text,
        slot="major",
    )
    college = pair_sentence(
        ctx,
        "education.college",
        "education.college",
        identity,
        equal=same_text,
        slot="college",
    )
    figures = table(ctx, "education", _EDUCATION_ROWS)
    return section(
        "education",
        SentenceSpec("heading.education", ctx.roles()),
        [
            paragraph(*flat(degree, major, college)),
            paragraph(*likelihood_sentences(ctx)),
            figures,
        ],
    )


def _degree_sentences(ctx: Pair) -> list[SentenceSpec]:
    da, db = ctx.both("education.most_common_degree")
    key = "education.most_common_degree"
    if da is not None and db is not None:
        facts = {fact_key(ctx.a, key): da.name, fact_key(ctx.b, key): db.name}
        if same_text(da.name, db.name):
            if da.share is not None and db.share is not None:
                facts |= {
                    fact_key(ctx.a, key + ".share"): da.share,
                    fact_key(ctx.b, key + ".share"): db.share,
                }
                if compare_quantity(da.share, db.share).is_tie:  # equal as printed: said once
                    slots = {**ctx.roles(), "degree": da.name, "share": Percent(da.share)}
                    return [SentenceSpec("education.degree.same_share", slots, facts)]
                slots = {
                    **ctx.roles(),
                    "degree": da.name,
                    "a_share": Percent(da.share),
                    "b_share": Percent(db.share),
                }
                return [SentenceSpec("education.degree.same", slots, facts)]
            return [SentenceSpec("education.degree.same_noshare", {**ctx.roles(), "degree": da.name}, facts)]
        slots = {**ctx.roles(), "a_degree": da.name, "b_degree": db.name}
        return [SentenceSpec("education.degree.different", slots, facts)]
    for occupation, role, degree in ((ctx.a, ctx.ra, da), (ctx.b, ctx.rb, db)):
        if degree is not None:
            return [
                SentenceSpec(
                    "education.degree.one",
                    {"role": role, "degree": degree.name},
                    {fact_key(occupation, key): degree.name},
                )
            ]
    return []


def likelihood_sentences(ctx: Pair) -> list[SentenceSpec]:
    """Master's and Doctoral likelihood of one job against the other.

    A figure stated relative to the other job wins; otherwise it is computed from
    both jobs' shares. It is never computed from one absolute share and a guess.
    """
    stated = _stated(ctx)
    if stated is not None:
        subject, other, comparison = stated
        masters, doctoral = comparison.masters_likelihood, comparison.doctoral_likelihood
        source = f"{subject.slug}.comparisons.{comparison.against}"
        facts = {f"{source}.masters_likelihood": masters, f"{source}.doctoral_likelihood": doctoral}
    else:
        subject, other = ctx.rb, ctx.ra
        (ma, mb), (da, db) = (
            ctx.both("education.masters_share"),
            ctx.both("education.doctoral_share"),
        )
        masters = None if ma is None or mb is None else compare_quantity(mb, ma)
        doctoral = None if da is None or db is None else compare_quantity(db, da)
        masters = None if masters is None else _signed(masters)
        doctoral = None if doctoral is None else _signed(doctoral)
        facts = {
            fact_key(o, f"education.{k}"): v
            for o, k, v in (
                (ctx.a, "masters_share", ma),
                (ctx.b, "masters_share", mb),
                (ctx.a, "doctoral_share", da),
                (ctx.b, "doctoral_share", db),
            )
            if v is not None
        }
    facts = {k: v for k, v in facts.items() if v is not None}
    roles = {"subject": subject, "other": other}
    if masters is not None and doctoral is not None:
        slots = {**roles, "masters": PercentPoints(masters), "doctoral": PercentPoints(doctoral)}
        return [SentenceSpec("education.likelihood", slots, facts)]
    if masters is not None:
        return [
            SentenceSpec("education.likelihood.masters", {**roles, "masters": PercentPoints(masters)}, facts)
        ]
    if doctoral is not None:
        return [
            SentenceSpec(
                "education.likelihood.doctoral", {**roles, "doctoral": PercentPoints(doctoral)}, facts
            )
        ]
    return []


def _signed(diff: Difference) -> float:
    if diff.is_tie:
        return 0.0
    return diff.amount if diff.direction is Direction.HIGHER else -diff.amount


def _stated(ctx: Pair) -> tuple[Referent, Referent, StatedComparison] | None:
    for subject, role, other, other_role in ((ctx.b, ctx.rb, ctx.a, ctx.ra), (ctx.a, ctx.ra, ctx.b, ctx.rb)):
        comparison = subject.stated_comparison(other.slug)
        if comparison is not None and (
            comparison.masters_likelihood is not None or comparison.doctoral_likelihood is not None
        ):
            return role, other_role, comparison
    return None


_EDUCATION_ROWS: tuple[Row, ...] = (
    ("common_degree", "education.degree_cell", identity),
    ("major", "education.major", identity),
    ("college", "education.college", identity),
    ("masters_share", "education.masters_share", Percent),
    ("doctoral_share", "education.doctoral_share", Percent),
)
