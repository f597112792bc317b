"""The grammar gate: every Harper rule on but those the docs show wrong on our text, and at most one
lint per 1,000 words over whole articles (title, headings, prose, cells)."""

from __future__ import annotations

import json
import re
import shutil
import sys

import pytest
from click.testing import CliRunner

from articlegen.cli.check import check
from articlegen.corpus.pairs import all_pairs, sample_pairs, select_pairs
from articlegen.errors import ArticlegenError
from articlegen.gates.check import (
    EXCLUDED_RULES,
    MAX_LINTS_PER_1000,
    CheckReport,
    GrammarChecker,
    GrammarLint,
    Piece,
    check_pairs,
    checked_pieces,
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


def within_rate(report: CheckReport) -> str:
    return f"{report.per_thousand:.2f} lints per 1,000 words:\n{explain(report.lints)}"


def test_golden_articles_are_within_the_lint_rate(generator, checker):
    """Whole articles: the title, headings and table cells count, in the words and in the lints."""
    selection = select_pairs("golden", generator.catalog, 0)
    report = check_pairs(generator, checker, selection.pairs)
    assert report.articles == len(selection.pairs) >= 17
    assert report.sentences > 400
    assert report.pieces > 2 * report.sentences  # headings and cells are checked too
    assert report.words > 10_000
    assert report.per_thousand <= MAX_LINTS_PER_1000, within_rate(report)


def test_a_sample_of_oews_articles_is_within_the_lint_rate(generator, checker):
    oews = sorted(e.slug for e in generator.catalog.entries.values() if e.source == "oews" and not e.residual)
    pairs = sorted(sample_pairs(all_pairs(oews), OEWS_SAMPLE))
    report = check_pairs(generator, checker, pairs)
    assert report.articles == OEWS_SAMPLE
    assert report.per_thousand <= MAX_LINTS_PER_1000, within_rate(report)


def test_overview_pages_are_within_the_lint_rate(generator, checker):
    """The hand-written pages and a spread of 60 OEWS pages (each page with its four comparisons)."""
    hand = [e.slug for e in generator.catalog.entries.values() if e.source == "hand"]
    oews = sorted(e.slug for e in generator.catalog.entries.values() if e.source == "oews" and not e.residual)
    firsts = hand + oews[:: len(oews) // 60][:60]
    report = check_pairs(generator, checker, [(slug, slug) for slug in firsts], kind="overview")
    assert report.articles == len(firsts)
    assert report.per_thousand <= MAX_LINTS_PER_1000, within_rate(report)


def _lint(rule: str = "R") -> GrammarLint:
    return GrammarLint(("a", "b"), "s", "m", "v", "f.yaml", 1, rule, "k", "p", "e", ())


def test_the_gate_fails_above_one_lint_per_thousand_words():
    assert CheckReport((_lint(),), 1, 10, 5, 1000).passed
    assert CheckReport((), 1, 10, 5, 0).passed
    over = CheckReport((_lint(), _lint()), 1, 10, 5, 1000)
    assert over.per_thousand == 2.0 and not over.passed
    summary = over.summary("2 pairs")
    assert summary.startswith("check: 2 pairs, 1,000 words in 10 pieces (5 prose sentences): 2 lints")
    assert summary.endswith("2.00 per 1,000 words, OVER the limit of 1")


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


def test_the_gate_checks_title_headings_prose_and_cells_but_not_dataset_text(generator):
    document = generator.document("collections-associate", "account-representative")
    pieces = checked_pieces(document)
    assert {piece.part for piece in pieces} == {"title", "heading", "prose", "cell"}
    assert pieces[0] == Piece(document.title, "title")
    assert any(p.part == "cell" and p.sentence.text == "$38,589" for p in pieces)
    assert all(p.sentence.text.strip() for p in pieces)
    oews = generator.document("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks")
    texts = {p.sentence.text for p in checked_pieces(oews)}
    tasks = [s for s in oews.sentences() if any(".work.tasks." in key for key in s.facts)]
    assert tasks and not texts & {s.text for s in tasks}  # O*NET's task statements, as published


def test_a_cell_is_a_fragment_for_sentence_rules_only(checker):
    """A cell is not held to a sentence's capital; every other rule still reads it."""
    fragment = Sentence("the share with a doctoral degree is lower", "label.row", "v")
    as_prose = checker.check_pieces([Piece(fragment)], ("a", "b"))
    assert [lint.rule for lint in as_prose] == ["SentenceCapitalization"]
    assert checker.check_pieces([Piece(fragment, "cell")], ("a", "b")) == []
    wrong = checker.check_pieces(
        [Piece(Sentence("Share of the the workers", "label.row", "v"), "cell")], ("a", "b")
    )
    assert [(lint.problem, lint.part) for lint in wrong] == [("the the", "cell")]


def test_a_long_quotation_does_not_make_our_sentence_long(checker):
    """LongSentences counts our words: O*NET's quoted description is the length O*NET wrote."""
    quote = ", ".join(["inspect pipes", "repair valves", "replace fittings", "test pressure"] * 6)
    quoted = Sentence(f"According to O*NET, earth drillers \u201c{quote}.\u201d", "duties.onet", "v")
    assert checker.check_sentences([quoted], ("a", "b")) == []
    ours = Sentence(f"According to O*NET, earth drillers {quote}.", "duties.onet", "v")
    assert [lint.rule for lint in checker.check_sentences([ours], ("a", "b"))] == ["LongSentences"]


def _documented_exclusions() -> list[tuple[str, str, str]]:
    """(rule, example, pair) of each row of the docs' table of rules turned off."""
    doc = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    grammar = doc[doc.index("## Grammar") :]
    table = grammar[grammar.index("| rule | correct text it flags | pair |") :].split("\n\n", 1)[0]
    rows = []
    for line in table.splitlines()[2:]:
        rule, example, pair = (cell.strip() for cell in line.strip("|").split(" | ")[:3])
        rows.append((rule.strip("`"), example, pair))
    return rows


def test_every_rule_is_on_but_those_the_docs_show_wrong_on_our_text(harper, checker, generator):
    """Each rule off has a row in docs/quality.md with a sentence that a pair's article prints, quoted
    exactly, and that Harper flags with that rule; every other default rule is on."""
    rows = _documented_exclusions()
    assert sorted(rule for rule, _, _ in rows) == sorted(EXCLUDED_RULES)
    default = harper.Linter(harper.Dialect.AMERICAN)
    off_by_default = {rule for rule, on in default.get_default_lint_config().items() if not on}
    assert {rule for rule, on in checker.rules().items() if not on} == off_by_default | set(EXCLUDED_RULES)
    for rule, example, pair in rows:
        quoted = re.fullmatch(r"\u201c(.+)\u201d", example)
        assert quoted, f"{rule}: the example is not a quotation: {example}"
        a, b = pair.split(" vs ")
        printed = {s.text for s in generator.document(a, b).sentences()}
        assert quoted[1] in printed, f"{rule}: the {pair} article no longer prints {example}"
        assert rule in default.organized_lints(quoted[1], language="plaintext"), (rule, example)


def test_compound_nouns_catches_the_share_holding_a_degree(checker):
    """'The share holding a doctoral degree' reads as 'shareholding'; 'the share of workers holding' not."""
    slip = Sentence("The share holding a doctoral degree is 0.5 percentage points lower.", "m", "v")
    lints = checker.check_sentences([slip], ("a", "b"))
    assert [(lint.rule, lint.problem) for lint in lints] == [("CompoundNouns", "share holding")]
    fixed = Sentence(
        "The share of workers holding a doctoral degree is 0.5 percentage points lower.", "m", "v"
    )
    assert checker.check_sentences([fixed], ("a", "b")) == []
    banks = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "phrasebanks").rglob("*.yaml"))
    assert not re.search(r"\bshare\s+holding\b", banks)


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
    start = text.index("  intro.opening:")
    end = text.index("\n  intro.", start + 1)
    opening = text[start:end]
    assert opening.count("{{ b |") >= 8  # every variant names b: a slip in every article
    intro.write_text(text[:start] + opening.replace("{{ b |", "the the {{ b |") + text[end:])
    runner = CliRunner()
    result = runner.invoke(check, ["--phrasebanks", str(bank), "--json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["pairs"]["source"].endswith("golden-pairs.csv")
    assert report["excluded_rules"] == EXCLUDED_RULES
    assert report["words"] > 10_000 and report["lints_per_1000"] > MAX_LINTS_PER_1000
    assert report["passed"] is False and report["max_lints_per_1000"] == MAX_LINTS_PER_1000
    repeated = [lint for lint in report["lints"] if lint["problem"] == "the the"]
    assert repeated and all(lint["file"].endswith("intro.yaml") for lint in repeated)
    assert {lint["message"] for lint in repeated} == {"intro.opening"}
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(f"a,b\n{repeated[0]['a']},{repeated[0]['b']}\n", encoding="utf-8")
    plain = runner.invoke(check, ["--phrasebanks", str(bank), "--pairs", str(pairs)])
    assert plain.exit_code == 1
    assert "intro.yaml:" in plain.stdout and "'the the'" in plain.stdout
    assert re.search(r"words in .*: \d+ lints?, [\d.]+ per 1,000 words, OVER the limit of 1$", plain.stderr)


def test_cli_run_within_the_rate_exits_0(harper):
    result = CliRunner().invoke(check, ["--limit", "2"])
    assert result.exit_code == 0, result.output
    summary = result.stdout.splitlines()[-1]
    assert re.search(r"^check: 2 of \d+ pairs .*, [\d,]+ words in [\d,]+ pieces \(", summary), summary
    assert re.search(r"[\d.]+ per 1,000 words, within the limit of 1$", summary), summary


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


def test_an_exemption_inside_a_jobs_name_does_not_hide_the_same_lint_outside_it(checker):
    """BLS spells "middle school teachers" open; our own "school teachers" is still checked."""
    text = [Sentence("Middle school teachers earn more than other school teachers.", "m", "v")]
    unnamed = checker.check_sentences(text, ("a", "b"))
    assert [lint.problem.lower() for lint in unnamed] == ["school teachers"] * 2
    named = checker.check_sentences(text, ("a", "b"), names=["middle school teachers"])
    assert [(lint.rule, lint.problem) for lint in named] == [("CompoundNouns", "school teachers")]
    assert named[0] == unnamed[1]


def test_an_exemption_inside_a_printed_fact_value_is_as_narrow(checker):
    """An industry as OEWS names it is the data's spelling; the same words of ours are not."""
    facts = {"x.top_pay.industry": "outpatient health care"}
    text = "The outpatient health care industry pays best, and other health care industries pay less."
    lints = checker.check_sentences([Sentence(text, "m", "v", facts=facts)], ("a", "b"))
    assert [(lint.rule, lint.problem) for lint in lints] == [("CompoundNouns", "health care")]
    bare = checker.check_sentences([Sentence(text, "m", "v")], ("a", "b"))
    assert len(bare) == 2 and lints[0] == bare[1]


def test_pay_for_a_job_is_not_a_price(checker):
    """PayForPrice reads 'pay for bill ...' as paying a bill; before a job's name it is the job's pay."""
    named = ["bill and account collectors"]
    ours = Sentence("Pay for bill and account collectors is highest in Massachusetts.", "m", "v")
    assert [lint.rule for lint in checker.check_sentences([ours], ("a", "b"))] == ["PayForPrice"]
    assert checker.check_sentences([ours], ("a", "b"), names=named) == []
    price = Sentence("Debtors pay for bill and account fees.", "m", "v")
    assert [lint.rule for lint in checker.check_sentences([price], ("a", "b"), names=named)] == [
        "PayForPrice"
    ]
