"""Words of the documents that steer the layout: column anchors and page numbers (``data/patterns.yaml``,
section ``layout``, with their examples)."""
from __future__ import annotations

from ...lexicon.named_patterns import compile_section

_LAYOUT = compile_section("layout")
# Lines that open a two-column block (header: issuer | Quốc hiệu; closing: Nơi nhận | signing authority).
COLUMN_ANCHOR_LEFT = _LAYOUT.column_anchor_left
COLUMN_ANCHOR_RIGHT = _LAYOUT.column_anchor_right
PAGE_NUMBER = _LAYOUT.page_number
DOCUMENT_HEAD = _LAYOUT.document_head  # never a running header, even when an enclosed draft repeats it
