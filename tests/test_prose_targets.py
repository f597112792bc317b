"""The prose measures (gates/prose.py) at their targets, on the golden set and a 200-pair sample.

Each target is the house style's (docs/style.md); a change to wording or planning that breaks one
fails here with the articles and what to look at.
"""

from __future__ import annotations

import pytest

from articlegen.corpus.pairs import select_pairs
from articlegen.gates.prose import MEASURES, ProseReport, measure_prose

MET_EVERYWHERE = ("title_repeats", "factless", "repeated_openings", "duplicate_rows")


@pytest.fixture(scope="module")
def reports(generator) -> dict[str, ProseReport]:
    catalog = generator.catalog
    golden = select_pairs("golden", catalog).pairs
    sample = select_pairs("all", catalog, 200).pairs
    return {
        "golden": measure_prose(generator, golden, worst=3),
        "sample": measure_prose(generator, sample, worst=3),
        "overview": measure_prose(generator, sample[:60], kind="overview", worst=3),
    }


def _summary(report: ProseReport, measure_id: str):
    return next(m for m in report.measures if m.measure.id == measure_id)


@pytest.mark.parametrize("which", ["golden", "sample"])
@pytest.mark.parametrize("measure_id", MET_EVERYWHERE)
def test_comparison_articles_meet_the_target(reports, which, measure_id):
    summary = _summary(reports[which], measure_id)
    assert summary.over == 0, summary.worst_articles


@pytest.mark.parametrize("measure_id", ["factless", "repeated_openings", "duplicate_rows"])
def test_overview_pages_meet_the_target(reports, measure_id):
    summary = _summary(reports["overview"], measure_id)
    assert summary.over == 0, summary.worst_articles


def test_the_samples_are_the_size_the_targets_are_stated_for(reports):
    assert len(reports["golden"].articles) == 17
    assert len(reports["sample"].articles) == 200
    assert len(reports["overview"].articles) >= 40  # pages, each first occupation once
    assert {m.measure.id for m in reports["sample"].measures} == {m.id for m in MEASURES}
