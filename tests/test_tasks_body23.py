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
