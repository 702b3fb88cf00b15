"""Lines → blocks in reading order, page by page: column blocks left column first, other lines cut only at
very wide gaps, footnotes marked, OCR noise dropped, legacy-font text converted at the end."""
from __future__ import annotations

from typing import Any

from ..base import Block, ReaderWarning
from ..ocr_result import is_noise
from ..lines import cell_join, value_cut
from .columns import COLUMN_MAX_VGAP, anchor_text, carried_column_spans, line_anchor
from .furniture import footnote_start, remove_furniture
from .legacy_fonts import convert_legacy
from .records import Char, Line, PageText, Part
from .text import PART_GAP, clean_text, gap_parts, glyph_bbox, glyph_text, line_text


def layout_pages(pages: list[PageText], warnings: list[ReaderWarning]) -> tuple[list[Block], str | None, int]:
    """Pages of lines (text layer or OCR) → blocks in reading order; also used by the image reader.

    Returns the blocks, the legacy encoding converted (if any) and the number of running headers/footers and
    page numbers removed.
    """
    removed = remove_furniture(pages)
    blocks: list[Block] = []
    legacy_parts: list[tuple[Block, Part]] = []
    unicode_fonts: set[str] = set()
    # a column block broken by the page: its free strip, and its right column, held until its left column ends
    carried: tuple[float, float] | None = None
    held: list[Block] = []
    for page in pages:
        page_blocks, carried, held = _layout_page(page, legacy_parts, unicode_fonts, carried, held)
        blocks.extend(page_blocks)
    blocks.extend(held)
    encoding = convert_legacy(legacy_parts, unicode_fonts, warnings)
    return blocks, encoding, removed


