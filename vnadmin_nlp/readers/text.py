"""Plain text and Markdown (.txt, .md): decode the bytes; the text stays one block unless it sets its header or
closing in columns or draws tables with box characters (see :mod:`.text_columns`)."""
from __future__ import annotations

import re
from pathlib import Path

from .base import Block, RawDocument, Reader
from .decoding import BOMS, decode_text, utf16_without_bom
from .text_columns import column_blocks

# What a text browser prints for markup (lynx, w3m -dump): "[]" for an image without a text, "[DEL: … :DEL]",
# "[S: … :S]" and "[INS: … :INS]" around struck and inserted text, "^" before a superscript (alone: an empty one).  Struck spaces are the rule under a header's name: a rule.
_IMAGE_MARK = re.compile(r"(?<!\S)\[\](?!\S)")
# …and "[alt]" for an image with a text, alone on its line: a file's or an editor's name for it ("[blobid0_20]",
# "[image002.png]", "[Screenshot]"): ASCII, no space, a lower-case letter; never Vietnamese words nor a code
_IMAGE_ALT = re.compile(r"^[ \t\u00a0]*\[(?=[^\]\n]*[a-z])[A-Za-z][A-Za-z0-9_.-]*\][ \t\u00a0]*$", re.MULTILINE)
_STRUCK_SPACES = re.compile(r"\[(DEL|S):(\s*):\1\]")
_EMPTY_SUP = re.compile(r"(?<=\w)\^(?=[ \t]*$|[ \t])", re.MULTILINE)  # "CHÍNH PHỦ^": an empty <sup>
_GONE = "\x00"  # what struck spaces over a line break leave: nothing, and no blank line where they stood
_GONE_LINE = re.compile(r"^[ \t]*\x00[ \t]*\n", re.MULTILINE)
_EDIT_MARK = re.compile(r"\[(?:DEL|INS|S):[ \t]?|[ \t]?:(?:DEL|INS|S)\]")
# "^" glued to a word, before the superscript's text or a punctuation ("BQP^67;", "Chính phủ^,"): the mark goes,
# the text stays as the page has it ("BQP67"), once the columns are found (the mark keeps a column's width)
_SUP_MARK = re.compile(r"(?<=\S)\^(?!\^)")


def _struck_spaces(m: re.Match[str]) -> str:
    """Struck spaces on one line are a rule; over a line break (the rule's cell wrapped) nothing, and the line
    they stood on goes when nothing else is on it."""
    whole = m.group()
    return "-" * len(whole) if "\n" not in whole else _GONE


def browser_marks(text: str) -> str:
    """The text without a text browser's marks for images and edits; columns keep their places (same lengths)."""
    if "^" in text:
        text = _EMPTY_SUP.sub(" ", text)
    if "[" not in text:
        return text
    text = _IMAGE_MARK.sub(lambda m: " " * len(m.group()), text)
    text = _IMAGE_ALT.sub(lambda m: " " * len(m.group()), text)
    text = _STRUCK_SPACES.sub(_struck_spaces, text)
    if _GONE in text:
        text = _GONE_LINE.sub("", text).replace(_GONE, "")
    return _EDIT_MARK.sub("", text)


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
        blocks = column_blocks(browser_marks(text))
        if "^" in text:
            for b in blocks:
                b.text = _SUP_MARK.sub("", b.text)
        return RawDocument(blocks=blocks, format=fmt, encoding=encoding, warnings=warnings)
