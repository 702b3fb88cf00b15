"""Ruled tables of a text-layer page read as cells, not lines (issue 13).

The layout reader gives a page's lines; a ruled table's cells come out interleaved on them (a task's content,
its lead body and its deadline on one line, a wrapped cell's next line with the next cells' next lines).  Where
:mod:`.rulings` finds a grid, the glyphs inside it are taken off the page's lines and set in their cells: one
``cell`` block per cell with table/row/col as the DOCX reader gives them, in the order
:func:`~vnadmin_nlp.readers.tables.order_table` puts a data table.  A grid that reads as a layout table (a ruled
header or signature box) is left to the lines, as is a page in a legacy font (converted later, line by line).
An OCR'd page's rulings come from its image and its glyphs are tesseract's words, set upright
(:mod:`..ocr_rulings`).  A table whose columns go on at the top of the next page is one table (its rows numbered on), so
that the header row found on its first page serves its rows on the next.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...lexicon.glued import respace
from ...lexicon.lazy import lazy_regex
from ...lexicon.syllables import is_vietnamese_word
from ..base import Block
from ..layout import Line, PageText
from ..layout.records import Char
from ..layout.text import clean_text, glyph_bbox, glyph_text
from ..tables import is_layout_table, order_table
from .rulings import Grid, grids

# a cell's next line that starts an item of its own (a dash, a bullet, "a)", "1.") keeps its line break
_NUMBER_CUT = re.compile(r"\d[/.]\d*$")  # a date or number cut after its separator: "15/11/202", "30/"
_ITEM = re.compile(r"^\s*(?:[-–—+•*]|[a-zđ]\)|\d{1,2}[.)]\s)")
_ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]{1,6}\.?|[A-Za-zđ][.)]?")  # a row's number or letter
_HEAD_ROWS = 2  # a header a continued table repeats is at most its first two rows


@dataclass
class _Open:
    """A table that may go on at the top of the next page: its grid (for the columns), its index, its next row's
    number, its first rows' texts (a header the next page repeats) and its last row with text (a row the page
    break cut)."""

    grid: Grid
    number: int
    next_row: int
    head: list[list[tuple[int, str]]]
    tail: list[tuple]


@dataclass
class PdfTable:
    page: int
    top: float  # the table's top, from the top of the page (the blocks' bbox convention)
    blocks: list[Block] = field(default_factory=list)


def cut_tables(pages: list[PageText], start: int = 0) -> list[PdfTable]:
    """Each ruled data table of the pages as cell blocks; its glyphs are taken off the pages' lines."""
    out: list[PdfTable] = []
    index = start
    last: _Open | None = None  # the table open at the end of the page before
    for page in pages:
        carried, last = last, None
        found = grids(page.rulings, 1 if carried else 2) if page.rulings and page.lines else []
        for n, grid in enumerate(found):
            table = _cells(page, grid)
            if table is None:
                continue
            cont = n == 0 and carried is not None and _same_columns(carried.grid, grid) and _first_thing(page, grid)
            if len(grid.ys) < 3 and not cont:
                continue  # a one-row box is no table but a continued table's last row
            number, row0 = (carried.number, carried.next_row) if cont and carried else (index, 0)
            rows, n_cols = _rows(table, grid, number, row0, page.height)
            if not cont and is_layout_table(rows, n_cols):
                continue
            _take(page, grid)
            if cont and carried:
                _go_on(rows, carried)
            blocks = [b for b in order_table(rows, n_cols, number) if b.text]
            for b in blocks:
                b.page = page.number
            out.append(PdfTable(page.number, page.height - grid.ys[0], blocks))
            if not cont:
                index += 1
            head = carried.head if cont and carried else [_texts(r) for r in rows[:_HEAD_ROWS]]
            tail = next((r for r in reversed(rows) if any(blocks for _, _, blocks in r)), [])
            tail = tail or (carried.tail if cont and carried else [])  # (a page that only went on with that row)
            last = _Open(grid, number, row0 + len(grid.ys) - 1, head, tail)
        if last is not None and not _last_thing(page, last.grid):
            last = None
    return out


def respace_ocr(tables: list[PdfTable], pages: list[PageText]) -> None:
    """The cells of OCR'd pages with the spaces tesseract lost put back (``UBND thịxã``, ``Sở Thông tinvà Truyền
    thông``: a narrow cell's words glued, :func:`~vnadmin_nlp.lexicon.glued.respace`, a run of letters that is no
    syllable and splits into syllables one way only), so that a body's name in a lead cell reads as printed."""
    ocr = {p.number for p in pages if p.ocr}
    for table in tables:
        for b in table.blocks:
            if b.page in ocr:
                b.text = _ACRONYM_GLUED.sub(_unglue, respace(b.text))


# an abbreviation glued to the capitalised word after it (``Ủy ban MTTQViệt Nam``): split where that word is a syllable
_ACRONYM_GLUED = lazy_regex(r"\b(\p{Lu}{2,})(\p{Lu}\p{Ll}+)\b")


