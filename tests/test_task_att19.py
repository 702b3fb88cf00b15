"""Task deadlines attached and false tasks (issue 13, session 19), on documents GENERATED from the lines of the
development set: a members list under ``… gồm có:`` gives no task (vbai_08; tasks.yaml ``member_list_endings``), an
extension granted (``1. Gia hạn …``, vbai_60/63) is an approval, no task, and its date is the next item's; a bare
``hằng năm`` after a semicolon is the duty's cycle and ``Đến năm 2030`` opening a clause the year a body's work is
due (vbpl_541; deadlines.yaml ``until_year_targets``).  Each is checked both ways."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

from .resolution_text import RESOLUTION_HEAD, RESOLUTION_TAIL

DECISION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số: 1234/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Thuận, ngày 12 tháng 5 năm 2025
QUYẾT ĐỊNH
Về việc phê chuẩn kết quả Đại hội
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Phê chuẩn kết quả Đại hội nhiệm kỳ X (2024 - 2029), gồm các nội dung sau:
1. Kết quả bầu cử Ban Chủ nhiệm, Hội đồng khen thưởng kỷ luật nhiệm kỳ X (2024 - 2029).
a) {heading}
- {member1};
- {member2};
- {member3}.
2. Phê chuẩn Nghị quyết Đại hội nhiệm kỳ X (2024 - 2029).
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
CHỦ TỊCH
Nguyễn Văn A
"""

MEMBERS = [
    ("Ban Chủ nhiệm Đoàn Luật sư tỉnh, gồm có:", "Luật sư Đỗ Minh Trúc - Chủ nhiệm", "Luật sư Thái Quang Thượng Nguyên - Phó Chủ nhiệm", "Luật sư Lê Hồng Sơn - Ủy viên Ban Chủ nhiệm"),
    ("Hội đồng Khen thưởng - Kỷ luật, gồm có:", "Luật sư Lê Văn Long - Chủ tịch Hội đồng", "Luật sư Nguyễn Văn Hậu - Phó Chủ tịch Hội đồng", "Luật sư Nguyễn Trung Dũng - Ủy viên Hội đồng"),
    ("Ban Chấp hành Hội Khuyến học tỉnh gồm các ông (bà) có tên sau:", "Ông Nguyễn Văn Bình - Chủ tịch", "Bà Trần Thị Hoa - Phó Chủ tịch", "Ông Lê Văn Tâm - Ủy viên"),
    ("Thành phần Ban Kiểm tra gồm:", "Ông Phạm Văn Hùng, Phó Giám đốc Sở Nội vụ - Trưởng ban", "Bà Nguyễn Thị Lan - Phó Trưởng ban", "Ông Trần Văn Nam - Ủy viên"),
]


def _tasks(text: str) -> list[dict]:
    return parse_text(text).model_dump()["tasks"]


@pytest.mark.parametrize("members", MEMBERS, ids=[m[0][:20] for m in MEMBERS])
def test_a_members_list_gives_no_task(members: tuple[str, str, str, str]) -> None:
    heading, m1, m2, m3 = members
    tasks = _tasks(DECISION.format(heading=heading, member1=m1, member2=m2, member3=m3))
    assert [t["provision"] for t in tasks] == ["3"]  # the execution clause alone


def test_a_duty_list_that_ends_gom_co_keeps_its_items() -> None:
    # the other way: a verb before the phrase, the items are work
    text = DECISION.format(heading="Sở Nội vụ thực hiện các nhiệm vụ, gồm có:", member1="Hướng dẫn Đoàn Luật sư hoàn thiện hồ sơ",
                           member2="Theo dõi, kiểm tra việc tổ chức Đại hội", member3="Tổng hợp, báo cáo Ủy ban nhân dân tỉnh")
    tasks = _tasks(text)
    assert [t["lead"] for t in tasks if t["provision"] != "3"][:1] == [["Sở Nội vụ"]]  # (a members list: none)


LETTER = """ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số: 2530/UBND-NCKSTTHC
V/v gia hạn thời gian tổ chức đại hội
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Thuận, ngày 10 tháng 6 năm 2025
Kính gửi:
- Sở Nội vụ;
- Hiệp hội Doanh nghiệp tỉnh.
Xét đề nghị của Sở Nội vụ tại Tờ trình số 100/TTr-SNV ngày 05/6/2025, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:
1. {first} thời gian tổ chức Đại hội Hiệp hội Doanh nghiệp tỉnh nhiệm kỳ V (2024 – 2029) chậm nhất đến ngày 30/9/2025. Quá thời gian này, Hiệp hội không tổ chức đại hội thì Sở Nội vụ tham mưu xử lý theo quy định.
2. Giao Sở Kế hoạch và Đầu tư đôn đốc, hướng dẫn Hiệp hội Doanh nghiệp tỉnh để hoàn thành tổ chức đại hội theo thời gian được nêu tại khoản 1.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Hồng Hải
"""


@pytest.mark.parametrize("first", ["Gia hạn", "Thống nhất gia hạn", "Đồng ý gia hạn"])
def test_an_extension_granted_is_no_task_and_dates_the_next(first: str) -> None:
    tasks = _tasks(LETTER.format(first=first))
    assert [(t["lead"], t["deadline"]["text"] if t["deadline"] else None) for t in tasks] == [
        (["Sở Kế hoạch và Đầu tư"], "chậm nhất đến ngày 30/9/2025")]


