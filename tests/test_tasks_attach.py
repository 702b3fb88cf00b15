"""Tasks (issue 13, session 13): where a task's deadline comes from (its sentence, its article's time clause, the
reply-by sentence that closes a letter, the meeting of an invitation, a clause that opens with its own time), the
dated assignments of a regulation, and name lists; on real lines of the development set and the corpus."""
from __future__ import annotations

from vnadmin_nlp import parse_text

NGHI_QUYET = """CHÍNH PHỦ
Số: 66.7/2025/NQ-CP

Hà Nội, ngày 15 tháng 11 năm 2025

NGHỊ QUYẾT
Quy định việc cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu

"""

LIEN_TICH = """ỦY BAN THƯỜNG VỤ QUỐC HỘI - CHÍNH PHỦ - ĐOÀN CHỦ TỊCH ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM
Số: 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN

Hà Nội, ngày 26 tháng 9 năm 2025

NGHỊ QUYẾT LIÊN TỊCH
Hướng dẫn quy trình hiệp thương, giới thiệu người ứng cử

"""

CONG_VAN = """BỘ CÔNG AN
Số: 5689/BCA-C04

Hà Nội, ngày 16 tháng 12 năm 2025

Kính gửi: Các Bộ, cơ quan trung ương

"""


def _tasks(text: str) -> list[tuple[list[str], str | None]]:
    return [(t.lead, t.deadline.text if t.deadline else None) for t in parse_text(text).tasks]


def test_dated_assignments_in_a_regulation() -> None:
    # vbpl.vn Nghị quyết (doc_000029) Điều 7: a regulation's article that hands out dated, one-off work; its
    # undated items are tasks too, the rules of Điều 8 (no date) are not
    body = NGHI_QUYET + (
        "Điều 7. Tái cấu trúc quy trình giải quyết thủ tục hành chính dựa trên dữ liệu\n"
        "1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ có trách nhiệm:\n"
        "a) Hoàn thành, công bố tái cấu trúc quy trình giải quyết thủ tục hành chính trước ngày 01 tháng 01 năm 2026;\n"
        "b) Bảo đảm các điều kiện về hạ tầng công nghệ để kết nối, khai thác, sử dụng thông tin trong các cơ sở dữ liệu.\n"
        "Điều 8. Giải quyết thủ tục hành chính\n"
        "Cơ quan giải quyết thủ tục hành chính có trách nhiệm khai thác thông tin trong cơ sở dữ liệu.\n"
    )
    assert _tasks(body) == [
        (["Bộ trưởng, Thủ trưởng cơ quan ngang bộ"], "trước ngày 01 tháng 01 năm 2026"),
        (["Bộ trưởng, Thủ trưởng cơ quan ngang bộ"], None),
    ]


def test_a_date_without_its_year_is_a_rule() -> None:
    # vbpl.vn Quyết định (doc_000212) 3.: the same day every year, no one-off assignment
    body = NGHI_QUYET + (
        "Điều 3. Xác định địa bàn\n"
        "3. Bộ Công an xem xét, phê duyệt tuyến trọng điểm phức tạp về ma túy trước ngày 30 tháng 12 để tổng hợp.\n"
    )
    assert _tasks(body) == []


def test_passive_agent_and_the_articles_time_clause() -> None:
    # vbpl.vn Nghị quyết liên tịch 102/2025 Điều 1 and Điều 3.1
    body = LIEN_TICH + (
        "Điều 1. Tổ chức hội nghị hiệp thương lần thứ nhất\n"
        "1. Hội nghị hiệp thương lần thứ nhất được tổ chức trong khoảng thời gian từ ngày 01 tháng 12 năm 2025 đến"
        " ngày 10 tháng 12 năm 2025.\n"
        "2. Hội nghị hiệp thương lần thứ nhất ở trung ương do Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt"
        " Nam triệu tập, chủ trì.\n"
        "Điều 3. Điều chỉnh và hướng dẫn việc giới thiệu người ứng cử\n"
        "1. Căn cứ vào kết quả hiệp thương lần thứ nhất, chậm nhất là ngày 15 tháng 12 năm 2025, Ủy ban Thường vụ"
        " Quốc hội tiến hành điều chỉnh lần thứ nhất cơ cấu, thành phần, số lượng người.\n"
    )
    assert _tasks(body) == [
        (["Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"],
         "trong khoảng thời gian từ ngày 01 tháng 12 năm 2025 đến ngày 10 tháng 12 năm 2025"),
        (["Ủy ban Thường vụ Quốc hội"], "chậm nhất là ngày 15 tháng 12 năm 2025"),
    ]


def test_reply_by_sentence_closes_the_requests() -> None:
    # ld_062 (Bộ Công an 5689/BCA-C04): the reply date applies to every request above it
    body = CONG_VAN + (
        "1. Bộ Quốc phòng dự thảo mục tiêu, nhiệm vụ thực hiện Chương trình giai đoạn 5 năm.\n"
        "2. Các Bộ, cơ quan trung ương và Ủy ban nhân dân cấp tỉnh đề xuất nhu cầu dự toán chi ngân sách.\n"
        "Văn bản trả lời đề nghị gửi về Bộ Công an (qua Cục Cảnh sát điều tra tội phạm về ma túy) trước ngày"
        " 24/12/2025.\n"
    )
    got = _tasks(body)
    assert [d for _, d in got] == ["trước ngày 24/12/2025", "trước ngày 24/12/2025"]


