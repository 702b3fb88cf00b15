"""Doubt about the lines of a trích yếu read from OCR, from where they stand on the page.

A trích yếu's lines are set close: their gaps are a fraction of a word's height (at most 0.5 on the Lâm Đồng and
corpus scans), and its first line stands close under the type's title.  When a line between them is missing from OCR's
reading (a seal or a stamp over it, a line tesseract dropped as noise), what is left reads as a whole trích yếu —
``của Tổ Công tác cải cách hành chính`` under ``QUYẾT ĐỊNH`` — but a gap a line tall is left where it was.  Such a
trích yếu is a wrong one; the extractor leaves it out (``subject_unreadable``).  Words are found back in the OCR
lines by :mod:`.ocr_lookup`; a line not found there (the layout joined two of tesseract's) is not judged.
"""
from __future__ import annotations

from typing import Sequence

from .base import Context
from .ocr_lookup import Word, words_for

LOST_LINE = 1.0  # a gap this many word heights wider than the page's close gaps (its lower quartile) between two
# lines of a trích yếu, or between the type's title and its first line, holds a line OCR lost.  Measured on the dev
# and corpus scans (word boxes with their marks, so lines overlap and gaps go negative): a page's close gap -0.3 to
# 0.5; between a trích yếu's lines -0.8 to 0.3, under the title -0.6 to 0.5 (at most 0.8 over the close gap); a line
# taken out of OCR's reading (scripts/ocr_text_variants.py: ld_017, ld_051, ld_057, qngai_ttr04) leaves 1.1-2.0 over
# it under the title, and the body under a trích yếu stands 2.3-2.8 lower.  Relative, so a page set with wide
# spacing throughout is not taken for one with a line lost.
LOST_FLOOR = 0.6  # …and never less than this many word heights (a page whose lines overlap: skewed, close-set)


def _box(words: Sequence[Word]) -> tuple[float, float]:
    return min(float(w[3]) for w in words), max(float(w[5]) for w in words)


def _span(words: Sequence[Word]) -> tuple[float, float]:
    return min(float(w[2]) for w in words), max(float(w[4]) for w in words)


