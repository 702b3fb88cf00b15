"""Issue 12: the first digital signature's day stands in for a scan's date line that cannot be read, marked as
such (``date_from_signature``, no span, low confidence), only when what the line shows agrees with it.

The date lines are tesseract's readings of Lâm Đồng scans of the development split that are signed PDFs
(ld_062 ``ngày |6 tháng 12 năm 2025``, ld_071 ``ngày 9Ê tháng 01 năm 2026``); the spread of signing day minus
printed day measured on the signed PDFs is in docs/accuracy.md.  Off by default (``VNADMIN_OCR_SIGNING_DATE``):
the Quảng Ngãi scans are signed when published, often the next day.
"""
from __future__ import annotations

import pytest

from vnadmin_nlp.pipeline import parse_raw

from .test_ocr_doubt import HEADER, _scan


@pytest.fixture(autouse=True)
def _on(monkeypatch):
    monkeypatch.setenv("VNADMIN_OCR_SIGNING_DATE", "on")  # off by default: test_off_by_default


def _signed(date_words: list[tuple[str, int]], when: str | None = "2025-12-16T17:47:57+07:00"):
    lines = HEADER + [
        [("Số:", 92), ("1543/QĐ-BNV", 93)],
        date_words,
        [("QUYẾT", 95), ("ĐỊNH", 95)],
        [("Về", 95), ("việc", 95), ("công", 95), ("nhận", 95), ("kết", 95), ("quả", 95)],
    ]
    raw = _scan(lines)
    if when is not None:
        raw.metadata["digital_signatures"] = [{"index": 0, "time": when}]
    return parse_raw(raw)


def _line(day: str, month: str, year: str = "2025") -> list[tuple[str, int]]:
    return [("Hà", 95), ("Nội,", 95), ("ngày", 95), (day, 70), ("tháng", 95), (month, 92), ("năm", 95), (year, 94)]


def test_unreadable_day_takes_the_signing_day_marked_as_such():
    doc = _signed(_line("|6", "12"))  # ld_062: a day tesseract read "|6"
    assert doc.date == "2025-12-16" and doc.place == "Hà Nội"
    assert "date" not in doc.spans  # not printed: no span
    warning = next(w for w in doc.warnings if w.code == "date_from_signature")
    assert "2025-12-16T17:47:57+07:00" in warning.message and "ngày |6 tháng 12" in warning.message
    assert any(w.code == "date_unreadable" for w in doc.warnings)
    assert doc.confidence["date"] <= 0.3


def test_a_printed_month_that_disagrees_with_the_signature_gives_null():
    doc = _signed(_line("9Ê", "01", "2026"), when="2026-02-03T08:00:00+07:00")  # ld_071's line, signed a month later
    assert doc.date is None
    assert any(w.code == "date_unreadable" for w in doc.warnings)
    assert not any(w.code == "date_from_signature" for w in doc.warnings)


def test_a_printed_year_that_disagrees_gives_null():
    doc = _signed(_line("|6", "12", "2024"))
    assert doc.date is None and not any(w.code == "date_from_signature" for w in doc.warnings)


def test_no_signature_no_fallback():
    doc = _signed(_line("|6", "12"), when=None)
    assert doc.date is None and any(w.code == "date_unreadable" for w in doc.warnings)


def test_a_date_read_in_full_is_kept_and_never_replaced():
    doc = _signed(_line("15", "12"))
    assert doc.date == "2025-12-15" and "date" in doc.spans
    assert not any(w.code == "date_from_signature" for w in doc.warnings)


def test_the_year_alone_missing_is_the_signing_year_when_the_date_is_not_after_it():
    doc = _signed(_line("15", "12", "…"))
    assert doc.date == "2025-12-15"
    assert any(w.code == "date_from_signature" and "year" in w.message for w in doc.warnings)
    later = _signed(_line("18", "12", "…"))  # 18 December would be after the signing day: no year from it
    assert later.date is None


def test_text_layer_documents_get_no_fallback():
    lines = HEADER + [[("Số:", 92), ("1543/QĐ-BNV", 93)], _line("", "12")]
    raw = _scan(lines)
    raw.ocr = False
    raw.metadata.pop("ocr_words")
    raw.metadata["digital_signatures"] = [{"index": 0, "time": "2025-12-16T17:47:57+07:00"}]
    doc = parse_raw(raw)
    assert doc.date == "2025-12" and not any(w.code == "date_from_signature" for w in doc.warnings)


def test_a_date_line_whose_comma_and_month_ocr_lost_is_still_the_date_line():
    """cucthue_cv2191_2026's scan: ``Hà Nội ngày 0Ÿ tháng # năm 2026`` (no comma, the day and month unreadable)."""
    line = [("Hà", 95), ("Nội", 95), ("ngày", 95), ("0Ÿ", 40), ("tháng", 95), ("#", 30), ("năm", 95), ("2026", 94)]
    doc = _signed(line, when="2026-04-08T17:35:00+07:00")
    assert doc.date == "2026-04-08" and any(w.code == "date_from_signature" for w in doc.warnings)
    unsigned = _signed(line, when=None)
    assert unsigned.date is None
    assert any(w.code == "date_unreadable" and "0Ÿ" in w.message for w in unsigned.warnings)


def test_off_by_default_the_date_stays_null_and_the_warning_quotes_the_signing_day(monkeypatch):
    monkeypatch.delenv("VNADMIN_OCR_SIGNING_DATE")
    doc = _signed(_line("|6", "12"))
    assert doc.date is None and not any(w.code == "date_from_signature" for w in doc.warnings)
    stamped = _signed([("Hà", 95), ("Nội,", 95), ("ngày", 95), ("18", 35), ("tháng", 95), ("12", 92), ("năm", 95), ("2025", 94)])
    warning = next(w for w in stamped.warnings if w.code == "date_unreadable")
    assert stamped.date is None and "the first signature stamp is dated 2025-12-16" in warning.message
