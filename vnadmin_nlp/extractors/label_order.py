"""Where a label stands in its sequence: ``3`` for ``3``, ``III``, ``c``, ``thứ ba``, and which label comes next.

Shared by the provision tree (extractors/provisions.py) and the reading of labels OCR misread
(extractors/ocr_labels.py), which must not import the tree.
"""
from __future__ import annotations

VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORD_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


def roman(s: str) -> int | None:
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


def ordinal(ident: str, style: str = "number") -> int | None:
    """The position of a label in its sequence: 3 for ``3``, ``III``, ``c``, ``thứ ba``."""
    if style == "letter":
        low = ident.lower()
        return VI_LETTERS.index(low) + 1 if len(low) == 1 and low in VI_LETTERS else None
    if ident.isdigit() and ident.isascii():  # isdigit() alone takes "²", which int() refuses
        return int(ident)
    r = roman(ident)
    if r:
        return r
    words = ident.lower().split()
    if len(words) == 2 and words[0] == "thứ":
        return _WORD_ORDINALS.get(words[1])
    return None


def follows(prev: str | None, ident: str, style: str = "number") -> bool:
    """Does ``ident`` come right after ``prev`` (``2`` after ``1``, ``đ`` after ``d``, ``1.3`` after ``1.2``)?"""
    if prev is None:
        return False
    if "." in ident or "." in prev:
        head_p, _, last_p = prev.rpartition(".")
        head_i, _, last_i = ident.rpartition(".")
        return head_p == head_i and follows(last_p, last_i, style)
    a, b = ordinal(prev, style), ordinal(ident, style)
    if a is None or b is None:
        return False
    if b == a + 1:
        return True
    # Latin order too: some documents skip đ (d then e)
    return style == "letter" and ord(ident.lower()) == ord(prev.lower()) + 1 and prev.lower() != "đ"
