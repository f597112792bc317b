"""`articlegen lint`: each kind of phrasebank mistake is found and located as file:line:col."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from articlegen.resources import default_data_dir, default_phrasebank_dir

from .test_data import run_cli

SALARY_TEXT = "{{ higher | plural }} earn {{ difference }} more a year than"


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    directory = tmp_path / "en"
    shutil.copytree(default_phrasebank_dir(), directory)
    return directory


def _edit(path: Path, old: str, new: str) -> int:
    """Replace `old` once and return the 1-based line where the edit starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _lint(bank: Path, cwd: Path):
    return run_cli("lint", str(bank), "--data", str(default_data_dir()), cwd=cwd)


def test_bundled_phrasebanks_are_clean(tmp_path):
    result = run_cli("lint", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("no problems")
    assert re.search(r"\d+ files, \d+ messages, \d+ variants, rendered against \d+ pairs", result.stdout)


@pytest.mark.parametrize(
    ("old", "new", "expected", "col_of"),
    [
        (
            SALARY_TEXT,
            SALARY_TEXT.replace("plural", "plurl"),
            "unknown filter 'plurl'; did you mean 'plural'?",
            "plurl",
        ),
        (
            SALARY_TEXT,
            SALARY_TEXT.replace("{{ difference }}", "{{ diference }}"),
            "uses 'diference'",
            "diference",
        ),
        (SALARY_TEXT, SALARY_TEXT.replace("{{ difference }}", "{{ difference }"), "Jinja syntax error", None),
        (
            'when: "percent_more < 5"',
            'when: "percent_more <"',
            "condition of salary.compare/slightly does not parse",
            None,
        ),
        (
            "      - id: percent-premium",
            "      - id: more-per-year",
            "variant id 'more-per-year'",
            "more-per-year",
        ),
        ("  salary.compare:\n    slots:", "  salary.compare:\n    slotz:", "unknown key 'slotz'", "slotz"),
        ('when: "percent_more < 5"', 'whn: "percent_more < 5"', "unknown key 'whn'", "whn"),
    ],
    ids=[
        "unknown-filter",
        "undeclared-slot",
        "jinja-syntax",
        "bad-condition",
        "duplicate-variant",
        "unknown-key",
        "unknown-variant-key",
    ],
)
def test_each_mistake_is_reported_with_its_line_and_column(bank, tmp_path, old, new, expected, col_of):
    path = bank / "salary.yaml"
    line = _edit(path, old, new)
    result = _lint(bank, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    problems = [p for p in result.stdout.splitlines() if expected in p]
    assert len(problems) == 1, result.stdout
    where = re.match(r"^(.+salary\.yaml):(\d+):(\d+): ", problems[0])
    assert where, problems[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    reported_line, col = int(where[2]), int(where[3])
    assert line <= reported_line <= line + 3  # the edited entry, or the template line inside it
    if col_of:
        assert lines[reported_line - 1][col - 1 :].startswith(col_of)
    assert "1 problem in 1 file" in result.stderr


def test_yaml_syntax_error_has_line_and_column(bank, tmp_path):
    line = _edit(bank / "skills.yaml", "messages:", "messages:\n  broken: [unclosed")
    result = _lint(bank, tmp_path)
    assert result.returncode == 1
    # The parser notices an unclosed list on the line after it opens.
    assert re.search(rf"skills\.yaml:({line + 1}|{line + 2}):\d+: YAML syntax error", result.stdout), (
        result.stdout
    )
    # The messages the unreadable file held are reported once, pointing at it, not one by one.
    missing = [p for p in result.stdout.splitlines() if "missing" in p]
    assert len(missing) == 1 and "fix the files that failed to load first" in missing[0]
    assert "2 problems in 2 files" in result.stderr


def test_every_problem_is_listed_not_just_the_first(bank, tmp_path):
    _edit(bank / "salary.yaml", SALARY_TEXT, SALARY_TEXT.replace("plural", "plurl"))
    _edit(bank / "education.yaml", "{{", "{{ nosuchslot }} {{")
    result = _lint(bank, tmp_path)
    assert result.returncode == 1
    assert "salary.yaml" in result.stdout and "education.yaml" in result.stdout
    assert "2 problems in 2 files" in result.stderr


def test_duplicate_message_across_files(bank, tmp_path):
    (bank / "zz-extra.yaml").write_text(
        'messages:\n  salary.compare:\n    slots: []\n    variants:\n      - id: x\n        text: "Hi."\n'
    )
    result = _lint(bank, tmp_path)
    assert result.returncode == 1
    assert re.search(
        r"zz-extra\.yaml:2:1: message 'salary.compare' is already defined at .*salary\.yaml:\d+",
        result.stdout,
    )


def test_variant_that_fails_when_rendered_against_the_data(bank, tmp_path):
    line = _edit(bank / "salary.yaml", SALARY_TEXT, "{{ higher_salary.nosuchfield }} " + SALARY_TEXT)
    result = _lint(bank, tmp_path)
    assert result.returncode == 1
    pattern = r"salary\.yaml:(\d+):1: salary.compare/more-per-year uses a missing value: .* \(for .+ vs .+\)"
    found = re.search(pattern, result.stdout)
    assert found and line - 1 <= int(found[1]) <= line, result.stdout  # the variant's `text:` line


@pytest.mark.parametrize(
    ("addition", "kind"),
    [
        ("{{ '{{' }}", "template brace"),
        ("None of them", "None"),
        ("for $0", "$0"),
        ("and .", "dangling conjunction"),
    ],
)
def test_variant_that_renders_an_artifact(bank, tmp_path, addition, kind):
    _edit(bank / "salary.yaml", SALARY_TEXT, f"{SALARY_TEXT} {addition}")
    result = _lint(bank, tmp_path)
    assert result.returncode == 1, result.stdout
    assert f"salary.compare/more-per-year renders {kind} for" in result.stdout


def test_empty_output_is_an_artifact(bank, tmp_path):
    _edit(bank / "duties.yaml", 'text: "Typical duties of {{ role | indef }} include:"', "text: \"{{ '' }}\"")
    result = _lint(bank, tmp_path)
    assert result.returncode == 1
    assert "duties.lead/typical-duties renders empty output" in result.stdout


def test_message_with_fewer_variants_than_its_uses_in_one_article(bank, tmp_path):
    path = bank / "duties.yaml"
    text = path.read_text()
    start = text.index("      - id: day-to-day")
    path.write_text(text[:start])  # duties.lead keeps one variant but is said for both jobs
    result = _lint(bank, tmp_path)
    assert result.returncode == 1
    assert re.search(
        r"duties\.yaml:10:1: duties\.lead is used 2 times in one article but has only 1 variant",
        result.stdout,
    ), result.stdout


def test_missing_message_is_reported(bank, tmp_path):
    path = bank / "duties.yaml"
    text = path.read_text()
    path.write_text(text[: text.index("  duties.lead:")])
    result = _lint(bank, tmp_path)
    assert result.returncode == 1
    assert "no message 'duties.lead'; articles need it" in result.stdout


def test_unusable_input_exits_2_with_one_line(tmp_path):
    result = run_cli("lint", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such phrasebank directory" in result.stderr
    assert "Traceback" not in result.stderr
