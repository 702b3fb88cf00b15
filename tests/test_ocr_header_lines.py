"""Header lines as OCR leaves them (issue 12): a day it could not read keeps the date line (the place is read, the
date is null with ``date_unreadable``); a trích yếu read by OCR whose shape is wrong is left out."""
from __future__ import annotations

import pytest
import regex

from vnadmin_nlp import parse_file, parse_text
from vnadmin_nlp.extractors.subject import _ocr_shape_flaw

from .conftest import SHARED

# qngai_ct07_2018.pdf as OCR reads its header: the day 20 is handwritten and comes out "|2"
CT07 = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 07/CT-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày |2 tháng 3 năm 2018
CHỈ THỊ
Về việc tăng cường công tác thi hành án hành chính
trên địa bàn tỉnh Quảng Ngãi
Trong thời gian qua, công tác triển khai thi hành Luật tố tụng hành chính đạt những kết quả tích cực.
"""


def test_unreadable_day_keeps_the_date_line() -> None:
    doc = parse_text(CT07)
    assert doc.place == "Quảng Ngãi"
    assert doc.date is None  # never the month alone, never a guessed day
    assert doc.doc_type is not None and doc.doc_type.name == "Chỉ thị"
    assert doc.subject is not None and doc.subject.startswith("Về việc tăng cường")
    warning = next(w for w in doc.warnings if w.code == "date_unreadable")
    assert "'|2'" in warning.message


def test_readable_day_unchanged() -> None:
    doc = parse_text(CT07.replace("ngày |2", "ngày 20"))
    assert (doc.place, doc.date) == ("Quảng Ngãi", "2018-03-20")
    assert not any(w.code == "date_unreadable" for w in doc.warnings)


# The date line as OCR breaks it past the date pattern (issue 12, scripts/scan_conditions.py variants): a space inside
# the day or month, letters for digits.  On main each lost the place, the trích yếu and (in corpus texts) the type.
GARBLED = ["ngàys Ề tháng 1] năm 2018", "ngày 2 0 tháng 3 năm 2018", "ngày Ề Ề tháng Ệ ị năm 2018"]
# The two header columns read into one OCR line ("Số: … Quảng Ngãi, ngày …"), the Quốc hiệu above them
CT07_COLUMNS = CT07.replace(
    "Số: 07/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi,",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 07/CT-UBND Quảng Ngãi,",
)


@pytest.mark.parametrize("form", [CT07, CT07_COLUMNS], ids=["lines", "columns"])
@pytest.mark.parametrize("garbled", GARBLED)
def test_garbled_date_line_does_not_end_the_header(form: str, garbled: str) -> None:
    assert form.count("ngày |2 tháng 3 năm 2018") == 1
    doc = parse_text(form.replace("ngày |2 tháng 3 năm 2018", garbled))
    assert (doc.place, doc.date) == ("Quảng Ngãi", None)  # never a guessed day
    assert doc.number is not None and doc.number.text == "07/CT-UBND"
    assert doc.doc_type is not None and doc.doc_type.name == "Chỉ thị"
    assert doc.subject is not None and doc.subject.startswith("Về việc tăng cường")
    warning = next(w for w in doc.warnings if w.code == "date_unreadable")
    assert garbled in warning.message


@pytest.mark.parametrize("name", ["btc_tt40_2000_rtf.rtf", "nd19_2019_docx.docx", "vbpl_ttlt29_2025_html.html"])
def test_garbled_date_in_corpus_texts_keeps_the_header(name: str) -> None:
    """A corpus document's date line garbled as OCR does: every other header field as in the clean text."""
    path = SHARED / "corpus" / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    text = parse_file(path).text
    clean = parse_text(text)
    a, b = clean.spans["date"]
    day, month, year = regex.match(r"ngày\s*(\d+)\s*tháng\s*(\d+)\s*năm\s*(\d{4})", text[a:b]).groups()
    doc = parse_text(text[:a] + f"ngàys Ề{day[-1]} tháng {month} ] năm {year}" + text[b:])

    def header(d):  # noqa: ANN001, ANN202
        return (d.doc_type and d.doc_type.name, d.number and d.number.text, d.subject, d.place, d.issuer and d.issuer.name)

    assert clean.date is not None and doc.date is None
    assert header(doc) == header(clean) and clean.subject
    assert any(w.code == "date_unreadable" for w in doc.warnings)


