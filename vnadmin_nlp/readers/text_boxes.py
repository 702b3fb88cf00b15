"""Tables drawn with box characters in a plain text copy (w3m and lynx: ``┌─┬─┐ │ … │``), read as cells.

Shared with :mod:`.text_columns`, which finds the space-padded column blocks: the display column of each
character (combining marks take none) and the unwrapping of a column's lines.
"""
from __future__ import annotations

import re
import unicodedata

from .base import Block
from .lines import cell_join
from .tables import order_table

BOX_CHARS = re.compile(r"[\u2500-\u257f]")
_BAR = frozenset("│┃║╎╏┆┇┊┋")
_EDGES = _BAR | frozenset("├┤┼┝┥┿╟╢╫╠╣╬")  # "├┤KT. BỘ TRƯỞNG │": w3m writes a cell's line on its row's rule
_RULE = re.compile(r"^[\s\u2500-\u257f+\-=|]*$")


def cols(line: str) -> list[int]:
    """Display column of each character (combining marks take no column)."""
    out, x = [], 0
    for ch in line:
        out.append(x)
        if not unicodedata.combining(ch):
            x += 1
    return out


def unwrap(lines: list[str], width: int | None = None) -> list[str]:
    """The non-blank lines of one column, a line the converter wrapped at the column's width joined back
    (:func:`~vnadmin_nlp.readers.lines.cell_join`: a line was wrapped when, among others, the next line's first
    word would not have fitted after it within the column's width: ``width``, else the widest line's)."""
    kept = [t for t in lines if t]
    width = width or max((len(t) for t in kept), default=0)
    out: list[str] = []
    last = ""  # the last line as the converter set it (out[-1] may hold several)
    for t in kept:
        if out:
            joiner = cell_join(last, t, len(last) + 1 + len(t.split()[0]) <= width)
            if joiner is not None:
                out[-1] = f"{out[-1]}{joiner}{t}"
                last = t
                continue
        out.append(t)
        last = t
    return out


def box_regions(lines: list[str]) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s and s[0] in "┌╔┏" and BOX_CHARS.search(s):
            j = i + 1
            while j < len(lines) and lines[j].strip() and lines[j].strip()[0] in "│┃║├┝╠┣└╚┗┌":
                j += 1
                if lines[j - 1].strip()[0] in "└╚┗":
                    break
            regions.append((i, j))
            i = j
        else:
            i += 1
    return regions


def box_blocks(lines: list[str], table: int) -> list[Block]:
    bars = sorted({x for ln in lines for ch, x in zip(ln, cols(ln)) if ch in _BAR or ch in "┼┬┴├┤┌┐└┘"})
    rows: list[list[tuple[int, int, list[Block]]]] = []
    cells: dict[int, tuple[int, int, list[Block]]] = {}
    # each cell's lines ("" between paragraphs) and width: a line w3m wrapped at the cell's width is joined back
    # ("│Trần Quốc     │" over "│Phương        │")
    texts: dict[int, tuple[int, list[str]]] = {}

    def flush() -> None:
        for col, (width, cell_lines) in texts.items():
            for para in "\n".join(cell_lines).split("\n\n"):
                for t in unwrap(para.split("\n"), width):
                    cells[col][2].append(Block(text=t, kind="cell", table=table, row=len(rows), col=col))
        texts.clear()
        if cells:
            rows.append([cells[c] for c in sorted(cells)])
            cells.clear()

    for ln in lines:
        if _RULE.match(ln) and not any(ch in _BAR for ch in ln):
            flush()
            continue
        xs = cols(ln)
        pieces, start = [], None
        for k, ch in enumerate(ln + "│"):
            if ch in _EDGES or k == len(ln):
                if start is not None:
                    pieces.append((start, k))
                start = k + 1
        for a, b in pieces:
            if a >= len(ln):
                continue
            x0 = xs[a]
            x1 = xs[b - 1] + 1 if b > a else x0
            col = sum(1 for x in bars if x < x0) - 1
            span = 1 + sum(1 for x in bars if x0 <= x < x1)
            text = BOX_CHARS.sub(" ", ln[a:b]).strip()
            cells.setdefault(col, (col, span, []))
            texts.setdefault(col, (x1 - x0, []))[1].append(text)
    flush()
    n_cols = max([c + s for r in rows for c, s, _ in r] + [1])
    return order_table(rows, n_cols, table)
