"""Glyphs in content-stream order → visual lines, top to bottom."""
from __future__ import annotations

from typing import Sequence

from ..layout import Char, Line


def glyph_lines(chars: Sequence[Char | None]) -> list[Line]:
    """Glyphs → visual lines, top to bottom, each sorted left to right.

    Glyphs are first cut into runs in stream order (a run keeps a base letter and a separately drawn combining
    mark together), then runs whose bottoms are close are merged into lines (superscripts stay in their line).
    """
    runs: list[list[Char]] = []
    cur: list[Char] | None = None
    cy0 = cx1 = ch_h = 0.0
    for c in chars:
        if c is None:
            cur = None
            continue
        x0, y0, x1, y1 = c[0], c[1], c[2], c[3]
        if cur is not None and abs(y0 - cy0) <= 0.3 * ch_h and cx1 - 0.6 * ch_h <= x0 <= cx1 + ch_h:
            cur.append(c)
            if x1 > cx1:
                cx1 = x1
            continue
        cur = [c]
        runs.append(cur)
        cy0, cx1, ch_h = y0, x1, (y1 - y0) or 1.0
    # a run joins a line when its vertical centre lies in the band of the line's tallest run (superscript
    # footnote markers and drawn-apart diacritics stay in their line; the next line's band does not overlap)
    runs.sort(key=lambda r: -(r[0][1] + r[0][3]))
    grouped: list[list[list[Char]]] = []
    band_lo = band_hi = 0.0
    for run in runs:
        y0, y1 = run[0][1], run[0][3]
        centre = (y0 + y1) / 2
        if grouped and (band_lo <= centre <= band_hi or y0 <= (band_lo + band_hi) / 2 <= y1):
            grouped[-1].append(run)
            if y1 - y0 > band_hi - band_lo:
                band_lo, band_hi = y0, y1
        else:
            grouped.append([run])
            band_lo, band_hi = y0, y1
    lines = []
    for group in grouped:
        group.sort(key=lambda r: r[0][0])
        line_chars = [c for run in group for c in run]
        if all(c[4].isspace() for c in line_chars):
            continue
        glyphs = [c for c in line_chars if not c[4].isspace()]
        heights = sorted(c[3] - c[1] for c in glyphs)
        lines.append(
            Line(
                chars=_dedupe(line_chars),
                y0=min(c[1] for c in glyphs),
                y1=max(c[3] for c in glyphs),
                h=heights[len(heights) // 2] or 1.0,
            )
        )
    lines.sort(key=lambda ln: -ln.y1)
    return lines


def _dedupe(chars: list[Char]) -> list[Char]:
    """Drop glyphs drawn twice at (almost) the same place: fake bold, or a field value printed over itself."""
    out: list[Char] = []
    for c in chars:
        if out:
            p = out[-1]
            if c[4] == p[4] and abs(c[0] - p[0]) < 0.3 * max(p[2] - p[0], 0.5) and abs(c[1] - p[1]) < 1.0:
                continue
        out.append(c)
    return out
