"""Skills: those both jobs share, those only one lists, and each job's list with shares and examples."""

from __future__ import annotations

from ..facts.occupation import Occupation
from .build import Pair, paragraph, section
from .compare import compare_skills
from .intro import same_top_skills
from .quantities import Items, Percent
from .reads import derived, fact_key
from .spec import BulletList, Referent, SectionPlan, SentenceSpec, Verbatim

DISTINCT_SKILLS = 4  # the skills section names up to four skills unique to each job
SHARED_SKILLS = 4


def plan_skills(ctx: Pair) -> SectionPlan | None:
    names_a = tuple(s.name for s in ctx.a.skills)
    names_b = tuple(s.name for s in ctx.b.skills)
    overlap = compare_skills(names_a, names_b)
    sentences: list[SentenceSpec] = []
    if names_a and names_b:
        facts = {fact_key(ctx.a, "skills"): names_a, fact_key(ctx.b, "skills"): names_b}
        # Where the intro said the top skills are the same, the shared ones left to name are the rest.
        said = same_top_skills(ctx)
        shared = [s for s in overlap.shared if s.casefold() not in said][:SHARED_SKILLS]
        if shared:
            sentences.append(SentenceSpec("skills.shared", {**ctx.roles(), "skills": Items(shared)}, facts))
        elif not overlap.shared:
            sentences.append(SentenceSpec("skills.none_shared", ctx.roles(), facts))
        for occupation, role, other, own in (
            (ctx.a, ctx.ra, ctx.rb, overlap.only_a),
            (ctx.b, ctx.rb, ctx.ra, overlap.only_b),
        ):
            if own:
                sentences.append(
                    SentenceSpec(
                        "skills.distinct",
                        {"role": role, "other": other, "skills": Items(own[:DISTINCT_SKILLS])},
                        {fact_key(occupation, "skills"): own[:DISTINCT_SKILLS]},
                    )
                )
    lists = [skill_list(o, r) for o, r in ((ctx.a, ctx.ra), (ctx.b, ctx.rb))]
    return section("skills", SentenceSpec("heading.skills", ctx.roles()), [paragraph(*sentences), *lists])


def skill_list(occupation: Occupation, role: Referent, prefix: str = "") -> BulletList | None:
    """A list of skills with their shares, for a job whose data gives shares or examples.

    Overview pages use the same list under their own messages (`prefix` "page.").
    """
    return derived(occupation, f"skills.{prefix}", lambda: _make_skill_list(occupation, role, prefix))  # type: ignore[no-any-return]


def _make_skill_list(occupation: Occupation, role: Referent, prefix: str) -> BulletList | None:
    detailed = [s for s in occupation.skills if s.share is not None or s.example is not None]
    if not detailed:
        return None
    items = []
    for skill in detailed:
        key = fact_key(occupation, f"skills.{skill.name}")
        if skill.share is not None:
            spec = SentenceSpec(
                f"{prefix}skills.item",
                {"skill": skill.name, "share": Percent(skill.share)},
                {key + ".share": skill.share},
            )
        else:
            spec = SentenceSpec(f"{prefix}skills.item.noshare", {"skill": skill.name}, {key: skill.name})
        example = Verbatim(skill.example, key + ".example") if skill.example else None
        items.append(paragraph(spec, example))
    listed = {fact_key(occupation, "skills_listed"): len(detailed)}  # the lead says whose skills follow
    return BulletList(SentenceSpec(f"{prefix}skills.list_lead", {"role": role}, listed), tuple(items))
