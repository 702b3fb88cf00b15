"""PDF reader: the text layer through pypdfium2 (characters and their boxes), tesseract OCR for scanned pages.

Why not pdfplumber's ``extract_text``: it is ~9× slower (measured on the Công báo PDFs) and it interleaves the
two header columns of a Vietnamese official document ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…").  Here lines are
rebuilt from character boxes, the header and closing columns (issuer | Quốc hiệu, Nơi nhận | signer) are found from the x-distribution of the characters
and emitted column by column, running headers / page numbers are dropped, digital-signature stamps are moved to
``metadata["signatures"]``, and text in legacy TCVN3/VNI fonts is converted per font, never per page.

Coordinates: ``Block.bbox`` is ``(x0, top, x1, bottom)`` in PDF points with the origin at the top-left corner of
the page (the pdfplumber convention), for text-layer and OCR lines alike.
"""
from __future__ import annotations

import ctypes
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from . import ocr
from .base import Block, CorruptFile, EncryptedFile, MissingDependency, RawDocument, Reader, ReaderWarning

# ------------------------------------------------------------------------------------------------ data tables

# pdfium's stand-ins for a hyphen at the end of a line (it cannot tell a soft hyphen from a real one).
PDFIUM_CHAR_FIXES = {"\ufffe": "-", "\x02": "-"}

# Glyphs that TCVN3 fonts' encodings map to non-Latin-1 code points in PDFs (byte 0xAD "ư" becomes U+2212 minus,
# 0xB7 "ã" becomes U+2219 bullet operator); mapped back to the byte's cp1252 character before conversion.
LEGACY_GLYPHS = {"\u2212": "\xad", "\u2219": "\xb7"}

# Latin-1 characters that never occur in Unicode Vietnamese: their presence on a page is what makes the reader
# look at font names at all (hienphap2013_congbao.pdf has .VnCenturySchoolbook glyphs that are real Unicode "ố").
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
LEGACY_SIGNAL = frozenset(ch for ch in map(chr, range(0xA1, 0x100)) if ch not in _VIETNAMESE_LATIN1) | frozenset(
    LEGACY_GLYPHS
)
LEGACY_FONT = re.compile(r"^\.?(?:Vn|VNI[-_ ]?)", re.IGNORECASE)  # after the subset prefix "ABCDEF+"
LEGACY_CAPS_FONT = re.compile(r"H(?:[-, ]?(?:Bold|Italic|BoldItalic|Regular))*$")  # .VnTimeH, VnTimeHBold: capitals
# Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, ạ…ỹ, combining tones): a legacy-named font that yields one
# of them has a proper ToUnicode map, so none of its text is converted (the hienphap2013 ".VnCenturySchoolbook" case).
UNICODE_VIETNAMESE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]"
)

