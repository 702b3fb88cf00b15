"""A folding key for matching: case and old/new tone placement unified, length kept.

``hoá``/``hóa``, ``uỷ``/``ủy``, ``khoẻ``/``khỏe``, ``nghĩa``/``nghiã`` and ``HOÀ``/``hòa`` all give the same key,
and the key has the same length as the text, so a match found on the key is a span of the text as printed.
The key puts a syllable's tone mark on the last vowel of its vowel cluster (``hoà``, ``thuỷ``, ``nghiã``): not
always correct spelling, but one fixed place, which is all a key needs.  The output keeps the document's own
spelling; only comparisons use the key.
"""
from __future__ import annotations

import regex

_BASES = "aăâeêioôơuưy"
_TONED = {
    "a": "àáảãạ", "ă": "ằắẳẵặ", "â": "ầấẩẫậ", "e": "èéẻẽẹ", "ê": "ềếểễệ", "i": "ìíỉĩị",
    "o": "òóỏõọ", "ô": "ồốổỗộ", "ơ": "ờớởỡợ", "u": "ùúủũụ", "ư": "ừứửữự", "y": "ỳýỷỹỵ",
}
_SPLIT = {t: (b, i) for b, ts in _TONED.items() for i, t in enumerate(ts)}
_VOWELS = _BASES + "".join(_TONED.values())
_CLUSTER = regex.compile(f"[{_VOWELS}]{{2,3}}")


def _retone_cluster(m: regex.Match) -> str:
    s = m.group()
    toned = [(i, _SPLIT[c]) for i, c in enumerate(s) if c in _SPLIT]
    if len(toned) != 1 or toned[0][0] == len(s) - 1:
        return s
    i, (base, tone) = toned[0]
    chars = list(s)
    chars[i] = base
    last = chars[-1]
    chars[-1] = _TONED[last][tone]
    return "".join(chars)


def retone(text: str) -> str:
    """Move each syllable's tone mark to the last vowel of its cluster (lower-case input)."""
    return _CLUSTER.sub(_retone_cluster, text)


def fold(text: str) -> str:
    """The folding key of ``text`` (same length): lower case, tone on a fixed vowel."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two (İ): keep them as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return retone(low)


def fold_equal(a: str, b: str) -> bool:
    return fold(a) == fold(b)
