"""The compiled patterns of ``data/patterns.yaml`` (``FOLDED.national.search(key)``, ``TEXT.number.search(text)``),
:func:`alternation`, which turns a word list from the data files into a fast regex, and :func:`word_scanner`
with :func:`word_matches` and :func:`first_word_match` for the word lists that are scanned over whole documents."""
from __future__ import annotations

import re
import warnings
from types import SimpleNamespace
from typing import Iterable

import regex

from .data import load
from .lexicon.fold import retone


def fast_compile(source: str, multiline: bool = False, ignorecase: bool = False) -> "re.Pattern | regex.Pattern":
    r"""``source`` compiled with the standard library's ``re`` when it can read it, else with ``regex``.

    Both read these patterns alike (Unicode ``\s``, ``\d``, ``\w``); ``re`` matches at a position with half the
    overhead and finds literal-led patterns faster, and only ``regex`` knows ``\p{…}`` classes and look-behinds
    of varying width.
    """
    flags = (re.MULTILINE if multiline else 0) | (re.IGNORECASE if ignorecase else 0)  # same values in regex
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a construct re would read differently (nested sets) goes to regex
        try:
            return re.compile(source, flags)
        except (re.error, Warning):
            return regex.compile(source, flags)


def pattern_source(section: str, entry: dict) -> str:
    """The regex source of one entry of ``data/patterns.yaml``, as it is compiled.

    Folded patterns (the ``folded`` section, or an entry with ``space: folded``) are written in plain spelling
    ("cộng hòa"); the folding key places tones its own way, so they are retoned.
    """
    source = entry["pattern"]
    return retone(source) if is_folded(section, entry) else source


def is_folded(section: str, entry: dict) -> bool:
    """Whether the entry is matched on the folding key rather than on the text as printed."""
    return entry.get("space", "folded" if section == "folded" else "text") == "folded"


# The flags an entry may name under ``flags:``; an entry without the key is compiled with MULTILINE.
FLAGS = ("MULTILINE", "IGNORECASE")


def entry_flags(entry: dict) -> list[str]:
    """The flags one entry of ``data/patterns.yaml`` is compiled with: its ``flags`` list, else ``[MULTILINE]``."""
    flags = entry.get("flags", ["MULTILINE"])
    unknown = set(flags) - set(FLAGS)
    if unknown:
        raise ValueError(f"unknown flags {sorted(unknown)} in {entry['pattern']!r}")
    return flags


def compile_entry(section: str, entry: dict) -> "re.Pattern | regex.Pattern":
    """One entry of ``data/patterns.yaml`` compiled as the code uses it (retoned if folded, with its flags)."""
    flags = entry_flags(entry)
    return fast_compile(pattern_source(section, entry), multiline="MULTILINE" in flags, ignorecase="IGNORECASE" in flags)


def compile_section(section: str) -> SimpleNamespace:
    """Every pattern of one section of ``data/patterns.yaml``, compiled, by name."""
    entries = load("patterns")[section]
    return SimpleNamespace(**{name: compile_entry(section, e) for name, e in entries.items()})


FOLDED = compile_section("folded")
TEXT = compile_section("text")


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


# "Not a letter" for the standard library's re, which has no \p{L}: a word character that is not a digit or "_".
NOT_LETTER_AFTER = r"(?![^\W\d_])"


def word_scanner(words: "Iterable[str]", tail: str = NOT_LETTER_AFTER) -> re.Pattern:
    """A pattern finding any of ``words`` followed by ``tail`` (by default: not by a letter), for scanning whole texts.

    It is compiled with the standard library's ``re``, which scans a trie of literal words three to five times
    faster than ``regex``, and it has no look-behind (that would run at every character): use
    :func:`word_matches` to keep the hits that start a word.
    """
    return re.compile(alternation(words) + tail)


def word_matches(pattern: "re.Pattern | regex.Pattern", key: str, start: int = 0, end: int | None = None):
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


def first_word_match(pattern: "re.Pattern | regex.Pattern", key: str, start: int, end: int):
    """The first of :func:`word_matches` (or None), without making a generator: called once per sentence."""
    pos = start
    while pos < end:
        m = pattern.search(key, pos, end)
        if m is None or not (m.start() and key[m.start() - 1].isalpha()):
            return m
        pos = m.start() + 1
    return None
