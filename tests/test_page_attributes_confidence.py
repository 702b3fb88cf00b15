"""vbpl.vn pages that show only the attribute table, the page's attributes as a fallback, and the confidence map.

The attribute rows are those of the devset's stub pages (vbpl_686, vbpl_096: a Thông tư and a văn bản hợp
nhất), in vbpl.vn's own markup (label cell / value cell); the lines of documents are from the shared corpus.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from vnadmin_nlp import parse_file, parse_text
from vnadmin_nlp.extractors.confidence import LEVELS, named_fields
from vnadmin_nlp.model import ParseWarning
from vnadmin_nlp.readers.html import HtmlReader

from .conftest import SEED_CONG_VAN

NAV = ("<nav class='ant-breadcrumb'><ol><li><a>Trang chủ</a></li><li>&gt;</li>"
       "<li><a>Văn bản quy phạm pháp luật Trung ương</a></li></ol></nav>"
       "<div class='mobile-tab-nav'><div>Thuộc tính</div><div>Lược đồ</div><div>Văn bản gốc</div><div>Tải về</div></div>")


def stub_page(title: str, rows: list[tuple[str, str]], extra: str = "") -> str:
    cells = "".join(
        f"<td class='ant-descriptions-item'><div class='ant-descriptions-item-container'>"
        f"<span class='ant-descriptions-item-label'>{label}</span><span class='ant-descriptions-item-content'>"
        f"<span class='ant-typography font-medium'>{value}</span></span></div></td>"
        for label, value in rows
    )
    return (
        "<!DOCTYPE html><html><body><main class='min-h-screen' data-vbpl-content-root='true'>" + NAV
        + f"<div class='lawDocumentHeader_container'><h1 class='lawDocumentHeader_title'>{title}</h1>"
        "<div><span>Ngày có hiệu lực:</span><span>11/01/2021</span></div></div>"
        f"<div class='ant-tabs-tabpane'><div class='ant-descriptions'><div class='ant-descriptions-header'>"
        f"<div class='ant-descriptions-title'>{title}</div></div><div class='ant-descriptions-view'><table><tbody>"
        f"<tr class='ant-descriptions-row'>{cells}</tr></tbody></table></div></div></div>{extra}"
        "</main><footer>Bản quyền</footer></body></html>"
    )


TT_TITLE = ("Thông tư số 01/2021/TT-BNV Hướng dẫn nghiệp vụ công tác tổ chức bầu cử đại biểu Quốc hội khóa XV và "
            "đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026")
TT_ROWS = [("Số hiệu", "01/2021/TT-BNV"), ("Loại văn bản", "Thông tư"), ("Ngành", "Nội vụ"),
           ("Ngày ban hành", "11/01/2021"), ("Ngày có hiệu lực", "11/01/2021"), ("Ngày hết hiệu lực", "--"),
           ("Cơ quan ban hành", "Bộ Nội vụ"), ("Chức danh", "Bộ Trưởng Bộ Nội Vụ"), ("Người ký", "Lê Vĩnh Tân")]
VBHN_TITLE = "Văn bản hợp nhất số 07/VBHN-BCT Thông tư quy định về kỹ thuật an toàn trong khai thác khoáng sản"
VBHN_ROWS = [("Số hiệu", "07/VBHN-BCT"), ("Loại văn bản", "Văn bản hợp nhất"), ("Ngành", "--"),
             ("Ngày ký xác thực", "28/01/2026"), ("Ngày có hiệu lực", "28/01/2026"),
             ("Cơ quan ban hành", "Bộ Công Thương"), ("Chức danh", "--"), ("Người ký", "--")]


def write(tmp_path: Path, html: str, name: str = "stub.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_attributes_only_page_is_read_as_attributes_not_text(tmp_path):
    raw = HtmlReader().read(Path("p.html"), stub_page(TT_TITLE, TT_ROWS).encode("utf-8"))
    assert raw.metadata["content_root"] == "attributes_only"
    assert raw.blocks == []  # no "Số hiệu01/2021/TT-BNV" lines, no breadcrumbs
    assert [w.code for w in raw.warnings] == ["attributes_only"]
    attrs = raw.metadata["page_attributes"]
    assert attrs["so_ky_hieu"] == "01/2021/TT-BNV" and attrs["loai_van_ban"] == "Thông tư"
    assert attrs["co_quan_ban_hanh"] == "Bộ Nội vụ" and attrs["ngay_ban_hanh"] == "11/01/2021"
    assert attrs["chuc_danh"] == "Bộ Trưởng Bộ Nội Vụ" and attrs["nguoi_ky"] == "Lê Vĩnh Tân"
    assert attrs["trich_yeu"].startswith("Hướng dẫn nghiệp vụ công tác tổ chức bầu cử")
    assert "ngay_het_hieu_luc" not in attrs  # "--" is the site's "no value"


def test_a_page_with_a_body_beside_the_table_is_not_attributes_only():
    body = "<div>" + "<p>Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;</p>" * 6 + "</div>"
    raw = HtmlReader().read(Path("p.html"), stub_page(TT_TITLE, TT_ROWS, body).encode("utf-8"))
    assert raw.metadata["content_root"] != "attributes_only" and raw.blocks


def test_stub_fields_come_from_the_attributes_without_spans(tmp_path):
    doc = parse_file(write(tmp_path, stub_page(TT_TITLE, TT_ROWS)))
    assert doc.text == "" and doc.provisions == []
    assert (doc.doc_type.name, doc.doc_type.code, doc.doc_type.span) == ("Thông tư", "TT", None)
    assert (doc.number.text, doc.number.span) == ("01/2021/TT-BNV", None)
    assert (doc.issuer.name, doc.issuer.span) == ("Bộ Nội vụ", None)
    assert doc.date == "2021-01-11" and "date" not in doc.spans
    assert doc.subject.startswith("Hướng dẫn nghiệp vụ") and "subject" not in doc.spans
    assert [(s.position, s.name, s.span) for s in doc.signers] == [("Bộ Trưởng Bộ Nội Vụ", "Lê Vĩnh Tân", None)]
    [w] = [w for w in doc.warnings if w.code == "from_page_metadata"]
    assert named_fields(w.message) == {"number", "doc_type", "issuer", "date", "signers", "subject"}
    assert doc.confidence == dict.fromkeys(["doc_type", "number", "issuer", "date", "signers", "subject"],
                                           LEVELS["page_metadata"])


def test_consolidated_text_dated_by_its_authentication(tmp_path):
    doc = parse_file(write(tmp_path, stub_page(VBHN_TITLE, VBHN_ROWS)))
    assert (doc.doc_type.name, doc.number.text, doc.issuer.name) == ("Văn bản hợp nhất", "07/VBHN-BCT", "Bộ Công Thương")
    assert doc.date == "2026-01-28"  # "Ngày ký xác thực", not "Ngày có hiệu lực"
    assert doc.subject == "Thông tư quy định về kỹ thuật an toàn trong khai thác khoáng sản"
    assert doc.signers == []  # "Người ký: --"


HEADER = ("BỘ NỘI VỤ\nSố: 01/2021/TT-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "{date}THÔNG TƯ\nHướng dẫn nghiệp vụ công tác tổ chức bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng "
          "nhân dân các cấp nhiệm kỳ 2021 - 2026\nCăn cứ Luật Tổ chức Quốc hội ngày 20 tháng 11 năm 2014;\n")


def body_page(date_line: str, rows: list[tuple[str, str]]) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in HEADER.format(date=date_line).splitlines())
    return ("<!DOCTYPE html><html><body><h1>" + TT_TITLE + "</h1><table><tr>"
            + "".join(f"<td>{k}</td><td>{v}</td>" for k, v in rows) + "</tr></table>"
            + f"<div data-vbpl-content-root='true'>{paragraphs}</div></body></html>")


def test_the_text_wins_and_the_page_fills_only_what_it_lacks(tmp_path):
    doc = parse_file(write(tmp_path, body_page("", TT_ROWS)))
    assert doc.number.text == "01/2021/TT-BNV" and doc.number.span is not None  # the text's own
    assert doc.date == "2021-01-11" and "date" not in doc.spans  # the header has no date line: the page's
    [w] = [w for w in doc.warnings if w.code == "from_page_metadata"]
    assert named_fields(w.message) == {"date", "signers"}
    assert doc.confidence["number"] == LEVELS["read"] and doc.confidence["date"] == LEVELS["page_metadata"]


def test_a_number_the_page_contradicts_keeps_the_text_and_leaves_the_rest_null(tmp_path):
    rows = [("Số hiệu", "02/2021/TT-BNV"), *TT_ROWS[1:]]
    doc = parse_file(write(tmp_path, body_page("", rows)))
    assert doc.number.text == "01/2021/TT-BNV"
    assert doc.date is None and doc.signers == []  # the attributes may be another document's: not used
    [w] = [w for w in doc.warnings if w.code == "page_metadata_conflict"]
    assert w.message.startswith("number:") and w.span == doc.number.span
    assert not [w for w in doc.warnings if w.code == "from_page_metadata"]
    assert doc.confidence["number"] == LEVELS["low"] and "date" not in doc.confidence


def test_a_date_the_page_contradicts_is_warned(tmp_path):
    doc = parse_file(write(tmp_path, body_page("Hà Nội, ngày 12 tháng 01 năm 2021\n", TT_ROWS)))
    assert doc.date == "2021-01-12"
    assert any(w.code == "page_metadata_conflict" and w.message.startswith("date:") for w in doc.warnings)
    assert doc.confidence["date"] == LEVELS["low"]


# ---------------------------------------------------------------------------------------------- confidence


def test_fields_read_in_the_header_are_sure_and_absent_ones_have_no_entry():
    doc = parse_text(SEED_CONG_VAN.read_text(encoding="utf-8"))
    for f in ("number", "issuer", "place", "date", "subject", "recipients", "signers"):
        assert doc.confidence[f] == LEVELS["read"], f
    assert doc.confidence["doc_type"] == LEVELS["inferred"]  # a công văn known by its V/v line, no type line
    assert "urgency" not in doc.confidence and "secrecy" not in doc.confidence


def test_a_title_the_symbol_contradicts_is_low():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN\nSố: 97/2025/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Bình Thuận, ngày 24 tháng 10 năm 2025\nTHÔNG TƯ\nQuy định về quản lý kinh phí\n")
    doc = parse_text(text)
    assert any(w.code == "type_symbol_mismatch" for w in doc.warnings)
    assert doc.confidence["doc_type"] == doc.confidence["number"] == LEVELS["low"]
    assert doc.confidence["date"] == LEVELS["read"]


def test_a_blank_number_and_a_partial_date_are_unsure():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN\nSố:      /UBND-KT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Bình Thuận, ngày     tháng 02 năm 2025\nV/v báo cáo tình hình\nKính gửi: Sở Tài chính\n")
    doc = parse_text(text)
    assert doc.number.text == "/UBND-KT" and doc.date == "2025-02"
    assert doc.confidence["number"] == doc.confidence["date"] == LEVELS["unsure"]


def test_a_warning_over_a_field_lowers_it():
    from vnadmin_nlp.extractors.confidence import assess

    values = {"date": "2025-02-10", "place": "Hà Nội"}
    spans = {"date": (10, 30), "place": (0, 8)}
    zones = {"header": (0, 100), "closing": None}
    some = ParseWarning(code="something_new", message="odd", span=(12, 14))
    assert assess(values, spans, [some], zones) == {"date": LEVELS["warned"], "place": LEVELS["read"]}
    assert assess(values, {"date": (110, 130), "place": (0, 8)}, [], zones)["date"] == LEVELS["out_of_zone"]
    ocr = ParseWarning(code="ocr_low_confidence_field", message="place: OCR confidence 39/100", span=(0, 8))
    assert assess(values, spans, [ocr], zones) == {"date": LEVELS["read"], "place": LEVELS["low"]}


@pytest.mark.system
def test_low_confidence_ocr_words_lower_the_field(shared):
    import shutil

    if not shutil.which("tesseract"):
        pytest.skip("tesseract is not installed")
    scan = parse_file(shared / "corpus" / "qngai_ct07_2018.pdf")  # its place read through words at 29/100
    flagged = {w.message.split(":")[0] for w in scan.warnings if w.code == "ocr_low_confidence_field"}
    assert "place" in flagged and scan.confidence["place"] == LEVELS["low"]
    assert scan.confidence["doc_type"] > LEVELS["low"]


def test_the_register_lists_the_fields_to_check():
    from vnadmin_nlp.export.register import COLUMNS, row

    doc = {"number": {"text": "97/2025/QĐ-UBND"}, "date": "2025-10-24",
           "confidence": {"doc_type": 0.3, "number": 0.3, "date": 0.95}}
    line = row(doc, 1)
    assert COLUMNS[-1] == "Cần kiểm tra" and line[-1] == "tên loại; số, ký hiệu"
    assert row({"confidence": {}}, 2)[-1] == "" and row({}, 3)[-1] == ""  # a 1.0 output has no confidence
