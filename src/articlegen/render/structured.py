"""Metadata for search engines and link previews: a page description and schema.org JSON-LD.

Both are written from the facts the article states (render/figures.py), so the markup never
claims a figure the page does not show. Only properties schema.org defines for each type are
used (tests/test_structured_data.py keeps the list, with the release it was checked against).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..realize.document import Document
from ..realize.orthography import tidy_fragment
from .figures import StatedFacts, field, number, stated_facts

DESCRIPTION_LIMIT = 155  # characters: what search result pages show of a description
ELLIPSIS = "\u2026"
# O*NET's rating facts that are not a skill's own rating (plan/ratings.py names them)
_RATING_KEYS = frozenset({"scale_low", "scale_high", "top_count", "shared_count", "top"})
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DATED = re.compile(rf"\b({'|'.join(_MONTHS)}) (\d{{4}})$")  # "..., OEWS, May 2025"


def meta_description(doc: Document, limit: int = DESCRIPTION_LIMIT) -> str:
    """The article's first sentences that fit in `limit` characters; the first alone, cut at a word
    and ended with an ellipsis, when even it is longer. Sentences that state a fact come first:
    a search result should say what the page tells ("Registered nurses fall behind software
    developers on pay"), not how it begins ("Below, … are compared …")."""
    prose = doc.prose(items=False)
    text = ""
    for sentence in [s for s in prose if s.facts] or prose:
        said = " ".join(sentence.text.split())
        if not said:
            continue
        joined = f"{text} {said}" if text else said
        if len(joined) <= limit:
            text = joined
            continue
        if not text:
            text = _cut(said, limit)
        break
    return text


def _cut(text: str, limit: int) -> str:
    room = text[: limit - len(ELLIPSIS) + 1]
    space = room.rfind(" ")
    kept = room[:space] if space > 0 else room[: limit - len(ELLIPSIS)]
    return kept.rstrip(" ,;:\u2013\u2014-") + ELLIPSIS


def structured_data(doc: Document, facts: StatedFacts | None = None) -> dict[str, Any] | None:
    """The page as a schema.org WebPage about its occupations, or None when no occupation has the
    two properties its consumers require, a name and an estimated salary.

    An overview page is about its own job alone, and is marked up with what its own sections
    state (its title names the job, its opening gives the SOC code): the short comparisons
    carry the job's figures in their facts for the arithmetic of a gap, not as figures the page
    shows there."""
    known = facts if facts is not None else stated_facts(doc)
    if doc.kind == "overview":
        known = _own_sections(doc, known)
    subjects = known.subjects[:1] if doc.kind == "overview" else known.subjects  # an overview is about one
    about = [node for slug in subjects if (node := _occupation(known, slug, doc.kind)) is not None]
    if not about:
        return None
    page: dict[str, Any] = {"@context": "https://schema.org", "@type": "WebPage", "name": doc.title.text}
    description = meta_description(doc)
    if description:
        page["description"] = description
    page["inLanguage"] = "en"
    page["about"] = about
    cited = _listed_citations(known) if doc.kind == "overview" else _citations(known, subjects)
    date = _data_date(cited)
    if date is not None:
        page["temporalCoverage"] = date  # the month the pay figures are for
    if cited:
        page["citation"] = cited
    return page


def json_ld(data: dict[str, Any]) -> str:
    """The object as a <script> element's text: `<`, `>` and `&` written as JSON escapes, so no
    data text can close the element or open a comment, whatever it holds."""
    # Compact, so the C encoder writes it: the indenting Python encoder's closures make reference
    # cycles in every page, which a bulk worker's rare collections would leave lying (test_bulk).
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _own_sections(doc: Document, facts: StatedFacts) -> StatedFacts:
    """The facts an overview page first states outside its comparisons (`compare` and each
    `compare-<slug>` section), with the title's."""
    ids = [section.id for section in doc.sections]
    kept = {
        key: value
        for key, value in facts.values.items()
        if facts.places[key][0] < 0 or not ids[facts.places[key][0]].startswith("compare")
    }
    places = {key: facts.places[key] for key in kept}
    return StatedFacts(facts.subjects, kept, places, facts.names)


def _name(facts: StatedFacts, slug: str) -> str | None:
    """A stated title or column header; else, on an overview page, the singular its title prints,
    written as a column header writes it ("Bill and account collector"), as comparisons name it."""
    name = facts.name(slug)
    singular = _text(facts.of(slug, "forms.singular"))
    return name if name is not None or singular is None else tidy_fragment(singular)


def _occupation(facts: StatedFacts, slug: str, kind: str = "comparison") -> dict[str, Any] | None:
    name, salary = _name(facts, slug), _salary(facts, slug)
    if name is None or salary is None:
        return None
    node: dict[str, Any] = {"@type": "Occupation", "name": name}
    description = _text(facts.of(slug, "description")) or _text(facts.of(slug, "work.description"))
    if kind == "overview" and facts.of(slug, "work.description_of") is not None:
        description = _text(facts.of(slug, "description"))  # O*NET's words are of one part of the group
    if description:
        node["description"] = description
    soc = _text(facts.of(slug, "soc"))
    if soc:
        node["occupationalCategory"] = soc
    node["estimatedSalary"] = [salary]
    node["occupationLocation"] = [{"@type": "Country", "name": "US"}]  # national figures, in dollars
    entry = _text(facts.of(slug, "outlook.entry_education"))
    if entry:
        node["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": entry,
        }
    # BLS's categories, as the article states them; its category "None" is said in words.
    experience = _text(facts.of(slug, "outlook.work_experience"))
    if experience == "None":
        node["experienceRequirements"] = "No work experience in a related occupation"
    elif experience:
        node["experienceRequirements"] = f"Work experience in a related occupation: {experience}"
    training = _text(facts.of(slug, "outlook.on_the_job_training"))
    if training == "None":
        node["qualifications"] = "No on-the-job training to attain competency"
    elif training:
        node["qualifications"] = f"On-the-job training to attain competency: {training}"
    skills = _skills(facts, slug)
    if skills:
        node["skills"] = skills
    return node


def _salary(facts: StatedFacts, slug: str) -> dict[str, Any] | None:
    """BLS's yearly pay distribution: the 10th and 90th percentiles and the median, where stated.
    A top-coded 90th percentile is only a floor, so it is left out."""
    figures: dict[str, Any] = {}
    span = facts.of(slug, "salary.range")
    if tuple(field(span, "percentiles") or ()) == (10, 90):
        low, high = number(field(span, "low")), number(field(span, "high"))
        if low is not None:
            figures["percentile10"] = _plain(low)
        if high is not None and field(span, "high_top_coded") is not True:
            figures["percentile90"] = _plain(high)
    median = number(facts.of(slug, "salary.median"))
    if median is not None:
        figures["median"] = _plain(median)
    if not figures:
        return None
    order = ("percentile10", "median", "percentile90")
    head = {"@type": "MonetaryAmountDistribution", "currency": "USD", "duration": "P1Y"}
    return {**head, **{k: figures[k] for k in order if k in figures}}


def _skills(facts: StatedFacts, slug: str) -> list[str]:
    """The skills the article names: resume skills, else O*NET's most important ones."""
    for key in ("skills", "skill_ratings.top"):
        named = facts.of(slug, key)
        if isinstance(named, (list, tuple)) and named:
            return [str(name) for name in named]
    rated = facts.under(slug, "skill_ratings.")
    return [name for name, value in rated.items() if name not in _RATING_KEYS and number(value) is not None]


def _citations(facts: StatedFacts, subjects: tuple[str, ...]) -> list[str]:
    cited: dict[str, None] = {}
    for slug in subjects:
        sources = facts.of(slug, "sources")
        if isinstance(sources, (list, tuple)):
            cited.update((str(source), None) for source in sources)
    return list(cited)


def _listed_citations(facts: StatedFacts) -> list[str]:
    """The citations a page lists under its Sources, in their order: an overview page cites the
    records of the jobs it compares with too, and leaves out a survey it states no figure of."""
    return list(
        dict.fromkeys(str(v) for key, v in facts.values.items() if _CITATION_KEY.fullmatch(key) and _text(v))
    )


_CITATION_KEY = re.compile(r"[^.]+\.sources\.\d+")


def _data_date(citations: list[str]) -> str | None:
    """The month the data is for, as ISO 8601 ("2025-05"), from the one citation that names one
    ("U.S. Bureau of Labor Statistics, OEWS, May 2025"); none when citations name different months."""
    months = set()
    for citation in citations:
        found = _DATED.search(citation)
        if found:
            months.add(f"{found.group(2)}-{_MONTHS.index(found.group(1)) + 1:02d}")
    return months.pop() if len(months) == 1 else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _plain(value: float) -> int | float:
    """Whole dollars as integers: "135980", as the data has them, not "135980.0"."""
    return int(value) if value.is_integer() else value
