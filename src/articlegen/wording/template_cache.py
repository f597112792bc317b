"""Compiled phrasebank templates kept on disk between runs.

Compiling Jinja source to Python code is most of the cost of loading a phrasebank
(two thirds of the bundled set's load time), and every command pays it at start. The cache
holds code that is run, so it must never hold code the sandbox would not have compiled:

- an entry is keyed by the template text and by a hash of the rules: the source of the
  modules that decide what a template may do and how it is compiled (ours and Jinja's),
  and Python's bytecode version. An entry is stored only once the text has passed every
  check, so a hit is a text that passed these very rules; a change to them misses.
- the file is signed with a key of 32 random bytes kept in the cache directory, readable
  by its owner only, and checked before anything is unmarshalled: who can write to the
  cache directory but cannot read the key cannot make us run anything. A key that another
  user owns or others may read is not used, and then nothing is cached.
- a file or entry that is unreadable, unsigned or of the wrong shape is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import secrets
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from hashlib import blake2b
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

FORMAT = 2

Compiled = tuple[CodeType, tuple[str, ...], tuple[str, ...]]  # code, free names, filter names

# Modules whose source decides what a cached entry holds: what a template may do, the
# checks an entry must pass to be stored, and how Jinja compiles it.
_OUR_RULES = ("sandbox.py", "templating.py", "phrasebank.py", "template_cache.py")
_JINJA_RULES = ("compiler.py", "environment.py", "lexer.py", "nodes.py", "optimizer.py", "parser.py")
_JINJA_RULES += ("runtime.py", "sandbox.py")

_MAGIC = b"articlegen templates\n"
_KEY_FILE = "key"
_KEY_BYTES = 32
_TAG_BYTES = 32
_MAX_FILE_BYTES = 256 * 2**20  # far above any phrasebank's; a bigger file is not read
MAX_ENTRIES = 5000  # past this, a save keeps only what the current phrasebank uses


def default_cache_path() -> Path | None:
    """$ARTICLEGEN_CACHE_DIR, else ~/.cache/articlegen; ARTICLEGEN_CACHE_DIR='' turns caching off."""
    configured = os.environ.get("ARTICLEGEN_CACHE_DIR")
    if configured == "":
        return None
    base = Path(configured) if configured else Path.home() / ".cache" / "articlegen"
    python = sys.implementation.cache_tag  # marshalled code is for one Python only
    return base / f"templates-{FORMAT}-jinja{jinja2.__version__}-{python}.marshal"


@cache
def rules_version() -> str | None:
    """A hash of the rules a cached entry was checked and compiled under; None: unknown, do not cache."""
    digest = blake2b(MAGIC_NUMBER + jinja2.__version__.encode(), digest_size=16)
    here, jinja = Path(__file__).parent, Path(jinja2.__file__).parent
    try:
        for path in [here / name for name in _OUR_RULES] + [jinja / name for name in _JINJA_RULES]:
            digest.update(path.read_bytes())
    except OSError:  # installed without its source (only .pyc files): nothing to vouch for the code
        return None
    return digest.hexdigest()


@dataclass
class TemplateCache:
    path: Path | None
    entries: dict[str, Compiled] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    added: int = 0
    key_bytes: bytes | None = field(default=None, repr=False)

    @classmethod
    def open(cls, path: Path | None) -> TemplateCache:
        if path is None or rules_version() is None:
            return cls(None)
        key = _read_key(path.parent)
        if key is None:
            return cls(None)  # no key we can trust: nothing is read or written
        return cls(path, _read_entries(path, key), key_bytes=key)

    @staticmethod
    def key(env: ImmutableSandboxedEnvironment, text: str) -> str:
        finalize = getattr(env.finalize, "__qualname__", None)
        policy = getattr(env, "policy", "")
        options = (
            FORMAT,
            rules_version(),
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
        entry = self.entries.get(key)
        if entry is not None and not _well_formed(entry):
            del self.entries[key]  # compiled again, and replaced
            return None
        return entry

    def put(self, key: str, compiled: Compiled) -> None:
        self.entries[key] = compiled
        self.used.add(key)
        self.added += 1

    def save(self) -> None:
        """Write the cache atomically, signed, only when something was added."""
        if self.path is None or self.key_bytes is None or not self.added:
            return
        if len(self.entries) > MAX_ENTRIES:  # edited variants pile up; drop what nothing uses now
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        payload = marshal.dumps(self.entries)
        _write_atomically(self.path, _MAGIC + _tag(self.key_bytes, payload) + payload)


def _tag(key: bytes, payload: bytes) -> bytes:
    return blake2b(payload, key=key, digest_size=_TAG_BYTES, person=b"articlegen-tc").digest()


def _read_entries(path: Path, key: bytes) -> dict[str, Compiled]:
    """The signed entries, or none: a file we did not sign is not unmarshalled."""
    found = _read_regular_file(path, _MAX_FILE_BYTES)
    if found is None or not found[0].startswith(_MAGIC):
        return {}
    data = found[0][len(_MAGIC) :]
    tag, payload = data[:_TAG_BYTES], data[_TAG_BYTES:]
    if not secrets.compare_digest(tag, _tag(key, payload)):
        return {}
    try:
        entries = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _well_formed(entry: object) -> bool:
    return (
        isinstance(entry, tuple)
        and len(entry) == 3
        and isinstance(entry[0], CodeType)
        and all(isinstance(names, tuple) and all(isinstance(n, str) for n in names) for names in entry[1:])
    )


def _read_key(directory: Path) -> bytes | None:
    """The signing key, made on first use; None when the file there is not this user's own."""
    path = directory / _KEY_FILE
    found = _read_regular_file(path, _KEY_BYTES)
    if found is None:
        return None if os.path.lexists(path) else _make_key(path)  # a link, a directory: not ours
    data, info = found
    if not _owned(info):
        return None  # someone else's key: who else can write here is unknown
    if len(data) == _KEY_BYTES and not info.st_mode & 0o077:
        return data
    return _make_key(path)  # ours, but cut short or readable by others: a new one


def _make_key(path: Path) -> bytes | None:
    key = secrets.token_bytes(_KEY_BYTES)
    return key if _write_atomically(path, key) else None


def _read_regular_file(path: Path, limit: int) -> tuple[bytes, os.stat_result] | None:
    """The bytes and status of a regular file (not a link, a pipe or a device) of at most `limit`
    bytes; None if there is none or it cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None
            return file.read(limit + 1), info
        except OSError:
            return None


def _owned(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()  # Windows: no owner to compare


def _write_atomically(path: Path, data: bytes) -> bool:
    """Write a file readable by its owner only; an unwritable cache is no error."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".templates-")  # mode 0600
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True
