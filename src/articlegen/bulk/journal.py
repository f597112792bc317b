"""manifest.jsonl and errors.jsonl, and what --resume may skip.

The manifest gets a line only after its file has been renamed into place, so a
line always names a complete file; a killed run may leave its last line cut off,
which reading ignores (any other line that is not an entry is an error naming its
line). Lines are written every FLUSH_EVERY seconds, not one by one: a write per
article cost the parent a tenth of a core, which two workers on two cores need.
A kill loses at most those lines, and --resume redoes their articles, with the
same bytes. --resume trusts a line only if the file's sha256 still matches and it
was made with the same content versions, format, layout, seed and pairs;
everything else is done again. Lines are in order of completion, which varies
with the number of workers: sort by path to compare two runs. With --charts an
article's line lists its chart files too (`"charts": {path: sha256}`, empty for an
article without charts), and --resume trusts it only if every one of them still matches;
a line with charts is no use to a run without them, nor one without to a run with.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict
from hashlib import blake2b, sha256
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import IO, Any

from ..corpus.pairs import Pair
from ..errors import ArticlegenError
from .jobs import Unit
from .store import Store
from .versions import Versions
from .work import UnitResult

MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
FLUSH_EVERY = 0.2  # seconds between manifest writes
# What a manifest line written before a setting was recorded was made with.
_BEFORE_THE_FIELD = {"layout": "flat"}


def pairs_digest(pairs: tuple[Pair, ...]) -> bytes:
    return blake2b("\n".join("\x1f".join(p) for p in pairs).encode(), digest_size=8).digest()


class Journal:
    def __init__(
        self,
        state_dir: Path,
        versions: Versions,
        kind: str,
        fmt: str,
        seed: int,
        layout: str = "folders",
        charts: bool = False,
    ) -> None:
        self.dir = state_dir
        self.charts = charts
        self.params = {"kind": kind, "format": fmt, "layout": layout, "seed": seed, **asdict(versions)}
        # The end of every manifest line, encoded once: `"kind": ..., ...}`
        self._params_json = json.dumps(self.params, ensure_ascii=False)[1:]
        self.done: dict[str, bytes] = {}  # path -> digest of its pairs, for units --resume skips
        self._manifest: IO[str] | None = None
        self._errors: IO[str] | None = None
        self._flushed = 0.0
        self._failed = False  # a write failed and was reported: closing does not report it again
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ArticlegenError(f"{self.dir}: cannot create the state directory: {err.strerror}") from None

    @property
    def manifest_path(self) -> Path:
        return self.dir / MANIFEST

    @property
    def errors_path(self) -> Path:
        return self.dir / ERRORS

    def start(self, store: Store, resume: bool) -> None:
        """Fresh: empty manifest. Resume: keep only the lines whose files verify, and remember them."""
        kept: list[str] = []
        if resume:
            store.remove_leftovers()
            for path, (line, record) in self._read_manifest().items():
                if _verifies(store, path, record["sha256"]) and all(
                    _verifies(store, chart, digest) for chart, digest in record.get("charts", {}).items()
                ):
                    kept.append(line)
                    self.done[path] = pairs_digest(_record_pairs(record))
        self._rewrite(kept)
        self._manifest = _opened(self.manifest_path, "a")
        self._flushed = time.monotonic()
        self._errors = _opened(self.errors_path, "w", buffering=1)

    def is_done(self, unit: Unit) -> bool:
        done = self.done.get(unit.path)
        return done is not None and done == pairs_digest(unit.pairs)

    def record(self, result: UnitResult) -> None:
        assert self._manifest is not None and self._errors is not None
        for pair, reason in result.failed:
            try:
                self._errors.write(
                    json.dumps({"pair": list(pair), "path": result.path, "reason": reason}) + "\n"
                )
            except OSError as err:
                raise self._cannot_write(self.errors_path, err) from None
        if result.sha256 is None:
            return
        if self.params["format"] != "jsonl":  # one article a file; a failed one has no file
            # The line json.dumps({"path": ..., "pair": ..., ..., **self.params}) gives, at a
            # fraction of its cost: the parent writes one for every article of the run.
            pair = ", ".join([encode_basestring(slug) for slug in result.written[0]])
            charts = ""
            if result.charts is not None:
                listed = ", ".join(f'{encode_basestring(path)}: "{digest}"' for path, digest in result.charts)
                charts = f'"charts": {{{listed}}}, '
            line = (
                f'{{"path": {encode_basestring(result.path)}, "pair": [{pair}], '
                f'"sha256": "{result.sha256}", "bytes": {result.size}, {charts}{self._params_json}\n'
            )
        else:
            record: dict[str, Any] = {
                "path": result.path,
                "pairs": [list(p) for p in result.written],
                "failed": [list(p) for p, _ in result.failed],
                "sha256": result.sha256,
                "bytes": result.size,
            }
            line = f"{json.dumps(record, ensure_ascii=False)[:-1]}, {self._params_json}\n"
        try:
            self._manifest.write(line)
            now = time.monotonic()
            if now - self._flushed >= FLUSH_EVERY:
                self._manifest.flush()
                self._flushed = now
        except OSError as err:  # a full disk: the run cannot vouch for its files any more
            raise self._cannot_write(self.manifest_path, err) from None

    def close(self) -> None:
        failure: ArticlegenError | None = None
        for path, handle in ((self.manifest_path, self._manifest), (self.errors_path, self._errors)):
            try:
                if handle is not None:
                    handle.close()  # the file is closed even when its last flush fails
            except OSError as err:
                failure = failure or self._cannot_write(path, err)
        if failure is not None and not self._failed:
            raise failure

    def upload(self, store: Store) -> None:
        """A URL's copy of the manifest and errors, whole, at the end of the run."""
        for path in (self.manifest_path, self.errors_path):
            try:
                data = path.read_bytes()
            except OSError as err:
                raise ArticlegenError(f"{path}: cannot read: {err.strerror}") from None
            store.write(path.name, data)

    def _cannot_write(self, path: Path, err: OSError) -> ArticlegenError:
        self._failed = True
        return ArticlegenError(f"{path}: cannot write: {err.strerror}")

    def _read_manifest(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """The last usable line per path; a cut-off last line and lines from other settings are dropped."""
        found: dict[str, tuple[str, dict[str, Any]]] = {}
        for number, line in _lines(self.manifest_path):
            try:
                record = _entry(line)
            except ValueError as fault:
                where = f"{self.manifest_path}:{number}"
                raise ArticlegenError(
                    f"{where}: {fault}; mend or delete the line, or run without --resume"
                ) from None
            usable = all(record.get(k, _BEFORE_THE_FIELD.get(k)) == v for k, v in self.params.items())
            usable = usable and not record.get("failed") and ("charts" in record) == self.charts
            if usable:
                found[record["path"]] = (line, record)
            else:
                found.pop(record["path"], None)
        return found

    def _rewrite(self, lines: list[str]) -> None:
        tmp = self.manifest_path.with_name(f".{MANIFEST}.tmp-{os.getpid()}")
        try:
            with open(tmp, "w", encoding="utf-8") as out:
                out.writelines(line + "\n" for line in lines)
            os.replace(tmp, self.manifest_path)
        except OSError as err:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise self._cannot_write(self.manifest_path, err) from None


def _opened(path: Path, mode: str, buffering: int = -1) -> IO[str]:
    try:
        return open(path, mode, encoding="utf-8", buffering=buffering)
    except OSError as err:
        raise ArticlegenError(f"{path}: cannot write: {err.strerror}") from None


def _entry(line: str) -> dict[str, Any]:
    """A manifest line's entry; ValueError says what is wrong with it.

    A kill leaves at most a last line without its newline, which _lines drops: a whole line that
    is not an entry was written by something else, and --resume cannot tell what it vouches for."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    for field in ("path", "sha256"):
        if not isinstance(record.get(field), str):
            raise ValueError(f'no "{field}"' if field not in record else f'"{field}" is not a string')
    pairs = [record["pair"]] if "pair" in record else record.get("pairs")
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and p and all(isinstance(s, str) for s in p) for p in pairs
    ):
        raise ValueError('neither "pair" (a list of slugs) nor "pairs" (a list of such lists)')
    charts = record.get("charts", {})
    if not isinstance(charts, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in charts.items()
    ):
        raise ValueError('"charts" is not an object of paths and sha256 digests')
    return record


def _verifies(store: Store, path: str, digest: str) -> bool:
    """Whether the file at `path` is there and has the sha256 `digest`."""
    data = store.read(path)
    return data is not None and sha256(data).hexdigest() == digest


def _record_pairs(record: dict[str, Any]) -> tuple[Pair, ...]:
    raw = [record["pair"]] if "pair" in record else record["pairs"]
    return tuple(tuple(p) for p in raw)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The manifest's whole lines with their numbers; no manifest, none."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if line.endswith("\n"):
                    yield number, line.rstrip("\n")
    except FileNotFoundError:
        return
    except OSError as err:
        raise ArticlegenError(f"{path}: cannot read: {err.strerror}") from None
