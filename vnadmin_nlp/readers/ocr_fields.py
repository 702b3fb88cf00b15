"""The Số and date lines of a scan's first page, read a second time: cropped, at twice the resolution, as one line
(psm 7).

The readings are compared on their digits only (``l``, ``I``, ``|``, ``]`` taken for 1).  When they agree, the
digits' words are marked as checked (``OcrWord.checked``: their confidence is then not held against them), and a
date's word read with a lookalike (``tháng 1]``) is written as the digits both readings agree on (``tháng 11``;
also after the day was read from the ink, the line then read a second time for its month: ld_002).  When
the Số line's two readings disagree, it is read a third time with its characters limited to what it may hold
(``tessedit_char_whitelist``; tesseract's LSTM then reports confidence 0, so that reading counts only as a vote):
the number is checked when it gives the first reading's digits (``Số: 2§27`` / ``Số:2827/QĐ-BGDĐT`` for a typed
2827).  A date line gets no third reading: limited to a date's characters it read what the zoomed reading did
(ld_075's typed ``tháng 8``, ``5`` both times), a process start for nothing.  Otherwise (a digit lost under a stamp, a hand-filled number: ``9X`` / ``2X`` / ``2X5`` for a handwritten
289) the words get the other readings (``OcrWord.alt``) and a confidence under the doubt threshold, so that the
number or date extractor leaves the value out and quotes the readings (:mod:`vnadmin_nlp.extractors.ocr_doubt`).
Digits in coloured ink (the blue pen of a number or day filled in by hand, ``Số: 03 /BCĐX-CAT(PC04)`` read
``0``) are marked as written by hand (``OcrWord.hand``), and the ink alone is read again (:mod:`.ocr_ink`): when
its readings agree enough, the field's words are rewritten with its digits (``Số: 5 ÉØ/GM-UBND`` →
``Số: 560/GM-UBND``), marked ``OcrWord.hand_read`` (the extractors then keep the value at a lower confidence,
with ``ocr_handwriting_read``); otherwise the readings go to ``OcrWord.alt`` for the warning.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..lexicon.fold import bare, fold
from . import ocr
from .ocr_ink import HandReading, read_hand
from .ocr_result import OcrLine, OcrPage, OcrWord

if TYPE_CHECKING:
    from PIL.Image import Image

NUMBER_CHARS = "0123456789/-.:()&ABCDĐEGHIKLMNOPQRSTUVXYabcdeghiklmnopqrstuvxySốỐ"
DISAGREE_CONF = 30.0  # the confidence given to digits two readings disagree on (under ocr_doubt's threshold)
ZOOM = 2.0
MARGIN = 0.35  # of the line's height, added around its box

_DIGITS = re.compile(r"\d+")
_NUMBER_LABEL = re.compile(r"^so\b\s*[:.]?")
_DATE = re.compile(r"\bn[a-z]{2,3}\s*(\d{1,2})\s*th[a-z]{2,3}\s*(\d{1,2})\s*n[a-z]{1,2}\s*(\d{4})")  # "neàyl6 tháng"
_DATE_LINE = re.compile(r"\bng[a-z]{1,3}\S{0,4}\s*\S{0,4}\s*th[a-z]{2,4}\b.{0,8}\bn[a-z]{1,2}m?\b\s*\d{4}")  # no digits read
_LOOKALIKE = str.maketrans("lI|]", "1111")  # letters tesseract prints for the digit 1 (and O for 0, in digits)
_LOOKALIKE_WORD = re.compile(r"(?=[^\d]*\d)(?=.*[lI|\]])[\dlI|\]]{2,4}")  # "1]" for 11: digits and a lookalike of 1
_MONTH_YEAR = re.compile(r"\bth[a-z]{2,4}\s*(\d{1,2})\s*n[a-z]{1,2}m?\s*(\d{4})")  # "tháng 11 năm 2025", lookalikes read as 1

HAND_INK = 0.4  # digits whose ink is this much coloured (blue or red pen, not black print) were filled in by hand
Crop = Callable[[tuple[int, int, int, int], float, bool], "Image"]  # pixel box, zoom, colour → prepared (or RGB) image


def coloured_ink(image: "Image") -> float:
    """The share of the ink (dark or saturated pixels) of an RGB image that is coloured rather than black or grey."""
    rgb = image.convert("RGB")
    ink = coloured = 0
    data = rgb.tobytes()
    for i in range(0, len(data) - 2, 3):
        r, g, b = data[i], data[i + 1], data[i + 2]
        hi, lo = max(r, g, b), min(r, g, b)
        if hi - lo > 70:
            coloured += 1
            ink += 1
        elif hi < 110:
            ink += 1
    return coloured / ink if ink else 0.0


def _key(text: str) -> str:
    return bare(fold(text))


def _number_digits(text: str) -> str | None:
    """The digits of the number on a Số line (``Số: 3] 0 /HHDN-K4`` → ``310``); "" when the label stands with
    no digit before the symbol; None when the line is no Số line."""
    key = _key(text).strip()
    m = _NUMBER_LABEL.match(key)
    if not m:
        return None
    rest = key[m.end() :]
    head = re.split(r"[/-]", rest, maxsplit=1)[0] if re.search(r"[/-]", rest) else rest[:8]
    head = head.translate(_LOOKALIKE)
    if not any(ch.isdigit() for ch in head) and "/" not in rest:
        return None
    return "".join(ch for ch in head if ch.isdigit()) or ""


def _date_digits(text: str) -> tuple[str, ...] | None:
    key = _key(text).translate(_LOOKALIKE)
    m = _DATE.search(key)
    return tuple(str(int(g)) for g in m.groups()) if m else None


def _field_words(line: OcrLine, number: bool) -> list[int]:
    """The indices of the words of the field on its line: the label to the number-symbol, or ``ngày`` to the year."""
    keys = [_key(w.text) for w in line.words]
    if number:
        end = next((k for k in range(len(keys)) if "/" in keys[k] or (k > 0 and "-" in keys[k])), min(2, len(keys) - 1))
        return list(range(0, end + 1))
    start = next((k for k in range(len(keys)) if re.match(r"^ng.y", keys[k])), 0)
    return list(range(start, min(len(keys), start + 6)))


def reread_fields(page: OcrPage, crop: Crop, settings: ocr.OcrSettings, path: str | Path | None, dpi: int) -> int:
    """Read the Số line and the date line of ``page`` again and mark their digits; returns the lines re-read.
    The two lines' second readings are made in one tesseract process (:func:`.ocr.read_many`)."""
    found: dict[bool, OcrLine] = {}
    loose: dict[bool, OcrLine] = {}  # a Số or date line without digits to compare: its ink may still be read
    for line in page.lines:
        text = line.text
        if True not in found and _number_digits(text):  # a Số line and the date line may be one OCR line
            found[True] = line
        elif True not in found and True not in loose and _number_digits(text) == "":
            loose[True] = line
        if False not in found and _date_digits(text) is not None:
            found[False] = line
        elif False not in found and False not in loose and _DATE_LINE.search(_key(text)):
            loose[False] = line
        if len(found) == 2:
            break
    order = sorted(found, reverse=True)  # the Số line first
    images = [crop(_area(found[number], number), ZOOM, False) for number in order]
    readings = ocr.read_many(images, 7, settings, path, int(dpi * ZOOM))
    done = sum(
        _compare(found[number], crop, settings, path, dpi, number, image, again)
        for number, image, again in zip(order, images, readings)
    )
    for number, line in loose.items():
        if number not in found:
            ink = _ink(line, number, crop, settings, path, dpi)
            if ink is not None and ink.parts is None:  # the readings, for the warning: on the label's word
                label = line.words[_field_words(line, number)[0]]
                label.alt = f"in coloured ink: {ink.summary}"
            elif ink is not None and not number:  # the day read from the ink; a printed month read "1]" is checked
                _month_again(line, crop, settings, path, dpi)
            done += ink is not None
    return done


