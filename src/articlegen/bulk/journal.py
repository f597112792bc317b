"""manifest.jsonl and errors.jsonl, and what --resume may skip.

The manifest gets a line only after its file has been renamed into place, so a
line always names a complete file; a killed run may leave its last line cut off,
which reading ignores. Lines are written every FLUSH_EVERY seconds, not one by one:
a write per article cost the parent a tenth of a core, which two workers on two
cores need. A kill loses at most those lines, and --resume redoes their articles,
with the same bytes. --resume trusts a line only if the file's sha256 still
matches and it was made with the same content versions, format, layout, seed and
pairs; everything else is done again. Lines are in order of completion, which
varies with the number of workers: sort by path to compare two runs.
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
        self, state_dir: Path, versions: Versions, kind: str, fmt: str, seed: int, layout: str = "folders"
    ) -> None:
        self.dir = state_dir
        self.params = {"kind": kind, "format": fmt, "layout": layout, "seed": seed, **asdict(versions)}
        # The end of every manifest line, encoded once: `"kind": ..., ...}`
        self._params_json = json.dumps(self.params, ensure_ascii=False)[1:]
        self.done: dict[str, bytes] = {}  # path -> digest of its pairs, for units --resume skips
        self._manifest: IO[str] | None = None
        self._errors: IO[str] | None = None
        self._flushed = 0.0
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
                data = store.read(path)
                if data is not None and sha256(data).hexdigest() == record["sha256"]:
                    kept.append(line)
                    self.done[path] = pairs_digest(_record_pairs(record))
        self._rewrite(kept)
        self._manifest = open(self.manifest_path, "a", encoding="utf-8")  # noqa: SIM115
        self._flushed = time.monotonic()
        self._errors = open(self.errors_path, "w", encoding="utf-8", buffering=1)  # noqa: SIM115

    def is_done(self, unit: Unit) -> bool:
        done = self.done.get(unit.path)
        return done is not None and done == pairs_digest(unit.pairs)

    def record(self, result: UnitResult) -> None:
        assert self._manifest is not None and self._errors is not None
        for pair, reason in result.failed:
            self._errors.write(json.dumps({"pair": list(pair), "path": result.path, "reason": reason}) + "\n")
        if result.sha256 is None:
            return
        if self.params["format"] != "jsonl":  # one article a file; a failed one has no file
            # The line json.dumps({"path": ..., "pair": ..., ..., **self.params}) gives, at a
            # fraction of its cost: the parent writes one for every article of the run.
            pair = ", ".join([encode_basestring(slug) for slug in result.written[0]])
            line = (
                f'{{"path": {encode_basestring(result.path)}, "pair": [{pair}], '
                f'"sha256": "{result.sha256}", "bytes": {result.size}, {self._params_json}\n'
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
        self._manifest.write(line)
        now = time.monotonic()
        if now - self._flushed >= FLUSH_EVERY:
            self._manifest.flush()
            self._flushed = now

    def close(self) -> None:
        for handle in (self._manifest, self._errors):
            if handle is not None:
                handle.close()

    def upload(self, store: Store) -> None:
        """A URL's copy of the manifest and errors, whole, at the end of the run."""
        for path in (self.manifest_path, self.errors_path):
            store.write(path.name, path.read_bytes())

    def _read_manifest(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """The last usable line per path; cut-off lines and lines from other settings are dropped."""
        found: dict[str, tuple[str, dict[str, Any]]] = {}
        for line in _lines(self.manifest_path):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # the line a kill cut short
            if not isinstance(record, dict) or not isinstance(record.get("path"), str):
                continue
            usable = all(record.get(k, _BEFORE_THE_FIELD.get(k)) == v for k, v in self.params.items())
            usable = usable and not record.get("failed")
            if usable:
                found[record["path"]] = (line, record)
            else:
                found.pop(record["path"], None)
        return found

    def _rewrite(self, lines: list[str]) -> None:
        tmp = self.manifest_path.with_name(f".{MANIFEST}.tmp-{os.getpid()}")
        with open(tmp, "w", encoding="utf-8") as out:
            out.writelines(line + "\n" for line in lines)
        os.replace(tmp, self.manifest_path)


def _record_pairs(record: dict[str, Any]) -> tuple[Pair, ...]:
    raw = [record["pair"]] if "pair" in record else record.get("pairs", [])
    return tuple(tuple(str(s) for s in p) for p in raw)  # type: ignore[misc]


def _lines(path: Path) -> Iterator[str]:
    with contextlib.suppress(FileNotFoundError), open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.endswith("\n"):
                yield line.rstrip("\n")
