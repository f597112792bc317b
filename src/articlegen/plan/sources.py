"""The citations under an article or overview page: a list of them, then the licence notices."""

from __future__ import annotations

from collections.abc import Sequence

from ..facts.occupation import Occupation
from .build import Pair, paragraph, section
from .quantities import Items
from .reads import fact_key
from .spec import BulletList, Paragraph, SectionPlan, SentenceSpec, Verbatim


def plan_sources(ctx: Pair) -> SectionPlan | None:
    """Each source once, in the order the two records give them."""
    records = (ctx.a, ctx.b)
    cited = tuple(dict.fromkeys(s for o in records for s in o.sources))
    return section(
        "sources",
        SentenceSpec("heading.sources", ctx.roles()),
        [citation_list("sources.lead", records, cited), notices(records)],
    )


def citation_list(lead: str, records: Sequence[Occupation], cited: Sequence[str]) -> BulletList | None:
    """`cited` (citations of `records`) one to an item, under the message `lead`, which is told
    them so that its wording can agree in number ("this source", "these sources").

    A citation holds commas of its own ("U.S. Bureau of Labor Statistics, OEWS, May 2025"), so
    citations joined in one sentence read as a single list; as items they stand apart, each as
    its dataset or record writes it, the form of a citation in a list.
    """
    if not cited:
        return None
    facts = {fact_key(o, "sources"): o.sources for o in records if o.sources}
    items = []
    for citation in cited:
        owner = next(o for o in records if citation in o.sources)
        key = fact_key(owner, f"sources.{owner.sources.index(citation)}")
        items.append(paragraph(Verbatim(citation, key)))
    return BulletList(SentenceSpec(lead, {"sources": Items(tuple(cited))}, facts), tuple(items))


def notices(records: Sequence[Occupation]) -> Paragraph:
    """Licence notices (O*NET's CC BY 4.0 attribution), each once and word for word."""
    seen = dict.fromkeys(n for o in records for n in o.attributions)
    owner = {n: next(o for o in records if n in o.attributions) for n in seen}
    return paragraph(
        *(Verbatim(n, fact_key(owner[n], f"attributions.{owner[n].attributions.index(n)}")) for n in seen)
    )
