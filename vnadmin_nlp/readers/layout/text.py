"""The text of a run of glyphs: word spaces from the gaps, legacy-font spans marked, boxes, final cleaning."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from .records import Char, Line

# Layout thresholds, in units of the line's character box height (≈ the font size).
SPACE_GAP = 0.15  # a gap wider than this between two glyphs is a word space
TIGHT_WORD_GAP = 0.09  # …or when it is this much wider than the run's usual gap between letters
TIGHT_MIN_WORD_GAP = 0.05  # (and at least this wide),
TIGHT_MIN_GAPS = 8  # counted on runs with at least this many letter gaps
PART_GAP = 2.5  # outside column blocks, a gap this wide splits a line into separate blocks

# Glyphs that TCVN3 fonts' encodings map to non-Latin-1 code points in PDFs (byte 0xAD "ư" becomes U+2212 minus,
# 0xB7 "ã" becomes U+2219 bullet operator); mapped back to the byte's cp1252 character before conversion.
LEGACY_GLYPHS = {"\u2212": "\xad", "\u2219": "\xb7"}

# Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, ạ…ỹ, combining tones): a legacy-named font that yields one
# of them has a proper ToUnicode map, so none of its text is converted (the hienphap2013 ".VnCenturySchoolbook" case).
UNICODE_VIETNAMESE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]"
)


def glyph_text(chars: list[Char], unicode_fonts: set[str] | None = None) -> tuple[str, list[tuple[int, int, Any]]]:
    """The text of a run of glyphs, with spaces where the gaps are, plus spans of legacy-font text as
    (start, end, (font, caps)); legacy-named fonts seen producing Unicode Vietnamese go into ``unicode_fonts``."""
    text, spans, fonts = _glyph_text(chars)
    if unicode_fonts is not None and fonts:
        unicode_fonts.update(fonts)
    return text, spans


def line_text(line: Line, unicode_fonts: set[str] | None = None) -> tuple[str, list[tuple[int, int, Any]]]:
    """:func:`glyph_text` of a whole line, worked out once per line."""
    found = line.texts.get("glyphs")
    if found is None:
        found = line.texts["glyphs"] = _glyph_text(line.chars)
    if unicode_fonts is not None and found[2]:
        unicode_fonts.update(found[2])
    return found[0], found[1]


def _glyph_text(chars: list[Char]) -> tuple[str, list[tuple[int, int, Any]], list[str]]:
    """(text, legacy spans, legacy-named fonts seen producing Unicode Vietnamese) of a run of glyphs."""
    parts: list[str] = []
    append = parts.append
    spans: list[tuple[int, int, Any]] = []
    fonts: list[str] = []
    pos = 0
    last_x1: float | None = None
    prev = ""
    h = 1.0
    span_start: int | None = None
    span_cls: Any = None
    combining = unicodedata.combining
    tight: dict[Any, float] | None = None  # worked out at the first gap it decides (most lines have none)
    prev_style = None
    space_gap = SPACE_GAP
    for c in chars:
        ch = c[4]
        style = c[6]
        cls: Any = 0
        if style[3] and len(ch) == 1:
            if ch <= "\xff" or ch in LEGACY_GLYPHS:
                cls = (style[4], style[3] == 2)
            elif UNICODE_VIETNAMESE.match(ch):
                fonts.append(style[4])
        x1 = c[2]
        if ch.isspace():
            if last_x1 is not None and prev != " ":
                append(" ")
                pos += 1
                prev = " "
            if last_x1 is None or x1 > last_x1:
                last_x1 = x1
            continue
        h = (c[3] - c[1]) or h
        if last_x1 is not None and prev != " " and not (ch >= "\u0300" and combining(ch[0])):
            gap = c[0] - last_x1
            if gap > space_gap * h:
                word = True
            elif style == prev_style and (h <= 0 or gap > TIGHT_MIN_WORD_GAP * h):  # a style's gap is at least that
                if tight is None:
                    tight = _tight_gaps(chars)
                word = gap > tight.get(style, space_gap) * h
            else:
                word = False
            if (word or style[4] == "ocr") and not (ch[0] == "/" and prev[-1:].isdigit()):
                append(" ")
                pos += 1
        if cls != (span_cls or 0):
            if span_cls and span_start is not None:
                spans.append((span_start, pos, span_cls))
            span_start, span_cls = (pos, cls) if cls else (None, None)
        append(ch)
        pos += len(ch)
        prev = ch
        prev_style = style
        if last_x1 is None or x1 > last_x1:
            last_x1 = x1
    if span_cls and span_start is not None:
        spans.append((span_start, pos, span_cls))
    text = "".join(parts).rstrip()
    lead = len(text) - len(text.lstrip())
    return text[lead:], [(a - lead, min(b, len(text)) - lead, k) for a, b, k in spans if a < len(text)], fonts


def _tight_gaps(chars: list[Char]) -> dict[Any, float]:
    """Per style (font, size, weight): the gap, in line heights, above which two glyphs are two words.

    Between the letters of a word the loose boxes abut (gap ≈ the character spacing, the same all along a
    run of one style); a word space adds its width to that.  Bold capitals set condensed have word gaps below
    ``SPACE_GAP`` ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" read "SỞNÔNGNGHIỆPVÀMÔITRƯỜNG"): measured against the style's
    own letter gap they stand out.  A style with too few gaps to know its letter gap (a letter-spaced bold
    "Đ i ề u 1."), and a gap between two styles (a raised footnote number), keep ``SPACE_GAP`` alone.
    """
    gaps: dict[Any, list[float]] = {}
    last: Char | None = None
    combining = unicodedata.combining
    for c in chars:
        ch = c[4]
        style = c[6]
        if ch.isspace() or style[4] == "ocr":
            last = None
            continue
        if ch >= "\u0300" and combining(ch[0]):  # no character below U+0300 combines
            continue
        if last is not None and last[6] == style:
            found = gaps.get(style)
            if found is None:
                found = gaps[style] = []
            found.append((c[0] - last[2]) / ((c[3] - c[1]) or 1.0))
        last = c
    out = {}
    for style, found in gaps.items():
        if len(found) >= TIGHT_MIN_GAPS:
            found.sort()
            out[style] = max(found[len(found) // 2] + TIGHT_WORD_GAP, TIGHT_MIN_WORD_GAP)
    return out


def plain_text(chars: list[Char]) -> str:
    return unicodedata.normalize("NFC", glyph_text(chars)[0])


def line_plain_text(line: Line) -> str:
    """:func:`plain_text` of a whole line, from its cached text."""
    return unicodedata.normalize("NFC", line_text(line)[0])


def glyph_bbox(chars: list[Char], y0: float, y1: float, height: float) -> tuple[float, float, float, float]:
    x0 = min([c[0] for c in chars])
    x1 = max([c[2] for c in chars])
    return (round(x0, 2), round(height - y1, 2), round(x1, 2), round(height - y0, 2))


def gap_parts(line: Line, min_gap: float) -> list[list[Char]]:
    """Split a line's glyphs where the horizontal gap is at least ``min_gap`` line heights."""
    parts: list[list[Char]] = []
    cur: list[Char] = []
    last_x1: float | None = None
    width = min_gap * line.h
    for c in line.chars:
        if c[4].isspace():
            cur.append(c)
            continue
        if last_x1 is not None and c[0] - last_x1 >= width:
            parts.append(cur)
            cur = []
        cur.append(c)
        x1 = c[2]
        if last_x1 is None or x1 > last_x1:
            last_x1 = x1
    parts.append(cur)
    return [p for p in parts if any(not c[4].isspace() for c in p)]


def wide_gaps(line: Line, min_gap: float) -> int:
    """How many gaps of at least ``min_gap`` line heights lie between two glyphs next to each other: no fewer than
    the cuts :func:`gap_parts` makes (it measures from the farthest glyph before, which a neighbour's gap can only
    exceed), in one comprehension over the line's glyphs (a third of ``gap_parts``' time), so that a caller can
    leave the many lines with too few of them unsplit."""
    glyphs = line.glyphs
    width = min_gap * line.h
    return len([1 for a, b in zip(glyphs, glyphs[1:]) if b[0] - a[2] >= width])


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    """NFC (marks drawn as separate glyphs become one letter), no control characters, no soft hyphen inside."""
    text = _CONTROL.sub("", text)
    if "\xad" in text[:-1]:
        text = text[:-1].replace("\xad", "") + text[-1]
    return unicodedata.normalize("NFC", text)
