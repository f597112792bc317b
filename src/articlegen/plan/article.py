"""Content determination and document planning for "X vs Y" articles.

Decides which facts to state, in which order, and which message states each, from
the facts that exist: a missing fact drops its sentence or row, a section with
nothing left is dropped whole. Each part of the article has a module of its own;
directions come from compare.py, aggregation from build.py.
"""

from __future__ import annotations

from ..facts.occupation import Occupation
from .build import Pair, drop_repeated_rows
from .demographics import plan_demographics
from .duties import plan_duties
from .education import plan_education
from .intro import plan_intro, plan_overview_section
from .outlook import plan_outlook
from .ratings import plan_ratings
from .reads import fact_key, referent
from .salary import plan_salary
from .skills import plan_skills
from .sources import plan_sources
from .spec import ArticlePlan, SentenceSpec
from .training import plan_training
from .workforce import plan_workforce


def plan_article(a: Occupation, b: Occupation) -> ArticlePlan:
    ra, rb = referent(a), referent(b)
    ctx = Pair(a, b, ra, rb)
    sections = (
        plan_intro(ctx),
        plan_overview_section(ctx),
        plan_duties(a, ra),
        plan_duties(b, rb),
        plan_salary(ctx),
        # Skipped where neither job has what the section reads (OEWS records have none of it);
        # tests/test_articles.py checks the section would have been empty.
        plan_training(ctx),
        plan_education(ctx) if ctx.either("has.education") else None,
        plan_outlook(ctx),
        plan_workforce(ctx),
        plan_demographics(ctx) if ctx.either("has.demographics") else None,
        plan_ratings(ctx),
        plan_skills(ctx) if ctx.either("has.skills") else None,
        plan_sources(ctx),
    )
    return ArticlePlan(
        kind="comparison",
        pair_key=f"{a.slug}|{b.slug}",
        subjects=(a.slug, b.slug),
        # The SOC codes identify the jobs the title names and print nowhere (structured data
        # classifies them by it: render/structured.py); in prose a code reads as a range.
        title=SentenceSpec(
            "title",
            {"a": ra, "b": rb, "coordinated": ctx.coordinated()},
            {fact_key(o, "soc"): o.soc for o in (a, b) if o.soc is not None},
        ),
        sections=drop_repeated_rows(tuple(s for s in sections if s is not None)),
        missing_cell=SentenceSpec("label.missing", {}),
        referents=(ra, rb),
    )
