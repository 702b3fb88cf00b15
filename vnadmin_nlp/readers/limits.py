"""The readers' limits: how much of a file any reader will build before it stops, in one table.

A file comes from anyone, and a reader is the one place where a few bytes can ask for gigabytes (a zip member
that inflates 1000×, a list numbered from 10^15 in Roman numerals, a page rendered at 300 dpi that measures
five metres).  Every such quantity is counted *while* it is built, against the limit below, and a file over a
limit ends in :class:`LimitExceeded` (a :class:`~vnadmin_nlp.readers.base.ReaderError` naming the file, the
limit and its value) — or, where dropping a part leaves a usable document (a page too large to OCR), in a
warning that says what was left out.

Defaults hold every real document seen (the largest corpus values are far below them).  Override one for a
trusted file with the environment (``VNADMIN_LIMIT_<NAME>``, e.g. ``VNADMIN_LIMIT_MAX_PDF_PAGES=20000``; ``0``
lifts a limit) or in code::

    from vnadmin_nlp.readers import limits
    with limits.override(max_pdf_pages=20_000):
        parse_file("huge.pdf")

docs/security.md ("Reader limits") lists them with the attack each one stops.
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass
from typing import Iterator

from .base import ReaderError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """One table of defaults (see the module docstring; ``0`` means no limit)."""

    max_file_bytes: int = 512 * MiB  # any input file, before a reader runs
    max_zip_parts: int = 10_000  # members of a DOCX package
    max_part_bytes: int = 512 * MiB  # one DOCX part, counted while it inflates (whatever the header says)
    max_package_bytes: int = 1024 * MiB  # all parts of one DOCX read, counted while they inflate
    max_nesting: int = 200  # nested elements a reader follows (DOCX tables, content controls; HTML tags)
    max_list_value: int = 32_767  # a list counter drawn as letters or Roman numerals (Word's own maximum)
    max_table_cells: int = 1_000_000  # grid cells of one table, row/column spans included
    max_pdf_pages: int = 10_000
    max_pdf_stream_bytes: int = 256 * MiB  # one PDF stream, inflated (a content stream that expands to GiBs)
    max_render_pixels: int = 200_000_000  # one page rendered for OCR (A0 at 300 dpi is 140 million); more: skipped
    max_text_chars: int = 256 * MiB  # characters of text one file yields, before normalisation and extraction


DEFAULTS = Limits()
_ENV_PREFIX = "VNADMIN_LIMIT_"


def _from_env() -> Limits:
    values = {}
    for f in dataclasses.fields(Limits):
        raw = os.environ.get(_ENV_PREFIX + f.name.upper())
        if raw is not None:
            try:
                values[f.name] = int(raw.replace("_", ""))
            except ValueError:
                pass
    return dataclasses.replace(DEFAULTS, **values)


_current: Limits = _from_env()


def current() -> Limits:
    """The limits in force (the defaults, the environment, then :func:`override`)."""
    return _current


@contextlib.contextmanager
def override(**changes: int) -> Iterator[Limits]:
    """Other limits for the duration of a ``with`` block (``0`` lifts one)."""
    global _current
    saved = _current
    _current = dataclasses.replace(saved, **changes)
    try:
        yield _current
    finally:
        _current = saved


class LimitExceeded(ReaderError):
    """A file asks for more than a reader limit allows; names the limit, its value and how to raise it."""

    code = "limit_exceeded"

    def __init__(self, path: object, limit: str, value: int | str, what: str) -> None:
        self.limit = limit
        self.value = value
        self.maximum = getattr(_current, limit)
        super().__init__(
            str(path) if path is not None else None,
            f"{what} ({value}) is over the reader limit {limit}={self.maximum}; refusing "
            f"(a trusted file may raise it: {_ENV_PREFIX}{limit.upper()})",
        )


def exceeds(limit: str, value: int) -> bool:
    """Is ``value`` over this limit (a limit of 0 is none)?"""
    maximum = getattr(_current, limit)
    return bool(maximum) and value > maximum


def check(limit: str, value: int, what: str, path: object = None) -> None:
    """Raise :class:`LimitExceeded` when ``value`` is over the limit."""
    if exceeds(limit, value):
        raise LimitExceeded(path, limit, value, what)


def table() -> list[tuple[str, int, str]]:
    """(name, default, environment variable) of every limit, for the documentation and ``--help``."""
    return [(f.name, getattr(DEFAULTS, f.name), _ENV_PREFIX + f.name.upper()) for f in dataclasses.fields(Limits)]
