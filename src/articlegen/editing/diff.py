"""What a content edit changes: the same articles under a base and the current content, sentence by sentence.

Both sides run the current Python code, so the diff isolates the effect of edits
to phrasebanks/ and data/. A base comes from a git revision (exported with
`git archive`) or from a directory laid out like the checkout.
"""

from __future__ import annotations

import difflib
import io
import subprocess
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..corpus.pairs import Pair
from ..errors import ArticlegenError
from ..facts.yamlio import display_path
from ..pipeline import Generator, open_generator
from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock
from ..resources import is_installed_copy

BASE_DATA = Path("data")
BASE_PHRASEBANKS = Path("phrasebanks") / "en"


@dataclass(frozen=True)
class Content:
    """Where one side's data and phrasebanks are, and how to name that side in messages."""

    data: Path
    phrasebanks: Path
    label: str
    root: Path | None = None  # a temporary export, whose path means nothing to the user

    def describe(self, err: ArticlegenError) -> str:
        """An error of this side, with a temporary export's paths shown relative to its root."""
        message = str(err)
        if self.root is not None:
            for shown in {f"{self.root}/", f"{display_path(self.root)}/"}:
                message = message.replace(shown, "")
        return message


@dataclass(frozen=True)
class ArticleChange:
    name: str  # e.g. collections-associate-vs-account-representative.md
    diff: tuple[str, ...]  # unified diff lines; empty when unchanged or not comparable
    sentences: int  # sentences changed
    problem: str | None = None  # why one side could not render the article


@dataclass(frozen=True)
class ChangeReport:
    articles: tuple[ArticleChange, ...]

    @property
    def changed(self) -> list[ArticleChange]:
        return [a for a in self.articles if a.diff]

    @property
    def unrenderable(self) -> list[ArticleChange]:
        return [a for a in self.articles if a.problem]

    @property
    def sentences(self) -> int:
        return sum(a.sentences for a in self.articles)

    def summary(self) -> str:
        """E.g. '3 of 11 articles changed, 5 sentences'."""
        changed = f"{len(self.changed)} of {len(self.articles)} articles changed"
        if self.changed:
            changed += f", {self.sentences} sentence{'s' if self.sentences != 1 else ''}"
        if self.unrenderable:
            changed += f"; {len(self.unrenderable)} could not be compared"
        return changed

    def differs(self) -> bool:
        return bool(self.changed or self.unrenderable)


def base_dir_content(root: Path) -> Content:
    """A base directory holds `phrasebanks/en/` and `data/`, as the checkout does."""
    if not root.is_dir():
        raise ArticlegenError(f"--base-dir {display_path(root)}: no such directory")
    return Content(root / BASE_DATA, root / BASE_PHRASEBANKS, f"base {display_path(root)}")


def export_revision(revision: str, data_dir: Path, phrasebank_dir: Path, into: Path) -> Content:
    """The same data and phrasebank directories as they were at `revision`, exported under `into`.

    Each is read from git at its path in the checkout (phrasebanks/en/, data/), never from the
    copy installed with the package: that copy can sit inside the checkout (.venv/), untracked.
    """
    for directory in (data_dir, phrasebank_dir):
        if is_installed_copy(directory):
            raise ArticlegenError(
                f"--base: {display_path(directory)} is the copy of the content installed with articlegen, "
                "which no git revision holds; run diff inside your clone (a folder holding phrasebanks/ "
                "and data/), or name its folders with --data and --phrasebanks"
            )
    top = _git_toplevel(phrasebank_dir)
    commit = None
    if not revision.startswith("-"):  # never let a revision pass for an option
        commit = _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if commit is None:
        raise ArticlegenError(f"--base {revision}: no such revision in the git checkout {top}")
    commit = commit.strip()
    data_into, bank_into = into / BASE_DATA, into / BASE_PHRASEBANKS
    for directory, target in ((data_dir, data_into), (phrasebank_dir, bank_into)):
        _export_directory(top, commit, revision, directory, target)
    return Content(data_into, bank_into, f"base {revision}", into)


