"""Readers: one module per input format, all returning a :class:`~vnadmin_nlp.readers.base.RawDocument`.

Readers are registered by name and imported lazily, so that a missing optional dependency of one format
(tesseract for scans, LibreOffice for .doc) never stops the others from working.
"""
from __future__ import annotations

import functools
import importlib
from pathlib import Path

from . import limits
from .base import (
    Block,
    CorruptFile,
    EncryptedFile,
    MissingDependency,
    RawDocument,
    Reader,
    ReaderError,
    ReaderWarning,
    UnsupportedFormat,
)

# name -> "module:Class"; order matters: the first reader whose sniff() accepts the content reads the file.
READERS: dict[str, str] = {
    "pdf": "vnadmin_nlp.readers.pdf:PdfReader",
    "docx": "vnadmin_nlp.readers.docx:DocxReader",
    "doc": "vnadmin_nlp.readers.doc:DocReader",
    "rtf": "vnadmin_nlp.readers.rtf:RtfReader",
    "html": "vnadmin_nlp.readers.html:HtmlReader",
    "image": "vnadmin_nlp.readers.image:ImageReader",
    "markdown": "vnadmin_nlp.readers.markdown:MarkdownReader",  # .md/.markdown, or Markdown structure; never .txt
    "text": "vnadmin_nlp.readers.text:TextReader",  # last: accepts any text
}

SNIFF_BYTES = 8192


def register_reader(name: str, target: str, *, first: bool = False) -> None:
    """Add a reader (``"package.module:Class"``); ``first=True`` lets it sniff before the built-in ones."""
    global READERS
    if first:
        READERS = {name: target, **{k: v for k, v in READERS.items() if k != name}}
    else:
        READERS[name] = target


def get_reader(name: str) -> Reader | None:
    """The reader registered under ``name``, or None when its module is not there (a later issue adds it)."""
    return _load_reader(READERS[name])


@functools.lru_cache(maxsize=None)
def _load_reader(target: str) -> Reader | None:
    """One instance per ``"module:Class"``, made once (readers keep no state between files): every file asks."""
    module_name, _, class_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, class_name)()


def pick_reader(path: Path, head: bytes) -> Reader:
    """The reader for this content: sniffing first, the extension only as a tie-breaker."""
    readers = [r for r in (get_reader(n) for n in READERS) if r is not None]
    suffix = path.suffix.lower().lstrip(".")
    for reader in sorted(readers, key=lambda r: suffix not in r.extensions):
        if reader.sniff(head, path):
            return reader
    raise UnsupportedFormat(path, f"no reader recognises this content (extension .{suffix or '?'})")


def read_file(path: str | Path) -> RawDocument:
    """Read any supported file into blocks.  Raises a :class:`ReaderError` naming the file on failure."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if limits.exceeds("max_file_bytes", size):
            raise limits.LimitExceeded(path, "max_file_bytes", size, "the file's size in bytes")
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReaderError(path, "is a directory, not a file") from None
    except FileNotFoundError:
        raise ReaderError(path, "file not found") from None
    except PermissionError:
        raise ReaderError(path, "permission denied") from None
    except OSError as exc:
        raise ReaderError(path, f"cannot be read: {exc.strerror or exc}") from None
    reader = pick_reader(path, data[:SNIFF_BYTES])
    try:
        raw = reader.read(path, data)
        chars = sum(len(b.text) for b in raw.blocks)
        if limits.exceeds("max_text_chars", chars):  # bounds what the pipeline is then given
            raise limits.LimitExceeded(path, "max_text_chars", chars, "the characters of text the file yields")
        import hashlib  # here: the package's import does not need it

        raw.sha256 = hashlib.sha256(data).hexdigest()
        return raw
    except ReaderError as exc:
        exc.name_file(path)
        raise
    except RecursionError:  # a reader that recursed over a tree deeper than its own depth bound
        raise limits.LimitExceeded(path, "max_nesting", "over the interpreter's recursion limit",
                                   "the nesting of the document") from None
    except Exception as exc:  # a reader bug or a hostile file: never a bare traceback to the user
        raise CorruptFile(path, f"{reader.name} reader failed: {type(exc).__name__}: {exc}") from exc


__all__ = [
    "Block",
    "CorruptFile",
    "EncryptedFile",
    "MissingDependency",
    "RawDocument",
    "Reader",
    "ReaderError",
    "ReaderWarning",
    "UnsupportedFormat",
    "READERS",
    "register_reader",
    "get_reader",
    "pick_reader",
    "read_file",
]