def _unglue(m: Any) -> str:
    return f"{m.group(1)} {m.group(2)}" if is_vietnamese_word(m.group(2)) and m.group(1).isupper() else m.group(0)


def place_tables(blocks: list[Block], tables: list[PdfTable]) -> list[Block]:
    """The tables' blocks put among the page's other blocks: before the first block below the table's top."""
    if not tables:
        return blocks
    out = list(blocks)
    for table in tables:
        at = None
        for k, b in enumerate(out):
            if b.kind == "stamp" or b.page is None:
                continue
            if b.page > table.page or (b.page == table.page and b.bbox is not None and b.bbox[1] >= table.top
                                       and b.table is None):
                at = k
                break
        if at is None:
            at = next((k for k, b in enumerate(out) if b.kind == "stamp"), len(out))
        out[at:at] = table.blocks
    return out


def _cells(page: PageText, grid: Grid) -> dict[tuple[int, int], list[tuple[int, list[Char]]]] | None:
    """The glyphs of each cell (by its top-left unit), line by line: (line index, glyphs); None when the table holds
    legacy-font text or a ruling runs through a word (the grid is no table's)."""
    starts = {(r, c): (r, c) for r, c, _, _ in grid.cells}
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, c, rs, cs in grid.cells:
        for i in range(r, r + rs):
            for j in range(c, c + cs):
                owner[(i, j)] = starts[(r, c)]
    cells: dict[tuple[int, int], list[tuple[int, list[Char]]]] = {}
    x0, y0, x1, y1 = grid.box
    for k, line in enumerate(page.lines):
        if line.y1 < y0 or line.y0 > y1:
            continue
        here: dict[tuple[int, int], list[Char]] = {}
        last: tuple[Char, tuple[int, int] | None] | None = None
        for ch in line.chars:
            unit = grid.unit((ch[0] + ch[2]) / 2, (ch[1] + ch[3]) / 2)
            cell = owner[unit] if unit is not None else None
            if not ch[4].isspace():
                if last is not None and last[1] != cell and ch[0] - last[0][2] < 0.15 * line.h:
                    return None  # a ruling through a word: not a table's border
                last = (ch, cell)
            else:
                last = None
            if cell is not None:
                here.setdefault(cell, []).append(ch)
        for key, chars in here.items():
            if any(not ch[4].isspace() for ch in chars):
                if glyph_text(chars)[1]:
                    return None  # legacy-font text: converted with the page's other lines
                cells.setdefault(key, []).append((k, chars))
    return cells


def _rows(cells: dict[tuple[int, int], list[tuple[int, list[Char]]]], grid: Grid, table: int,
          row0: int, height: float) -> tuple[list[list[tuple]], int]:
    rows: list[list[tuple]] = [[] for _ in range(len(grid.ys) - 1)]
    for r, c, _rs, cs in grid.cells:
        lines = cells.get((r, c), [])
        text = _cell_text([chars for _, chars in lines], grid.xs[c], grid.xs[c + cs])
        blocks = []
        if text:
            glyphs = [ch for _, chars in lines for ch in chars if not ch[4].isspace()]
            bbox = glyph_bbox(glyphs, min(ch[1] for ch in glyphs), max(ch[3] for ch in glyphs), height)
            blocks.append(Block(text=text, kind="cell", table=table, row=row0 + r, col=c, bbox=bbox))
        rows[r].append((c, cs, blocks))
    return rows, len(grid.xs) - 1


def _cell_text(lines: list[list[Char]], left: float = 0.0, right: float = 0.0) -> str:
    """A cell's lines as one text: a wrapped line goes on after a space, an item of its own after a line break, a
    number or date the cell's width cut ("Trước ngày 15/11/202" | "5") whole.  A line that opens with a dash is an
    item when the cell's first line is one, or when its first word would have fitted on the line before within the
    cell's borders (``left``, ``right``; the text's inset from the left border taken as the padding): otherwise the
    width wrapped a name at its dash ("Đài Phát thanh" | "- Truyền hình tỉnh")."""
    out = ""
    width = max((_width(chars) for chars in lines), default=0.0)
    glyphs = [ch for chars in lines for ch in chars if not ch[4].isspace()]
    inner = right - (min(ch[0] for ch in glyphs) - left) if glyphs and right > left else 0.0
    prev: list[Char] = []
    listed = False
    for chars in lines:
        text = clean_text(glyph_text(chars)[0]).strip()
        if not text:
            continue
        cut = out and _NUMBER_CUT.search(out) and text[0].isdigit() and not _fits(prev, chars, text, width)
        item = bool(_ITEM.match(text)) and (listed or not out or not inner or _fits_right(prev, chars, text, inner))
        listed = listed or (not out and item)
        prev = chars
        if not out:
            out = text
        elif cut:
            out += text
        elif item:
            out += "\n" + text
        elif out.endswith("\xad"):
            out = out[:-1] + text
        else:
            out += " " + text
    return out


