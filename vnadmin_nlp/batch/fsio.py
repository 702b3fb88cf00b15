"""Writing outputs so that a crash at any moment leaves either the old file or the whole new one.

``atomic_path`` / ``write_atomic`` write a temporary file and rename it over the target (atomic on POSIX);
``JsonlFile`` appends whole lines and can cut a torn or uncommitted tail back to the last committed offset.
"""
from __future__ import annotations

import itertools
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

_made_dirs: set[Path] = set()
_tmp_names = itertools.count()


@contextmanager
def atomic_path(path: Path, *, tmp_dir: Path | None = None) -> Iterator[Path]:
    """A temporary path to write; on success it replaces ``path`` in one step, on failure it is removed.

    ``tmp_dir`` (same file system) keeps the temporary files in one place, where a later run can sweep what a
    killed writer left.  The name is unique per process and call, so no file is made in advance, and the caller
    creates it with ordinary permissions.  A batch writes one output per input, so folders already made are
    remembered rather than made again.
    """
    parent = path.parent
    if parent not in _made_dirs:
        parent.mkdir(parents=True, exist_ok=True)
        _made_dirs.add(parent)
    tmp = (tmp_dir or parent) / f".{path.name}.{os.getpid()}.{next(_tmp_names)}.tmp"
    try:
        yield tmp
        try:
            os.replace(tmp, path)
        except FileNotFoundError:  # the folder was removed since it was made
            parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str, *, tmp_dir: Path | None = None, durable: bool = False) -> None:
    """Replace ``path`` by ``data``: readers see the old file or the whole new one, never a part.

    ``durable`` also fsyncs, so the file survives a power cut (the local batch instead syncs outputs in groups).
    """
    with atomic_path(path, tmp_dir=tmp_dir) as tmp, open(tmp, "wb") as f:
        f.write(data.encode("utf-8"))
        if durable:
            f.flush()
            os.fsync(f.fileno())


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


def _load_syncfs():
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
