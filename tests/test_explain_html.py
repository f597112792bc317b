"""`--explain --format html`: the page with every piece of text annotated, naming each phrasebank
file within its directory (never where the directory sits); without --explain, no annotation."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from articlegen.resources import default_phrasebank_dir
from articlegen.wording.phrasebank import load_phrasebank

from .test_data import run_cli

PAIR = ("collections-associate", "account-representative")


class _Spans(HTMLParser):
    """The attributes of every <span>."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            self.found.append(dict(attrs))


def _spans(html: str) -> list[dict[str, str | None]]:
    parser = _Spans()
    parser.feed(html)
    parser.close()
    return parser.found


def _bank(tmp_path: Path) -> Path:
    """A copy of the bundled phrasebanks in a folder whose path the output must not reveal."""
    bank = (tmp_path / "private-folder" / "en").resolve()
    shutil.copytree(default_phrasebank_dir(), bank)
    return bank


def test_explained_html_is_a_page_whose_sentences_name_message_variant_and_file(tmp_path):
    bank = _bank(tmp_path)
    result = run_cli(
        "generate", *PAIR, "--format", "html", "--explain", "--phrasebanks", str(bank), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "private-folder" not in page and str(tmp_path) not in page
    worded = [s for s in _spans(page) if s.get("data-source") != "data"]
    assert len(worded) > 20
    phrasebank = load_phrasebank(bank)
    for span in worded:
        found = re.fullmatch(r"([\w.-]+\.yaml):(\d+)", str(span["data-source"]))
        assert found, span  # a file name alone, relative to the phrasebank folder
        file, line = found[1], int(found[2])
        variants = phrasebank.message(str(span["data-message"])).variants
        variant = next(v for v in variants if v.id == span["data-variant"])
        assert (bank / file).is_file() and Path(variant.file).name == file and variant.line == line
    # Text straight from the data is marked as such, with the fact it comes from.
    assert any(s.get("data-source") == "data" and s.get("data-facts") for s in _spans(page))


def test_plain_html_carries_no_annotation(tmp_path):
    bank = _bank(tmp_path)
    result = run_cli("generate", *PAIR, "--format", "html", "--phrasebanks", str(bank), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and "<h2>" in page
    assert not _spans(page) and " data-" not in page and ".yaml" not in page


def test_explain_with_json_is_refused_because_json_names_provenance_already(tmp_path):
    result = run_cli("generate", *PAIR, "--format", "json", "--explain", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "articlegen: --explain annotates Markdown and HTML; "
        "JSON names every sentence's message, variant, file and line already"
    )
