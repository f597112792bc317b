"""`articlegen variants MESSAGE A B`: the whole choice for one message, as generate makes it."""

from __future__ import annotations

import re

from articlegen.editing.variants import show_variants
from articlegen.resources import default_phrasebank_dir
from articlegen.wording.phrasebank import load_phrasebank

from .test_data import run_cli


def test_the_chosen_variant_is_the_sentence_generate_prints(generator):
    article = generator.generate("collections-associate", "account-representative")
    (occurrence,) = show_variants(
        generator, "salary.compare", "collections-associate", "account-representative"
    )
    chosen = [v for v in occurrence.variants if v.status == "chosen"]
    assert len(chosen) == 1
    assert chosen[0].text in article
    others = [v for v in occurrence.variants if v.status != "chosen"]
    assert others and all(v.text not in article for v in others)


def test_a_condition_that_fails_marks_the_variant_excluded(generator):
    # The gap between these two is under 20%, so `clearly` (when percent_more >= 20) cannot be used.
    (occurrence,) = show_variants(
        generator, "salary.compare", "collections-associate", "account-representative"
    )
    by_id = {v.id: v for v in occurrence.variants}
    assert by_id["clearly"].status == "excluded"
    assert by_id["clearly"].condition == "percent_more >= 20"
    assert by_id["slightly"].status in {"eligible", "chosen"}


def test_a_message_said_twice_shows_the_variant_the_first_use_took(generator):
    first, second = show_variants(generator, "duties.lead", "collections-associate", "account-representative")
    taken = next(v.id for v in first.variants if v.status == "chosen")
    by_id = {v.id: v for v in second.variants}
    assert by_id[taken].status in {"used", "chosen"}
    assert sum(v.status == "chosen" for v in second.variants) == 1
    assert all("account representative" in v.text.lower() for v in second.variants)


def test_cli_marks_and_locates_every_variant(tmp_path):
    result = run_cli(
        "variants", "salary.compare", "collections-associate", "account-representative", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    located = re.findall(
        r"^(chosen|excluded|used|ERROR|) +([a-z0-9-]+)  \((.+salary\.yaml):(\d+)\)", result.stdout, re.M
    )
    assert len(located) == len(load_phrasebank(default_phrasebank_dir()).message("salary.compare").variants)
    assert sum(mark == "chosen" for mark, *_ in located) == 1
    assert ("excluded", "clearly") in [(mark, vid) for mark, vid, *_ in located]


def test_message_missing_from_this_article(tmp_path):
    # Neither partial record names a college, so no sentence compares colleges.
    result = run_cli(
        "variants", "education.college.different", "recovery-agent", "account-specialist", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "is not said in the article for recovery-agent vs account-specialist" in result.stdout


def test_unknown_message_is_one_line_with_suggestions(tmp_path):
    result = run_cli(
        "variants", "salary.compar", "collections-associate", "account-representative", cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "did you mean salary.compare, salary.company, salary.compare.times?"
    )
    assert result.stderr.count("\n") == 1
