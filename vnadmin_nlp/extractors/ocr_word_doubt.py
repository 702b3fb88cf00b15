"""Doubt about words read from OCR: a name, a body or a trích yếu must be made of words a person would write
(Vietnamese syllables, the closed vocabulary's words, body codes), read at a fair confidence; and a line of printed
text between two lines of a signature block says they are not of one block.  The callers drop a value this module
doubts and say why (``subject_unreadable``, ``signer_unreadable`` …).
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple, Sequence

from ..lexicon.fold import fold
from ..lexicon.lazy import lazy_re
from ..lexicon.ocr_vocabulary import known_words
from ..lexicon.syllables import is_vietnamese_word
from .base import Context
from .ocr_lookup import Word, compact, covering, has_ocr, lines_with, words_for


# Words a person would not write: a name, a body or a trích yếu read from OCR must be made of Vietnamese syllables
# (``Bũï Fhanh Quang``, ``TNG LIÊN ĐOÀN``, ``HIVA) 'GÌ|`` are tesseract's misreadings of a signature, a seal, a
# stamp over the text).  The words of the closed vocabulary (``Đắk``, ``Krông``) and body codes (``UBND``) pass.
WORD_MIN_CONF = 85  # a word of a trích yếu read at a lower confidence is doubted (misread words of the Lâm Đồng
# scans: 0–47; the right ones of their lines: 86–97)
SUBJECT_MAX_BAD = 0.0  # a trích yếu with a larger share of doubted words is left out: any (0.1 let "Quảng Nøãi" through, issue 12)
REPEATED = 3  # a word no syllable that the document reads this many times the same way is a word of its own
# (a loanword, a minority name: ``Karate`` ten times over a decision's pages; a misreading is not repeated)
_EDGE_PUNCT = "\"'“”‘’()[]{},.;:!?…-–—*"
_INNER = lazy_re(r"[-–/.,']")
_PLAIN = set("\"'“”‘’()[]{},.;:!?…-–—/%*+&")


def word_counts(text: str) -> Counter[str]:
    """How often each word (case folded, punctuation around it stripped) occurs in a text."""
    return Counter(w.strip(_EDGE_PUNCT).casefold() for w in text.split())


def word_flaw(token: str, acronyms: bool = True, counts: Counter[str] | None = None) -> str | None:
    """Why an OCR'd token is not a word of a Vietnamese document, or None: stray characters (``'GÌ|``, ``‡``),
    or a part that is no syllable, no vocabulary word, not read :data:`REPEATED` times in the document
    (``counts``) and (with ``acronyms``) no upper-case abbreviation.  Tokens with digits are left to the number
    and date tests."""
    core = token.strip(_EDGE_PUNCT)
    if not core:
        return None if set(token) <= _PLAIN else "stray characters"
    if any(not (ch.isalnum() or ch in "-–/.,'&") for ch in core):
        return "stray characters"
    if any(ch.isdigit() for ch in core):
        return None
    for part in _INNER.split(core):
        if not part or is_vietnamese_word(part) or fold(part) in known_words():
            continue
        if acronyms and part.isupper() and part.isalpha() and len(part) <= 8:
            continue
        if counts is not None and counts[core.casefold()] >= REPEATED:
            continue
        return "not a Vietnamese syllable"
    return None


def _ocr_tokens(ctx: Context, line: str) -> list[tuple[str, int | None]]:
    """The words of a line with the confidence OCR gave them (None when the line is not found among them); the
    line's tokens of no letter or digit (``-_``, ``‡``: the search for the line's OCR words passes over them) are
    added without one, so stray marks are judged too."""
    found = words_for(ctx, line)
    if found is None:
        return [(t, None) for t in line.split()]
    marks: list[tuple[str, int | None]] = [(t, None) for t in line.split() if not compact(t)]
    return [(str(w[0]), int(w[1])) for w in found[0]] + marks


class Doubt(NamedTuple):
    """A word of an OCR'd line in doubt: the token, why, and the OCR confidence when that is the reason."""

    token: str
    why: str
    conf: int | None = None

    def __str__(self) -> str:
        return f"{self.token!r} ({self.why})"


