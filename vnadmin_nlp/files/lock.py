"""One writer at a time: an output folder or an index is locked by the run that writes it.

The lock is ``flock`` on a small file holding the owner's pid, host and start time.  The kernel drops the lock
when its owner dies, however it dies, so a lock file left by a killed run is stale by construction: the next
run takes it.  A second run while the first is alive is refused at once with a message naming the first.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from .names import display_name


class OutputError(Exception):
    """An output (folder, file, database) cannot be used: locked by another run, read-only, full, corrupt, not
    ours.  The message is one line naming the path; the command line exits with code 3."""


class Busy(OutputError):
    """Another live run holds the lock."""


class Lock:
    """``with Lock(path, what):`` holds the lock file ``path`` for the block, or raises :class:`Busy`."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        self.fd = -1

    def __enter__(self) -> "Lock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def acquire(self) -> None:
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"{display_name(str(self.path))}: cannot create the lock file: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            owner = _read_owner(fd)
            os.close(fd)
            raise Busy(f"{self.what} is in use by another vnadmin-nlp run ({owner}); wait for it to end, "
                       f"or use another output") from None
        os.ftruncate(fd, 0)
        import socket  # here, not at import: a worker that never locks does not pay for it

        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        self.fd = fd

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing drops the flock; the file stays (unlinking would race a waiting run)
            self.fd = -1


def _read_owner(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "pid unknown"
