"""The Số and date lines of a scan's first page, read a second time: cropped, at twice the resolution, as one line
(psm 7).

The two readings are compared on their digits only: when they agree, the digits' words keep the better of the
two confidences; when they disagree (a digit lost under a stamp or a hand-filled number: ``9X`` / ``2X`` for a
handwritten ``289``), the words get the other reading (``OcrWord.alt``) and a confidence under the doubt
threshold, so that the number or date extractor leaves the value out and quotes the readings
(:mod:`vnadmin_nlp.extractors.ocr_doubt`).  The Số line is then also read with its characters limited to what
it may hold (``tessedit_char_whitelist``), as one more candidate for the warning only: with a whitelist,
tesseract's LSTM reports confidence 0 and, on the hand-filled numbers of the development set, read no better
(``Số:2X5/TTr-CAT-PC06`` for 289).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..lexicon.fold import bare, fold
from . import ocr
from .ocr_result import OcrLine, OcrPage

if TYPE_CHECKING:
    from PIL.Image import Image

NUMBER_CHARS = "0123456789/-.:()&ABCDĐEGHIKLMNOPQRSTUVXYabcdeghiklmnopqrstuvxySốỐ"
DISAGREE_CONF = 30.0  # the confidence given to digits two readings disagree on (under ocr_doubt's threshold)
ZOOM = 2.0
MARGIN = 0.35  # of the line's height, added around its box

_DIGITS = re.compile(r"\d+")
_NUMBER_LABEL = re.compile(r"^so\b\s*[:.]?")
_DATE = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")

Crop = Callable[[tuple[int, int, int, int], float], "Image"]  # a pixel box of the page image, zoom → prepared image


def _key(text: str) -> str:
    return bare(fold(text))


def _number_digits(text: str) -> str | None:
    key = _key(text).strip()
    m = _NUMBER_LABEL.match(key)
    if not m:
        return None
    d = _DIGITS.search(key, m.end())
    return d.group() if d and d.start() - m.end() <= 3 else None


def _date_digits(text: str) -> tuple[str, ...] | None:
    m = _DATE.search(_key(text))
    return tuple(str(int(g)) for g in m.groups()) if m else None


def reread_fields(page: OcrPage, crop: Crop, settings: ocr.OcrSettings, path: str | Path | None, dpi: int) -> int:
    """Read the Số line and the date line of ``page`` again and mark their digits; returns the lines re-read."""
    done = 0
    number_seen = date_seen = False
    for line in page.lines:
        text = line.text
        if not number_seen and _number_digits(text) is not None:
            number_seen = True
            done += _compare(line, crop, settings, path, dpi, NUMBER_CHARS, lambda t: (_number_digits(t),))
        elif not date_seen and _date_digits(text) is not None:
            date_seen = True
            done += _compare(line, crop, settings, path, dpi, "", _date_digits)
        if number_seen and date_seen:
            break
    return done


def _compare(
    line: OcrLine,
    crop: Crop,
    settings: ocr.OcrSettings,
    path: str | Path | None,
    dpi: int,
    whitelist: str,
    digits: Callable[[str], tuple[str | None, ...] | None],
) -> int:
    box = line.bbox
    pad = int(MARGIN * (box[3] - box[1]))
    area = (max(0, box[0] - pad), max(0, box[1] - pad), box[2] + pad, box[3] + pad)
    image = crop(area, ZOOM)
    again = ocr.read_line(image, settings, path, int(dpi * ZOOM))
    words = [w for ln in again.lines for w in ln.words]
    second = " ".join(w.text for w in words)
    first_digits, second_digits = digits(line.text), digits(second)
    if not words or second_digits is None or None in second_digits:
        return 0
    held = [w for w in line.words if any(ch.isdigit() for ch in w.text)]
    if first_digits == second_digits:
        best = min(w.conf for w in words if any(ch.isdigit() for ch in w.text)) if any(
            any(ch.isdigit() for ch in w.text) for w in words) else 0.0
        for w in held:
            w.conf = max(w.conf, best)
    else:
        if whitelist:
            limited = " ".join(w.text for ln in ocr.read_line(image, settings, path, int(dpi * ZOOM), whitelist).lines for w in ln.words)
            second = f"{second} | {limited}" if limited and limited != second else second
        for w in held:
            w.alt = second
            w.conf = min(w.conf, DISAGREE_CONF)
    return 1
