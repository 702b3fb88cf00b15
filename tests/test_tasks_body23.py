"""Tasks (issue 13, session 23): the lines of dev documents behind this session's mechanisms, and variants of them.

- An invitation's item whose own time OCR garbled (ld_030 as a 150 dpi JPEG: ``trước 14 giờ ngày 0§ tháng 10``)
  takes no deadline, not the meeting's ``Thời gian:`` (a wrong value is worse than a null), with a warning.
"""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

# ld_030 (dev, VPCP công điện), its lines as the text layer gives them
CONG_DIEN = """VĂN PHÒNG CHÍNH PHỦ
Số: 2003/CĐ-VPCP

Hà Nội, ngày 07 tháng 10 năm 2025

CÔNG ĐIỆN
mời dự Hội nghị triển khai Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030

Văn phòng Chính phủ trân trọng kính mời Lãnh đạo các Bộ, cơ quan, địa phương
tham dự Hội nghị triển khai Chương trình mục tiêu quốc gia phòng, chống ma túy
đến năm 2030.
I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm).
II. Địa điểm: Trực tiếp tại Trụ sở Chính phủ.
III. Văn phòng Chính phủ trân trọng đề nghị:
1. Bộ Y tế: Mời đại diện lãnh đạo một số đơn vị thuộc Bộ Y tế: Cục Phòng
bệnh, Cục khám chữa bệnh, Đại học Y Hà Nội (mỗi đơn vị 02 đại biểu) cùng dự
Hội nghị tại điểm cầu Trụ sở Chính phủ; Tổng hợp danh sách các thành phần do
Bộ Y tế mời gửi Văn phòng Chính phủ trước 14 giờ ngày {day} tháng 10 năm 2025
để tổng hợp báo cáo Thủ tướng Chính phủ.
"""


@pytest.mark.parametrize("day", ["0§", "0&", "#8"])
def test_an_invitation_whose_own_time_is_garbled_takes_no_meeting_time(day: str) -> None:
    doc = parse_text(CONG_DIEN.format(day=day))
    item = [t for t in doc.tasks if t.lead == ["Bộ Y tế"]]
    assert len(item) == 1 and item[0].deadline is None
    assert [w.message.split(": ", 2)[-1] for w in doc.warnings if w.code == "deadline_unread"] == [f"'trước 14 giờ ngày {day} tháng 10 năm 2025'"]


def test_an_invitation_with_no_time_of_its_own_takes_the_meetings() -> None:
    doc = parse_text(CONG_DIEN.replace("trước 14 giờ ngày {day} tháng 10 năm 2025\n", ""))
    item = [t for t in doc.tasks if t.lead == ["Bộ Y tế"]]
    assert [t.deadline.date if t.deadline else None for t in item] == ["2025-10-09"]
    assert not [w for w in doc.warnings if w.code == "deadline_unread"]
    read = parse_text(CONG_DIEN.format(day="08"))  # (read, the item's own)
    assert [t.deadline.date for t in read.tasks if t.lead == ["Bộ Y tế"] and t.deadline] == ["2025-10-08"]


# ld_062 (dev, Bộ Công an công văn): "dự kiến" before a noun phrase is the item's verb
CONG_VAN = """BỘ CÔNG AN
Số: 5689/BCA-C04

Hà Nội, ngày 16 tháng 12 năm 2025

V/v dự kiến mục tiêu, nhiệm vụ, kế hoạch đầu tư công trung hạn

Bộ Công an trân trọng đề nghị các Bộ, cơ quan trung ương và Ủy ban nhân dân các tỉnh, thành phố triển khai một số nội
dung sau:
{items}
Văn bản trả lời đề nghị gửi về Bộ Công an trước ngày 24/12/2025.
"""


def test_du_kien_before_a_noun_phrase_is_the_task_verb() -> None:
    items = ("1. Bộ Quốc phòng dự kiến mục tiêu, nhiệm vụ, phương án phân bổ kế hoạch đầu tư công trung hạn vốn\n"
             "ngân sách trung ương và đề xuất giải pháp chủ yếu để thực hiện Chương trình giai đoạn 5 năm.\n")
    got = [(t.lead, t.action[:20], t.deadline.text if t.deadline else None) for t in parse_text(CONG_VAN.format(items=items)).tasks]
    assert got == [(["Bộ Quốc phòng"], "dự kiến mục tiêu, nh", "trước ngày 24/12/2025")]


@pytest.mark.parametrize("line", [
    "Trung tâm dự kiến tổ chức Hội thảo vào ngày 15/12/2025.",  # a verb after it: the body's own plan
    "Bộ Quốc phòng dự kiến sẽ bố trí kinh phí trong năm 2026.",  # a function word
    "Bộ Quốc phòng dự kiến vào ngày 20/12/2025 tổ chức Hội nghị.",  # a time
])
def test_du_kien_before_a_verb_or_a_time_hedges_it(line: str) -> None:
    doc = parse_text(CONG_VAN.format(items="1. " + line + "\n"))
    assert not [t for t in doc.tasks if "dự kiến" in t.action]


LETTER = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 12/UBND-VX

Lâm Đồng, ngày 04 tháng 11 năm 2025

V/v triển khai Kế hoạch số 45/KH-UBND

