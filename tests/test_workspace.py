"""Commands read the content of the project folder they run in, not the copy installed with the package.

A project folder is the nearest one, from the working directory up, holding an articlegen.toml or
both phrasebanks/ and data/ (resources.find_workspace); outside any, the bundled copy is used.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from articlegen.cli import main
from articlegen.editing.serve import make_server
from articlegen.resources import CONFIG_FILE, bundled_workspace, find_workspace

from .conftest import ROOT, require_that, skip_unless_ci
from .test_coverage import copy_content
from .test_diff import EDITED, edited_sentences, git, reword, reworded

PAIR = ("recovery-agent", "collections-associate")
REWORDED = "more per year"  # what reword() writes into salary.compare/more-per-year
BROKEN_TITLE = "{{ a | singular }} vs. {{ b | singular }}"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def break_title(bank: Path) -> int:
    """An unclosed tag in title.yaml; returns the line it is on."""
    path = bank / "title.yaml"
    text = path.read_text(encoding="utf-8")
    assert BROKEN_TITLE in text
    path.write_text(text.replace(BROKEN_TITLE, "{{ a | title vs. {{ b | title }}", 1), encoding="utf-8")
    return text[: text.index(BROKEN_TITLE)].count("\n") + 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A clone's content: data/ and phrasebanks/en/ in a folder of their own, free to edit."""
    root = tmp_path / "project"
    copy_content(root)
    return root


# --- discovery ---------------------------------------------------------------------------------


def test_the_nearest_folder_with_phrasebanks_and_data_or_a_config_is_the_project(tmp_path):
    outer = tmp_path / "outer"
    for name in ("data", "phrasebanks/en"):
        (outer / name).mkdir(parents=True)
    (outer / "phrasebanks" / "en" / "title.yaml").write_text("messages: {}\n", encoding="utf-8")
    deep = outer / "phrasebanks" / "en" / "notes"
    deep.mkdir()
    found = find_workspace(deep)
    assert found is not None
    assert (found.root, found.source, found.config) == (outer.resolve(), "checkout", None)
    assert (found.data_dir, found.phrasebank_dir) == (
        outer.resolve() / "data",
        outer.resolve() / "phrasebanks/en",
    )
    assert found.show(deep / "x.yaml") == str(Path("phrasebanks/en/notes/x.yaml"))

    (outer / CONFIG_FILE).write_text('data = "phrasebanks"\n', encoding="utf-8")  # beside both: the file wins
    assert find_workspace(deep).source == "config"
    assert find_workspace(deep).data_dir == outer.resolve() / "phrasebanks"

    alone = tmp_path / "alone" / "data"  # data/ without phrasebanks/ is no project
    alone.mkdir(parents=True)
    assert find_workspace(alone) is None
    assert find_workspace(tmp_path) is None


# --- lint -------------------------------------------------------------------------------------


def test_lint_inside_a_project_reports_its_own_file_relative_to_the_project(project, monkeypatch):
    line = break_title(project / "phrasebanks" / "en")
    expected = f"phrasebanks/en/title.yaml:{line}:1: Jinja syntax error in title/"
    monkeypatch.chdir(project)
    result = run("lint", "--verbose")
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith(expected), result.stdout
    assert str(project) not in result.stdout and "site-packages" not in result.stdout
    assert result.stderr.startswith(
        f"articlegen: content: data/ and phrasebanks/en/ of the project folder {project.resolve()} "
        "(it holds phrasebanks/ and data/)\n"
    )
    # The same file, named the same way, from deep inside the project.
    monkeypatch.chdir(project / "phrasebanks" / "en")
    assert run("lint").stdout.startswith(expected)


@pytest.mark.parametrize("folder", ["phrasebanks", "phrasebanks/en"])
def test_lint_takes_the_phrasebank_root_or_its_language_folder(project, monkeypatch, folder):
    line = break_title(project / "phrasebanks" / "en")
    monkeypatch.chdir(project)
    result = run("lint", folder)
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[0].startswith(f"phrasebanks/en/title.yaml:{line}:1: Jinja syntax error")
    assert re.match(r"lint: 2\d files, ", result.stderr), result.stderr  # not "no phrasebank files found"


