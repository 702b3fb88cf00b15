"""What tesseract found: words, lines and pages parsed from its TSV output, and the filter for noise lines.

Kept apart from running tesseract (:mod:`.ocr`) because the page layout reads these records too (OCR words
become layout lines, noise lines are dropped there as well) without needing the OCR engine.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

from .base import ReaderError, ReaderWarning


@dataclass
class OcrWord:
    text: str
    conf: float
    bbox: tuple[int, int, int, int]  # pixels, origin top-left
    alt: str | None = None  # another reading of the same word (the Số and date lines are read twice) when it differs
    checked: bool = False  # a second reading gave the same digits
    hand: bool = False  # digits in coloured ink: filled in by hand
    hand_read: str | None = None  # digits read from the coloured ink alone (:mod:`.ocr_ink`): its readings


@dataclass
class OcrLine:
    words: list[OcrWord]
    box: tuple[int, int, int, int] | None = None  # tesseract's line box (pixels): one baseline band for all words

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def conf(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words)

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return (
            min(w.bbox[0] for w in self.words),
            min(w.bbox[1] for w in self.words),
            max(w.bbox[2] for w in self.words),
            max(w.bbox[3] for w in self.words),
        )


@dataclass
class OcrPage:
    lines: list[OcrLine]
    width: int
    height: int
    seconds: float
    words: int = 0
    mean_confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def parse_tsv(tsv: str, width: int, height: int, *, keep_noise: bool = False) -> OcrPage:
    """Tesseract TSV → lines of words (one line per tesseract block/paragraph/line number); lines that look like
    noise are dropped unless ``keep_noise`` (a reading with a character whitelist reports confidence 0)."""
    lines: dict[tuple[str, str, str, str], list[OcrWord]] = {}
    boxes: dict[tuple[str, str, str, str], tuple[int, int, int, int]] = {}
    rows = tsv.splitlines()
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) >= 10 and cols[0] == "4":
            left, top, w, h = (int(c) for c in cols[6:10])
            boxes[(cols[1], cols[2], cols[3], cols[4])] = (left, top, left + w, top + h)
            continue
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = unicodedata.normalize("NFC", cols[11].strip())
        try:
            conf = float(cols[10])
        except ValueError:
            continue
        if not text or conf < 0:
            continue
        left, top, w, h = (int(c) for c in cols[6:10])
        word = OcrWord(text, conf, (left, top, left + w, top + h))
        lines.setdefault((cols[1], cols[2], cols[3], cols[4]), []).append(word)
    out = [OcrLine(words, boxes.get(key)) for key, words in lines.items() if keep_noise or not _is_noise(words)]
    all_words = [w for line in out for w in line.words]
    mean = sum(w.conf for w in all_words) / len(all_words) if all_words else None
    return OcrPage(out, width, height, 0.0, len(all_words), mean)


def word_record(page_no: int, page: OcrPage, scale: float = 1.0) -> dict[str, Any]:
    """The page's OCR lines as plain data for the extractors (``RawDocument.metadata["ocr_words"]``): each line a
    list of ``[text, confidence, x0, top, x1, bottom]`` (boxes in the page's units; a 7th item for a word read
    twice: ``{"alt": the other reading}`` when they disagreed, ``{"checked": true}`` when they agreed, and
    ``"hand": true`` for digits in coloured ink, ``"hand_read"``: the readings of digits read from that ink), so that a field read from OCR
    can be checked against the confidence and the shape of the words it came from."""
    return {
        "page": page_no,
        "lines": [
            [[w.text, round(w.conf), *(round(v / scale, 1) for v in w.bbox), *_second(w)] for w in line.words]
            for line in page.lines
        ],
    }


def _second(word: OcrWord) -> list[dict[str, Any]]:
    facts: dict[str, Any] = {"alt": word.alt} if word.alt else {"checked": True} if word.checked else {}
    if word.hand:
        facts["hand"] = True
    if word.hand_read:
        facts["hand_read"] = word.hand_read
    return [facts] if facts else []


_TRAILING_NOISE = set("_—~|=")


def trim_trailing_noise(words: list[OcrWord]) -> list[OcrWord]:
    """A line's last words made only of underscores, em dashes, tildes, bars: scanner dirt or a seal's edge
    (``GIÁM ĐỐC _ —``), never the end of a line of an official document (a hyphen or an en dash may be)."""
    while words and set(words[-1].text) <= _TRAILING_NOISE:
        words = words[:-1]
    return words


def _is_noise(words: list[OcrWord]) -> bool:
    return is_noise(" ".join(w.text for w in words), [w.conf for w in words])


def is_noise(text: str, confidences: list[float]) -> bool:
    """A 'line' tesseract made out of a seal, a signature or scanner dirt: no letters/digits, or very unsure."""
    alnum = sum(ch.isalnum() for ch in text)
    if alnum == 0 or not confidences:
        return True
    mean = sum(confidences) / len(confidences)
    return mean < 25 or (mean < 45 and alnum <= 3 and not any(ch.isdigit() for ch in text))


def report_into(result: OcrPage, key: str, run: Callable[[], "dict[str, Any] | None"], warnings: list[Any], failure: str) -> None:
    """A second reading of part of a page (:mod:`.ocr_signature`, :mod:`.ocr_subject`) for a reader: its report kept
    in the page's result (``extra[key]``); a failure is an ``ocr_reread_failed`` warning saying ``failure``, never
    the page's loss (a second reading is a check)."""
    try:
        report = run()
    except (ReaderError, ValueError, OSError) as exc:
        warnings.append(ReaderWarning("ocr_reread_failed", f"{failure} ({exc})"))
        return
    if report is not None:
        result.extra[key] = report
