"""A doubted word of an OCR'd trích yếu mended by the closed vocabulary around it (issue 12).

One misread letter in a place or a body's name (``Quảng Nøãi``, ``Quảng Nưgãi``) used to cost the whole trích yếu
(``subject_unreadable``), though its other words were sure.  The name is no free text: the words around the doubted
one (``Quảng``) are read clearly and belong to one entry of the closed vocabulary (places, bodies, type names,
fixed phrases, not the positions: :func:`vnadmin_nlp.lexicon.ocr_vocabulary.entries`, and the document's own issuer
lines).  Such a
word is mended to the entry when:

- the entry's other words are the words around it as printed (marks too) — at least one, two when the doubted
  word has :data:`SHORT` letters or fewer or is itself a syllable (in doubt for its confidence or its marks:
  ``thời gian`` at 41 is no name's evidence, ``Ban Vì sự tiến bộ của phụ nữ`` is);
- the doubted word differs from the entry's word by at most :data:`MAX_EDITS` letter (marks aside: tesseract's
  ``g``→``ø``, a letter added, two words glued), every difference inside a doubted word;
- no other entry mends it otherwise.

A word in doubt for its confidence alone that already reads as the entry's word is confirmed as it is
(``Khuyến`` at 83 in ``Quỹ Khuyến học``).  Outside the vocabulary nothing is mended: a doubted word there still
leaves the trích yếu out.  The opening ``Về việc`` of a trích yếu under a type's title is the one phrase mended by
its place: ``Và việc``, ``Vê việc``, ``,Vêviệc`` (one letter of its first word, marks aside, as printed).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Sequence

from ..lexicon.fold import bare, fold
from ..lexicon.lazy import lazy_re
from ..lexicon.ocr_vocabulary import entries
from ..lexicon.syllables import is_vietnamese_word
from .ocr_word_doubt import Doubt

MAX_EDITS = 1  # letters changed, added or dropped in one doubted word (marks aside)
SHORT = 3  # a doubted word of this many letters or fewer needs two context words of its entry
_EDGE = lazy_re(r"^(\W*)(.*?)(\W*)$", re.S)
_TOKEN = lazy_re(r"\S+")
OPENER = "Về việc"


class Mend(NamedTuple):
    """A word of the text (offsets) mended or confirmed: its new text and why it was doubted."""

    start: int
    end: int
    text: str
    doubts: tuple[Doubt, ...]  # the doubts about the word it mends (none for the opening Về việc)


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # bare letters of its core
    core: str


def _letters(word: str) -> str:
    return "".join(c for c in bare(fold(word)) if c.isalnum())


def _tokens(text: str, spans: Sequence[tuple[int, int]]) -> list[_Tok]:
    out = []
    for a, b in spans:
        for m in _TOKEN.finditer(text, a, b):
            core = _EDGE.match(m.group())
            c = core.group(2) if core else m.group()
            out.append(_Tok(m.start(), m.end(), m.group(), _letters(c), c))
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[str, int]]]:
    """Bare key of a word → the vocabulary entries (of two words or more) holding it, with its place."""
    return _index_of(tuple(entries()))


def _index_of(names: tuple[str, ...]) -> dict[str, list[tuple[str, int]]]:
    index: dict[str, list[tuple[str, int]]] = {}
    for entry in names:
        words = entry.split()
        if len(words) < 2:
            continue
        for k, w in enumerate(words):
            key = _letters(w)
            if key:
                index.setdefault(key, []).append((entry, k))
    return index


def _syllable(core: str) -> bool:
    return bool(core) and is_vietnamese_word(core)


def _align(a: str, b: str) -> list[tuple[str, int, int]]:
    """The edit script from ``a`` to ``b`` (Levenshtein): ``(op, i, j)``, op one of = s d i, at a[i] / b[j]."""
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j - 1] + (a[i - 1] != b[j - 1]), d[i - 1][j] + 1, d[i][j - 1] + 1)
    ops, i, j = [], n, m
    while i or j:
        if i and j and d[i][j] == d[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            ops.append(("=" if a[i - 1] == b[j - 1] else "s", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + 1:
            ops.append(("d", i - 1, j))
            i -= 1
        else:
            ops.append(("i", i, j - 1))
            j -= 1
    return ops[::-1]


def _entry_letters(entry: str) -> tuple[str, list[int]]:
    """The entry's bare letters, and for each the offset of its character in the entry."""
    letters, where = [], []
    for k, ch in enumerate(entry):
        key = _letters(ch)
        if len(key) == 1:
            letters.append(key)
            where.append(k)
    return "".join(letters), where


