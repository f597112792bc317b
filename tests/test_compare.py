from __future__ import annotations

import dataclasses

import pytest

from articlegen.english.numbers import format_money, format_percent, round_percent
from articlegen.plan.compare import Direction, compare_money, compare_quantity, compare_skills, same_text


@pytest.mark.parametrize(
    ("a", "b", "direction", "amount"),
    [
        (38589, 36977, Direction.HIGHER, 1612),
        (36977, 38589, Direction.LOWER, 1612),
        (40000, 40000, Direction.SAME, 0),
        (40000.4, 40000.2, Direction.SAME, 0),  # prints as $40,000 both: a tie, not a difference
        (40000.6, 40000.2, Direction.HIGHER, 1),
    ],
)
def test_money_direction_in_both_orders(a, b, direction, amount):
    diff = compare_money(a, b)
    assert diff.direction is direction
    assert diff.amount == amount
    assert (
        compare_money(b, a).direction
        is {
            Direction.HIGHER: Direction.LOWER,
            Direction.LOWER: Direction.HIGHER,
            Direction.SAME: Direction.SAME,
        }[direction]
    )


def test_percent_is_relative_to_the_lower_value():
    assert compare_money(38589, 36977).percent == pytest.approx(4.4)
    assert compare_money(36977, 38589).percent == pytest.approx(4.4)


def test_the_gap_from_the_higher_value_and_the_ratio():
    """ "B trails A by P%" measures from A: 1,612 of 38,589 is 4.18%, not the 4.36% of 36,977."""
    for diff in (compare_money(38589, 36977), compare_money(36977, 38589)):
        assert diff.percent_of_higher == pytest.approx(round(1612 / 38589 * 100, 1))
        assert diff.percent_of_higher != diff.percent
        assert diff.ratio == pytest.approx(round(38589 / 36977, 1))
    assert compare_money(502050, 33180).ratio == 15.0  # whole from ten: 15.13 prints as "15 times"


def test_percent_that_rounds_to_zero_is_left_out():
    diff = compare_money(100003, 100000)
    assert diff.direction is Direction.HIGHER
    assert diff.percent is None


def test_quantity_tie_at_printing_precision():
    assert compare_quantity(46.01, 46.04).is_tie
    assert compare_quantity(46.1, 46.0).direction is Direction.HIGHER


@pytest.mark.parametrize(
    ("a", "b", "printed", "direction", "amount"),
    [
        # a gap of 0.02 that prints as 46% against 46.1%: a difference of 0.1, never a tie
        (46.04, 46.06, ("46%", "46.1%"), Direction.LOWER, 0.1),
        (46.06, 46.04, ("46.1%", "46%"), Direction.HIGHER, 0.1),
        # a gap of 0.08 that prints as 46.1% both: a tie, though the raw gap rounds to 0.1
        (46.06, 46.14, ("46.1%", "46.1%"), Direction.SAME, 0.0),
        (46.14, 46.06, ("46.1%", "46.1%"), Direction.SAME, 0.0),
    ],
)
def test_quantities_are_compared_as_printed(a, b, printed, direction, amount):
    """Each value is rounded to its printed precision before the two are compared, not the gap after."""
    assert (format_percent(a), format_percent(b)) == printed
    diff = compare_quantity(a, b)
    assert diff.direction is direction
    assert diff.is_tie is (direction is Direction.SAME)
    assert diff.amount == pytest.approx(amount)
    assert (diff.a, diff.b) == (round_percent(a), round_percent(b))


@pytest.mark.parametrize(
    ("a", "b", "printed", "direction", "amount"),
    [
        (40000.4, 40000.6, ("$40,000", "$40,001"), Direction.LOWER, 1),  # raw gap 0.2: still $1
        (40000.6, 40001.4, ("$40,001", "$40,001"), Direction.SAME, 0),  # raw gap 0.8: a tie
        (18.554, 18.556, ("$18.55", "$18.56"), Direction.LOWER, 0.01),  # cents under $1,000
    ],
)
def test_money_is_compared_as_printed(a, b, printed, direction, amount):
    assert (format_money(a), format_money(b)) == printed
    diff = compare_money(a, b)
    assert diff.direction is direction
    assert diff.amount == pytest.approx(amount)


@pytest.mark.parametrize(
    ("a", "b", "percent", "of_higher", "ratio"),
    [
        (150, 100, 50.0, 33.3, 1.5),  # from the lower value, from the higher, and their ratio
        (1.5, 0.5, 200.0, 66.7, 3.0),  # values under one are no special case
        (0.8, 0.2, 300.0, 75.0, 4.0),
        (5, 0, None, 100.0, None),  # nothing is a percentage or a multiple of zero
        (0, -5, None, None, None),  # a growth of 0% against -5%: only the gap can be said
    ],
)
def test_percentages_and_ratio_of_a_quantity_gap(a, b, percent, of_higher, ratio):
    for diff in (compare_quantity(a, b), compare_quantity(b, a)):
        assert (diff.percent, diff.percent_of_higher, diff.ratio) == (percent, of_higher, ratio)
        assert diff.amount == pytest.approx(abs(a - b))


def test_same_text_ignores_case_and_surrounding_space():
    assert same_text(" Finance ", "finance")
    assert not same_text("finance", "retail")


def test_comparisons_are_frozen():
    """Comparisons are cached and shared by every sentence that states them: none may change one."""
    diff = compare_money(38589, 36977)
    with pytest.raises(dataclasses.FrozenInstanceError):
        diff.amount = 0  # type: ignore[misc]
    assert compare_money(38589, 36977) is diff and diff.amount == 1612
    overlap = compare_skills(("UPC",), ("UPC",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        overlap.shared = ()  # type: ignore[misc]


def test_skill_overlap_keeps_each_side_in_order_and_ignores_case():
    overlap = compare_skills(("Phone calls", "customer service", "UPC"), ("Customer Service", "CPT"))
    assert overlap.shared == ("customer service",)
    assert overlap.only_a == ("Phone calls", "UPC")
    assert overlap.only_b == ("CPT",)