def _settle(words: list[OcrWord]) -> bool:
    """Digits a second reading confirmed up to lookalikes (``1]`` and ``11``): written as digits; whether any was."""
    settled = False
    for w in words:
        core = w.text.strip(".,")
        if _LOOKALIKE_WORD.fullmatch(core):
            w.text, w.checked, settled = w.text.translate(_LOOKALIKE), True, True
    return settled


def _month_again(line: OcrLine, crop: Crop, settings: ocr.OcrSettings, path: str | Path | None, dpi: int) -> None:
    """A date line whose day was read from the ink (:func:`_ink`) and whose month word mixes digits and lookalikes
    (``tháng 1]``): read it again, zoomed, and write the month as digits when both readings give the same month and
    year up to lookalikes.  One tesseract call, only for such a line."""
    field = [line.words[k] for k in _field_words(line, False)]
    if not any(_LOOKALIKE_WORD.fullmatch(w.text.strip(".,")) for w in field):
        return
    first = _MONTH_YEAR.search(_key(line.text).translate(_LOOKALIKE))
    again = ocr.read_many([crop(_area(line, False), ZOOM, False)], 7, settings, path, int(dpi * ZOOM))[0]
    second = _MONTH_YEAR.search(_key(" ".join(w.text for ln in again.lines for w in ln.words)).translate(_LOOKALIKE))
    if first and second and tuple(map(int, first.groups())) == tuple(map(int, second.groups())):
        _settle(field)


def _area(line: OcrLine, number: bool, margin: float = MARGIN) -> tuple[int, int, int, int]:
    """The box of the field's words on its line, with a margin (of the line's height)."""
    box = _union([line.words[k] for k in _field_words(line, number)])
    pad = int(margin * (box[3] - box[1]))  # above, below and to the right; to the left always MARGIN (the label)
    return (max(0, box[0] - int(MARGIN * (box[3] - box[1]))), max(0, box[1] - pad), box[2] + pad, box[3] + pad)