def _gap(above: Sequence[Word], below: Sequence[Word]) -> float:
    """The gap between two lines set one under the other, where they stand: for each word of ``below``, its top
    less the lowest bottom of the words of ``above`` over it (overlapping it across); the median of those.  A
    skewed or curved page (ld_060, a phone photo: a line rises 11 px across) makes a line's box two lines tall,
    so the gap between boxes hides a lost line; the gap word over word does not.  The gap between the boxes
    when no word stands over another."""
    local = []
    for w in below:
        over = [float(a[5]) for a in above if min(float(a[4]), float(w[4])) > max(float(a[2]), float(w[2]))]
        if over:
            local.append(float(w[3]) - max(over))
    if not local:
        return _box(below)[0] - _box(above)[1]
    local.sort()
    return local[len(local) // 2]


def _close_gap(ctx: Context, line: Sequence[Word], unit: float) -> float:
    """The lower quartile of the gaps between the lines of ``line``'s page set one under the other (in ``unit``s):
    how close the page sets its lines."""
    for record in ctx.source_metadata.get("ocr_words") or []:
        lines = record.get("lines", [])
        if not any(ln is line or ln == line for ln in lines):
            continue
        rows = sorted((ln for ln in lines if ln), key=lambda ln: _box(ln)[0])
        gaps = []
        for a, b in zip(rows, rows[1:]):
            if min(_span(a)[1], _span(b)[1]) > max(_span(a)[0], _span(b)[0]):  # one under the other, not side by side
                gaps.append(_gap(a, b) / unit)
        gaps.sort()
        return gaps[len(gaps) // 4] if gaps else 0.0
    return 0.0


def _geometry(ctx: Context, lines: Sequence[str]) -> tuple[list[tuple[list[Word], list[Word]]], list[float], float, float] | None:
    """The OCR words of each of ``lines`` (its words, its whole OCR line), the gaps between them (:func:`_gap`), the
    median word height and the gap, in word heights, over which a line counts as lost (:data:`LOST_LINE` over the
    page's close gaps); None when a line is not among the OCR words or nothing has a height."""
    found = [words_for(ctx, text) for text in lines]
    if not found or any(f is None for f in found):
        return None
    read = [f for f in found if f is not None]
    heights = sorted(float(w[5]) - float(w[3]) for f in read for w in f[0])
    unit = heights[len(heights) // 2] if heights else 0.0
    if unit <= 0:
        return None
    gaps = [_gap(a[0], b[0]) for a, b in zip(read, read[1:])]
    return read, gaps, unit, max(LOST_FLOOR, LOST_LINE + _close_gap(ctx, read[0][1], unit))


def lost_line(ctx: Context, lines: Sequence[str], title: str | None = None) -> str | None:
    """Why a line seems lost among the OCR'd lines of a trích yếu (``lines``, top down; ``title`` the type's title
    line over them, None for a ``V/v`` line), or None: a gap :data:`LOST_LINE` word heights wider than the page's
    close gaps between two of them or under the title."""
    geometry = _geometry(ctx, lines)
    if geometry is None:
        return None
    found, gaps, unit, bar = geometry
    for k in range(1, len(found)):
        gap = gaps[k - 1] / unit
        if gap > bar:
            return f"a gap of {gap:.1f} word heights between its lines {lines[k - 1]!r} and {lines[k]!r}: a line lost?"
    head = words_for(ctx, title) if title else None
    if head is not None:
        gap = _gap(head[0], found[0][0]) / unit
        if _box(head[0])[0] < _box(found[0][0])[0] and gap > bar:
            return f"a gap of {gap:.1f} word heights under the title {title!r}: its first line lost?"
    return None


INDENT = 1.0  # word heights a paragraph's first line stands right of the line under it, at least (the body's
# first-line indent: 2.2 on qngai_ct44_2024, whose trích yếu is centred over it)
FLUSH = 1.0  # word heights short of the line under it that a justified body line still reaches


def body_start(ctx: Context, lines: Sequence[str]) -> int | None:
    """Where the body's first paragraph starts among the OCR'd lines taken for a trích yếu (``lines``, top down), or
    None: a line after a gap :data:`LOST_LINE` word heights wider than the page's close gaps that opens a paragraph —
    indented :data:`INDENT` word heights right of the line under it, reaching as far right (a justified body set
    under a centred trích yếu: the chỉ thị's ``Cơn bão số 3 …`` under its ``Về việc …``)."""
    geometry = _geometry(ctx, lines) if len(lines) >= 2 else None
    if geometry is None:
        return None
    found, gaps, unit, bar = geometry
    for k in range(1, len(found)):
        if gaps[k - 1] / unit <= bar:
            continue
        words, line = found[k]
        under = _line_under(ctx, line)
        if under is None:
            return None
        x0, x1 = _span(words)
        u0, u1 = _span(under)
        close = _gap(words, under) / unit <= bar
        if close and (x0 - u0) / unit >= INDENT and (u1 - x1) / unit <= FLUSH:
            return k
        return None
    return None


def _line_under(ctx: Context, line: Sequence[Word]) -> Sequence[Word] | None:
    """The OCR line right under ``line`` on its page, overlapping it across, or None."""
    for record in ctx.source_metadata.get("ocr_words") or []:
        lines = [ln for ln in record.get("lines", []) if ln]
        if not any(ln is line or ln == line for ln in lines):
            continue
        top, (a0, a1) = _box(line)[0], _span(line)
        below = [ln for ln in lines if _box(ln)[0] > top and min(_span(ln)[1], a1) > max(_span(ln)[0], a0)]
        return min(below, key=lambda ln: _box(ln)[0]) if below else None
    return None
