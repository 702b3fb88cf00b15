"""Tasks and deadlines (issue 13, session 16), on real lines of the development set and the corpus: a day and month
without a year in a regulation is yearly (vbpl_212), a month without a year whose year cannot be told gives a
``deadline_year_unclear`` warning and no deadline; the members listed after a category and a colon are the lead
(vbpl_545, ld_064, vbai_04: the body gold's convention of session 16)."""
from __future__ import annotations

from vnadmin_nlp import parse_text

QUYET_DINH = """THỦ TƯỚNG CHÍNH PHỦ
Số: 12/2025/QĐ-TTg

Hà Nội, ngày 20 tháng 10 năm 2025

QUYẾT ĐỊNH
Quy định tiêu chí xác định địa bàn trọng điểm phức tạp về ma túy

Điều 1. Phạm vi điều chỉnh
Quyết định này quy định tiêu chí xác định địa bàn trọng điểm phức tạp về ma túy.
"""

CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 1234/UBND-TH
V/v triển khai nhiệm vụ

Lâm Đồng, ngày 15 tháng 10 năm 2025

Kính gửi: Các sở, ban, ngành tỉnh

"""

CLOSING = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""


def test_a_regulations_day_without_year_is_yearly() -> None:
    # vbpl_212 Điều 7.3: a rule of a regulation, the same day every year (not 30 December of the document's year)
    text = QUYET_DINH + """Điều 7. Kỳ đánh giá và báo cáo
3. Bộ Công an xem xét, phê duyệt tuyến trọng điểm phức tạp về ma túy liên tỉnh, địa bàn trọng điểm phức tạp về ma \
túy, địa bàn không ma túy cấp tỉnh trước ngày 30 tháng 12 để tổng hợp báo cáo Thủ tướng Chính phủ.
""" + CLOSING
    found = [(d.text, d.kind, d.rule, d.day, d.date, d.relative) for d in parse_text(text).deadlines]
    assert found == [("trước ngày 30 tháng 12", "recurring", "yearly", 30, None, "R/P1Y/12-30")]


def test_a_letters_day_without_year_is_this_year() -> None:
    # the same words in a letter: the first such day on or after the letter's date
    text = CONG_VAN + "1. Sở Tài chính tổng hợp, báo cáo UBND tỉnh trước ngày 30 tháng 12.\n" + CLOSING
    assert [(d.kind, d.date) for d in parse_text(text).deadlines] == [("date", "2025-12-30")]


def test_a_month_over_this_year_is_unclear() -> None:
    # "trong tháng 3" in a letter of October: next March most likely, but a wrong year is worse than none
    doc = parse_text(CONG_VAN + "1. Sở Tài chính hoàn thành việc rà soát trong tháng 3.\n" + CLOSING)
    assert doc.deadlines == []
    assert [t.deadline for t in doc.tasks] == [None]
    warned = [w.message for w in doc.warnings if w.code == "deadline_year_unclear"]
    assert warned and "'trong tháng 3'" in warned[0]


def test_a_regulations_month_without_year_is_unclear() -> None:
    # in a regulation a month alone may be every year's or the document's: none, with the warning
    doc = parse_text(QUYET_DINH + "Điều 7. Tổ chức thực hiện\n1. Bộ Công an hoàn thành việc rà soát trong tháng 12.\n" + CLOSING)
    assert doc.deadlines == []
    assert any(w.code == "deadline_year_unclear" for w in doc.warnings)


THONG_TU = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 30/2025/TT-BKHCN

Hà Nội, ngày 24 tháng 12 năm 2025

THÔNG TƯ
Quy định chế độ báo cáo định kỳ

"""


def _leads(text: str) -> list[list[str]]:
    return [t.lead for t in parse_text(text).tasks]


def test_the_members_after_a_category_are_the_lead() -> None:
    # vbai_04 (its lower-case "xây dựng" is the field in the name, not the verb), vbai_04 again with bare names, ld_064
    text = CONG_VAN + """1. Yêu cầu các hội: Hội Nghề cá, Hiệp hội Nước mắm Phan Thiết, Hội Tin học, Hiệp hội Nhà thầu xây dựng \
hoàn thành việc tổ chức đại hội nhiệm kỳ chậm nhất ngày 31/12/2025.
2. Giao các sở: Nông nghiệp và Phát triển nông thôn, Thông tin và Truyền thông, Xây dựng đôn đốc, hướng dẫn các hội.
3. Các bộ, cơ quan ngang bộ: Tài chính; Tư pháp; Khoa học và Công nghệ; Văn phòng Chính phủ phối hợp với Bộ Nội vụ \
trong việc theo dõi, đánh giá cải cách hành chính.
4. Sở Kế hoạch và Đầu tư: Kịp thời thông báo cho các đơn vị.
""" + CLOSING
    assert _leads(text) == [
        ["Hội Nghề cá", "Hiệp hội Nước mắm Phan Thiết", "Hội Tin học", "Hiệp hội Nhà thầu xây dựng"],
        ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Thông tin và Truyền thông", "Sở Xây dựng"],
        ["Bộ Tài chính", "Bộ Tư pháp", "Bộ Khoa học và Công nghệ", "Văn phòng Chính phủ"],
        ["Sở Kế hoạch và Đầu tư"],  # a name, a colon, then the action: the name
    ]


