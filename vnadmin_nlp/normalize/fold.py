"""A folding key for matching: case and old/new tone placement unified, length kept.

``hoá``/``hóa``, ``uỷ``/``ủy``, ``khoẻ``/``khỏe`` and ``HOÀ``/``hòa`` all give the same key, and the key has the
same length as the text, so a match found on the key is a span of the text as printed.  The output keeps the
document's own spelling; only comparisons use the key.
"""
from __future__ import annotations

import regex

_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_PLAIN = {"o": "òóỏõọ", "u": "ùúủũụ"}
# "oà" -> "òa", "oè" -> "òe", "uỳ" -> "ùy" (tone moved to the first vowel) when the syllable ends there.
_MOVES: dict[str, str] = {}
for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
    for tone_index, toned in enumerate(_TONED[second]):
        _MOVES[first + toned] = _PLAIN[first][tone_index] + second
_MOVE_RE = regex.compile("(?:" + "|".join(_MOVES) + r")(?!\p{L})")


def fold(text: str) -> str:
    """The folding key of ``text`` (same length): lower case, tone on a fixed vowel."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two (İ): keep them as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return _MOVE_RE.sub(lambda m: _MOVES[m.group()], low)


def fold_equal(a: str, b: str) -> bool:
    return fold(a) == fold(b)
