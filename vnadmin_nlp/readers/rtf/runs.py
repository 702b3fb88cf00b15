"""Text assembly: a paragraph's runs to text, converting runs in TCVN3/VNI fonts by their font (exact), and the
style hints (bold, font, alignment) the zoner reads."""
from __future__ import annotations

import unicodedata

from .. import encodings as enc
from .fonts import Font


def runs_text(runs: list[tuple[str, int | None, bool]], fonts: dict[int, Font], counts: dict[str, int]) -> str:
    """The text of a paragraph, converting runs in TCVN3/VNI fonts by their font (exact).

    ``counts`` gathers how many runs each legacy encoding converted (the document's encoding is the most used).
    """
    out: list[str] = []
    group: list[str] = []
    group_key: tuple[str | None, bool] = (None, False)

    def flush() -> None:
        if not group:
            return
        text = "".join(group)
        encoding, upper = group_key
        if encoding is not None and not text.isascii() and not enc.UNICODE_VIETNAMESE_LETTER.search(text):
            converted = enc.convert_run(text, encoding, upper=upper)
            if _better(text, converted):
                counts[encoding] = counts.get(encoding, 0) + 1
                text = converted
        elif encoding is not None and upper and text.isascii():
            text = text.upper()  # ASCII letters in an "H" font are drawn as capitals too
        out.append(text)
        group.clear()

    for text, font_no, _bold in runs:
        font = fonts.get(font_no) if font_no is not None else None
        key = (font.encoding, font.upper) if font is not None else (None, False)
        if key != group_key:
            flush()
            group_key = key
        group.append(text)
    flush()
    return "".join(out)


def _better(original: str, converted: str) -> bool:
    """Guard for font-based conversion: refuse when the run reads better as it is (Unicode typed in a
    legacy-named font)."""
    words = [w for w in enc.LEGACY_WORD.findall(original) if not w.isascii()]
    if not words:
        return True
    new_words = [w for w in enc.LEGACY_WORD.findall(converted) if not w.isascii()]
    ok_before = sum(enc.is_vietnamese_word(w) for w in words)
    ok_after = sum(enc.is_vietnamese_word(w) for w in new_words)
    return ok_after >= ok_before


def paragraph_style(runs: list[tuple[str, int | None, bool]], fonts: dict[int, Font],
                    align: str | None) -> dict | None:
    """Style hints of a paragraph: bold when every visible run is, its font when it has one, its alignment."""
    style: dict = {}
    visible = [(t, f, b) for t, f, b in runs if t.strip()]
    if visible and all(b for _, _, b in visible):
        style["bold"] = True
    names = {fonts[f].name for _, f, _ in visible if f is not None and f in fonts}
    if len(names) == 1:
        style["font"] = names.pop()
    if align:
        style["alignment"] = align
    return style or None


def clean_text(text: str) -> str:
    """Surrogate pairs from \\uN joined, NULs dropped, NFC."""
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # \u surrogate pairs
    return unicodedata.normalize("NFC", text.replace("\x00", ""))

