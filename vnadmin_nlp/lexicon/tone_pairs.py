"""Word pairs and their tone variants: is ``tô chức`` a pair of the language, and which pair does it read as
with other tone marks (``tổ chức``)?

Tesseract's Vietnamese model reads some syllables with the wrong tone at a high confidence (``Tô chức``,
``Lâm Đông``, ``Và việc``): each syllable is valid, so a syllable check passes; the pair is not.  The table
(``data/tone_pairs.json``, built by ``scripts/build_tone_pairs.py`` from clean text-layer documents) holds the
pairs seen at least twice (59,630); the closed vocabulary of the header (bodies,
places, type names, positions: :func:`.ocr_vocabulary._entries`) adds its own pairs.  Two pairs are variants
when their syllables agree without tone marks and circumflexes (:func:`variant_key`: OCR drops the circumflex
as well, ``CHÁP`` for ``CHẤP``).  ``Và việc`` for ``Về việc`` is beyond it: ``và việc`` is a pair of its own.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .fold import fold
from .lazy import lazy_re
from .ocr_vocabulary import _entries

OUT = Path(__file__).resolve().parent.parent / "data" / "tone_pairs.json"
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_CIRCUMFLEX = "\u0302"
_RUN = lazy_re(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")  # words separated by spaces only: a pair never spans punctuation
_WORD = lazy_re(r"[^\W\d_]+")


def variant_key(word: str) -> str:
    """What the word's tone variants share: lower case, no tone mark, no circumflex (``tổ`` → ``to``)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS and c != _CIRCUMFLEX))


def keys_of(word: str) -> set[str]:
    """The variant keys a printed word may stand for (one today; a set so that letter swaps beyond marks can join)."""
    return {variant_key(word)}


def pairs_in(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Each pair of adjacent words of ``text`` on one line, not across punctuation or digits: (start of the first,
    end of the second, first word, second word)."""
    for run in _RUN.finditer(text):
        words = [(m.start() + run.start(), m.group()) for m in _WORD.finditer(run.group())]
        for (a, w1), (b, w2) in zip(words, words[1:]):
            yield a, b + len(w2), w1, w2


def norm(word: str) -> str:
    """The table's spelling of a word: NFC, folded (lower case, one tone placement: ``hoà`` / ``hòa``)."""
    return fold(unicodedata.normalize("NFC", word))


def count_pairs(text: str) -> Counter[tuple[str, str]]:
    """The word pairs of a text and how often each occurs (words as :func:`norm` spells them)."""
    return Counter((norm(w1), norm(w2)) for _, _, w1, w2 in pairs_in(text))


@lru_cache(maxsize=1)
def _vocabulary_pairs() -> frozenset[tuple[str, str]]:
    return frozenset(p for e in _entries() for p in count_pairs(e))


@lru_cache(maxsize=1)
def table() -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], list[tuple[str, str]]]]:
    """The known pairs (count; the vocabulary's own count 2) and the index: variant keys → pairs."""
    raw = json.loads(OUT.read_text(encoding="utf-8"))["pairs"]
    known: dict[tuple[str, str], int] = {}
    for pair, n in raw.items():
        a, b = pair.split(" ")
        known[(a, b)] = int(n)
    for pair in _vocabulary_pairs():
        known[pair] = max(known.get(pair, 0), 2)
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pair in known:
        index.setdefault((variant_key(pair[0]), variant_key(pair[1])), []).append(pair)
    return known, index


def is_known(w1: str, w2: str) -> bool:
    return (norm(w1), norm(w2)) in table()[0]


def vocabulary_pair(w1: str, w2: str) -> bool:
    """Whether the pair is one of the closed vocabulary's (bodies, places, type names, positions)."""
    return (norm(w1), norm(w2)) in _vocabulary_pairs()


def variants(w1: str, w2: str) -> list[tuple[str, str]]:
    """The known pairs that read as ``w1 w2`` with other tone marks (or a letter swap), the pair itself aside."""
    known, index = table()
    own = (norm(w1), norm(w2))
    out = []
    for k1 in keys_of(w1):
        for k2 in keys_of(w2):
            out += [p for p in index.get((k1, k2), []) if p != own and p not in out]
    return out
