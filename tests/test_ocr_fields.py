"""Fields read from a scan carry the OCR's doubt: a low-confidence word under a field is flagged in warnings."""
from __future__ import annotations

import shutil

import pytest

from vnadmin_nlp import parse_file

pytestmark = pytest.mark.system


@pytest.fixture(scope="module")
def scan(shared):
    if not shutil.which("tesseract"):
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr-vie)")
    return parse_file(shared / "corpus" / "bgddt_qd2605_2025.pdf")


def test_scan_is_read_with_ocr_and_its_header_found(scan):
    assert scan.source.ocr and scan.source.format == "pdf"
    assert scan.doc_type.name == "Quyết định"  # the title OCR reads as "QUYÉT ĐỊNH"
    assert scan.issuer.name == "Bộ Giáo dục và Đào tạo"
    assert scan.date == "2025-09-16"  # "ngàyl6": OCR's l for 1 is read back


def test_low_confidence_field_is_flagged(scan):
    flagged = {w.message.split(":")[0] for w in scan.warnings if w.code == "ocr_low_confidence_field"}
    assert "date" in flagged
