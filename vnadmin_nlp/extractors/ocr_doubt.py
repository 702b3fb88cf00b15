"""Doubt about a number or a date read from OCR: the words it came from, their confidence, their shape, and the
signature stamp's time.  A wrong number is worse than none: the number and date extractors drop a value this
module doubts and say why (``number_unreadable`` / ``date_unreadable``, with the line and what OCR read).

The OCR words a value was read from are found by :mod:`.ocr_lookup`; the doubts about words (names, bodies, a
trích yếu) are :mod:`.ocr_word_doubt`'s, re-exported here for the callers that import them from this module.

Why each test (Lâm Đồng scans, development split): a number filled in by hand, or stamped over, is read by
tesseract with a few digits lost (``409`` for ``4409``), glued to a letter (``9X``), or at a low confidence.
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from .base import Context
from .ocr_lookup import Word, describe, has_ocr, on_ocr, readings, second, words_for
from .ocr_word_doubt import (
    CLEAR_CONF, LINE_MIN_WORDS, REPEATED, SUBJECT_MAX_BAD, WORD_MIN_CONF, Doubt, doubted_words, line_between,
    name_doubt, word_counts, word_flaw,
)

__all__ = [  # the word doubts and the lookup, for the callers that import them from here
    "CLEAR_CONF", "LINE_MIN_WORDS", "REPEATED", "SUBJECT_MAX_BAD", "WORD_MIN_CONF", "Doubt", "Word", "date_doubt",
    "describe", "digits_doubt", "doubted_words", "hand_read", "has_ocr", "line_between", "name_doubt",
    "number_doubt", "on_ocr", "printed_digit_height", "readings", "signing_times", "stamp_hint", "word_counts",
    "word_flaw", "words_for",
]

DIGITS_MIN_CONF = 60  # a number's or a date's digits read at a lower word confidence (and not confirmed by a
# second reading) are doubted: right readings of the corpus and Lâm Đồng scans go down to 68, wrong ones up to 50
HAND_HEIGHT = 1.25  # digits this many times taller than the page's printed digits: written by hand (corpus and
# Lâm Đồng scans: printed digits 8.8–10.4 pt, hand-filled ones 12.9–16.8)
SIGNING_SLACK_DAYS = 1  # a date may follow the first signature time by this much (time zones)
FUTURE_SLACK_DAYS = 31  # an OCR'd date later than this after today is doubted (a clock a month off is no reason)


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
    if held and all(second(w).get("hand_read") for w in held):
        return None  # read from the coloured ink alone, its readings agreeing: see hand_read
    low = min(int(w[1]) for w in words)
    if any(second(w).get("hand") for w in words):
        return "written by hand (coloured ink)"
    alone = [w for w in words if _all_digits(w)]
    printed = printed_digit_height(ctx, _page_of(ctx, line), words) if alone else None
    if printed and max(_height(w) for w in alone) > HAND_HEIGHT * printed:
        return f"written by hand (digits {max(_height(w) for w in alone):.1f} pt tall, printed ones {printed:.1f})"
    if any(second(w).get("alt") for w in words) or (low < DIGITS_MIN_CONF and not all(second(w).get("checked") for w in words)):
        return f"read at OCR confidence {low}" + (" and read otherwise a second time" if any(second(w).get("alt") for w in words) else "")
    return None


def hand_read(ctx: Context, text: str, parts: Sequence[str | tuple[int, int] | None]) -> str | None:
    """``'560' 28 of 32 readings``: how the digits of ``parts`` of ``text`` (an OCR'd number-symbol or date) were
    read from coloured ink written by hand (:mod:`vnadmin_nlp.readers.ocr_ink`), or None when they were printed."""
    if not has_ocr(ctx):
        return None
    for part in parts:
        found = words_for(ctx, text, part) if part else None
        for w in found[0] if found else []:
            if second(w).get("hand_read"):
                return str(second(w)["hand_read"])
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
