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
