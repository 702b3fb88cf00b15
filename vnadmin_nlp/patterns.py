"""The compiled patterns of ``data/patterns.yaml`` (``FOLDED.national.search(key)``, ``TEXT.number.search(text)``),
and :func:`alternation`, which turns a word list from the data files into a fast regex."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Iterable

import regex

from .data import load
from .normalize.fold import retone


def _compile(section: str, flags: int = 0, prepare=lambda p: p) -> SimpleNamespace:
    return SimpleNamespace(**{name: regex.compile(prepare(p), flags) for name, p in load("patterns")[section].items()})


# Folded patterns are written in plain spelling ("cộng hòa"); the key places tones its own way, so retone them.
FOLDED = _compile("folded", regex.MULTILINE, retone)
TEXT = _compile("text", regex.MULTILINE)


def alternation(words: "Iterable[str]") -> str:
    """A regex source matching any of ``words``, as a trie (``th(?:ực hiện|i hành)``) rather than a flat
    ``a|b|c``: the regex engine then tries one branch per character instead of every word at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return "(?:" + build(trie) + ")"
