"""Every page ends with its Sources: a list of the citations, one an item, then O*NET's notice.

A citation holds commas of its own ("U.S. Bureau of Labor Statistics, OEWS, May 2025"), so
citations joined in one sentence read as one long list; as list items they stand apart, in
the form a citation takes in a list. In running text a name such as "the U.S. Bureau of Labor
Statistics" or "the University of California, Berkeley" takes "the".
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import pytest

from articlegen import Generator
from articlegen.corpus.pairs import golden_pairs_path, read_pairs_csv, select_pairs
from articlegen.facts.occupation import Occupation
from articlegen.realize.document import Document, ListBlock, ParagraphBlock, Section, Sentence

from .conftest import FULL, PARTIAL, ROOT

GOLDEN_PAIRS = [(row.a, row.b) for row in read_pairs_csv(golden_pairs_path())]
HAND = (*FULL, *PARTIAL)
ONET_NOTICE = json.loads((ROOT / "data" / "onet" / "onet-29.3.json").read_text(encoding="utf-8"))[
    "provenance"
]["attribution"]
# Fact keys (<slug>.<field>...) of the groups taken from O*NET: a page stating one carries its notice.
ONET_FIELDS = ("work", "skill_ratings", "requirements", "alternate_titles", "technologies")
# Names that take "the" in running text, as the editors' records and the datasets write them.
NEEDS_THE = re.compile(r"(?<![\w.])(U\.S\. Bureau|University of|O\*NET \d[\d.]* Database)")


@pytest.fixture(scope="module")
def oews_pairs(generator) -> list[tuple[str, str]]:
    """A fixed, hash-spread sample of pairs of OEWS records."""
    hand = set(HAND)
    pairs = select_pairs("all", generator.catalog, limit=60).pairs
    return [p for p in pairs if not hand & set(p)][:24]


@pytest.fixture(scope="module")
def overview_slugs(oews_pairs) -> list[str]:
    return ["collections-associate", *dict.fromkeys(a for a, _ in oews_pairs[:10])]


def _sources(document: Document) -> Section:
    """The Sources section, which must be the page's last."""
    last = document.sections[-1]
    assert last.id == "sources", f"{document.subjects}: the last section is {last.id!r}, not the sources"
    return last


def _records(generator: Generator, document: Document) -> list[Occupation]:
    return [generator.catalog.occupations[slug] for slug in document.subjects]


def _citations(records: Sequence[Occupation], *, overview: bool) -> list[str]:
    """What the page must cite: each record's sources, each once, in page order. Overview pages
    state no workforce figure, so they do not cite the survey behind them."""
    unused: set[str] = set()
    if overview:
        unused = {
            c for o in records if o.workforce and o.workforce.source for c in o.workforce.source.split("; ")
        }
    return list(dict.fromkeys(s for o in records for s in o.sources if s not in unused))


