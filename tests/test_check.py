"""The grammar gate: Harper finds nothing in the prose of the golden articles and of 300 OEWS articles."""

from __future__ import annotations

import json
import shutil
import sys

import pytest
from click.testing import CliRunner

from articlegen.cli.check import check
from articlegen.corpus.pairs import all_pairs, sample_pairs, select_pairs
from articlegen.errors import ArticlegenError
from articlegen.gates.check import (
    EXCLUDED_RULES,
    GrammarChecker,
    check_pairs,
    import_harper,
    open_checker,
    prose_sentences,
    read_words,
)
from articlegen.realize.document import Sentence

from .conftest import ROOT, require, require_that

OEWS_SAMPLE = 300


@pytest.fixture(scope="module")
def harper():
    """The tests that run Harper need it; the rest of this file runs without (in CI it must be there)."""
    return require(
        "harper", "the grammar gate needs the harper-py package (pip install 'articlegen[grammar]')"
    )


@pytest.fixture(scope="module")
def checker(harper) -> GrammarChecker:
    return open_checker()


def explain(lints) -> str:
    return "\n".join(lint.one_line() for lint in lints)


def test_golden_articles_have_no_lints(generator, checker):
    selection = select_pairs("golden", generator.catalog, 0)
    report = check_pairs(generator, checker, selection.pairs)
    assert report.articles == len(selection.pairs) >= 17
    assert report.sentences > 400
    assert not report.lints, explain(report.lints)


def test_a_sample_of_oews_articles_has_no_lints(generator, checker):
    oews = sorted(e.slug for e in generator.catalog.entries.values() if e.source == "oews" and not e.residual)
    pairs = sorted(sample_pairs(all_pairs(oews), OEWS_SAMPLE))
    report = check_pairs(generator, checker, pairs)
    assert report.articles == OEWS_SAMPLE
    assert not report.lints, explain(report.lints)


