"""verify reads what an overview page's short comparisons claim, in the messages that say them.

A comparison states the other job's figure and how it stands against the page's job (slots
`role` and `page`, page-compare.yaml): a wrong direction, a gap measured from the wrong job, a
superlative without its ranking floor are each planted in a copy of the phrasebanks, and caught
with the message that says it. The bundled phrasebanks make none of these on the same pages.
"""

from __future__ import annotations

import pytest

from articlegen import open_generator
from articlegen.gates.verify import verify_pairs

from .conftest import plant_variant

NP, RN = "nurse-practitioners", "registered-nurses"
# OEWS pages whose comparisons go both ways on pay and growth, with ranking floors, and an
# hourly-only page (actors)
PAGES = [(NP, RN), (RN, NP), ("pediatric-surgeons", "cashiers"), ("actors", "dancers"), ("cashiers", NP)]


PLANTS = {
    "pay-direction": (
        "page-compare.yaml",
        "page.compare.pay.more",
        "{{ role | plural }} earn {{ salary }} a year, {{ difference }} less than {{ page | plural }}.",
        "but the data says the opposite",
    ),
    "pay-base": (
        "page-compare.yaml",
        "page.compare.pay.more",
        "{{ role | plural }} earn {{ salary }} a year,"
        " {{ (difference / salary * 100) | percent }} more than {{ page | plural }}.",
        "should be",
    ),
    "pay-less-direction": (
        "page-compare.yaml",
        "page.compare.pay.less",
        "{{ role | plural }} out-earn {{ page | plural }} by {{ difference }}, at {{ salary }} a year.",
        "but the data says the opposite",
    ),
    "growth-direction": (
        "page-compare.yaml",
        "page.compare.growth.faster",
        "{{ role | plural }} are projected to change {{ growth }} by {{ end }},"
        " {{ points }} slower than {{ page | plural }}.",
        "but the data says the opposite",
    ),
    "growth-points": (
        "page-compare.yaml",
        "page.compare.growth.slower",
        "{{ role | plural }} are projected to change {{ growth }} by {{ end }},"
        " {{ (points * 2) | percent }} more slowly than {{ page | plural }}.",
        "should be",
    ),
    "places-floor": (
        "page-compare.yaml",
        "page.compare.places.ranked",
        "{{ role | they }} earn the most in {{ industry or state }}.",
        "a superlative over all",
    ),
    "page-places-floor": (
        "page-pay.yaml",
        "page.pay.best.ranked",
        "{{ role | plural }} earn the most in {{ state or industry }}.",
        "a superlative over all",
    ),
    "intro-benchmark": (
        "page-intro.yaml",
        "page.intro.growth.below",
        "BLS projects employment of {{ role | plural }} to change {{ growth }}, faster than the"
        " {{ average }} for all occupations.",
        "all-occupations figure",
    ),
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_a_false_claim_in_a_short_comparison_is_caught(tmp_path, plant):
    file, message, text, problem = PLANTS[plant]
    bank = plant_variant(tmp_path, file, message, text)
    report = verify_pairs(open_generator(phrasebank_dir=bank), PAGES, kind="overview")
    caught = [c for c in report.false_claims if c.message == message]
    assert caught and all(problem in c.problem for c in caught), [str(c) for c in report.false_claims]
    assert all(c.variant == "planted" and c.file.endswith(file) for c in caught)


def test_the_bundled_phrasebanks_make_no_false_claim_on_the_same_pages(generator):
    report = verify_pairs(generator, PAGES, kind="overview")
    assert report.false_claims == () and report.uninterpreted == () and report.unverified == ()
    assert report.comparisons > 20
