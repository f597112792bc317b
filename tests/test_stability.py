"""Stability under editing, as a property: adding a variant moves only the choices it wins.

For any message with n variants and any new variant id, about 1/(n+1) of pairs
switch to the new variant and none switch to anything else. The tolerance is four
standard deviations of a binomial count: a correct chooser fails about once in
30,000 runs, and a chooser that reshuffles fails every time. That no other
message's sentences move is checked on whole articles in test_choice.py.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from articlegen.wording.choose import choose_variant
from articlegen.wording.phrasebank import Message, Variant

PAIRS = [f"job-{i}|job-{(i * 7919) % 5003}" for i in range(2000)]
ids = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6})?", fullmatch=True)


def _message(message_id: str, variant_ids: list[str]) -> Message:
    variants = tuple(Variant(v, v, None, None, None, "test.yaml", i) for i, v in enumerate(variant_ids))  # type: ignore[arg-type]
    return Message(message_id, frozenset(), variants, "test.yaml", 1)


def _choices(message: Message, seed: int) -> list[str]:
    return [choose_variant(message, {}, seed, pair).id for pair in PAIRS]


@settings(max_examples=20, deadline=None)
@given(
    variant_ids=st.lists(ids, min_size=1, max_size=12, unique=True),
    new_id=ids,
    message_id=st.from_regex(r"[a-z]{2,8}(\.[a-z]{2,8}){0,2}", fullmatch=True),
    seed=st.integers(min_value=0, max_value=2**31),
)
def test_adding_a_variant_moves_about_one_in_n_plus_one_choices_and_nothing_else(
    variant_ids, new_id, message_id, seed
):
    if new_id in variant_ids:
        return
    n = len(variant_ids)
    before = _choices(_message(message_id, variant_ids), seed)
    after = _choices(_message(message_id, [*variant_ids, new_id]), seed)
    moved = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert all(new == new_id for _, new in moved)  # every change is a win of the new variant
    p = 1 / (n + 1)
    sigma = math.sqrt(len(PAIRS) * p * (1 - p))
    assert abs(len(moved) - len(PAIRS) * p) <= 4 * sigma, (n, len(moved))


@settings(max_examples=20, deadline=None)
@given(
    variant_ids=st.lists(ids, min_size=2, max_size=12, unique=True),
    seed=st.integers(min_value=0, max_value=2**31),
    data=st.data(),
)
def test_removing_a_variant_moves_only_the_choices_it_had_won(variant_ids, seed, data):
    removed = data.draw(st.sampled_from(variant_ids))
    before = _choices(_message("m", variant_ids), seed)
    after = _choices(_message("m", [v for v in variant_ids if v != removed]), seed)
    for old, new in zip(before, after, strict=True):
        assert old in (new, removed)
