"""Lines → blocks in reading order, page by page: column blocks left column first, other lines cut only at
very wide gaps, footnotes marked, OCR noise dropped, legacy-font text converted at the end."""
from __future__ import annotations

from typing import Any

from ..base import Block, ReaderWarning
from ..ocr_result import is_noise
from ..lines import national_cut
from .columns import anchor_text, column_spans
from .furniture import footnote_start, remove_furniture
from .legacy_fonts import convert_legacy
from .records import Char, PageText, Part
from .text import PART_GAP, clean_text, gap_parts, glyph_bbox, glyph_text


def layout_pages(pages: list[PageText], warnings: list[ReaderWarning]) -> tuple[list[Block], str | None, int]:
    """Pages of lines (text layer or OCR) → blocks in reading order; also used by the image reader.

    Returns the blocks, the legacy encoding converted (if any) and the number of running headers/footers and
    page numbers removed.
    """
    removed = remove_furniture(pages)
    blocks: list[Block] = []
    legacy_parts: list[tuple[Block, Part]] = []
    unicode_fonts: set[str] = set()
    for page in pages:
        blocks.extend(_layout_page(page, legacy_parts, unicode_fonts))
    encoding = convert_legacy(legacy_parts, unicode_fonts, warnings)
    return blocks, encoding, removed


def _layout_page(page: PageText, legacy_parts: list[tuple[Block, Part]], unicode_fonts: set[str]) -> list[Block]:
    """Lines → blocks in reading order: column blocks left column first, other lines split only at wide gaps."""
    lines = page.lines
    if not lines:
        return []
    left_edge = min(ln.x0 for ln in lines)
    footnotes_from = footnote_start(page)
    spans = column_spans(page, footnotes_from)
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
            parts.extend(_rejoin(left_parts))
            parts.extend(_rejoin(right_parts))
            i = end
            continue
        kind = "footnote" if i >= footnotes_from else "line"
        for chunk in gap_parts(lines[i], PART_GAP):
            parts.append(_part(chunk, None, kind=kind))
        i += 1
    blocks = []
    for part in parts:
        text, legacy_spans = glyph_text(part.chars, unicode_fonts)
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
            if is_noise(text, [c[5] for c in glyphs]):
                continue
            confidence = round(sum(c[5] for c in glyphs) / len(glyphs), 1)
            style["ocr_word_confidences"] = [round(c[5]) for c in glyphs]
            del style["bold"], style["italic"]
        block = Block(
            text=text,
            kind=part.kind,
            page=page.number,
            bbox=glyph_bbox(glyphs, part.y0, part.y1, page.height),
            confidence=confidence,
            style=style,
        )
        if legacy_spans:
            part.text, part.legacy = text, legacy_spans
            legacy_parts.append((block, part))
        else:
            block.text = clean_text(text)
        blocks.append(block)
    return blocks


def _part(chars: list[Char], column: str | None, kind: str = "line") -> Part:
    glyphs = [c for c in chars if not c[4].isspace()] or chars
    return Part(chars=chars, y0=min(c[1] for c in glyphs), y1=max(c[3] for c in glyphs), column=column, kind=kind)


def _rejoin(parts: list[Part]) -> list[Part]:
    """The lines of one column with the Quốc hiệu wrapped at the column's width ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" |
    "VIỆT NAM", a LibreOffice PDF of a two-cell header) joined back into one line, a word space between."""
    out: list[Part] = []
    for part in parts:
        if out and national_cut(anchor_text(out[-1].chars), anchor_text(part.chars)):
            prev = out[-1]
            last = max(prev.chars, key=lambda c: c[2])
            space = (last[2], last[1], last[2], last[3], " ", last[5], last[6])
            out[-1] = Part(chars=[*prev.chars, space, *part.chars], y0=min(prev.y0, part.y0),
                           y1=max(prev.y1, part.y1), column=prev.column, kind=prev.kind)
            continue
        out.append(part)
    return out
