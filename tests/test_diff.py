"""`articlegen diff`: the sentences a content edit changes, against a base directory or git revision."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from articlegen.cli.diff import diff
from articlegen.corpus.pairs import golden_pairs_path, read_pairs_csv
from articlegen.editing.diff import compare_lines

from .conftest import require_that
from .test_coverage import copy_content, edit_messages

GOLDEN = [(row.a, row.b) for row in read_pairs_csv(golden_pairs_path())]

EDITED = ("salary.compare", "more-per-year")


def edited_sentences(generator) -> list[str]:
    """The golden articles' sentences in the edited variant, as they read before reword()."""
    documents = [generator.document(a, b) for a, b in GOLDEN]
    return [s.text for d in documents for s in d.sentences() if (s.message, s.variant) == EDITED]


def reworded(sentence: str) -> str:
    return sentence.replace("more a year", "more per year")


def reword(bank: Path) -> None:
    """Change the wording of one variant, leaving its subject (and so any later pronoun) alone."""

    def edit(messages):
        variant = next(v for v in messages[EDITED[0]]["variants"] if v["id"] == EDITED[1])
        assert "more a year" in variant["text"]
        variant["text"] = variant["text"].replace("more a year", "more per year")

    edit_messages(bank, "salary.yaml", edit)


def invoke(*args: str):
    return CliRunner().invoke(diff, list(args), catch_exceptions=False)


def sides(new: Path) -> list[str]:
    return ["--data", str(new / "data"), "--phrasebanks", str(new / "phrasebanks" / "en")]


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    """old/: the bundled content; new/: the same with one variant reworded; partial/: old without a job."""
    root = tmp_path_factory.mktemp("diff")
    copy_content(root / "old")
    copy_content(root / "new")
    reword(root / "new" / "phrasebanks" / "en")
    copy_content(root / "partial")
    (root / "partial" / "data" / "occupations" / "collections-coordinator.yaml").unlink()
    return root


def test_the_diff_shows_exactly_the_sentences_of_the_edited_variant(content, generator):
    golden = [(row.a, row.b) for row in read_pairs_csv(golden_pairs_path())]
    expected: dict[str, list[str]] = {}
    for a, b in golden:
        said = [s.text for s in generator.document(a, b).sentences() if (s.message, s.variant) == EDITED]
        if said:
            expected[f"{a}-vs-{b}.md"] = said
    assert expected, "the edited variant must be used by some golden article for this test to mean anything"

    old_dir = str(content / "old")
    result = invoke("--base-dir", old_dir, *sides(content / "new"), "--context", "0", "--exit-code")
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert [line[6:] for line in lines if line.startswith("--- a/")] == list(expected)
    assert [line[6:] for line in lines if line.startswith("+++ b/")] == list(expected)
    old = [s for texts in expected.values() for s in texts]
    assert [line[1:] for line in lines if line.startswith("-") and not line.startswith("---")] == old
    assert [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")] == [
        s.replace("more a year", "more per year") for s in old
    ]
    assert not [line for line in lines if line.startswith(" ")]  # --context 0
    count = len(old)
    assert lines[-1] == f"{len(expected)} of {len(golden)} articles changed, {count} sentences"


def test_unchanged_content_prints_only_the_count(content):
    result = invoke("--base-dir", str(content / "old"), "--exit-code")
    assert (result.exit_code, result.stdout) == (0, f"0 of {len(GOLDEN)} articles changed\n")


def test_an_article_the_base_cannot_render_is_named_not_fatal(content, monkeypatch):
    monkeypatch.chdir(content)
    result = invoke("--base-dir", "partial", "--exit-code")
    assert result.exit_code == 1, result.stderr
    missing = [f"{a}-vs-{b}.md" for a, b in GOLDEN if "collections-coordinator" in (a, b)]
    lines = result.stdout.splitlines()
    assert [line.split(":", 1)[0] for line in lines[:-1]] == missing
    reason = ": the base partial cannot render it: unknown occupation 'collections-coordinator'; did you mean"
    assert all(reason in line for line in lines[:-1])
    assert lines[-1] == f"0 of {len(GOLDEN)} articles changed; {len(missing)} could not be compared"