def _listed(section: Section) -> list[str]:
    lists = [b for b in section.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1, f"the Sources section has {len(lists)} lists, not one"
    assert lists[0].lead is not None and lists[0].lead.message is not None, "the list has no lead sentence"
    return [item.text for item in lists[0].items]


def _states_onet_facts(document: Document) -> bool:
    return any(
        key.split(".", 2)[1] in ONET_FIELDS
        for sentence in document.sentences()
        for key in sentence.facts
        if "." in key
    )


def _running_text(document: Document) -> list[Sentence]:
    """Sentences worded by the phrasebanks (not list items quoting data, not notices)."""
    return [s for s in document.prose() if s.message is not None]


def _check_the(document: Document) -> list[str]:
    bad = []
    for sentence in _running_text(document):
        for found in NEEDS_THE.finditer(sentence.text):
            if not sentence.text[: found.start()].lower().endswith("the "):
                bad.append(f"{sentence.message}/{sentence.variant}: {sentence.text}")
    return bad


def _check_article(generator: Generator, document: Document) -> None:
    section = _sources(document)
    records = _records(generator, document)
    assert _listed(section) == _citations(records, overview=False)
    notices = [s.text for b in section.blocks if isinstance(b, ParagraphBlock) for s in b.sentences]
    if _states_onet_facts(document):
        assert notices == [ONET_NOTICE], "a page that states O*NET facts ends with its notice, word for word"
    assert _check_the(document) == []


# --- comparison articles -------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), GOLDEN_PAIRS, ids=lambda s: s)
def test_every_golden_article_ends_with_its_citations_listed(generator, a, b):
    _check_article(generator, generator.document(a, b))


def test_oews_articles_end_with_their_citations_listed(generator, oews_pairs):
    assert len(oews_pairs) >= 20
    for a, b in oews_pairs:
        _check_article(generator, generator.document(a, b))


def test_the_markdown_ends_with_the_list_and_the_notice(generator):
    text = generator.generate("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks")
    sources = text.split("\n## Sources\n", 1)[1]
    assert "\n## " not in sources
    record = generator.catalog.find("bill-and-account-collectors")
    for citation in record.sources:
        assert f"\n- {citation}\n" in sources
    assert text.rstrip().endswith(ONET_NOTICE)


def test_every_hand_written_record_says_where_its_figures_come_from(generator):
    for slug in HAND:
        assert generator.catalog.occupations[slug].sources, f"{slug}: no sources"


@pytest.mark.parametrize("b", [s for s in HAND if s != "collections-associate"])
def test_hand_written_articles_cite_their_records_sources(generator, b):
    document = generator.document("collections-associate", b)
    records = _records(generator, document)
    listed = _listed(_sources(document))
    assert listed and set(listed) == {s for o in records for s in o.sources}


def test_a_lead_agrees_with_the_number_of_citations(generator):
    one = generator.document("collections-associate", "account-representative")
    many = generator.document("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks")
    for document, count in ((one, 1), (many, 5)):
        lead = next(b for b in _sources(document).blocks if isinstance(b, ListBlock)).lead
        assert lead is not None and len(_listed(_sources(document))) == count
        assert ("sources" in lead.text.lower()) is (count > 1), lead.text


@pytest.mark.parametrize("seed", range(6))
def test_a_university_takes_the_in_running_text(generator, seed):
    # Comparison articles leave the best-paying employer to their salary table; the overview page
    # says it in a sentence.
    page = generator.overview_document("collections-coordinator", seed=seed)
    assert "the university of california, berkeley" in " ".join(s.text for s in _running_text(page)).lower()
    assert _check_the(page) == []
    for other in ("collections-associate", "account-representative"):
        for pair in (("collections-coordinator", other), (other, "collections-coordinator")):
            assert _check_the(generator.document(*pair, seed=seed)) == []


# --- overview pages ---------------------------------------------------------------------------


def test_every_overview_page_ends_with_sources(generator, overview_slugs):
    for slug in overview_slugs:
        document = generator.overview_document(slug)
        section = _sources(document)
        texts = [s.text for s in _section_sentences(section)]
        for citation in _citations(_records(generator, document), overview=True):
            assert any(citation in text for text in texts), (slug, citation)
        if _states_onet_facts(document):
            assert texts[-1] == ONET_NOTICE


def test_the_hand_written_overview_page_cites_its_records(generator):
    document = generator.overview_document("collections-associate")
    text = " ".join(s.text for s in _section_sentences(_sources(document)))
    for record in _records(generator, document):
        assert record.sources and all(citation in text for citation in record.sources)


def test_overview_pages_list_their_citations_one_an_item(generator, overview_slugs):
    for slug in overview_slugs:
        document = generator.overview_document(slug)
        records = _records(generator, document)
        assert _listed(_sources(document)) == _citations(records, overview=True), slug


def test_overview_pages_name_no_bureau_without_the_in_running_text(generator, overview_slugs):
    for slug in overview_slugs:
        assert _check_the(generator.overview_document(slug)) == [], slug


def _section_sentences(section: Section) -> list[Sentence]:
    found: list[Sentence] = []
    for block in section.blocks:
        if isinstance(block, ParagraphBlock):
            found.extend(block.sentences)
        elif isinstance(block, ListBlock):
            found.extend([*([block.lead] if block.lead else []), *block.items])
    return found
