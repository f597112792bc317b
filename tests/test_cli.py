from __future__ import annotations

import json
import re

from .test_data import run_cli


def test_generate_prints_markdown_by_default(tmp_path):
    result = run_cli("generate", "collections-associate", "account-representative", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Collections associate")
    assert "$38,589" in result.stdout


def test_titles_are_accepted_case_insensitively_and_output_goes_to_a_file(tmp_path):
    out = tmp_path / "article.html"
    result = run_cli(
        "generate",
        "COLLECTIONS associate",
        "Account Representative",
        "--format",
        "html",
        "-o",
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_json_format(tmp_path):
    result = run_cli("generate", "recovery-agent", "collections-associate", "--format", "json", cwd=tmp_path)
    assert json.loads(result.stdout)["subjects"] == ["recovery-agent", "collections-associate"]


def test_unknown_occupation_suggests_the_closest(tmp_path):
    result = run_cli("generate", "collection-asociate", "account-representative", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith(
        "articlegen: unknown occupation 'collection-asociate'; did you mean collections-associate"
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_same_occupation_twice_is_refused(tmp_path):
    result = run_cli("generate", "recovery-agent", "Recovery Agent", cwd=tmp_path)
    assert result.returncode == 2
    assert "two different" in result.stderr


def test_list_shows_slugs_and_titles(tmp_path):
    result = run_cli("list", cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 6 + 830  # the hand-written records first, then every OEWS occupation
    assert lines[0].split() == ["account-representative", "-", "Account", "Representative"]
    assert lines[6].split()[:2] == ["chief-executives", "11-1011"]


def test_broken_phrasebank_gives_file_and_line(tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "x.yaml").write_text(
        "messages:\n  title:\n    slots: [a, b]\n    variants:\n"
        '      - id: one\n        text: "{{ a | title }} vs {{ c }}"\n'
    )
    result = run_cli(
        "generate", "recovery-agent", "collections-associate", "--phrasebanks", str(bank), cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "x.yaml:6: title/one uses 'c', which is not among the message's slots (a, b)"
    )


def test_explain_names_message_variant_and_line_of_every_sentence(tmp_path, generator):
    result = run_cli("generate", "collections-associate", "account-representative", "--explain", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    annotations = re.findall(r"<!-- ([\w.]+)/([\w-]+) @ (\S+):(\d+) -->", result.stdout)
    assert len(annotations) > 20
    bank = generator.phrasebank
    for message_id, variant_id, path, line in annotations:
        variant = next(v for v in bank.message(message_id).variants if v.id == variant_id)
        assert path.endswith(variant.file.split("/")[-1])
        assert int(line) == variant.line
        # The line named really holds that variant's text (or its key for a block scalar).
        source = (generator.phrasebank.source / path.split("/")[-1]).read_text().splitlines()
        assert "text:" in source[int(line) - 1]
    # Text from the data is marked as such, with its field.
    assert "<!-- data: collections-associate.description -->" in result.stdout


def test_explain_is_for_markdown_only(tmp_path):
    result = run_cli(
        "generate", "recovery-agent", "collections-associate", "--explain", "--format", "json", cwd=tmp_path
    )
    assert result.returncode == 2
