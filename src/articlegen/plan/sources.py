"""The citations under an article."""

from __future__ import annotations

from collections.abc import Sequence

from ..facts.occupation import Occupation
from .build import Pair, paragraph, section
from .quantities import Items
from .reads import fact_key
from .spec import Paragraph, SectionPlan, SentenceSpec, Verbatim


def plan_sources(ctx: Pair) -> SectionPlan | None:
    """Each source once, in the order the two records give them."""
    cited = tuple(dict.fromkeys((*ctx.a.sources, *ctx.b.sources)))
    if not cited:
        return None
    facts = {fact_key(o, "sources"): o.sources for o in (ctx.a, ctx.b) if o.sources}
    return section(
        "sources",
        SentenceSpec("heading.sources", ctx.roles()),
        [paragraph(SentenceSpec("sources.cite", {"sources": Items(cited)}, facts)), notices((ctx.a, ctx.b))],
    )


def notices(records: Sequence[Occupation]) -> Paragraph:
    """Licence notices (O*NET's CC BY 4.0 attribution), each once and word for word."""
    seen = dict.fromkeys(n for o in records for n in o.attributions)
    owner = {n: next(o for o in records if n in o.attributions) for n in seen}
    return paragraph(*(Verbatim(n, fact_key(owner[n], f"attributions.{i}")) for i, n in enumerate(seen)))
