"""Durable batch state: a whole group of outputs synced at once, renames made durable, and the JSON Lines file
whose committed length the ledger keeps.  Single atomic writes are ``files.atomic``.

``JsonlFile`` appends whole lines and can cut a torn or uncommitted tail back to the last committed offset.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable


def sync_filesystem(path: Path) -> None:
    """Flush everything written to the file system holding ``path`` (Linux ``syncfs``; elsewhere ``sync``).

    One call makes a whole group of outputs durable, files and renames alike: far cheaper than an fsync each.
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        if _syncfs is None or _syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


def _load_syncfs() -> Callable[[int], int] | None:
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


_syncfs = _load_syncfs()


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class JsonlFile:
    """An append-only JSON Lines file whose committed length is kept by the ledger.

    Opening cuts the file back to ``committed`` bytes: whatever lies beyond (a torn last line, or lines whose
    ledger records were not committed before a crash) is written again by this run.
    """

    def __init__(self, path: Path, committed: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        if os.fstat(self._fd).st_size != committed:
            os.ftruncate(self._fd, committed)
        self.size = os.lseek(self._fd, 0, os.SEEK_END)

    def append(self, line: str) -> tuple[int, int]:
        """Append one line; returns its (start, end) byte offsets."""
        data = memoryview((line + "\n").encode("utf-8"))
        start = self.size
        while data:
            n = os.write(self._fd, data)
            data = data[n:]
            self.size += n
        return start, self.size

    def sync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