def _layout_page(
    page: PageText,
    legacy_parts: list[tuple[Block, Part]],
    unicode_fonts: set[str],
    carried: tuple[float, float] | None,
    held: list[Block],
) -> tuple[list[Block], tuple[float, float] | None, list[Block]]:
    """Lines → blocks in reading order: column blocks left column first, other lines split only at wide gaps.

    A column block broken by the page reads as one: the right column of the page before (``held``) comes after
    the left column's lines at the top of this page (the Nơi nhận list goes on, the signer's name is below).
    Returns the blocks, and the free strip and the right column's blocks of a block that runs to the page's end.
    """
    lines = page.lines
    if not lines:
        return held, None, []
    left_edge = min(ln.x0 for ln in lines)
    footnotes_from = footnote_start(page)
    spans, open_strip, continued = carried_column_spans(page, footnotes_from, carried)
    # emit: a column block left column first; other lines whole, or cut at very wide gaps
    parts: list[Part] = []
    resume_at = 0  # where the held right column goes: after the left column of the block that goes on
    hold_from = None  # where the right column of a block open at the page's end starts
    i = 0
    joinable = False  # the last part is the whole of the line before
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
            if i == 0 and continued:
                resume_at = len(parts)
            if open_strip is not None and end == len(lines):
                hold_from = len(parts)
            parts.extend(_rejoin(right_parts))
            i = end
            joinable = False
            continue
        kind = "footnote" if i >= footnotes_from else "line"
        chunks = gap_parts(lines[i], PART_GAP)
        whole = lines[i] if len(chunks) == 1 else None  # the one chunk holds all the line's glyphs, in order
        if whole is not None and joinable and _label_value(parts[-1], lines[i - 1], lines[i]):
            parts[-1] = _joined(parts[-1], _part(chunks[0], None, kind=kind), " ")
        elif len(chunks) == 2 and joinable and _value_tail(parts[-1], lines[i - 1], chunks):
            # the value's last piece shares a line with the other column's ("Hà Nội, ngày 31 tháng 12 năm" over
            # "Số: 99/2025/TT-BNNMT      2025"): the value whole first, then the other column's piece
            parts[-1] = _joined(parts[-1], _part(chunks[1], None, kind=kind), " ")
            parts.append(_part(chunks[0], None, kind=kind))
            joinable = False
            i += 1
            continue
        else:
            parts.extend(_part(chunk, None, kind=kind, whole=whole) for chunk in chunks)
        joinable = len(chunks) == 1
        i += 1
    blocks: list[Block] = []
    marks: dict[int, int] = {}  # part index → the number of blocks made before it
    for n, part in enumerate(parts):
        marks[n] = len(blocks)
        if part.whole is not None:
            text, legacy_spans = line_text(part.whole, unicode_fonts)
        else:
            text, legacy_spans = glyph_text(part.chars, unicode_fonts)
        if not text.strip():
            continue
        if part.whole is not None and part.placed is None:
            glyphs = part.whole.glyphs  # the part holds all the line's glyphs, in order
        else:
            glyphs = [c for c in part.placed or part.chars if not c[4].isspace()]
        first = glyphs[0][6]
        x0 = min([c[0] for c in glyphs])
        style: dict[str, Any] = {
            "indent": round(x0 - left_edge, 1),
            "bold": sum([c[6][0] for c in glyphs]) * 2 > len(glyphs),
            "italic": sum([c[6][1] for c in glyphs]) * 2 > len(glyphs),
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
    before = marks.get(resume_at, len(blocks))
    rest = len(blocks) if hold_from is None else marks.get(hold_from, len(blocks))
    return [*blocks[:before], *held, *blocks[before:rest]], open_strip, blocks[rest:]


def _part(chars: list[Char], column: str | None, kind: str = "line", whole: Line | None = None) -> Part:
    glyphs = (whole.glyphs if whole is not None else [c for c in chars if not c[4].isspace()]) or chars
    return Part(chars=chars, y0=min([c[1] for c in glyphs]), y1=max([c[3] for c in glyphs]), column=column, kind=kind,
                whole=whole)


def _rejoin(parts: list[Part]) -> list[Part]:
    """The lines of one column with what the converter wrapped at the column's width joined back
    (:func:`~vnadmin_nlp.readers.lines.cell_join`): the Quốc hiệu ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" | "VIỆT NAM"), an
    issuer ("ỦY BAN THƯỜNG VỤ QUỐC" | "HỘI"), "Số:" and its number, as a LibreOffice PDF of a two-cell header
    sets them.  The column's width is its widest line; the word space a quarter of the line height."""
    glyphs = [[c for c in p.chars if not c[4].isspace()] for p in parts]
    sizes = [max(c[2] for c in g) - min(c[0] for c in g) if g else 0.0 for g in glyphs]
    width = max(sizes, default=0.0)
    out: list[Part] = []
    last: tuple[str, float] = ("", 0.0)  # the text and width of the last line as set (out[-1] may hold several)
    for part, g, size in zip(parts, glyphs, sizes):
        text = anchor_text(part.chars)
        if not g or not text.strip():
            out.append(part)
            continue
        if out:
            word = text.split()[0]
            h = part.y1 - part.y0
            fits = last[1] + 0.25 * h + size * len(word) / max(len(text), 1) <= width + 0.1 * h
            joiner = cell_join(last[0], text, fits, names=False)
            if joiner is not None:
                out[-1] = _joined(out[-1], part, joiner)
                last = (text, size)
                continue
        out.append(part)
        last = (text, size)
    return out


def _joined(prev: Part, part: Part, joiner: str) -> Part:
    """Two lines as one part, the second's glyphs set right after the first's (so that the gaps between them stay
    word spaces), a word space between when ``joiner`` is one; the glyphs' places on the page kept for the box."""
    glyphs = [c for c in part.chars if not c[4].isspace()]
    tail = max(prev.chars, key=lambda c: c[2])
    h = part.y1 - part.y0
    extra = [(tail[2], tail[1], tail[2], tail[3], " ", tail[5], tail[6])] if joiner else []
    shift = tail[2] - min(c[0] for c in glyphs) + (0.25 * h if joiner else 0.0)
    moved = [(c[0] + shift, c[1], c[2] + shift, c[3], *c[4:]) for c in part.chars]
    return Part(chars=[*prev.chars, *extra, *moved], y0=min(prev.y0, part.y0), y1=max(prev.y1, part.y1),
                column=prev.column, kind=prev.kind, placed=[*(prev.placed or prev.chars), *part.chars])


def _value_tail(prev: Part, above: Line, chunks: list[list[Char]]) -> bool:
    """The right piece of a line cut in two finishes the value the line above left cut, right under it, and the
    left piece stands clear of that value (another column's line: the column finder took no columns)."""
    left, right = chunks
    glyphs = [c for c in prev.chars if not c[4].isspace()]
    if prev.column or prev.kind != "line" or not glyphs:
        return False
    h = max(c[3] for c in right) - min(c[1] for c in right)
    x0, x1 = min(c[0] for c in glyphs), max(c[2] for c in glyphs)
    under = x0 - h <= min(c[0] for c in right) and max(c[2] for c in right) <= x1 + h
    clear = max(c[2] for c in left) < x0
    gap = max(above.y0 - max(c[3] for c in right), min(c[1] for c in right) - above.y1)  # whichever way y runs
    near = gap <= COLUMN_MAX_VGAP * max(h, above.h)
    return under and clear and near and value_cut(anchor_text(prev.chars), anchor_text(right))


def _label_value(prev: Part, above: Line, line: Line) -> bool:
    """One value on two lines of their own, one right under the other, in a header cell the column finder did not
    take ("Nghị quyết số:" | "106/2025/UBTVQH15", "Hà Nội, ngày 10 tháng 12 năm" | "2025"): one line."""
    if prev.column or prev.kind != "line" or above.y0 - line.y1 > COLUMN_MAX_VGAP * max(line.h, above.h):
        return False
    return value_cut(line_anchor(prev.whole) if prev.whole is not None else anchor_text(prev.chars), line_anchor(line))
