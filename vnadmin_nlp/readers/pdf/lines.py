"""Glyphs in content-stream order → visual lines, top to bottom."""
from __future__ import annotations

import unicodedata
from typing import Sequence

from ..layout import Char, Line


def glyph_lines(chars: Sequence[Char | None]) -> list[Line]:
    """Glyphs → visual lines, top to bottom, each sorted left to right.

    Glyphs are first cut into runs in stream order (a run keeps a base letter and a separately drawn combining
    mark together), then runs whose bottoms are close are merged into lines (superscripts stay in their line).
    """
    runs: list[list[Char]] = []
    cur: list[Char] | None = None
    cy0 = cx1 = ch_h = dy = 0.0
    for c in chars:
        if c is None:
            cur = None
            continue
        x0, y0, x1, y1 = c[0], c[1], c[2], c[3]
        if cur is not None and abs(y0 - cy0) <= dy and cx1 - 0.6 * ch_h <= x0 <= cx1 + ch_h:
            cur.append(c)
            if x1 > cx1:
                cx1 = x1
            continue
        cur = [c]
        runs.append(cur)
        cy0, cx1, ch_h = y0, x1, (y1 - y0) or 1.0
        # the baseline may move by a descender ("tướng", "g" drawn lower) however short the run's first glyph is
        # (a dash "-" is a third of the line's height): measured against the font size when it is known
        dy = 0.3 * max(ch_h, _size(c))
    # a run joins a line when its vertical centre lies in the band of the line's tallest run (superscript
    # footnote markers and drawn-apart diacritics stay in their line; the next line's band does not overlap)
    runs.sort(key=lambda r: -(r[0][1] + r[0][3]))
    grouped: list[list[list[Char]]] = []
    band_lo = band_hi = 0.0
    for run in runs:
        y0, y1 = run[0][1], run[0][3]
        centre = (y0 + y1) / 2
        if grouped and (band_lo <= centre <= band_hi or _covers(y0, y1, band_lo, band_hi)):
            grouped[-1].append(run)
            if y1 - y0 > band_hi - band_lo:
                band_lo, band_hi = y0, y1
        else:
            grouped.append([run])
            band_lo, band_hi = y0, y1
    lines = []
    for group in grouped:
        line_chars, glyphs = _spaced_deduped(_merge_runs(group))
        if not glyphs:
            continue
        heights = sorted([c[3] - c[1] for c in glyphs])
        lines.append(
            Line(
                chars=line_chars,
                y0=min([c[1] for c in glyphs]),
                y1=max([c[3] for c in glyphs]),
                h=heights[len(heights) // 2] or 1.0,
            )
        )
    lines.sort(key=lambda ln: -ln.y1)
    return lines


def _size(c: Char) -> float:
    """The glyph's font size (0 for OCR words and unknown fonts)."""
    style = c[6] if len(c) > 6 else None
    size = style[2] if isinstance(style, tuple) and len(style) > 2 else 0.0
    return float(size) if isinstance(size, (int, float)) else 0.0


def _covers(y0: float, y1: float, lo: float, hi: float) -> bool:
    """A run taller than the line's band that holds most of it (the line was opened by a superscript or a drawn-
    apart diacritic).  A run of the other column set half a line lower only grazes the band: not the same line."""
    return y0 <= (lo + hi) / 2 <= y1 and min(y1, hi) - max(y0, lo) >= 0.7 * (hi - lo)


# Glyphs a value may be typed over ("ngày ..... tháng"): they do not keep a run out of the gap.
_PLACEHOLDERS = frozenset("._…-")


def _merge_runs(group: list[list[Char]]) -> list[Char]:
    """The runs of one line → its glyphs left to right, as a person reads them.

    Runs are kept whole (a base letter and its separately drawn mark stay together) and placed by where they
    start; a run that starts inside another run's stretch and fits in one of its gaps is spliced into that
    gap.  That is where a day or number typed later into a form field or an annotation belongs: "ngày 29
    tháng", not "ngày tháng năm 2025 29" (the field text comes last in the content stream).
    """
    group.sort(key=lambda r: r[0][0])
    if len(group) == 1:
        return group[0]
    out: list[Char] = list(group[0])
    for run in group[1:]:
        at = _gap_for(out, run)
        out[at:at] = run
    return out


def _spaced_deduped(chars: list[Char]) -> tuple[list[Char], list[Char]]:
    """A line's glyphs as kept, and its glyphs bar spaces, in one pass.

    A space goes between a digit and a letter on one baseline that come from far apart in the content stream: a
    number typed into a form field against a printed word is still two words ("16 tháng"), even when the boxes
    touch; a raised footnote number stays on its word ("cộng đồng²").  Glyphs drawn twice at (almost) the same
    place are dropped: fake bold, or a field value printed over itself.  The glyphs bar spaces are those before
    the drop (the line's box and height)."""
    out: list[Char] = []
    glyphs: list[Char] = []
    p: Char | None = None
    q: Char | None = None  # the last glyph kept
    for c in chars:
        if p is not None and abs(c[5] - p[5]) > 2:
            level = abs(c[1] - p[1]) <= 0.25 * max(c[3] - c[1], p[3] - p[1])
            if level and _switch(p[4], c[4]):
                space = (p[2], p[1], p[2], p[3], " ", p[5], p[6])
                if not (q is not None and q[4] == " " and abs(space[0] - q[0]) < 0.3 * max(q[2] - q[0], 0.5)
                        and abs(space[1] - q[1]) < 1.0):
                    out.append(space)
                    q = space
        ch = c[4]
        if not ch.isspace():
            glyphs.append(c)
        p = c
        if q is not None and ch == q[4] and abs(c[0] - q[0]) < 0.3 * max(q[2] - q[0], 0.5) and abs(c[1] - q[1]) < 1.0:
            continue
        out.append(c)
        q = c
    return out, glyphs


def _switch(a: str, b: str) -> bool:
    return (a[-1:].isdigit() and b[:1].isalpha()) or (a[-1:].isalpha() and b[:1].isdigit())


def _gap_for(chars: list[Char], run: list[Char]) -> int:
    """Where ``run`` goes in ``chars``: before the first glyph whose centre lies right of the run's first glyph,
    when no glyph (bar spaces and dotted placeholders) overlaps the run; else at the end (the old order: runs
    one after the other)."""
    glyphs = [c for c in run if not c[4].isspace()] or run
    x0, x1 = min(c[0] for c in glyphs), max(c[2] for c in glyphs)
    h = max(c[3] - c[1] for c in glyphs) or 1.0
    slack = 0.25 * h
    centre = (glyphs[0][0] + glyphs[0][2]) / 2
    if centre >= max((c[0] + c[2]) / 2 for c in chars):
        return len(chars)
    at = 0
    for k, c in enumerate(chars):
        if not c[4].isspace() and (c[0] + c[2]) / 2 > centre and not unicodedata.combining(c[4][:1] or " "):
            at = k
            break
    else:
        return len(chars)
    for c in chars:
        if c[4].isspace() or c[4] in _PLACEHOLDERS:
            continue
        if c[2] > x0 + slack and c[0] < x1 - slack:
            return len(chars)  # the run overlaps glyphs: text drawn over text, keep the old order
    while at > 0 and chars[at - 1][4].isspace() and (chars[at - 1][0] + chars[at - 1][2]) / 2 > centre:
        at -= 1  # a space that lies after the run's start belongs after it
    return at
