"""Education and training: BLS's typical entry education, experience and on-the-job training, and
the education level the largest share of O*NET's respondents say the job requires.

Who needs more schooling is read from the order of BLS's education categories, never from
their wording.
"""

from __future__ import annotations

from typing import Any, get_args

from ..facts.occupation import EntryEducation, Occupation
from .build import Pair, paragraph, section
from .quantities import Credential, SurveyShare
from .reads import fact_key
from .spec import Referent, SectionPlan, SentenceSpec

# BLS's typical entry-level education, least schooling first: the schema lists them in that order.
ENTRY_EDUCATION_ORDER: tuple[str, ...] = get_args(EntryEducation)


def plan_training(ctx: Pair) -> SectionPlan | None:
    if not any(o.outlook or o.requirements for o in (ctx.a, ctx.b)):
        return None
    return section(
        "training",
        SentenceSpec("heading.training", ctx.roles()),
        [
            paragraph(*entry_sentences(ctx, "training.entry")),
            paragraph(*_preparation(ctx)),
            paragraph(*_required(ctx)),
        ],
    )


def _entry(occupation: Occupation) -> str | None:
    return occupation.outlook.entry_education if occupation.outlook else None


def entry_sentences(ctx: Pair, stem: str) -> list[SentenceSpec]:
    ea, eb = _entry(ctx.a), _entry(ctx.b)
    if ea is not None and eb is not None:
        facts = {
            fact_key(ctx.a, "outlook.entry_education"): ea,
            fact_key(ctx.b, "outlook.entry_education"): eb,
        }
        if ea == eb:
            return [SentenceSpec(f"{stem}.same", {**ctx.roles(), "education": Credential(ea)}, facts)]
        a_more = ENTRY_EDUCATION_ORDER.index(ea) > ENTRY_EDUCATION_ORDER.index(eb)
        slots = {
            "more": ctx.ra if a_more else ctx.rb,
            "less": ctx.rb if a_more else ctx.ra,
            "more_education": Credential(ea if a_more else eb),
            "less_education": Credential(eb if a_more else ea),
        }
        return [SentenceSpec(f"{stem}.different", slots, facts)]
    for occupation, role, education in ((ctx.a, ctx.ra, ea), (ctx.b, ctx.rb, eb)):
        if education is not None:
            facts = {fact_key(occupation, "outlook.entry_education"): education}
            return [SentenceSpec(f"{stem}.one", {"role": role, "education": Credential(education)}, facts)]
    return []


def _preparation(ctx: Pair) -> list[SentenceSpec]:
    """Related work experience and on-the-job training BLS lists as typical: one sentence for both
    jobs where BLS gives them the same categories, else one a job."""
    kinds = [prepared(occupation, role) for occupation, role in ((ctx.a, ctx.ra), (ctx.b, ctx.rb))]
    if kinds[0] is not None and kinds[1] is not None:
        (kind, slots_a, facts_a), (kind_b, slots_b, facts_b) = kinds
        shared = {name: value for name, value in slots_a.items() if name != "role"}
        if kind == kind_b and shared == {name: v for name, v in slots_b.items() if name != "role"}:
            slots = {**ctx.roles(), **shared}
            return [SentenceSpec(f"training.preparation.same.{kind}", slots, {**facts_a, **facts_b})]
    return [
        SentenceSpec(f"training.preparation.{kind}", slots, facts)
        for kind, slots, facts in (found for found in kinds if found is not None)
    ]


def prepared(occupation: Occupation, role: Referent) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """What BLS lists for one job: the kind of sentence, its slots and facts; None without both."""
    outlook = occupation.outlook
    if outlook is None or outlook.work_experience is None or outlook.on_the_job_training is None:
        return None
    facts: dict[str, Any] = {
        fact_key(occupation, "outlook.work_experience"): outlook.work_experience,
        fact_key(occupation, "outlook.on_the_job_training"): outlook.on_the_job_training,
    }
    slots: dict[str, Any] = {"role": role}
    experience, training = outlook.work_experience != "None", outlook.on_the_job_training != "None"
    if experience:  # BLS's two nonzero categories; the phrasebank words each
        slots["experience"] = (
            "under_five_years" if outlook.work_experience == "Less than 5 years" else "five_years_or_more"
        )
        facts[fact_key(occupation, "outlook.work_experience_years")] = 5  # the five of both categories
    if training:
        slots["training"] = Credential(outlook.on_the_job_training)
    kind = {(True, True): "both", (True, False): "experience", (False, True): "training"}.get(
        (experience, training), "neither"
    )
    return kind, slots, facts


def top_required(occupation: Occupation) -> tuple[str, float] | None:
    """The level the largest share says the job requires; none when a share is suppressed,
    since the suppressed one may be the largest."""
    requirements = occupation.requirements
    if requirements is None or not requirements.education:
        return None
    if any(level.share is None for level in requirements.education):
        return None
    top = max(requirements.education, key=lambda level: level.share or 0)
    ties = [lv for lv in requirements.education if lv.share == top.share]
    return (top.level, top.share) if len(ties) == 1 and top.share is not None else None


def _required(ctx: Pair) -> list[SentenceSpec]:
    sentences = []
    for occupation, role in ((ctx.a, ctx.ra), (ctx.b, ctx.rb)):
        top = top_required(occupation)
        if top is not None:
            level, share = top
            facts = {fact_key(occupation, f"requirements.education.{level}"): share}
            sentences.append(_required_one(role, level, share, facts))
            continue
        published = _published(occupation)
        if published:
            sentences.append(_required_some(occupation, role, published))
    return sentences


def _published(occupation: Occupation) -> list[tuple[str, float]]:
    """The two largest published shares of a list where some share is suppressed."""
    requirements = occupation.requirements
    if requirements is None:
        return []
    shares = [(lv.level, lv.share) for lv in requirements.education if lv.share is not None and lv.share > 0]
    return sorted(shares, key=lambda pair: -pair[1])[:2]


def _required_some(
    occupation: Occupation, role: Referent, published: list[tuple[str, float]]
) -> SentenceSpec:
    """Published shares only, with no claim about which level leads: a suppressed one might."""
    facts: dict[str, Any] = {fact_key(occupation, f"requirements.education.{lv}"): v for lv, v in published}
    slots: dict[str, Any] = {"role": role}
    for n, (level, share) in enumerate(published, start=1):
        slots[f"level_{n}"], slots[f"share_{n}"] = Credential(_level_name(level)), SurveyShare(share)
    return SentenceSpec(f"training.required.{'two' if len(published) == 2 else 'one'}", slots, facts)


def _required_one(role: Referent, level: str, share: float, facts: dict[str, Any]) -> SentenceSpec:
    return SentenceSpec(
        "training.required",
        {"role": role, "level": Credential(_level_name(level)), "share": SurveyShare(share)},
        facts,
    )


def _level_name(level: str) -> str:
    """O*NET's category labels carry a parenthesis ("Associate's Degree (or other 2-year degree)")
    and Title Case; the sentence needs the name alone."""
    name = level.split(" (", 1)[0]
    return name[:1] + name[1:].lower()  # the labels hold no acronyms or names
