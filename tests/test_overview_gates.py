"""Overview pages go through the same gates as comparison articles: verify, variety, coverage, lint,
and meet the house style's prose targets (docs/style.md, docs/quality.md)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from articlegen.cli.coverage import coverage
from articlegen.cli.variety import variety
from articlegen.corpus.documents import render_documents
from articlegen.corpus.pairs import select_pairs
from articlegen.english import numbers
from articlegen.english.reference import is_long
from articlegen.gates.prose import count_title_repeats, find_repeated_figures, measure_prose, title_forms
from articlegen.gates.variety import TARGETS, measure_variety
from articlegen.gates.verify import subject_names, verify_pairs
from articlegen.plan.reads import referent
from articlegen.realize.document import Document, ListBlock, ParagraphBlock
from articlegen.wording.templating import forms_of

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


# --- the house style's targets on overview pages, over the pages `articlegen prose --kind
# overview --limit 53` reads (50 pages: each first occupation of a hash-ordered sample once) ---


@pytest.fixture(scope="module")
def sampled(generator) -> list[tuple[str, str]]:
    return select_pairs("all", generator.catalog, 53).pairs


@pytest.fixture(scope="module")
def pages(generator, sampled) -> list[Document]:
    return list(render_documents(generator, sampled, 0, "overview"))


@pytest.fixture(scope="module")
def prose_report(generator, sampled):
    return measure_prose(generator, sampled, kind="overview", worst=50)


def _summary(report, measure_id):
    return next(m for m in report.measures if m.measure.id == measure_id)


def test_the_sample_is_fifty_pages(pages, prose_report):
    assert len(pages) == len(prose_report.articles) == 50
    assert len({p.subjects[0] for p in pages}) == 50


@pytest.mark.parametrize(
    "measure_id", ["repeated_figures", "factless", "repeated_openings", "duplicate_rows"]
)
def test_overview_pages_meet_the_prose_target(prose_report, measure_id):
    """No figure twice: a short comparison states the other job's figure and the gap, never the
    page's own figure, which the page states once (docs/style.md)."""
    summary = _summary(prose_report, measure_id)
    assert summary.over == 0, summary.worst_articles


def _over_long_titles(generator, pages: list[Document]) -> list[tuple[str, str, int]]:
    """(page, title's job, full mentions) for each long title said in full more than three times."""
    found = []
    for page in pages:
        for count in count_title_repeats(page, title_forms(generator.catalog, page.subjects)):
            if count.count > 3:
                found.append((page.subjects[0], count.slug, count.count))
    return found


def test_a_long_title_is_said_in_full_at_most_three_times(generator, pages):
    """On every page of the sample, even where the compared jobs share the page job's head noun:
    siblings are told apart ("brickmason helpers" beside "carpenter helpers"), a section that
    names no other job uses a name the page as a whole could not, and a level sibling is "those
    in secondary schools" once the other has been named."""
    assert any(
        is_long(forms_of(referent(generator.catalog.find(p.subjects[0]))).singular) for p in pages
    )  # the sample has long titles to shorten
    assert _over_long_titles(generator, pages) == []


def test_every_overview_page_states_each_figure_once(generator):
    """All 766 pages: no figure twice, and a long title over three full mentions on two pages
    only, each compared with a sibling that no short name tells apart from it ("judges" beside
    administrative law judges, "model makers" beside wood model makers), and then five times."""
    subjects = sorted(e.slug for e in generator.catalog.entries.values() if not e.residual)
    pages = list(render_documents(generator, [(s, s) for s in subjects], 0, "overview"))
    assert len(pages) == 766
    names = {p.subjects[0]: subject_names(generator.catalog, p.subjects) for p in pages}
    twice = [
        (p.subjects[0], found) for p in pages if (found := find_repeated_figures(p, names[p.subjects[0]]))
    ]
    assert twice == []
    over = _over_long_titles(generator, pages)
    assert all(slug == page and count <= 5 for page, slug, count in over), over
    assert len(over) <= 2, over


def _compare_sections(page: Document):
    return [s for s in page.sections if s.id.startswith("compare-")]


def _said(section) -> list:
    return [s for b in section.blocks if isinstance(b, ParagraphBlock) for s in b.sentences if s.message]


def test_a_comparison_states_the_other_jobs_figure_not_the_pages(generator, pages):
    """The pay and growth of the page's job are stated once, above the comparisons; each
    comparison prints the other job's figure (or a tie, without a figure) and how it stands."""
    checked = 0
    for page in pages:
        own = generator.catalog.find(page.subjects[0])
        for section in _compare_sections(page):
            other = generator.catalog.find(section.id.removeprefix("compare-"))
            for sentence in _said(section):
                if sentence.message.startswith("page.compare.pay.") and not sentence.message.endswith(
                    ".same"
                ):
                    assert numbers.format_money(other.salary.yearly) in sentence.text, sentence.text
                    assert numbers.format_money(own.salary.yearly) not in sentence.text, sentence.text
                    checked += 1
                growth = (_growth(own), _growth(other))
                if sentence.message.startswith("page.compare.growth.") and None not in growth:
                    if not sentence.message.endswith(".same") and growth[1] != 0:  # 0: "no change"
                        assert numbers.format_percent(abs(growth[1])) in sentence.text, sentence.text
                    assert numbers.format_percent(abs(growth[0])) not in sentence.text.replace(
                        numbers.format_percent(abs(growth[1])), ""
                    ), sentence.text
                    checked += 1
    assert checked > 200


def _growth(occupation):
    return occupation.outlook.change_percent if occupation.outlook else None


def test_each_page_states_its_own_figures_once_above_its_comparisons(generator, pages):
    for page in pages:
        slug = page.subjects[0]
        own = [s for s in page.sections if not s.id.startswith("compare")]
        keys = {k for section in own for s in _section_sentences(section) for k in s.facts}
        occupation = generator.catalog.find(slug)
        if occupation.salary.yearly is not None:
            assert f"{slug}.salary.yearly" in keys
        if occupation.outlook and occupation.outlook.change_percent is not None:
            assert f"{slug}.outlook.change_percent" in keys
        if occupation.outlook and occupation.outlook.entry_education is not None:
            assert f"{slug}.outlook.entry_education" in keys


def _section_sentences(section):
    for block in section.blocks:
        if isinstance(block, ParagraphBlock):
            yield from block.sentences
        elif isinstance(block, ListBlock):
            yield from ([block.lead] if block.lead else [])


def test_every_number_and_comparison_on_the_sampled_pages_is_true(generator, sampled):
    report = verify_pairs(generator, sampled, kind="overview")
    assert report.articles == 50
    assert report.unverified == (), "\n".join(str(u) for u in report.unverified[:5])
    assert report.false_claims == (), "\n".join(str(c) for c in report.false_claims[:5])
    assert report.uninterpreted == (), report.uninterpreted[:5]
    assert report.comparisons > 400  # the short comparisons are read as comparisons


def test_overview_pages_meet_the_variety_target(generator, sampled):
    report = measure_variety(generator, sampled, kind="overview", top=0)
    assert report.articles == 50
    assert report.mean <= TARGETS["overview"].mean, report.summary()
