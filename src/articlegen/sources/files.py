"""What every importer shares: checksums, spreadsheet rows and a deterministic, atomic JSON write.

A re-import must reproduce the committed files byte for byte, so the JSON layout is fixed here
once: sorted keys, one-space indent, UTF-8, final newline.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import DataError

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dump_json(document: Any) -> str:
    return json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def write_json(document: Any, target: Path) -> Path:
    """Write target in one step, so a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(dump_json(document).encode("utf-8"))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def sheet_rows(path: Path, sheet: str | None = None) -> Iterator[tuple[Any, ...]]:
    """Yield a worksheet's rows as value tuples; openpyxl is an optional extra, so ask for it by name."""
    try:
        import openpyxl
    except ImportError:
        raise DataError(
            f"{path}: reading Excel files needs openpyxl; install it with: pip install 'articlegen[import]'"
        ) from None
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises zipfile, KeyError and its own errors for a bad file
        raise DataError(f"{path}: not a readable .xlsx workbook ({type(err).__name__}: {err})") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise DataError(f"{path}: no worksheet named {sheet!r} (it has {', '.join(book.sheetnames)})")
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        yield from worksheet.iter_rows(values_only=True)
    finally:
        book.close()