# Labels printed on digital-signature stamps → key in metadata["signatures"].
SIGNATURE_LABELS = {
    "người ký": "signer",
    "ký bởi": "signer",
    "email": "email",
    "cơ quan": "organization",
    "địa chỉ": "address",
    "chức vụ": "position",
    "thời gian ký": "time",
}
_LABEL_RE = re.compile(
    r"(?i)\b(" + "|".join(sorted((re.escape(k) for k in SIGNATURE_LABELS), key=len, reverse=True)) + r")\s*:"
)
_STAMP_HINT = re.compile(
    r"(?i)(người ký|ký bởi|thời gian ký|e-?mail\s*:|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2})"
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![A-Za-z])")
_DATETIME = re.compile(
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*(?:,\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?"  # 06.11.2024 09:27:05
    r"\s*(?:(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2}))?"  # +07:00
)
DEFAULT_UTC_OFFSET = "+07:00"  # Vietnam; stamps without an offset are local time

# Lines that open a two-column block (header: issuer | Quốc hiệu; closing: Nơi nhận | signing authority).
COLUMN_ANCHOR_LEFT = re.compile(r"^\s*(Nơi nhận|NƠI NHẬN)")
COLUMN_ANCHOR_RIGHT = re.compile(r"^\s*(CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|TM\.|KT\.|TL\.|TUQ\.|Q\.|PHÓ )")
PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:(?:Trang|trang|Page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$")

# Layout thresholds, in units of the line's character box height (≈ the font size).
SPACE_GAP = 0.15  # a gap wider than this between two glyphs is a word space
PART_GAP = 2.5  # outside column blocks, a gap this wide splits a line into separate blocks
COLUMN_GAP = 1.5  # the gap that opens a two-column block
COLUMN_MIN_GAP = 0.8  # the gap a later line must leave free to stay in the block
COLUMN_MAX_VGAP = 0.6  # a one-sided line further below than this ends the block
MIN_TEXT_CHARS = 25  # fewer body characters than this on a page with a large image: the page is a scan
MIN_IMAGE_COVER = 0.25  # …and "large" means covering this share of the page

_WIDGET_LIKE = (3, 13, 20)  # FPDF_ANNOT_FREETEXT, FPDF_ANNOT_STAMP, FPDF_ANNOT_WIDGET: have text appearances


# ------------------------------------------------------------------------------------------------ structures

# A glyph: (x0, y0, x1, y1, text, index, style) in PDF user space (origin bottom-left); style is shared by the
# glyphs of one word: (bold, italic, size, legacy class 0/1/2, font name).  An OCR word is one "glyph" whose
# index slot holds its confidence and whose font name is "ocr".
Char = tuple


@dataclass
class Line:
    chars: list[Char]
    y0: float
    y1: float
    h: float

    @property
    def x0(self) -> float:
        return self.chars[0][0]

    @property
    def x1(self) -> float:
        return max(c[2] for c in self.chars)


@dataclass
class Part:
    """A piece of a line that becomes one block (a whole line, or one column of it)."""

    chars: list[Char]
    y0: float
    y1: float
    column: str | None = None
    kind: str = "line"
    text: str = ""
    legacy: list[tuple[int, int, Any]] = field(default_factory=list)  # (start, end, (font, caps)) legacy spans


@dataclass
class PageText:
    """One page on its way to blocks: lines from the text layer or from OCR, plus what was set apart."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]
    body_chars: int = 0
    image_cover: float = 0.0
    stamps: list[dict[str, Any]] = field(default_factory=list)
    stamp_rects: list[tuple[float, float, float, float]] = field(default_factory=list)
    stamp_lines: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    ocr: bool = False


# ------------------------------------------------------------------------------------------------ the reader


class PdfReader(Reader):
    name = "pdf"
    extensions = ("pdf",)

    def sniff(self, head: bytes, path: Path) -> bool:
        return b"%PDF" in head[:1024]

    def read(self, path: Path, data: bytes) -> RawDocument:
        pdfium = _pdfium(path)
        pdf = _open(pdfium, path, data)
        try:
            return _read(pdfium, pdf, path)
        finally:
            pdf.close()


def _pdfium(path: Path) -> Any:
    try:
        import pypdfium2
    except ImportError:  # pragma: no cover - a core dependency
        raise MissingDependency(path, "pypdfium2", "pip install pypdfium2") from None
    return pypdfium2


def _open(pdfium: Any, path: Path, data: bytes) -> Any:
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise EncryptedFile(path, "the PDF is password-protected; remove the password and try again") from None
        raise CorruptFile(path, f"not a readable PDF ({exc})") from None
    if len(pdf) == 0:
        pdf.close()
        raise CorruptFile(path, "the PDF has no pages")
    return pdf


def _read(pdfium: Any, pdf: Any, path: Path) -> RawDocument:
    warnings: list[ReaderWarning] = []
    digital = _digital_signatures(pdf)  # before flattening, which drops the signature fields
    pages: list[PageText] = []
    for index in range(len(pdf)):
        try:
            pages.append(_extract_page(pdf, index))
        except pdfium.PdfiumError as exc:
            warnings.append(ReaderWarning("page_unreadable", f"page {index + 1}: {exc}"))
    if not pages:
        raise CorruptFile(path, "no page of the PDF could be read")

    metadata: dict[str, Any] = {"bbox_units": "pt, origin top-left"}
    scanned = [p for p in pages if p.body_chars < MIN_TEXT_CHARS and p.image_cover >= MIN_IMAGE_COVER]
    ocr_done = False
    if scanned:
        have_text = any(p.body_chars >= MIN_TEXT_CHARS for p in pages)
        ocr_done = _ocr_pages(pdf, path, scanned, metadata, warnings, have_text=have_text)
    blocks, encoding, removed = layout_pages(pages, warnings)

    signatures = [s for page in pages for s in page.stamps]
    for page in pages:  # stamp text kept apart from the body, after it
        for text, bbox in page.stamp_lines:
            blocks.append(Block(text=text, kind="stamp", page=page.number, bbox=bbox))
    _repair_soft_hyphens(blocks)

    if signatures:
        metadata["signatures"] = signatures
    if removed:
        metadata["furniture_removed"] = removed
    if digital:
        metadata["digital_signatures"] = digital
    info = _document_info(pdf)
    if info:
        metadata["pdf_info"] = info
    if not any(b.kind != "stamp" and b.text.strip() for b in blocks):
        warnings.append(ReaderWarning("empty_text", "no text found in the PDF"))
    return RawDocument(
        blocks=blocks,
        format="pdf",
        encoding=encoding,
        pages=len(pdf),
        ocr=ocr_done,
        metadata=metadata,
        warnings=warnings,
    )


def layout_pages(pages: list[PageText], warnings: list[ReaderWarning]) -> tuple[list[Block], str | None, int]:
    """Pages of lines (text layer or OCR) → blocks in reading order; also used by the image reader.

    Returns the blocks, the legacy encoding converted (if any) and the number of running headers/footers and
    page numbers removed.
    """
    removed = _remove_furniture(pages)
    blocks: list[Block] = []
    legacy_parts: list[tuple[Block, Part]] = []
    unicode_fonts: set[str] = set()
    for page in pages:
        blocks.extend(_layout_page(page, legacy_parts, unicode_fonts))
    encoding = _convert_legacy(legacy_parts, unicode_fonts, warnings)
    return blocks, encoding, removed


# ------------------------------------------------------------------------------------------------ characters


def _extract_page(pdf: Any, index: int) -> PageText:
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
        chars = _chars(raw, textpage)
    finally:
        textpage.close()

    stamps: list[dict[str, Any]] = []
    stamp_rects: list[tuple[float, float, float, float]] = []
    stamp_lines: list[tuple[str, tuple[float, float, float, float]]] = []
    if first_annot_char is not None:
        chars = _split_annotations(chars, first_annot_char, annots, index + 1, height, stamps, stamp_rects, stamp_lines)
    lines = _lines(chars)
    body_chars = sum(1 for line in lines for c in line.chars if not c[4].isspace())
    cover = _image_cover(raw, page, width * height) if body_chars < MIN_TEXT_CHARS else 0.0
    page.close()
    return PageText(index + 1, width, height, lines, body_chars, cover, stamps, stamp_rects, stamp_lines)


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


def _chars(raw: Any, textpage: Any) -> list[Char | None]:
    """All glyphs of the page with their loose boxes, in content-stream order; ``None`` marks a line break.

    The per-character loop is the only per-character Python work: one pdfium call per glyph.  Style (bold,
    italic, size, font) is read once per word, per glyph only on pages that may hold legacy-font text.
    """
    tp = textpage.raw
    n = textpage.count_chars()
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # rare: pdfium excluded or inserted characters; read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
    legacy_page = not LEGACY_SIGNAL.isdisjoint(text)
    rect = raw.FS_RECTF()
    get_box = raw.FPDFText_GetLooseCharBox
    fixes = PDFIUM_CHAR_FIXES
    out: list[Char | None] = []
    run_style: tuple = (False, False, 0.0, 0, "")
    prev_y0 = None
    prev_x1 = 0.0
    prev_h = 1.0
    font_of = _FontInfo(raw, tp)
    style_of = font_of.style
    append = out.append
    after_space = True
    for i in range(n):
        ch = text[i]
        get_box(tp, i, rect)
        x0, y0, x1, y1 = rect.left, rect.bottom, rect.right, rect.top
        if x0 == x1 and y0 == y1:  # generated by pdfium (its guessed spaces and line breaks): not a glyph
            if ch == "\n":
                append(None)
                prev_y0 = None
            after_space = True
            continue
        if ch in fixes:
            ch = fixes[ch]
        if prev_y0 is None or abs(y0 - prev_y0) > 0.3 * prev_h or x0 < prev_x1 - 0.6 * prev_h:
            run_style = style_of(i, legacy_page)  # a new run of glyphs: look at its font
            prev_h = (y1 - y0) or 1.0
        elif legacy_page or (after_space and ch != " "):
            run_style = style_of(i, legacy_page)  # and again at each word (bold "Điều 1." in a plain line)
        after_space = ch == " "
        prev_y0 = y0
        prev_x1 = x1
        append((x0, y0, x1, y1, ch, i, run_style))
    return out


class _FontInfo:
    """Font facts for a glyph, cached per font name: bold, italic, size, legacy class (0 none, 1 legacy, 2 caps)."""

    def __init__(self, raw: Any, textpage: Any) -> None:
        self.raw = raw
        self.tp = textpage
        self.buf = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.cache: dict[tuple[bytes, int, int, float], tuple] = {}

    def style(self, index: int, legacy_page: bool) -> tuple:
        """(bold, italic, size, legacy class, font name)."""
        raw = self.raw
        raw.FPDFText_GetFontInfo(self.tp, index, self.buf, 256, ctypes.byref(self.flags))
        name = self.buf.value
        weight = raw.FPDFText_GetFontWeight(self.tp, index)
        size = round(raw.FPDFText_GetFontSize(self.tp, index), 1)
        key = (name, self.flags.value, weight, size)
        found = self.cache.get(key)
        if found is None:
            font = name.decode("latin-1")
            bold = weight >= 600 or "bold" in font.lower()
            italic = bool(self.flags.value & 0x40) or "italic" in font.lower() or "oblique" in font.lower()
            legacy = 0
            base = re.sub(r"^[A-Z]{6}\+", "", font)
            if LEGACY_FONT.match(base):
                legacy = 2 if LEGACY_CAPS_FONT.search(base) else 1
            found = self.cache[key] = (bold, italic, size, legacy, base)
        return found if legacy_page or not found[3] else found[:3] + (0, found[4])


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
        lines = _lines(group)
        texts = [_plain_text(line.chars) for line in lines]
        if _STAMP_HINT.search(" ".join(texts)):
            stamp = parse_stamp(texts, page_no)
            stamps.append(stamp)
            stamp_rects.append(rects[k])
            for line, text in zip(lines, texts):
                if text.strip():
                    stamp_lines.append((text.strip(), _bbox(line.chars, line.y0, line.y1, height)))
        else:
            body.append(None)
            body.extend(group)
    return body


def _image_cover(raw: Any, page: Any, area: float) -> float:
    """Share of the page covered by image objects (looking one level into form XObjects)."""
    covered = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))

    def visit(count: int, get: Any, depth: int) -> None:
        nonlocal covered
        for k in range(count):
            obj = get(k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    covered += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 2:
                visit(raw.FPDFFormObj_CountObjects(obj), lambda j, o=obj: raw.FPDFFormObj_GetObject(o, j), depth + 1)

    visit(raw.FPDFPage_CountObjects(page.raw), lambda j: raw.FPDFPage_GetObject(page.raw, j), 0)
    return min(1.0, covered / area) if area > 0 else 0.0


# ------------------------------------------------------------------------------------------------ lines


def _lines(chars: list[Char | None]) -> list[Line]:
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


def _text(chars: list[Char], unicode_fonts: set[str] | None = None) -> tuple[str, list[tuple[int, int, Any]]]:
    """The text of a run of glyphs, with spaces where the gaps are, plus spans of legacy-font text as
    (start, end, (font, caps)); legacy-named fonts seen producing Unicode Vietnamese go into ``unicode_fonts``."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    last_x1: float | None = None
    prev = ""
    h = 1.0
    span_start = span_cls = None
    combining = unicodedata.combining
    for c in chars:
        ch = c[4]
        style = c[6]
        cls: Any = 0
        if style[3] and len(ch) == 1:
            if ch <= "\xff" or ch in LEGACY_GLYPHS:
                cls = (style[4], style[3] == 2)
            elif unicode_fonts is not None and UNICODE_VIETNAMESE.match(ch):
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
        if last_x1 is not None and prev != " " and not (ch >= "\u0300" and combining(ch[0])):
            gap = c[0] - last_x1
            if (gap > SPACE_GAP * h or style[4] == "ocr") and not (ch[0] == "/" and prev[-1].isdigit()):
                parts.append(" ")
                pos += 1
        if cls != (span_cls or 0):
            if span_cls:
                spans.append((span_start, pos, span_cls))
            span_start, span_cls = (pos, cls) if cls else (None, None)
        parts.append(ch)
        pos += len(ch)
        prev = ch
        if last_x1 is None or x1 > last_x1:
            last_x1 = x1
    if span_cls:
        spans.append((span_start, pos, span_cls))
    text = "".join(parts).rstrip()
    lead = len(text) - len(text.lstrip())
    return text[lead:], [(a - lead, min(b, len(text)) - lead, k) for a, b, k in spans if a < len(text)]


def _plain_text(chars: list[Char]) -> str:
    return unicodedata.normalize("NFC", _text(chars)[0])


def _bbox(chars: list[Char], y0: float, y1: float, height: float) -> tuple[float, float, float, float]:
    x0 = min(c[0] for c in chars)
    x1 = max(c[2] for c in chars)
    return (round(x0, 2), round(height - y1, 2), round(x1, 2), round(height - y0, 2))


# ------------------------------------------------------------------------------------------------ furniture


def _gap_parts(line: Line, min_gap: float) -> list[list[Char]]:
    """Split a line's glyphs where the horizontal gap is at least ``min_gap`` line heights."""
    parts: list[list[Char]] = [[]]
    last_x1: float | None = None
    for c in line.chars:
        if c[4].isspace():
            parts[-1].append(c)
            continue
        if last_x1 is not None and c[0] - last_x1 >= min_gap * line.h:
            parts.append([])
        parts[-1].append(c)
        last_x1 = c[2] if last_x1 is None else max(last_x1, c[2])
    return [p for p in parts if any(not c[4].isspace() for c in p)]


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _remove_furniture(pages: list[PageText]) -> int:
    """Drop running headers/footers (the same text at the same height on most pages, numbers ignored) and lone
    page numbers at the top or bottom.  Works on gap-separated parts, so "30   CÔNG BÁO/Số 1003…" is two parts."""
    candidates: list[tuple[PageText, Line, int, str, float]] = []
    for page in pages:
        if not page.lines:
            continue
        edge = [ln for ln in page.lines[:3] if ln.y1 >= page.height * 0.85]
        edge += [ln for ln in page.lines[-3:] if ln.y0 <= page.height * 0.15 and ln not in edge]
        for line in edge:
            for k, part in enumerate(_gap_parts(line, PART_GAP)):
                text = _plain_text(part)
                candidates.append((page, line, k, text, (line.y0 + line.y1) / 2))
    pages_with: dict[str, dict[int, float]] = {}
    for page, _line, _k, text, y in candidates:
        pages_with.setdefault(_furniture_key(text), {}).setdefault(page.number, y)
    needed = max(3, math.ceil(0.5 * len(pages)))
    recurring = set()
    for key, seen in pages_with.items():
        if len(seen) >= needed and len(pages) >= 3:
            ys = sorted(seen.values())
            median = ys[len(ys) // 2]
            if sum(abs(y - median) <= 8 for y in ys) >= needed:
                recurring.add(key)
    drop: dict[int, set[int]] = {}
    for page, line, k, text, _y in candidates:
        if _furniture_key(text) in recurring or PAGE_NUMBER.match(text):
            drop.setdefault(id(line), set()).add(k)
    removed = 0
    for page in pages:
        kept = []
        for line in page.lines:
            ks = drop.get(id(line))
            if ks:
                parts = [p for k, p in enumerate(_gap_parts(line, PART_GAP)) if k not in ks]
                removed += len(ks)
                if not parts:
                    continue
                chars = [c for p in parts for c in p]
                glyphs = [c for c in chars if not c[4].isspace()]
                line = Line(chars, min(c[1] for c in glyphs), max(c[3] for c in glyphs), line.h)
            kept.append(line)
        page.lines = kept
    return removed


# ------------------------------------------------------------------------------------------------ columns


def _free_gaps(line: Line, lo: float, hi: float) -> list[tuple[float, float]]:
    """Horizontal intervals inside (lo, hi) that no glyph of the line covers."""
    spans = sorted((c[0], c[2]) for c in line.chars if not c[4].isspace() and c[2] > lo and c[0] < hi)
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
    wide = COLUMN_GAP * line.h
    gaps = [g for g in _free_gaps(line, x0, x1) if g[1] - g[0] >= wide and g[1] > band[0] and g[0] < band[1]]
    if gaps:
        gap = max(gaps, key=lambda g: g[1] - g[0])
        left = _anchor_text([c for c in line.chars if c[2] <= gap[0] + 0.01])
        right = _anchor_text([c for c in line.chars if c[0] >= gap[1] - 0.01])
        if first_lines or COLUMN_ANCHOR_LEFT.match(left) or COLUMN_ANCHOR_RIGHT.match(right):
            return gap
        return None
    text = _anchor_text(line.chars)
    if x1 < band[1] and COLUMN_ANCHOR_LEFT.match(text):
        return (x1, edges[1])
    if x0 > band[0] and COLUMN_ANCHOR_RIGHT.match(text):
        return (edges[0], x0)
    return None


def _anchor_text(chars: list[Char]) -> str:
    """Text good enough to test the column anchors, legacy-font runs converted on the fly ("N¬i nhËn")."""
    text, spans = _text(chars)
    if not spans:
        return text
    try:
        from .encodings import convert_run, font_encoding
    except ImportError:
        return text
    out, pos = [], 0
    for a, b, (font, caps) in spans:
        encoding = font_encoding(font)[0]
        if encoding:
            piece = "".join(LEGACY_GLYPHS.get(ch, ch) for ch in text[a:b])
            out += [text[pos:a], convert_run(piece, encoding, upper=caps)]
            pos = b
    return "".join(out) + text[pos:]


def _fit(line: Line, lo: float, hi: float) -> tuple[float, float, bool] | None:
    """Can this line be cut inside the free strip (lo, hi)?  Returns the narrowed strip and whether the line
    has glyphs on both sides, or None when the line crosses the strip."""
    glyphs = [c for c in line.chars if not c[4].isspace()]
    if any(c[2] > lo + 0.5 and c[0] < hi - 0.5 for c in glyphs):
        free = [g for g in _free_gaps(line, lo, hi) if g[1] - g[0] >= COLUMN_MIN_GAP * line.h]
        if not free:
            return None
        lo, hi = max(free, key=lambda g: g[1] - g[0])
    both = any(c[2] <= lo + 0.5 for c in glyphs) and any(c[0] >= hi - 0.5 for c in glyphs)
    return lo, hi, both


def _columns(
    lines: list[Line], start: int, strip: tuple[float, float], floor: int, stop: int
) -> tuple[int, int, float]:
    """Grow a column block from ``lines[start]`` down (and up, not above ``floor``) while every line can be cut
    in a common free strip; a one-sided line far below/above the block ends it.  Returns (first, end, boundary)."""
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
    return first, end, (lo + hi) / 2


def _column_spans(page: PageText, stop: int) -> dict[int, tuple[int, float]]:
    """The two-column blocks of a page: first line index → (end index, boundary x)."""
    lines = page.lines
    left_edge = min(ln.x0 for ln in lines)
    right_edge = max(ln.x1 for ln in lines)
    width = right_edge - left_edge
    band = (left_edge + 0.25 * width, left_edge + 0.75 * width)
    spans: dict[int, tuple[int, float]] = {}
    floor = 0
    i = 0
    while i < stop and width > 0:
        strip = _column_start(lines[i], band, (left_edge, right_edge), first_lines=i < 4 and page.number == 1)
        if strip is None:
            i += 1
            continue
        first, end, boundary = _columns(lines, i, strip, floor, stop)
        spans[first] = (end, boundary)
        floor = i = end
    return spans


def column_regions(result: "ocr.OcrPage", number: int) -> list[tuple[int, int, int, int]]:
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
    for first, (end, boundary) in _column_spans(page, len(page.lines)).items():
        rows = page.lines[first:end]
        if len(rows) < 2:
            continue
        pad = int(0.4 * max(ln.h for ln in rows))
        top = max(0, int(height - rows[0].y1) - pad)
        bottom = min(height, int(height - rows[-1].y0) + pad)
        left = max(0, int(min(ln.x0 for ln in rows)) - pad)
        right = min(result.width, int(max(ln.x1 for ln in rows)) + pad)
        boxes += [(left, top, int(boundary), bottom), (int(boundary), top, right, bottom)]
    return boxes


def _layout_page(page: PageText, legacy_parts: list[tuple[Block, Part]], unicode_fonts: set[str]) -> list[Block]:
    """Lines → blocks in reading order: column blocks left column first, other lines split only at wide gaps."""
    lines = page.lines
    if not lines:
        return []
    left_edge = min(ln.x0 for ln in lines)
    footnotes_from = _footnote_start(page)
    spans = _column_spans(page, footnotes_from)
    # emit: a column block left column first; other lines whole, or cut at very wide gaps
    parts: list[Part] = []
    i = 0
    while i < len(lines):
        if i in spans:
            end, boundary = spans[i]
            left_parts, right_parts = [], []
            for ln in lines[i:end]:
                lc = [c for c in ln.chars if (c[0] + c[2]) / 2 < boundary]
                rc = [c for c in ln.chars if (c[0] + c[2]) / 2 >= boundary]
                if any(not c[4].isspace() for c in lc):
                    left_parts.append(_part(lc, "left"))
                if any(not c[4].isspace() for c in rc):
                    right_parts.append(_part(rc, "right"))
            parts.extend(left_parts)
            parts.extend(right_parts)
            i = end
            continue
        kind = "footnote" if i >= footnotes_from else "line"
        for chunk in _gap_parts(lines[i], PART_GAP):
            parts.append(_part(chunk, None, kind=kind))
        i += 1
    blocks = []
    for part in parts:
        text, spans = _text(part.chars, unicode_fonts)
        if not text.strip():
            continue
        glyphs = [c for c in part.chars if not c[4].isspace()]
        first = glyphs[0][6]
        x0 = min(c[0] for c in glyphs)
        style: dict[str, Any] = {
            "indent": round(x0 - left_edge, 1),
            "bold": sum(c[6][0] for c in glyphs) * 2 > len(glyphs),
            "italic": sum(c[6][1] for c in glyphs) * 2 > len(glyphs),
            "size": first[2],
        }
        if part.column:
            style["column"] = part.column
        confidence = None
        if page.ocr:  # OCR words carry their confidence where a glyph carries its index
            if ocr.is_noise(text, [c[5] for c in glyphs]):
                continue
            confidence = round(sum(c[5] for c in glyphs) / len(glyphs), 1)
            style["ocr_word_confidences"] = [round(c[5]) for c in glyphs]
            del style["bold"], style["italic"]
        block = Block(
            text=text,
            kind=part.kind,
            page=page.number,
            bbox=_bbox(glyphs, part.y0, part.y1, page.height),
            confidence=confidence,
            style=style,
        )
        if spans:
            part.text, part.legacy = text, spans
            legacy_parts.append((block, part))
        else:
            block.text = _clean(text)
        blocks.append(block)
    return blocks


def _part(chars: list[Char], column: str | None, kind: str = "line") -> Part:
    glyphs = [c for c in chars if not c[4].isspace()] or chars
    return Part(chars=chars, y0=min(c[1] for c in glyphs), y1=max(c[3] for c in glyphs), column=column, kind=kind)


def _footnote_start(page: PageText) -> int:
    """Index of the first footnote line: in the lower half, it opens with a raised small number ("¹ Luật Hải
    quan…") and is set smaller than the body text; everything below it on the page is footnote text."""
    sizes = sorted(c[3] - c[1] for ln in page.lines for c in ln.chars if not c[4].isspace())
    if not sizes:
        return len(page.lines)
    body = sizes[len(sizes) // 2]
    for k, line in enumerate(page.lines):
        if line.y1 > page.height / 2:
            continue
        glyphs = [c for c in line.chars if not c[4].isspace()]
        if len(glyphs) < 3 or not (glyphs[0][4].isdigit() or glyphs[0][4] in "*("):
            continue
        mark = [c for c in glyphs if c[2] <= glyphs[0][2] + 0.01 or (c[4].isdigit() and c[3] - c[1] < 0.8 * line.h)]
        rest = [c for c in glyphs[len(mark) :]]
        if not rest:
            continue
        rest_h = sorted(c[3] - c[1] for c in rest)[len(rest) // 2]
        mark_h = max(c[3] - c[1] for c in mark)
        raised = min(c[1] for c in mark) > min(c[1] for c in rest) + 0.15 * rest_h
        if mark_h <= 0.8 * rest_h and raised and rest_h < 0.97 * body:
            return k
    return len(page.lines)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(text: str) -> str:
    """NFC (marks drawn as separate glyphs become one letter), no control characters, no soft hyphen inside."""
    text = _CONTROL.sub("", text)
    if "\xad" in text[:-1]:
        text = text[:-1].replace("\xad", "") + text[-1]
    return unicodedata.normalize("NFC", text)


def _repair_soft_hyphens(blocks: list[Block]) -> None:
    """A line ending in a soft hyphen: the word continues on the next line of the same column; join it here."""
    for k in range(len(blocks) - 1):
        block, nxt = blocks[k], blocks[k + 1]
        if not block.text.endswith("\xad") or nxt.kind != block.kind or nxt.page != block.page:
            continue
        head, _, rest = nxt.text.partition(" ")
        block.text = block.text[:-1] + head
        nxt.text = rest
    blocks[:] = [b for b in blocks if b.text or b.kind == "stamp"]


# ------------------------------------------------------------------------------------------------ legacy fonts


def _convert_legacy(
    items: list[tuple[Block, Part]], unicode_fonts: set[str], warnings: list[ReaderWarning]
) -> str | None:
    """Convert text drawn in TCVN3/VNI fonts, and only that text, to Unicode; returns the encoding found.

    The decision is per font: a ".Vn…"/"VNI-…" font is converted unless it was seen producing Unicode-only
    Vietnamese letters anywhere in the document.  Spans in capital-only fonts (.VnTimeH…) are upper-cased.
    """
    if not items:
        return None
    for block, part in items:
        block.text = part.text
    try:
        from . import encodings  # written alongside this module
    except ImportError:
        encodings = None  # type: ignore[assignment]
    convert = getattr(encodings, "convert_run", None)
    font_encoding = getattr(encodings, "font_encoding", None)
    if convert is None or font_encoding is None:
        warnings.append(ReaderWarning("legacy_font_unconverted", "text in TCVN3/VNI fonts was left unconverted"))
        for block, _part in items:
            block.text = _clean(block.text)
        return None
    used: dict[str, int] = {}
    for block, part in items:
        text, out, pos = part.text, [], 0
        for a, b, (font, caps) in part.legacy:
            encoding = None if font in unicode_fonts else font_encoding(font)[0]
            if encoding is None:
                continue
            piece = "".join(LEGACY_GLYPHS.get(ch, ch) for ch in text[a:b])
            out.append(text[pos:a])
            out.append(convert(piece, encoding, upper=caps))
            pos = b
            used[encoding] = used.get(encoding, 0) + (b - a)
        out.append(text[pos:])
        block.text = _clean("".join(out))
    return max(used, key=used.__getitem__) if used else None


# ------------------------------------------------------------------------------------------------ signatures


def parse_stamp(lines: list[str], page: int) -> dict[str, Any]:
    """A digital-signature stamp's lines → {"signer", "organization", "email", "time" (ISO 8601), "page"}.

    Stamps come labelled ("Người ký: … Email: … Cơ quan: … Thời gian ký: …") or not (the certificate holder's
    name, an e-mail address and a time, as the Quảng Ngãi records office stamps them).
    """
    email, used = _find_email(lines)
    kept = [line.strip() for k, line in enumerate(lines) if k not in used and line.strip()]
    joined = " ".join(kept)
    result: dict[str, Any] = {"signer": None, "organization": None, "email": None, "time": None, "page": page}
    labels = list(_LABEL_RE.finditer(joined))
    unlabelled = joined[: labels[0].start()] if labels else joined
    for k, match in enumerate(labels):
        key = SIGNATURE_LABELS[match.group(1).lower()]
        end = labels[k + 1].start() if k + 1 < len(labels) else len(joined)
        value = joined[match.end() : end].strip(" ,;")
        if value and not result.get(key):
            result[key] = value
    if email:
        result["email"] = email
    raw_time = result.get("time")
    when = _DATETIME.search(joined)
    result["time"] = _iso(when) if when else None
    if raw_time and not result["time"]:
        result["time_text"] = raw_time  # printed, but not a date-time this parser knows
    # unlabelled text before the first label (or the whole stamp): the certificate holder's name
    name = _DATETIME.sub(" ", _EMAIL.sub(" ", unlabelled))
    name = re.sub(r"[+-]\d{2}:\d{2}", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;:")
    if name and re.search(r"[^\W\d_]{2}", name):
        if not result["signer"]:
            result["signer"] = name
        if not result["organization"]:
            result["organization"] = name
    result["text"] = " ".join(line.strip() for line in lines if line.strip())
    return result


def _find_email(lines: list[str]) -> tuple[str | None, set[int]]:
    """The e-mail address of a stamp, also when the stamp's narrow box wrapped it ("…gov." / "vn"), and the
    indices of the lines it was read from."""
    lines = [ln.strip() for ln in lines]
    for k, line in enumerate(lines):
        if "@" not in line:
            continue
        token = next(t for t in reversed(line.split()) if "@" in t)
        used = {k}
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if re.fullmatch(r"[A-Za-z.]{1,6}", nxt) and (token.endswith(".") or re.search(r"\.[A-Za-z]?$", token)):
            token += nxt
            used.add(k + 1)
        found = _EMAIL.search(token)
        if found:
            return found.group(0), used
    return None, set()


def _iso(m: re.Match[str]) -> str | None:
    day, month, year, hour, minute, second, sign, oh, om = m.groups()
    try:
        stamp = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    offset = f"{sign}{int(oh):02d}:{om}" if sign else DEFAULT_UTC_OFFSET
    return stamp.isoformat() + offset


def _digital_signatures(pdf: Any) -> list[dict[str, Any]]:
    """The PDF's signature dictionaries (a document can be signed with nothing printed): signing time, and the
    certificate holder when ``cryptography`` (a dependency of pdfminer.six) can read the PKCS#7 blob."""
    import pypdfium2.raw as raw

    out = []
    try:
        count = raw.FPDF_GetSignatureCount(pdf.raw)
    except AttributeError:  # pragma: no cover - old pdfium
        return out
    for k in range(max(0, count)):
        sig = raw.FPDF_GetSignatureObject(pdf.raw, k)
        entry: dict[str, Any] = {"index": k, "time": None}
        size = raw.FPDFSignatureObj_GetTime(sig, None, 0)
        if size > 0:
            buf = ctypes.create_string_buffer(size)
            raw.FPDFSignatureObj_GetTime(sig, buf, size)
            entry["time"] = _pdf_date(buf.value.decode("latin-1"))
        size = raw.FPDFSignatureObj_GetContents(sig, None, 0)
        if size > 0:
            blob = (ctypes.c_ubyte * size)()
            raw.FPDFSignatureObj_GetContents(sig, blob, size)
            entry.update(_certificate_holder(bytes(blob)))
        out.append(entry)
    return out


def _certificate_holder(der: bytes) -> dict[str, str]:
    """signer (CN), organization (O, else OU) and email of the end-entity certificate in a PKCS#7 signature."""
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import pkcs7
        from cryptography.x509.oid import NameOID
    except ImportError:  # pragma: no cover - optional
        return {}
    try:
        certs = pkcs7.load_der_pkcs7_certificates(der.rstrip(b"\x00"))
    except Exception:  # noqa: BLE001 - a malformed blob only loses the name
        return {}

    def is_ca(cert: Any) -> bool:
        try:
            return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
        except x509.ExtensionNotFound:
            return False

    holders = [c for c in certs if not is_ca(c)] or list(certs)
    if not holders:
        return {}
    name = holders[0].subject

    def first(oid: Any) -> str | None:
        values = name.get_attributes_for_oid(oid)
        return str(values[0].value) if values else None

    found = {
        "signer": first(NameOID.COMMON_NAME),
        "organization": first(NameOID.ORGANIZATION_NAME) or first(NameOID.ORGANIZATIONAL_UNIT_NAME),
        "unit": first(NameOID.ORGANIZATIONAL_UNIT_NAME),
        "email": first(NameOID.EMAIL_ADDRESS),
    }
    return {k: v for k, v in found.items() if v}


def _pdf_date(value: str) -> str | None:
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?", value)
    if not m:
        return value or None
    y, mo, d, h, mi, s, tz, th, tm = m.groups()
    text = f"{y}-{mo or '01'}-{d or '01'}T{h or '00'}:{mi or '00'}:{s or '00'}"
    if tz == "Z":
        return text + "+00:00"
    if tz in "+-" and tz and th:
        return f"{text}{tz}{th}:{tm or '00'}"
    return text


def _document_info(pdf: Any) -> dict[str, str]:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - metadata is a nicety, never a reason to fail
        return {}
    return {k.lower(): v for k, v in info.items() if isinstance(v, str)}


# ------------------------------------------------------------------------------------------------ OCR


def _ocr_pages(
    pdf: Any,
    path: Path,
    pages: list[PageText],
    metadata: dict[str, Any],
    warnings: list[ReaderWarning],
    *,
    have_text: bool,
) -> bool:
    """Render the scanned pages and OCR them into ``page.lines``; returns True when OCR ran."""
    settings = ocr.SETTINGS
    if not settings.enabled:
        warnings.append(ReaderWarning("ocr_disabled", f"{len(pages)} scanned page(s) left unread (OCR is disabled)"))
        return False
    try:
        ocr.require_tesseract(path, settings)
        ocr.require_pillow(path)
    except MissingDependency:
        if have_text:
            message = f"{len(pages)} scanned page(s) left unread: tesseract is missing"
            warnings.append(ReaderWarning("ocr_unavailable", message))
            return False
        raise
    todo = pages
    if settings.max_pages and len(pages) > settings.max_pages:
        todo = pages[: settings.max_pages]
        warnings.append(
            ReaderWarning(
                "ocr_page_limit", f"only the first {settings.max_pages} of {len(pages)} scanned pages were OCR'd"
            )
        )
    scale = settings.dpi / 72.0

    def renderers() -> Iterator[Any]:
        for page in todo:
            yield lambda page=page: _render(pdf, page, scale, settings.preprocess)

    reports = []
    regions = lambda k, result: column_regions(result, todo[k].number)  # noqa: E731
    for page, result in zip(todo, ocr.ocr_many(renderers(), settings, path, regions=regions)):
        page.lines = ocr_lines(result, scale, page.height)
        page.ocr = True
        info, page_warnings = ocr.page_report(result, page.number, settings)
        reports.append(info)
        warnings.extend(page_warnings)
    metadata["ocr_pages"] = reports
    metadata["ocr_engine"] = (
        f"tesseract ({settings.lang}, psm {settings.psm}, {settings.dpi} dpi, {settings.preprocess})"
    )
    return True


def ocr_lines(result: "ocr.OcrPage", scale: float, height: float) -> list[Line]:
    """OCR words → the same ``Line`` objects as the text layer, so OCR pages get the same column split,
    furniture removal and reading order.  A word is one "glyph" whose index slot holds its confidence.

    Tesseract's own lines are kept (on a skewed scan their boxes overlap the next line, so regrouping words by
    height would mix lines); only lines side by side on the same row (the two header columns, which tesseract
    often finds as separate blocks) are put back into one row, for the column split to cut them again.
    """
    rows: list[list[tuple[list[Char], float, float, float, float]]] = []
    items = []
    for line in result.lines:
        box = line.box or line.bbox
        top, bottom = box[1], box[3]
        style = (False, False, round((bottom - top) / scale, 1), 0, "ocr")
        y0, y1 = height - bottom / scale, height - top / scale
        chars = [(w.bbox[0] / scale, y0, w.bbox[2] / scale, y1, w.text, w.conf, style) for w in line.words]
        items.append((chars, y0, y1, chars[0][0], max(c[2] for c in chars)))
    items.sort(key=lambda it: -it[2])
    for item in items:
        chars, y0, y1, x0, x1 = item
        for row in rows[-3:]:
            overlap = min(y1, max(r[2] for r in row)) - max(y0, min(r[1] for r in row))
            if overlap >= 0.5 * (y1 - y0) and all(x1 <= r[3] or x0 >= r[4] for r in row):
                row.append(item)
                break
        else:
            rows.append([item])
    lines = []
    for row in rows:
        chars = sorted((c for item in row for c in item[0]), key=lambda c: c[0])
        heights = sorted(item[2] - item[1] for item in row)
        lines.append(Line(chars, min(i[1] for i in row), max(i[2] for i in row), heights[len(heights) // 2] or 1.0))
    lines.sort(key=lambda ln: -ln.y1)
    return lines


def _render(pdf: Any, page: PageText, scale: float, mode: str) -> Any:
    """Rasterise a page for OCR, with the signature stamps painted out (their text is already known)."""
    handle = pdf[page.number - 1]
    try:
        bitmap = handle.render(scale=scale, grayscale=mode != "red", may_draw_forms=False)
        image = bitmap.to_pil()
    finally:
        handle.close()
    if page.stamp_rects:
        from PIL import ImageDraw

        draw = ImageDraw.Draw(image)
        for x0, y0, x1, y1 in page.stamp_rects:
            draw.rectangle(
                (x0 * scale, (page.height - y1) * scale, x1 * scale, (page.height - y0) * scale),
                fill="white" if image.mode != "L" else 255,
            )
    return ocr.prepare(image, mode)


__all__ = ["PdfReader", "parse_stamp"]