def doubted_words(ctx: Context, lines: Sequence[str], acronyms: bool = True, min_conf: int = WORD_MIN_CONF) -> tuple[list[Doubt], int]:
    """The words of these OCR'd lines that are doubted, and the number of words; ``([], 0)`` for a document
    without OCR.  A line not found in one OCR line (the layout joined two of tesseract's: ``… PCMT -_`` read apart)
    is still judged word by word, without confidences (the callers ask only of text OCR read: ``on_ocr``).
    ``str(doubt)`` is ``'word' (why)``, for a warning."""
    if not has_ocr(ctx):
        return [], 0
    bad, total = [], 0
    counts = word_counts(ctx.text)
    for line in lines:
        for token, conf in _ocr_tokens(ctx, line):
            total += 1
            why = word_flaw(token, acronyms, counts)
            if why is not None:
                bad.append(Doubt(token, why))
            elif conf is not None and conf < min_conf and any(ch.isalpha() for ch in token):
                bad.append(Doubt(token, f"OCR confidence {conf}", conf))
    return bad, total


def _name_word(word: str, counts: Counter[str]) -> bool:
    return bool(word) and (is_vietnamese_word(word) or fold(word) in known_words() or counts[word.casefold()] >= REPEATED)


def name_doubt(ctx: Context, name: str) -> str | None:
    """Why a person's name read from OCR is not one: a word that is no Vietnamese syllable, or not the case of a
    name (each word capitalised, or the whole name in capitals: ``NÑguyến``)."""
    if not has_ocr(ctx) or words_for(ctx, name) is None:
        return None
    words = name.split()
    counts = word_counts(ctx.text)
    bad = [w for w in words if not _name_word(w, counts)]
    if bad:
        return "not Vietnamese syllables: " + ", ".join(repr(w) for w in bad)
    if not (all(w.isupper() for w in words) or all(w[:1].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)):
        return "not the case of a name"
    return None


LINE_MIN_WORDS = 3  # an OCR line of so many syllables read at CLEAR_CONF or more is printed text, not a signature
CLEAR_CONF = 80


def line_between(ctx: Context, upper: str, lower: str) -> str | None:
    """A line of printed text OCR read between the line ``upper`` and the line ``lower`` below it, over the
    same column (``Đại diện Sở Giáo dục và Đào tạo`` between ``PHÓ GIÁM ĐỐC SỞ NỘI VỤ`` and another signer's
    name, in a grid of signatures): the two are then not of one signature block.  None when there is none,
    or either is not found once in the OCR words."""
    names = lines_with(ctx, lower)
    if len(names) > 1:  # the name also in the body ("Ông Lương Văn Hà, Phó Giám đốc"): the line of the name alone
        names = [(p, ln) for p, ln in names if "".join(compact(str(w[0])) for w in ln) == compact(lower)]
    if len(names) != 1:
        return None
    page, line_of_name = names[0]
    name = covering(line_of_name, lower)  # the name's words: OCR may have put a Nơi nhận item on its line
    bottom = min(float(w[3]) for w in name)
    above = [ln for p, ln in lines_with(ctx, upper) if p == page and min(float(w[3]) for w in ln) < bottom]
    if not above:
        return None
    pos = max(above, key=lambda ln: min(float(w[3]) for w in ln))  # the nearest above the name
    top = max(float(w[5]) for w in pos)
    x0, x1 = min(float(w[2]) for w in name), max(float(w[4]) for w in name)
    for record in ctx.source_metadata.get("ocr_words") or []:
        if record.get("page") != page:
            continue
        for line in record.get("lines", []):
            if line is pos or line is line_of_name:
                continue
            over = [w for w in line if float(w[2]) < x1 and x0 < float(w[4])]  # the words over the name's column
            clear = [w for w in over if int(w[1]) >= CLEAR_CONF and is_vietnamese_word(str(w[0]).strip(_EDGE_PUNCT))]
            if len(clear) >= LINE_MIN_WORDS and top <= min(float(w[3]) for w in over) and max(float(w[5]) for w in over) <= bottom:
                return " ".join(str(w[0]) for w in over)
    return None


def strokes_line(ctx: Context, line: str) -> bool:
    """An OCR'd line that holds no two clean words in a row (Vietnamese syllables read at :data:`WORD_MIN_CONF` or
    more): a seal's or a signature's strokes read as text (``À .^A .À k4 Lá ˆ , ˆ F‹`` over qngai_bc280's trích
    yếu), no line of print.  False for a line not found among the OCR words."""
    found = words_for(ctx, line)
    if found is None:
        return False
    clean = [int(w[1]) >= WORD_MIN_CONF and word_flaw(str(w[0]), acronyms=False) is None and any(c.isalpha() for c in str(w[0]))
             for w in found[0]]
    return not any(a and b for a, b in zip(clean, clean[1:]))
