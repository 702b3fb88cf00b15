"""The PDF reader's fast paths (issue 15) give exactly what the plain code they replaced gives.

Each shortcut is compared with the straightforward code, on generated input and on real pages of the corpus and
the Lâm Đồng devset: the stream scan with ``bytes.find`` against the regular expression, the word-space reading
that works out a style's letter gap only when a gap needs it against the reading that always did, a line's text
worked out once against the text of its glyphs, a glyph's style looked up by its text object against pdfium's
three font calls, and the layer score counted per distinct word and character against counting each one.
"""
from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnadmin_nlp.lexicon.syllables import is_vietnamese_word
from vnadmin_nlp.readers.layout.records import Line
from vnadmin_nlp.readers.layout.text import (
    LEGACY_GLYPHS,
    SPACE_GAP,
    UNICODE_VIETNAMESE,
    _tight_gaps,
    glyph_text,
    line_text,
)
from vnadmin_nlp.readers.pdf import quality
from vnadmin_nlp.readers.pdf.bounds import _STREAM, _stream_marks

from .conftest import SHARED

LAMDONG_TEXT = SHARED / "devset" / "lamdong" / "ld_003.pdf"  # gold layer: text
LEGACY_NAMED = SHARED / "corpus" / "hienphap2013_congbao.pdf"  # .VnCenturySchoolbook fonts with Unicode maps


def _pdfs() -> list[Any]:
    found = [p for p in (LAMDONG_TEXT, LEGACY_NAMED) if p.is_file()]
    if not found:
        pytest.skip(f"the shared corpus is not at {SHARED}")
    return found


def _page_lines(path: Any, pages: int = 3) -> list[Line]:
    import pypdfium2 as pdfium

    from vnadmin_nlp.readers.pdf.page import extract_page

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [line for i in range(min(pages, len(pdf))) for line in extract_page(pdf, i).lines]
    finally:
        pdf.close()


# ------------------------------------------------------------------------------------------------ streams
_PIECES = [b"stream", b"end", b"\r", b"\n", b"x", b"e", b"nd", b"endstream", b"st", b"obj"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(b"".join))
def test_stream_marks_are_the_regex_matches(data: bytes) -> None:
    expected = [(m.start(), m.end(), m.group() == b"endstream") for m in _STREAM.finditer(data)]
    assert list(_stream_marks(data)) == expected


def test_stream_marks_on_real_pdfs() -> None:
    for path in _pdfs():
        data = path.read_bytes()
        expected = [(m.start(), m.end(), m.group() == b"endstream") for m in _STREAM.finditer(data)]
        assert expected and list(_stream_marks(data)) == expected


# ---------------------------------------------------------------------------------------------- word spaces
def _eager_glyph_text(chars: list[Any], unicode_fonts: set[str]) -> tuple[str, list[Any]]:
    """The word-space reading as it was: every style's letter gap worked out first, whether a gap needs it or not."""
    parts: list[str] = []
    spans: list[Any] = []
    pos, last_x1, prev, h = 0, None, "", 1.0
    span_start, span_cls, prev_style = None, None, None
    tight = _tight_gaps(chars)
    for c in chars:
        ch, style = c[4], c[6]
        cls: Any = 0
        if style[3] and len(ch) == 1:
            if ch <= "\xff" or ch in LEGACY_GLYPHS:
                cls = (style[4], style[3] == 2)
            elif UNICODE_VIETNAMESE.match(ch):
                unicode_fonts.add(style[4])
        x1 = c[2]
        if ch.isspace():
            if last_x1 is not None and prev != " ":
                parts.append(" ")
                pos += 1
                prev = " "
            if last_x1 is None or x1 > last_x1:
                last_x1 = x1
            continue
        h = (c[3] - c[1]) or h
        if last_x1 is not None and prev != " " and not unicodedata.combining(ch[0]):
            gap = c[0] - last_x1
            word = gap > SPACE_GAP * h or (style == prev_style and gap > tight.get(style, SPACE_GAP) * h)
            if (word or style[4] == "ocr") and not (ch[0] == "/" and prev[-1:].isdigit()):
                parts.append(" ")
                pos += 1
        if cls != (span_cls or 0):
            if span_cls and span_start is not None:
                spans.append((span_start, pos, span_cls))
            span_start, span_cls = (pos, cls) if cls else (None, None)
        parts.append(ch)
        pos += len(ch)
        prev, prev_style = ch, style
        if last_x1 is None or x1 > last_x1:
            last_x1 = x1
    if span_cls and span_start is not None:
        spans.append((span_start, pos, span_cls))
    text = "".join(parts).rstrip()
    lead = len(text) - len(text.lstrip())
    return text[lead:], [(a - lead, min(b, len(text)) - lead, k) for a, b, k in spans if a < len(text)]