def test_a_phrasebank_root_with_several_languages_must_be_named(project, monkeypatch):
    (project / "phrasebanks" / "fr").mkdir()
    (project / "phrasebanks" / "fr" / "title.yaml").write_text("messages: {}\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert run("info").stdout.splitlines()[3] == f"phrasebanks: {project.resolve() / 'phrasebanks/en'}"
    (project / "phrasebanks" / "en").rename(project / "phrasebanks" / "de")
    result = run("lint", "phrasebanks")
    assert result.exit_code == 2
    assert result.stderr == (
        "articlegen: phrasebanks: holds the language folders de, fr; name one, e.g. phrasebanks/de\n"
    )


# --- generate, info, config -------------------------------------------------------------------


def test_generate_inside_a_project_uses_its_edit_and_outside_the_bundled_copy(project, tmp_path, monkeypatch):
    reword(project / "phrasebanks" / "en")
    monkeypatch.chdir(project / "data")
    inside = run("generate", *PAIR, "--explain", "--verbose")
    assert inside.exit_code == 0, inside.output
    assert REWORDED in inside.stdout
    assert (
        f"{EDITED[0]}/{EDITED[1]} @ salary.yaml:" in inside.stdout
    )  # --explain names the file in the folder
    assert str(tmp_path) not in inside.stdout
    assert f"of the project folder {project.resolve()}" in inside.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    outside = run("generate", *PAIR)
    bundled = bundled_workspace()
    explicit = run(
        "generate", *PAIR, "--data", str(bundled.data_dir), "--phrasebanks", str(bundled.phrasebank_dir)
    )
    assert outside.exit_code == 0, outside.output
    assert outside.stdout == explicit.stdout
    assert REWORDED not in outside.stdout

    # Options still win over the project folder.
    monkeypatch.chdir(project)
    chosen = run("generate", *PAIR, "--phrasebanks", str(bundled.phrasebank_dir))
    assert chosen.stdout == explicit.stdout


def test_info_says_which_content_and_why(project, tmp_path, monkeypatch):
    monkeypatch.chdir(project)
    lines = run("info").stdout.splitlines()
    assert lines[:4] == [
        "source:      checkout",
        f"from:        the project folder {project.resolve()} (it holds phrasebanks/ and data/)",
        f"data:        {project.resolve() / 'data'}",
        f"phrasebanks: {project.resolve() / 'phrasebanks' / 'en'}",
    ]
    assert lines[4].startswith("articlegen:  0.1.0 in ")
    assert lines[5].startswith(f"python:      {sys.version_info.major}.{sys.version_info.minor}.")

    monkeypatch.chdir(tmp_path)
    lines = run("info").stdout.splitlines()
    assert lines[0] == "source:      bundled"
    assert lines[2] == f"data:        {bundled_workspace().data_dir}"
    lines = run("info", "--data", str(project / "data")).stdout.splitlines()
    assert lines[2] == f"data:        {(project / 'data').resolve()} (--data)"


def test_a_config_file_names_content_kept_elsewhere(project, tmp_path, monkeypatch):
    reword(project / "phrasebanks" / "en")
    site = tmp_path / "site" / "pages"
    site.mkdir(parents=True)
    config = tmp_path / "site" / CONFIG_FILE
    config.write_text('data = "../project/data"\nphrasebanks = "../project/phrasebanks"\n', encoding="utf-8")
    monkeypatch.chdir(site)
    lines = run("info").stdout.splitlines()
    assert lines[:4] == [
        "source:      config",
        f"from:        the project folder {config.parent.resolve()} (named by its {config.resolve()})",
        f"data:        {project.resolve() / 'data'}",
        f"phrasebanks: {project.resolve() / 'phrasebanks' / 'en'}",  # the root names its one language
    ]
    assert REWORDED in run("generate", *PAIR).stdout

    config.write_text('data = "../project/data"\nphrasebank = "x"\n', encoding="utf-8")
    result = run("generate", *PAIR)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"articlegen: {config}: unknown key 'phrasebank'; the keys are data and phrasebanks\n"
    )
    config.write_text('data = "../nowhere"\n', encoding="utf-8")
    result = run("info")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"articlegen: {config}: data = '../nowhere': no such folder")


# --- serve ------------------------------------------------------------------------------------


