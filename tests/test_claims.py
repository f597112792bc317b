"""What comparison sentences claim, read as a reader reads them and checked against the raw facts.

Expected figures are computed here from the data, with plain arithmetic, not with the
planner's or the checker's helpers.
"""

from __future__ import annotations

import itertools

import pytest

from articlegen import open_generator
from articlegen.gates.claims import read_claims
from articlegen.gates.verify import subject_names, verify_pairs
from articlegen.realize.document import Sentence

from .conftest import plant_variant

NP, RN = "nurse-practitioners", "registered-nurses"


@pytest.fixture(scope="module")
def salaries(generator):
    return {slug: generator.catalog.find(slug).salary.yearly for slug in (NP, RN)}


def _read(generator, text: str, facts: dict):
    sentence = Sentence(text, "salary.compare", "planted", "salary.yaml", 1, facts)
    return read_claims(sentence, lambda slug: subject_names(generator.catalog, [slug]), (NP, RN))


def _salary_facts(salaries):
    return {f"{NP}.salary.yearly": salaries[NP], f"{RN}.salary.yearly": salaries[RN]}


def _pct(x: float) -> str:
    return f"{round(x, 1):.1f}%"


def test_trail_by_is_measured_from_the_job_it_trails(generator, salaries):
    high, low = salaries[NP], salaries[RN]
    assert high > low
    gap = f"${round(high - low):,}"
    from_higher, from_lower = _pct((high - low) / high * 100), _pct((high - low) / low * 100)
    assert from_higher != from_lower
    right = _read(
        generator,
        f"Registered nurses trail nurse practitioners by {gap}, or {from_higher}.",
        _salary_facts(salaries),
    )
    wrong = _read(
        generator,
        f"Registered nurses trail nurse practitioners by {gap}, or {from_lower}.",
        _salary_facts(salaries),
    )
    assert right.comparison and right.false == () and right.interpreted
    assert [f.problem.split(":")[0] for f in wrong.false] == [f"{from_lower} should be {from_higher}"]
    more = _read(
        generator, f"Nurse practitioners earn {gap} more, or {from_lower} more.", _salary_facts(salaries)
    )
    assert more.false == ()


def test_the_lower_paid_job_said_to_earn_more_is_false(generator, salaries):
    gap = f"${round(salaries[NP] - salaries[RN]):,}"
    read = _read(
        generator,
        f"Registered nurses earn {gap} more a year than nurse practitioners.",
        _salary_facts(salaries),
    )
    assert len(read.false) == 1 and "the data says the opposite" in read.false[0].problem


def test_a_gap_of_100_percent_or_more_is_said_as_times(generator):
    facts = {f"{NP}.salary.yearly": 300000.0, f"{RN}.salary.yearly": 100000.0}
    as_percent = _read(generator, "Nurse practitioners earn 200% more than registered nurses.", facts)
    assert len(as_percent.false) == 1 and "say 3 times" in as_percent.false[0].problem
    assert (
        _read(generator, "Nurse practitioners earn 3 times as much as registered nurses.", facts).false == ()
    )
    wrong = _read(generator, "Nurse practitioners earn twice as much as registered nurses.", facts)
    assert len(wrong.false) == 1 and "should be 3 times" in wrong.false[0].problem


@pytest.mark.parametrize(
    ("text", "equal"),
    [
        ("34% of nurse practitioners have one, as do 54% of registered nurses.", False),
        ("34% of nurse practitioners have one, as do 34% of registered nurses.", True),
        ("Among nurse practitioners, 34% are women, as are 54% of registered nurses.", False),
        ("Nurse practitioners and registered nurses both stand at 34%.", False),
        ("34% of nurse practitioners and nearly the same share of registered nurses, 54%, have one.", True),
    ],
)
def test_as_do_and_both_claim_equal_values(generator, text, equal):
    b_share = 34.0 if equal else 54.0
    facts = {f"{NP}.education.share": 34.0, f"{RN}.education.share": b_share}
    read = _read(generator, text, facts)
    assert read.comparison
    assert (read.false == ()) is (equal or "nearly" in text)


def test_a_dollar_gap_is_the_difference_of_the_printed_amounts(generator):
    facts = {f"{NP}.salary.yearly": 38589.4, f"{RN}.salary.yearly": 36977.6}
    shown_gap = round(38589.4) - round(36977.6)  # what a reader computes from the two figures
    ok = _read(generator, f"Nurse practitioners earn ${shown_gap:,} more.", facts)
    off = _read(generator, f"Nurse practitioners earn ${shown_gap + 1:,} more.", facts)
    assert ok.false == ()
    assert len(off.false) == 1 and f"${shown_gap + 1:,} is neither" in off.false[0].problem


def test_a_sentence_about_one_job_is_no_comparison(generator):
    read = _read(generator, "Nurse practitioners earn $132,050 a year.", {f"{NP}.salary.yearly": 132050.0})
    assert not read.comparison and read.claims == 0


# --- faults planted into a copy of the phrasebanks -----------------------------------------


def _pairs(generator) -> list[tuple[str, str]]:
    hand = sorted(e.slug for e in generator.catalog.entries.values() if e.source == "hand")
    # accountants grow faster than all occupations and short-order cooks slower: a split benchmark
    split = ("accountants-and-auditors", "cooks-short-order")
    return [*itertools.permutations(hand, 2), (NP, RN), (RN, NP), ("pediatric-surgeons", "cashiers"), split]


