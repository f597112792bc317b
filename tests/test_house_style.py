"""The house style for numbers and punctuation at its edges: zero, signs, the step from cents to
whole dollars, the minus sign, the spelled-out count. Each case here failed to tell a mutated
rule from the real one before it was added (docs/testing.md, mutation testing)."""

from __future__ import annotations

import pytest

from articlegen.english import numbers
from articlegen.realize.orthography import tidy_fragment, tidy_sentence

MINUS = "\u2212"


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "$0"),  # no sign on zero
        (-0.001, "$0"),  # nor on an amount that rounds to zero
        (0.5, "$0.50"),  # cents under $1,000
        (-12.5, f"{MINUS}$12.50"),
        (999.994, "$999.99"),
        (999.995, "$1,000"),
        (1000.5, "$1,001"),  # whole dollars from $1,000, halves up
        (-38589.5, f"{MINUS}$38,590"),
    ],
)
def test_money_at_its_edges(amount, text):
    assert numbers.format_money(amount) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0%"),
        (-0.04, "0%"),  # rounds to zero: no minus sign
        (-0.05, f"{MINUS}0.1%"),
        (12.30, "12.3%"),
        (1234.5, "1,234.5%"),
    ],
)
def test_percent_at_its_edges(value, text):
    assert numbers.format_percent(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.5, "+0.5%"), (1, "+1%"), (0.04, "0%"), (-0.04, "0%"), (-0.5, f"{MINUS}0.5%")],
)
def test_a_signed_percent_has_a_sign_unless_it_prints_as_zero(value, text):
    assert numbers.format_signed_percent(value) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (4, None, "4.0"),
        (3.25, None, "3.3"),
        (-1.25, None, f"{MINUS}1.3"),
        (4, 2, "4.00"),
        (1234.5, 0, "1,235"),
    ],
)
def test_fixed_decimals_keep_their_zeros(value, decimals, text):
    result = numbers.format_fixed(value) if decimals is None else numbers.format_fixed(value, decimals)
    assert result == text


def test_zero_is_spelled_out_like_the_other_small_counts():
    assert numbers.spell_small(0) == "zero"
    assert numbers.spell_small(1) == "one"


def test_rounding_is_exact_for_any_finite_float():
    """Decimal's default 28 digits would refuse 1e30; the house context has room for any float."""
    assert numbers.round_half_up(1e30) == 1e30
    assert numbers.round_half_up(1.7e308) == 1.7e308
    assert numbers.round_half_up(-2.5) == -3.0


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("pay is high!", "Pay is high!"),  # a sentence that ends in its own mark takes no stop
        ("what pays more?", "What pays more?"),
        ('the sign says "stop."', 'The sign says "stop."'),
        ("pay is high (see the table.)", "Pay is high (see the table.)"),
        ("they \u201cfile papers.\u201d", "They \u201cfile papers.\u201d"),
        # US style: a closing quotation mark goes after the comma and the stop
        ("O*NET calls it \u201cfiling\u201d, then more", "O*NET calls it \u201cfiling,\u201d then more."),
        ("they \u201cfile papers\u201d.", "They \u201cfile papers.\u201d"),
        ("pay is high,.", "Pay is high."),  # a comma left before the stop goes
        ("pay ( yearly ) only", "Pay (yearly) only."),
        ("fans of Generation X ,", "Fans of Generation X."),  # only commas and semicolons are cut
        (" pay is high", "Pay is high."),  # a leading space is no clean spacing
        ('"pay" is high', '"Pay" is high.'),  # the first letter after an opening quote
        ("\u201cpay\u201d is high", "\u201cPay\u201d is high."),
        ("'pay' is high", "'Pay' is high."),
        ("eBay sellers earn more", "eBay sellers earn more."),  # a name with its own casing
    ],
)
def test_sentence_punctuation_at_its_edges(raw, tidy):
    assert tidy_sentence(raw) == tidy


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("an  X-ray technician , paid", "An X-ray technician, paid"),  # a capital after a space stays
        ("pay [ yearly ]", "Pay [yearly]"),
        ("'pay'", "'Pay'"),
    ],
)
def test_fragment_spacing_at_its_edges(raw, tidy):
    assert tidy_fragment(raw) == tidy


def test_a_heading_in_sentence_case_is_no_lowercase_sentence_start():
    """ "vs." is an abbreviation, not a full stop: sentence-case headings go on in lowercase after it."""
    from articlegen.gates.artifacts import find_artifacts

    assert find_artifacts("Account representative vs. account specialist") == []
    assert find_artifacts("Pay is high. pay is low.") != []


def test_every_heading_is_in_sentence_case(generator):
    """Each heading's words after the first are lowercase unless they are names with capitals of
    their own (acronyms, "U.S.", a state): the title-case "How the Two Careers Compare" is gone."""
    for a, b in [
        (
            "first-line-supervisors-of-office-and-administrative-support-workers",
            "architects-except-landscape-and-naval",
        ),
        ("collections-associate", "account-representative"),
    ]:
        document = generator.document(a, b)
        headings = [document.title.text] + [s.heading.text for s in document.sections if s.heading]
        for heading in headings:
            words = heading.replace(":", " ").split()[1:]
            capitalized = [w for w in words if w[:1].isupper() and not w.isupper()]
            assert capitalized == [], heading


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("The median clerk was 1 years younger.", True),
        ("Women were one percentage points more of the staff.", True),
        ("The median clerk was 1 year younger.", False),
        ("The median clerk was 41 years old.", False),
        ("Their gap is 0.1 years, 2.1 years or $1 million.", False),
        ("One of them has 1,000 jobs; the other grows 1.1 points faster.", False),
        ("It takes 0–1 months, or from 0 to 1 months, or 0-1 months.", False),  # a range's end
    ],
)
def test_a_count_of_one_takes_the_singular(text, flagged):
    from articlegen.gates.artifacts import find_artifacts, find_sentence_artifacts

    assert any(found.startswith("plural after one") for found in find_artifacts(text)) is flagged
    assert ("plural after one" in find_sentence_artifacts(text)) is flagged  # lint's one-pass check


@pytest.mark.parametrize(
    "amount, printed", [(1.0, "1 year"), (0.96, "1 year"), (2.5, "2.5 years"), (3, "3 years")]
)
def test_a_measured_gap_agrees_with_its_printed_figure(amount, printed):
    """An age gap of exactly one year is '1 year', never '1 years'; the figure keeps its decimal."""
    from articlegen.plan.quantities import Quantity
    from articlegen.wording.templating import measure

    assert measure(Quantity(amount), "year") == printed


def test_no_age_gap_reads_one_years(generator):
    """Nurse practitioners' and registered nurses' median ages (43.3, 42.3) are one year apart."""
    from articlegen.gates.artifacts import find_artifacts

    for seed in range(6):
        text = generator.generate("nurse-practitioners", "registered-nurses", seed=seed)
        assert "1 year " in text
        assert not [f for f in find_artifacts(text) if f.startswith("plural after one")]
