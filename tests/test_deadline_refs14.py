"""Deadlines and their attachment (issue 13, session 14), on real lines of the development set and the corpus: a
document whose day is unread keeps its month as the date deadlines are judged by; an approval's date goes to the
task of its item; a task done as another article rules takes the time limit that article labels; past periods,
expected times and another document's quoted words are no deadlines."""
from __future__ import annotations

import datetime as dt

from vnadmin_nlp import parse_text
from vnadmin_nlp.extractors import deadlines
from vnadmin_nlp.lexicon.fold import fold

# vbai_56 (corpus/provincial): the day of the document's date is a blank to be filled in by hand.
APPROVAL = """ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số:            /UBND-NCKSTTHC
V/v có ý kiến tổ chức đại hội Hội Nữ Doanh nhân tỉnh Bình Thuận
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Thuận, ngày       tháng 3 năm 2025
Kính gửi: Hội Nữ Doanh nhân tỉnh Bình Thuận
Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ chức, hoạt động và quản lý hội;
Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:
1. Thống nhất để Hội Nữ Doanh nhân tỉnh Bình Thuận tổ chức đại hội lần thứ II, nhiệm kỳ (2025 - 2030) vào ngày 09/4/2025 theo Tờ trình số 519/SNV-TCCC ngày 24/02/2025 của Sở Nội vụ. Hội Nữ Doanh nhân tỉnh Bình Thuận có trách nhiệm chuẩn bị các công việc để đại hội tiến hành theo trình tự, thủ tục, đảm bảo nội dung theo đúng quy định.
2. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ làm việc với Ban Chấp hành Hội Nữ Doanh nhân tỉnh Bình Thuận về nhân sự Ban Chấp hành; hướng dẫn, hỗ trợ việc tổ chức đại hội Hội Nữ Doanh nhân tỉnh Bình Thuận đảm bảo hoàn thành theo thời gian tại khoản 1 Công văn này./.
"""


def _tasks(text: str) -> list[tuple[list[str], str | None]]:
    return [(t.lead, t.deadline.text if t.deadline else None) for t in parse_text(text).tasks]


def test_an_approval_sets_the_date_of_its_item_and_of_the_clause_that_refers_to_it() -> None:
    doc = parse_text(APPROVAL)
    assert doc.date == "2025-03"
    assert [(d.text, d.date) for d in doc.deadlines] == [("vào ngày 09/4/2025", "2025-04-09")]
    assert _tasks(APPROVAL) == [(["Hội Nữ Doanh nhân tỉnh Bình Thuận"], "vào ngày 09/4/2025"), (["Sở Tài chính"], "vào ngày 09/4/2025")]


def test_an_event_in_the_documents_own_month_is_no_deadline_when_its_day_is_unread() -> None:
    # the same letter, the congress held in March: on or before the document (its day unread), a past event
    text = APPROVAL.replace("vào ngày 09/4/2025", "vào ngày 09/3/2025")
    doc = parse_text(text)
    assert doc.deadlines == []
    assert _tasks(text) == [(["Hội Nữ Doanh nhân tỉnh Bình Thuận"], None), (["Sở Tài chính"], None)]


def test_an_item_that_approves_nothing_takes_no_earlier_date() -> None:
    text = APPROVAL.replace("1. Thống nhất để Hội", "1. Ngày 09/4/2025 là ngày dự kiến Hội").replace(" vào ngày 09/4/2025", " trước ngày 09/4/2025")
    assert _tasks(text)[0] == (["Hội Nữ Doanh nhân tỉnh Bình Thuận"], None)


# vbpl_081 (doc_000081.html): Điều 15 labels the time limit of the report Điều 16 asks for.
REGULATION = """THỦ TƯỚNG CHÍNH PHỦ
Số: 29/2025/QĐ-TTg

Hà Nội, ngày 28 tháng 8 năm 2025

QUYẾT ĐỊNH
Về tín dụng đối với người học

Điều 1. Phạm vi điều chỉnh
Quyết định này quy định về chính sách tín dụng đối với người học.
Điều 15. Chế độ báo cáo
1. Báo cáo định kỳ hằng năm về kết quả thực hiện cho vay:
a) Cơ quan gửi báo cáo: Ngân hàng Chính sách xã hội;
b) Cơ quan nhận báo cáo: Bộ Tài chính, Bộ Giáo dục và Đào tạo và Ngân hàng Nhà nước Việt Nam;
c) Mẫu biểu báo cáo: Theo Phụ lục III ban hành kèm theo Quyết định này;
d) Thời hạn gửi báo cáo: Chậm nhất là 60 ngày kể từ ngày kết thúc năm;
Điều 16. Tổ chức thực hiện
1. Ngân hàng Chính sách xã hội:
a) Hướng dẫn chi tiết về hồ sơ vay vốn, trình tự và thủ tục cho vay;
b) Báo cáo Bộ Tài chính, Bộ Giáo dục và Đào tạo và Ngân hàng Nhà nước Việt Nam về kết quả thực hiện cho vay theo quy định tại Điều 15 Quyết định này;
"""


