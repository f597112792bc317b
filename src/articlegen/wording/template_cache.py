"""Compiled phrasebank templates kept on disk between runs.

Compiling Jinja source to Python code is most of the cost of loading a phrasebank
(about 3 ms a template, 0.8 s for the bundled set), and every command pays it at
start. The compiled code, with the names and filters the checks need, depends only
on the template text, Jinja's version and the environment's options, so it is kept
by a hash of those. A broken or unwritable cache is ignored, never an error.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from types import CodeType

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

FORMAT = 1

Compiled = tuple[CodeType, tuple[str, ...], tuple[str, ...]]  # code, free names, filter names


def default_cache_path() -> Path | None:
    """$ARTICLEGEN_CACHE_DIR, else ~/.cache/articlegen; ARTICLEGEN_CACHE_DIR='' turns caching off."""
    configured = os.environ.get("ARTICLEGEN_CACHE_DIR")
    if configured == "":
        return None
    base = Path(configured) if configured else Path.home() / ".cache" / "articlegen"
    return base / f"templates-{FORMAT}-jinja{jinja2.__version__}.marshal"


MAX_ENTRIES = 5000  # past this, a save keeps only what the current phrasebank uses


@dataclass
class TemplateCache:
    path: Path | None
    entries: dict[str, Compiled] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    added: int = 0

    @classmethod
    def open(cls, path: Path | None) -> TemplateCache:
        entries: dict[str, Compiled] = {}
        if path is not None:
            with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
                loaded = marshal.loads(path.read_bytes())
                if isinstance(loaded, dict):
                    entries = loaded
        return cls(path, entries)

    @staticmethod
    def key(env: ImmutableSandboxedEnvironment, text: str) -> str:
        finalize = getattr(env.finalize, "__qualname__", None)
        policy = getattr(env, "policy", "")  # the sandbox's rules: a change must not reuse old code
        options = (
            FORMAT,
            type(env).__name__,
            policy,
            env.trim_blocks,
            env.lstrip_blocks,
            env.autoescape,
            finalize,
        )
        signature = f"{options!r}|{text}"
        return blake2b(signature.encode(), digest_size=16).hexdigest()

    def get(self, key: str) -> Compiled | None:
        self.used.add(key)
        return self.entries.get(key)

    def put(self, key: str, compiled: Compiled) -> None:
        self.entries[key] = compiled
        self.used.add(key)
        self.added += 1

    def save(self) -> None:
        """Write the cache atomically, only when something was added."""
        if self.path is None or not self.added:
            return
        if len(self.entries) > MAX_ENTRIES:  # edited variants pile up; drop what nothing uses now
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".templates-")
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(self.entries))
            os.replace(tmp, self.path)
