"""Tables of a text-layer page with no ruling (or horizontal rulings only) read as cells, from the words' positions
(issue 13).

A plan's task table printed without borders, or with the row rules only, gives no grid (:func:`.rulings.grids`
needs two vertical rulings), and the layout reader makes lines of it that interleave its columns (``Kiểm tra, giám sát việc
Ủy ban nhân Sở Tư pháp; Tháng``).  Its columns still show in the geometry: each column's words stay in a *lane*, an
x-interval that no other column's words enter, with a gutter (the two cell paddings) between lanes.  Here:

- a table starts at a line cut by wide gaps into at least three pieces (the header row: ``STT | Nội dung | Đơn vị
  chủ trì | …``); it grows down while every piece of the next line falls in one lane (the lanes widen to hold their
  pieces and never meet).  A line that crosses a gutter (prose across the page), a wide vertical gap or a legacy
  font ends it;
- rows are told by the first lane, the row numbers (``1``, ``2.1``, ``IV``): a row runs from its number's line to
  the next number's; the lines above the first number are the header row.  A row numbered in the first lane whose
  other piece runs across the lanes is a group row (``II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH``).  A table with no number
  column has its rows told by its row rules, when it is printed with them (a rule across the table above a line
  starts a row);
- the table is taken only when it reads with confidence: three lanes or more, a header with text in three of them,
  two numbered (or ruled) rows or more, and nothing but row numbers in a numbered table's first lane below the
  header.  Anything else is left to the lines (and the task reader's warning about a table read as lines);
- a table that ends at the foot of a page and whose lanes go on at the top of the next is one table: a header row
  the next page repeats is dropped, and lines above the first row that are no header are the end of the row the
  page break cut, joined to it (in a ruled table with no numbers: a first band whose content goes on in lower
  case).

An OCR'd page is read the same way, its words as glyphs (tesseract's lines set side by side into rows,
:func:`..layout.ocr_lines`): a table printed with no grid on a scan (its row rules, when printed, found in the image
and its words straightened by their slope, :mod:`..ocr_rulings`).  A ruled grid's table is :mod:`.table_cells`'.

Cells come out as :mod:`.table_cells`' do (``cell`` blocks with table, row and col), so the task reader
(``extractors/tasking/table.py``) reads the table's rows as tasks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..base import Block
from ..layout import Line, PageText
from ..layout.records import Char
from ..layout.text import gap_parts, glyph_bbox, glyph_text, line_plain_text, wide_gaps
from ..tables import order_table
from .rulings import _merge as merge_rulings
from .table_cells import _NUMBER_CUT, PdfTable, _cell_text as cell_text

GUTTER = 0.8  # a gap between two pieces of a line that may be a column gutter, in line heights
MIN_SEPARATION = 0.3  # two lanes closer than this (line heights) are one column's words: no table
MAX_VGAP = 3.0  # a vertical gap wider than this many line heights ends a table
MIN_LANES = 3
MIN_ROWS = 2
ROW_STEP = 1.45  # an OCR'd line this many usual line pitches under the one above opens a row (its number lost)
_EDGE_LINES = 2  # a running header or page number above or below a table continued over a page break
_LABEL = re.compile(r"(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXL]{1,6}\.?|[a-zđ]\))")
_FOLIO = re.compile(r"[-–\s]*(?:[Tt]rang\s*)?\d{1,3}[-–\s]*")  # a page number over a continued table
_DASHES = ("-", "–", "+", "•")
_GROUP_LABEL = re.compile(r"[A-H]\.?")  # "A | NHIỆM VỤ CHUNG": a letter numbers a group row only (a header's "T" is no row)


@dataclass
class _Piece:
    x0: float
    x1: float
    chars: list[Char]
    text: str


@dataclass
class _Region:
    """A run of a page's lines read as a table: the lanes' x-intervals and each line's pieces by lane (a group row's
    title under lane 1, with its ``span``)."""

    lanes: list[list[float]]
    lines: list[int]  # indices into page.lines
    pieces: list[dict[int, _Piece]]
    spans: list[int]  # per line: lanes the line's piece after the first spans (1: none)


@dataclass
class _Open:
    """A table that may go on at the top of the next page."""

    lanes: list[list[float]]
    number: int
    next_row: int
    head: list[tuple[tuple[int, str], ...]]  # the header's lines: (lane, text) of each piece
    last: list[tuple]  # the last row's cells: (column, column span, blocks)
    table: PdfTable  # the page's part of the table that holds the last row
    numbered: bool  # rows told by their numbers (else by the row rules)


def _pieces(line: Line) -> list[_Piece]:
    out = []
    for part in gap_parts(line, GUTTER):
        glyphs = [c for c in part if not c[4].isspace()]
        text = glyph_text(part)[0].strip()
        out.append(_Piece(min(c[0] for c in glyphs), max(c[2] for c in glyphs), part, text))
    return out


def _label(text: str, group: bool = False) -> bool:
    return bool(_LABEL.fullmatch(text) or (group and _GROUP_LABEL.fullmatch(text)))


def _lanes_of(pieces: list[_Piece], lanes: list[list[float]]) -> list[list[int]]:
    return [[k for k, (a, b) in enumerate(lanes) if p.x0 < b and a < p.x1] for p in pieces]


def _fits(pieces: list[_Piece], lanes: list[list[float]], h: float) -> tuple[dict[int, _Piece], int] | None:
    """The line's pieces by lane (and the span of a group row's title), or None when the line crosses a gutter."""
    hit = _lanes_of(pieces, lanes)
    if any(not k for k in hit):
        return None
    if all(len(k) == 1 for k in hit) and len({k[0] for k in hit}) == len(hit):
        new = [list(x) for x in lanes]
        for p, (k,) in zip(pieces, hit):
            new[k] = [min(new[k][0], p.x0), max(new[k][1], p.x1)]
        if any(new[k + 1][0] - new[k][1] < MIN_SEPARATION * h for k in range(len(new) - 1)):
            return None
        lanes[:] = new
        return dict(zip((k[0] for k in hit), pieces)), 1
    # a group row: a row number in the first lane, its title across the others
    if len(pieces) == 2 and hit[0] == [0] and _label(pieces[0].text, True) and hit[1][0] == 1:
        return {0: pieces[0], 1: pieces[1]}, len(hit[1])
    return None


def _grow(page: PageText, start: int, lanes: list[list[float]]) -> _Region:
    region = _Region(lanes, [], [], [])
    lines = page.lines
    for k in range(start, len(lines)):
        line = lines[k]
        if region.lines and lines[region.lines[-1]].y0 - line.y1 > MAX_VGAP * max(line.h, lines[region.lines[-1]].h):
            break
        if glyph_text(line.chars)[1]:
            break  # legacy-font text: converted with the page's other lines
        got = _fits(_pieces(line), lanes, line.h)
        if got is None:
            break
        region.lines.append(k)
        region.pieces.append(got[0])
        region.spans.append(got[1])
    return region


def _ruled_starts(page: PageText, region: _Region) -> list[int]:
    """Where each row starts (positions in the region) by the horizontal rulings across the table (a table printed
    with its row rules only): the first line under each rule."""
    lo, hi = region.lanes[0][0], region.lanes[-1][1]
    rules = merge_rulings([s for s in page.rulings if s[0] == "h"])  # (a border drawn cell by cell: one rule)
    ys = sorted({round(s[1], 1) for s in rules if s[2] <= lo + 0.3 * (hi - lo) and s[3] >= hi - 0.3 * (hi - lo)},
                reverse=True)
    lines = [page.lines[k] for k in region.lines]
    mid = [(line.y0 + line.y1) / 2 for line in lines]  # (a tall mark may rise over the rule above its row)
    starts = {next((i for i, m in enumerate(mid) if m < y), None) for y in ys if y < mid[0]}
    return sorted(i for i in starts if i is not None and i > 0)


def _unnumbered(page: PageText, region: _Region) -> list[int]:
    """Rows of an OCR'd numbered table with no ruling whose number tesseract lost (or set astray): a line after a step down of
    ``ROW_STEP`` times the region's usual line pitch, with nothing in the first lane, opens a row (the cell
    paddings of two rows lie between it and the line above), rather than joining the row above with its bodies."""
    ys = [page.lines[k].y1 for k in region.lines]
    steps = [a - b for a, b in zip(ys, ys[1:])]
    if len(steps) < 3:
        return []
    usual = sorted(steps)[len(steps) // 2]
    return [i + 1 for i, step in enumerate(steps) if step >= ROW_STEP * usual and 0 not in region.pieces[i + 1]
            and region.pieces[i + 1] and region.spans[i + 1] == 1]


def _goes_on(region: _Region, a: int, b: int) -> bool:
    """The lines ``a:b`` go on a row's sentences: the first piece of their first line (the task's content, as a
    rule) opens in lower case or with a digit that is no row number (``giải pháp tháo gỡ …``, ``15/11/2025``); a
    name cut after its head goes on with a capital (``Ban Quản lý`` | ``Khu kinh tế``), so the other cells do not
    count."""
    if a >= b or not region.pieces[a]:
        return False
    t = region.pieces[a][min(region.pieces[a])].text
    return t[:1].islower() or (t[:1].isdigit() and not _LABEL.fullmatch(t))


def _rows(page: PageText, region: _Region, carried: _Open | None) -> tuple[list[int], list[int], bool] | None:
    """Where each row starts (positions in the region: the row numbers of the first lane, else the row rules), the
    header's lines and whether the rows are numbered; None when the region does not read as a table with
    confidence.  A continued table keeps the way its first page's rows were told."""
    starts = [i for i, pieces in enumerate(region.pieces) if 0 in pieces and _label(pieces[0].text, region.spans[i] > 1)]
    numbered = carried.numbered if carried is not None else len(starts) >= MIN_ROWS
    if numbered and page.ocr and not page.rulings:  # (row rules in the image: their step is no lost number's)
        repeated = carried.head if carried is not None else []  # (under a repeated header the step is the header's)
        starts = sorted(set(starts) | {i for i in _unnumbered(page, region) if _signature(region, i - 1) not in repeated})
    if not numbered and len(ruled := _ruled_starts(page, region)) >= (0 if carried else MIN_ROWS):
        starts = ruled
        if carried is not None and starts and _goes_on(region, starts[0], starts[1] if len(starts) > 1 else len(region.lines)):
            starts = starts[1:]  # the first band under the repeated header ends the row the page break cut
    elif len(starts) < (0 if carried else MIN_ROWS):
        return None
    first = starts[0] if starts else len(region.lines)  # (a continued table's page may hold only a cut row's end)
    if numbered and any(0 in pieces and i not in starts for i, pieces in enumerate(region.pieces) if i > first):
        return None  # the first lane holds something other than row numbers
    head = list(range(first))
    if not carried and len({k for i in head for k in region.pieces[i]}) < MIN_LANES:
        return None
    return starts, head, numbered


