"""Issue 12: a PDF page's text layer is scored and the pages whose layer is missing, stamp-only or garbage are
OCR'd; ``source.page_text`` says per page which text was used and why.

The unit tests score real lines of the Lâm Đồng development split (dev documents only); the file tests read one
garbage-layer and one stamp-only PDF of the dev split (skipped when the devset or tesseract is missing).
"""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_file
from vnadmin_nlp.readers import ocr, read_file
from vnadmin_nlp.readers.layout import PageText
from vnadmin_nlp.readers.pdf.quality import page_verdict, score_text

from .conftest import SHARED

DEVSET = SHARED / "devset" / "lamdong"

# An old OCR layer without diacritics (ld_002, ld_037, ld_051: dev, layer "garbage").
GARBAGE_LINES = [
    "UY BAN NHAN DAN ceNG HoA x,l ugr cnu Ncnin vtpr xlrvr",
    "TINH LAM DONG DQc l$p - Trl do - Hqnh phric",
    "so:f60tCNa-usND LdmDing,ngdy7L thdng 1l ndm2025",
    "Uy ban nhdn dAn tinh t6 chric bu,ii lam viec d,5 nghe Sd NQi vu b6o c6o",
    "co quan nhd nudc c6 thiim quyin quy dinh tai Diiu 15 Nghi dinh nay ban hdnh",
    "Tr6n co sd th6o ludn, cu6c ho.p dE thi5ng nhAt n6i dung b6o c6o Chir tich",
]
# A good layer (ld_035, dev, layer "text"): a table of acronyms and short headings, the lowest-scoring text page.
TEXT_LINES = [
    "KẾT QUẢ ĐÁNH GIÁ ĐỐI VỚI CÁC TIÊU CHÍ THUỘC CÔNG TÁC",
    "CHỈ ĐẠO ĐIỀU HÀNH NĂM 2025",
    "II. ĐỐI VỚI CẤP XÃ",
    "STT Đơn vị chuẩn thẩm Chỉ số",
    "Điểm Điểm",
    "Điểm tự",
    "đánh giá",
]


def test_old_ocr_layer_without_diacritics_is_garbage() -> None:
    score = score_text(GARBAGE_LINES)
    assert score.garbage()
    assert score.syllables < 0.6 and score.marked < 0.5


def test_good_layer_is_kept() -> None:
    score = score_text(TEXT_LINES)
    assert not score.garbage()
    assert score.marked > 0.8 and score.script == 1.0


def test_glyphs_mapped_to_wrong_code_points_are_out_of_script() -> None:
    # a font without ToUnicode: Vietnamese letters come out as Latin-1 symbols (cedilla, degree sign, ¡, ¿)
    score = score_text(["Sở Nội vụ xin chç tr°¡ng tri¿n khai c¸c n¬i dung sau ®©y cña ñy ban"] * 2)
    assert score.script < 0.9 and score.garbage()


def test_too_few_words_to_judge() -> None:
    assert not score_text(["2", "./."]).garbage()


def _page(body_chars: int, cover: float, stamps: int = 0) -> PageText:
    return PageText(1, 595.0, 842.0, [], body_chars, cover, [{"page": 1}] * stamps)


def test_verdicts() -> None:
    empty = score_text([])
    short = score_text(["SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 19/03/2026; 08:40:00; +07:00"])  # ld_049, a stamp line
    assert page_verdict(_page(0, 1.0), empty) == "missing"
    assert page_verdict(_page(0, 1.0, stamps=1), empty) == "stamp_only"
    assert page_verdict(_page(49, 1.0, stamps=1), short) == "stamp_only"
    assert page_verdict(_page(0, 0.0), empty) == ""  # a blank page: nothing to OCR
    assert page_verdict(_page(49, 0.0), short) == ""  # a short text page without a scan under it
    assert page_verdict(_page(1295, 0.0), score_text(GARBAGE_LINES)) == "garbage"
    assert page_verdict(_page(1500, 0.0), score_text(TEXT_LINES)) == ""


def _tesseract_reason() -> str | None:
    binary = ocr.tesseract_binary()
    if binary is None or "vie" not in ocr.available_languages(binary):
        return "tesseract with its Vietnamese model is not installed"
    return None


NO_TESSERACT = _tesseract_reason()
needs_devset = pytest.mark.skipif(not DEVSET.is_dir(), reason=f"devset not found at {DEVSET}")


def needs_tesseract(test):  # type: ignore[no-untyped-def]
    test = pytest.mark.skipif(NO_TESSERACT is not None, reason=NO_TESSERACT or "")(test)
    return pytest.mark.system(needs_devset(test))


@needs_tesseract
def test_garbage_layer_is_ocrd_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(damaged=ocr.OcrSettings.damaged))
    assert ocr.OcrSettings.damaged  # on by default since the syllable checks (issue 12); VNADMIN_OCR_DAMAGED=off
    document = parse_file(DEVSET / "ld_002.pdf")  # dev; an old OCR layer "UY BAN NHAN DAN / TINH LAM DONG"
    assert [(p.page, p.text, p.why) for p in document.source.page_text] == [(1, "ocr", "garbage")]
    (page,) = document.source.page_text  # the header and closing columns: which text was kept for each, and why
    assert page.regions and all(r.text in ("page", "region") and r.why for r in page.regions)
    assert document.source.ocr
    assert "NHÂN DÂN" in document.text[:200] and "NHAN DAN" not in document.text


@needs_tesseract
def test_stamp_only_first_page_is_ocrd_and_the_stamp_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(damaged=True))
    document = parse_file(DEVSET / "ld_071.pdf")  # dev; page 1: a "SAO Y" stamp over a scan, page 2: a scan
    assert [(p.page, p.text, p.why) for p in document.source.page_text] == [
        (1, "ocr", "stamp_only"),
        (2, "ocr", "missing"),
    ]
    stamps = [s["text"] for s in document.source.signatures]
    assert any(t.startswith("SAO Y; CÔNG AN TỈNH LÂM ĐỒNG") for t in stamps)
    assert "SAO Y;" not in document.text  # painted out of the page before OCR: not read into the header
    assert document.issuer is not None


@needs_devset
def test_with_damaged_off_a_garbage_layer_is_kept_and_said_to_be_damaged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(damaged=False))
    raw = read_file(DEVSET / "ld_002.pdf")
    assert raw.metadata["page_text"] == [{"page": 1, "text": "layer", "why": "garbage"}]
    assert "text_layer_damaged" in [w.code for w in raw.warnings] and not raw.ocr


@needs_devset
def test_ocr_off_keeps_the_garbage_layer_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(enabled=False, damaged=True))
    raw = read_file(DEVSET / "ld_002.pdf")
    assert raw.metadata["page_text"] == [{"page": 1, "text": "layer", "why": "garbage"}]
    assert "ocr_disabled" in [w.code for w in raw.warnings] and not raw.ocr


@needs_devset
def test_text_layer_pdf_is_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(enabled=False))
    raw = read_file(DEVSET / "ld_035.pdf")  # dev, layer "text": every page's layer is used, nothing recorded
    assert "page_text" not in raw.metadata and not raw.ocr
