"""Issue 12, scans unlike ours: a page turned 90/180°, skewed 4°, on grey paper or photographed, made from a real dev
scan (ld_075, VNPT Lâm Đồng's one-page công văn: typed number and date) by ``scripts/scan_conditions.py``.

Before session 19 each of the turned and grey variants lost every header field (``scripts/scan_variants.py``).  The
parts that need no tesseract (OSD's answer parsed, the paper map, the skew, the failed-page test, the date after
today) are tested on the rendered page; one end-to-end test per condition reads the header band through the image
reader (a third of the page: a few seconds of OCR each).
"""
from __future__ import annotations

import datetime as dt
import io
import shutil
import sys

import pytest

from vnadmin_nlp.readers.ocr_orient import failed, page_skew, parse_osd, upright
from vnadmin_nlp.readers.ocr_paper import flatten, needs_flattening, paper_map
from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord

from .conftest import ROOT, SHARED

LD_075 = SHARED / "devset" / "lamdong" / "ld_075.pdf"
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="module")
def page():  # noqa: ANN201
    """ld_075's page at 300 dpi, in colour."""
    if not LD_075.exists():
        pytest.skip(f"{LD_075} is not here")
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(str(LD_075))[0].render(scale=300 / 72).to_pil().convert("RGB")


def _condition(name: str):  # noqa: ANN202
    from scan_conditions import conditions

    return conditions()[name][1]


def _ocr_page(text: str) -> OcrPage:
    words = [OcrWord(w, 80.0, (10 * k, 0, 10 * k + 9, 10)) for k, w in enumerate(text.split())]
    return OcrPage([OcrLine(words)], 100, 100, 0.0, len(words), 80.0)


def test_osd_output_is_parsed_and_a_turn_is_undone() -> None:
    text = "Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 16.13\nScript: Latin\n"
    assert parse_osd(text) == (90, 16.13)
    assert parse_osd("Too few characters. Skipping this page\n") == (0, 0.0)
    from PIL import Image

    sideways = Image.new("L", (300, 200), 255)
    assert upright(sideways, 90).size == (200, 300) and upright(sideways, 2.0).size == (300, 200)


def test_a_reading_of_junk_has_failed_and_a_header_has_not() -> None:
    # ld_075 turned 180°, read as it lay (tesseract's words), and its header read upright
    assert failed(_ocr_page("ĐNÓ2 VỌH YX (H2 IÒH VIHĐN HNỊH2 LÑIA nƒ\\q NãIA WIVN ĐNOHI - sôq đội 1, öp HuẺN"))
    assert not failed(_ocr_page("TẬP ĐOÀN BƯU CHÍNH VIỄN THÔNG VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert failed(_ocr_page("Độc lập"))  # nearly nothing on the page: OSD is asked (it refuses a blank page)


def test_the_skew_of_a_page_fed_askew_is_found_and_a_straight_page_is_left(page) -> None:  # noqa: ANN001
    grey = page.getchannel("R")
    assert page_skew(grey) == 0.0
    assert page_skew(_condition("skew-4")(page).getchannel("R")) == pytest.approx(-4.0, abs=0.5)
    assert page_skew(_condition("skew+2.5")(page).getchannel("R")) == 0.0  # tesseract copes with 2.5°


def test_grey_paper_is_made_white_and_white_paper_is_left_as_it_is(page) -> None:  # noqa: ANN001
    import numpy as np

    white = page.getchannel("R")
    assert not needs_flattening(paper_map(white)) and flatten(white) is white
    grey = _condition("grey")(page).getchannel("R")
    assert needs_flattening(paper_map(grey))
    flat = np.asarray(flatten(grey))
    assert np.median(flat) == 255 and np.percentile(flat, 1) < 128  # the paper white, the ink still dark
    photo = _condition("photo")(page).getchannel("R")
    assert needs_flattening(paper_map(photo))


def test_an_ocr_date_after_today_is_doubted() -> None:
    from vnadmin_nlp.extractors import ocr_doubt

    class Ctx:  # what date_doubt reads of a document read by OCR
        source_metadata = {"ocr_words": [{"page": 1}]}

    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    assert ocr_doubt.date_doubt(Ctx(), "2025-08-26", "2025-08-26", []) is None
    assert "after today" in (ocr_doubt.date_doubt(Ctx(), later, later, []) or "")


@pytest.mark.parametrize("name", ["rot90", "rot180", "skew-4", "grey"])
def test_the_header_of_a_turned_skewed_or_grey_scan_is_read(page, name, tmp_path) -> None:  # noqa: ANN001
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    from vnadmin_nlp import parse_file

    band = _condition(name)(page.crop((0, 0, page.width, page.height * 2 // 5)))
    path = tmp_path / f"ld_075_{name}.png"
    path.write_bytes(_png(band))
    doc = parse_file(path)
    assert doc.doc_type is not None and doc.doc_type.name == "Công văn"
    assert doc.number is not None and doc.number.text == "2571/VNPT-LĐG-NSTH"
    assert doc.date == "2025-08-26" and doc.place == "Lâm Đồng"


def _png(image) -> bytes:  # noqa: ANN001
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()


def test_a_body_named_after_the_kinh_gui_is_not_the_issuer(tmp_path) -> None:
    """ld_040 turned 2.5° or cropped: its Số line (under a red stamp) was not read, and the body's first line,
    which names a body, was taken for the issuer's next line (``Sở Tư pháp`` under ``Ban chấp hành … đề nghị``)."""
    from vnadmin_nlp import parse_file

    text = ("HỘI CÔNG CHỨNG VIÊN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Lâm Đồng, ngày 05 tháng 9 năm 2025\nKính gửi: Sở Tư pháp tỉnh Lâm Đồng\n"
            "n ““THực hiện văn bản số 603/STP-BTTP ngày 04/9/2025 của Sở Tư pháp tỉnh\n"  # the OCR's lines
            "che Lam Ấn co về việc hoàn thiện hồ sơ tổ chức Đại hội hợp nhất các Hội Công\n"
            "chứng viên tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ) đã chỉnh sửa nội dung\ntheo yêu cầu.\n"
            "Ban chấp hành Hội công chứng viên các tỉnh sáp nhập, đề nghị Sở tư pháp\n"
            "phối hợp Sở Nội vụ trình UBND tỉnh Lâm Đồng xem xét quyết định.\n")
    path = tmp_path / "ld_040.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_file(path)
    assert doc.issuer is not None and doc.issuer.name == "Hội Công chứng viên tỉnh Lâm Đồng"
    assert doc.issuer.parent is None


def test_yellowed_paper_is_balanced_to_white_for_the_ink_tests_and_white_paper_is_left(page) -> None:  # noqa: ANN001
    """On ld_075 yellowed, every printed digit of the Số and date lines looked "coloured ink" (filled in by hand),
    and the number and date were left null."""
    from vnadmin_nlp.readers.ocr_fields import HAND_INK, coloured_ink
    from vnadmin_nlp.readers.ocr_paper import white_balance

    box = (200, 560, 1100, 700)  # the Số line's left part
    crop = page.crop(box)
    assert white_balance(crop).tobytes() == crop.tobytes()  # white paper: the same pixels
    yellow = _condition("yellow")(page).crop(box)
    assert coloured_ink(yellow) >= HAND_INK > coloured_ink(white_balance(yellow))
