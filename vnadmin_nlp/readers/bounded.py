"""The checks around a bounded parse of one file (:func:`vnadmin_nlp.pipeline.run_bounded`): what is refused
before it is opened, which small files are parsed in the caller's process, and running out of memory as a stage.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..files import special_kind
from ..files.limits import caused_by_memory
from ..model import Document
from . import SNIFF_BYTES, CorruptFile, ReaderError, pick_reader


class ResourceLimit(ReaderError):
    """A file went past a limit (stage ``timeout`` or ``memory``) or killed the process reading it (``crash``)."""

    code = "resource_limit"


# A plain-text file up to this size is parsed in this process, under the same limits (``run_here``): the text
# reader and the pipeline are Python code whose time and memory grow linearly with the text (issue 14).
IN_PROCESS_MAX_BYTES = 1 << 20


def plain_text(path: Path) -> bool:
    """Is ``path`` a small file the plain-text reader will read (what ``read_file`` would pick, from its head)?"""
    try:
        if path.stat().st_size > IN_PROCESS_MAX_BYTES:
            return False
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
        return pick_reader(path, head).name == "text"
    except (OSError, ReaderError):
        return False


def check_input(path: Path) -> None:
    """Refuse, before opening it, what is not a file to read: a FIFO (opening it would block), a device, an
    empty file (a 0-byte .pdf is not a document)."""
    try:
        st = os.stat(path)
    except OSError:
        return  # the reader names a missing or unreadable file in its own words
    kind = special_kind(st.st_mode)
    if kind == "a folder":
        raise ReaderError(path, "is a directory, not a file")
    if kind:
        raise ReaderError(path, f"{kind}, not a regular file: not opened")
    if st.st_size == 0:
        raise CorruptFile(path, "the file is empty (0 bytes)")


def memory_stage(job: Callable[..., Document], args: tuple, path: Path) -> Document:
    """``job(*args)``; running out of memory, wherever it happens (a reader wraps what it catches), is stage memory."""
    try:
        return job(*args)
    except MemoryError:
        raise ResourceLimit(path, "out of memory", stage="memory") from None
    except ReaderError as exc:
        if exc.stage not in ("memory", "timeout") and caused_by_memory(exc):
            raise ResourceLimit(path, f"out of memory ({exc.message})", stage="memory") from None
        raise
