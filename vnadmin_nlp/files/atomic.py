"""Writing a file so that a crash at any moment leaves either the old file or the whole new one.

``atomic_path`` / ``write_atomic`` write a temporary file and rename it over the target (atomic on POSIX).  The
batch's outputs, the register, the graph export and the CLI's single outputs all write through them.
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


def write_stdout(text: str) -> None:
    """Print ``text`` and a line break on standard output.  A write that fails (standard output sent to a full or
    read-only disk, ``> /dev/full``, a closed pipe) raises :class:`~.lock.OutputError` naming where standard
    output goes; standard output is then pointed at ``/dev/null``, so that the interpreter's own flush at exit
    fails no more (it would print a second error)."""
    import sys

    from .lock import OutputError

    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except OSError as exc:
        try:
            where = os.readlink("/proc/self/fd/1")
        except OSError:
            where = "standard output"
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise OutputError(f"{where} (standard output): {exc.strerror or exc}") from None


def disk_problem(path: str | Path) -> str | None:
    """Why nothing can be written at ``path`` (a file or a folder, existing or to be made), when its file system
    says so: read-only, full, or not writable by this user; None otherwise.  Used to explain an error whose own
    words do not (SQLite's "disk I/O error", "unable to open database file")."""
    p = Path(path)
    folder = next((q for q in (p, *p.parents) if q.exists()), None)
    if folder is None:
        return None
    if not folder.is_dir():
        folder = folder.parent
    try:
        st = os.statvfs(folder)
    except OSError:
        return None
    if st.f_flag & os.ST_RDONLY:
        return "read-only file system"
    free = (st.f_bfree if os.geteuid() == 0 else st.f_bavail) * st.f_frsize
    if free < 64 * 1024:
        return "no space left on device"
    if not os.access(folder, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        return "permission denied"
    return None