def _fits_right(prev: list[Char], chars: list[Char], text: str, right: float) -> bool:
    """The line's first word would have fitted after the line before, short of ``right``."""
    before = [ch for ch in prev if not ch[4].isspace()]
    glyphs = [ch for ch in chars if not ch[4].isspace()]
    if not before or not glyphs:
        return True
    h = max(ch[3] - ch[1] for ch in glyphs)
    word = _width(chars) * len(text.split()[0]) / max(len(text), 1)
    return max(ch[2] for ch in before) + 0.25 * h + word <= right + 0.1 * h


def _width(chars: list[Char]) -> float:
    glyphs = [ch for ch in chars if not ch[4].isspace()]
    return max(ch[2] for ch in glyphs) - min(ch[0] for ch in glyphs) if glyphs else 0.0


def _fits(prev: list[Char], chars: list[Char], text: str, width: float) -> bool:
    """The line's first word would have fitted after the line before within the cell's widest line."""
    glyphs = [ch for ch in chars if not ch[4].isspace()]
    if not prev or not glyphs:
        return True
    word = text.split()[0]
    h = max(ch[3] - ch[1] for ch in glyphs)
    return _width(prev) + 0.25 * h + _width(chars) * len(word) / max(len(text), 1) <= width + 0.1 * h


def _take(page: PageText, grid: Grid) -> None:
    """The table's glyphs off the page's lines; a line left with none goes."""
    kept: list[Line] = []
    x0, y0, x1, y1 = grid.box  # a glyph whose centre is in the box is in a unit of the grid (Grid.unit)
    for line in page.lines:
        rest = [ch for ch in line.chars
                if not (x0 <= (ch[0] + ch[2]) / 2 <= x1 and y0 <= (ch[1] + ch[3]) / 2 <= y1)]
        if len(rest) == len(line.chars):
            kept.append(line)
            continue
        while rest and rest[0][4].isspace():
            rest.pop(0)
        while rest and rest[-1][4].isspace():
            rest.pop()
        glyphs = [ch for ch in rest if not ch[4].isspace()]
        if glyphs:
            kept.append(Line(chars=rest, y0=min(ch[1] for ch in glyphs), y1=max(ch[3] for ch in glyphs), h=line.h))
    page.lines[:] = kept


def _texts(cells: list[tuple]) -> list[tuple[int, str]]:
    return [(c, " ".join(b.text for b in blocks)) for c, _, blocks in cells if blocks]


def _go_on(rows: list[list[tuple]], carried: _Open) -> None:
    """A continued table's first rows: a header repeated from its first page goes (its rows left empty); a first
    row with no number in the first column, under a numbered row, that leaves another of that row's cells empty or
    goes on a sentence (a lower-case word, a number) is that row's end cut by the page break: its cells' texts go
    on in the cells of that row (on the page before).  A first cell that opens an item (``a)``, ``-``) starts a
    sub-item's row of its own."""
    k = 0
    while k < min(len(rows), len(carried.head)) and _texts(rows[k]) and _texts(rows[k]) == carried.head[k]:
        rows[k] = [(c, cs, []) for c, cs, _ in rows[k]]
        k += 1
    first = next((r for r in rows[k:] if any(blocks for _, _, blocks in r)), None)
    if first is None or not carried.tail:
        return
    here = {c: blocks for c, _, blocks in first if blocks}
    above = {c: blocks for c, _, blocks in carried.tail if blocks}
    texts = {c: " ".join(b.text for b in blocks) for c, blocks in here.items()}
    # a table with no number column (its first cell the task's content) goes on when that content goes on in lower
    # case ("giải pháp tháo gỡ …" under "Nghiên cứu, đề xuất")
    unnumbered = 0 in here and 0 in above and not _ROW_NUMBER.fullmatch(above[0][0].text.strip()) and texts[0][:1].islower()
    if (0 in here and not unnumbered) or 0 not in above or not set(here) <= set(above):
        return
    if not unnumbered and _ITEM.match(texts[min(texts)]):
        return  # "a) Rà soát …" in its first cell: a sub-item's row, no number of its own
    if not unnumbered and len(here) == len(above) - 1 and not any(t[:1].islower() or t[:1].isdigit() for t in texts.values()):
        return  # every cell but the number filled, none going on a sentence: a row of its own (a sub-item)
    for c, text in texts.items():
        end = above[c][-1]
        item = _ITEM.match(text) and (not unnumbered or _ITEM.match(end.text))  # ("Sở Lao động" | "- Thương binh …")
        end.text += ("\n" if item else " ") + text
    first[:] = [(c, cs, []) for c, cs, _ in first]


def _same_columns(a: Grid, b: Grid) -> bool:
    return len(a.xs) == len(b.xs) and all(abs(p - q) <= 3.0 for p, q in zip(a.xs, b.xs))


def _first_thing(page: PageText, grid: Grid) -> bool:
    """No body line above the table on its page (a running header is removed later; a line or two allowed)."""
    return sum(1 for line in page.lines if line.y0 > grid.ys[0]) <= 2


def _last_thing(page: PageText, grid: Grid) -> bool:
    """No body line under the table on its page but a page number or a footnote or two."""
    return sum(1 for line in page.lines if line.y1 < grid.ys[-1]) <= 2
