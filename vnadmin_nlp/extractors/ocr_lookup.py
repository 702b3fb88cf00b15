"""The OCR words a value of the text was read from: found back by its letters and digits (spaces, case and
punctuation aside) within one OCR line, with their confidences, boxes and second readings.  Shared by the doubt
tests of numbers and dates (:mod:`.ocr_doubt`) and of words (:mod:`.ocr_word_doubt`).

The OCR reader leaves each OCR'd page's words in ``source_metadata["ocr_words"]`` (text, confidence, box:
:func:`vnadmin_nlp.readers.ocr_result.word_record`).  A text-layer document has no OCR words: nothing here
applies to it.
"""
from __future__ import annotations

import unicodedata
from typing import Any, Sequence

from .base import Context

Word = Sequence[Any]  # [text, confidence, x0, top, x1, bottom]


def compact(text: str) -> str:
    """The letters and digits of ``text``, case folded: how a value is compared with the OCR words."""
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
    target = compact(text)
    if not target:
        return None
    sub = (0, len(target))
    if isinstance(part, tuple):
        sub = (len(compact(text[: part[0]])), len(compact(text[: part[1]])))
        if sub[1] <= sub[0]:
            return None
    elif part is not None:
        p = compact(part)
        at = target.find(p)
        if not p or at < 0:
            return None
        sub = (at, at + len(p))
    for page in ctx.source_metadata.get("ocr_words") or []:
        for line in page.get("lines", []):
            joined, owners = "", []
            for k, word in enumerate(line):
                c = compact(str(word[0]))
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
    alts = {str(second(w).get("alt")) for w in words if second(w).get("alt")}
    return out + "".join(f"; read again: {a!r}" for a in sorted(alts))


def readings(ctx: Context, text: str) -> str:
    """``; read again: 'in coloured ink: …'``: what other readings said of the OCR line ``text`` (a Số or date
    line no value was read from), for a warning; ``""`` when there were none."""
    found = words_for(ctx, text) if has_ocr(ctx) else None
    alts = sorted({str(second(w)["alt"]) for w in (found[0] if found else []) if second(w).get("alt")})
    return "".join(f"; read again: {a!r}" for a in alts)


def second(word: Word) -> dict[str, Any]:
    """What a second reading said of the word (:mod:`vnadmin_nlp.readers.ocr_fields`): ``alt`` or ``checked``."""
    return word[6] if len(word) > 6 and isinstance(word[6], dict) else {}



def lines_with(ctx: Context, text: str) -> list[tuple[int, list[Word]]]:
    """Every OCR line (page, line) that holds ``text`` (letters and digits compared)."""
    target, out = compact(text), []
    for record in ctx.source_metadata.get("ocr_words") or []:
        for line in record.get("lines", []):
            if target and target in "".join(compact(str(w[0])) for w in line):
                out.append((int(record.get("page", 1)), line))
    return out


def covering(line: list[Word], text: str) -> list[Word]:
    """The words of an OCR line that ``text`` was read from (letters and digits compared); the line if not found."""
    joined, owners = "", []
    for k, word in enumerate(line):
        c = compact(str(word[0]))
        joined += c
        owners += [k] * len(c)
    target = compact(text)
    i = joined.find(target) if target else -1
    return [line[k] for k in sorted(set(owners[i : i + len(target)]))] if i >= 0 else line

