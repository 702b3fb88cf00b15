"""Two-column blocks (header: issuer | Quốc hiệu; closing: Nơi nhận | signer): where they are and where to cut.

The columns are found from the x-distribution of the glyphs: a line with a wide free strip in the middle opens a
block (near the top of the first page, or beside an anchor such as "Nơi nhận" or "CỘNG HÒA"), and the block
grows while the lines below and above can be cut in a common free strip.
"""
from __future__ import annotations

import unicodedata
from typing import Any

from ..ocr_result import OcrPage
from .ocr_lines import ocr_lines
from .records import Char, Line, PageText
from .text import LEGACY_GLYPHS, SPACE_GAP, glyph_text, line_text
from .vocabulary import COLUMN_ANCHOR_LEFT, COLUMN_ANCHOR_RIGHT

# Thresholds, in units of the line's character box height (≈ the font size).
COLUMN_GAP = 1.5  # the gap that opens a two-column block
COLUMN_MIN_GAP = 0.8  # the gap a later line must leave free to stay in the block
COLUMN_OVERLAP = 0.2  # …or, when its own wide gap only overlaps the strip, the overlap it must leave
COLUMN_MAX_VGAP = 0.6  # a one-sided line further below than this ends the block
# A narrower gap opens a block only beside an anchor ("ỦY BAN THƯỜNG VỤ QUỐC HỘI" | "CỘNG HÒA XÃ HỘI…" in two table
# cells that each fill their half: LibreOffice leaves its two cell paddings, 0.7 to 1.3 line heights, between
# them) and only when it is this many times the line's own word spaces, so a justified line's stretched spaces
# never open one.
COLUMN_NARROW_GAP = 0.6
COLUMN_WORD_SPACES = 2.5


def _free_gaps(line: Line, lo: float, hi: float) -> list[tuple[float, float]]:
    """Horizontal intervals inside (lo, hi) that no glyph of the line covers."""
    spans = sorted([(c[0], c[2]) for c in line.glyphs if c[2] > lo and c[0] < hi])
    gaps = []
    cursor = lo
    for a, b in spans:
        if a > cursor:
            gaps.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < hi:
        gaps.append((cursor, hi))
    return gaps


def _column_start(
    line: Line, band: tuple[float, float], edges: tuple[float, float], first_lines: bool
) -> tuple[float, float] | None:
    """The free strip that makes this line the first of a two-column block, if it is one.

    Either the line has a wide gap in the middle band (and is near the top of the first page, or one side is
    an anchor: "Nơi nhận", "CỘNG HÒA…", "TM./KT./TL. …"), or it is a lone anchor on its own side ("Nơi nhận:"
    with the signer's lines starting lower).
    """
    x0, x1 = line.x0, line.x1
    free = _free_gaps(line, x0, x1)
    in_band = [g for g in free if g[1] > band[0] and g[0] < band[1]]
    gaps = [g for g in in_band if g[1] - g[0] >= COLUMN_GAP * line.h]
    if gaps:
        gap = max(gaps, key=lambda g: g[1] - g[0])
        if first_lines or _anchored(line, gap):
            return gap
        return None
    if in_band:
        least = max(COLUMN_NARROW_GAP * line.h, COLUMN_WORD_SPACES * _word_space(free, line))
        narrow = [g for g in in_band if g[1] - g[0] >= least]
    else:
        narrow = []
    if narrow:
        gap = max(narrow, key=lambda g: g[1] - g[0])
        return gap if _anchored(line, gap) else None
    text = line_anchor(line)
    if x1 < band[1] and COLUMN_ANCHOR_LEFT.match(text):
        return (x1, edges[1])
    if x0 > band[0] and COLUMN_ANCHOR_RIGHT.match(text):
        return (edges[0], x0)
    return None


