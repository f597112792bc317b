"""The fact checker's rules one at a time, each shown by a false sentence caught and a true one passed.

Written to kill the mutants of src/articlegen/gates/claims.py that tests/test_claims.py let live
(docs/testing.md). The jobs' names are given here, not read from the catalog, so each test reads a
sentence and nothing else, and every expected figure is computed here with plain arithmetic.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from articlegen.gates.claims import ClaimsRead, FalseClaim, paired_facts, read_claims
from articlegen.realize.document import Sentence

A, B = "nurse-practitioners", "registered-nurses"
NAMES = {A: ("nurse practitioners", "nurse practitioner"), B: ("registered nurses", "registered nurse")}
HIGH, LOW = 80_000.0, 50_000.0  # A's salary and B's: a gap of $30,000, 60% above B, 37.5% below A, 1.6 times
MINUS = "\u2212"


def read(
    text: str,
    facts: dict[str, Any],
    names: dict[str, tuple[str, ...]] = NAMES,
    floor_of: Callable[[str], int | None] | None = None,
) -> ClaimsRead:
    sentence = Sentence(text, "salary.compare", "planted", "salary.yaml", 7, facts)
    return read_claims(sentence, lambda slug: names[slug], (A, B), floor_of)


def salaries(a: float = HIGH, b: float = LOW, **more: Any) -> dict[str, Any]:
    return {f"{A}.salary.yearly": a, f"{B}.salary.yearly": b, **more}


def problems(result: ClaimsRead) -> list[str]:
    return [f.problem for f in result.false]


def passes(result: ClaimsRead) -> bool:
    return result.comparison and result.interpreted and result.false == ()


# --- the report ----------------------------------------------------------------------------------


def test_a_false_claim_names_the_pair_the_variant_its_line_and_the_sentence():
    text = "Registered nurses earn more than nurse practitioners."
    (claim,) = read(text, salaries()).false
    assert (claim.pair, claim.message, claim.variant, claim.file, claim.line, claim.sentence) == (
        (A, B),
        "salary.compare",
        "planted",
        "salary.yaml",
        7,
        text,
    )
    assert str(claim) == (f'{A} vs {B}: salary.compare/planted @ salary.yaml:7: {claim.problem}: "{text}"')
    bare = FalseClaim((A, B), "m", "v", None, None, "S.", "wrong")
    assert str(bare) == f'{A} vs {B}: m/v: wrong: "S."'


def test_what_the_checker_returns_cannot_be_changed_afterwards():
    """Reports collect these across articles; one changed in place would change every report holding it."""
    result = read("Registered nurses earn more than nurse practitioners.", salaries())
    (claim,) = result.false
    _, (paired,) = paired_facts(salaries())
    for frozen, field in ((result, "claims"), (claim, "problem"), (paired, "a")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(frozen, field, 0)
    assert len({claim, claim}) == 1


def test_the_claims_of_a_sentence_are_counted():
    # a dollar gap, a percent and two comparatives ("more" twice): four claims, all true
    result = read("Nurse practitioners earn $30,000 more than registered nurses, or 60% more.", salaries())
    assert passes(result) and result.claims == 4
    assert read("Registered nurses earn $50,000.", salaries()).claims == 1
    assert read("Nurse practitioners earn $80,000 and registered nurses $50,000.", salaries()).claims == 2
    ratio = read("Nurse practitioners earn 1.6 times as much as registered nurses.", salaries())
    assert passes(ratio) and ratio.claims == 1
    # sameness is read first, then ratios, then each number: "both", the ratio and two amounts
    text = "Both figures: nurse practitioners earn $80,000, 1.6 times the $50,000 of registered nurses."
    assert (passes(read(text, salaries())), read(text, salaries()).claims) == (True, 4)
    shares = {f"{A}.education.share": 34.0, f"{B}.education.share": 54.0}
    points = "Both differ by 20 percentage points: 34% of nurse practitioners and 54% of registered nurses."
    assert (passes(read(points, shares)), read(points, shares).claims) == (True, 2)
    same = salaries(HIGH, HIGH)
    assert read("Nurse practitioners and registered nurses both earn the same.", same).claims == 2


# --- which facts a sentence compares ---------------------------------------------------------------


def test_paired_facts_are_the_numbers_both_jobs_have_under_one_key():
    facts = {
        f"{A}.salary.yearly": 80_000,  # an int is a number too
        f"{B}.salary.yearly": 50_000.0,
        f"{A}.education.share": 34.0,
        f"{B}.education.share": 54.0,
        f"{A}.pay.hourly": 38.5,
        f"{B}.pay.hourly": 24.0,
        f"{A}.salary.women_share": 40.0,
        f"{B}.salary.women_share": 60.0,
        f"{A}.salary.median": 79_000.0,  # only A has it
        f"{A}.outlook.fast": True,  # a flag is no number
        f"{B}.outlook.fast": False,
        f"{A}.outlook.change": float("nan"),
        f"{B}.outlook.change": 3.0,
        f"{A}.title": "Nurse Practitioner",
        f"{B}.title": "Registered Nurse",
    }
    subjects, pairs = paired_facts(facts)
    assert subjects == (A, B)
    assert [(p.key, p.a, p.b, p.kind) for p in pairs] == [
        ("salary.yearly", 80_000.0, 50_000.0, "money"),
        ("education.share", 34.0, 54.0, "percent"),
        ("pay.hourly", 38.5, 24.0, "money"),
        ("salary.women_share", 40.0, 60.0, "percent"),  # a share of a salary fact is no amount of money
    ]
    assert all(type(p.a) is float for p in pairs)
    assert paired_facts({f"{A}.salary.yearly": 1.0}) == (None, [])
    assert paired_facts({**facts, "cashiers.salary.yearly": 1.0}) == (None, [])
    assert paired_facts({f"{A}.x": float("inf"), f"{B}.x": 1.0}) == ((A, B), [])


def test_a_sentence_about_one_job_or_three_is_no_comparison():
    one = read("Nurse practitioners earn less.", {f"{A}.salary.yearly": HIGH})
    assert (one.comparison, one.claims, one.interpreted, one.false) == (False, 0, True, ())
    unshared = read("Nurse practitioners earn more.", {f"{A}.salary.yearly": HIGH, f"{B}.title": "Nurse"})
    assert (unshared.comparison, unshared.claims, unshared.false) == (False, 0, ())
    names = {**NAMES, "cashiers": ("cashiers",)}
    three = read("Cashiers earn more.", {**salaries(), "cashiers.salary.yearly": 1.0}, names)
    assert not three.comparison and three.false == ()


# --- direction ---------------------------------------------------------------------------------------


def test_the_lower_paid_job_said_to_earn_more_is_false():
    result = read("Registered nurses earn more than nurse practitioners.", salaries())
    assert problems(result) == [
        f'"more" says {B} is above {A} on salary.yearly, but the data says the opposite'
    ]
    assert passes(read("Nurse practitioners earn more than registered nurses.", salaries()))
    below = read("Nurse practitioners earn less than registered nurses.", salaries())
    assert problems(below) == [
        f'"less" says {A} is below {B} on salary.yearly, but the data says the opposite'
    ]
    assert passes(read("Registered nurses earn less than nurse practitioners.", salaries()))


@pytest.mark.parametrize("verb", ["out-earn", "out-earns", "outpace", "outpaces", "outearn"])
def test_each_up_verb_is_read(verb):
    assert passes(read(f"Nurse practitioners {verb} registered nurses.", salaries()))
    assert len(read(f"Registered nurses {verb} nurse practitioners.", salaries()).false) == 1


def test_more_slowly_is_a_down_word():
    facts = {f"{A}.outlook.change_percent": 2.0, f"{B}.outlook.change_percent": 5.0}
    assert passes(read("Jobs for nurse practitioners grow more slowly than for registered nurses.", facts))
    wrong = read("Jobs for registered nurses grow more slowly than for nurse practitioners.", facts)
    assert problems(wrong) == [
        f'"more slowly" says {B} is below {A} on outlook.change_percent, but the data says the opposite'
    ]


def test_a_comparative_before_any_name_is_about_the_first_job_named():
    assert passes(read("Higher pay goes to nurse practitioners than to registered nurses.", salaries()))
    wrong = read("Higher pay goes to registered nurses than to nurse practitioners.", salaries())
    assert len(wrong.false) == 1
    alone = read("Higher pay goes to registered nurses.", salaries())
    assert len(alone.false) == 1


def test_a_comparative_in_a_new_clause_is_about_that_clauses_first_job():
    text = "Registered nurses earn less than nurse practitioners; nurse practitioners earn more."
    assert passes(read(text, salaries()))
    wrong = "Nurse practitioners earn less than registered nurses; registered nurses earn more."
    assert len(read(wrong, salaries()).false) == 2


def test_a_whose_clause_is_about_the_job_just_before_it():
    text = "Nurse practitioners earn more than registered nurses, whose pay is lower."
    assert passes(read(text, salaries()))
    wrong = "Nurse practitioners earn more than registered nurses, whose pay is higher."
    assert problems(read(wrong, salaries())) == [
        f'"higher" says {B} is above {A} on salary.yearly, but the data says the opposite'
    ]
    alone = "Registered nurses, whose pay is lower, earn less than nurse practitioners."
    assert passes(read(alone, salaries()))
    # "whose" before any name: the comparative is about its clause's first job
    assert passes(
        read("Whose pay is higher? Nurse practitioners earn more than registered nurses.", salaries())
    )


def test_a_comparative_without_a_job_named_claims_nothing():
    result = read("Pay is higher in the city.", salaries())
    assert result.comparison and result.claims == 0 and result.false == ()


def test_data_text_is_masked_so_its_words_are_no_comparatives():
    facts = salaries(**{f"{B}.top_industry": "Higher Ground Health"})
    assert passes(read("Registered nurses at Higher Ground Health earn $50,000.", facts))


def test_names_are_matched_whole_longest_first_and_in_any_case():
    sec, legal = "secretaries-except-legal", "legal-secretaries"  # the longer name has the shorter slug
    names = {sec: ("secretaries",), legal: ("legal secretaries",)}
    facts = {f"{sec}.salary.yearly": 40_000.0, f"{legal}.salary.yearly": 50_000.0}
    sentence = Sentence("Legal secretaries earn more than secretaries.", "m", "v", "f", 1, facts)
    assert read_claims(sentence, lambda s: names[s], (sec, legal)).false == ()
    wrong = Sentence("Secretaries earn more than legal secretaries.", "m", "v", "f", 1, facts)
    assert len(read_claims(wrong, lambda s: names[s], (sec, legal)).false) == 1
    # "nurse practitionerss" is no mention; an empty name never matches
    odd = {A: ("", "nurse practitioner"), B: ("registered nurse",)}
    # so the sentence is about registered nurses, who do earn less
    assert read("Nurse practitionerss earn less than registered nurse.", salaries(), odd).false == ()


# --- percent gaps --------------------------------------------------------------------------------------


def test_a_percent_gap_is_measured_from_the_job_it_is_compared_with():
    above = f"{(HIGH - LOW) / LOW * 100:.1f}%"  # 60.0%: "more than B" is measured from B
    below = f"{(HIGH - LOW) / HIGH * 100:.1f}%"  # 37.5%: "less than A" is measured from A
    assert (above, below) == ("60.0%", "37.5%")
    assert passes(read("Nurse practitioners earn 60% more than registered nurses.", salaries()))
    assert passes(read("Registered nurses earn 37.5% less than nurse practitioners.", salaries()))
    assert problems(read("Nurse practitioners earn 37.5% more than registered nurses.", salaries())) == [
        f"37.5% should be 60%: a gap above {B} is measured from {B}'s salary.yearly"
    ]
    assert problems(read("Registered nurses earn 60% less than nurse practitioners.", salaries())) == [
        f"60% should be 37.5%: a gap below {A} is measured from {A}'s salary.yearly"
    ]


def test_a_one_digit_percent_is_checked():
    facts = salaries(52_500.0, 50_000.0)  # 2,500 / 50,000: 5%
    assert passes(read("Nurse practitioners earn 5% more than registered nurses.", facts))
    assert problems(read("Nurse practitioners earn 4% more than registered nurses.", facts)) == [
        f"4% should be 5%: a gap above {B} is measured from {B}'s salary.yearly"
    ]


def test_a_gap_between_small_shares_is_checked():
    facts = {f"{A}.workforce.share": 0.9, f"{B}.workforce.share": 0.6}  # 0.3 / 0.6: 50%; 0.9 / 0.6: 1.5
    assert passes(read("The share is 50% higher for nurse practitioners than for registered nurses.", facts))
    assert problems(
        read("The share is 40% higher for nurse practitioners than for registered nurses.", facts)
    ) == [f"40% should be 50%: a gap above {B} is measured from {B}'s workforce.share"]
    assert passes(read("Nurse practitioners' share is 1.5 times that of registered nurses.", facts))
    assert problems(read("Nurse practitioners' share is 3 times that of registered nurses.", facts)) == [
        f'"3 times" should be 1.5 times ({A} over {B})'
    ]


def test_the_percent_is_read_with_the_comparative_after_it_not_one_just_before():
    # "Less" ends within the printed percent's length before it; the percent goes with "more"
    text = "Less tax, 37.5 percent more pay: nurse practitioners over registered nurses."
    assert problems(read(text, salaries())) == [
        f"37.5 percent should be 60%: a gap above {B} is measured from {B}'s salary.yearly",
        f'"Less" says {A} is below {B} on salary.yearly, but the data says the opposite',
    ]


def test_a_comparative_at_the_very_start_is_read_for_a_later_percent():
    assert passes(read("Higher by 60%: nurse practitioners over registered nurses.", salaries()))
    wrong = read("Higher by 37.5%: nurse practitioners over registered nurses.", salaries())
    assert problems(wrong) == [f"37.5% should be 60%: a gap above {B} is measured from {B}'s salary.yearly"]


def test_a_comparative_before_the_percent_counts_when_none_follows_it():
    assert passes(read("Nurse practitioners earn more than registered nurses: 60% in all.", salaries()))
    wrong = read("Nurse practitioners earn more than registered nurses: 37.5% in all.", salaries())
    assert problems(wrong)[0].startswith("37.5% should be 60%")


def test_the_comparative_nearest_after_a_percent_is_read_within_40_characters():
    # "more" ends 40 characters after the percent: read; 41: too far, and there is none before
    filler = "x" * (40 - len(" more") - 1)
    near = read(f"Nurse practitioners earn 37.5% {filler} more than registered nurses.", salaries())
    assert len(f" {filler} more") == 40 and near.interpreted
    assert problems(near)[0].startswith("37.5% should be 60%")
    far = read(f"Nurse practitioners earn 37.5% {filler}x more than registered nurses.", salaries())
    assert far.interpreted is False and far.false == ()


def test_a_percent_with_no_comparative_is_reported_unread():
    result = read("Nurse practitioners earn 60% of what registered nurses do.", salaries())
    assert result.interpreted is False and result.false == () and result.claims == 0


def test_a_signed_percent_is_read_as_a_gap_too():
    assert problems(read("Nurse practitioners earn +37.5% more than registered nurses.", salaries())) == [
        f"+37.5% should be 60%: a gap above {B} is measured from {B}'s salary.yearly"
    ]
    assert problems(
        read(f"Registered nurses earn {MINUS}60% less than nurse practitioners.", salaries())
    ) == [f"{MINUS}60% should be 37.5%: a gap below {A} is measured from {A}'s salary.yearly"]


def test_a_fraction_in_words_is_a_share_not_a_gap():
    assert passes(read("Half of nurse practitioners earn more than registered nurses.", salaries()))


def test_a_gap_of_100_percent_or_more_is_said_as_times():
    double = salaries(100_000.0, 50_000.0)
    assert problems(read("Nurse practitioners earn 100% more than registered nurses.", double)) == [
        "100% is a gap of 100% or more printed as a percentage; say twice"
    ]
    triple = salaries(150_000.0, 50_000.0)
    assert problems(read("Nurse practitioners earn 200% more than registered nurses.", triple)) == [
        "200% is a gap of 100% or more printed as a percentage; say 3 times"
    ]
    assert passes(read("Nurse practitioners earn 99.9% more than registered nurses.", salaries(99_950.0)))


def test_a_percent_in_the_wrong_direction_is_one_false_claim():
    result = read("Registered nurses earn 60% more than nurse practitioners.", salaries())
    assert problems(result) == [
        f'"more" says {B} is above {A} on salary.yearly, but the data says the opposite'
    ]


def test_a_zero_in_another_fact_does_not_stop_the_percent_check():
    facts = {
        f"{A}.outlook.openings": 10.0,
        f"{B}.outlook.openings": 0.0,  # no base to measure a gap from
        **salaries(),
    }
    assert read("Nurse practitioners earn 60% more than registered nurses.", facts).false == ()
    assert problems(read("Nurse practitioners earn 37.5% more than registered nurses.", facts)) == [
        f"37.5% should be 60%: a gap above {B} is measured from {B}'s salary.yearly"
    ]


def test_a_fact_that_goes_the_other_way_does_not_stop_the_percent_check():
    facts = salaries(**{f"{A}.employment.jobs": 1000.0, f"{B}.employment.jobs": 1500.0})  # B: 50% more jobs
    assert passes(read("Registered nurses hold 50% more jobs than nurse practitioners.", facts))
    assert problems(read("Registered nurses hold 40% more jobs than nurse practitioners.", facts)) == [
        f"40% should be 50%: a gap above {A} is measured from {A}'s employment.jobs"
    ]


def test_a_printed_share_of_one_job_is_no_gap():
    facts = salaries(**{f"{A}.education.share": 34.0, f"{B}.education.share": 54.0})
    text = "Nurse practitioners earn more than registered nurses, and 34% of them hold a degree."
    assert passes(read(text, facts))
    shrink = {f"{A}.outlook.change_percent": -2.0, f"{B}.outlook.change_percent": 4.0}
    assert passes(read("Jobs for nurse practitioners shrink 2%, fewer than for registered nurses.", shrink))


def test_a_percentage_point_gap_is_the_plain_difference_of_the_shares():
    facts = {f"{A}.education.share": 34.0, f"{B}.education.share": 54.0}
    right = read(
        "Registered nurses hold degrees 20 percentage points more often than nurse practitioners.", facts
    )
    assert passes(right)
    wrong = read(
        "Registered nurses hold degrees 21 percentage points more often than nurse practitioners.", facts
    )
    assert problems(wrong) == ["21 percentage points is not the gap between the two shares (20)"]
    signed = read(f"Nurse practitioners: {MINUS}20 percentage points against registered nurses.", facts)
    assert signed.false == () and signed.claims == 1


# --- ratios ------------------------------------------------------------------------------------------


def test_times_is_the_first_jobs_value_over_the_others():
    assert f"{HIGH / LOW:.1f}" == "1.6"
    assert passes(read("Nurse practitioners earn 1.6 times as much as registered nurses.", salaries()))
    assert problems(read("Nurse practitioners earn 1.5 times as much as registered nurses.", salaries())) == [
        f'"1.5 times" should be 1.6 times ({A} over {B})'
    ]
    assert problems(read("Nurse practitioners earn twice as much as registered nurses.", salaries())) == [
        f'"twice" should be 1.6 times ({A} over {B})'
    ]
    assert passes(read("Nurse practitioners earn twice as much.", salaries(100_000.0, 50_000.0)))


def test_a_large_ratio_is_read_with_its_thousands_separator():
    assert passes(
        read("Nurse practitioners earn 1,000 times as much as registered nurses.", salaries(1e6, 1e3))
    )


def test_a_ratio_to_zero_is_refused():
    result = read("Nurse practitioners earn 3 times as much as registered nurses.", salaries(50_000.0, 0.0))
    assert problems(result) == [f'"3 times" should be undefined ({A} over {B})']


def test_a_ratio_with_no_job_named_is_reported_unread():
    result = read("Pay is 1.6 times as high.", salaries())
    assert result.interpreted is False and result.false == () and result.claims == 0


# --- dollar gaps ---------------------------------------------------------------------------------------


def test_a_dollar_amount_is_a_value_or_the_gap_of_the_printed_values():
    facts = salaries(38_589.4, 36_977.6)
    gap = 38_589 - 36_978  # $1,611 from the amounts as printed; from the raw values it would be $1,612
    assert passes(read(f"Nurse practitioners earn ${gap:,} more than registered nurses.", facts))
    assert problems(read("Nurse practitioners earn $1,612 more than registered nurses.", facts)) == [
        "$1,612 is neither job's salary.yearly nor their gap, $1,611"
    ]
    assert passes(read("Nurse practitioners earn $38,589 and registered nurses $36,978.", facts))
    halves = salaries(50_000.5, 40_000.4)  # printed $50,001 and $40,000 (halves round up): a $10,001 gap
    assert passes(read("Nurse practitioners earn $10,001 more than registered nurses.", halves))
    assert len(read("Nurse practitioners earn $10,000 more than registered nurses.", halves).false) == 1


def test_a_dollar_gap_is_positive_whichever_job_earns_more():
    assert passes(read("Registered nurses earn $30,000 more than nurse practitioners.", salaries(LOW, HIGH)))


def test_another_amount_of_the_sentence_is_no_gap():
    facts = salaries(**{f"{A}.salary.median": 79_000.0})
    assert passes(read("Nurse practitioners earn $80,000 on average and $79,000 at the median.", facts))


def test_a_dollar_amount_beside_shares_only_is_not_checked():
    facts = {f"{A}.education.share": 34.0, f"{B}.education.share": 54.0}
    result = read("Registered nurses pay $999 for a course, more often than nurse practitioners.", facts)
    assert result.false == () and result.claims == 1  # the direction only


# --- sameness -------------------------------------------------------------------------------------------


def test_as_do_claims_equal_values_even_when_both_are_printed():
    facts = {f"{A}.education.share": 34.0, f"{B}.education.share": 54.0}
    result = read("34% of nurse practitioners have one, as do 54% of registered nurses.", facts)
    assert problems(result) == ['"as do" claims equal education.share, but the values are 34 and 54']
    equal = {f"{A}.education.share": 34.04, f"{B}.education.share": 33.96}  # both print as 34%
    assert passes(read("34% of nurse practitioners have one, as do 34% of registered nurses.", equal))


def test_both_is_false_only_when_a_differing_value_is_not_printed():
    facts = {f"{A}.education.share": 34.0, f"{B}.education.share": 54.0}
    assert passes(read("Both: 34% of nurse practitioners and 54% of registered nurses.", facts))
    one = read("Nurse practitioners and registered nurses both stand at 34%.", facts)
    assert problems(one) == ['"both" claims equal education.share, but the values are 34 and 54']
    assert one.claims == 1


def test_a_sameness_word_is_reported_in_lower_case():
    result = read("Equal pay for nurse practitioners and registered nurses.", salaries())
    assert problems(result) == ['"equal" claims equal salary.yearly, but the values are $80,000 and $50,000']


def test_a_hedged_sameness_claims_nothing():
    facts = {f"{A}.education.share": 34.0, f"{B}.education.share": 54.0}
    result = read("Nurse practitioners and registered nurses are nearly the same.", facts)
    assert result.false == () and result.claims == 0


def test_a_hedged_sameness_does_not_hide_the_next_one():
    text = "Nurse practitioners are nearly the same as registered nurses; both earn $80,000."
    assert problems(read(text, salaries())) == [
        '"both" claims equal salary.yearly, but the values are $80,000 and $50,000'
    ]


@pytest.mark.parametrize("phrase", ["as do", "as does", "as are", "as is"])
def test_each_as_phrase_claims_equal_values(phrase):
    facts = {f"{A}.education.share": 34.0, f"{B}.education.share": 54.0}
    text = f"34% of nurse practitioners hold one, {phrase} 54% of registered nurses."
    assert problems(read(text, facts)) == [
        f'"{phrase}" claims equal education.share, but the values are 34 and 54'
    ]


def test_sameness_is_judged_on_the_values_as_printed():
    same_dollars = salaries(50_000.2, 50_000.4)  # both print as $50,000
    assert passes(read("Nurse practitioners and registered nurses both earn $50,000.", same_dollars))
    assert passes(read("Nurse practitioners and registered nurses earn the same.", same_dollars))
    same_share = {f"{A}.education.share": 34.04, f"{B}.education.share": 33.96}
    assert passes(read("Nurse practitioners and registered nurses both stand at 34%.", same_share))
    apart = salaries(50_000.2, 50_001.4)
    assert len(read("Nurse practitioners and registered nurses earn the same.", apart).false) == 1


def test_signed_values_printed_count_for_both():
    facts = {f"{A}.outlook.change_percent": -5.0, f"{B}.outlook.change_percent": 3.0}
    text = f"Jobs change by {MINUS}5% for nurse practitioners and +3% for registered nurses, both by 2034."
    assert passes(read(text, facts))


# --- superlatives ranked with a floor ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "area"), [("state", "states"), ("metro", "metro areas"), ("industry", "industries")]
)
def test_a_superlative_must_name_the_floor_of_its_ranking(kind, area):
    facts = {f"{A}.top_pay.{kind}": "Alaska", f"{A}.top_pay.min_jobs": 1000}
    result = read("Nurse practitioners earn the most in Alaska.", facts)
    assert (result.comparison, result.claims, result.interpreted) == (True, 1, True)
    assert problems(result) == [
        f"a superlative over all {area}, but the data ranks only {area} with at least 1,000 "
        f"of the job's jobs ({A}.top_pay.min_jobs)"
    ]
    qualified = read(
        f"Among {area} with at least 1,000 of them, nurse practitioners earn the most in Alaska.", facts
    )
    assert passes(qualified) and qualified.claims == 1


def test_only_the_floor_itself_qualifies_a_superlative():
    facts = {f"{A}.top_pay.state": "Alaska", f"{A}.top_pay.min_jobs": 1000, f"{A}.top_pay.pay": 150_000.0}
    qualified = (
        "Among states with at least 1,000 of them, nurse practitioners earn the most in Alaska: $150,000."
    )
    assert passes(read(qualified, facts))
    other = read("Nurse practitioners earn the most in Alaska, 12 of them at $150,000.", facts)
    assert len(other.false) == 1 and "at least 1,000" in other.false[0].problem


def test_a_floor_without_a_place_ranked_is_no_superlative():
    facts = salaries(**{f"{A}.top_pay.min_jobs": 1000})
    assert passes(read("Nurse practitioners earn more than registered nurses.", facts))


def test_the_floor_comes_from_the_data_when_the_sentence_leaves_it_out():
    facts = {f"{A}.top_pay.state": "Alaska", f"{B}.top_pay.state": "Maine"}
    floors = {A: 1000, B: None}
    result = read("Nurse practitioners earn the most in Alaska.", facts, floor_of=floors.get)
    assert problems(result) == [
        f"a superlative over all states, but the data ranks only states with at least 1,000 "
        f"of the job's jobs ({A}.top_pay.min_jobs)"
    ]
    assert read("Nurse practitioners earn the most in Alaska.", facts, floor_of=lambda _: None).claims == 0
    assert read("Nurse practitioners earn the most in Alaska.", facts).claims == 0  # no floor anywhere


# --- against the all-occupations figure -------------------------------------------------------------


@pytest.mark.parametrize(
    ("own", "benchmark"),
    [
        ("outlook.change_percent", "outlook.all_occupations_change_percent"),
        ("workforce.median_age", "workforce.all_median_age"),
        ("workforce.women_share", "workforce.all_women_share"),
    ],
)
def test_a_job_is_where_the_sentence_puts_it_against_all_occupations(own, benchmark):
    facts = {f"{A}.{own}": 5.0, f"{A}.{benchmark}": 3.1}
    above = read("Nurse practitioners stand above the 3.1% for all occupations.", facts)
    assert passes(above) and above.claims == 1
    assert problems(read("Nurse practitioners stand below the 3.1% for all occupations.", facts)) == [
        f"says {A} is below the all-occupations figure on {own}, but 5 is above 3.1"
    ]
    assert problems(
        read("The figure for nurse practitioners matches the 3.1% for all occupations.", facts)
    ) == [f"says {A} is equal to the all-occupations figure on {own}, but 5 is above 3.1"]


def test_every_job_a_benchmark_sentence_names_must_stand_where_it_says():
    facts = {
        f"{A}.outlook.change_percent": 5.0,
        f"{A}.outlook.all_occupations_change_percent": 3.1,
        f"{B}.outlook.change_percent": 2.0,
        f"{B}.outlook.all_occupations_change_percent": 3.1,
    }
    result = read("Both grow faster than the 3.1% for all occupations.", facts)
    assert result.claims == 2
    assert problems(result) == [
        f"says {B} is above the all-occupations figure on outlook.change_percent, but 2 is below 3.1"
    ]


def test_each_clause_of_a_benchmark_sentence_speaks_of_the_jobs_it_names():
    facts = {
        f"{A}.outlook.change_percent": 5.0,
        f"{A}.outlook.all_occupations_change_percent": 3.1,
        f"{B}.outlook.change_percent": 2.0,
        f"{B}.outlook.all_occupations_change_percent": 3.1,
    }
    text = "Nurse practitioners grow faster than the 3.1% for all occupations; registered nurses grow slower."
    result = read(text, facts)
    assert passes(result) and result.claims == 2
    swapped = (
        "Registered nurses grow faster than the 3.1% for all occupations; nurse practitioners grow slower."
    )
    assert problems(read(swapped, facts)) == [
        f"says {B} is above the all-occupations figure on outlook.change_percent, but 2 is below 3.1",
        f"says {A} is below the all-occupations figure on outlook.change_percent, but 5 is above 3.1",
    ]


def test_equal_to_the_benchmark_is_judged_as_printed():
    facts = {f"{A}.outlook.change_percent": 3.14, f"{A}.outlook.all_occupations_change_percent": 3.1}
    assert passes(read("Jobs for nurse practitioners grow as fast as the 3.1% for all occupations.", facts))
    faster = read("Jobs for nurse practitioners grow faster than the 3.1% for all occupations.", facts)
    assert problems(faster) == [
        f"says {A} is above the all-occupations figure on outlook.change_percent, but 3.1 is equal to 3.1"
    ]


def test_a_benchmark_sentence_without_a_comparative_is_reported_unread():
    facts = {f"{A}.outlook.change_percent": 5.0, f"{A}.outlook.all_occupations_change_percent": 3.1}
    result = read("Nurse practitioners: 5%; all occupations: 3.1%.", facts)
    assert result.comparison and result.interpreted is False and result.claims == 0
    alone = {f"{A}.outlook.all_occupations_change_percent": 3.1, **salaries()}  # no own figure to judge
    assert passes(read("Nurse practitioners earn more than registered nurses.", alone))


# --- a percent about a later fact, and a gap to zero ------------------------------------------


def test_a_percent_about_any_paired_fact_is_read_against_that_fact():
    """(1,500 − 1,000) ÷ 1,000 = 50%: the jobs, not the salaries listed first (60%)."""
    facts = salaries(**{f"{A}.jobs": 1_500.0, f"{B}.jobs": 1_000.0})
    text = "Nurse practitioners earn more than registered nurses and hold 50% more jobs than them."
    assert passes(read(text, facts))
    wrong = read(text.replace("50%", "55%"), facts)
    assert problems(wrong) and "55% should be 60%" in problems(wrong)[0]


def test_a_gap_down_to_zero_is_a_one_line_problem_not_a_crash():
    facts = {f"{A}.workforce.women_share": 20.0, f"{B}.workforce.women_share": 0.0}
    result = read("Registered nurses trail nurse practitioners by 100%.", facts)
    assert any("100% or more" in p for p in problems(result))
