"""Limits on what a record and a command line may hold: each breach is one line, never a traceback
or a silent surprise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from articlegen.cli import main
from articlegen.facts.occupation import MAX_JOBS, MAX_MONEY

from .conftest import write_occupation


def _data(tmp_path: Path, clerk: str) -> Path:
    write_occupation(tmp_path, "clerk", clerk)
    write_occupation(tmp_path, "typist", "title: Typist\nsalary: {yearly: 40000}\n")
    return tmp_path


def _generate(data: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["generate", *args, "--data", str(data)])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            f"title: Clerk\njobs: {'9' * 5000}\n",
            "clerk.yaml:2:7: a whole number of 5000 digits is out of range",
        ),
        ("title: Clerk\njobs: true\n", "clerk.yaml: jobs: must be a whole number (line 2)"),
        ("title: Clerk\njobs: '12'\n", "clerk.yaml: jobs: must be a whole number (line 2)"),
        (f"title: Clerk\njobs: {MAX_JOBS + 1}\n", f"jobs: must be at most {MAX_JOBS:,}"),
        ("title: Clerk\nsalary: {yearly: 1.0e+308}\n", f"salary.yearly: must be at most {MAX_MONEY:,}"),
        ("title: Clerk\nsalary: {yearly: true}\n", "salary.yearly: must be a number"),
        ("title: Clerk\ndemographics: {lgbt_share: false}\n", "demographics.lgbt_share: must be a number"),
    ],
)
def test_out_of_range_and_mistyped_numbers_are_one_line(tmp_path, record, expected):
    code, output = _generate(_data(tmp_path, record), "clerk", "typist")
    assert code == 2 and expected in output, output
    assert "Traceback" not in output and len(output.strip().splitlines()) == 1


def test_the_largest_allowed_amounts_still_render(tmp_path):
    data = _data(tmp_path, f"title: Clerk\njobs: {MAX_JOBS}\nsalary: {{yearly: {MAX_MONEY}}}\n")
    code, output = _generate(data, "clerk", "typist")
    assert code == 0 and f"${MAX_MONEY:,}" in output and f"{MAX_JOBS:,}" in output


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_refused_not_resolved_to_some_record(tmp_path, name):
    code, output = _generate(_data(tmp_path, "title: Clerk\n"), name, "typist")
    assert code == 2 and "an empty name names no occupation" in output, output


def test_output_dash_writes_to_standard_output(tmp_path):
    data = _data(tmp_path, "title: Clerk\n")
    code, output = _generate(data, "clerk", "typist", "-o", "-")
    assert code == 0 and output.startswith("# ") and not (Path.cwd() / "-").exists()


def test_a_full_standard_output_is_one_line(tmp_path):
    data = _data(tmp_path, "title: Clerk\n")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "articlegen", "generate", "clerk", "typist", "--data", str(data)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip() == "articlegen: cannot write to standard output: No space left on device"


def test_a_pairs_file_with_a_byte_order_mark_is_read(tmp_path):
    data = _data(tmp_path, "title: Clerk\n")
    pairs = tmp_path / "pairs.csv"
    pairs.write_bytes("\ufeffa,b\nclerk,typist\n".encode())
    result = CliRunner().invoke(main, ["verify", "--pairs", str(pairs), "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "1 articles" in result.output