def test_a_regulations_heading_and_its_members() -> None:
    # vbpl_545 Điều 13.3 (a verb inside the heading's name) and Điều 14.2 (the units of the ministry, one each),
    # numbered from 1 here
    text = THONG_TU + """Điều 13. Tổ chức thực hiện
1. Cơ quan, tổ chức thực hiện chế độ báo cáo có trách nhiệm:
a) Thực hiện nghiêm túc, đầy đủ, đúng quy trình, thời hạn của các chế độ báo cáo.
b) Phân công cơ quan, đơn vị chuyên môn trực thuộc thực hiện báo cáo.
Điều 14. Trách nhiệm thi hành
1. Thủ trưởng các cơ quan, đơn vị thuộc Bộ Khoa học và Công nghệ: Văn phòng Bộ, các Vụ, các Cục, Ủy ban Tiêu chuẩn \
Đo lường Chất lượng Quốc gia và các cơ quan, đơn vị trực thuộc Bộ Khoa học và Công nghệ chịu trách nhiệm thi hành \
Thông tư này.
""" + CLOSING
    assert _leads(text) == [
        ["Cơ quan, tổ chức thực hiện chế độ báo cáo"],
        ["Cơ quan, tổ chức thực hiện chế độ báo cáo"],
        ["Văn phòng Bộ", "các Vụ", "các Cục", "Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia",
         "các cơ quan, đơn vị trực thuộc Bộ Khoa học và Công nghệ"],
    ]


NGHI_DINH = """CHÍNH PHỦ
Số: 41/2005/NĐ-CP

Hà Nội, ngày 25 tháng 3 năm 2005

NGHỊ ĐỊNH
Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thanh tra

"""


def test_the_signing_of_another_document() -> None:
    # vbpl_075: the inspection decision's signing, not this decree's
    text = NGHI_DINH + """Điều 26. Công bố quyết định thanh tra
1. Đối với cuộc thanh tra theo kế hoạch, quyết định thanh tra phải được công bố chậm nhất là 15 ngày kể từ ngày ký.
Điều 40. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành sau 15 ngày, kể từ ngày đăng Công báo.
""" + CLOSING
    found = [(d.text, d.duration, d.anchor) for d in parse_text(text).deadlines]
    assert ("chậm nhất là 15 ngày kể từ ngày ký", "P15D", "ngày ký") in found


THONG_TU_99 = """BỘ TÀI CHÍNH
Số: 99/1998/TT-BTC

Hà Nội, ngày 14 tháng 7 năm 1998

THÔNG TƯ
Hướng dẫn thi hành Nghị định số 30/1998/NĐ-CP

"""


def test_the_least_time_before_an_event_and_a_law_name_before_a_comma() -> None:
    # btc_tt99_1998 D.2 and E: the event put first, then "tối thiểu là 3 ngày"; "Luật …, đối tượng nộp thuế có quyền"
    text = THONG_TU_99 + """D. TRÁCH NHIỆM CỦA CƠ QUAN THUẾ
2. Thông báo nộp thuế cho cơ sở kinh doanh đúng thời gian quy định. Thông báo nộp thuế phải gửi tới đối tượng nộp \
thuế trước ngày phải nộp thuế (được ghi trong thông báo) tối thiểu là 3 ngày.
E. KHIẾU NẠI
Theo quy định Điều 28 của Luật thuế thu nhập doanh nghiệp, đối tượng nộp thuế có quyền khiếu nại về việc cán bộ thuế, \
cơ quan thuế thi hành không đúng Luật thuế thu nhập doanh nghiệp.
""" + CLOSING
    doc = parse_text(text)
    assert [(d.text, d.kind, d.duration, d.anchor, d.date) for d in doc.deadlines] == [
        ("trước ngày phải nộp thuế (được ghi trong thông báo) tối thiểu là 3 ngày", "duration", "P3D", "ngày phải nộp thuế", None)]
    assert [c.text for c in doc.citations if c.doc_type == "Luật"] == ["Luật thuế thu nhập doanh nghiệp"] * 2
    # the comma of a name still goes on where no verb of its own follows
    other = parse_text(THONG_TU_99 + "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;\n" + CLOSING)
    assert [c.title for c in other.citations if c.doc_type == "Luật"] == ["Luật Thi đua, khen thưởng"]


