"""Prose measures: each one counts exactly the problem a small document plants, and nothing in a clean one."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from articlegen.cli.prose import prose
from articlegen.cli.variety import variety
from articlegen.gates.prose import (
    MEASURE_IDS,
    MEASURES,
    ArticleProse,
    Finding,
    count_title_repeats,
    find_duplicate_rows,
    find_factless_sentences,
    find_repeated_figures,
    find_repeated_openings,
    longest_item_run,
    measure_article,
    opening,
    read_figures,
    share_table_figures,
    summarize_articles,
    title_forms,
)
from articlegen.gates.variety import VarietyReport
from articlegen.gates.verify import subject_names
from articlegen.realize.document import (
    DocBlock,
    Document,
    ListBlock,
    ParagraphBlock,
    Section,
    Sentence,
    TableBlock,
)

LONG = ("first-line supervisor of retail sales workers", "first-line supervisors of retail sales workers")
SHORT = ("teller", "tellers")
FORMS = {"supervisors": LONG, "tellers": SHORT}


def said(text: str, **facts: Any) -> Sentence:
    """A sentence a phrasebank variant wrote, stating `facts` (one made-up fact when none are given)."""
    return Sentence(text, "m.id", "v", facts=facts or {"a.salary.yearly": 1.0})


def framing(text: str) -> Sentence:
    return Sentence(text, "m.frame", "v")  # no facts


def data_text(text: str) -> Sentence:
    return Sentence(text, None, None, facts={"a.duties": text})


def cell(text: str, value: Any = 1.0) -> Sentence:
    return Sentence(text, None, None, facts={"a.x": value} if value is not None else {})


def table(*rows: tuple[str, ...], facts: bool = True) -> TableBlock:
    return TableBlock(
        (Sentence(""), Sentence("A"), Sentence("B")),
        tuple(
            (Sentence(label, "label.x", "v"), *(cell(c, 1.0 if facts else None) for c in cells))
            for label, *cells in rows
        ),
    )


def document(*sections: tuple[DocBlock, ...], heading: str = "Salary") -> Document:
    return Document(
        "comparison",
        ("supervisors", "tellers"),
        0,
        Sentence("First-Line Supervisor of Retail Sales Workers vs. Teller", "title", "v"),
        tuple(
            Section(f"s{i}", Sentence(heading, "heading.x", "v"), blocks) for i, blocks in enumerate(sections)
        ),
    )


CLEAN = document(
    (
        ParagraphBlock(
            (
                said("First-line supervisors of retail sales workers earn $49,060 a year."),
                said("Tellers average $38,000, a gap of $11,060."),
            )
        ),
        table(("Yearly salary", "$50,000", "$40,000")),
    ),
    (
        ParagraphBlock((said("In 2022, 58.2% of tellers were women."),)),
        ParagraphBlock((said("The median supervisor was 44 years old in 2025."),)),
        ListBlock(said("O*NET lists these tasks:"), (data_text("Keep records."), data_text("Count cash."))),
        table(("Median age", "41", "45")),
    ),
)


# --- 1. full-title repeats ----------------------------------------------------------------------


def test_a_long_title_printed_in_full_in_prose_is_counted_in_either_form_and_any_case():
    doc = document(
        (
            ParagraphBlock(
                (
                    said("First-line supervisors of retail sales workers earn more than tellers."),
                    said("A first-line supervisor of retail sales workers earns $49,060; tellers $38,000."),
                    said("Tellers outnumber first-line supervisors of retail sales workers' staff."),
                )
            ),
            ListBlock(
                said("What FIRST-LINE SUPERVISORS OF RETAIL SALES WORKERS do:"),
                (said("Like a first-line supervisor of retail sales workers, tellers count cash."),),
            ),
            table(("First-line supervisors of retail sales workers", "$1", "$2")),  # a table: not prose
        ),
        heading="What does a first-line supervisor of retail sales workers do?",  # a heading: not prose
    )
    counts = {c.slug: c.count for c in count_title_repeats(doc, FORMS)}
    assert counts == {"supervisors": 5}  # "tellers" is short and never counted


def test_a_clean_article_names_the_long_title_in_full_once():
    assert [c.count for c in count_title_repeats(CLEAN, FORMS)] == [1]


def test_a_clean_article_scores_zero_on_every_count_and_a_planted_one_on_each():
    clean = measure_article(CLEAN, FORMS, [n for forms in FORMS.values() for n in forms])
    assert [f.value for f in clean.findings] == [1, 0, 0, 0, 0.0, 0]
    planted = document(
        (
            ParagraphBlock(
                (
                    framing("Here is how they compare."),
                    framing("The figures below answer that."),
                    said("The share of tellers who are women is 58.2%, at $40,000."),
                    said("The share is 58.2% again, for $49,060 and $40,000."),
                )
            ),
            table(("Yearly salary", "$49,060", "$40,000")),
            table(("Average salary", "$49,060", "$40,000")),
        )
    )
    values = measure_article(planted, FORMS).findings
    assert [f.value for f in values] == [0, 2, 2, 1, 3 / 5, 1]
    assert values[2].detail == "58.2% ×2, $40,000 ×2" and "open “the share”" in values[3].detail


# --- 2. sentences with no fact ------------------------------------------------------------------


def test_sentences_stating_no_fact_are_counted_in_paragraphs_and_list_leads():
    doc = document(
        (
            ParagraphBlock(
                (framing("The figures below answer that, fact by fact."), said("Tellers earn $1."))
            ),
            ListBlock(framing("Here is what they do:"), (data_text("Count cash."),)),
            table(("Yearly salary", "$1", "$2"), facts=False),  # table cells are not prose
        )
    )
    assert [s.text for s in find_factless_sentences(doc)] == [
        "The figures below answer that, fact by fact.",
        "Here is what they do:",
    ]
    assert find_factless_sentences(CLEAN) == ()


def test_verbatim_data_text_carries_the_fact_it_prints(generator):
    doc = generator.document("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks")
    verbatim = [s for s in doc.prose() if s.message is None]
    assert verbatim and all(s.facts for s in verbatim)
    assert not {id(s) for s in find_factless_sentences(doc)} & {id(s) for s in verbatim}


# --- 3. figures stated twice --------------------------------------------------------------------


def test_a_figure_printed_in_two_sentences_is_counted_once_for_each_figure():
    doc = document(
        (
            ParagraphBlock(
                (
                    said("Tellers earn $2,360 more, from 2024 to 2034 and 49.8% of the time, 49.8% again."),
                    said("The gap, $2,360, is the 10th largest since 2024; one in ten say three."),
                    said("Employment shrinks \u22121.8% over 2024\u201334, rated 1 to 5."),
                    said("Over 2024\u201334 the 10th percentile moves 1.8% and ten skills rate 1 to 5."),
                )
            ),
        )
    )
    found = {f.figure: f.sentences for f in find_repeated_figures(doc)}
    assert found == {"$2,360": 2, "1.8%": 2}  # not 49.8% (one sentence), years, "10th", "34", words or 1-5
    assert find_repeated_figures(CLEAN) == ()


def test_two_facts_that_print_alike_are_not_a_figure_stated_twice():
    doc = document(
        (
            ParagraphBlock(
                (
                    said("Monitoring rates 3.1 for tellers.", **{"a.skill_ratings.Monitoring": 3.1}),
                    said("Speaking rates 3.1 for clerks.", **{"b.skill_ratings.Speaking": 3.1}),
                )
            ),
        )
    )
    assert find_repeated_figures(doc) == ()
    group = {"a.workforce.shares_group": "Floor installers"}  # both sentences name the same group
    doc = document(
        (
            ParagraphBlock(
                (
                    said("Women were 7.5% of the group.", **group, **{"a.workforce.women_share": 7.5}),
                    said("It was 7.5% Black.", **group, **{"a.workforce.black_share": 7.5}),
                    said("Women made up 7.5% of it.", **group, **{"a.workforce.women_share": 7.5}),
                )
            ),
        )
    )
    assert [f.figure for f in find_repeated_figures(doc)] == ["7.5%"]  # the women's share, twice


def test_figures_are_read_as_printed_and_years_ordinals_and_small_counts_are_not_figures():
    assert read_figures(
        "In 2022, $2,025 and 2,025 jobs; 2100 and 1899 and 2024-2034, 45.5 years, 4.0 of 5"
    ) == [
        "$2,025",
        "2,025",
        "1899",
        "45.5",
        "4.0",
    ]
    assert read_figures("0.7 percentage points and 0.7% and 12 percent") == [
        "0.7 percentage points",
        "0.7%",
        "12%",
    ]
    assert read_figures("2025 jobs at Route 66 Inc.", ["Route 66 Inc."]) == []  # masked data text


# --- 4. repeated openings -----------------------------------------------------------------------


def test_consecutive_sentences_opening_alike_are_counted_within_and_across_paragraphs():
    doc = document(
        (
            ParagraphBlock(
                (said("The share of women is 58.2%."), said("The share, of Asian workers, is 5%."))
            ),  # 1: within a paragraph, punctuation and case aside
            ParagraphBlock((said("the SHARE of White workers is 70%."),)),  # 2: across paragraphs
            table(("Women", "58.2%", "40%")),
            ParagraphBlock((said("The share of Black workers is 20%."),)),  # a table came between
            ParagraphBlock((data_text("The share of tasks."), said("The share of men is 41.8%."))),
        ),
        (
            ParagraphBlock((said("Tellers count cash: $1."),)),
            ListBlock(said("Tellers count these:"), (data_text("The share of tasks."),)),  # 3: into a lead
            ParagraphBlock((said("The share of pay is 5%."),)),  # the list's items came between
        ),
    )
    found = find_repeated_openings(doc)
    assert [(o.opening, o.in_list) for o in found] == [
        ("the share", False),
        ("the share", False),
        ("tellers count", False),
    ]
    assert find_repeated_openings(CLEAN) == ()


def test_list_items_opening_alike_are_counted_and_the_longest_run_reported():
    doc = document(
        (
            ListBlock(
                said("Skills they list:"),
                (
                    said("Customer service: 40% of resumes."),
                    said("Customer service, again: 30%."),
                    said("Customer Service thrice: 20%."),
                    said("Data entry: 10%."),
                    said("Customer service once more: 5%."),
                ),
            ),
            ListBlock(None, (data_text("Keep records."), data_text("Keep cash."))),  # data: not compared
        )
    )
    found = find_repeated_openings(doc)
    assert [(o.opening, o.in_list) for o in found] == [("customer service", True)] * 2
    assert longest_item_run(doc) == 3
    assert longest_item_run(CLEAN) == 0  # its only list is data text


def test_an_opening_is_the_first_two_words_lowercased_without_punctuation():
    assert opening("\u201cIn 2022,\u201d said BLS.") == "in 2022"
    assert opening("Tellers.") == "tellers"


# --- 5. prose figures that repeat a table cell --------------------------------------------------


def test_the_share_of_prose_figures_a_table_cell_prints_too():
    doc = document(
        (
            ParagraphBlock(
                (
                    said("Supervisors earn $49,060, a gap of $2,360."),
                    said("The top tenth earns $65,580 or more, and 12,030 hold the job."),
                )
            ),
            table(
                ("Yearly salary", "$49,060", "$46,700"), ("Middle 80%", "$34,400\u2013$65,580", "$1\u2013$2")
            ),
        )
    )
    echo = share_table_figures(doc)
    assert (echo.figures, echo.in_tables, echo.share) == (4, 2, 0.5)
    assert share_table_figures(CLEAN).in_tables == 0
    assert share_table_figures(document((ParagraphBlock((framing("No figures."),)),))).share == 0.0


# --- 6. duplicate table rows --------------------------------------------------------------------


def test_a_row_another_table_repeats_under_any_label_is_counted():
    doc = document(
        (
            table(("Yearly salary", "$49,060", "$51,420"), ("Jobs", "158,830", "12,030")),
            table(("Average salary", "$49,060", "$51,420"), ("Median salary", "$47,030", "$50,080")),
        ),
        (
            table(("Jobs held", "158,830", "12,030"), ("Jobs again", "158,830", "12,030")),  # one dup, twice
            table(("Women", "Not reported", "Not reported"), facts=False),
            table(("Asian", "Not reported", "Not reported"), facts=False),  # no facts: not compared
        ),
    )
    found = find_duplicate_rows(doc)
    assert [(r.label, r.earlier_label) for r in found] == [
        ("Average salary", "Yearly salary"),
        ("Jobs held", "Jobs"),
        ("Jobs again", "Jobs"),
    ]
    same_table = document((table(("Yearly salary", "$1", "$2"), ("Average salary", "$1", "$2")),))
    assert find_duplicate_rows(same_table) == ()  # one table's rows are another measure's concern
    assert find_duplicate_rows(CLEAN) == ()


# --- one article, a report ----------------------------------------------------------------------


def test_a_clean_article_meets_every_target_and_each_planted_problem_misses_one():
    article = ArticleProse("clean", ("a", "b"), tuple(Finding(0, "") for _ in MEASURES))
    report = summarize_articles([article], "comparison")
    assert not report.failed
    planted = ArticleProse("bad", ("c", "d"), tuple(Finding(m.target + 1, "x") for m in MEASURES))
    report = summarize_articles([article, planted], "comparison")
    assert report.failed
    assert [s.over for s in report.measures] == [1] * len(MEASURES)
    assert [s.worst_articles[0][0] for s in report.measures] == ["bad"] * len(MEASURES)
    assert report.measures[0].mean == (MEASURES[0].target + 1) / 2


def test_every_measure_of_a_real_article_is_reported(generator):
    doc = generator.document("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks")
    forms = title_forms(generator.catalog, doc.subjects)
    article = measure_article(doc, forms, subject_names(generator.catalog, doc.subjects))
    assert article.article == "bill-and-account-collectors vs credit-authorizers-checkers-and-clerks"
    assert len(article.findings) == len(MEASURE_IDS)
    # "credit authorizers, checkers, and clerks" has five words: said in full, then shortened
    assert 1 <= article.value("title_repeats") <= 3
    assert article.value("duplicate_rows") == 0  # each fact in one table


# --- the commands -------------------------------------------------------------------------------


def test_the_command_prints_each_measure_with_its_target_and_exits_1_exactly_when_one_is_missed():
    result = CliRunner().invoke(prose, ["--pairs", "golden", "--worst", "2"])
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["measure", "target", "mean", "worst", "over", "target"]
    table_lines = lines[1 : 1 + len(MEASURES)]
    for line, measure in zip(table_lines, MEASURES, strict=True):
        assert line.startswith(measure.name) and "≤ " in line and " of 17" in line
    missed = sum(line.endswith("MISSED") for line in table_lines)
    assert lines[-1] == (
        f"prose: 17 comparison articles, {missed} of {len(MEASURES)} targets missed "
        "(17 pairs (data/golden-pairs.csv))"
    )
    assert result.exit_code == (1 if missed else 0)


def test_the_json_report_has_every_measure_and_article():
    result = CliRunner().invoke(prose, ["--pairs", "golden", "--format", "json", "--worst", "1"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["pairs"] == {
        "source": "data/golden-pairs.csv",
        "used": 17,
        "available": 17,
        "sampled": False,
    }
    assert [m["id"] for m in report["measures"]] == list(MEASURE_IDS)
    assert len(report["articles"]) == 17
    assert all(set(a["values"]) == set(MEASURE_IDS) for a in report["articles"])
    assert report["failed"] == (not all(m["met"] for m in report["measures"])) == (result.exit_code == 1)
    for m in report["measures"]:
        values = [a["values"][m["id"]] for a in report["articles"]]
        assert m["worst"] == max(values)
        assert m["over_target"] == sum(v > m["target"] for v in values)


def test_the_command_runs_over_overview_pages_and_bad_input_exits_2(tmp_path):
    result = CliRunner().invoke(prose, ["--pairs", "golden", "--kind", "overview", "--worst", "0"])
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.splitlines()[-1].startswith("prose: 10 overview pages, ")
    missing = CliRunner().invoke(prose, ["--pairs", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2
    assert "no such pairs file" in missing.stderr


@pytest.mark.parametrize(
    ("kind", "mean", "worst", "met"),
    [
        ("comparison", 0.19, 0.39, [True, True]),
        ("comparison", 0.21, 0.41, [False, False]),
        ("overview", 0.29, 0.9, [True]),  # overview pages have no target for the worst pair
        ("overview", 0.31, 0.1, [False]),
    ],
)
def test_variety_targets_differ_by_kind(kind, mean, worst, met):
    report = VarietyReport(10, 45, mean, (("a", "b"), ("c", "d"), worst), ())
    assert [ok for _, ok in report.check_targets(kind)] == met


def test_variety_checks_its_targets_only_when_asked():
    plain = CliRunner().invoke(variety, ["--pairs", "golden", "--top", "0"])
    assert plain.exit_code == 0 and "targets" not in plain.stdout
    checked = CliRunner().invoke(variety, ["--pairs", "golden", "--top", "0", "--targets"])
    last = checked.stdout.splitlines()[-1]
    assert last.startswith("targets (comparison): mean ") and " ≤ 0.20 " in last and " ≤ 0.40 " in last
    assert checked.exit_code == (1 if "MISSED" in last else 0)
