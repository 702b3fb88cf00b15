"""A folding key for matching: case and old/new tone placement unified, length kept.

``hoá``/``hóa``, ``uỷ``/``ủy``, ``khoẻ``/``khỏe``, ``nghĩa``/``nghiã`` and ``HOÀ``/``hòa`` all give the same key,
and the key has the same length as the text, so a match found on the key is a span of the text as printed.
The two spellings differ only in the vowel pairs oa, oe, uy (and, in old fonts, ia, ua); in those the key puts
the tone on the second vowel (``hoà``, ``thuỷ``, ``nghiã``, ``cuả``): not always correct spelling, but one fixed
place, which is all a key needs.  The output keeps the document's own spelling; only comparisons use the key.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from .lazy import lazy_re

_BASES = "aăâeêioôơuưy"
_TONED = {
    "a": "àáảãạ", "ă": "ằắẳẵặ", "â": "ầấẩẫậ", "e": "èéẻẽẹ", "ê": "ềếểễệ", "i": "ìíỉĩị",
    "o": "òóỏõọ", "ô": "ồốổỗộ", "ơ": "ờớởỡợ", "u": "ùúủũụ", "ư": "ừứửữự", "y": "ỳýỷỹỵ",
}
# A toned first vowel of a pair whose spelling varies, before its plain second vowel.
_PAIRS = {"o": "ae", "u": "ya", "i": "a"}
_MOVED = {}
for _first, _seconds in _PAIRS.items():
    for _tone, _toned in enumerate(_TONED[_first]):
        for _second in _seconds:
            _MOVED[_toned + _second] = _first + _TONED[_second][_tone]
# The 25 two-letter clusters as literals, with the standard library's re: it scans a literal alternation some
# three times faster than ``regex`` or a character-class pattern, and every text is folded once.
_CLUSTER = lazy_re("|".join(_MOVED))


def retone(text: str) -> str:
    """Move the tone of an oa/oe/uy/ia/ua pair to its second vowel (lower-case input)."""
    return _CLUSTER.sub(lambda m: _MOVED[m.group()], text)


def fold(text: str) -> str:
    """The folding key of ``text`` (same length): lower case, tone on a fixed vowel."""
    if len(text) <= _SHORT:
        return _fold_short(text)  # names, titles, words: folded again and again, kept
    return _fold(text)


# Short strings (a name, a title, a word) are folded many times per document: their keys are remembered.
_SHORT = 80


def _fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two (İ): keep them as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return retone(low)


_fold_short = lru_cache(maxsize=8192)(_fold)


def fold_equal(a: str, b: str) -> bool:
    return fold(a) == fold(b)


class _BareTable(dict):
    """``str.translate``'s table for :func:`bare`, filled one character at a time as characters are first seen.

    Removing the marks works character by character: NFD decomposes each character on its own and only reorders
    combining marks, which are all dropped; so a table of what each character becomes gives the same string as
    decomposing the whole text, at the speed of ``translate`` (a Python loop over the characters cost a whole
    text's worth of calls per page)."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        s = unicodedata.normalize("NFD", "d" if c == "đ" else c)
        out = self[code] = "".join(x for x in s if not unicodedata.combining(x))
        return out


_BARE = _BareTable()


def bare(text: str) -> str:
    """The letters without their marks (``đ`` -> ``d``): OCR drops or confuses tones, slugs are ASCII."""
    return text.translate(_BARE)


_ONE_LETTER: set[str] = set()  # characters seen that :func:`bare` turns into exactly one
# A character outside _ONE_LETTER (as it was when compiled): a text this finds nothing in is all known characters,
# found by one scan in C instead of building the set of a whole text's characters (a tenth of the zoning's time).
# Rebuilt as the set grows, up to a size past which a text of another script would recompile it for each text.
_OTHER_CHAR: "re.Pattern[str] | None" = None
_OTHER_CHAR_OF = 0  # the size of _ONE_LETTER it was compiled from
_OTHER_CHAR_MAX = 2000


def bare_one_to_one(text: str) -> bool:
    """Whether :func:`bare` turns every character of ``text`` into exactly one (then ``bare(text[:n])`` is
    ``bare(text)[:n]``), read from the distinct characters of ``text``."""
    global _OTHER_CHAR, _OTHER_CHAR_OF
    other = _OTHER_CHAR
    if other is not None and other.search(text) is None:
        return True  # every character is one already known to bare into one letter
    one = True
    for c in set(text) - _ONE_LETTER:
        if len(_BARE[ord(c)]) == 1:
            _ONE_LETTER.add(c)
        else:
            one = False  # a mark on its own (dropped), a character of several letters
    if _OTHER_CHAR_OF != len(_ONE_LETTER) and len(_ONE_LETTER) <= _OTHER_CHAR_MAX:
        known = sorted(_ONE_LETTER)
        _OTHER_CHAR = re.compile("[^" + "".join(map(re.escape, known)) + "]")
        _OTHER_CHAR_OF = len(known)
    return one
