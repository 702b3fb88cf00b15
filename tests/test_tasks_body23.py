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
