"""Fact verification: every number an article prints is one of its sentence's facts, or computed from them."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from articlegen import open_generator
from articlegen.cli.verify import verify
from articlegen.corpus.pairs import all_pairs, sample_pairs
from articlegen.gates.verify import check_text, extract_numbers, verify_pairs
from articlegen.realize.document import TableBlock
from articlegen.resources import default_phrasebank_dir

OEWS_SAMPLE = 500
OEWS_PAIR = ("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks")


def _slugs(generator, source: str) -> list[str]:
    entries = generator.catalog.entries.values()
    return sorted(e.slug for e in entries if e.source == source and not e.residual)


def test_every_pair_of_hand_written_occupations_verifies(generator):
    pairs = list(itertools.permutations(_slugs(generator, "hand"), 2))
    report = verify_pairs(generator, pairs)
    assert report.articles == 30
    assert report.numbers > 25 * report.articles  # tables and prose: the check reads real text
    assert [str(u) for u in report.unverified] == []


def test_a_sample_of_oews_pairs_verifies(generator):
    pairs = sorted(sample_pairs(all_pairs(_slugs(generator, "oews")), OEWS_SAMPLE))
    report = verify_pairs(generator, pairs)
    assert report.articles == OEWS_SAMPLE
    assert report.numbers > 10 * OEWS_SAMPLE
    assert [str(u) for u in report.unverified] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a gap of $1,612, about 4.4%.", [("$1,612", 1612, "money"), ("4.4%", 4.4, "percent")]),
        ("$23.59 an hour", [("$23.59", 23.59, "money")]),
        ("Growth: \u22128%", [("\u22128%", -8, "percent")]),
        ("$28,000\u2013$45,000", [("$28,000", 28000, "money"), ("$45,000", 45000, "money")]),
        ("typically 6\u201312 months", [("6", 6, "plain"), ("12", 12, "plain")]),
        ("0.7 percentage points more likely", [("0.7 percentage points", 0.7, "percent")]),
        ("hold 158,830 jobs", [("158,830", 158830, "plain")]),
        ("The three skills", [("three", 3, "plain")]),
        ("one in ten makes under $30,260", [("one in ten", 10, "percent"), ("$30,260", 30260, "money")]),
        ("Half of all workers", [("Half", 50, "percent")]),
        ("the two jobs, not one of them; compare one as a clerk", []),
    ],
)
def test_numbers_are_read_as_printed(text, expected):
    found = [(n.text, n.value, n.kind) for n in extract_numbers(text)]
    assert found == [(t, pytest.approx(v), k) for t, v, k in expected]


FACTS = {"a.salary.yearly": 38589.0, "b.salary.yearly": 36977.0}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("A earns $38,589 and B $36,977.", []),
        ("A gap of $1,612, or 4.4%.", []),  # difference, and percent of the lower salary
        ("A gap of $1,611.", ["$1,611"]),
        ("A gap of 4.5%.", ["4.5%"]),
        ("A gap of $4.40.", ["$4.40"]),  # a percent difference printed as dollars is not a figure
        ("Three times as much.", ["Three"]),
        ("A earns $38,589, \u22121,612 against B.", ["\u22121,612"]),  # a signed number keeps its sign
    ],
)
def test_a_number_must_be_a_fact_or_computed_from_two(text, wrong):
    assert [n.text for n in check_text(text, FACTS)[1]] == wrong


def test_counts_come_from_list_facts_and_data_text_is_masked():
    facts = {"a.skills": ("UPC", "data entry", "Form 1099 filing")}
    assert check_text("The three skills are UPC, data entry, and Form 1099 filing.", facts)[1] == []
    assert [n.text for n in check_text("The four skills are UPC and data entry.", facts)[1]] == ["four"]
    assert check_text("Tier 2 agents list UPC.", facts, names=["tier 2 agent"])[1] == []


def _bank_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    bank = tmp_path / "en"
    shutil.copytree(default_phrasebank_dir(), bank)
    path = bank / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return bank


@pytest.mark.parametrize(
    ("file", "old", "new", "prefix", "number"),
    [
        ("salary.yaml", "{{ difference }}", "$999", "salary.compare", "$999"),
        ("salary.yaml", "{{ percent_more }}", "{{ percent_more | money }}", "salary.compare", None),
        ("intro.yaml", "{{ skills | count_noun('skill') }}", "four skills", "intro.skills", "four"),
        (
            "salary.yaml",
            "{{ difference | money }}",
            "{{ (difference * 2) | money }}",
            "salary.median.compare",
            None,
        ),
    ],
)
def test_a_variant_that_prints_a_wrong_number_is_caught(tmp_path, file, old, new, prefix, number):
    bank = _bank_with(tmp_path, file, old, new)
    generator = open_generator(phrasebank_dir=bank)
    pairs = [*itertools.permutations(_slugs(generator, "hand"), 2), OEWS_PAIR]
    report = verify_pairs(generator, pairs)
    caught = report.unverified
    assert caught, f"no unverified number in {prefix}"
    assert all(u.message is not None and u.message.startswith(prefix) for u in caught)
    if number is not None:
        assert {u.number for u in caught} == {number}


def test_a_wrong_number_in_a_table_label_is_caught(tmp_path):
    bank = _bank_with(tmp_path, "labels.yaml", "Middle 80% of salaries", "Middle 70% of salaries")
    report = verify_pairs(open_generator(phrasebank_dir=bank), [OEWS_PAIR])
    assert [(u.message, u.number) for u in report.unverified] == [("label.percentile_range", "70%")]


def test_each_table_cell_carries_only_the_fact_it_shows(generator):
    """Not its row's: a cell that printed the other job's figure would then be caught."""
    checked = 0
    for a, b in [("collections-associate", "account-representative"), OEWS_PAIR]:
        document = generator.document(a, b)
        for section in document.sections:
            for block in section.blocks:
                if not isinstance(block, TableBlock):
                    continue
                for _label, *cells in block.rows:
                    for slug, cell in zip(document.subjects, cells, strict=True):
                        if cell.message is None:  # not the "missing" label
                            (key,) = cell.facts
                            assert key.startswith(f"{slug}."), (cell.text, key)
                            checked += 1
    assert checked > 30


def test_command_reports_each_unverified_number_and_exits_1(tmp_path):
    bank = _bank_with(tmp_path, "salary.yaml", "{{ difference }}", "$999")
    result = CliRunner().invoke(verify, ["--pairs", "golden", "--phrasebanks", str(bank)])
    assert result.exit_code == 1, result.output
    *lines, summary = result.output.splitlines()
    # $999 is also a false claim about the gap, reported on lines of its own
    lines = [line for line in lines if not line.startswith("false claim: ")]
    assert lines
    shape = re.compile(
        r"^[a-z-]+ vs [a-z-]+: salary\.[a-z.]+/[a-z-]+: "
        r"number '\$999' in \".+\" is not among the facts \{.+\}$"
    )
    assert all(shape.match(line) for line in lines), lines[0]
    assert (
        summary.endswith("not interpreted (17 pairs (data/golden-pairs.csv))")
        and " 0 unverified" not in summary
    )


def test_command_passes_the_golden_pairs():
    result = CliRunner().invoke(verify, ["--pairs", "golden"])
    assert result.exit_code == 0, result.output
    assert "0 unverified" in result.output
