"""The citations under an article."""

from __future__ import annotations

from .build import Pair, paragraph, section
from .quantities import Items
from .reads import fact_key
from .spec import SectionPlan, SentenceSpec


def plan_sources(ctx: Pair) -> SectionPlan | None:
    """Each source once, in the order the two records give them."""
    cited = tuple(dict.fromkeys((*ctx.a.sources, *ctx.b.sources)))
    if not cited:
        return None
    facts = {fact_key(o, "sources"): o.sources for o in (ctx.a, ctx.b) if o.sources}
    return section(
        "sources",
        SentenceSpec("heading.sources", ctx.roles()),
        [paragraph(SentenceSpec("sources.cite", {"sources": Items(cited)}, facts))],
    )
