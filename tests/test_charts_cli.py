"""`generate --charts`: a Markdown article with its charts as SVG files beside it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from articlegen.cli import main


def test_charts_are_written_beside_the_article_and_linked_by_relative_path(tmp_path):
    out = tmp_path / "site" / "devs-vs-nurses.md"
    out.parent.mkdir()
    result = CliRunner().invoke(
        main, ["generate", "software-developers", "registered-nurses", "--charts", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    links = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", out.read_text(encoding="utf-8"))
    assert links and all(link.startswith("devs-vs-nurses.charts/") for link in links)
    for link in links:
        svg = ET.parse(out.parent / link).getroot()
        assert svg.tag.endswith("svg") and svg.find("{http://www.w3.org/2000/svg}title") is not None
    assert sorted(p.name for p in (out.parent / "devs-vs-nurses.charts").iterdir()) == sorted(
        link.rsplit("/", 1)[1] for link in links
    )


def test_charts_need_a_markdown_file_to_sit_beside(tmp_path):
    runner = CliRunner()
    for extra in (["--format", "html", "-o", str(tmp_path / "a.html")], []):
        result = runner.invoke(
            main, ["generate", "software-developers", "registered-nurses", "--charts", *extra]
        )
        assert result.exit_code == 2
        assert result.output.strip().count("\n") == 0 and "--charts" in result.output