def test_overview_pages_have_no_lints(generator, checker):
    """The hand-written pages and a spread of 60 OEWS pages (each page with its four comparisons)."""
    hand = [e.slug for e in generator.catalog.entries.values() if e.source == "hand"]
    oews = sorted(e.slug for e in generator.catalog.entries.values() if e.source == "oews" and not e.residual)
    firsts = hand + oews[:: len(oews) // 60][:60]
    report = check_pairs(generator, checker, [(slug, slug) for slug in firsts], kind="overview")
    assert report.articles == len(firsts)
    assert not report.lints, explain(report.lints)


def test_checker_catches_errors_and_names_the_variant(checker):
    sentences = [
        Sentence("Collections associates earn more.", "salary.compare", "ok", "salary.yaml", 3),
        Sentence("This is an test of the the checker.", "salary.compare", "bad", "salary.yaml", 9),
    ]
    lints = checker.check_sentences(sentences, ("a", "b"))
    assert {lint.problem for lint in lints} == {"an", "the the"}
    assert all(lint.where() == "salary.yaml:9 salary.compare/bad" for lint in lints)
    data_lint = checker.check_sentences([Sentence("Handles an claim.")], ("a", "b"))
    assert [lint.where() for lint in data_lint] == ["data text"]


def test_capitalization_after_an_abbreviation_is_not_a_new_sentence(checker):
    """Harper ends a sentence at 'Co.'; only that false alarm is dropped."""
    fine = checker.check_sentences([Sentence("JPMorgan Chase & Co. leads employers in pay.")], ("a", "b"))
    assert fine == []
    wrong = checker.check_sentences([Sentence("Pay is high. leads employers in pay.")], ("a", "b"))
    assert [lint.rule for lint in wrong] == ["SentenceCapitalization"]


def test_domain_words_come_from_the_word_list(checker):
    text = [Sentence("Postsecondary teachers in Naperville follow FDCPA rules and scan UPCs.")]
    assert checker.check_sentences(text, ("a", "b")) == []
    bare = GrammarChecker()
    flagged = {lint.problem for lint in bare.check_sentences(text, ("a", "b"))}
    assert {"Postsecondary", "Naperville", "FDCPA", "UPCs"} <= flagged


def test_prose_excludes_headings_and_table_cells(generator):
    document = generator.document("collections-associate", "account-representative")
    prose = {s.text for s in prose_sentences(document)}
    headings = {section.heading.text for section in document.sections if section.heading}
    assert headings and not prose & headings
    assert "$38,589" not in prose  # a table cell
    assert any(s.message is None for s in prose_sentences(document))  # duties, printed from the data


def test_every_excluded_rule_is_justified_in_the_docs():
    doc = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    for rule in EXCLUDED_RULES:
        assert f"`{rule}`" in doc, rule


def test_word_list_is_one_word_a_line(tmp_path):
    words = read_words(ROOT / "data" / "grammar-words.txt")
    assert {"UPC", "FDCPA", "JPMorgan", "OEWS", "Accurint", "LexisNexis"} <= set(words)
    assert len(words) == len(set(words))
    bad = tmp_path / "words.txt"
    bad.write_text("# comment\nUPC\nnot one\n", encoding="utf-8")
    with pytest.raises(ArticlegenError, match=r"words.txt:3: one word a line"):
        read_words(bad)


def test_cli_reports_a_bad_variant_as_file_line_and_exits_1(tmp_path, harper):
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "phrasebanks" / "en", bank)
    intro = bank / "intro.yaml"
    text = intro.read_text(encoding="utf-8")
    assert "This guide sets {{ a | plural }}" in text
    intro.write_text(
        text.replace("This guide sets {{ a | plural }}", "This guide sets the the {{ a | plural }}")
    )
    runner = CliRunner()
    result = runner.invoke(check, ["--phrasebanks", str(bank), "--json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["pairs"]["source"].endswith("golden-pairs.csv")
    assert report["excluded_rules"] == EXCLUDED_RULES
    repeated = [lint for lint in report["lints"] if lint["problem"] == "the the"]
    assert repeated and all(lint["file"].endswith("intro.yaml") for lint in repeated)
    assert {lint["message"] for lint in repeated} == {"intro.opening"}
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(f"a,b\n{repeated[0]['a']},{repeated[0]['b']}\n", encoding="utf-8")
    plain = runner.invoke(check, ["--phrasebanks", str(bank), "--pairs", str(pairs)])
    assert plain.exit_code == 1
    assert "intro.yaml:" in plain.stdout and "'the the'" in plain.stdout


def test_cli_clean_run_exits_0(harper):
    result = CliRunner().invoke(check, ["--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "no lints" in result.output


def test_without_harper_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "harper", None)
    with pytest.raises(ArticlegenError, match=r"articlegen\[grammar\]"):
        import_harper()


def test_without_harper_these_tests_skip_here_and_fail_in_ci(monkeypatch):
    """conftest.require, as the harper fixture uses it: a skip on a laptop, a failure naming it in CI."""
    monkeypatch.setitem(sys.modules, "harper", None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"^needs harper-py: cannot import harper \("):
        require("harper", "needs harper-py")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"^needs harper-py: cannot import harper .*CI=true"):
        require("harper", "needs harper-py")
    with pytest.raises(pytest.fail.Exception, match=r"^no chromium \(CI=true"):
        require_that(None, "no chromium")
    assert require("json", "json") is json
    require_that("/usr/bin/chromium", "no chromium")  # a condition that holds goes on


def test_a_compound_in_a_jobs_name_is_not_read_as_a_phrasal_verb(checker):
    """BLS's "layout workers" is a noun; the same word outside a job's name is still checked."""
    text = [Sentence("Of the states with at least 100 layout workers, Hawaii pays best.", "m", "v")]
    unnamed = checker.check_sentences(text, ("a", "b"))
    assert [lint.rule for lint in unnamed] == ["PhrasalVerbAsCompoundNoun"]
    assert checker.check_sentences(text, ("a", "b"), names=["layout workers"]) == []
    assert checker.check_sentences(text, ("a", "b"), names=["setters"]) == unnamed