# ld_072 (dev) as OCR reads it, the misread "câp"/"tiền"/"thâm" put right: no blank line between the trích yếu and
# the body on a scan, so the biên bản's opening formula "Hôm nay, …" must end the trích yếu.
BIEN_BAN = """UBND TỈNH LÂM ĐỒNG
HỘI ĐỒNG THẨM ĐỊNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 18 tháng 12 năm 2025
BIÊN BẢN
Về việc đánh giá, phân loại địa bàn cấp xã không ma túy
Hôm nay, vào lúc 14 giờ 30 phút, ngày 18 tháng 12 năm 2025, tại Hội trường
Công an tỉnh Lâm Đồng. Hội đồng cấp tỉnh xét duyệt địa bàn cấp xã không ma túy
và đề nghị xét duyệt địa bàn cấp tỉnh không ma túy tiến hành họp xét, đánh giá, thẩm
định hồ sơ đối với 29 xã, phường, đặc khu đề nghị xét, công nhận địa bàn cấp xã
không ma túy năm 2025.
1. Thành phần:
"""


@pytest.mark.parametrize("opening", ["Hôm nay, vào lúc 14 giờ 30 phút", "Hôm nay ngày 18/12/2025, vào lúc 14 giờ"])
def test_bien_ban_opening_ends_the_subject(opening: str) -> None:
    doc = parse_text(BIEN_BAN.replace("Hôm nay, vào lúc 14 giờ 30 phút", opening))
    assert doc.doc_type is not None and doc.doc_type.name == "Biên bản"
    assert doc.subject == "Về việc đánh giá, phân loại địa bàn cấp xã không ma túy"


def test_ocr_subject_shapes() -> None:
    # ld_037 (dev), its trích yếu as OCR read it: a speck read as a full stop, the rest of the line lost
    assert _ocr_shape_flaw("Về việc cho phép đổi tên Câu lạc bộ Mô tô Thể thao và phê duyệt. Điều lệ") == "a full stop inside it"
    # ld_071 (dev): a heading taken for the trích yếu
    assert _ocr_shape_flaw("BÁO CÁO ĐÈ XUẤT") == "all in capitals"
    assert _ocr_shape_flaw("Về việc cử đại diện lãnh đạo tham gia Ban Vì sự tiến bộ của phụ nữ.") is None
    assert _ocr_shape_flaw("Về việc thu hồi đất tại TP. Đà Lạt") is None  # an abbreviation's point


# vbpl_154 printed to PDF: 103 pages on a good text layer but two annex pages scanned; its trích yếu (in capitals,
# as a decree prints it) is also on a scanned page, where OCR read it.  The header is on the layer: kept.
ND154 = """CHÍNH PHỦ
Số: 95/2025/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 29 tháng 12 năm 2025
NGHỊ ĐỊNH
QUY ĐỊNH VỀ THỦ TỤC HÀNH CHÍNH THUỘC LĨNH VỰC KHO BẠC NHÀ NƯỚC
Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
Chính phủ ban hành Nghị định quy định về thủ tục hành chính thuộc lĩnh vực Kho bạc Nhà nước.
Phụ lục
QUY ĐỊNH VỀ THỦ TỤC HÀNH CHÍNH THUỘC LĨNH VỰC KHO BẠC NHÀ NƯỚC
"""


def _annex_ocr(text: str, conf: int = 91) -> dict:
    title = "QUY ĐỊNH VỀ THỦ TỤC HÀNH CHÍNH THUỘC LĨNH VỰC KHO BẠC NHÀ NƯỚC"
    line = [[w, conf, 0, 0, 0, 0] for w in title.split()]
    return {"ocr_words": [{"page": 45, "lines": [line]}]}


def test_a_header_on_the_text_layer_is_not_judged_as_ocr() -> None:
    from vnadmin_nlp.pipeline import _parse

    annex = ND154.index("Phụ lục")
    doc, _ = _parse(ND154, source=None, extractors=None, page_numbers=True, metadata=_annex_ocr(ND154, 60), cells=None,
                    ocr_ranges=[(annex, len(ND154))])
    assert doc.subject == "QUY ĐỊNH VỀ THỦ TỤC HÀNH CHÍNH THUỘC LĨNH VỰC KHO BẠC NHÀ NƯỚC"
    assert not any(w.code == "subject_unreadable" for w in doc.warnings)
    # the same header where the reader says it was OCR'd: its words read at confidence 60 are doubted, null
    doc, _ = _parse(ND154, source=None, extractors=None, page_numbers=True, metadata=_annex_ocr(ND154, 60), cells=None,
                    ocr_ranges=[(0, len(ND154))])
    assert doc.subject is None
    assert any(w.code == "subject_unreadable" and "OCR confidence 60" in w.message for w in doc.warnings)
    # read confidently, a decree's title in capitals is its trích yếu (session 13: the shape check knows the type)
    doc, _ = _parse(ND154, source=None, extractors=None, page_numbers=True, metadata=_annex_ocr(ND154), cells=None,
                    ocr_ranges=[(0, len(ND154))])
    assert doc.subject == "QUY ĐỊNH VỀ THỦ TỤC HÀNH CHÍNH THUỘC LĨNH VỰC KHO BẠC NHÀ NƯỚC"
