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
