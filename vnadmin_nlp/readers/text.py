"""Plain text and Markdown (.txt, .md): decode the bytes; the text stays one block unless it sets its header or
closing in columns or draws tables with box characters (see :mod:`.text_columns`)."""
from __future__ import annotations

import re
from pathlib import Path

from .base import Block, RawDocument, Reader
from .decoding import BOMS, decode_text, utf16_without_bom
from .text_columns import column_blocks

# Control characters are single bytes in UTF-8: counted on the bytes (a class scan over str is slow in re).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class TextReader(Reader):
    name = "text"
    extensions = ("txt", "md", "markdown", "text")

    def sniff(self, head: bytes, path: Path) -> bool:
        if any(head.startswith(bom) for bom, _, _ in BOMS):
            return True
        if b"\x00" in head:
            return utf16_without_bom(head) is not None
        sample = head.decode("utf-8", errors="ignore")
        if not head:
            return True
        control = len(_CONTROL.findall(head))
        return control <= 0.05 * max(len(sample), 1)

    def read(self, path: Path, data: bytes) -> RawDocument:
        text, encoding, warnings = decode_text(data)
        fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
        return RawDocument(blocks=column_blocks(text), format=fmt, encoding=encoding, warnings=warnings)