_STYLES = [
    (False, False, 12.0, 0, "Times"),
    (True, False, 12.0, 0, "Times-Bold"),
    (False, False, 12.0, 1, ".VnTime"),
    (False, False, 12.0, 2, ".VnTimeH"),
    (False, False, 12.0, 0, "ocr"),
]
# letters, marks, spaces and legacy bytes; gaps from overlapping to wide, condensed capitals' word gaps among them
_glyph = st.tuples(
    st.sampled_from(["A", "Ở", "n", " ", "/", "1", "\u0301", "\xb7", "\u2212", "ư", "ă"]),
    st.sampled_from([-0.5, 0.0, 0.02, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.4, 3.0]),
    st.sampled_from(_STYLES),
    st.sampled_from([10.0, 12.0, 0.0]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_glyph, max_size=30))
def test_glyph_text_is_the_eager_reading(glyphs: list[Any]) -> None:
    chars, x = [], 10.0
    for k, (ch, gap, style, h) in enumerate(glyphs):
        x += gap * (h or 1.0)
        chars.append((x, 100.0, x + 6.0, 100.0 + h, ch, k, style))
        x += 6.0
    fonts_fast: set[str] = set()
    fonts_plain: set[str] = set()
    assert glyph_text(chars, fonts_fast) == _eager_glyph_text(chars, fonts_plain)
    assert fonts_fast == fonts_plain


def test_glyph_text_on_real_lines() -> None:
    for path in _pdfs():
        for line in _page_lines(path):
            fonts_fast: set[str] = set()
            fonts_plain: set[str] = set()
            assert line_text(line, fonts_fast) == _eager_glyph_text(line.chars, fonts_plain)
            assert fonts_fast == fonts_plain
            assert line.texts["glyphs"][0] == glyph_text(line.chars)[0]  # worked out once, kept on the line


def test_condensed_capitals_still_read_as_words() -> None:
    # the bold capitals of an issuer set condensed: word gaps below SPACE_GAP, measured against the style's own
    # letter gap ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", not "SỞNÔNGNGHIỆPVÀMÔITRƯỜNG")
    bold = _STYLES[1]
    chars, x = [], 0.0
    for k, ch in enumerate("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"):
        if ch == " ":
            x += 0.1 * 12.0  # a word space of 0.1 line heights: below SPACE_GAP (0.15)
            continue
        chars.append((x, 0.0, x + 8.0, 12.0, ch, k, bold))
        x += 8.0 + 0.01 * 12.0
    assert glyph_text(chars)[0] == "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"


# ---------------------------------------------------------------------------------------------------- styles
def test_text_object_styles_are_the_font_calls() -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from vnadmin_nlp.readers.pdf.glyphs import _FontInfo

    for path in _pdfs():
        pdf = pdfium.PdfDocument(str(path))
        try:
            for i in range(min(3, len(pdf))):
                page = pdf[i]
                textpage = page.get_textpage()
                fast = _FontInfo(raw, textpage.raw)
                plain = _FontInfo(raw, textpage.raw)
                plain.text_object = None  # pdfium's font, weight and size calls for every glyph
                assert fast.text_object is not None
                for k in range(textpage.count_chars()):
                    for legacy_page in (False, True):
                        assert fast.style(k, legacy_page) == plain.style(k, legacy_page)
                textpage.close()
                page.close()
        finally:
            pdf.close()


