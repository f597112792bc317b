from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest
import yaml
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from articlegen import Generator, open_generator
from articlegen.gates.artifacts import ARTIFACTS, find_artifacts  # noqa: F401  (re-exported for tests)
from articlegen.resources import default_phrasebank_dir

ROOT = Path(__file__).resolve().parent.parent
FULL = ("collections-associate", "account-representative", "collections-coordinator")
PARTIAL = ("account-specialist", "accounts-receivable-analyst", "recovery-agent")


def plant_variant(tmp_path: Path, file: str, message: str, text: str) -> Path:
    """A copy of the bundled phrasebanks in which `message` has one variant, `planted`: a fault
    planted for a gate to catch."""
    bank = tmp_path / "en"
    shutil.copytree(default_phrasebank_dir(), bank)
    path = bank / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["messages"][message]["variants"] = [{"id": "planted", "text": text}]
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=200), encoding="utf-8")
    return bank


def in_ci() -> bool:
    """CI sets CI=true (GitHub Actions, GitLab and most others do); there nothing may be skipped."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def skip_unless_ci(reason: str) -> NoReturn:
    """Skip with `reason` on a developer's machine; fail with it in CI.

    A test skipped in CI passes silently: the grammar gate, the browser test or a reproduction
    would stop running the day a package or a download went missing, and nobody would see it.
    """
    if in_ci():
        pytest.fail(f"{reason} (CI=true: this test must run, not be skipped)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)  # callable at a module's top, as importorskip is


def require(module: str, what: str) -> ModuleType:
    """Import `module` for a test, or skip_unless_ci naming `what` is missing."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        problem = f"{what}: cannot import {module} ({err})"
    skip_unless_ci(problem)  # outside the except clause: the report shows one reason, not a chain


def require_that(condition: object, what: str) -> None:
    """Go on if `condition` holds; else skip_unless_ci naming `what` is missing."""
    if not condition:
        skip_unless_ci(what)


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
