"""Doubt about a number or a date read from OCR: the words it came from, their confidence, their shape, and the
signature stamp's time.  A wrong number is worse than none: the number and date extractors drop a value this
module doubts and say why (``number_unreadable`` / ``date_unreadable``, with the line and what OCR read).

The OCR reader leaves each OCR'd page's words in ``source_metadata["ocr_words"]`` (text, confidence, box:
:func:`vnadmin_nlp.readers.ocr_result.word_record`); a value is found back among them by its letters and
digits (spaces, case and punctuation aside), within one OCR line.  A text-layer document has no OCR words:
nothing here applies to it.

Why each test (Lâm Đồng scans, development split): a number filled in by hand, or stamped over, is read by
tesseract with a few digits lost (``409`` for ``4409``), glued to a letter (``9X``), or at a low confidence.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from typing import Any, NamedTuple, Sequence

from ..lexicon.fold import fold
from ..lexicon.ocr_vocabulary import known_words
from ..lexicon.syllables import is_vietnamese_word
from .base import Context
from ..lexicon.lazy import lazy_re

DIGITS_MIN_CONF = 60  # a number's or a date's digits read at a lower word confidence (and not confirmed by a
# second reading) are doubted: right readings of the corpus and Lâm Đồng scans go down to 68, wrong ones up to 50
HAND_HEIGHT = 1.25  # digits this many times taller than the page's printed digits: written by hand (corpus and
# Lâm Đồng scans: printed digits 8.8–10.4 pt, hand-filled ones 12.9–16.8)
SIGNING_SLACK_DAYS = 1  # a date may follow the first signature time by this much (time zones)
FUTURE_SLACK_DAYS = 31  # an OCR'd date later than this after today is doubted (a clock a month off is no reason)

Word = Sequence[Any]  # [text, confidence, x0, top, x1, bottom]


def _compact(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFC", text).casefold() if ch.isalnum())


def has_ocr(ctx: Context) -> bool:
    return bool(ctx.source_metadata.get("ocr_words"))


def on_ocr(ctx: Context, span: tuple[int, int] | None) -> bool:
    """Whether the text at ``span`` was read by OCR: a 103-page PDF whose annex pages were scanned keeps its
    page-1 header on the text layer, and a title repeated on a scanned page must not make it "OCR'd" (OCR words
    are found by their text).  True when the reader did not say where its OCR'd blocks are."""
    if not has_ocr(ctx):
        return False
    spans = ctx.source_metadata.get("ocr_spans")
    if spans is None or span is None:
        return True
    return any(a < span[1] and span[0] < b for a, b in spans)


def words_for(ctx: Context, text: str, part: str | tuple[int, int] | None = None) -> tuple[list[Word], list[Word]] | None:
    """The OCR words ``text`` was read from (those under ``part`` of it only, when given: a substring, its first
    occurrence, or character offsets in ``text``), and the whole OCR line they stand in; None when ``text`` is
    not found in one OCR line."""
    target = _compact(text)
    if not target:
        return None
    sub = (0, len(target))
    if isinstance(part, tuple):
        sub = (len(_compact(text[: part[0]])), len(_compact(text[: part[1]])))
        if sub[1] <= sub[0]:
            return None
    elif part is not None:
        p = _compact(part)
        at = target.find(p)
        if not p or at < 0:
            return None
        sub = (at, at + len(p))
    for page in ctx.source_metadata.get("ocr_words") or []:
        for line in page.get("lines", []):
            joined, owners = "", []
            for k, word in enumerate(line):
                c = _compact(str(word[0]))
                joined += c
                owners += [k] * len(c)
            i = joined.find(target)
            if i < 0:
                continue
            ks = sorted(set(owners[i + sub[0] : i + sub[1]]))
            return [line[k] for k in ks], line
    return None


def describe(words: Sequence[Word]) -> str:
    """``'409/BCĐX-CAT' (conf 71)``: what OCR read, for a warning."""
    out = ", ".join(f"{str(w[0])!r} (conf {int(w[1])})" for w in words)
    alts = {str(_second(w).get("alt")) for w in words if _second(w).get("alt")}
    return out + "".join(f"; read again: {a!r}" for a in sorted(alts))