def test_the_preview_reads_the_project_and_names_files_relative_to_it(project, monkeypatch):
    reword(project / "phrasebanks" / "en")
    monkeypatch.chdir(project / "phrasebanks")
    server = make_server("127.0.0.1", 0, None, None)  # the defaults `articlegen serve` has
    try:
        preview = server.preview
        assert [preview.name(p) for p in preview.watched()] == ["phrasebanks/en", "data"]
        status, answer = preview.article(*PAIR, 0)
        assert status == 200, answer
        sources = set(re.findall(r'data-source="([^"]+?):\d+"', answer["html"]))
        assert "phrasebanks/en/salary.yaml" in sources
        assert all(s == "data" or s.startswith("phrasebanks/en/") for s in sources), sources
        assert REWORDED in answer["html"]

        line = break_title(project / "phrasebanks" / "en")
        assert preview.state()["errors"][0].startswith(
            f"phrasebanks/en/title.yaml:{line}:1: Jinja syntax error"
        )
    finally:
        server.server_close()


# --- diff --base ------------------------------------------------------------------------------


@pytest.fixture
def repo(project: Path) -> Path:
    """The project as a git clone whose HEAD holds its content; .venv/ is ignored, as in this repository."""
    require_that(shutil.which("git"), "git is not installed: the --base tests run it")
    (project / ".gitignore").write_text(".venv/\n", encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", ".gitignore", "data", "phrasebanks")
    git(project, "commit", "-q", "-m", "content")
    return project


def _changed(summary: str) -> int:
    found = re.fullmatch(r"(\d+) of (\d+) articles changed(, \d+ sentences?)?", summary)
    assert found, summary
    return int(found[1])


def test_diff_base_head_reads_the_revision_at_the_project_paths(repo, monkeypatch, generator):
    expected = f"+{reworded(edited_sentences(generator)[0])}"
    reword(repo / "phrasebanks" / "en")
    for where in (repo, repo / "phrasebanks"):
        monkeypatch.chdir(where)
        result = run("diff", "--base", "HEAD")
        assert result.exit_code == 0, result.output
        assert _changed(result.stdout.splitlines()[-1]) > 0
        assert expected in result.stdout


# --- the same, with the package installed from a wheel (pip install ., not editable) ----------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """articlegen built as a wheel once for this module (about 10 s)."""
    dist = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if build.returncode != 0 and "No matching distribution" in build.stderr:
        skip_unless_ci(f"hatchling could not be fetched to build the wheel: {build.stderr.strip()[-300:]}")
    assert build.returncode == 0, build.stderr
    return next(dist.glob("articlegen-*.whl"))


def _install(wheel: Path, target: Path) -> dict[str, str]:
    """`pip install` of the wheel into `target`; the environment that imports it from there."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    deps = [p for p in sys.path if "site-packages" in p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), *deps])}


def _cli(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "articlegen", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_an_installed_wheel_uses_the_clone_it_runs_in(wheel, repo, tmp_path):
    """The reported set-up: `pip install .` into the clone's .venv/, then lint, generate and diff."""
    site = repo / ".venv" / "lib" / "site-packages"
    env = _install(wheel, site)

    info = _cli(env, repo, "info")
    assert info.returncode == 0, info.stderr
    assert f"articlegen:  0.1.0 in {site / 'articlegen'}" in info.stdout  # the wheel's code runs
    assert "source:      checkout" in info.stdout

    reword(repo / "phrasebanks" / "en")
    assert REWORDED in _cli(env, repo, "generate", *PAIR).stdout
    changed = _cli(env, repo, "diff", "--base", "HEAD")
    assert changed.returncode == 0, changed.stderr
    assert _changed(changed.stdout.splitlines()[-1]) > 0

    line = break_title(repo / "phrasebanks" / "en")
    linted = _cli(env, repo, "lint")
    assert linted.returncode == 1
    assert linted.stdout.startswith(f"phrasebanks/en/title.yaml:{line}:1: Jinja syntax error")

    # Outside any project the installed copy is used, and diff --base says why it cannot be.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    info = _cli(env, elsewhere, "info")
    assert f"data:        {site / 'articlegen' / '_bundled' / 'data'}" in info.stdout
    outside = _cli(env, elsewhere, "diff", "--base", "HEAD")
    assert outside.returncode == 2
    assert outside.stderr.startswith(
        f"articlegen: --base: {site / 'articlegen' / '_bundled' / 'data'} is the copy"
    )
    assert len(outside.stderr.splitlines()) == 1
