"""A document read for the header model: the rules' parse, its page and zones, and the units of its windows."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Document
from ..pipeline import parse_raw, parse_text
from ..readers import read_file
from ..zoning import Layout, Page, zone
from .units import BlockLayout, Unit, units


@dataclass
class Analysis:
    doc: Document  # what the rules read
    page: Page
    layout: Layout  # the rules' zones
    header: list[Unit]
    closing: list[Unit]
    metadata: dict[str, Any] = field(default_factory=dict)  # what the reader knew (a web page's attributes)


def analyse_file(path: str | Path, **kw: Any) -> Analysis:
    """Read and parse ``path`` in this process (no limits: the caller's), keeping the reader's layout."""
    raw = read_file(Path(path))
    keep = kw.pop("with_blocks", False)
    doc = parse_raw(raw, path=str(path), sha256=raw.sha256, with_blocks=True, **kw)
    blocks = None
    if doc.blocks is not None and len(doc.blocks) == len(raw.blocks):
        blocks = BlockLayout.of(
            [b.span for b in doc.blocks],
            [rb.style for rb in raw.blocks],
            [b.col if b.table is not None else None for b in doc.blocks],
        )
    if not keep:
        doc.blocks = None
    return _analysis(doc, blocks, raw.metadata or {})


def analyse_text(text: str, **kw: Any) -> Analysis:
    return _analysis(parse_text(text, **kw), None, {})


def _analysis(doc: Document, blocks: BlockLayout | None, metadata: dict[str, Any]) -> Analysis:
    page = Page(doc.text or "")
    layout = zone(page)
    header, closing = units(page, layout, blocks)
    return Analysis(doc, page, layout, header, closing, metadata)