def _text(region: _Region, at: list[int], lane: int, left: float, right: float) -> tuple[str, list[Char]]:
    chars = [region.pieces[i][lane].chars for i in at if lane in region.pieces[i]]
    glyphs = [c for part in chars for c in part if not c[4].isspace()]
    return cell_text(chars, left, right), glyphs


def _cells(page: PageText, region: _Region, at: list[int], number: int, row: int) -> list[tuple]:
    """One row's cells: (column, column span, blocks)."""
    out = []
    lanes = region.lanes
    group = max(region.spans[i] for i in at) if at else 1
    for lane in range(len(lanes)):
        if group > 1 and lane > 1:
            break
        # (the lane's widest line marks where its cell's text must stop: a dashed line whose first words would
        # have fitted there is an item of its own, one that would not is a name the width wrapped)
        text, glyphs = _text(region, at, lane, lanes[lane][0], lanes[lane][1])
        blocks = []
        if text:
            bbox = glyph_bbox(glyphs, min(c[1] for c in glyphs), max(c[3] for c in glyphs), page.height)
            blocks.append(Block(text=text, kind="cell", table=number, row=row, col=lane, bbox=bbox))
        out.append((lane, group if lane == 1 and group > 1 else 1, blocks))
    return out


def _start(page: PageText, k: int) -> list[list[float]] | None:
    """The lanes of a table whose header row is line ``k``, or None."""
    line = page.lines[k]
    if wide_gaps(line, GUTTER) < MIN_LANES - 1:
        return None  # (most lines: too few wide gaps between neighbouring glyphs to make three pieces, counted in C)
    if len(gap_parts(line, GUTTER)) < MIN_LANES or glyph_text(line.chars)[1]:
        return None  # (known before any text is made)
    pieces = _pieces(line)
    return [[p.x0, p.x1] for p in pieces]


