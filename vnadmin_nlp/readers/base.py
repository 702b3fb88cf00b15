"""The one interface every format reader implements, and the intermediate representation it returns.

A reader turns the bytes of a file into a :class:`RawDocument`: an ordered list of :class:`Block` objects
(a paragraph, a table cell, a header line…) that remember where they were on the page.  The pipeline joins the
blocks into one plain text, so every field extracted later can be traced back to its block (page, table cell,
paragraph) through the character offsets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar


@dataclass
class Block:
    """One unit of text as the reader found it.

    ``kind`` says what the unit was: ``paragraph``, ``cell`` (a table cell), ``line`` (a text line of a PDF),
    ``footnote``, ``textbox``, ``stamp`` (a digital-signature stamp kept apart from the body).
    """

    text: str
    kind: str = "paragraph"
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    confidence: float | None = None  # OCR: mean word confidence in 0..100
    style: dict[str, Any] | None = None  # bold, italic, alignment, font… where known


@dataclass
class ReaderWarning:
    """A reader's note about the file, passed on as a parse warning."""

    code: str
    message: str


@dataclass
class RawDocument:
    """What a reader returns: the blocks in reading order plus facts about the source."""

    blocks: list[Block]
    format: str  # txt, md, docx, pdf, doc, rtf, html, image
    encoding: str | None = None  # utf-8, utf-16, cp1258, tcvn3, vni…
    pages: int | None = None
    ocr: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)  # e.g. {"signatures": [...], "language": "en"}
    warnings: list[ReaderWarning] = field(default_factory=list)
    sha256: str | None = None  # of the bytes read (read_file sets it: the hash is of exactly what was parsed)

    BLOCK_SEPARATOR: ClassVar[str] = "\n"

    def joined(self) -> tuple[str, list[int]]:
        """The blocks' text joined by newlines, and the start offset of each block in that text."""
        starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for block in self.blocks:
            starts.append(pos)
            parts.append(block.text)
            pos += len(block.text) + len(self.BLOCK_SEPARATOR)
        return self.BLOCK_SEPARATOR.join(parts), starts


class ReaderError(Exception):
    """A file could not be read.  Always names the file and what is wrong with it."""

    code: ClassVar[str] = "read_error"

    def __init__(self, path: str | Path | None, message: str, *, stage: str = "read") -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        self.stage = stage
        super().__init__(f"{self.path or '<input>'}: {message}")

    def name_file(self, path: str | Path) -> None:
        """Name the file when the error was raised where only its bytes were known (a limit deep in a reader)."""
        if self.path is None:
            self.path = str(path)
            self.args = (f"{self.path}: {self.message}",)


class UnsupportedFormat(ReaderError):
    code = "unsupported_format"


class CorruptFile(ReaderError):
    code = "corrupt_file"


class EncryptedFile(ReaderError):
    code = "encrypted_file"


class MissingDependency(ReaderError):
    """An optional tool or package is needed for this file; the message names what to install."""

    code = "missing_dependency"

    def __init__(self, path: str | Path | None, what: str, install: str) -> None:
        self.what = what
        self.install = install
        super().__init__(path, f"reading this file needs {what}; install it with: {install}", stage="read")


class Reader:
    """Base class of a format reader.

    Subclasses set ``name`` and ``extensions`` and implement :meth:`sniff` (does this content look like my
    format?) and :meth:`read`.  ``parse_file`` asks every registered reader to sniff the first bytes, so that a
    file is read by its content, not only by its extension.
    """

    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()

    def sniff(self, head: bytes, path: Path) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def read(self, path: Path, data: bytes) -> RawDocument:  # pragma: no cover - interface
        raise NotImplementedError

