"""Judging a signature block's second reading (for :mod:`.ocr_signature`): which of its lines are the block's
(cleaned of the seal's and the signature's remains at their ends: :func:`clean_line`), what in them is not to be
trusted (:func:`line_doubts`), and whether the new lines give the block more than the page's reading did
(:func:`keep_block`).  A wrong name is worse than none: every rule here can only leave a line out."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.fold import bare, fold
from ..lexicon.glued import split_word
from ..lexicon.ocr_vocabulary import known_words, position_lookalike
from ..lexicon.syllables import is_vietnamese_word
from .ocr_result import OcrLine, OcrWord
from .signature_lines import _EDGE, _LETTERS, _signing, block_state, is_authority, is_name, is_position, lone_family

MIN_CONF = 50  # every word of the lines a block's new reading gives is read at this confidence or more
JUNK_CONF = 30  # a word read at this confidence or less in the block's reading is the seal's or signature's remains
CLEAR_CONF = 80  # a word of capitals that is no syllable (a code, ``UBND``) read at this confidence or more is print

_ODD = re.compile(r"[^\w.,:;/()\-–]")  # inside a word of print: letters, digits and these only

STRAY = "\"'“”‘’`?!|"  # a speck of the seal or the signature read before a word of the block ("Thị, ?CHỦ)


def _letters(text: str) -> str:
    return "".join(_LETTERS.findall(text))


def junk(word: OcrWord) -> bool:
    """A word of a seal's or a signature's remains: fewer than two letters, or letters that are no syllable and no
    label (``L&.TS.`` at 17, ``7ì``, ``⁄4``, ``____....``); a word read at :data:`JUNK_CONF` or less.  A code of
    capitals read surely (``UBND``) is print, but not one with a mark inside that print never sets in a word
    (ld_015's ``L§.TS.`` at 84: the pen's stroke glued to the rank ``TS.``)."""
    core = _letters(word.text)
    if len(core) < 2:
        return True
    if is_vietnamese_word(core) or fold(_EDGE.sub("", word.text) + ".") in _signing()[0]:
        return False
    if _ODD.search(_EDGE.sub("", word.text)):
        return True
    return word.conf <= JUNK_CONF or not (core.isupper() and word.conf >= CLEAR_CONF)


def _split_glued(word: OcrWord) -> list[OcrWord]:
    """``CHỦTỊCH`` → ``CHỦ`` ``TỊCH`` (:func:`..lexicon.glued.split_word`), each with its share of the box."""
    if is_vietnamese_word(word.text) or not word.text.isalpha():
        return [word]
    parts = split_word(word.text).split()
    if len(parts) < 2:
        return [word]
    x0, y0, x1, y1 = word.bbox
    total, at, out = sum(len(p) for p in parts), float(x0), []
    for part in parts:
        right = at + (x1 - x0) * len(part) / total
        out.append(OcrWord(part, word.conf, (round(at), y0, round(right), y1)))
        at = right
    return out


def clean_line(line: OcrLine) -> OcrLine | None:
    """A line of the block's reading without the seal's and the signature's remains at either end, glued words
    split, a stray mark before a word dropped (``"Thị``, ``?CHỦ``: :data:`STRAY`); None when nothing of it is print (no word of two letters
    or more that is a syllable or a label, read at :data:`JUNK_CONF` or more)."""
    words = [part for w in line.words for part in _split_glued(w)]
    while words and junk(words[0]):
        words.pop(0)
    while words and junk(words[-1]):
        words.pop()
    if not words:
        return None
    for w in words:
        stripped = w.text.lstrip(STRAY)
        if stripped != w.text and is_vietnamese_word(_letters(stripped)):
            w.text = stripped
    return OcrLine(words, None)


def as_position(line: OcrLine) -> str | None:
    """A position line of the block's new reading set to the position it reads as up to OCR's lookalikes (``PHÓ CHỦ
    TỊC``: the H under the signature; :func:`..lexicon.ocr_vocabulary.position_lookalike`): its words take the
    entry's spelling, their boxes and confidences kept.  Returns what was read when a word changed, else None."""
    if not is_position(line.text) or is_authority(line.text):
        return None
    like = position_lookalike(" ".join(_EDGE.sub("", w.text) for w in line.words))
    if like is None or like == line.text:
        return None
    was = line.text
    for word, text in zip(line.words, like.split()):
        word.text = text
    return was


def line_doubts(read: OcrLine, kept: OcrLine) -> list[str]:
    """Why a line of the block's new reading is not to be trusted (a block read again is kept only when none of its
    lines has one): a word read under :data:`MIN_CONF` (``QUÁN`` at 29 in ``TM. HỘI ĐÓNG QUÁN LÝ QUÝ``); in a
    position, a word no position has even without marks (``PHÓ CHỦ TỊC``), or a word of two letters or more
    dropped before it as the signature's remains (``/⁄ZXZP TRƯỞNG BAN``: the PHÓ may be under it).  A name's
    family name read under the seal (``Nguyễn`` at 43) passes when no other family name is one letter from it
    (:func:`lone_family`): the seal makes tesseract unsure, not the letters another name's."""
    lone = is_name(kept.text) and lone_family(kept.words[0].text)
    out = [f"{w.text!r} read at {w.conf:.0f}" for k, w in enumerate(kept.words) if w.conf < MIN_CONF and not (k == 0 and lone and w.conf > JUNK_CONF)]
    if is_position(kept.text) and not is_authority(kept.text):
        vocabulary = _position_words()
        out += [f"{w.text!r} is no position's word" for w in kept.words if bare(fold(_EDGE.sub("", w.text))) not in vocabulary]
        first = next((k for k, w in enumerate(read.words) if kept.words[0].text in w.text), 0)
        out += [f"{w.text!r} dropped before the position" for w in read.words[:first] if len(_letters(w.text)) >= 2]
    return out


@lru_cache(maxsize=1)
def _position_words() -> frozenset[str]:
    """The words of the closed vocabulary (:func:`..lexicon.ocr_vocabulary.known_words`) without their marks."""
    return frozenset(bare(w) for w in known_words())


def keep_block(old: list[str], new: list[str]) -> tuple[bool, str]:
    """Whether the new reading of a block replaces the page's: it gives more of the block (a position, a name under
    it) and keeps every authority line the page's reading has."""
    before, after = block_state(old), block_state(new)
    if sum(after) <= sum(before) or (before[0] and not after[0]):
        return False, "no more of the block"
    if sum(1 for t in new if is_authority(t)) < sum(1 for t in old if is_authority(t)):
        return False, "authority line lost"
    return True, "position read" if after[0] and not before[0] else "name read"

