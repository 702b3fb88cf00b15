"""Text drawn in legacy TCVN3/VNI fonts, converted to Unicode per font once the whole document is laid out.

Why per font and not per page: a page can mix a ".VnTime" heading with Unicode body text, and a font with a
legacy name can carry a proper ToUnicode map (hienphap2013_congbao.pdf); only the font's own glyphs tell.
"""
from __future__ import annotations

from ..base import Block, ReaderWarning
from .records import Part
from .text import LEGACY_GLYPHS, clean_text


def convert_legacy(
    items: list[tuple[Block, Part]], unicode_fonts: set[str], warnings: list[ReaderWarning]
) -> str | None:
    """Convert text drawn in TCVN3/VNI fonts, and only that text, to Unicode; returns the encoding found.

    The decision is per font: a ".Vn…"/"VNI-…" font is converted unless it was seen producing Unicode-only
    Vietnamese letters anywhere in the document.  Spans in capital-only fonts (.VnTimeH…) are upper-cased.
    """
    if not items:
        return None
    for block, part in items:
        block.text = part.text
    try:
        from .. import encodings  # written alongside the readers
    except ImportError:
        encodings = None  # type: ignore[assignment]
    convert = getattr(encodings, "convert_run", None)
    font_encoding = getattr(encodings, "font_encoding", None)
    if convert is None or font_encoding is None:
        warnings.append(ReaderWarning("legacy_font_unconverted", "text in TCVN3/VNI fonts was left unconverted"))
        for block, _part in items:
            block.text = clean_text(block.text)
        return None
    used: dict[str, int] = {}
    for block, part in items:
        text, out, pos = part.text, [], 0
        for a, b, (font, caps) in part.legacy:
            encoding = None if font in unicode_fonts else font_encoding(font)[0]
            if encoding is None:
                continue
            piece = "".join(LEGACY_GLYPHS.get(ch, ch) for ch in text[a:b])
            out.append(text[pos:a])
            out.append(convert(piece, encoding, upper=caps))
            pos = b
            used[encoding] = used.get(encoding, 0) + (b - a)
        out.append(text[pos:])
        block.text = clean_text("".join(out))
    return max(used, key=used.__getitem__) if used else None
