"""Spaces a copy lost or added inside a value: ``SỞVĂNHÓA``, ``sự cốbức xạ``, ``máy móc,thiết bị``,
``156/2020/NĐ-CPngày``, and a syllable
broken over two lines (``ĐỐI VỚI T`` / ``ỪNG LOẠI``).

Vietnamese writes one syllable per word, so a run of letters that is no syllable but splits in exactly one way
into syllables (``lexicon.syllables``) has lost its spaces; a word of plain ASCII letters is left alone (a
foreign name, an acronym, ``Campuchia``), and so is a run with more than one reading.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .syllables import is_vietnamese_word
from .lazy import lazy_regex

_WORD = lazy_regex(r"\p{L}{3,}")
_COMMA_GLUED = lazy_regex(r"(?<=\p{L}),(?=\p{L})")
_MAX_READINGS = 8
_VOWELS = frozenset("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_MAX_PARTS = 8  # "SỞNÔNGNGHIỆPVÀMÔITRƯỜNG"
# A symbol glued to the next word: "156/2020/NĐ-CPngày" (codes keep one lower-case letter: "QĐ-TTg", "TTr")
_SYMBOL_GLUED = lazy_regex(r"(?<=[/-]\p{Lu}[\p{Lu}\d]*)(\p{Ll}{2,})(?!\p{L})")


@lru_cache(maxsize=4096)
def _splits(word: str, parts: int) -> tuple[tuple[str, ...], ...]:
    """Ways to cut ``word`` into ``parts`` syllables (a few at most)."""
    if parts == 1:
        return ((word,),) if is_vietnamese_word(word) else ()
    out: list[tuple[str, ...]] = []
    for i in range(1, len(word)):
        head = word[:i]
        if not is_vietnamese_word(head):
            continue
        for rest in _splits(word[i:], parts - 1):
            out.append((head, *rest))
            if len(out) >= _MAX_READINGS:
                return tuple(out)
    return tuple(out)


def _vowel_starts(parts: tuple[str, ...]) -> int:
    """Syllables without an initial consonant: a glued consonant goes with the vowel after it ("VÀ MÔI", not
    "VÀM ÔI")."""
    return sum(p[:1].lower() in _VOWELS for p in parts)


def split_word(word: str) -> str:
    """``cốbức`` -> ``cố bức``; the word itself when it is a syllable, ASCII, or has no single best reading."""
    if word.isascii() or is_vietnamese_word(word):
        return word
    for parts in range(2, _MAX_PARTS + 1):
        found = _splits(word, parts)
        if not found:
            continue
        ranked = sorted(found, key=_vowel_starts)
        if len(ranked) == 1 or _vowel_starts(ranked[0]) < _vowel_starts(ranked[1]):
            return " ".join(ranked[0])
        return word  # two readings as good: leave it as printed
    return word


def respace(text: str) -> str:
    """Put back the spaces a copy lost between syllables and after a comma between words."""
    text = _COMMA_GLUED.sub(", ", text)
    text = _SYMBOL_GLUED.sub(lambda m: " " + m.group(1) if is_vietnamese_word(m.group(1)) else m.group(1), text)
    return _WORD.sub(lambda m: split_word(m.group()), text)


def join_lines(lines: list[str]) -> str:
    """Join the lines of one value with spaces, gluing a syllable the line break cut (``T`` / ``ỪNG``)."""
    out = ""
    for line in lines:
        if not out:
            out = line
            continue
        head, _, last = out.rpartition(" ")
        first, _, tail = line.partition(" ")
        if last.isalpha() and first.isalpha() and not (is_vietnamese_word(last) and is_vietnamese_word(first)):
            if is_vietnamese_word(last + first):
                out = f"{out}{line}"
                continue
        out = f"{out} {line}"
    return out
