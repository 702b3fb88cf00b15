"""Tone misreadings in an OCR'd header field: a word that makes no known pair with its neighbours while a tone
variant of it does (``Tô chức`` / ``tổ chức``, ``Lâm Đông`` / ``Lâm Đồng``).

Tesseract's Vietnamese model reads such syllables at a high confidence and each is a valid syllable, so the
syllable and confidence checks of :mod:`.ocr_doubt` pass them.  The pairs known are those of clean documents and
of the closed vocabulary (:mod:`vnadmin_nlp.lexicon.tone_pairs`).  A word with exactly one variant is corrected
when the document itself prints the variant's pair elsewhere, or it is a pair of the closed vocabulary; a word
with a variant but no such confirmation is a doubt (a wrong trích yếu is worse than none: the field is left out,
the candidate quoted).  A word the document prints with the same neighbour elsewhere, and never a variant, is
taken as printed.  Words in one known pair with a neighbour are read right (``thống nhất liên quan``: ``nhất
liên`` is no pair, ``nhật liên`` is, but ``thống nhất`` is known); a capital inside the field starts a name and
is changed to the closed vocabulary only (``Ban vận động``).
"""
from __future__ import annotations

from typing import NamedTuple

from ..lexicon.tone_pairs import is_known, norm, pairs_in, table, variants, vocabulary_pair
from .base import Context

MIN_VARIANT = 10  # a variant counts when the clean documents print it this many times (2 and 5 flagged right
# trích yếu of the Lâm Đồng dev gold: "mời dự" has no pair in the table, "mới dự" 7)


class ToneFlag(NamedTuple):
    """A word of the field in doubt: where, as printed, its known variant(s), and the fix when clear."""

    start: int
    end: int
    printed: str
    candidates: tuple[str, ...]
    fixed: str | None

    def __str__(self) -> str:
        return f"{self.printed!r} makes no known word pair with its neighbours; read as {' / '.join(map(repr, self.candidates))}?"


def _cased(printed: str, word: str) -> str:
    """``word`` in the case of ``printed``, letter by letter (tone variants keep the length in NFC)."""
    if len(printed) != len(word):
        return word
    return "".join(w.upper() if p.isupper() else w for p, w in zip(printed, word))


def _elsewhere(ctx: Context, span: tuple[int, int], pair: tuple[str, str]) -> int:
    """How often the document prints ``pair`` (as :func:`norm` spells it) outside ``span``."""
    n = 0
    for text in (ctx.text[: span[0]], ctx.text[span[1] :]):
        n += sum(1 for _, _, a, b in pairs_in(text) if (norm(a), norm(b)) == pair)
    return n


def _word_variants(w1: str, w2: str, at: int) -> list[tuple[str, str]]:
    """Known variants of the pair that change only word ``at`` (0 or 1), the other word as printed."""
    keep = norm((w1, w2)[1 - at])
    return [p for p in variants(w1, w2) if p[1 - at] == keep]


def tone_flags(ctx: Context, span: tuple[int, int]) -> list[ToneFlag]:
    """The words of the OCR'd text at ``span`` read with a wrong tone, each with its fix or none.  A word is in
    doubt only when no pair it makes with its neighbours is known (``thống nhất liên quan``: ``nhất liên`` is no
    pair, ``thống nhất`` is: the word is read right) and a tone variant of it makes one of those pairs known."""
    known = table()[0]
    body = ctx.text[span[0] : span[1]]
    pairs = list(pairs_in(body))
    words: dict[int, tuple[int, str]] = {}  # start in body -> (end, word)
    for a, b, w1, w2 in pairs:
        words[a] = (a + len(w1), w1)
        words[b - len(w2)] = (b, w2)
    out: list[ToneFlag] = []
    for start, (end, word) in sorted(words.items()):
        around = [(p, 1) for p in pairs if p[1] == end] + [(p, 0) for p in pairs if p[0] == start]
        if any(is_known(p[2], p[3]) for p, _ in around):
            continue
        found: dict[str, int] = {}
        named = word[:1].isupper() and start > 0  # a capital inside the field: a name (``Ban vận động``, ``Đăk Nông``),
        # corrected to the closed vocabulary's pairs only
        for (a, b, w1, w2), at in around:
            for p in _word_variants(w1, w2, at):
                if known.get(p, 0) >= MIN_VARIANT and (not named or vocabulary_pair(*p)):
                    seen = _elsewhere(ctx, span, p) + (2 if vocabulary_pair(*p) else 0)
                    found[p[at]] = max(found.get(p[at], 0), seen + 1)
        if not found:
            continue
        own_seen = sum(_elsewhere(ctx, span, (norm(p[2]), norm(p[3]))) for p, _ in around)
        if own_seen and all(n == 1 for n in found.values()):
            continue  # the document prints it so elsewhere and never a variant
        shown = tuple(_cased(word, w) for w in sorted(found))
        fixed = shown[0] if len(found) == 1 and next(iter(found.values())) > 1 else None
        out.append(ToneFlag(span[0] + start, span[0] + end, word, shown, fixed))
    return out


CONFIRM_PAIR = MIN_VARIANT  # a word read at a low confidence is read right when it makes a pair the clean
# documents print this many times with a neighbour, and no tone variant of it makes a known pair with that
# neighbour (``bổ sung``: neither ``bồ sung`` nor ``bố sung`` is one)


def pair_confirmed(ctx: Context, span: tuple[int, int], others: dict[int, str] | None = None,
                   fixes: dict[int, tuple[int, str]] | None = None, unsure: frozenset[int] = frozenset()) -> dict[int, str]:
    """The words of the OCR'd text at ``span`` (start → word) that a known pair with a neighbour confirms: the pair
    printed at least :data:`CONFIRM_PAIR` times in the clean documents, no tone variant of the word known with that
    neighbour, nor the document's other reading of it (``others``: start → how it is read elsewhere).  A word in
    doubt for its confidence alone is then taken as read: the language leaves it no other reading.  ``fixes``
    (start → end, new word: the tone checks' mends) are judged as mended, on a copy of the same length; a
    neighbour itself in doubt (its start in ``unsure``) confirms nothing."""
    known = table()[0]
    body = ctx.text[span[0] : span[1]]
    for k, (end, word) in (fixes or {}).items():
        if span[0] <= k and end <= span[1] and len(word) == end - k:
            body = body[: k - span[0]] + word + body[end - span[0] :]
    out: dict[int, str] = {}
    for a, b, w1, w2 in pairs_in(body):
        if known.get((norm(w1), norm(w2)), 0) < CONFIRM_PAIR:
            continue
        for at, (start, word) in enumerate(((a, w1), (b - len(w2), w2))):
            if span[0] + (b - len(w2) if at == 0 else a) in unsure:
                continue  # the neighbour is in doubt too: no evidence
            other = (others or {}).get(span[0] + start)
            rivals = _word_variants(w1, w2, at)
            if other is not None:
                rivals.append((norm(other), norm(w2)) if at == 0 else (norm(w1), norm(other)))
            if not any(known.get(p, 0) for p in rivals):
                out[span[0] + start] = word
    return out
