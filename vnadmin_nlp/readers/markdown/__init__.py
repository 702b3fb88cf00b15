"""Markdown reader (.md, .markdown): the text a person sees, as blocks that point back into the file.

Legal text crawled from the big sites usually arrives as Markdown written by an HTML-to-Markdown converter
(html2text, markdownify, pandoc, site exporters).  Read as plain text, its emphasis marks, escapes and pipes
end up in the fields and its header table is one run of lines the zoning cannot split.  This reader parses the
file with a CommonMark/GFM parser (markdown-it-py) after a small pre-pass for what converters break
(:mod:`.prepass`: emphasis closed on a line of its own or after a space, tables without outer pipes whose rows
span lines, cells between lone ``|`` lines), and renders the tokens (:mod:`.render`): marks and escapes gone,
links and images as their text, HTML tags dropped (raw HTML tables read by the HTML reader's walker), list
markers kept, hard wraps joined, tables as ``cell`` blocks in the DOCX/HTML reading order.  Every block's
``style`` has ``source_lines`` (1-based, inclusive) and ``source_span`` (characters of those lines in the
decoded file).

``.txt`` files are never taken, whatever they contain: plain text with ``**`` in it is plain text.  A file
with another extension (or none) is taken when it has unmistakable Markdown structure (a pipe-table delimiter
row, ATX headings).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..base import Block, MissingDependency, RawDocument, Reader
from ..decoding import decode_text
from ..text import TextReader
from .prepass import Line, find_tables, repair_emphasis
from .render import Renderer

PLAIN_TEXT_EXTENSIONS = ("txt", "text")
_DELIMITER_ROW = re.compile(rb"^\s*\|?\s*:?-{3,}:?\s*\|\s*:?-{3,}", re.MULTILINE)
_ATX_HEADING = re.compile(rb"^#{1,6}[ \t]+\S", re.MULTILINE)
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html)", re.IGNORECASE)


def _markdown_it() -> Any:
    try:
        from markdown_it import MarkdownIt
    except ModuleNotFoundError as exc:
        raise MissingDependency(None, "the markdown-it-py package", "pip install 'markdown-it-py>=3,<5'") from exc
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Keep unmatched emphasis marks and escapes as separate tokens: the renderer drops the former only.
    md.disable(["text_join", "fragments_join"])
    return md


class MarkdownReader(Reader):
    name = "markdown"
    extensions = ("md", "markdown")

    def sniff(self, head: bytes, path: Path) -> bool:
        suffix = path.suffix.lower().lstrip(".")
        if suffix in PLAIN_TEXT_EXTENSIONS or _HTML_START.match(head) or not TextReader().sniff(head, path):
            return False
        if suffix in self.extensions:
            return True
        return bool(_DELIMITER_ROW.search(head)) or len(_ATX_HEADING.findall(head)) >= 2

    def read(self, path: Path, data: bytes) -> RawDocument:
        text, encoding, warnings = decode_text(data)
        try:
            md = _markdown_it()
        except MissingDependency as exc:
            raise MissingDependency(path, exc.what, exc.install) from None
        raw_lines = text.split("\n")
        starts = [0]
        for raw in raw_lines:
            starts.append(starts[-1] + len(raw) + 1)
        lines = repair_emphasis([Line(raw.rstrip("\r"), i) for i, raw in enumerate(raw_lines)])
        tables = find_tables(lines)
        renderer = Renderer(md, starts[:-1])
        blocks: list[Block] = []
        pos = 0
        for table in tables:
            renderer.chunk(lines[pos:table.start], blocks)
            renderer.table(table, blocks)
            pos = table.end
        renderer.chunk(lines[pos:], blocks)
        return RawDocument(blocks=blocks, format="md", encoding=encoding, warnings=warnings,
                           metadata={"tables": renderer.n_tables})
