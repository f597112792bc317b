from __future__ import annotations

import re
from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from articlegen import Generator, open_generator

ROOT = Path(__file__).resolve().parent.parent
FULL = ("collections-associate", "account-representative", "collections-coordinator")
PARTIAL = ("account-specialist", "accounts-receivable-analyst", "recovery-agent")

# What must never appear in an article: missing values, template leftovers, a dash or $0
# standing in for a fact, mojibake of the kind the reference pages had, doubled spaces
# or punctuation, a missing space after a full stop.
ARTIFACTS = {
    "None": re.compile(r"\bNone\b"),
    "nan": re.compile(r"\b(nan|NaN|inf)\b"),
    "template brace": re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"),
    "dash for a missing value": re.compile(r"\|\s*-\s*\||\s-\s*$", re.M),
    "$0": re.compile(r"\$0(?![.,]\d)"),
    "mojibake": re.compile(r"acirc|euro;|rdquo|&[a-z]+;|Ã|â€"),
    "double space": re.compile(r"(?<=\S)  +(?=\S)"),
    "space before punctuation": re.compile(r"\w \s*[,.;:!?](?!\d)"),
    "doubled punctuation": re.compile(r"(?<!\.)[,;:]\s*[,;:.]|(?<![.])\.\.(?!\.)"),
    "missing space after stop": re.compile(r"[a-z]\.[A-Z][a-z]"),
    "dangling conjunction": re.compile(r"\b(and|or|,)\s*[.:]|\b(and|or)\s*$", re.M),
    "empty list item": re.compile(r"^- *$", re.M),
    "lowercase sentence start": re.compile(
        r"(?<!\bCo\. )(?<!\bInc\. )(?<!\bLtd\. )(?<!\bCorp\. )(?<!\bSt\. )(?<=[.!?] )[a-z]|^[a-z]", re.M
    ),
}


def find_artifacts(text: str) -> list[str]:
    """Names of the artifact kinds found in `text`, with the offending snippet."""
    found = []
    body = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    for name, pattern in ARTIFACTS.items():
        target = text if name in {"dash for a missing value", "template brace", "None", "nan", "$0"} else body
        match = pattern.search(target)
        if match:
            start = max(0, match.start() - 30)
            found.append(f"{name}: ...{target[start : match.end() + 30]!r}")
    return found


class MarkdownSnapshotExtension(SingleFileSnapshotExtension):
    """Each snapshot is one readable .md file, so a CI diff reads as a text diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "md"


@pytest.fixture
def snapshot_md(snapshot):
    return snapshot.use_extension(MarkdownSnapshotExtension)


@pytest.fixture(scope="session")
def generator() -> Generator:
    return open_generator()


def write_occupation(directory: Path, slug: str, text: str) -> Path:
    occupations = directory / "occupations"
    occupations.mkdir(parents=True, exist_ok=True)
    path = occupations / f"{slug}.yaml"
    path.write_text(text, encoding="utf-8")
    return path
