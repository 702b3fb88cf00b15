"""Where a reader's blocks stand in the normalised text: the extractors' table cells (``ctx.cells``), the
document's block provenance, and the OCR'd fields read from a line holding a low-confidence word.
"""
from __future__ import annotations

from bisect import bisect_left

from ..model import Block, Document, ParseWarning
from ..normalize import NormalizedText
from ..readers.base import Block as RawBlock
from .base import Cell

OCR_FIELD_CONFIDENCE = 60.0  # word confidence (0–100) under which an OCR'd field is flagged


def low_confidence_fields(doc: Document, blocks: list[Block], raw_blocks: list[RawBlock]) -> list[ParseWarning]:
    """The header fields read from OCR lines holding a low-confidence word: check them against the scan."""
    word_min = [
        min((b.style or {}).get("ocr_word_confidences") or [b.confidence]) if b.confidence is not None else None
        for b in raw_blocks
    ]
    spans: dict[str, tuple[int, int]] = dict(doc.spans)
    for name in ("number", "issuer", "doc_type"):
        value = getattr(doc, name)
        if value is not None and value.span is not None:
            spans[name] = value.span
    for i, s in enumerate(doc.signers):
        if s.span is not None:
            spans[f"signers[{i}]"] = s.span
    out = []
    for name, (start, end) in spans.items():
        confs = [c for b, c in zip(blocks, word_min) if c is not None and b.span[0] < end and start < b.span[1]]
        if confs and min(confs) < OCR_FIELD_CONFIDENCE:
            out.append(
                ParseWarning(code="ocr_low_confidence_field", message=f"{name}: OCR confidence {min(confs):.0f}/100", span=(start, end))
            )
    return out


def raw_cells(blocks: list[RawBlock], starts: list[int]) -> list[tuple[int, int, int, int, int]]:
    """The table cells of a reader's blocks as (start, end, table, row, col) in the joined text; the paragraphs
    of one cell are one cell."""
    out: list[tuple[int, int, int, int, int]] = []
    for block, s in zip(blocks, starts):
        if block.table is None or block.row is None or block.col is None:
            continue
        if out and out[-1][2:] == (block.table, block.row, block.col):
            out[-1] = (out[-1][0], s + len(block.text), *out[-1][2:])
        else:
            out.append((s, s + len(block.text), block.table, block.row, block.col))
    return out


def normalised_cells(raw_cells: list[tuple[int, int, int, int, int]], norm: NormalizedText) -> list[Cell]:
    """The cells in the normalised text's offsets (normalisation moves and removes characters)."""
    positions = range(len(norm.text) + 1)
    out = []
    for s, e, table, row, col in raw_cells:
        ns = bisect_left(positions, s, key=norm.to_raw)
        ne = bisect_left(positions, e, key=norm.to_raw)
        out.append(Cell(span=(ns, max(ns, ne)), table=table, row=row, col=col))
    return out


def block_provenance(blocks: list[RawBlock], starts: list[int], norm: NormalizedText) -> list[Block]:
    """Each reader block's span in the normalised text: where its page, table cell or paragraph now stands."""
    positions = range(len(norm.text) + 1)
    out = []
    for block, s in zip(blocks, starts):
        ns = bisect_left(positions, s, key=norm.to_raw)
        ne = bisect_left(positions, s + len(block.text), key=norm.to_raw)
        out.append(
            Block(
                span=(ns, ne),
                kind=block.kind,
                page=block.page,
                table=block.table,
                row=block.row,
                col=block.col,
                confidence=block.confidence,
            )
        )
    return out
