"""The header zone on documents the parser was not written for (issue 11): wrapped trích yếu in capitals that
quote other documents, the enacting body's line under it, typed Số labels, two-line body names, web copies.
The lines are real ones from the vbpl.vn development set (shortened where the field does not need more)."""
from __future__ import annotations

from vnadmin_nlp import parse_text
from vnadmin_nlp.lexicon.glued import join_lines, respace

BYT = """BỘ Y TẾ
-------
Số: 45/2025/TT-BYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Nội, ngày 25 tháng 11 năm 2025
THÔNG TƯ
BÃI BỎ THÔNG TƯ SỐ 31/2015/TT-BYT NGÀY 14 THÁNG 10 NĂM 2015
CỦA BỘ TRƯỞNG BỘ Y TẾ QUY ĐỊNH VIỆC ÁP DỤNG CHẾ ĐỘ BỒI
DƯỠNG, THỜI GIAN VÀ SỐ NGƯỜI THỰC HIỆN GIÁM ĐỊNH ĐỐI VỚI T
ỪNG LOẠI VIỆC GIÁM ĐỊNH PHÁP Y, PHÁP Y TÂM THẦN
Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;
"""


def _warn(doc, code):
    return [w for w in doc.warnings if w.code == code]


def test_wrapped_capital_subject_quoting_a_number_and_a_date():
    doc = parse_text(BYT)
    assert doc.number.text == "45/2025/TT-BYT"
    assert doc.subject == (
        "BÃI BỎ THÔNG TƯ SỐ 31/2015/TT-BYT NGÀY 14 THÁNG 10 NĂM 2015 CỦA BỘ TRƯỞNG BỘ Y TẾ QUY ĐỊNH VIỆC ÁP DỤNG CHẾ "
        "ĐỘ BỒI DƯỠNG, THỜI GIAN VÀ SỐ NGƯỜI THỰC HIỆN GIÁM ĐỊNH ĐỐI VỚI TỪNG LOẠI VIỆC GIÁM ĐỊNH PHÁP Y, PHÁP Y TÂM THẦN"
    )


def test_one_line_subject_cut_nowhere_at_the_citation():
    text = BYT.replace(
        BYT[BYT.index("BÃI BỎ") : BYT.index("Căn cứ")],
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 150/2025/NĐ-CP NGÀY 12 THÁNG 6 NĂM 2025 CỦA CHÍNH PHỦ QUY ĐỊNH TỔ CHỨC\n",
    )
    assert parse_text(text).subject.endswith("NĐ-CP NGÀY 12 THÁNG 6 NĂM 2025 CỦA CHÍNH PHỦ QUY ĐỊNH TỔ CHỨC")


def test_quoc_hieu_named_inside_the_subject():
    line = (
        "Quy định về hạn ngạch thuế quan nhập khẩu để thực hiện Bản Thỏa thuận thúc đẩy thương mại song phương giữa "
        "Chính phủ nước Cộng hòa Xã hội Chủ nghĩa Việt Nam và Chính phủ Vương quốc Campuchia giai đoạn 2025 - 2026"
    )
    text = BYT.replace(BYT[BYT.index("BÃI BỎ") : BYT.index("Căn cứ")], line + "\n____________\n")
    assert parse_text(text).subject == line


UBTVQH = """ỦY BAN THƯỜNG VỤ
QUỐC HỘI
-------
Nghị quyết số: 93/2025/UBTVQH15
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Nội, ngày 12 tháng 8 năm 2025
NGHỊ QUYẾT
QUY ĐỊNH VIỆC THỰC HIỆN DÂN CHỦ TRONG NỘI BỘ HỘI ĐỒNG DÂN TỘC, ỦY BAN CỦA QUỐC HỘI, THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN, BAN CỦA HỘI ĐỒNG NHÂN DÂN
ỦY BAN THƯỜNG VỤ QUỐC HỘI
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
"""


def test_enacting_body_line_typed_number_and_two_line_body_name():
    doc = parse_text(UBTVQH)
    assert doc.subject.endswith("BAN CỦA HỘI ĐỒNG NHÂN DÂN")
    assert doc.number.text == "93/2025/UBTVQH15"
    assert doc.issuer.name == "Ủy ban Thường vụ Quốc hội" and doc.issuer.parent is None
    assert doc.doc_type.name == "Nghị quyết"


