"""Content versions: a hash of every file of the data and phrasebank directories.

The manifest records them with each article, and --resume redoes any article made
from other content, so a resumed run never mixes old and new wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from .. import __version__
from ..resources import default_data_dir, default_phrasebank_dir


@dataclass(frozen=True)
class Versions:
    data: str
    phrasebanks: str
    articlegen: str = __version__


def hash_tree(root: Path, pattern: str = "**/*") -> str:
    """sha256 over the sorted relative paths and bytes of the files under `root`, hidden ones left out."""
    digest = sha256()
    files = sorted(
        p
        for p in root.glob(pattern)
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def content_versions(data_dir: Path | None, phrasebank_dir: Path | None) -> Versions:
    data = data_dir if data_dir is not None else default_data_dir()
    bank = phrasebank_dir if phrasebank_dir is not None else default_phrasebank_dir()
    return Versions(hash_tree(data.resolve()), hash_tree(bank.resolve(), "*.yaml"))
