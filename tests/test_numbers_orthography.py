from __future__ import annotations

from fractions import Fraction

import pytest

from articlegen.english import numbers
from articlegen.realize.orthography import tidy_fragment, tidy_sentence


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (38589, "$38,589"),
        (38589.4, "$38,589"),
        (18.55, "$18.55"),
        (18.0, "$18"),
        (1234567, "$1,234,567"),
    ],
)
def test_money(amount, text):
    assert numbers.format_money(amount) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.0, "twice"),
        (2.04, "twice"),
        (3.46, "3.5 times"),
        (9.94, "9.9 times"),
        (15.13, "15 times"),
        (2596.1, "2,596 times"),
    ],
)
def test_times(value, text):
    assert numbers.format_times(value) == text


@pytest.mark.parametrize(("value", "text"), [(43, "43%"), (34.4, "34.4%"), (59.0, "59%"), (0.04, "0%")])
def test_percent(value, text):
    assert numbers.format_percent(value) == text


def test_signed_percent_uses_a_real_minus_sign():
    assert numbers.format_signed_percent(-8) == "\u22128%"
    assert numbers.format_signed_percent(5) == "+5%"
    assert numbers.format_signed_percent(0) == "0%"


def test_small_numbers_are_spelled_out():
    assert numbers.spell_small(3) == "three"
    assert numbers.spell_small(10) == "ten"
    assert numbers.spell_small(11) == "11"
    assert numbers.spell_small(20297) == "20,297"


def test_ranges_use_an_en_dash():
    assert numbers.format_range("6", "12") == "6\u201312"
    assert numbers.format_range("6", "6") == "6"


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("  collections associates  earn more ", "Collections associates earn more."),
        ("they earn more , and more", "They earn more, and more."),
        ("pay peaks at JPMorgan Chase & Co.", "Pay peaks at JPMorgan Chase & Co."),
        ("pay peaks at JPMorgan Chase & Co..", "Pay peaks at JPMorgan Chase & Co."),
        ("a list, , with a gap", "A list, with a gap."),
        ("ends with a comma,", "Ends with a comma."),
        ("annually.While it differs", "Annually. While it differs."),
        ("duties include:", "Duties include:"),
        ("$38,589 is the average", "$38,589 is the average."),
        ("iOS developers earn more", "iOS developers earn more."),
    ],
)
def test_tidy_sentence(raw, tidy):
    assert tidy_sentence(raw) == tidy


def test_fragments_get_no_stop():
    assert tidy_fragment("what does a boss do?") == "What does a boss do?"
    assert tidy_fragment("salary  range") == "Salary range"


# Exact halves, computed as fractions: a reader rounds them up, where float's round() goes to even
# or, for 3.05 (stored as 3.0499...), down.
@pytest.mark.parametrize(
    ("numerator", "denominator", "times"),
    [(89_730, 39_880, "2.3 times"), (204_350, 67_000, "3.1 times"), (3, 2, "1.5 times"), (21, 2, "11 times")],
)
def test_a_ratio_on_an_exact_half_rounds_up(numerator, denominator, times):
    exact = Fraction(numerator, denominator)
    assert (exact * 10).denominator in (1, 2)  # the case really is a half (or whole) at the printed step
    assert numbers.format_times(numerator / denominator) == times


@pytest.mark.parametrize(
    ("higher", "lower", "printed"),
    [(64_800, 64_000, "1.3%"), (40_500, 40_000, "1.3%"), (1_000_050, 1_000_000, "0%")],
)
def test_a_percent_gap_on_an_exact_half_rounds_up(higher, lower, printed):
    exact = Fraction(higher - lower, lower) * 100
    assert (exact * 10).denominator in (1, 2) or printed == "0%"
    assert numbers.format_percent((higher - lower) / lower * 100) == printed


def test_money_on_an_exact_half_rounds_up():
    assert numbers.format_money(36_120.5) == "$36,121"
    assert numbers.format_money(17.365) == "$17.37"