def test_dotted_number_and_repeated_type_word():
    text = UBTVQH.replace("Nghị quyết số: 93/2025/UBTVQH15", "Số: 66.15/2026/NQ-CP").replace(
        "QUY ĐỊNH VIỆC THỰC HIỆN DÂN CHỦ TRONG NỘI BỘ HỘI ĐỒNG DÂN TỘC, ỦY BAN CỦA QUỐC HỘI, THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN, BAN CỦA HỘI ĐỒNG NHÂN DÂN",
        "Nghị quyết sửa đổi, bổ sung, bãi bỏ một số quy định tại các văn bản quy\nphạm pháp luật trong lĩnh vực quản lý ngoại hối",
    )
    doc = parse_text(text)
    assert doc.number.text == "66.15/2026/NQ-CP" and doc.number.number == "66.15"
    assert doc.subject == "sửa đổi, bổ sung, bãi bỏ một số quy định tại các văn bản quy phạm pháp luật trong lĩnh vực quản lý ngoại hối"


def test_web_copy_shapes():
    lines = BYT.split("\n")
    # a site's banner above; issuer and a misprinted Quốc hiệu on one line; an invisible mark before the date
    text = "\n".join(
        ["CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT", "BỘY TẾ CỘNG HÒA XÃ HỘI CHỦ NGHÍA VIỆT NAM", lines[2], lines[4],
         "\u200eHà Nội, ngày 25 tháng 11 năm 2025", *lines[7:]]
    )
    doc = parse_text(text)
    assert doc.issuer.name == "Bộ Y tế" and doc.issuer.parent is None
    assert doc.date == "2025-11-25" and doc.number.text == "45/2025/TT-BYT"
    # the whole header flattened onto one line
    flat = " ".join(line for line in lines[:8] if not line.startswith("-")) + "\n" + "\n".join(lines[8:])
    doc = parse_text(flat)
    assert (doc.issuer.name, doc.number.text, doc.date, doc.doc_type.name) == ("Bộ Y tế", "45/2025/TT-BYT", "2025-11-25", "Thông tư")
    assert doc.subject.startswith("BÃI BỎ THÔNG TƯ SỐ 31/2015/TT-BYT")


def test_lost_and_broken_spaces():
    assert respace("ứng phó sự cốbức xạ") == "ứng phó sự cố bức xạ"
    assert respace("sử dụng máy móc,thiết bị cho các cơquan") == "sử dụng máy móc, thiết bị cho các cơ quan"
    assert respace("SỞNÔNGNGHIỆPVÀMÔITRƯỜNG") == "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    assert respace("Nghị định số 156/2020/NĐ-CPngày 31") == "Nghị định số 156/2020/NĐ-CP ngày 31"
    for kept in ("Campuchia", "TTLT-BTC-BGDĐT", "Quyết định số 12/QĐ-TTg", "tỷ lệ 1,5"):
        assert respace(kept) == kept
    assert join_lines(["GIÁM ĐỊNH ĐỐI VỚI T", "ỪNG LOẠI"]) == "GIÁM ĐỊNH ĐỐI VỚI TỪNG LOẠI"


def test_two_numbers_give_null_with_a_warning():
    text = BYT.replace("Số: 45/2025/TT-BYT", "Số: 45/2025/TT-BYT\nSố: 46/2025/TT-BYT")
    doc = parse_text(text)
    assert doc.number is None
    (w,) = _warn(doc, "number_conflict")
    assert "46/2025/TT-BYT" in w.message
    assert doc.subject.startswith("BÃI BỎ")


def test_unreadable_number_line_is_quoted():
    doc = parse_text(BYT.replace("Số: 45/2025/TT-BYT", "Nghị quyết số: ..........."))
    assert doc.number is None
    (w,) = _warn(doc, "number_unreadable")
    assert "Nghị quyết số:" in w.message
    assert doc.issuer.name == "Bộ Y tế"
