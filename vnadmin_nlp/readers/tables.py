"""Reading order of a table, shared by the DOCX and HTML readers (both build the same rows of cells).

A header or signature *layout* table (issuer | Quốc hiệu, Nơi nhận | signer) is read column by column, so the
whole issuer column comes before the whole Quốc hiệu column; a data table is read row by row, one block per
cell.
"""
from __future__ import annotations

import re

from .base import Block
from .split_number import join_split_number_cells

CellBlocks = tuple  # (grid column, column span, blocks of the cell)

# Text of a small table that marks it as a page-layout table (header block, signature block) rather than data.
LAYOUT_TABLE_CUES = re.compile(
    r"CỘNG\s+H[OÒ][ÀA]\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]|^\s*Số\s*[:.]|Nơi\s+nhận|Kính\s+gửi"
    r"|^\s*(TM|KT|TL|TUQ|Q|UQ)\s*\.\s*\S|ngày\s*\S*\s*tháng",
    re.MULTILINE | re.IGNORECASE,
)


def order_table(rows: list[list[CellBlocks]], n_cols: int, table: int) -> list[Block]:
    """The blocks of one table in reading order: a layout table by column, a data table by row.

    Rows are lists of (grid column, column span, blocks of the cell), from w:tc or <td> elements.
    """
    n_cols = max([n_cols] + [c + s for cells in rows for c, s, _ in cells])
    for cells in rows:
        join_split_number_cells(cells)
    if is_layout_table(rows, n_cols):
        return blocks_by_column(rows, n_cols)
    out: list[Block] = []
    for cells in rows:
        for _col, _span, blocks in cells:
            out.extend(_merge_cell(blocks, table))
    return out


def is_layout_table(rows: list[list[CellBlocks]], n_cols: int) -> bool:
    """A header or signature table (or a one-row box): a few rows, at most three columns with text, and
    header/signature wording when there is more than one row."""
    starts = {c for cells in rows for c, _, blocks in cells if blocks}
    if len(starts) > 3 or n_cols > 6:
        return False
    if len(rows) == 1:
        return True
    if len(rows) > 4:
        return False
    text = "\n".join(b.text for cells in rows for _, _, blocks in cells for b in blocks[:4])
    return bool(LAYOUT_TABLE_CUES.search(text))


def blocks_by_column(rows: list[list[CellBlocks]], n_cols: int) -> list[Block]:
    """Column by column; a row that is one cell across the table ends the band of rows above it."""
    out: list[Block] = []
    band: list[list[CellBlocks]] = []

    def flush() -> None:
        for col in sorted({c for cells in band for c, _, _ in cells}):
            for cells in band:
                for c, _, blocks in cells:
                    if c == col:
                        out.extend(blocks)
        band.clear()

    for cells in rows:
        if len(cells) == 1 and cells[0][1] >= n_cols:
            flush()
            out.extend(cells[0][2])
        else:
            band.append(cells)
    flush()
    return out


def _merge_cell(blocks: list[Block], table: int) -> list[Block]:
    """One block per data-table cell: the cell's own paragraphs joined by newlines (nested content kept)."""
    own = [b for b in blocks if b.kind == "cell" and b.table == table]
    if len(own) <= 1:
        return blocks
    first = own[0]
    styles = [b.style or {} for b in own]
    hints = {k: True for k in ("bold", "italic") if all(s.get(k) for s in styles)}
    merged = Block(text="\n".join(b.text for b in own), kind="cell", table=first.table, row=first.row,
                   col=first.col, style=hints or None)
    result: list[Block] = []
    placed = False
    for b in blocks:
        if b.kind == "cell" and b.table == table:
            if not placed:
                result.append(merged)
                placed = True
        else:
            result.append(b)
    return result
