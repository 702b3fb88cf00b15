"""Text bytes of unknown encoding to str: BOM, UTF-8, the legacy Vietnamese encodings (TCVN3, VNI), cp1258.

Shared by the plain-text reader and the HTML reader (for a page that is not UTF-8 and declares no charset).
"""
from __future__ import annotations

import codecs

from .base import ReaderWarning

BOMS = (
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
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), name, []
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, []
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


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when the bytes are UTF-16 text written without a byte-order mark (as
    some Windows tools save), else None.

    UTF-16 text has a NUL in the high byte of every ASCII character (spaces, digits, most Latin letters) and
    almost never in the low byte; the sample must then decode strictly, with no control characters but white
    space.  UTF-8 and the legacy 8-bit encodings have no NUL at all.
    """
    sample = data[: min(len(data), 1 << 16) & ~1]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        codec = "utf-16-le"
    elif even >= 0.3 * half and odd <= 0.02 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = codecs.getincrementaldecoder(codec)("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\v")
    return codec if controls <= 0.01 * max(len(text), 1) else None


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