{body}"""


def _got(body: str) -> list[tuple[list[str], list[str], str | None]]:
    return [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in parse_text(LETTER.format(body=body)).tasks]


def test_a_paragraph_that_opens_with_its_time_limit_assigns() -> None:
    body = ("Thực hiện Kế hoạch số 45/KH-UBND, Ủy ban nhân dân tỉnh có ý kiến như sau:\n"
            "Trước ngày 15/12/2025, Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí.\n")
    assert _got(body) == [(["Sở Tài chính"], ["Sở Nội vụ"], "Trước ngày 15/12/2025")]
    # a date that is no limit, or what a body has done, assigns nothing
    assert _got("Ngày 28/5/2025, Sở Tài chính chủ trì cuộc họp rà soát kinh phí.\n") == []
    assert _got("Trước ngày 15/12/2025, Sở Tài chính đã hoàn thành việc rà soát kinh phí.\n") == []


def test_an_item_that_opens_with_a_bare_cycle_before_its_day() -> None:
    body = "1. Giao Sở Nội vụ rà soát.\n2. Hằng năm, Sở Tư pháp báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 15/12.\n"
    assert _got(body) == [(["Sở Nội vụ"], [], None), (["Sở Tư pháp"], [], "trước ngày 15/12")]


@pytest.mark.parametrize("name, lead", [
    ("Sở Nội vụ (cơ quan thường trực)", ["Sở Nội vụ"]),  # a role in brackets is no part of the name
    ("Bộ Công an (Cơ quan thường trực Chương trình)", ["Bộ Công an"]),
    ("Sở Kế hoạch và Đầu tư (Sở KHĐT)", ["Sở Kế hoạch và Đầu tư (Sở KHĐT)"]),  # an abbreviation stays (session 20)
    ("Sở Tài chính và các cơ quan có liên quan", ["Sở Tài chính", "các cơ quan có liên quan"]),
    # ld_062: the parties concerned after "và" close the list, an item of their own
    ("Các Bộ, cơ quan trung ương chủ dự án thành phần và các cơ quan có liên quan", ["Các Bộ, cơ quan trung ương chủ dự án thành phần", "các cơ quan có liên quan"]),
    ("Thủ trưởng các cơ quan, tổ chức và cá nhân có liên quan", ["Thủ trưởng các cơ quan, tổ chức và cá nhân có liên quan"]),
])
def test_the_items_of_a_lead(name: str, lead: list[str]) -> None:
    assert _got(f"1. Giao {name} rà soát, tổng hợp kinh phí.\n") == [(lead, [], None)]


def test_items_under_a_polite_request_and_its_closing_restatement() -> None:
    # ld_080 (dev, Bộ Tư pháp công văn): "đề nghị X quan tâm thực hiện một số nội dung:" announces the items, X's; the
    # closing "đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm chỉ đạo thực hiện" restates them ("các" or not)
    body = ("Bộ Tư pháp đề nghị Ủy ban nhân dân tỉnh, thành phố quan tâm thực hiện một số nội\ndung:\n"
            "1. Đối với việc hợp nhất các Hội công chứng viên\n"
            "Căn cứ quy định của Luật Công chứng năm 2024, Ủy ban nhân dân tỉnh, thành phố chỉ đạo các Hội Công\n"
            "chứng viên địa phương phối hợp xây dựng Đề án hợp nhất.\n"
            "2. Đối với việc hợp nhất các Đoàn Luật sư\n"
            "Căn cứ quy định của Luật Luật sư năm 2006, Ủy ban nhân dân tỉnh, thành phố chỉ đạo các Đoàn Luật sư\n"
            "phối hợp xây dựng Đề án hợp nhất.\n"
            "3. Trong quá trình tổ chức thực hiện, đề nghị Ủy ban nhân dân tỉnh, thành phố, Đoàn Luật sư, Hội Công chứng\n"
            "viên phản ánh khó khăn, vướng mắc (nếu có) để được hướng dẫn theo đúng thẩm quyền.\n"
            "Bộ Tư pháp trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố quan\ntâm chỉ đạo thực hiện.\n")
    assert _got(body) == [(["Ủy ban nhân dân tỉnh, thành phố"], [], None)] * 2 + [(["Ủy ban nhân dân tỉnh, thành phố", "Đoàn Luật sư", "Hội Công chứng viên"], [], None)]


def test_the_body_named_on_the_line_after_an_items_title() -> None:
    # ld_064 (dev): "2. Tăng cường công tác tuyên truyền, phổ biến về Chỉ số CCHC" then the paragraph that names who
    body = ("1. Giao Sở Nội vụ rà soát.\n2. Tăng cường công tác tuyên truyền, phổ biến về Chỉ số CCHC\n"
            "Các sở, ban, ngành tổ chức tuyên truyền, phổ biến về mục tiêu,\nnội dung, kết quả Chỉ số CCHC hàng năm.\n")
    assert _got(body) == [(["Sở Nội vụ"], [], None), (["Các sở, ban, ngành"], [], None)]
    # a line broken inside the sentence is no title
    wrapped = "1. Giao Sở Nội vụ rà soát.\n2. Tăng cường công tác tuyên truyền theo chỉ đạo của\nBộ Nội vụ tổ chức hội nghị.\n"
    assert _got(wrapped) == [(["Sở Nội vụ"], [], None)]
    # ld_055 (dev): a title wrapped onto a name whose verb starts the next line is no assignment
    title = ("1. Giao Sở Nội vụ rà soát.\n2. Cơ sở pháp lý đề xuất UBND tỉnh phê duyệt Đề án Đại hội hợp nhất\n"
             "Hội Công chứng viên tỉnh Lâm Đồng\nThực hiện Nghị quyết số 202/2025/QH15 ngày 12/06/2025 của Quốc hội.\n")
    assert _got(title) == [(["Sở Nội vụ"], [], None)]