def readings(ctx: Context, text: str) -> str:
    """``; read again: 'in coloured ink: …'``: what other readings said of the OCR line ``text`` (a Số or date
    line no value was read from), for a warning; ``""`` when there were none."""
    found = words_for(ctx, text) if has_ocr(ctx) else None
    alts = sorted({str(_second(w)["alt"]) for w in (found[0] if found else []) if _second(w).get("alt")})
    return "".join(f"; read again: {a!r}" for a in alts)


def _second(word: Word) -> dict[str, Any]:
    """What a second reading said of the word (:mod:`vnadmin_nlp.readers.ocr_fields`): ``alt`` or ``checked``."""
    return word[6] if len(word) > 6 and isinstance(word[6], dict) else {}


def _height(word: Word) -> float:
    return float(word[5]) - float(word[3])


def _all_digits(word: Word) -> bool:
    text = str(word[0]).strip(".,;:")
    return bool(text) and text.isdigit()


def printed_digit_height(ctx: Context, page: int, exclude: Sequence[Word]) -> float | None:
    """The median height of the words made of digits alone on an OCR'd page (years, dates, numbers of the body),
    the words in question aside; None when there are fewer than three."""
    for record in ctx.source_metadata.get("ocr_words") or []:
        if record.get("page") != page:
            continue
        heights = sorted(_height(w) for line in record.get("lines", []) for w in line if _all_digits(w) and w not in exclude)
        return heights[len(heights) // 2] if len(heights) >= 3 else None
    return None


def digits_doubt(ctx: Context, words: Sequence[Word], line: Sequence[Word]) -> str | None:
    """Why digits read from these OCR words are not to be trusted, or None.  Digits a second reading confirmed
    are not held to the confidence threshold (tesseract's confidence covers the whole word, symbol and all), but
    digits written by hand are doubted however they read: coloured ink, or digits clearly taller than the
    printed digits of the page (a hand-filled ``11`` read ``44`` at confidence 91, twice)."""
    if not words:
        return None
    held = [w for w in words if any(ch.isdigit() for ch in str(w[0]))]
    if held and all(_second(w).get("hand_read") for w in held):
        return None  # read from the coloured ink alone, its readings agreeing: see hand_read
    low = min(int(w[1]) for w in words)
    if any(_second(w).get("hand") for w in words):
        return "written by hand (coloured ink)"
    alone = [w for w in words if _all_digits(w)]
    printed = printed_digit_height(ctx, _page_of(ctx, line), words) if alone else None
    if printed and max(_height(w) for w in alone) > HAND_HEIGHT * printed:
        return f"written by hand (digits {max(_height(w) for w in alone):.1f} pt tall, printed ones {printed:.1f})"
    if any(_second(w).get("alt") for w in words) or (low < DIGITS_MIN_CONF and not all(_second(w).get("checked") for w in words)):
        return f"read at OCR confidence {low}" + (" and read otherwise a second time" if any(_second(w).get("alt") for w in words) else "")
    return None


def hand_read(ctx: Context, text: str, parts: Sequence[str | tuple[int, int] | None]) -> str | None:
    """``'560' 28 of 32 readings``: how the digits of ``parts`` of ``text`` (an OCR'd number-symbol or date) were
    read from coloured ink written by hand (:mod:`vnadmin_nlp.readers.ocr_ink`), or None when they were printed."""
    if not has_ocr(ctx):
        return None
    for part in parts:
        found = words_for(ctx, text, part) if part else None
        for w in found[0] if found else []:
            if _second(w).get("hand_read"):
                return str(_second(w)["hand_read"])
    return None


def _page_of(ctx: Context, line: Sequence[Word]) -> int:
    for record in ctx.source_metadata.get("ocr_words") or []:
        if any(ln is line or ln == line for ln in record.get("lines", [])):
            return int(record.get("page", 1))
    return 1


def number_doubt(ctx: Context, raw: str, num: str | None) -> str | None:
    """Why the number ``num`` of the number-symbol ``raw`` read from OCR is doubted, or None."""
    if not has_ocr(ctx) or not num or not any(ch.isdigit() for ch in num):
        return None
    found = words_for(ctx, raw, num)
    if found is None:
        return None
    words, line = found
    if any(ch.isalpha() for ch in num):
        return f"a letter among the digits ({num!r}) — " + describe(words)
    why = digits_doubt(ctx, words, line)
    return f"{why} — OCR read {describe(words)}" if why else None


def signing_times(ctx: Context) -> list[dt.date]:
    out = []
    for key in ("digital_signatures", "signatures"):
        for sig in ctx.source_metadata.get(key) or []:
            when = sig.get("time") if isinstance(sig, dict) else None
            if isinstance(when, str) and len(when) >= 10:
                try:
                    out.append(dt.date.fromisoformat(when[:10]))
                except ValueError:
                    continue
    return sorted(out)


def date_doubt(ctx: Context, text: str, date: str, parts: Sequence[tuple[int, int] | None]) -> str | None:
    """Why a date read from OCR is doubted: its digits (day, month, year: ``parts``, offsets in the printed
    ``text`` of the date) read at low confidence or by hand, the date after today (``2035`` for a photographed
    ``2025``: no document is dated in the future), or after the first signature stamp's time or years away from it."""
    if not has_ocr(ctx):
        return None
    if len(date) < 10:  # a scan is of a signed copy: its blank day was filled in, by a hand OCR did not read
        return f"only {date} was read: the day or month is missing (filled in by hand?)"
    if dt.date.fromisoformat(date) > dt.date.today() + dt.timedelta(days=FUTURE_SLACK_DAYS):
        return f"the date {date} is after today: a digit of the year misread?"
    signed = signing_times(ctx)
    if signed and len(date) >= 4:
        first = signed[0]
        year = int(date[:4])
        if abs(year - first.year) > 1:
            return f"the year {year} is far from the signature stamp's ({first.isoformat()})"
        if len(date) == 10 and dt.date.fromisoformat(date) > first + dt.timedelta(days=SIGNING_SLACK_DAYS):
            return f"the date {date} is after the signature stamp's time ({first.isoformat()})"
    for part in parts:
        if not part:
            continue
        found = words_for(ctx, text, part)
        if found is None:
            continue
        words, line = found
        why = digits_doubt(ctx, words, line)
        if why:
            return f"{why} — OCR read {describe(words)}"
    return None


def stamp_hint(ctx: Context) -> str:
    """``; the first signature stamp is dated 2025-09-05`` for a warning about an unread date, or ``""``."""
    signed = signing_times(ctx)
    return f"; the first signature stamp is dated {signed[0].isoformat()} (not taken as the date)" if signed else ""


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
    marks: list[tuple[str, int | None]] = [(t, None) for t in line.split() if not _compact(t)]
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


def _lines_with(ctx: Context, text: str) -> list[tuple[int, list[Word]]]:
    """Every OCR line (page, line) that holds ``text`` (letters and digits compared)."""
    target, out = _compact(text), []
    for record in ctx.source_metadata.get("ocr_words") or []:
        for line in record.get("lines", []):
            if target and target in "".join(_compact(str(w[0])) for w in line):
                out.append((int(record.get("page", 1)), line))
    return out


def _covering(line: list[Word], text: str) -> list[Word]:
    """The words of an OCR line that ``text`` was read from (letters and digits compared); the line if not found."""
    joined, owners = "", []
    for k, word in enumerate(line):
        c = _compact(str(word[0]))
        joined += c
        owners += [k] * len(c)
    target = _compact(text)
    i = joined.find(target) if target else -1
    return [line[k] for k in sorted(set(owners[i : i + len(target)]))] if i >= 0 else line


def line_between(ctx: Context, upper: str, lower: str) -> str | None:
    """A line of printed text OCR read between the line ``upper`` and the line ``lower`` below it, over the
    same column (``Đại diện Sở Giáo dục và Đào tạo`` between ``PHÓ GIÁM ĐỐC SỞ NỘI VỤ`` and another signer's
    name, in a grid of signatures): the two are then not of one signature block.  None when there is none,
    or either is not found once in the OCR words."""
    names = _lines_with(ctx, lower)
    if len(names) > 1:  # the name also in the body ("Ông Lương Văn Hà, Phó Giám đốc"): the line of the name alone
        names = [(p, ln) for p, ln in names if "".join(_compact(str(w[0])) for w in ln) == _compact(lower)]
    if len(names) != 1:
        return None
    page, line_of_name = names[0]
    name = _covering(line_of_name, lower)  # the name's words: OCR may have put a Nơi nhận item on its line
    bottom = min(float(w[3]) for w in name)
    above = [ln for p, ln in _lines_with(ctx, upper) if p == page and min(float(w[3]) for w in ln) < bottom]
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
