"""The document number split over two blocks ("Số:" | "249/2025/NĐ-CP"), put back on one line.

Word and HTML headers often type the label and the number in separate paragraphs or cells; the field
extractors expect them together.  Used by the DOCX and HTML readers and by the shared table ordering.
"""
from __future__ import annotations

import re

from .base import Block

SPLIT_NUMBER_LABEL = re.compile(r"^\s*Số\s*(?:ký\s*hiệu|hiệu)?\s*[:.]?\s*$", re.IGNORECASE)
SPLIT_NUMBER_VALUE = re.compile(r"^\s*(?:[\d.…_ ]*/|\d+\s*$|[\d.…_]+\s*[A-ZĐ]{1,}[-/])")


def join_split_number(blocks: list[Block]) -> list[Block]:
    """Put a "Số:" line back together with the number written in the next block ("249/2025/NĐ-CP")."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (prev is not None and SPLIT_NUMBER_LABEL.match(prev.text) and SPLIT_NUMBER_VALUE.match(block.text)
                and prev.table == block.table and prev.kind == block.kind):
            prev.text = prev.text.rstrip() + " " + block.text.strip()
            continue
        out.append(block)
    return out


def join_split_number_cells(cells: list[tuple[int, int, list[Block]]]) -> None:
    """Same, across two cells of a row ((column, span, blocks) each): "Số:" alone in one cell, the number in
    the next."""
    for i in range(len(cells) - 1):
        left, right = cells[i][2], cells[i + 1][2]
        if left and right and SPLIT_NUMBER_LABEL.match(left[-1].text) and SPLIT_NUMBER_VALUE.match(right[0].text):
            left[-1].text = left[-1].text.rstrip() + " " + right.pop(0).text.strip()
    for k, (col, span, blocks) in enumerate(cells):
        if len(blocks) > 1:
            cells[k] = (col, span, join_split_number(blocks))