def _try(window: list[_Tok], doubted: set[int], first: int, entry: str, min_context: int) -> dict[int, str] | None:
    """The doubted tokens of ``window`` (indices from ``first``) mended to ``entry``, or None when the window is not
    that entry with differences inside its doubted words only, :data:`MAX_EDITS` each."""
    a, owner = "", []
    for k, t in enumerate(window):
        a += t.key
        owner += [first + k] * len(t.key)
    b, where = _entry_letters(entry)
    if not a or not b or abs(len(a) - len(b)) > len(doubted):
        return None
    ops = _align(a, b)
    edits: dict[int, int] = {}
    spans: dict[int, list[int]] = {}  # token → the entry letters it is read as
    for op, i, j in ops:
        if op == "i":  # an entry letter OCR dropped: the doubted token next to it takes it
            near = [owner[p] for p in (i - 1, i) if 0 <= p < len(owner) and owner[p] in doubted]
            if not near:
                return None
            tok = near[0]
        else:
            tok = owner[i]
        if op != "=":
            if tok not in doubted:
                return None
            edits[tok] = edits.get(tok, 0) + 1
            if edits[tok] > MAX_EDITS:
                return None
        if op != "d":
            spans.setdefault(tok, []).append(j)
    context = [t for k, t in enumerate(window) if first + k not in doubted]
    words = {fold(w.strip(",.;:()")) for w in entry.split()}
    if len(context) < min_context or any(fold(t.core) not in words for t in context):
        return None  # the words around it must be the entry's, marks and all
    out = {}
    for tok in doubted:
        js = spans.get(tok)
        if not js:
            return None
        piece = entry[where[min(js)] : where[max(js)] + 1]
        out[tok] = piece
    return out


def _cased(tok: _Tok, piece: str) -> str:
    m = _EDGE.match(tok.text)
    lead, core, tail = m.groups() if m else ("", tok.text, "")
    if len(core) > 1 and core.isupper():
        piece = piece.upper()
    elif core[:1].isupper():  # "Ngãi" of "TỈNH QUẢNG NGÃI": the case as printed, the name's capital kept
        piece = piece[:1].upper() + piece[1:].lower()
    else:
        piece = piece.lower()
    return lead + piece + tail


def mend_names(text: str, spans: Sequence[tuple[int, int]], doubts: Sequence[Doubt], own: Sequence[str] = ()) -> list[Mend]:
    """The doubted words of the OCR'd lines at ``spans`` of ``text`` mended (or confirmed) by the vocabulary around
    them; ``own`` are the document's own names (its issuer lines) taken as entries too."""
    toks = _tokens(text, spans)
    at: dict[int, list[Doubt]] = {}  # a word may be doubted twice: its confidence, another reading elsewhere
    for doubt in doubts:
        same = [k for k, t in enumerate(toks) if t.text == doubt.token and t.key]
        k = next((k for k in same if k not in at), same[0] if len(same) == 1 else None)
        if k is not None:
            at.setdefault(k, []).append(doubt)
    if not at:
        return []
    index = _index()
    extra = _index_of(tuple(n for n in own if len(n.split()) >= 2))
    found: dict[int, set[str]] = {}
    for k in at:
        for j in range(max(0, k - 8), min(len(toks), k + 9)):
            if j in at:
                continue
            for entry, pos in index.get(toks[j].key, []) + extra.get(toks[j].key, []):
                n = len(entry.split())
                for size in (n, n - 1):  # two words glued into one token: one token fewer
                    first = j - pos
                    for start in (first, first - 1) if size < n else (first,):
                        if start < 0 or start + size > len(toks) or not start <= k < start + size:
                            continue
                        window = toks[start : start + size]
                        mine = {start + q for q in range(size) if start + q in at}
                        short = min(len(toks[q].key) for q in mine) <= SHORT
                        word = all(_syllable(toks[q].core) for q in mine)  # read as a word: its marks or confidence in doubt
                        got = _try(window, mine, start, entry, 2 if short or word else 1)
                        if got is not None:
                            for q, piece in got.items():
                                found.setdefault(q, set()).add(_cased(toks[q], piece))
    return [Mend(toks[k].start, toks[k].end, next(iter(v)), tuple(at[k])) for k, v in sorted(found.items()) if len(v) == 1]


def mend_opener(text: str, span: tuple[int, int]) -> Mend | None:
    """``Về việc`` as a trích yếu under a type's title opens (the text at ``span``): its first word or two as read
    (``Và việc``, ``,Vêviệc``) when their letters differ from it by one letter of the first word at most."""
    toks = _tokens(text, [span])
    if not toks:
        return None
    target = _letters(OPENER)
    for size in (1, 2):
        if len(toks) < size:
            continue
        head = toks[:size]
        if "".join(t.key for t in head) == target and fold(" ".join(t.core for t in head)) == fold(OPENER):
            return None  # printed right
        ops = _align("".join(t.key for t in head), target)
        changed = [i for op, i, _ in ops if op != "="]
        if size == 2 and (fold(head[1].core) != fold("việc")):
            continue
        if len(changed) > 1 or (changed and size == 2 and changed[0] >= len(head[0].key)):
            continue
        if not head[0].core[:1].lower() == "v":
            continue
        lead = "(" if head[0].text.startswith("(") else ""
        return Mend(head[0].start, head[-1].end, lead + OPENER + _EDGE.match(head[-1].text).group(3), ())  # type: ignore[union-attr]
    return None