def _anchored(line: Line, gap: tuple[float, float]) -> bool:
    """Whether the text left of the gap opens a closing ("Nơi nhận") or the text right of it is a header's or a
    closing's right column ("CỘNG HÒA…", "TM. …")."""
    left = anchor_text([c for c in line.chars if c[2] <= gap[0] + 0.01])
    right = anchor_text([c for c in line.chars if c[0] >= gap[1] - 0.01])
    return bool(COLUMN_ANCHOR_LEFT.match(left) or COLUMN_ANCHOR_RIGHT.match(right))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _word_space(free: list[tuple[float, float]], line: Line) -> float:
    """The line's usual word space: the median of its gaps wider than a gap between letters."""
    spaces = sorted(b - a for a, b in free if b - a > SPACE_GAP * line.h)
    return spaces[len(spaces) // 2] if spaces else COLUMN_GAP * line.h


def anchor_text(chars: list[Char]) -> str:
    """Text good enough to test the column anchors, legacy-font runs converted on the fly ("N¬i nhËn")."""
    return _anchor(*glyph_text(chars))


def line_anchor(line: Line) -> str:
    """:func:`anchor_text` of a whole line, worked out once per line."""
    found = line.texts.get("anchor")
    if found is None:
        found = line.texts["anchor"] = _anchor(*line_text(line))
    return found


def _anchor(text: str, spans: list[tuple[int, int, Any]]) -> str:
    if not spans:
        return _nfc(text)  # marks drawn as separate glyphs ("Ô" + U+0323) are one letter to the anchors
    try:
        from ..encodings import convert_run, font_encoding
    except ImportError:
        return text
    out, pos = [], 0
    for a, b, (font, caps) in spans:
        encoding = font_encoding(font)[0]
        if encoding:
            piece = "".join(LEGACY_GLYPHS.get(ch, ch) for ch in text[a:b])
            out += [text[pos:a], convert_run(piece, encoding, upper=caps)]
            pos = b
    return _nfc("".join(out) + text[pos:])


def _fit(line: Line, lo: float, hi: float) -> tuple[float, float, bool] | None:
    """Can this line be cut inside the free strip (lo, hi)?  Returns the narrowed strip and whether the line
    has glyphs on both sides, or None when the line crosses the strip."""
    glyphs = line.glyphs
    if any(c[2] > lo + 0.5 and c[0] < hi - 0.5 for c in glyphs):
        free = [g for g in _free_gaps(line, lo, hi) if g[1] - g[0] >= COLUMN_MIN_GAP * line.h]
        # a gap between two texts of the line before the free space beyond its last glyph: a block opened by a
        # lone "Nơi nhận:" has a strip as wide as the page, and the signer's "TM. CHÍNH PHỦ", centred in its cell,
        # leaves more room on its right than between it and "- Thủ tướng, các Phó Thủ tướng"
        inner = [g for g in free if g[0] > line.x0 and g[1] < line.x1]
        if inner or free:
            lo, hi = max(inner or free, key=lambda g: g[1] - g[0])
        else:
            # the line's own wide gap straddles an edge of the strip: the columns' words reach into each other's
            # stretch ("ỦY BAN…  CỘNG HÒA…" above "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG  Độc lập…"); cut in the overlap
            own = [
                (max(lo, a), min(hi, b))
                for a, b in _free_gaps(line, line.x0, line.x1)
                if b - a >= COLUMN_GAP * line.h and min(hi, b) - max(lo, a) >= COLUMN_OVERLAP * line.h
            ]
            if not own:
                return None
            lo, hi = max(own, key=lambda g: g[1] - g[0])
    both = any(c[2] <= lo + 0.5 for c in glyphs) and any(c[0] >= hi - 0.5 for c in glyphs)
    return lo, hi, both


def _columns(
    lines: list[Line], start: int, strip: tuple[float, float], floor: int, stop: int
) -> tuple[int, int, tuple[float, float]]:
    """Grow a column block from ``lines[start]`` down (and up, not above ``floor``) while every line can be cut
    in a common free strip; a one-sided line far below/above the block ends it.  Returns (first, end, strip)."""
    lo, hi = strip
    end = start + 1
    prev = lines[start]
    while end < stop:
        line = lines[end]
        fit = _fit(line, lo, hi)
        if fit is None or (not fit[2] and prev.y0 - line.y1 > COLUMN_MAX_VGAP * max(line.h, prev.h)):
            break
        lo, hi = fit[0], fit[1]
        prev = line
        end += 1
    first = start
    nxt = lines[start]
    while first - 1 >= floor:
        line = lines[first - 1]
        fit = _fit(line, lo, hi)
        if fit is None or line.y0 - nxt.y1 > COLUMN_MAX_VGAP * max(line.h, nxt.h):
            break
        lo, hi = fit[0], fit[1]
        nxt = line
        first -= 1
    return first, end, (lo, hi)


def column_spans(page: PageText, stop: int) -> dict[int, tuple[int, float]]:
    """The two-column blocks of a page: first line index → (end index, boundary x)."""
    return carried_column_spans(page, stop, None)[0]


def carried_column_spans(
    page: PageText, stop: int, carried: tuple[float, float] | None
) -> tuple[dict[int, tuple[int, float]], tuple[float, float] | None, bool]:
    """The two-column blocks of a page, the free strip of the last one when it runs to the page's last line, and
    whether the first one goes on with the page before's.

    ``carried`` is that strip from the page before: a block broken by the page (a Nơi nhận list beside the
    signer, page 6 | page 7) goes on at the top of this page when its first lines fit in the strip and one of
    them has text on both sides.
    """
    lines = page.lines
    spans: dict[int, tuple[int, float]] = {}
    floor = i = 0
    open_strip: tuple[float, float] | None = None
    continued = False
    if carried is not None and lines and stop > 0:
        end, lo, hi, both = _grow_carried(lines, carried, stop)
        if both:
            spans[0] = (end, (lo + hi) / 2)
            floor = i = end
            open_strip = (lo, hi) if end == len(lines) else None
            continued = True
    left_edge = min(ln.x0 for ln in lines)
    right_edge = max(ln.x1 for ln in lines)
    width = right_edge - left_edge
    band = (left_edge + 0.25 * width, left_edge + 0.75 * width)
    while i < stop and width > 0:
        strip = _column_start(lines[i], band, (left_edge, right_edge), first_lines=i < 4 and page.number == 1)
        if strip is None:
            i += 1
            continue
        first, end, (lo, hi) = _columns(lines, i, strip, floor, stop)
        spans[first] = (end, (lo + hi) / 2)
        open_strip = (lo, hi) if end == len(lines) else None
        floor = i = end
    return spans, open_strip, continued


def _grow_carried(lines: list[Line], strip: tuple[float, float], stop: int) -> tuple[int, float, float, bool]:
    """The lines at the top of a page that go on with the page before's column block: (end, lo, hi, whether
    one of them has text on both sides)."""
    lo, hi = strip
    end, both = 0, False
    while end < stop:
        line = lines[end]
        fit = _fit(line, lo, hi)
        if fit is None or (end and not fit[2] and lines[end - 1].y0 - line.y1 > COLUMN_MAX_VGAP * max(line.h, lines[end - 1].h)):
            break
        lo, hi, two = fit
        both = both or two
        end += 1
    return end, lo, hi, both


def column_regions(result: OcrPage, number: int) -> list[tuple[int, int, int, int]]:
    """Pixel boxes of each column of the page's two-column blocks, found on a first OCR reading.

    Tesseract reads a row of the header or closing as one line across both columns, and when the two columns'
    line pitches differ it mixes their words ("- Như trên;" / "- Bộ Tài chính;" beside "KT. CHÁNH VĂN PHÒNG"
    came out as "- hi trên, b").  Reading each column's box on its own fixes that.
    """
    height = result.height
    page = PageText(number, result.width, height, ocr_lines(result, 1.0, height), ocr=True)
    if not page.lines:
        return []
    boxes = []
    for first, (end, boundary) in column_spans(page, len(page.lines)).items():
        rows = page.lines[first:end]
        if len(rows) < 2:
            continue
        pad = int(0.4 * max(ln.h for ln in rows))
        top = max(0, int(height - rows[0].y1) - pad)
        bottom = min(height, int(height - rows[-1].y0) + pad)
        # never into a line around the block that runs across its gutter: the body's last line above a closing (a
        # justified line across the page) would have its words under the box read again with the column and lost
        # (vbai_61 scanned: "… theo thời gian tại" / "khoản 1 …" came out "theo thời" / "tại", the deadline's
        # reference gone); a line on one side stays in the box.  (Not below the block: the line under a header's
        # block, ``Kính gửi:`` beside a received stamp, is read whole only with the column, ld_015.)
        if first > 0 and _across(page.lines[first - 1], boundary, pad):
            top = max(top, int(height - page.lines[first - 1].y0) + 1)
        left = max(0, int(min(ln.x0 for ln in rows)) - pad)
        right = min(result.width, int(max(ln.x1 for ln in rows)) + pad)
        boxes += [(left, top, int(boundary), bottom), (int(boundary), top, right, bottom)]
    return boxes


def _across(line: Line, boundary: float, pad: int) -> bool:
    """Whether a line runs across a column boundary (text on both sides of it): a body line, no column's."""
    return line.x0 < boundary - pad and line.x1 > boundary + pad