THONG_TU_40 = """BỘ TÀI CHÍNH
Số: 40/2000/TT-BTC

Hà Nội, ngày 15 tháng 5 năm 2000

THÔNG TƯ
Hướng dẫn miễn thuế nhập khẩu

"""


def test_a_later_paragraphs_time_is_its_own() -> None:
    # btc_tt40_2000 III: the time of a later paragraph of prose is no deadline of "Cục thuế …"'s task; a paragraph that
    # says by when ("Thời hạn hoàn thành: …") still goes with the task before it
    text = THONG_TU_40 + """III. TỔ CHỨC THỰC HIỆN
Cục thuế các tỉnh, thành phố chịu trách nhiệm quyết toán việc sử dụng số nguyên liệu vật tư được miễn thuế nhập khẩu.
Đến năm thứ 5 (năm miễn thuế cuối cùng) trên cơ sở định mức tiêu hao nguyên vật liệu, trong thời hạn 2 (hai) ngày sau \
khi quyết toán toàn bộ số nguyên vật liệu, bán thành phẩm nhập khẩu vượt quá nhu cầu sản xuất còn tồn sẽ phải kê khai.
IV. HIỆU LỰC
Cục Hải quan các tỉnh, thành phố tổng hợp số liệu miễn thuế, báo cáo Tổng cục Hải quan.
Thời hạn hoàn thành: trước ngày 30/6/2000.
""" + CLOSING
    assert [(t.lead, t.deadline.text if t.deadline else None) for t in parse_text(text).tasks] == [
        (["Cục thuế các tỉnh, thành phố"], None),
        (["Cục Hải quan các tỉnh, thành phố"], "trước ngày 30/6/2000"),
    ]


def test_enterprises_by_their_kind_and_a_collectives_clause() -> None:
    # qngai_ct16_2021 16.c: the item names its own bodies before the colon (not the heading's "Các doanh nghiệp"),
    # "các đơn vị cung cấp dịch vụ viễn thông trên địa bàn" keeps its clause; qngai_cv99_2025: OCR's "phôi hợp"
    text = CONG_VAN + """1. Các doanh nghiệp:
a) Bưu điện Quảng Ngãi, Viễn thông Quảng Ngãi, các đơn vị cung cấp dịch vụ viễn thông trên địa bàn: Đảm bảo thông \
tin liên lạc, dịch vụ viễn thông ổn định, kịp thời, thông suốt phục vụ công tác lãnh đạo, chỉ đạo.
2. Giao Sở Nông nghiệp và Phát triển nông thôn rà soát Danh mục thủ tục hành chính, phôi hợp với Sở Giao thông vận \
tải tham mưu UBND tỉnh.
""" + CLOSING
    assert [(t.lead, t.support) for t in parse_text(text).tasks] == [
        (["Bưu điện Quảng Ngãi", "Viễn thông Quảng Ngãi", "các đơn vị cung cấp dịch vụ viễn thông trên địa bàn"], []),
        (["Sở Nông nghiệp và Phát triển nông thôn"], ["Sở Giao thông vận tải"]),
    ]


def test_a_bodys_role_is_not_its_name() -> None:
    text = CONG_VAN + """1. Giao Sở Nội vụ (cơ quan thường trực) chủ trì, phối hợp với Sở Tư pháp tham mưu kiện toàn Ban Chỉ đạo.
2. Giao Sở Y tế - Cơ quan thường trực Ban Chỉ đạo chủ trì, phối hợp với Công an tỉnh kiểm tra an toàn thực phẩm.
3. Chủ tịch UBND tỉnh đồng ý với đề xuất của Sở Xây dựng và giao Sở Xây dựng hoàn chỉnh hồ sơ, trình UBND tỉnh.
""" + CLOSING
    assert [(t.lead, t.support) for t in parse_text(text).tasks] == [
        (["Sở Nội vụ"], ["Sở Tư pháp"]), (["Sở Y tế"], ["Công an tỉnh"]), (["Sở Xây dựng"], []),
    ]