PLANTS = {
    "a-wrong-base": (
        "salary.yaml",
        "salary.compare",
        "{{ lower | plural }} trail {{ higher | plural }} by {{ difference }} a year, or {{ percent_more }}.",
        "should be",
    ),
    "b-swapped-direction": (
        "salary.yaml",
        "salary.compare",
        "{{ lower | plural }} earn {{ difference }} more a year than {{ higher | plural }}.",
        "the data says the opposite",
    ),
    "c-ratio-as-percent": (
        "salary.yaml",
        "salary.compare.times",
        "{{ higher | plural }} earn {{ ((higher_salary - lower_salary) / lower_salary * 100) | percent }}"
        " more than {{ lower | plural }}.",
        "printed as a percentage",
    ),
    "d-unqualified-superlative": (
        "salary.yaml",
        "salary.best.ranked",
        "{{ role | plural }} are paid best in the {{ industry }} industry ({{ industry_pay }}),"
        " in {{ state }} ({{ state_pay }}), and in {{ metro }} ({{ metro_pay }}).",
        "a superlative over all",
    ),
    "f-split-benchmark-swapped": (
        "outlook.yaml",
        "outlook.average.split",
        "{{ below | plural }} are projected to grow faster than the {{ average }} BLS projects for all"
        " occupations; {{ above | plural }}, more slowly.",
        "the all-occupations figure",
    ),
    "d-unqualified-industry": (
        "salary.yaml",
        "salary.industry.ranked",
        "The {{ industry }} industry pays {{ role | plural }} best: {{ pay }} a year on average.",
        "a superlative over all industries",
    ),
    "e-as-do-unequal": (
        "education.yaml",
        "education.degree.same",
        "{{ a_share }} of {{ a | plural }} hold {{ degree | a_an }},"
        " as do {{ b_share }} of {{ b | plural }}.",
        "claims equal",
    ),
    "e-both-unequal": (
        "salary.yaml",
        "salary.compare",
        "{{ higher | plural }} and {{ lower | plural }} both earn {{ higher_salary }} a year.",
        "claims equal",
    ),
    "f-gap-off-by-one": (
        "salary.yaml",
        "salary.compare",
        "{{ higher | plural }} earn {{ (difference + 1) | money }} more a year than {{ lower | plural }}.",
        "nor their gap",
    ),
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_a_planted_false_claim_is_caught_with_its_variant_and_line(tmp_path, generator, plant):
    file, message, text, problem = PLANTS[plant]
    bank = plant_variant(tmp_path, file, message, text)
    report = verify_pairs(open_generator(phrasebank_dir=bank), _pairs(generator))
    assert report.failed
    caught = [c for c in report.false_claims if c.message == message]
    assert caught, [str(c) for c in report.false_claims]
    assert all(c.variant == "planted" and c.file and c.file.endswith(file) and c.line for c in caught)
    assert any(problem in c.problem for c in caught), [c.problem for c in caught]
    assert f"{message}/planted @ " in str(caught[0]) and f"{file}:" in str(caught[0])


def test_the_bundled_phrasebanks_make_no_false_claims(generator):
    report = verify_pairs(generator, _pairs(generator))
    assert [str(c) for c in report.false_claims] == []
    assert report.uninterpreted == ()
    assert report.comparisons > 100 and report.claims > report.comparisons


def test_a_name_inside_a_longer_name_is_not_a_mention(generator):
    """ "legal secretaries and administrative assistants" holds the other job's whole plural."""
    sec = "secretaries-and-administrative-assistants-except-legal-medical-and-executive"
    legal = "legal-secretaries-and-administrative-assistants"
    low, high = (generator.catalog.find(s).salary.yearly for s in (sec, legal))
    assert high > low
    text = (
        f"Secretaries and administrative assistants make ${round(high - low):,} a year less than legal "
        f"secretaries and administrative assistants, whose pay is {_pct((high - low) / low * 100)} higher."
    )
    facts = {f"{sec}.salary.yearly": low, f"{legal}.salary.yearly": high}
    sentence = Sentence(text, "page.compare.salary", "whose-pay", "page-compare.yaml", 1, facts)
    read = read_claims(sentence, lambda slug: subject_names(generator.catalog, [slug]), (sec, legal))
    assert read.comparison and read.claims >= 3 and read.false == ()


OVERVIEW_PLANTS = {
    # The comparisons' own places (page.compare.places.*) are planted in test_overview_claims.py.
    "pay-industry": (
        "page.pay.industry.ranked",
        "{{ role | plural }} earn the most in the {{ industry }} industry, {{ pay }} a year on average.",
        "a superlative over all industries",
    ),
}


@pytest.mark.parametrize("plant", sorted(OVERVIEW_PLANTS))
def test_an_overview_superlative_without_its_ranking_floor_is_caught(tmp_path, generator, plant):
    message, text, problem = OVERVIEW_PLANTS[plant]
    file = "page-pay.yaml" if message.startswith("page.pay.") else "page-compare.yaml"
    bank = plant_variant(tmp_path, file, message, text)
    pages = [(NP, RN), (RN, NP), ("pediatric-surgeons", "cashiers"), ("actors", "dancers")]
    report = verify_pairs(open_generator(phrasebank_dir=bank), pages, kind="overview")
    caught = [c for c in report.false_claims if c.message == message]
    assert caught and all(problem in c.problem for c in caught), [str(c) for c in report.false_claims]
    clean = verify_pairs(generator, pages, kind="overview")
    assert clean.false_claims == () and clean.uninterpreted == ()
