"""Issue 12, session 14: digits filled in by hand in coloured ink, read from the ink alone.

- the pen's blue separated from black print and a red stamp (:func:`ink_mask`);
- a part is taken only when most of its readings agree (:func:`_vote`): tesseract reads handwriting
  consistently wrong as often as right (a month ``8`` read ``7`` by 11 of 32 readings);
- the digits put in the OCR line where the label and the symbol are laid out so (``Số: 5 ÉØ/GM-UBND`` →
  ``Số: 560/GM-UBND``), never where they are not;
- on the Lâm Đồng scans of the development split: ld_002's hand-written ``560`` read, with
  ``ocr_handwriting_read`` and a low confidence; ld_042's hand-written ``03`` (read ``9`` by 5 of 32 readings)
  left null with ``number_unreadable`` quoting those readings;
- ``doubted_words`` gives structured doubts (token, why, confidence), formatted where warned as before.
"""
from __future__ import annotations

import shutil

import pytest

from vnadmin_nlp.readers.ocr_fields import _rewrite
from vnadmin_nlp.readers.ocr_ink import AGREE, _parts, _vote, ink_mask
from vnadmin_nlp.readers.ocr_result import OcrLine, OcrWord

from .conftest import SHARED


def _line(text: str) -> OcrLine:
    return OcrLine([OcrWord(w, 80.0, (100 * k, 0, 100 * k + 90, 40)) for k, w in enumerate(text.split())])


def test_the_pen_is_separated_from_print_and_a_red_stamp() -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (300, 60), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 60, 50), fill=(20, 20, 20))  # black print
    draw.rectangle((100, 10, 150, 50), fill=(40, 70, 190))  # blue pen
    draw.rectangle((200, 10, 250, 50), fill=(210, 30, 40))  # red stamp
    mask = ink_mask(image, 40)
    assert mask.getbbox() == (100, 10, 151, 51)
    assert _parts(mask) == [(100, 151)]


def test_a_part_is_taken_only_when_most_readings_agree() -> None:
    right = ["560"] * 28 + ["50", "50", "0", "0"]  # ld_002's number: 28 of 32
    assert _vote(right, date=False)[0] == "560"
    month = ["7"] * 11 + ["1", "1"] + [""] * 19  # ld_042's hand-written month 8: the majority is wrong
    assert _vote(month, date=True) == (None, "'7' 11, '1' 2 of 32 readings")
    day = ["06"] * 16 + ["6"] * 7 + [""] * 9  # a day's readings compared as numbers: 06 = 6
    assert _vote(day, date=True)[0] == "6" and 23 >= AGREE * 32


def test_the_digits_are_put_in_the_line_only_where_it_is_laid_out_so() -> None:
    line = _line("Số: 5 ÉØ/GM-UBND Lâm Đông,")
    assert _rewrite(line, True, ("560",), "'560' 28 of 32 readings")
    assert line.text == "Số: 560/GM-UBND Lâm Đông,"
    assert line.words[1].hand_read and line.words[1].checked
    glued = _line("Số:f60tCNa-usND Lâm")  # the label glued to the digits: nothing to replace
    assert not _rewrite(glued, True, ("560",), "") and glued.text == "Số:f60tCNa-usND Lâm"
    date = _line("Lâm Đông, ngàyD6 tháng 1] năm 2025")
    assert _rewrite(date, False, ("6",), "'6' 23 of 32 readings")
    assert date.text == "Lâm Đông, ngày 6 tháng 1] năm 2025"
    no_month = _line("Lâm Đông, ngày 12 năm 2025")  # no "tháng": the day cannot be placed
    assert not _rewrite(no_month, False, ("12",), "")


def test_doubted_words_are_structured_and_read_as_before() -> None:
    from vnadmin_nlp.extractors.ocr_doubt import Doubt

    soft = Doubt("Ngãi", "OCR confidence 66", 66)
    assert str(soft) == "'Ngãi' (OCR confidence 66)" and soft.conf == 66
    assert str(Doubt("tô", "read 'tổ' elsewhere in the document")) == "'tô' (read 'tổ' elsewhere in the document)"


needs_ocr = pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract not installed")


@needs_ocr
def test_a_number_written_in_blue_is_read_from_the_ink() -> None:
    from vnadmin_nlp import parse_file

    path = SHARED / "devset" / "lamdong" / "ld_002.pdf"
    if not path.exists():
        pytest.skip("the Lâm Đồng development set is not beside the project")
    doc = parse_file(path)
    assert doc.number is not None and doc.number.text == "560/GM-UBND"
    (warning,) = [w for w in doc.warnings if w.code == "ocr_handwriting_read" and w.message.startswith("number:")]
    assert "'560' 28" in warning.message
    assert doc.confidence["number"] <= 0.3


@needs_ocr
def test_a_number_written_in_blue_that_reads_many_ways_is_null_with_the_readings() -> None:
    from vnadmin_nlp import parse_file

    path = SHARED / "devset" / "lamdong" / "ld_042.pdf"
    if not path.exists():
        pytest.skip("the Lâm Đồng development set is not beside the project")
    doc = parse_file(path)
    assert doc.number is None
    (warning,) = [w for w in doc.warnings if w.code == "number_unreadable"]
    assert "in coloured ink: '9' 5" in warning.message


def test_a_month_read_with_a_lookalike_is_written_as_digits_when_a_second_reading_agrees(monkeypatch) -> None:
    """ld_002: the day filled in by hand is read from the ink, the printed month read ``1]``; the line read again,
    zoomed, gives ``tháng 11 năm 2025``: the month is written ``11`` (checked).  A second reading that gives
    another month leaves ``1]`` as it is (the date extractor then leaves the date null, the month unreadable)."""
    from PIL import Image

    from vnadmin_nlp.readers import ocr, ocr_fields
    from vnadmin_nlp.readers.ocr_result import OcrPage

    def crop(box, zoom, colour):
        return Image.new("L", (20, 10), 255)

    def reading(text: str):
        return lambda images, psm, settings, path, dpi, whitelist="": [OcrPage([_line(text)], 20, 10, 0.0)]

    agreeing = _line("Lâm Đông, ngày 6 tháng 1] năm 2025")  # after _rewrite put the ink's day
    monkeypatch.setattr(ocr, "read_many", reading("Lâm Đông, ngàyD6 tháng 11 năm 2025"))
    ocr_fields._month_again(agreeing, crop, ocr.SETTINGS, None, 300)
    assert agreeing.text == "Lâm Đông, ngày 6 tháng 11 năm 2025" and agreeing.words[5].checked
    other = _line("Lâm Đông, ngày 6 tháng 1] năm 2025")
    monkeypatch.setattr(ocr, "read_many", reading("Lâm Đông, ngày 6 tháng 7 năm 2025"))
    ocr_fields._month_again(other, crop, ocr.SETTINGS, None, 300)
    assert other.text == "Lâm Đông, ngày 6 tháng 1] năm 2025"
    plain = _line("Lâm Đông, ngày 6 tháng 11 năm 2025")  # nothing to settle: no second reading made
    monkeypatch.setattr(ocr, "read_many", lambda *a, **k: (_ for _ in ()).throw(AssertionError("read")))
    ocr_fields._month_again(plain, crop, ocr.SETTINGS, None, 300)
    assert ocr_fields._settle([OcrWord("|6", 32.0, (0, 0, 1, 1))]) and not ocr_fields._settle([OcrWord("2025", 90.0, (0, 0, 1, 1))])
