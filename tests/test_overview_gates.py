"""Overview pages go through the same gates as comparison articles: verify, variety, coverage, lint."""

from __future__ import annotations

import json

from click.testing import CliRunner

from articlegen.cli.coverage import coverage
from articlegen.cli.variety import variety
from articlegen.gates.verify import verify_pairs

from .test_data import run_cli


def _pages(generator, oews: int) -> list[tuple[str, str]]:
    """One pair per page: render_documents gives each distinct first occupation its page."""
    hand = [e.slug for e in generator.catalog.entries.values() if e.source == "hand"]
    others = sorted(generator.catalog.occupations.keys() - set(hand))
    chosen = hand + others[:: len(others) // oews][:oews]
    return [(slug, chosen[(i + 1) % len(chosen)]) for i, slug in enumerate(chosen)]


def test_every_number_on_overview_pages_is_a_fact(generator):
    pages = _pages(generator, 60)
    report = verify_pairs(generator, pages, kind="overview")
    assert report.articles == len(pages)
    assert report.unverified == (), "\n".join(str(u) for u in report.unverified[:5])


def test_coverage_of_overview_pages_counts_page_messages_only(generator):
    result = CliRunner().invoke(coverage, ["--pairs", "golden", "--kind", "overview", "--json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    said = {m["id"] for m in report["messages"] if m["appearances"]}
    assert said and all(m.startswith(("page.", "label.")) for m in said)
    assert not any(m.startswith(("salary.", "intro.")) for m in report["never_appearing"])


def test_variety_runs_over_overview_pages(generator):
    result = CliRunner().invoke(variety, ["--pairs", "golden", "--kind", "overview", "--top", "0"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "variety: 10 articles"
    )  # ten distinct first occupations in the golden list


def test_lint_renders_overview_pages(tmp_path):
    result = run_cli("lint", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert " overview pages: no problems" in result.stdout
