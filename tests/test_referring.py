"""Referring expressions: a long title is said in full a few times, then by its head noun."""

from __future__ import annotations

import re

import pytest

from articlegen.english.reference import short_forms
from articlegen.realize.document import ListBlock, ParagraphBlock
from articlegen.wording.reference import FULL_MENTIONS

SUPERVISORS = "first-line-supervisors-of-office-and-administrative-support-workers"
COLLECTORS = "bill-and-account-collectors"


def prose(document) -> list[str]:
    texts = []
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                texts += [s.text for s in block.sentences]
            elif isinstance(block, ListBlock):
                texts += [s.text for s in ((block.lead,) if block.lead else ()) + block.items]
    return texts


def count(texts: list[str], phrase: str) -> int:
    return sum(len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", t, re.IGNORECASE)) for t in texts)


@pytest.mark.parametrize(
    ("singular", "short"),
    [
        ("first-line supervisor of office and administrative support workers", "supervisor"),
        ("aerospace engineering and operations technologist or technician", "technologist"),
        ("airline pilot, copilot, or flight engineer", "airline pilot"),  # the first job a title lists
        ("credit authorizer, checker, or clerk", "credit authorizer"),
        ("computer numerically controlled tool operator", "tool operator"),  # "operators" says too little
        ("child, family, and school social worker", "school social worker"),
        ("collections and customer service worker", "customer service worker"),  # not "service worker"
        ("television, video, and film camera operator", "film camera operator"),
        ("helper to brickmasons, blockmasons, stonemasons, and tile and marble setters", "helper"),
        ("bill and account collector", None),  # four words: said in full
        # "for" starts a complement, as "of" does: not "products", which would pluralize to "productss"
        (
            "wholesale and manufacturing sales representative for technical and scientific products",
            "manufacturing sales representative",
        ),
        ("secondary school career/technical education teacher", "teacher"),  # "/" joins modifiers, not jobs
    ],
)
def test_a_long_title_is_shortened_to_its_head_noun(singular: str, short: str | None) -> None:
    assert short_forms([singular, "registered nurse"]) == (short, None)


def test_a_head_that_both_jobs_share_is_not_used() -> None:
    office = "first-line supervisor of office and administrative support workers"
    police = "first-line supervisor of police and detectives"
    assert short_forms([office, police]) == (None, None)
    # nor a head that is a word of the other job's title: "supervisors" would be both; the word
    # before the head then tells them apart
    assert short_forms([office, "sales supervisor"]) == ("first-line supervisor", None)
    literature = "postsecondary foreign language and literature teacher"
    assert short_forms([literature, "postsecondary biological science teacher"]) == (
        "literature teacher",
        None,
    )


def test_a_long_title_appears_in_full_at_most_three_times_and_then_by_its_head(generator) -> None:
    document = generator.document(SUPERVISORS, COLLECTORS)
    texts = prose(document)
    full = "first-line supervisors of office and administrative support workers"
    singular = "first-line supervisor of office and administrative support workers"
    said_in_full = count(texts, full) + count(texts, singular)
    assert 1 <= said_in_full <= FULL_MENTIONS
    shortened = count(texts, "supervisors") + count(texts, "supervisor") - said_in_full
    assert shortened >= 8  # the rest of the article, which names them in most sections
    # the short name only follows the full one: the first mention is in full
    first = next(t for t in texts if re.search(r"supervisors?\b", t, re.IGNORECASE))
    assert singular in first.lower() or full in first.lower()
    # headings and tables keep the full title
    headings = [s.heading.text for s in document.sections if s.heading]
    assert any(
        "first-line supervisor of office and administrative support workers" in h.lower() for h in headings
    )


def test_the_short_name_never_stands_for_the_other_job(generator) -> None:
    police = "first-line-supervisors-of-police-and-detectives"
    document = generator.document(SUPERVISORS, police)
    for text in prose(document):
        for m in re.finditer(r"\bsupervisors?\b", text, re.IGNORECASE):
            assert text[m.end() : m.end() + 4] == " of ", text  # always with its "of ..." phrase


def test_a_short_title_is_never_shortened(generator) -> None:
    texts = prose(generator.document("software-developers", "registered-nurses"))
    assert count(texts, "software developers") + count(texts, "software developer") > FULL_MENTIONS
    assert not any(re.search(r"(?<!software )\bdevelopers?\b", t, re.IGNORECASE) for t in texts)


def test_the_checker_reads_the_short_names(generator) -> None:
    from articlegen.gates.verify import verify_pairs

    report = verify_pairs(generator, [(SUPERVISORS, COLLECTORS), (COLLECTORS, SUPERVISORS)])
    assert report.comparisons > 10
    assert not report.false_claims and not report.uninterpreted and not report.unverified
