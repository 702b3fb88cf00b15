"""How far to trust a page's text layer: a score per page, and the verdict that sends a page to OCR.

A PDF's text layer can be missing (a scan), hold only a signature stamp over a scanned page (the stamp is
digital text, the document is an image), or be garbage: an old OCR layer without diacritics ("UY BAN NHAN DAN
/ TINH LAM DONG", "ngdy 03 thdng 9 ndm 2025") or a font whose glyphs map to the wrong code points
("xin chç tr°¡ng tri¿n khai").  Legacy TCVN3/VNI fonts are repaired earlier (:mod:`.glyphs`, the layout's
decoder); what is still garbage after that is scored low here and the page is OCR'd.

The score reads the body lines only (stamps are set apart by :mod:`.page`):

- ``syllables``: share of words that are valid Vietnamese syllables (:func:`is_vietnamese_word`);
- ``script``: share of the printed characters (digits and spaces aside) that are letters of the Vietnamese
  alphabet or ordinary punctuation — a wrong-code-point font prints "chç tr°¡ng tri¿n" (cedillas, degree signs,
  inverted marks), which no Vietnamese text holds;
- ``marked``: share of the valid syllables that carry a Vietnamese diacritic — an old OCR layer without
  diacritics is made of valid-looking syllables ("UY BAN NHAN DAN"), but real Vietnamese prose has a mark on
  well over half of its syllables.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ...lexicon.syllables import is_vietnamese_word
from ..encodings import fix_legacy_text
from ..layout import PageText
from ..layout.columns import line_anchor
from .scans import MIN_IMAGE_COVER, MIN_TEXT_CHARS, STAMP_PAGE_CHARS

# Thresholds, chosen on the Lâm Đồng dev split (pages with ≥ MIN_WORDS words; 120 pages of `text` PDFs against 9
# pages of `garbage` PDFs): text pages score syllables 0.73–1.00 (the lowest: tables of acronyms, "STT", "UBND"),
# marked 0.83–0.97; garbage pages score syllables 0.31–0.53 and marked 0.00–0.20.  The cut-offs sit in the gap,
# nearer the garbage side, so that a good layer is never OCR'd; either signal alone separates the dev pages.
MIN_SYLLABLES = 0.60  # share of words that are Vietnamese syllables
MIN_MARKED = 0.50  # share of syllables that carry a diacritic
MIN_SCRIPT = 0.90  # share of printed characters in the Vietnamese alphabet or ordinary punctuation
MIN_WORDS = 12  # fewer words than this: too little to judge a layer by its words (a page number, a stamp line)

_WORD = re.compile(r"[^\W\d_]+")
_VI_EXTRA = set("ĐđƠơƯư")
_VI_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")  # tones, circumflex, breve, horn
_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~–—‘’“”…•·§№")


@dataclass(frozen=True)
class LayerScore:
    words: int
    syllables: float
    marked: float
    script: float

    def garbage(self) -> bool:
        if self.words < MIN_WORDS:
            return False
        return self.syllables < MIN_SYLLABLES or self.marked < MIN_MARKED or self.script < MIN_SCRIPT


def _in_script(ch: str) -> bool:
    if ch in _VI_EXTRA or ch in _PUNCT:
        return True
    decomposed = unicodedata.normalize("NFD", ch)
    return "a" <= decomposed[0].lower() <= "z" and all(m in _VI_MARKS for m in decomposed[1:])


def _marked(word: str) -> bool:
    return any(ch in _VI_EXTRA or unicodedata.normalize("NFD", ch) != ch for ch in word)


def score_text(lines: list[str]) -> LayerScore:
    """The layer score of a page's body lines."""
    # each distinct word and character is judged once (counted, then weighed by its count)
    words = Counter(w for line in lines for w in _WORD.findall(line))
    chars = Counter("".join(lines))
    n_words = sum(words.values())
    valid = {w: n for w, n in words.items() if is_vietnamese_word(w)}
    n_valid = sum(valid.values())
    printed = {ch: n for ch, n in chars.items() if not ch.isspace() and not ch.isdigit()}
    n_printed = sum(printed.values())
    return LayerScore(
        words=n_words,
        syllables=n_valid / n_words if n_words else 0.0,
        marked=sum(n for w, n in valid.items() if _marked(w)) / n_valid if n_valid else 0.0,
        script=sum(n for ch, n in printed.items() if _in_script(ch)) / n_printed if n_printed else 0.0,
    )


def page_score(page: PageText) -> LayerScore:
    """The score of a page's body lines, legacy-font runs converted first (a TCVN3 page the tables repair is a
    good layer); then, if the words still read badly, the whole-text legacy detector gets its chance."""
    lines = [line_anchor(line) for line in page.lines]
    score = score_text(lines)
    if score.garbage():
        fixed = fix_legacy_text("\n".join(lines))
        if fixed is not None:
            score = max(score, score_text(fixed[0].split("\n")), key=lambda s: (not s.garbage(), s.syllables))
    return score


def page_verdict(page: PageText, score: LayerScore) -> str:
    """Why a page's text layer is not used — ``missing``, ``stamp_only`` or ``garbage`` — or ``""`` to use it.

    ``stamp_only``: a page-sized image with no body text but a signature stamp, or with only a short line of text
    laid over it (a stamp or an issuing-office label: "Cơ quan phát hành: …", fewer than MIN_WORDS words)."""
    scanned = page.image_cover >= MIN_IMAGE_COVER
    if page.body_chars < MIN_TEXT_CHARS:
        if not scanned:
            return ""  # a blank or nearly blank page: nothing to read
        return "stamp_only" if page.stamps or page.body_chars else "missing"
    if scanned and page.body_chars < STAMP_PAGE_CHARS and score.words < MIN_WORDS:
        return "stamp_only"
    if score.garbage():
        return "garbage"
    return ""