def _same_lanes(a: list[list[float]], b: list[list[float]]) -> bool:
    return len(a) == len(b) and all(abs(p[0] - q[0]) <= 6.0 for p, q in zip(a, b))


def _signature(region: _Region, i: int) -> tuple[tuple[int, str], ...]:
    return tuple((lane, p.text) for lane, p in sorted(region.pieces[i].items()))


def _go_on(region: _Region, head: list[int], carried: _Open) -> bool:
    """The lines above a continued table's first number: the header its first page printed, repeated (dropped),
    then the end of the row the page break cut (joined to that row's cells).  False when they are neither."""
    k = 0
    while k < len(head) and k < len(carried.head) and _signature(region, head[k]) == carried.head[k]:
        k += 1
    rest = head[k:]
    if not rest:
        return True
    cells = {c: blocks for c, _, blocks in carried.last}
    texts = {lane: _text(region, rest, lane, 0.0, 0.0)[0] for lane in range(len(region.lanes))}
    if any(t and lane not in cells for lane, t in texts.items()):
        return False
    row = carried.next_row - 1
    for lane, text in texts.items():
        if not text:
            continue
        if cells[lane]:
            end = cells[lane][-1]
            # a dashed line is an item when the cell is a dashed list; else the page break cut a name at its dash
            # ("Sở Lao động" | "- Thương binh và Xã hội"), or a date ("Trước ngày 15/11/20" | "25")
            items = text.startswith(_DASHES) and end.text.startswith(_DASHES)
            joint = "\n" if items else "" if _NUMBER_CUT.search(end.text) and text[0].isdigit() else " "
            end.text += joint + text
        else:  # (the cell was empty on the page before)
            block = Block(text=text, kind="cell", page=carried.table.page, table=carried.number, row=row, col=lane)
            cells[lane].append(block)
            carried.table.blocks.append(block)
    return True


