"""Where a bulk run writes: a local directory, or any fsspec URL (s3://bucket/prefix, gs://...).

Every write is atomic, so a reader (or --resume) never sees half a file: locally a
temporary file in the same directory, then os.replace; on an object store a single
PUT, which stores the whole object or nothing.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from ..errors import ArticlegenError

TMP_MARK = ".tmp-"


class Store(Protocol):
    url: str

    def write(self, relpath: str, data: bytes) -> None: ...
    def read(self, relpath: str) -> bytes | None: ...
    def remove_leftovers(self) -> int: ...
    def remove_partial(self, relpaths: Iterable[str], pid: int) -> None: ...
    def remove_partial_in(self, folders: Iterable[str], pid: int) -> None: ...
    def show(self, relpath: str) -> str: ...


def is_url(out: str) -> bool:
    return "://" in out and not out.startswith("file://")


def open_store(out: str) -> Store:
    """A local directory, or an fsspec filesystem for a URL (needs fsspec and the matching package)."""
    if not is_url(out):
        return LocalStore(out.removeprefix("file://"))
    return FsspecStore(out)


def _holds(path: str, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data`."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        return os.read(fd, len(data) + 1) == data
    except OSError:
        return False
    finally:
        os.close(fd)


def _temporary(target: str, pid: int) -> str:
    """Where the process `pid` writes `target` before renaming it into place."""
    folder, name = os.path.split(target)
    return os.path.join(folder, f".{name}{TMP_MARK}{pid}")


def _write_file(path: str, data: bytes) -> None:
    """os.open and os.write, not open(): the file object's extra system calls (fstat, and ioctl
    to ask whether it is a terminal) cost a bulk run about 30 us an article here."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


class LocalStore:
    def __init__(self, root: str) -> None:
        self.url = root
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ArticlegenError(f"{root}: cannot create the output directory: {err.strerror}") from None

    def show(self, relpath: str) -> str:
        return str(self.root / relpath)

    def write(self, relpath: str, data: bytes) -> None:
        """A file that already holds `data` is left alone: a rerun after a small edit rewrites only
        the articles that changed, their modification times say which, and sync tools upload only
        those. Replacing a file also frees an inode, and on ext4 without a journal every file
        created in the next minutes pays for skipping recently freed ones."""
        # Paths as strings: pathlib's objects cost more than the rest of this, once per article.
        target = os.path.join(self.root, relpath)
        if _holds(target, data):
            return
        tmp = _temporary(target, os.getpid())
        try:
            try:
                _write_file(tmp, data)
            except FileNotFoundError:  # the article's folder, made on its first file
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _write_file(tmp, data)
            os.replace(tmp, target)
        except OSError as err:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise ArticlegenError(f"{target}: cannot write: {err.strerror}") from None

    def read(self, relpath: str) -> bytes | None:
        try:
            return (self.root / relpath).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None
        except OSError as err:
            raise ArticlegenError(f"{self.root / relpath}: cannot read: {err.strerror}") from None

    def remove_leftovers(self) -> int:
        """Temporary files a killed run left, in any folder: never complete, never in the manifest."""
        removed = 0
        for folder, _, names in os.walk(self.root):
            for name in names:
                if name.startswith(".") and TMP_MARK in name:
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, name))
                        removed += 1
        return removed

    def remove_partial(self, relpaths: Iterable[str], pid: int) -> None:
        """The temporary files a worker stopped mid-write left: only its own, named by its pid, so the
        workers still writing keep theirs, and no walk of a directory of many thousand files."""
        for relpath in relpaths:
            with contextlib.suppress(OSError):
                os.unlink(_temporary(os.path.join(self.root, relpath), pid))

    def remove_partial_in(self, folders: Iterable[str], pid: int) -> None:
        """The temporary files of the process `pid` in each of `folders` (an article's charts, whose
        names are known only once drawn): a few entries each, listed."""
        mark = f"{TMP_MARK}{pid}"
        for relpath in folders:
            folder = os.path.join(self.root, relpath)
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            for name in names:
                if name.startswith(".") and name.endswith(mark):
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, name))


class FsspecStore:
    def __init__(self, url: str) -> None:
        try:
            from fsspec.core import url_to_fs
        except ImportError:
            raise ArticlegenError(
                f"{url}: writing to a URL needs fsspec; install articlegen[dask] and the filesystem's "
                "package (s3fs for s3://)"
            ) from None
        try:
            fs, root = url_to_fs(url)
        except (ImportError, ValueError) as err:
            raise ArticlegenError(f"{url}: {err}") from None
        self.url = url
        self.fs: Any = fs
        self.root = root.rstrip("/")
        with contextlib.suppress(Exception):
            self.fs.makedirs(self.root, exist_ok=True)

    def show(self, relpath: str) -> str:
        return f"{self.url.rstrip('/')}/{relpath}"

    def write(self, relpath: str, data: bytes) -> None:
        path = f"{self.root}/{relpath}"
        try:
            try:
                self.fs.pipe_file(path, data)  # one PUT: whole object or nothing
            except FileNotFoundError:  # a filesystem with real folders (sftp://, smb://, ...)
                self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
                self.fs.pipe_file(path, data)
        except OSError as err:
            raise ArticlegenError(f"{self.show(relpath)}: cannot write: {err}") from None

    def read(self, relpath: str) -> bytes | None:
        try:
            return bytes(self.fs.cat_file(f"{self.root}/{relpath}"))
        except FileNotFoundError:
            return None

    def remove_leftovers(self) -> int:
        return 0  # object stores have no partial objects

    def remove_partial(self, relpaths: Iterable[str], pid: int) -> None:
        pass

    def remove_partial_in(self, folders: Iterable[str], pid: int) -> None:
        pass
