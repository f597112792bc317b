"""What `articlegen serve` shows: the loaded content, reloaded side by side as files change.

One `Preview` owns the loaded content. Each look (`refresh`, and so every API request) compares a
fingerprint of the phrasebank and data files (name, mtime, size, inode) with the last one and
reloads only the side that changed: a data edit does not recompile the phrasebanks, and a request
made right after a save sees the save even before the file watcher reports it. A reload that fails
keeps no Generator at all, so the page shows the error instead of stale wording. Nothing here
serves or watches; `app.py` does, and calls `refresh` when the operating system reports a save.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from http import HTTPStatus
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from ..errors import ArticlegenError, DataError, PhrasebankError, RenderError, UnknownOccupationError
from ..facts.load import Catalog, load_catalog
from ..facts.yamlio import display_path
from ..pipeline import Generator
from ..render.annotated import render_annotated_html
from ..wording.phrasebank import Phrasebank, read_phrasebank

DATA_SUFFIXES = (".yaml", ".yml", ".json")  # occupation records and the OEWS dataset

Fingerprint = tuple[tuple[str, int, int, int], ...]


@dataclass(frozen=True)
class Snapshot:
    """One load of the content: a Generator, or the problems that stopped it loading."""

    version: int
    generator: Generator | None
    errors: tuple[str, ...]  # each `file:line[:col]: message`, or a bare message
    occupations: tuple[tuple[str, str], ...] = ()  # (slug, title) of every possible subject, by title


Loaded = TypeVar("Loaded")
Problems = tuple[str, ...]


class _Unusable(Exception):
    def __init__(self, problems: Problems) -> None:
        super().__init__(problems)
        self.problems = problems


def read_bank(directory: Path, show: Callable[[str], str] | None = None) -> Phrasebank:
    """Load the phrasebanks, failing with every problem lint's load pass finds, not just the first.

    `show` renames the files that problems and sentences name (the CLI's: relative to the project
    folder); without it they are named as loaded, relative to the working directory.
    """
    bank, problems, _ = read_phrasebank(directory)
    if problems:
        shown = (
            problem if show is None else replace(problem, file=show(problem.file)) for problem in problems
        )
        raise _Unusable(tuple(str(problem) for problem in shown))  # `file:line:col: message`
    return bank if show is None else with_files_shown(bank, show)


def with_files_shown(bank: Phrasebank, show: Callable[[str], str]) -> Phrasebank:
    """The phrasebank with each message's and variant's file renamed, so that the page's sources
    and render errors name files as `show` does."""
    names: dict[str, str] = {}  # a few files, hundreds of variants

    def name(file: str) -> str:
        if file not in names:
            names[file] = show(file)
        return names[file]

    messages = {
        message_id: replace(
            message,
            file=name(message.file),
            variants=tuple(replace(variant, file=name(variant.file)) for variant in message.variants),
        )
        for message_id, message in bank.messages.items()
    }
    return replace(bank, messages=MappingProxyType(messages))


def attempt(load: Callable[[Path], Loaded], directory: Path) -> Loaded | Problems:
    """The loaded content, or the one-line reasons it cannot be used."""
    try:
        return load(directory)
    except _Unusable as err:
        return err.problems
    except ArticlegenError as err:
        return (str(err),)
    except Exception as err:  # a bug of ours, not the editor's: say so on the page, keep serving
        traceback.print_exc()
        return (f"internal error while loading {display_path(directory)} ({err!r}); please report it",)


def fingerprint(directory: Path, suffixes: tuple[str, ...], recursive: bool) -> Fingerprint:
    """What changes when an editor saves, adds, deletes or atomically replaces a content file."""
    seen = []
    pending = [directory]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # a missing directory is reported by the load itself
        for entry in entries:
            try:
                if recursive and entry.is_dir():
                    pending.append(Path(entry.path))
                elif entry.name.endswith(suffixes):
                    stat = entry.stat()
                    seen.append((entry.path, stat.st_mtime_ns, stat.st_size, stat.st_ino))
            except OSError:
                continue  # deleted while we looked: the next look sees the new state
    return tuple(sorted(seen))


def list_subjects(catalog: Catalog) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((o.slug, o.title) for o in catalog), key=lambda row: (row[1].casefold(), row[0])))


class Preview:
    """The current content and its version; thread-safe, as requests and the watcher share it."""

    def __init__(
        self,
        data_dir: Path,
        phrasebank_dir: Path,
        on_reload: Callable[[Snapshot], None] | None = None,
        show: Callable[[str], str] | None = None,
    ) -> None:
        self.data_dir, self.phrasebank_dir = data_dir, phrasebank_dir
        self._on_reload = on_reload
        self.show = show
        self._reload_lock = threading.Lock()
        self._render_lock = threading.Lock()  # the realizer's helpers (inflect) were not written for threads
        self._prints: tuple[Fingerprint | None, Fingerprint | None] = (None, None)
        self._phrasebank: Phrasebank | Problems = ("not loaded yet",)
        self._catalog: Catalog | Problems = ("not loaded yet",)
        self.snapshot = Snapshot(0, None, ("not loaded yet",))
        self.refresh()

    def watched(self) -> list[Path]:
        return [self.phrasebank_dir, self.data_dir]

    def name(self, path: Path) -> str:
        """A watched folder as the page names it, as `show` names files."""
        return self.show(str(path)) if self.show is not None else display_path(path)

    def refresh(self) -> Snapshot:
        """The content as the files are now, reloading what changed since the last look."""
        with self._reload_lock:
            # Taken before loading, so a save during the load is seen on the next look.
            prints = (
                fingerprint(self.phrasebank_dir, (".yaml",), recursive=False),
                fingerprint(self.data_dir, DATA_SUFFIXES, recursive=True),
            )
            if prints == self._prints:
                return self.snapshot
            if prints[0] != self._prints[0]:
                self._phrasebank = attempt(partial(read_bank, show=self.show), self.phrasebank_dir)
            if prints[1] != self._prints[1]:
                self._catalog = attempt(load_catalog, self.data_dir)
            self._prints = prints
            self._publish()
            return self.snapshot

    def _publish(self) -> None:
        bank, catalog = self._phrasebank, self._catalog
        version = self.snapshot.version + 1
        if isinstance(bank, Phrasebank) and isinstance(catalog, Catalog):
            self.snapshot = Snapshot(version, Generator(catalog, bank), (), list_subjects(catalog))
        else:
            errors = tuple(line for part in (bank, catalog) if isinstance(part, tuple) for line in part)
            self.snapshot = Snapshot(version, None, errors)
        if self._on_reload:
            self._on_reload(self.snapshot)

    def article(self, a: str, b: str, seed: int) -> tuple[HTTPStatus, dict[str, Any]]:
        """The JSON answer for one pair: the annotated article, the content's errors, or a problem."""
        snapshot = self.refresh()
        answer: dict[str, Any] = {"version": snapshot.version}
        if snapshot.generator is None:
            return HTTPStatus.UNPROCESSABLE_ENTITY, {**answer, "errors": list(snapshot.errors)}
        try:
            with self._render_lock:
                document = snapshot.generator.document(a, b, seed)
        except UnknownOccupationError as err:
            return HTTPStatus.NOT_FOUND, {**answer, "problem": str(err)}
        except (PhrasebankError, RenderError, DataError) as err:  # the editor's content, not the request
            return HTTPStatus.UNPROCESSABLE_ENTITY, {**answer, "errors": [str(err)]}
        except ArticlegenError as err:
            return HTTPStatus.BAD_REQUEST, {**answer, "problem": str(err)}
        return HTTPStatus.OK, {
            **answer,
            "title": document.title.text,
            "subjects": list(document.subjects),
            "html": render_annotated_html(document, local_paths=True),  # the editor opens what it names
        }

    def state(self) -> dict[str, Any]:
        snapshot = self.refresh()
        return {
            "version": snapshot.version,
            "errors": list(snapshot.errors),
            "occupations": [{"slug": slug, "title": title} for slug, title in snapshot.occupations],
        }