def test_a_task_done_as_another_article_rules_takes_the_limit_it_labels() -> None:
    assert _tasks(REGULATION) == [(["Ngân hàng Chính sách xã hội"], None),
                                  (["Ngân hàng Chính sách xã hội"], "Chậm nhất là 60 ngày kể từ ngày kết thúc năm")]


def test_an_article_with_two_labelled_limits_gives_none() -> None:
    text = REGULATION.replace("Điều 16.", "đ) Thời hạn gửi báo cáo quý: Chậm nhất là 20 ngày kể từ ngày kết thúc quý;\nĐiều 16.")
    assert _tasks(text)[1] == (["Ngân hàng Chính sách xã hội"], None)


DOC_DATE = dt.date(2025, 12, 11)


def _found(text: str, anchor: dt.date | None = DOC_DATE) -> list[str]:
    return [text[f.start : f.end] for f in deadlines.find(fold(text), 0, len(text), anchor)]


def test_time_limits_quoted_from_another_document_are_not_this_ones() -> None:
    # ld_001: the letter recalls what an earlier Công văn asked, in quotes; then asks for itself
    text = ("Tiếp đó, ngày 26/9/2025, Bộ Tư pháp đã có Công văn số 6050/BTP-BTTP về tăng cường công tác quản lý nhà nước, "
            "trong đó đề nghị: “Ủy ban nhân dân các\ntỉnh, thành phố chỉ đạo việc tổ chức đại hội của Hội công chứng viên trong năm\n"
            "2025 để sớm ổn định tổ chức, hoạt động ”.\nĐề nghị các đồng chí Giám đốc Sở Tư pháp quan tâm, chỉ đạo kịp thời, bảo đảm hoàn\nthành trong năm 2025.")
    assert _found(text) == ["trong năm 2025"]
    assert deadlines.find(fold(text), 0, len(text), DOC_DATE)[0].start > text.index("”")


def test_the_new_wording_of_an_amended_text_keeps_its_limits() -> None:
    # vbpl_135: "Điều 4. Sửa đổi, bổ sung Điều 7" then the quoted article on its own line; and the same on one line
    block = "Điều 4. Sửa đổi, bổ sung Điều 7\n“Điều 7. Trong thời hạn không quá 14 ngày làm việc kể từ ngày nhận được đầy đủ hồ sơ hợp lệ, Bộ Ngoại giao xem xét cấp Giấy phép.”."
    inline = "Khoản 2 Điều 7 được sửa đổi như sau: “2. Trong thời hạn không quá 14 ngày làm việc kể từ ngày nhận được đầy đủ hồ sơ hợp lệ, Bộ Ngoại giao xem xét cấp Giấy phép.”."
    for text in (block, inline):
        assert _found(text) == ["Trong thời hạn không quá 14 ngày làm việc kể từ ngày nhận được đầy đủ hồ sơ hợp lệ"]


def test_a_period_over_before_the_document_is_no_deadline() -> None:
    # qngai_bc22 (a report of February 2025): what was done in January
    text = "Trong tháng 01 năm 2025, tỉnh Quảng Ngãi thực hiện đánh giá tác động và"
    assert _found(text, dt.date(2025, 2, 20)) == []
    assert _found(text, dt.date(2025, 1, 5)) == ["Trong tháng 01 năm 2025"]  # still running: a period
    assert _found(text, None) == ["Trong tháng 01 năm 2025"]  # no document date: nothing to judge by


def test_an_expected_time_is_no_deadline() -> None:
    # ld_001: the national congress "(dự kiến trong Quý 1/2026)" is the writer's expectation
    text = "bảo đảm thời gian tiến hành Đại hội đại biểu công chứng viên toàn quốc (dự kiến trong\nQuý 1/2026), đề nghị"
    assert _found(text) == []
    assert _found(text.replace("dự kiến ", "")) == ["trong\nQuý 1/2026"]
    # ld_062's task verb "dự kiến" (to draft) far from the period: the period stays its deadline
    text = "2. Bộ Quốc phòng dự kiến mục tiêu, nhiệm vụ, phương án phân bổ kế hoạch đầu tư công trung hạn, hoàn thành trong quý I/2026."
    assert _found(text) == ["trong quý I/2026"]
