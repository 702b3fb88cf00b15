"""Plain text and Markdown (.txt, .md): decode the bytes, keep the text as one block."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from .base import Block, RawDocument, Reader, ReaderWarning

# Control characters are single bytes in UTF-8: counted on the bytes (a class scan over str is slow in re).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, str, list[ReaderWarning]]:
    """Decode text bytes: BOM, then UTF-8, then the legacy Vietnamese encodings, then cp1258.

    Returns the text, the name of the encoding, and warnings.  Never raises: undecodable bytes are replaced
    and a warning says so.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), name, []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        legacy = _legacy_fix(text)
        return legacy if legacy else (text, "utf-8", [])
    legacy = _legacy_decode(data)
    if legacy:
        return legacy
    return (
        data.decode("cp1258", errors="replace"),
        "cp1258",
        [ReaderWarning("encoding_guess", "not UTF-8; decoded as Windows-1258")],
    )


def _legacy_decode(data: bytes) -> tuple[str, str, list[ReaderWarning]] | None:
    """Bytes in TCVN3 (ABC) or VNI, when the legacy-encoding module is present and detects one."""
    try:
        from . import encodings
    except ImportError:
        return None
    found = encodings.decode_legacy_bytes(data)
    return (found[0], found[1], []) if found else None


def _legacy_fix(text: str) -> tuple[str, str, list[ReaderWarning]] | None:
    """Text that decoded but is really TCVN3/VNI shown through a Western code page (mojibake)."""
    try:
        from . import encodings
    except ImportError:
        return None
    found = encodings.fix_legacy_text(text)
    return (found[0], found[1], []) if found else None


class TextReader(Reader):
    name = "text"
    extensions = ("txt", "md", "markdown", "text")

    def sniff(self, head: bytes, path: Path) -> bool:
        if any(head.startswith(bom) for bom, _, _ in _BOMS):
            return True
        if b"\x00" in head:
            return False
        sample = head.decode("utf-8", errors="ignore")
        if not head:
            return True
        control = len(_CONTROL.findall(head))
        return control <= 0.05 * max(len(sample), 1)

    def read(self, path: Path, data: bytes) -> RawDocument:
        text, encoding, warnings = decode_text(data)
        fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
        return RawDocument(blocks=[Block(text=text)], format=fmt, encoding=encoding, warnings=warnings)
