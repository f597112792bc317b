"""What the editors' tools are shown of a choice is the choice made: the ranking an observer sees
is the rendezvous ranking, and a message that cannot be said fails with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.errors import RenderError
from articlegen.facts.load import load_occupation
from articlegen.plan.article import plan_article
from articlegen.realize.realizer import realize_article
from articlegen.resources import default_data_dir, default_phrasebank_dir
from articlegen.wording.choose import choose_among, choose_variant, variant_score
from articlegen.wording.phrasebank import load_phrasebank

SEED = 7


def test_an_observer_sees_the_ranking_the_choice_was_made_from():
    occupations = default_data_dir() / "occupations"
    a, b = (
        load_occupation(occupations / f"{slug}.yaml") for slug in ("collections-associate", "recovery-agent")
    )
    plan = plan_article(a, b)
    bank = load_phrasebank(default_phrasebank_dir())
    seen = []
    realize_article(plan, bank, SEED, observe=seen.append)
    ranked_choices = [c for c in seen if len(c.ranked) > 1]
    assert len(ranked_choices) >= 10
    for choice in ranked_choices:
        scores = [variant_score(SEED, plan.pair_key, choice.spec.message, v.id) for v in choice.ranked]
        assert scores == sorted(scores, reverse=True), choice.spec.message  # best first
        message = bank.message(choice.spec.message)
        assert choose_among(list(choice.ranked), message, choice.used) == choice.chosen


def _bank(directory: Path, condition: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "x.yaml").write_text(
        f"messages:\n  title:\n    slots: [a]\n    variants:\n      - id: one\n        text: 'A'\n"
        f"        when: {condition!r}\n",
        encoding="utf-8",
    )
    return directory


def test_a_message_no_variant_of_which_applies_names_its_file_and_line(tmp_path):
    bank = load_phrasebank(_bank(tmp_path / "bank", "a > 1"))
    with pytest.raises(RenderError) as caught:
        choose_variant(bank.message("title"), {"a": 0}, SEED, "a|b")
    assert str(caught.value).endswith("x.yaml:2: no variant of 'title' applies to these facts")


def test_a_condition_that_fails_names_its_file_and_line(tmp_path):
    bank = load_phrasebank(_bank(tmp_path / "bank", "a > 1"))
    with pytest.raises(RenderError) as caught:
        choose_variant(bank.message("title"), {"a": "many"}, SEED, "a|b")
    message = str(caught.value)
    assert "\n" not in message  # the line is the variant's (its text), where an editor looks first
    assert message.endswith(
        "x.yaml:6: condition 'a > 1' failed: '>' not supported between instances of 'str' and 'int'"
    )