# ---------------------------------------------------------------------------------------------------- score
def _plain_score(lines: list[str]) -> quality.LayerScore:
    words = [w for line in lines for w in quality._WORD.findall(line)]
    printed = [ch for line in lines for ch in line if not ch.isspace() and not ch.isdigit()]
    valid = [w for w in words if is_vietnamese_word(w)]
    return quality.LayerScore(
        words=len(words),
        syllables=len(valid) / len(words) if words else 0.0,
        marked=sum(1 for w in valid if quality._marked(w)) / len(valid) if valid else 0.0,
        script=sum(1 for ch in printed if quality._in_script(ch)) / len(printed) if printed else 0.0,
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Ủy ban", "nhân dân", "UY BAN", "tr°¡ng", "chç", "2025", " ", "\n", "x", "Đ", "ngdy"]), max_size=20))
def test_layer_score_counts_as_the_plain_way(pieces: list[str]) -> None:
    lines = "".join(pieces).split("\n")
    assert quality.score_text(lines) == _plain_score(lines)


def test_layer_score_on_real_lines() -> None:
    from vnadmin_nlp.readers.layout.columns import line_anchor

    for path in _pdfs():
        lines = [line_anchor(line) for line in _page_lines(path)]
        assert lines and quality.score_text(lines) == _plain_score(lines)


def test_a_slash_after_a_leading_space_glyph() -> None:
    # a line whose first glyph is a space and whose next word is "/" (OCR words are spaced by their style): the
    # "/" after a digit rule looked at the last letter before it, which there is none of (an IndexError before)
    ocr = _STYLES[4]
    chars = [(0.0, 0.0, 5.0, 10.0, " ", 0, ocr), (2.0, 0.0, 8.0, 10.0, "/", 1, ocr), (9.0, 0.0, 20.0, 10.0, "UBND", 2, ocr)]
    assert glyph_text(chars)[0] == "/ UBND"


# The fused pass of :func:`vnadmin_nlp.readers.pdf.lines._spaced_deduped` against the two passes it replaced.
def _plain_spaced(chars: list[Any]) -> list[Any]:
    from vnadmin_nlp.readers.pdf.lines import _switch

    out: list[Any] = []
    p = None
    for c in chars:
        if p is not None and abs(c[5] - p[5]) > 2:
            level = abs(c[1] - p[1]) <= 0.25 * max(c[3] - c[1], p[3] - p[1])
            if level and _switch(p[4], c[4]):
                out.append((p[2], p[1], p[2], p[3], " ", p[5], p[6]))
        out.append(c)
        p = c
    return out


def _plain_dedupe(chars: list[Any]) -> list[Any]:
    out: list[Any] = []
    for c in chars:
        if out:
            p = out[-1]
            if c[4] == p[4] and abs(c[0] - p[0]) < 0.3 * max(p[2] - p[0], 0.5) and abs(c[1] - p[1]) < 1.0:
                continue
        out.append(c)
    return out


_fused_glyph = st.tuples(
    st.sampled_from([0.0, 0.1, 0.5, 3.0, 5.0, 5.2]),  # x0: repeats and near repeats make drawn-twice glyphs
    st.sampled_from([0.0, 0.5, 2.0]),
    st.sampled_from([0.0, 0.1, 4.0]),  # width
    st.sampled_from([1.0, 10.0]),  # height
    st.sampled_from(["1", "2", "a", "b", " ", "\u0301"]),
    st.integers(0, 12),  # stream index: far apart ones get a space between a digit and a letter
).map(lambda t: (t[0], t[1], t[0] + t[2], t[1] + t[3], t[4], t[5], (False, False, 12.0, 0, "F")))


@given(st.lists(_fused_glyph, max_size=14))
@settings(max_examples=400, deadline=None)
def test_spacing_and_dedupe_in_one_pass(chars: list[Any]) -> None:
    from vnadmin_nlp.readers.pdf.lines import _spaced_deduped

    spaced = _plain_spaced(chars)
    kept, glyphs = _spaced_deduped(chars)
    assert kept == _plain_dedupe(spaced)
    assert glyphs == [c for c in spaced if not c[4].isspace()]
    line = Line(kept, 0.0, 1.0, 1.0)
    assert line.glyphs == [c for c in kept if not c[4].isspace()]


def test_glyph_boxes_are_pdfiums_attribute_reads() -> None:
    """The boxes read through the address prototype and one unpack are pypdfium2's binding's boxes."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from vnadmin_nlp.readers.pdf.glyphs import page_glyphs

    for path in _pdfs():
        pdf = pdfium.PdfDocument(str(path))
        try:
            textpage = pdf[0].get_textpage()
            rect = raw.FS_RECTF()
            for c in page_glyphs(raw, textpage):
                if c is not None:
                    raw.FPDFText_GetLooseCharBox(textpage.raw, c[5], rect)
                    assert c[:4] == (rect.left, rect.bottom, rect.right, rect.top)
            textpage.close()
        finally:
            pdf.close()