def test_a_report_item_among_others_is_no_reply_by() -> None:
    # qngai_ct16_2021 "Chế độ báo cáo": a dated report before more requests gives its date to no one else
    body = CONG_VAN + (
        "1. Sở Y tế tăng cường thanh tra, kiểm tra việc đảm bảo vệ sinh an toàn thực phẩm.\n"
        "- Báo cáo công tác chuẩn bị Tết, gửi trước ngày 26/01/2022;\n"
        "2. Sở Tài chính tăng cường kiểm soát chặt chẽ thu, chi ngân sách nhà nước.\n"
    )
    assert [d for _, d in _tasks(body)] == [None, None]


def test_invitation_is_due_at_the_meeting() -> None:
    # qngai_tb542_2024: "UBND tỉnh mời … cùng tham dự Hội nghị nêu trên như sau:" is a task, not an intro
    body = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 542/TB-UBND

Quảng Ngãi, ngày 06 tháng 11 năm 2024

THÔNG BÁO
Về việc tham dự Hội nghị

UBND tỉnh mời các sở, ngành, UBND các huyện cùng tham dự Hội nghị nêu trên như sau:
1. Thời gian: Vào lúc 08 giờ 00 phút, ngày 09/11/2024 (sáng Thứ Bảy).
2. Địa điểm: Hội trường Khách sạn Mường Thanh, thành phố Pleiku.
"""
    assert _tasks(body) == [(["các sở, ngành", "UBND các huyện"], "Vào lúc 08 giờ 00 phút, ngày 09/11/2024")]


def test_a_clause_that_opens_with_its_time_is_a_task_of_its_own() -> None:
    # vbpl.vn Nghị định (doc_000452) 2.3.a, in its implementation article
    body = NGHI_QUYET + (
        "Điều 2. Tổ chức thực hiện\n"
        "1. Ủy ban nhân dân cấp tỉnh:\n"
        "a) Chịu trách nhiệm về nội dung quyết định phê duyệt Phương án tạm sử dụng rừng; định kỳ trước ngày 31"
        " tháng 12 hằng năm báo cáo kết quả tạm sử dụng rừng về Bộ Nông nghiệp và Môi trường.\n"
    )
    assert _tasks(body) == [
        (["Ủy ban nhân dân cấp tỉnh"], None),
        (["Ủy ban nhân dân cấp tỉnh"], "định kỳ trước ngày 31 tháng 12 hằng năm"),
    ]


def test_name_lists() -> None:
    body = NGHI_QUYET + (
        "Điều 9. Tổ chức thực hiện\n"
        # doc_000029 9.4; vbpl_vbhn07_bxd (Thông tư hợp nhất) Điều 12
        "1. Hội đồng nhân dân, các ban của Hội đồng nhân dân, đại biểu Hội đồng nhân dân, Mặt trận Tổ quốc Việt Nam"
        " các cấp tăng cường giám sát việc thực hiện Nghị quyết này.\n"
        "2. Chánh Văn phòng Bộ, Chánh Thanh tra Bộ, các Vụ trưởng, Thủ trưởng các cơ quan, tổ chức và cá nhân có"
        " liên quan chịu trách nhiệm thi hành Nghị quyết này.\n"
    )
    assert [lead for lead, _ in _tasks(body)] == [
        ["Hội đồng nhân dân", "các ban của Hội đồng nhân dân", "đại biểu Hội đồng nhân dân", "Mặt trận Tổ quốc Việt Nam các cấp"],
        ["Chánh Văn phòng Bộ", "Chánh Thanh tra Bộ", "các Vụ trưởng", "Thủ trưởng các cơ quan, tổ chức và cá nhân có liên quan"],
    ]


def test_request_over_a_line_break() -> None:
    # ld_027 (Bộ Nội vụ 11902/BNV-TCPCP): "đề\nnghị" split by the PDF's line
    body = """BỘ NỘI VỤ
Số: 11902/BNV-TCPCP

Hà Nội, ngày 11 tháng 12 năm 2025

Kính gửi: Ủy ban nhân dân tỉnh, thành phố

Căn cứ khoản 10 Điều 49 Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ, Bộ Nội vụ đề
nghị Ủy ban nhân dân tỉnh, thành phố khẩn trương xây dựng báo cáo và gửi về Bộ Nội vụ
trước ngày 31/12/2025.
"""
    assert _tasks(body) == [(["Ủy ban nhân dân tỉnh, thành phố"], "trước ngày 31/12/2025")]


def test_an_addressee_that_is_no_name_is_left_null_with_a_warning() -> None:
    # ld_001 (Bộ Tư pháp 8204/BTP-BTTP): the addressees come with a clause ("… chưa hoàn thành …"); no lead is
    # read from it, the request is kept with a task_assignee_unclear warning quoting the line
    doc = parse_text(CONG_VAN + (
        "Để sớm ổn định tổ chức, đề nghị các đồng chí Giám đốc Sở Tư pháp của các tỉnh, thành phố chưa hoàn thành"
        " việc tổ chức đại hội Hội công chứng viên quan tâm, chỉ đạo kịp thời, bảo đảm hoàn thành trong năm 2025.\n"
    ))
    assert [(t.lead, t.deadline.text if t.deadline else None) for t in doc.tasks] == [([], "trong năm 2025")]
    assert any(w.code == "task_assignee_unclear" and "chưa hoàn thành" in w.message for w in doc.warnings)
