from __future__ import annotations

import pytest

from articlegen.plan.compare import Direction, compare_money, compare_quantity, compare_skills


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


def test_skill_overlap_keeps_each_side_in_order_and_ignores_case():
    overlap = compare_skills(("Phone calls", "customer service", "UPC"), ("Customer Service", "CPT"))
    assert overlap.shared == ("customer service",)
    assert overlap.only_a == ("Phone calls", "UPC")
    assert overlap.only_b == ("CPT",)