def test_bad_content_on_either_side_is_one_line_naming_the_side(content, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(content / "old", "broken")
    bad = Path("broken/data/occupations/recovery-agent.yaml")
    bad.write_text("title: Recovery Agent\nsalary:\n  yearly: -3\n", encoding="utf-8")
    result = invoke("--base-dir", "broken")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "articlegen: base broken: broken/data/occupations/recovery-agent.yaml: "
        "salary.yearly: must be at least 1 (line 3)\n"
    )
    result = invoke("--base-dir", str(content / "old"), *sides(Path("broken")))
    assert result.exit_code == 2
    assert result.stderr.startswith("articlegen: current content: broken/data/occupations/recovery-agent")


def test_a_missing_base_dir_and_a_missing_base_are_usage_errors(tmp_path):
    result = invoke("--base-dir", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr == f"articlegen: --base-dir {tmp_path / 'nowhere'}: no such directory\n"
    assert "exactly one of --base GITREV and --base-dir DIR" in invoke().stderr
    assert invoke("--base", "HEAD", "--base-dir", str(tmp_path)).exit_code == 2


def test_sentences_are_counted_once_whether_reworded_added_or_removed():
    old = ["# Title", "One.", "Two.", "Three.", "Four."]
    new = ["# Title", "One, reworded.", "Two.", "Four.", "Five."]
    change = compare_lines("a-vs-b.md", old, new, context=1)
    assert change.sentences == 3
    assert change.diff[:3] == ("--- a/a-vs-b.md", "+++ b/a-vs-b.md", "@@ -1,5 +1,5 @@")
    assert compare_lines("a-vs-b.md", old, old, context=1).diff == ()


@pytest.fixture
def git_installed() -> None:
    """Without git, a test of --base skips on a laptop and fails in CI, where git must be there."""
    require_that(shutil.which("git"), "git is not installed: the --base tests run it")


needs_git = pytest.mark.usefixtures("git_installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path, git_installed) -> Path:
    """A git checkout whose HEAD holds the bundled content."""
    root = tmp_path / "repo"
    copy_content(root)
    git(root, "init", "-q")
    git(root, "add", "data", "phrasebanks")
    git(root, "commit", "-q", "-m", "content")
    return root


@needs_git
def test_base_head_compares_the_working_tree_with_the_last_commit(repo, generator):
    using = sum(
        any((s.message, s.variant) == EDITED for s in generator.document(a, b).sentences()) for a, b in GOLDEN
    )
    reword(repo / "phrasebanks" / "en")
    result = invoke("--base", "HEAD", *sides(repo))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # The export matches HEAD but for the edit, which each article using it says once.
    assert lines[-1] == f"{using} of {len(GOLDEN)} articles changed, {using} sentences"
    before = edited_sentences(generator)[0]
    change = lines.index(f"+{reworded(before)}")
    assert lines[change - 1] == f"-{before}"
    assert [line[0] for line in lines[change - 4 : change - 1]] == [" ", " ", " "]  # 3 sentences of context


@needs_git
def test_an_error_in_the_base_revision_names_the_revision_and_the_file_in_the_repo(repo):
    salary = repo / "phrasebanks" / "en" / "salary.yaml"
    good = salary.read_text(encoding="utf-8")
    broken = good.replace("{{ difference }} more a year", "{{ difference }} more a year {{")
    salary.write_text(broken, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    salary.write_text(good, encoding="utf-8")
    result = invoke("--base", "HEAD", *sides(repo))
    assert result.exit_code == 2
    assert result.stderr.startswith("articlegen: base HEAD: phrasebanks/en/salary.yaml:")
    assert "Jinja syntax error in salary.compare/more-per-year" in result.stderr
    assert len(result.stderr.splitlines()) == 1


@needs_git
def test_a_bad_revision_or_no_checkout_is_one_line(repo, tmp_path):
    result = invoke("--base", "nope", *sides(repo))
    assert result.exit_code == 2
    assert result.stderr == f"articlegen: --base nope: no such revision in the git checkout {repo}\n"
    option_like = invoke("--base", "--all", *sides(repo)).stderr
    assert option_like.startswith("articlegen: --base --all: no such revision")
    outside = tmp_path / "plain"
    copy_content(outside)
    result = invoke("--base", "HEAD", *sides(outside))
    assert result.exit_code == 2
    assert result.stderr.endswith("is not inside a git checkout; use --base-dir instead\n")
