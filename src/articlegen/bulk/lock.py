"""One run at a time in a directory: a lock file inside it, held for the length of the run.

Two runs into one --out would break each other: --resume removes the temporary files of
the other's writes in progress, and each rewrites the manifest the other appends to. The
lock is fcntl.flock on LOCK_NAME in the directory. The kernel drops it when its holder ends,
however it ends, so the lock of a killed run is taken over without asking; the file holds the
holder's pid, host and start time only for the message a second run gets. Forked workers close
their copy of the descriptor (a flock belongs to the open file, not the process), so a worker
left running by a killed run does not keep its lock. The file is removed when the run ends.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import fcntl
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from ..errors import ArticlegenError

LOCK_NAME = ".articlegen-bulk.lock"
_ATTEMPTS = 5  # each lost only to a run removing the file as this one opened it
# Filesystems that cannot lock: the run goes on unlocked rather than not at all.
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS}

_held: list[int] = []  # descriptors of the locks this process holds


def _forget_in_child() -> None:
    for fd in _held:
        with contextlib.suppress(OSError):
            os.close(fd)  # close, never LOCK_UN: that would release the parent's lock too
    _held.clear()


os.register_at_fork(after_in_child=_forget_in_child)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the lock of `folder` (which exists) inside the block, or fail at once naming its holder."""
    path = folder / LOCK_NAME
    fd = _acquire(path)
    try:
        yield
    finally:
        if fd is not None:
            _release(path, fd)


def _acquire(path: Path) -> int | None:
    for _ in range(_ATTEMPTS):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise ArticlegenError(f"{path}: cannot open the lock file: {err.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise ArticlegenError(
                f"{path.parent}: another bulk run is writing here ({holder}); wait for it to end or stop it"
            ) from None
        except OSError as err:
            os.close(fd)
            if err.errno in _NO_LOCKS:
                return None
            raise ArticlegenError(f"{path}: cannot lock: {err.strerror}") from None
        if _is_still(fd, path):
            _record_holder(fd)
            _held.append(fd)
            return fd
        os.close(fd)  # its holder removed it as this run opened it: lock the file now there
    raise ArticlegenError(f"{path}: cannot lock: it is removed and made again as fast as it is opened")


def _is_still(fd: int, path: Path) -> bool:
    """Whether `fd` is still the file at `path`: a run ending unlinks it while holding the lock."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


def _record_holder(fd: int) -> None:
    started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    holder = {"pid": os.getpid(), "host": socket.gethostname(), "started": started}
    with contextlib.suppress(OSError):  # the lock holds without it; only the message is poorer
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(holder) + "\n").encode(), 0)


def _holder(fd: int) -> str:
    try:
        record = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {int(record['pid'])} on {record['host']}, started {record['started']}"
    except (OSError, ValueError, TypeError, KeyError):
        return "its holder has not recorded itself yet"


def _release(path: Path, fd: int) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)  # before unlocking: a run that opened it meanwhile then finds it gone
    with contextlib.suppress(ValueError):
        _held.remove(fd)
    os.close(fd)