HAND_MARGIN = 1.0  # handwriting rises above and falls below the printed line: a line's height each way
HAND_CONF = 70.0  # the confidence given to digits read from the ink (over ocr_doubt's threshold: hand_read says how)
_LABEL = re.compile(r"^so\W*$")
_DAY_WORD = re.compile(r"^ng[a-z]{1,3}")
_MONTH_WORD = re.compile(r"^th[a-z]{2,4}$")


def _union(words: list[OcrWord]) -> tuple[int, int, int, int]:
    return (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words), max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))


def _rewrite(line: OcrLine, number: bool, parts: tuple[str, ...], summary: str) -> bool:
    """Put the digits read from the ink into the field's words: the number before the symbol (the words between
    the label ``Số:`` and the symbol replaced by one), or the day after ``ngày`` (and the month after ``tháng``).
    False, the line untouched, when its words are not laid out so (a label glued to the digits, no ``tháng``)."""
    words = line.words
    keys = [_key(w.text) for w in words]
    if number:
        idx = _field_words(line, True)
        first, last = idx[0], idx[-1]
        sym = words[last].text
        cut = min((sym.find(c) for c in "/-" if c in sym), default=-1)
        if last == first or cut < 0 or not _LABEL.match(keys[first]):
            return False
        new = OcrWord(parts[0] + sym[cut:], HAND_CONF, _union(words[first + 1 : last + 1]), checked=True, hand_read=summary)
        line.words = words[: first + 1] + [new] + words[last + 1 :]
        return True
    start = next((k for k in range(len(keys)) if _DAY_WORD.match(keys[k])), None)
    if start is None:
        return False
    month = next((k for k in range(start + 1, min(len(keys), start + 4)) if _MONTH_WORD.match(keys[k])), None)
    if month is None or (len(parts) > 1 and (month + 1 >= len(keys) or keys[month + 1].startswith("n"))):
        return False
    day = OcrWord(parts[0], HAND_CONF, _union(words[start:month]), checked=True, hand_read=summary)
    out = words[:start] + [OcrWord("ngày", words[start].conf, words[start].bbox), day, words[month]]
    rest = words[month + 1 :]
    if len(parts) > 1:
        out.append(OcrWord(parts[1], HAND_CONF, rest[0].bbox, checked=True, hand_read=summary))
        rest = rest[1:]
    line.words = out + rest
    return True


def _compare(
    line: OcrLine, crop: Crop, settings: ocr.OcrSettings, path: str | Path | None, dpi: int, number: bool,
    image: "Image", again: OcrPage,
) -> int:
    field = [line.words[k] for k in _field_words(line, number)]
    digits: Callable[[str], object] = _number_digits if number else _date_digits
    second = " ".join(w.text for ln in again.lines for w in ln.words)
    first_digits, second_digits = digits(" ".join(w.text for w in field)), digits(second)
    if second_digits is None:  # the second reading found no Số line or no date: nothing to compare
        return 0
    held = [w for w in field if any(ch.isdigit() for ch in w.text)]
    for w in held:
        if coloured_ink(crop(w.bbox, 1.0, True)) >= HAND_INK:
            w.hand = True
    ink: HandReading | None = None
    if any(w.hand for w in held):
        ink = _ink(line, number, crop, settings, path, dpi)
        if ink is not None and ink.parts is not None:
            return 1
    limited = ""
    if number and first_digits != second_digits:  # a third reading, characters limited: two of three agreeing
        limited = " ".join(w.text for ln in ocr.read_line(image, settings, path, int(dpi * ZOOM), NUMBER_CHARS).lines for w in ln.words)
    if first_digits in (second_digits, digits(limited) if limited else None):
        for w in held:
            w.checked = True
        if not number:
            _settle(held)  # "tháng 1]" read "tháng 11" the second time: the month as digits
        return _marked(held, "", ink) if ink is not None else 1
    if not any(w.hand for w in held):  # digits in doubt: the field's coloured ink, if it has any, is read
        ink = _ink(line, number, crop, settings, path, dpi)
        if ink is not None and ink.parts is not None:
            return 1
    second = f"{second} | {limited}" if limited and limited != second else second
    for w in held:
        w.conf = min(w.conf, DISAGREE_CONF)
    return _marked(held, second, ink)


def _ink(line: OcrLine, number: bool, crop: Crop, settings: ocr.OcrSettings, path: str | Path | None, dpi: int) -> HandReading | None:
    """The field's coloured ink read (:func:`.ocr_ink.read_hand`), its digits put in the line when taken (the
    reading's ``parts`` are then set); None when the field has no coloured ink."""
    if not settings.ink:
        return None
    hand = read_hand(crop(_area(line, number, HAND_MARGIN), 1.0, True), not number, settings, path, dpi)
    if hand is not None and hand.parts is not None and not _rewrite(line, number, hand.parts, hand.summary):
        hand = HandReading(None, hand.summary + " (not placed in the line)")
    return hand


def _marked(held: list[OcrWord], second: str, ink: HandReading | None) -> int:
    """The other readings of the digits (a second reading, the coloured ink's) noted on their words."""
    alt = " | ".join(x for x in (second, f"in coloured ink: {ink.summary}" if ink is not None else "") if x)
    for w in held:
        w.alt = alt or w.alt
    return 1
