"""The compiled patterns of ``data/patterns.yaml`` (``FOLDED.national.search(key)``, ``TEXT.number.search(text)``),
:func:`alternation`, which turns a word list from the data files into a fast regex, and :func:`word_scanner`
with :func:`word_matches` and :func:`first_word_match` for the word lists that are scanned over whole documents."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

import regex

# Compiling the named patterns lives in the lexicon, below the readers, whose vocabulary is named patterns too.
from .lexicon.lazy import escape, lazy
from .lexicon.named_patterns import FLAGS, compile_entry, compile_section, entry_flags, fast_compile, is_folded, pattern_source

__all__ = [
    "FLAGS", "FOLDED", "TEXT", "alternation", "compile_entry", "compile_section", "entry_flags", "fast_compile",
    "first_word_match", "is_folded", "pattern_source", "word_matches", "word_scanner", "WordHits",
]


FOLDED = compile_section("folded")
TEXT = compile_section("text")


def alternation(words: "Iterable[str]") -> str:
    """A regex source matching any of ``words``, as a trie (``th(?:ực hiện|i hành)``) rather than a flat
    ``a|b|c``: the regex engine then tries one branch per character instead of every word at every position.

    Built from the sorted words, a group of words per branch; a branch that one word alone follows is that word's
    rest, escaped at once (a character-by-character trie spent most of the package's import on such tails)."""
    distinct = sorted(set(words))
    return "(?:" + (_trie(distinct, 0) if distinct else "") + ")"


def _trie(words: list[str], depth: int) -> str:
    """The trie source of sorted, distinct ``words`` that share their first ``depth`` characters."""
    end = len(words[0]) == depth  # sorted: a word that ends here comes first
    rest = words[1:] if end else words
    if not rest:
        return ""
    if len(rest) == 1 and not end:
        return escape(rest[0][depth:])
    branches = []
    i, n = 0, len(rest)
    while i < n:
        ch = rest[i][depth]
        j = i + 1
        while j < n and rest[j][depth] == ch:
            j += 1
        group = rest[i:j]
        branches.append(escape(group[0][depth:]) if len(group) == 1 else escape(ch) + _trie(group, depth + 1))
        i = j
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if end else body


# "Not a letter" for the standard library's re, which has no \p{L}: a word character that is not a digit or "_".
NOT_LETTER_AFTER = r"(?![^\W\d_])"
# ``regex``'s ``\s`` (the Unicode White_Space characters) for the standard library's re, whose ``\s`` also takes
# the information separators U+001C–U+001F.
WHITE_SPACE = "[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


def word_scanner(words: "Iterable[str]", tail: str = NOT_LETTER_AFTER) -> re.Pattern:
    """A pattern finding any of ``words`` followed by ``tail`` (by default: not by a letter), for scanning whole texts.

    It is compiled with the standard library's ``re``, which scans a trie of literal words three to five times
    faster than ``regex``, and it has no look-behind (that would run at every character): use
    :func:`word_matches` to keep the hits that start a word.
    """
    words = list(words)
    return lazy(lambda: re.compile(alternation(words) + tail))  # compiled on first use (lexicon/lazy.py)


class WordHits:
    """A :func:`word_scanner` pattern whose whole-text scan looks for its words with ``str.find`` first: ``re`` tries
    its first-character set at every character and a whole match at every common letter that opens a word of the
    list ("t", "m", "g"), ``str.find`` skips through the text in C.  For short lists of words that are rare in a text
    (a document's few "giao", "đề nghị"); a list of common words ("trong", "từ") is better scanned by the pattern."""

    __slots__ = ("words", "pattern")

    def __init__(self, words: "Iterable[str]", tail: str = NOT_LETTER_AFTER) -> None:
        self.words = tuple(sorted({w for w in words if w}))  # (a match opens with one of them: none is empty)
        self.pattern = word_scanner(self.words, tail)

    def _starts(self, key: str, start: int, end: int) -> list[int]:
        """Where one of the words stands in ``key[start:end]``, in order (no match of the pattern opens elsewhere)."""
        find = key.find
        at = []
        for w in self.words:
            i = find(w, start, end)
            while i >= 0:
                at.append(i)
                i = find(w, i + 1, end)
        return sorted(set(at))

    def finditer(self, key: str, start: int = 0, end: int | None = None) -> "list[re.Match]":
        """``self.pattern.finditer(key, start, end)`` as a list: the pattern matched only where one of the words
        starts, left to right, going on after each match."""
        return self._matches(key, start, end, whole_words=False)

    def word_matches(self, key: str, start: int = 0, end: int | None = None) -> "list[re.Match]":
        """:func:`word_matches` of the pattern, as a list: a hit inside a word is passed over and the search goes on
        from its next character."""
        return self._matches(key, start, end, whole_words=True)

    def _matches(self, key: str, start: int, end: int | None, whole_words: bool) -> "list[re.Match]":
        end = len(key) if end is None else end
        out: list[re.Match] = []
        pos = start
        match = self.pattern.match
        for i in self._starts(key, start, end):
            if i >= pos and (m := match(key, i, end)) is not None:
                if whole_words and i and key[i - 1].isalpha():
                    pos = i + 1
                    continue
                out.append(m)
                pos = m.end()
        return out


def word_matches(
    pattern: "re.Pattern | regex.Pattern", key: str, start: int = 0, end: int | None = None
) -> "Iterator[re.Match | regex.Match]":
    r"""The matches of ``pattern`` in ``key[start:end]`` that start a word (no letter before them), left to right,
    as a search with a ``(?<!\p{L})`` look-behind would find them: a hit inside a word is passed over and the
    search goes on from its next character."""
    end = len(key) if end is None else end
    pos = start
    while pos < end:
        for m in pattern.finditer(key, pos, end):
            s = m.start()
            if s and key[s - 1].isalpha():
                pos = s + 1  # rare: start again just after it, so that no match inside the hit is missed
                break
            yield m
        else:
            return


def first_word_match(pattern: "re.Pattern | regex.Pattern", key: str, start: int, end: int) -> "re.Match | regex.Match | None":
    """The first of :func:`word_matches` (or None), without making a generator: called once per sentence."""
    pos = start
    while pos < end:
        m = pattern.search(key, pos, end)
        if m is None or not (m.start() and key[m.start() - 1].isalpha()):
            return m
        pos = m.start() + 1
    return None
