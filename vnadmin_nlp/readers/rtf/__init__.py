"""RTF files (.rtf): a small RTF-to-blocks converter of our own that remembers the font of every run.

Why our own: Vietnamese RTF files from the 1990s–2000s carry TCVN3 text in ".VnTime" fonts and VNI text in
"VNI-Times" fonts.  The font is the only exact evidence of the encoding (and of the case: ".VnTimeH" draws
capitals from lowercase codes), and generic RTF-to-text tools throw the font away.

What is handled: the group stack; skipped destinations (\\fonttbl, \\colortbl, \\stylesheet, \\info, \\pict,
\\object, headers/footers, every \\*\\ destination…); \\par, \\line, \\tab, \\cell, \\row (cells become
``kind="cell"`` blocks with table/row/col); \\'xx escapes decoded with the font's \\fcharset or the
document's \\ansicpg; \\uN with \\ucN skipping; footnotes as ``kind="footnote"`` blocks at the end; hidden
text (\\v) dropped.  Text in a TCVN3/VNI font is converted per run by font name; other text falls back to
:func:`~vnadmin_nlp.readers.encodings.fix_legacy_text`.

Modules: ``parser`` (tokens, groups, destinations, paragraphs as runs), ``fonts`` (the font table), ``runs``
(runs to text); the line splitting shared with the .doc reader lives in :mod:`vnadmin_nlp.readers.lines`.
"""
from __future__ import annotations

from pathlib import Path

from .. import encodings as enc
from ..base import Block, CorruptFile, RawDocument, Reader, ReaderWarning
from ..lines import drop_soft_hyphens, split_layout_gaps
from .parser import Parser
from .runs import clean_text, paragraph_style, runs_text


class RtfReader(Reader):
    """Rich Text Format files, legacy Vietnamese fonts included."""

    name = "rtf"
    extensions = ("rtf",)

    def sniff(self, head: bytes, path: Path) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")

    def read(self, path: Path, data: bytes) -> RawDocument:
        body = data.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not body.startswith(b"{\\rtf"):
            raise CorruptFile(path, "not an RTF file (no {\\rtf header)")
        parser = Parser(body)
        parser.parse()
        counts: dict[str, int] = {}
        blocks: list[Block] = []
        for kind, runs, where in parser.blocks:
            text = clean_text(runs_text(runs, parser.fonts, counts))
            style = paragraph_style(runs, parser.fonts, where.get("align"))
            for line in text.split("\n"):
                for piece in (split_layout_gaps(line) if kind == "paragraph" else [line.strip()]):
                    if not piece:
                        continue
                    if kind == "cell":
                        blocks.append(Block(piece, kind="cell", table=where["table"], row=where["row"],
                                            col=where["col"], style=style))
                    else:
                        blocks.append(Block(piece, style=style))
        for runs in parser.footnotes:
            text = clean_text(runs_text(runs, parser.fonts, counts))
            for line in text.split("\n"):
                if line.strip():
                    blocks.append(Block(line.strip(), kind="footnote"))

        warnings: list[ReaderWarning] = []
        encoding = parser.ansi_codec
        if counts:
            encoding = max(counts, key=counts.__getitem__)
            used = sorted({f.name for f in parser.fonts.values() if f.encoding})
            warnings.append(ReaderWarning("legacy_encoding",
                                          f"converted {encoding.upper()} text to Unicode by font ({', '.join(used)})"))
        # Text in ordinary fonts may still be legacy bytes (fonts renamed or lost): score it word by word.
        if blocks:
            joined = "\n".join(b.text for b in blocks)
            fixed = enc.fix_legacy_text(joined)
            if fixed is not None and fixed[0] != joined:
                lines = fixed[0].split("\n")
                if len(lines) == len(blocks):
                    for block, line in zip(blocks, lines):
                        block.text = line
                    if not counts:
                        encoding = fixed[1]
                    warnings.append(ReaderWarning("legacy_encoding",
                                                  f"converted {fixed[1].upper()} text found outside legacy fonts"))
        blocks = drop_soft_hyphens(blocks)
        metadata = {"fonts": sorted({f.name for f in parser.fonts.values()})} if parser.fonts else {}
        return RawDocument(blocks=blocks, format="rtf", encoding=encoding, metadata=metadata, warnings=warnings)
