"""The same header read from the three text shapes found in real files."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

FIELD_PER_LINE = """BỘ TÀI CHÍNH
TỔNG CỤC HẢI QUAN
-------
Số: 1234/TCHQ-GSQL
V/v hướng dẫn thủ tục hải quan
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Nội, ngày 05 tháng 3 năm 2020

Kính gửi: Cục Hải quan các tỉnh, thành phố.

Tổng cục Hải quan hướng dẫn như sau:
1. Nội dung thứ nhất.
2. Nội dung thứ hai./.

Nơi nhận:
- Như trên;
- Lưu: VT, GSQL (3b).
KT. TỔNG CỤC TRƯỞNG
PHÓ TỔNG CỤC TRƯỞNG

Nguyễn Văn Cẩn
"""

FLATTENED = """BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Số: 1234/TCHQ-GSQL V/v hướng dẫn thủ tục hải quan Hà Nội, ngày 05 tháng 3 năm 2020
Kính gửi: Cục Hải quan các tỉnh, thành phố.
Tổng cục Hải quan hướng dẫn như sau:
1. Nội dung thứ nhất.
2. Nội dung thứ hai./.
Nơi nhận: KT. TỔNG CỤC TRƯỞNG
- Như trên; PHÓ TỔNG CỤC TRƯỞNG
- Lưu: VT, GSQL (3b).
Nguyễn Văn Cẩn
"""

INTERLEAVED = """BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỔNG CỤC HẢI QUAN Độc lập - Tự do - Hạnh phúc
Số: 1234/TCHQ-GSQL Hà Nội, ngày 05 tháng 3 năm 2020
V/v hướng dẫn thủ tục hải quan
Kính gửi: Cục Hải quan các tỉnh, thành phố.
Tổng cục Hải quan hướng dẫn như sau:
1. Nội dung thứ nhất.
2. Nội dung thứ hai./.
Nơi nhận: KT. TỔNG CỤC TRƯỞNG
- Như trên; PHÓ TỔNG CỤC TRƯỞNG
- Lưu: VT, GSQL (3b).
Nguyễn Văn Cẩn
"""


@pytest.mark.parametrize("text", [FIELD_PER_LINE, FLATTENED, INTERLEAVED], ids=["per_line", "flattened", "interleaved"])
def test_three_shapes_give_the_same_fields(text):
    d = parse_text(text)
    assert d.doc_type.name == "Công văn"
    assert d.number.text == "1234/TCHQ-GSQL"
    assert d.issuer.name == "Tổng cục Hải quan"
    assert d.issuer.parent.name == "Bộ Tài chính"
    assert d.place == "Hà Nội" and d.date == "2020-03-05"
    assert d.subject == "hướng dẫn thủ tục hải quan"
    assert [r.name for r in d.recipients] == ["Cục Hải quan các tỉnh, thành phố"]
    assert [p.label for p in d.provisions] == ["1.", "2."]
    assert [x.name for x in d.distribution] == ["Như trên", "Lưu: VT, GSQL (3b)"]
    assert [(s.authority, s.position, s.name) for s in d.signers] == [
        (["KT. TỔNG CỤC TRƯỞNG"], "PHÓ TỔNG CỤC TRƯỞNG", "Nguyễn Văn Cẩn")
    ]


def test_party_document():
    text = """ĐẢNG BỘ TỈNH QUẢNG NINH
TỈNH ỦY
*
Số 09-NQ/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ninh, ngày 05 tháng 02 năm 2022
NGHỊ QUYẾT
về chuyển đổi số toàn diện tỉnh Quảng Ninh đến năm 2025
I. MỤC TIÊU
1. Mục tiêu chung.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Xuân Ký
"""
    d = parse_text(text)
    assert (d.doc_type.name, d.doc_type.kind, d.doc_type.code) == ("Nghị quyết", "party", "NQ")
    assert (d.number.number, d.number.type_code, d.number.issuer_code) == ("09", "NQ", "TU")
    assert d.issuer.name == "Tỉnh ủy" and d.issuer.parent.name == "Đảng bộ tỉnh Quảng Ninh"
    assert d.subject == "về chuyển đổi số toàn diện tỉnh Quảng Ninh đến năm 2025"
    assert [(s.authority, s.position, s.name) for s in d.signers] == [(["T/M BAN THƯỜNG VỤ"], "BÍ THƯ", "Nguyễn Xuân Ký")]


def test_normative_provisions_tree_and_marks():
    text = """CHÍNH PHỦ
Số: 19/2019/NĐ-CP
HỎA TỐC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 14 tháng 02 năm 2019
NGHỊ ĐỊNH
VỀ HỌ, HỤI, BIÊU, PHƯỜNG
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Chính phủ ban hành Nghị định về họ, hụi, biêu, phường.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về họ.
Điều 2. Giải thích từ ngữ
1. Họ là hình thức giao dịch.
a) Thành viên;
b) Chủ họ;
c) Kỳ mở họ;
d) Phần họ;
đ) Lãi.
2. Dây họ.
Chương II
ĐIỀU KHOẢN THI HÀNH
Điều 3. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày 15 tháng 4 năm 2019./.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Xuân Phúc
"""
    d = parse_text(text)
    assert (d.doc_type.name, d.doc_type.kind) == ("Nghị định", "normative")
    assert d.urgency == "Hỏa tốc"
    assert d.subject == "VỀ HỌ, HỤI, BIÊU, PHƯỜNG"
    assert [(p.label, p.kind, p.title) for p in d.provisions] == [
        ("Chương I", "chapter", "QUY ĐỊNH CHUNG"),
        ("Chương II", "chapter", "ĐIỀU KHOẢN THI HÀNH"),
    ]
    art2 = d.provisions[0].children[1]
    assert (art2.label, art2.title, art2.path) == ("Điều 2.", "Giải thích từ ngữ", "I.2")
    assert [c.kind for c in art2.children] == ["clause", "clause"]
    assert [p.label for p in art2.children[0].children] == ["a)", "b)", "c)", "d)", "đ)"]
    assert art2.children[0].children[4].path == "I.2.1.đ"
    assert d.signers[0].authority == ["TM. CHÍNH PHỦ"] and d.signers[0].name == "Nguyễn Xuân Phúc"
