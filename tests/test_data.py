"""Bad data files give one line naming the file, the field and the fault, and exit status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from articlegen.facts.occupation import Occupation

from .conftest import ROOT, write_occupation

GOOD = "title: Typist\nsalary: {yearly: 31000}\n"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "articlegen", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "title: Clerk\nsalary:\n  yearly: -5\n",
            "data/occupations/clerk.yaml: salary.yearly: must be at least 1 (line 3)",
        ),
        (
            "title: Clerk\nsalary:\n  yearly: lots\n",
            "data/occupations/clerk.yaml: salary.yearly: must be a number (line 3)",
        ),
        (
            "title: Clerk\nsalary: {yearly: .nan}\n",
            "data/occupations/clerk.yaml: salary.yearly: must be a finite number (line 2)",
        ),
        (
            "title: Clerk\nsalery: {yearly: 3}\n",
            "data/occupations/clerk.yaml: salery: is not a known field (see 'articlegen schema') (line 2)",
        ),
        ("description: no title here\n", "data/occupations/clerk.yaml: title: is required"),
        (
            "title: Clerk\neducation:\n  masters_share: 130\n",
            "data/occupations/clerk.yaml: education.masters_share: must be at most 100 (line 3)",
        ),
        (
            "title: Clerk\nsalary: {range: {low: 50000, high: 20000}}\n",
            "data/occupations/clerk.yaml: salary.range: low must not exceed high (line 2)",
        ),
        (
            "title: Clerk\ndemographics:\n  gender: [{group: Male, share: 70}, {group: Female, share: 60}]\n",
            "data/occupations/clerk.yaml: demographics.gender: "
            "shares add up to 130%, more than 100% (line 3)",
        ),
        ("title: Clerk\ntitle: Again\n", "data/occupations/clerk.yaml:2:1: duplicate key 'title'"),
        ("title: [Clerk\n", "data/occupations/clerk.yaml:2:1: YAML syntax error:"),
        ("- just\n- a list\n", "data/occupations/clerk.yaml: expected a mapping of fields at the top level"),
        (
            "title: Clerk\nsalary: !!python/object/apply:os.system ['true']\n",
            "data/occupations/clerk.yaml:2:9: YAML syntax error:",
        ),
    ],
)
def test_bad_file_gives_one_line_and_status_2(tmp_path, content, message):
    write_occupation(tmp_path / "data", "clerk", content)
    write_occupation(tmp_path / "data", "typist", GOOD)
    result = run_cli("generate", "clerk", "typist", "--data", "data", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith(f"articlegen: {message}")


def test_comparison_against_unknown_occupation_is_reported(tmp_path):
    write_occupation(
        tmp_path / "data",
        "clerk",
        "title: Clerk\ncomparisons:\n  - {against: nobody, masters_likelihood: 1}\n",
    )
    result = run_cli("list", "--data", "data", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "articlegen: data/occupations/clerk.yaml: comparisons.against: names unknown occupation 'nobody'"
    )


def test_schema_command_prints_the_json_schema(tmp_path):
    result = run_cli("schema", cwd=tmp_path)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["required"] == ["title"]
    assert "slug" not in schema["properties"]
    assert {"salary", "education", "top_pay", "demographics", "skills", "comparisons"} <= set(
        schema["properties"]
    )


def _field_paths(model, prefix=""):
    """Every field path of the schema, nested models included."""
    import typing

    from pydantic import BaseModel

    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        yield path
        for arg in [field.annotation, *typing.get_args(field.annotation)]:
            for inner in [arg, *typing.get_args(arg)]:
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    yield from _field_paths(inner, f"{path}.")


def test_readme_documents_every_field():
    readme = (ROOT / "README.md").read_text()
    undocumented = [p for p in _field_paths(Occupation) if p != "slug" and f"`{p}`" not in readme]
    assert undocumented == []


def test_bundled_data_loads(generator):
    entries = generator.catalog.entries.values()
    assert sum(e.source == "hand" for e in entries) == 6
    oews = [e for e in entries if e.source == "oews"]
    assert len(oews) == 830
    assert len(generator.catalog) == 6 + sum(
        not e.residual for e in oews
    )  # residual categories are no subjects
    ca = generator.catalog.find("Collections Associate")
    assert ca.salary.yearly == 38589
    assert ca.stated_comparison("account-representative") is None
    assert (
        generator.catalog.find("account-representative").stated_comparison("collections-associate")
        is not None
    )