def _git_toplevel(directory: Path) -> Path:
    start = directory if directory.is_dir() else directory.parent
    top = _git(start, "rev-parse", "--show-toplevel")
    if top is None:
        raise ArticlegenError(
            f"--base: {display_path(directory)} is not inside a git checkout; use --base-dir instead"
        )
    return Path(top.strip())


def _export_directory(top: Path, commit: str, revision: str, directory: Path, target: Path) -> None:
    try:
        inside = directory.resolve().relative_to(top.resolve())
    except ValueError:
        raise ArticlegenError(
            f"--base: {display_path(directory)} is outside the git checkout {display_path(top)}; "
            "use --base-dir instead"
        ) from None
    archive = _git_bytes(top, "archive", "--format=tar", commit, "--", inside.as_posix())
    if archive is None:
        raise ArticlegenError(f"--base {revision}: the revision has no {inside.as_posix()}/")
    target.mkdir(parents=True, exist_ok=True)
    prefix = inside.as_posix().rstrip("/") + "/"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if not member.isfile() or not member.name.startswith(prefix):
                continue
            relative = Path(member.name[len(prefix) :])
            if ".." in relative.parts or relative.is_absolute():
                continue
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            if source is not None:
                destination.write_bytes(source.read())


def _git(cwd: Path, *args: str) -> str | None:
    out = _git_bytes(cwd, *args)
    return None if out is None else out.decode("utf-8", "replace")


def _git_bytes(cwd: Path, *args: str) -> bytes | None:
    """Git's output, or None when it fails; a missing git is an error of its own."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise ArticlegenError("--base needs git, which is not installed; use --base-dir instead") from None
    return done.stdout if done.returncode == 0 else None


@dataclass(frozen=True)
class Side:
    content: Content
    generator: Generator


def open_side(content: Content) -> Side:
    """Load one side's data and phrasebanks; an error names the side."""
    try:
        return Side(content, open_generator(content.data, content.phrasebanks))
    except ArticlegenError as err:
        raise ArticlegenError(f"{content.label}: {content.describe(err)}") from None


def article_lines(document: Document) -> list[str]:
    """One line a sentence, in reading order, marked as Markdown; a table row is one line."""
    lines = [f"# {document.title.text}"]
    for section in document.sections:
        if section.heading:
            lines.append(f"## {section.heading.text}")
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                lines.extend(s.text for s in block.sentences)
            elif isinstance(block, ListBlock):
                lines.extend([block.lead.text] if block.lead else [])
                lines.extend(f"- {item.text}" for item in block.items)
            elif isinstance(block, TableBlock):
                lines.append(_row(block.header))
                lines.extend(_row(row) for row in block.rows)
    return lines


def _row(cells: tuple[Sentence, ...]) -> str:
    return "| " + " | ".join(c.text for c in cells) + " |"


def compare_lines(name: str, old: list[str], new: list[str], context: int) -> ArticleChange:
    """A sentence reworded counts once, as does one added or removed."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    if not changed:
        return ArticleChange(name, (), 0)
    diff = difflib.unified_diff(old, new, f"a/{name}", f"b/{name}", n=context, lineterm="")
    return ArticleChange(name, tuple(diff), changed)


def compare_articles(base: Side, new: Side, pairs: Iterable[Pair], seed: int, context: int) -> ChangeReport:
    changes = []
    for a, b in pairs:
        name = f"{a}-vs-{b}.md"
        lines = []
        for side in (new, base):
            try:
                lines.append(article_lines(side.generator.document(a, b, seed)))
            except ArticlegenError as err:
                problem = f"the {side.content.label} cannot render it: {side.content.describe(err)}"
                changes.append(ArticleChange(name, (), 0, problem))
                break
        else:
            changes.append(compare_lines(name, lines[1], lines[0], context))
    return ChangeReport(tuple(changes))


def report_to_text(report: ChangeReport) -> str:
    """The diffs of changed articles, a line for each article a side could not render, the summary."""
    lines: list[str] = []
    for article in report.articles:
        if article.problem:
            lines.append(f"{article.name}: {article.problem}")
        lines.extend(article.diff)
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
