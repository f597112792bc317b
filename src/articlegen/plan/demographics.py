"""Who does the work: age, gender, race and ethnicity, and LGBT shares."""

from __future__ import annotations

from ..facts.occupation import GroupShare
from .build import Pair, Row, directional, flat, pair_sentence, paragraph, section, table
from .compare import compare_quantity, same_text
from .quantities import Breakdown, Labelled, Percent, Quantity
from .reads import fact_key
from .spec import SectionPlan, SentenceSpec


def plan_demographics(ctx: Pair) -> SectionPlan | None:
    age = directional(
        ctx,
        "demographics.age",
        "average_age",
        *ctx.both("average_age"),
        compare=compare_quantity,
        wrap=Quantity,
        slot="age",
    )
    gender = _group_sentences(ctx, "demographics.gender", "demographics.gender")
    race = _group_sentences(ctx, "demographics.race", "demographics.race")
    lgbt = pair_sentence(
        ctx,
        "demographics.lgbt",
        "demographics.lgbt_share",
        Percent,
        equal=lambda x, y: compare_quantity(x, y).is_tie,
        slot="share",
    )
    figures = table(ctx, "demographics", _DEMOGRAPHICS_ROWS)
    return section(
        "demographics",
        SentenceSpec("heading.demographics", ctx.roles()),
        [
            paragraph(*flat(age, gender, race, lgbt)),
            figures,
        ],
    )


def _breakdown(groups: tuple[GroupShare, ...]) -> Breakdown:
    return Breakdown(tuple(Labelled(g.group, Percent(g.share)) for g in groups))


def _group_sentences(ctx: Pair, stem: str, key: str) -> list[SentenceSpec]:
    """The largest group of the first job, with its share in each job that reports it."""
    ga: tuple[GroupShare, ...] | None
    gb: tuple[GroupShare, ...] | None
    ga, gb = ctx.both(key)
    if not ga or not gb:
        # One job's breakdown alone compares nothing, and the table beside the prose prints it whole.
        return []
    largest = max(ga, key=lambda g: g.share)
    match = next((g for g in gb if same_text(g.group, largest.group)), None)
    if match is None:  # the second job's table column shows its own groups
        return [
            SentenceSpec(
                f"{stem}.one",
                {"role": ctx.ra, "group": largest.group, "share": Percent(largest.share)},
                {fact_key(ctx.a, f"{key}.{largest.group}"): largest.share},
            )
        ]
    facts = {
        fact_key(ctx.a, f"{key}.{largest.group}"): largest.share,
        fact_key(ctx.b, f"{key}.{match.group}"): match.share,
    }
    if compare_quantity(largest.share, match.share).is_tie:  # equal as printed: said once
        slots = {**ctx.roles(), "group": largest.group, "share": Percent(largest.share)}
        return [SentenceSpec(f"{stem}.same_share", slots, facts)]
    slots = {
        **ctx.roles(),
        "group": largest.group,
        "a_share": Percent(largest.share),
        "b_share": Percent(match.share),
    }
    # "The largest group in both jobs" is a claim; make it only when the data bears it out.
    largest_in_b = max(gb, key=lambda g: g.share)
    message = f"{stem}.largest_both" if same_text(largest_in_b.group, largest.group) else stem
    return [SentenceSpec(message, slots, facts)]


_DEMOGRAPHICS_ROWS: tuple[Row, ...] = (
    ("average_age", "average_age", Quantity),
    ("gender", "demographics.gender", _breakdown),
    ("race", "demographics.race", _breakdown),
    ("lgbt", "demographics.lgbt_share", Percent),
)
