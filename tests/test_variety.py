"""Variety: articles must not read like copies of each other."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from articlegen.cli.variety import variety
from articlegen.corpus.pairs import Pair, all_pairs, sample_pairs, select_pairs
from articlegen.gates.variety import (
    JOB,
    NUMBER,
    TARGETS,
    VALUE,
    ArticleSkeletons,
    VarietyReport,
    article_skeletons,
    compare_articles,
    measure_variety,
    name_forms,
    overlap,
    prose_sentences,
    skeleton,
)

OEWS_ARTICLES = 200
THRESHOLD = 0.30  # issue 6: the mean over a sample of 200 OEWS articles stays under this

NAMES = [
    "Collections Associate",
    "collections associate",
    "collections associates",
    "a collections associate",
]


def test_a_skeleton_masks_names_numbers_and_data_values():
    text = "Collections associates earn $38,589 a year, 4.4% more, in the finance industry."
    assert (
        skeleton(text, NAMES, ["finance"])
        == f"{JOB} earn {NUMBER} a year, {NUMBER} more, in the {VALUE} industry."
    )


def test_two_sentences_that_differ_only_in_facts_share_a_skeleton():
    one = skeleton(
        "Skills: UPC, data entry, and billing; they list three.", NAMES, ["UPC", "data entry", "billing"]
    )
    two = skeleton("Skills: phone calls and Excel; they list two.", ["x"], ["phone calls", "Excel"])
    assert one == two == f"skills: {VALUE}; {JOB} list {NUMBER}."


def test_overlap_is_the_share_of_the_shorter_articles_sentences():
    assert overlap(frozenset("ab"), frozenset("abcd")) == 1.0
    assert overlap(frozenset("abcd"), frozenset("abxy")) == 0.5
    assert overlap(frozenset(), frozenset("ab")) == 0.0


def test_the_report_gives_the_mean_and_the_worst_pair():
    def article(name: str, skeletons: str) -> ArticleSkeletons:
        return ArticleSkeletons((name, "z"), frozenset(skeletons), {s: f"m/{s}" for s in skeletons})

    report = compare_articles([article("a", "pq"), article("b", "pr"), article("c", "st")], top=1)
    assert report.comparisons == 3
    assert report.mean == (0.5 + 0 + 0) / 3
    assert report.worst == (("a", "z"), ("b", "z"), 0.5)
    assert report.common == (("p", "m/p", 2),)


def test_only_prose_counts(generator):
    document = generator.document("collections-associate", "account-representative")
    messages = {s.message for s in prose_sentences(document)}
    assert None not in messages  # verbatim descriptions and duties are data, not wording
    assert not {m for m in messages if m.startswith(("heading.", "label.", "title", "skills.item"))}
    assert {"intro.opening", "salary.compare", "duties.lead"} <= messages


@pytest.fixture(scope="module")
def reports(generator) -> dict[str, VarietyReport]:
    """The golden articles and a hash-ordered sample of 200 OEWS articles, at seed 0."""
    slugs = sorted(
        e.slug for e in generator.catalog.entries.values() if e.source == "oews" and not e.residual
    )
    oews = sorted(sample_pairs(all_pairs(slugs), OEWS_ARTICLES))
    golden = select_pairs("golden", generator.catalog, 0).pairs
    return {"oews": measure_variety(generator, oews), "golden": measure_variety(generator, golden)}


def test_oews_articles_do_not_read_like_copies(reports):
    report = reports["oews"]
    assert report.articles == OEWS_ARTICLES
    assert report.mean < THRESHOLD, report.summary()


def _shared(generator, one: Pair, other: Pair) -> str:
    """The skeletons two articles share, each with the message/variant that wrote it: where to add wording."""
    first, second = (
        article_skeletons(generator.document(*pair), name_forms(generator.catalog, pair))
        for pair in (one, other)
    )
    return "\n".join(
        f"  {first.sources[s]} | {second.sources[s]}: {s}"
        for s in sorted(first.skeletons & second.skeletons, key=first.sources.get)
    )


@pytest.mark.parametrize("which", ["golden", "oews"])
def test_comparison_articles_meet_the_variety_targets(generator, reports, which):
    """docs/quality.md: mean ≤ 0.20 and, for the worst pair of articles, ≤ 0.40 shared sentences.

    The worst pairs are two articles that share a job (or both jobs, in either order) or two short
    ones; a miss names them and the sentences they share.
    """
    report = reports[which]
    assert report.articles == (17 if which == "golden" else OEWS_ARTICLES)
    assert report.worst is not None
    missed = [said for said, met in report.check_targets("comparison") if not met]
    assert not missed, f"{report.summary()}\n{_shared(generator, *report.worst[:2])}"


def test_the_worst_pair_target_is_the_documented_one():
    assert TARGETS["comparison"].worst == 0.40
    assert TARGETS["comparison"].mean == 0.20


def test_command_prints_the_mean_the_worst_and_the_most_common_sentences():
    result = CliRunner().invoke(variety, ["--pairs", "golden", "--top", "3"])
    assert result.exit_code == 0, result.output
    summary, *common = result.output.splitlines()
    assert summary.startswith("variety: 17 articles, 136 pairs of articles: mean shared sentences 0.")
    assert "; worst " in summary
    assert len(common) == 3
    assert all("%  " in line and "/" in line for line in common)


def test_the_report_is_the_same_under_any_hash_seed():
    """Equal counts among the most common skeletons are listed in one order, so two runs diff clean."""
    code = "from articlegen.cli.variety import variety; variety()"
    outputs = set()
    for seed in ("1", "2", "3"):
        run = subprocess.run(
            [sys.executable, "-c", code, "--limit", "30", "--top", "40"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1