def test_an_extension_asked_of_a_body_is_its_task() -> None:
    # the other way: a named body asked to extend is work
    tasks = _tasks(LETTER.format(first="Giao Sở Nội vụ hướng dẫn Hiệp hội gia hạn"))
    assert [t["lead"] for t in tasks][:1] == [["Sở Nội vụ"]]


RESOLUTION = RESOLUTION_HEAD + """Điều 2. {title}
1. {line}
Điều 3. Tổ chức thực hiện
1. {duty}
""" + RESOLUTION_TAIL

YEAR_LINES = {
    # (vbpl_541 3.1 and 4.1; other bodies and works)
    "Bộ trưởng Bộ Giáo dục và Đào tạo quyết định một bộ sách giáo khoa sử dụng thống nhất toàn quốc; đến năm 2030 hoàn thành việc cung cấp miễn phí sách giáo khoa cho học sinh.":
        (["Bộ trưởng Bộ Giáo dục và Đào tạo"], "đến năm 2030"),
    "Nhà nước ưu tiên đầu tư hạ tầng số. Đến năm 2030, các cơ sở giáo dục đại học hoàn thành hạ tầng số, nền tảng số đồng bộ.":
        (["các cơ sở giáo dục đại học"], "Đến năm 2030"),
    "Nhà nước ưu tiên đầu tư y tế cơ sở. Đến năm 2028, Bộ Y tế hoàn thành việc chuyển đổi số tại các trạm y tế xã.":
        (["Bộ Y tế"], "Đến năm 2028"),
}


@pytest.mark.parametrize("line", list(YEAR_LINES))
def test_a_year_that_opens_a_clause_dates_the_work(line: str) -> None:
    doc = parse_text(RESOLUTION.format(title="Chính sách đầu tư", line=line, duty="Chính phủ hướng dẫn thực hiện Nghị quyết này.")).model_dump()
    lead, due = YEAR_LINES[line]
    got = [(t["lead"], t["deadline"]["text"] if t["deadline"] else None) for t in doc["tasks"] if t["provision"] == "2.1"]
    assert got == [(lead, due)]
    assert [d["date"] for d in doc["deadlines"]] == [due[-4:]]


@pytest.mark.parametrize("line", [
    "Triển khai Chiến lược phát triển giáo dục đến năm 2030, tầm nhìn đến năm 2045 theo quy định.",
    "Đến năm 2030, tỉnh phấn đấu 50% xã đạt chuẩn nông thôn mới.",
    "Các cơ sở giáo dục tham gia Chương trình mục tiêu quốc gia phòng, chống ma túy\nđến năm 2030.",
])
def test_a_named_or_targeted_year_is_no_deadline(line: str) -> None:
    doc = parse_text(RESOLUTION.format(title="Chính sách đầu tư", line=line, duty="Chính phủ hướng dẫn thực hiện Nghị quyết này.")).model_dump()
    assert doc["deadlines"] == []


@pytest.mark.parametrize("cycle", ["hằng năm", "hàng năm"])
def test_a_yearly_report_after_a_semicolon_is_the_duty_s_cycle(cycle: str) -> None:
    duty = f"Chính phủ hướng dẫn thực hiện Nghị quyết này; {cycle} báo cáo Quốc hội về kết quả thực hiện Nghị quyết này."
    doc = parse_text(RESOLUTION.format(title="Phạm vi áp dụng", line="Nghị quyết này áp dụng đối với các cơ sở giáo dục.", duty=duty)).model_dump()
    assert [(t["lead"], t["deadline"]["text"] if t["deadline"] else None) for t in doc["tasks"]] == [(["Chính phủ"], cycle)]
    # the other way: "hằng năm" inside a noun phrase is no rule
    duty = "Chính phủ hướng dẫn việc lập kế hoạch sử dụng đất hằng năm cấp huyện."
    doc = parse_text(RESOLUTION.format(title="Phạm vi áp dụng", line="Nghị quyết này áp dụng đối với các cơ sở giáo dục.", duty=duty)).model_dump()
    assert doc["deadlines"] == []


@pytest.mark.parametrize("case, who", [
    ("Đối với báo cáo kết quả giám sát văn bản quy phạm pháp luật năm 2025 thì Hội đồng Dân tộc, Ủy ban của Quốc hội gửi báo cáo đến Thường trực Ủy ban Dân nguyện và Giám sát của Quốc hội chậm nhất là ngày 20 tháng 3 năm 2026.",
     ["Hội đồng Dân tộc", "Ủy ban của Quốc hội"]),  # vbpl_023 29.3
    ("Trường hợp chưa hoàn thành việc sắp xếp thì Bộ Nội vụ báo cáo Chính phủ chậm nhất là ngày 30 tháng 6 năm 2026.", ["Bộ Nội vụ"]),
])
def test_the_body_after_a_case_acts(case: str, who: list[str]) -> None:
    doc = parse_text(RESOLUTION.format(title="Phạm vi áp dụng", line="Nghị quyết này áp dụng đối với các cơ sở giáo dục.", duty=case)).model_dump()
    assert [t["lead"] for t in doc["tasks"]] == [who]
    # the other way: no "thì", no one named after the case
    doc = parse_text(RESOLUTION.format(title="Phạm vi áp dụng", line="Nghị quyết này áp dụng đối với các cơ sở giáo dục.",
                                       duty="Đối với báo cáo năm 2025, thời hạn gửi chậm nhất là ngày 20 tháng 3 năm 2026.")).model_dump()
    assert all(not t["lead"] for t in doc["tasks"])