def _read(page: PageText, region: _Region, number: int, row0: int, carried: _Open | None) -> _Open | None:
    """The region's rows as a table of cell blocks (the table left open at its last row), or None when the region
    is no table read with confidence."""
    found = _rows(page, region, carried)
    if found is None:
        return None
    starts, head, numbered = found
    if carried is not None and not _go_on(region, head, carried):
        return None
    rows: list[list[tuple]] = []
    row = row0
    if carried is None:
        rows.append(_cells(page, region, head, number, row))
        row += 1
    for n, s in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(region.lines)
        rows.append(_cells(page, region, list(range(s, stop)), number, row))
        row += 1
    blocks = [b for b in order_table(rows, len(region.lanes), number) if b.text]
    for b in blocks:
        b.page = page.number
    table = PdfTable(page.number, page.height - page.lines[region.lines[0]].y1, blocks)
    if carried is not None and not rows:
        return _Open(carried.lanes, number, row, carried.head, carried.last, carried.table, numbered)
    head_out = carried.head if carried is not None else [_signature(region, i) for i in head]
    return _Open(region.lanes, number, row, head_out, rows[-1], table, numbered)


def aligned_tables(pages: list[PageText], start: int = 0) -> list[PdfTable]:
    """Each unruled data table of the pages (text layer or OCR'd) as cell blocks (numbered from ``start``); its lines are
    taken off the pages."""
    out: list[PdfTable] = []
    number = start
    carried: _Open | None = None
    for page in pages:
        if not page.lines:
            carried = None
            continue
        printed = page.lines
        if page.ocr:  # (read without tesseract's specks; the lines left to the page are the ones it read)
            page.lines = [_unspecked(line) for line in printed]
        open_now: _Open | None = None
        taken: set[int] = set()
        k = 0
        while k < len(page.lines):
            got = None
            if carried is not None and k <= _EDGE_LINES and not taken and not _FOLIO.fullmatch(line_plain_text(page.lines[k])):
                region = _grow(page, k, [list(x) for x in carried.lanes])
                got = _read(page, region, carried.number, carried.next_row, carried) if region.lines else None
            if got is None and (lanes := _start(page, k)) is not None:
                region = _grow(page, k, lanes)
                got = _read(page, region, number, 0, None) if len(region.lines) >= 3 else None
                number += got is not None
            if got is None:
                k += 1
                continue
            if not any(t is got.table for t in out):  # (a page that only ended the cut row adds no table)
                out.append(got.table)
            open_now = got
            taken.update(region.lines)
            k = region.lines[-1] + 1
        if open_now is not None and taken:
            below = len(page.lines) - max(taken) - 1  # the lines left under the table on this page
            carried = open_now if below <= _EDGE_LINES else None
        else:
            carried = None
        page.lines = printed
        if taken:
            printed[:] = [line for i, line in enumerate(printed) if i not in taken]
    return out


_SPECKS = ("_", "|")  # what tesseract reads of a speck or a shadow between an unruled table's columns: no word
_DASH_SPECKS = ("—", "–", "-", "_")  # …and read after a row number, in the gutter before its content (``2 — Tổng hợp``)


def _unspecked(line: Line) -> Line:
    """An OCR'd line without its speck words (``2 _ Tham mưu``, ``2 — Tổng hợp``: the mark would join the row
    number to its content across the gutter; a dash is a speck only right after a row number opening the line)."""
    chars = [c for k, c in enumerate(line.chars) if c[4] not in _SPECKS
             and not (k == 1 and c[4] in _DASH_SPECKS and _label(line.chars[0][4]))]
    return line if len(chars) == len(line.chars) or not chars else Line(chars, line.y0, line.y1, line.h)
