"""The PDF reader's limits (:mod:`vnadmin_nlp.readers.limits`), checked before pdfium builds anything.

pdfium has no decompression limit of its own: a content stream of a few hundred KB that inflates to GiBs is
inflated whole when the page's text is read (256 MiB of content cost 530 MB and 14 s).  Deflate cannot expand
more than about 1032 times, so only the streams whose compressed size could reach ``max_pdf_stream_bytes`` are
inflated here, in chunks, and counted; every other stream is skipped unread.  A page too large to render for
OCR is left out with a warning (the rest of the document is read), never rendered.
"""
from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Iterator, Sequence

from .. import limits
from ..base import ReaderWarning
from ..layout import PageText

_MAX_RATIO = 1100  # deflate's maximum expansion is ~1032:1
_STREAM = re.compile(rb"endstream|stream\r?\n")
_CHUNK = 1 << 20


def check_streams(data: bytes, path: Path) -> None:
    """Raise LimitExceeded when a Flate stream inflates past ``max_pdf_stream_bytes`` (one linear pass)."""
    maximum = limits.current().max_pdf_stream_bytes
    if not maximum:
        return
    floor = maximum // _MAX_RATIO
    start: int | None = None
    for begin, end, closing in _stream_marks(data):
        if not closing:
            if start is None:
                start = end
            continue
        if start is not None and begin - start >= floor:
            head = data[max(0, start - 2048):start]
            head = head[head.rfind(b"obj"):] if b"obj" in head else head
            if b"FlateDecode" in head and _inflated(data, start, begin, maximum) > maximum:
                raise limits.LimitExceeded(path, "max_pdf_stream_bytes", f"over {maximum}",
                                           f"the bytes the stream at offset {start} inflates to")
        start = None


def _stream_marks(data: bytes) -> Iterator[tuple[int, int, bool]]:
    """The matches of ``_STREAM`` in order, as (start, end, is "endstream"), found with ``bytes.find`` (a
    memchr-driven scan, several times faster than the regular expression, which tries both branches at every
    byte).  An "endstream" is a "stream" with "end" before it; a "stream" opens one when a line break follows."""
    pos = 0
    find = data.find
    while True:
        k = find(b"stream", pos)
        if k < 0:
            return
        if k >= 3 and data[k - 3:k] == b"end":
            yield k - 3, k + 6, True
            pos = k + 6
            continue
        after = data[k + 6:k + 8]
        if after[:1] == b"\n":
            yield k, k + 7, False
            pos = k + 7
        elif after == b"\r\n":
            yield k, k + 8, False
            pos = k + 8
        else:
            pos = k + 1


def _inflated(data: bytes, start: int, end: int, maximum: int) -> int:
    """Bytes the deflate data in ``data[start:end]`` inflates to, counted up to just over ``maximum``."""
    inflater = zlib.decompressobj()
    size = 0
    view = memoryview(data)[start:end]
    pos = 0
    try:
        while size <= maximum:
            if inflater.unconsumed_tail:
                out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
            elif pos < len(view):
                out = inflater.decompress(view[pos:pos + _CHUNK], _CHUNK)
                pos += _CHUNK
            else:
                break
            size += len(out)
            if inflater.eof:
                break
    except zlib.error:
        pass  # damaged or encrypted: pdfium inflates what it can, no more than this counted
    return size


def check_pages(n_pages: int, path: Path) -> None:
    limits.check("max_pdf_pages", n_pages, "the number of pages", path)


def renderable(pages: Sequence[PageText], dpi: int, warnings: list[ReaderWarning]) -> list[PageText]:
    """The pages that can be rendered for OCR at ``dpi`` within ``max_render_pixels``; a warning for the others."""
    keep = []
    for page in pages:
        pixels = int(page.width * dpi / 72.0) * int(page.height * dpi / 72.0)
        if limits.exceeds("max_render_pixels", pixels):
            warnings.append(ReaderWarning(
                "reader_limit",
                f"page {page.number} ({page.width:.0f}×{page.height:.0f} pt) would render to {pixels} pixels at "
                f"{dpi} dpi, over the reader limit max_render_pixels={limits.current().max_render_pixels}: "
                "not OCR'd",
            ))
        else:
            keep.append(page)
    return keep
