from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from articlegen import Generator, open_generator
from articlegen.gates.artifacts import ARTIFACTS, find_artifacts  # noqa: F401  (re-exported for tests)

ROOT = Path(__file__).resolve().parent.parent
FULL = ("collections-associate", "account-representative", "collections-coordinator")
PARTIAL = ("account-specialist", "accounts-receivable-analyst", "recovery-agent")


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
