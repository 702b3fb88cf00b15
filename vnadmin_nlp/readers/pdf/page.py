"""One pdfium page → ``PageText``: its lines, with flattened annotations sorted into signature stamps (set
apart) and form-field text (kept in place); the share of the page covered by images (to spot scans) and the
rulings of its tables come from one walk over its objects (:mod:`.objects`)."""
from __future__ import annotations

from typing import Any

from ..layout import Char, PageText
from ..layout.text import glyph_bbox, plain_text
from .glyphs import page_glyphs
from .lines import glyph_lines
from .objects import page_objects
from .scans import STAMP_PAGE_CHARS
from .signatures import parse_stamp
from .vocabulary import STAMP_HINT

_WIDGET_LIKE = (3, 13, 20)  # FPDF_ANNOT_FREETEXT, FPDF_ANNOT_STAMP, FPDF_ANNOT_WIDGET: have text appearances


def extract_page(pdf: Any, index: int) -> PageText:
    """Characters → lines for one page; stamps and form-field text come from flattened annotations."""
    import pypdfium2.raw as raw

    page = pdf[index]
    width, height = page.get_size()
    annots = _annotation_rects(raw, page)
    first_annot_char = None
    if annots:
        textpage = page.get_textpage()
        first_annot_char = textpage.count_chars()
        textpage.close()
        if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
            page.close()
            page = pdf[index]  # flattening invalidates the page's handles: reload it
        else:
            first_annot_char = None
    textpage = page.get_textpage()
    try:
        chars = page_glyphs(raw, textpage)
    finally:
        textpage.close()

    stamps: list[dict[str, Any]] = []
    stamp_rects: list[tuple[float, float, float, float]] = []
    stamp_lines: list[tuple[str, tuple[float, float, float, float]]] = []
    if first_annot_char is not None:
        chars = _split_annotations(chars, first_annot_char, annots, index + 1, height, stamps, stamp_rects, stamp_lines)
    lines = glyph_lines(chars)
    body_chars = sum(len(line.glyphs) for line in lines)
    cover, rulings = page_objects(raw, page, width * height, cover=body_chars < STAMP_PAGE_CHARS, rulings=bool(lines))
    page.close()
    return PageText(index + 1, width, height, lines, body_chars, cover, stamps, stamp_rects, stamp_lines,
                    rulings=rulings)


def _annotation_rects(raw: Any, page: Any) -> list[tuple[float, float, float, float]]:
    rects = []
    count = raw.FPDFPage_GetAnnotCount(page.raw)
    for k in range(count):
        annot = raw.FPDFPage_GetAnnot(page.raw, k)
        try:
            if raw.FPDFAnnot_GetSubtype(annot) in _WIDGET_LIKE:
                rect = raw.FS_RECTF()
                if raw.FPDFAnnot_GetRect(annot, rect):
                    rects.append((rect.left, rect.bottom, rect.right, rect.top))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return rects


def _split_annotations(
    chars: list[Char | None],
    first: int,
    rects: list[tuple[float, float, float, float]],
    page_no: int,
    height: float,
    stamps: list[dict[str, Any]],
    stamp_rects: list[tuple[float, float, float, float]],
    stamp_lines: list[tuple[str, tuple[float, float, float, float]]],
) -> list[Char | None]:
    """Separate the text that flattening added: signature stamps go to ``stamps``; field text (the number and
    day typed into "Số: …/TB-UBND", "ngày …") stays in the body at its position."""
    groups: dict[int, list[Char]] = {}
    body: list[Char | None] = []
    for c in chars:
        if c is None or c[5] < first:
            body.append(c)
            continue
        cx, cy = (c[0] + c[2]) / 2, (c[1] + c[3]) / 2
        inside = [k for k, r in enumerate(rects) if r[0] - 1 <= cx <= r[2] + 1 and r[1] - 1 <= cy <= r[3] + 1]
        if not inside:
            body.append(c)
            continue
        k = min(inside, key=lambda j: (rects[j][2] - rects[j][0]) * (rects[j][3] - rects[j][1]))
        groups.setdefault(k, []).append(c)
    for k, group in sorted(groups.items()):
        lines = glyph_lines(group)
        texts = [plain_text(line.chars) for line in lines]
        if STAMP_HINT.search(" ".join(texts)):
            stamp = parse_stamp(texts, page_no)
            stamps.append(stamp)
            stamp_rects.append(rects[k])
            for line, text in zip(lines, texts):
                if text.strip():
                    stamp_lines.append((text.strip(), glyph_bbox(line.chars, line.y0, line.y1, height)))
        else:
            body.append(None)
            body.extend(group)
    return body
