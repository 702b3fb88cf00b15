"""The reports a directive asks for under ``Chế độ báo cáo:`` (issue 13, session 18; extractors/tasking/reporting.py),
on a directive GENERATED from qngai_ct16_2021's lines: one task per dash item with its own time, for the bodies the
opening request names; nothing when no opening request names anyone."""
from __future__ import annotations

from vnadmin_nlp import parse_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 16/CT-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 27 tháng 12 năm 2021
CHỈ THỊ
Về việc tổ chức đón Tết Nguyên đán Nhâm Dần năm 2022
"""
INTRO = """Để mọi người dân được vui xuân, đón Tết an toàn, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban ngành, cơ quan, đơn vị, \
Chủ tịch UBND các huyện, thị xã, thành phố theo chức năng, nhiệm vụ cần tập trung thực hiện các nội dung sau:
"""
ITEMS = """1. Sở Công Thương chủ trì theo dõi diễn biến thị trường, giá cả hàng hóa.
2. Công an tỉnh bảo đảm an ninh, trật tự an toàn xã hội trước, trong và sau Tết.
Chế độ báo cáo:
- Báo cáo công tác chuẩn bị Tết, gửi trước ngày 26/01/2022;
- Báo cáo nhanh kết quả hoạt động trong 3 ngày Tết, gửi trước 10 giờ 00 ngày 03/02/2022.
Yêu cầu Thủ trưởng các sở, ban ngành nghiêm túc tổ chức triển khai thực hiện Chỉ thị này./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Đặng Văn Minh
"""


def _tasks(text: str) -> list[tuple[list[str], str | None]]:
    doc = parse_text(text)
    return [(t.lead, t.deadline.date if t.deadline else None) for t in doc.tasks if t.action.startswith("Báo cáo")]


def test_reporting_items_are_tasks_of_the_bodies_first_asked() -> None:
    asked = ["Thủ trưởng các sở, ban ngành, cơ quan, đơn vị", "Chủ tịch UBND các huyện, thị xã, thành phố"]
    assert _tasks(HEAD + INTRO + ITEMS) == [(asked, "2022-01-26"), (asked, "2022-02-03")]


def test_no_opening_request_no_reporting_tasks() -> None:
    assert _tasks(HEAD + "Để mọi người dân được vui xuân, đón Tết an toàn, cần thực hiện các nội dung sau:\n" + ITEMS) == []
