"""Deadlines in forms the development documents do not print (issue 13, session 15): the forms of
../shared/reference/vn_standards.md ("Thời hạn: …", "hoàn thành trước ngày …", "báo cáo … trước ngày dd/mm/yyyy")
and real dev sentences with another date form, clock time, cycle or label, in a letter of 15 October 2025.  Each
family is checked for its value, and the forms that say no time limit (or say it unclearly) for giving none."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 1234/UBND-TH\nV/v triển khai nhiệm vụ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 15 tháng 10 năm 2025\n\nKính gửi: Các sở, ban, ngành tỉnh\n\n")


def _one(body: str, head: str = HEAD):
    found = parse_text(head + body).deadlines
    assert len(found) == 1, [d.text for d in found]
    return found[0]


@pytest.mark.parametrize("body,text,date", [
    ("1. Sở Nội vụ báo cáo UBND tỉnh chậm nhất ngày 20/11/2025.", "chậm nhất ngày 20/11/2025", "2025-11-20"),
    ("1. Sở Nội vụ báo cáo UBND tỉnh chậm nhất là ngày 20 tháng 11 năm 2025.", "chậm nhất là ngày 20 tháng 11 năm 2025", "2025-11-20"),
    ("1. Các đơn vị gửi báo cáo về Sở Tài chính trước ngày 30/11 để tổng hợp.", "trước ngày 30/11", "2025-11-30"),
    ("1. Các đơn vị gửi báo cáo về Sở Tài chính trước ngày 30 - 11 - 2025 để tổng hợp.", "trước ngày 30 - 11 - 2025", "2025-11-30"),
    ("1. Các đơn vị gửi báo cáo về Sở Tài chính trước ngày 30.11.2025 để tổng hợp.", "trước ngày 30.11.2025", "2025-11-30"),
    ("2. Đề nghị các sở gửi ý kiến bằng văn bản trước 17 giờ ngày 25/10/2025.", "trước 17 giờ ngày 25/10/2025", "2025-10-25"),
    ("2. Đề nghị các sở gửi ý kiến bằng văn bản trước 17h00 ngày 25/10/2025.", "trước 17h00 ngày 25/10/2025", "2025-10-25"),
    ("2. Đề nghị các sở gửi ý kiến trước 16 giờ 30 phút, ngày 25/10/2025.", "trước 16 giờ 30 phút, ngày 25/10/2025", "2025-10-25"),
    ("Thời hạn hoàn thành: trước ngày 31/12/2025.", "trước ngày 31/12/2025", "2025-12-31"),
    ("Thời hạn: 31/12/2025.", "Thời hạn: 31/12/2025", "2025-12-31"),
    ("Thời gian: 08 giờ 00, ngày 20/10/2025 (thứ Hai).", "Thời gian: 08 giờ 00, ngày 20/10/2025", "2025-10-20"),
    ("3. Sở Y tế báo cáo kết quả về UBND tỉnh trước ngày 15 tháng 12 năm 2025.", "trước ngày 15 tháng 12 năm 2025", "2025-12-15"),
    ("6. Các sở hoàn thành trước tháng 12/2025.", "trước tháng 12/2025", "2025-12"),
    ("Các đơn vị hoàn thành không muộn hơn ngày 31/12/2025.", "không muộn hơn ngày 31/12/2025", "2025-12-31"),
])
def test_dates(body: str, text: str, date: str) -> None:
    d = _one(body)
    assert (d.kind, d.text, d.date) == ("date", text, date)


@pytest.mark.parametrize("body,text,duration,work,anchor", [
    ("4. Trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này, các đơn vị có ý kiến gửi Sở Tư pháp.",
     "Trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này", "P10D", True, "ngày nhận được văn bản này"),
    ("4. Các đơn vị có ý kiến gửi Sở Tư pháp trong vòng 05 ngày làm việc kể từ ngày nhận được dự thảo.",
     "trong vòng 05 ngày làm việc kể từ ngày nhận được dự thảo", "P5D", True, "ngày nhận được dự thảo"),
    ("4. Chậm nhất 03 ngày làm việc kể từ ngày kết thúc hội nghị, các đơn vị gửi báo cáo.",
     "Chậm nhất 03 ngày làm việc kể từ ngày kết thúc hội nghị", "P3D", True, "ngày kết thúc hội nghị"),
    ("4. Sở Xây dựng tham mưu trong thời hạn 15 ngày kể từ ngày Quyết định này có hiệu lực.",
     "trong thời hạn 15 ngày kể từ ngày Quyết định này có hiệu lực", "P15D", False, "document"),
])
def test_durations_never_get_a_date(body: str, text: str, duration: str, work: bool, anchor: str) -> None:
    d = _one(body)
    assert (d.kind, d.text, d.duration, d.working_days, d.anchor, d.date) == ("duration", text, duration, work, anchor, None)


@pytest.mark.parametrize("body,rule,day,weekday", [
    ("5. Định kỳ hằng tháng (trước ngày 20), các đơn vị báo cáo kết quả thực hiện về Sở Nội vụ.", "monthly", 20, None),
    ("5. Định kỳ hằng tháng, trước ngày 20, các đơn vị báo cáo kết quả thực hiện về Sở Nội vụ.", "monthly", 20, None),
    ("5. Các đơn vị báo cáo định kỳ hằng quý (trước ngày 15 của tháng cuối quý) về Sở Nội vụ.", "quarterly", 15, None),
    # the bare cycle word beside a dated deadline of the same cycle says nothing more (vbpl_545's form)
    ("5. Báo cáo định kỳ hằng năm gửi về Sở Nội vụ trước ngày 15/12.", "yearly", 15, None),
    ("5. Các đơn vị gửi báo cáo chậm nhất ngày 20 của tháng báo cáo đối với báo cáo định kỳ hằng tháng.", "monthly", 20, None),
    ("5. Các đơn vị báo cáo hằng tuần vào thứ Sáu về Văn phòng UBND tỉnh.", "weekly", None, 5),
    ("5. Các xã gửi số liệu mỗi tuần, trước thứ Năm về Sở Y tế.", "weekly", None, 4),
    ("5. Các đơn vị báo cáo trước ngày 25 mỗi tháng.", "monthly", 25, None),
    ("5. Các đơn vị báo cáo quý trước ngày 10 của tháng đầu quý sau.", "quarterly", 10, None),
    ("5. Các đơn vị báo cáo định kỳ hàng tháng vào ngày 25.", "monthly", 25, None),
])
def test_recurring(body: str, rule: str, day: int | None, weekday: int | None) -> None:
    d = _one(body)
    assert (d.kind, d.rule, d.day, d.weekday, d.date) == ("recurring", rule, day, weekday, None)


@pytest.mark.parametrize("body,start,end", [
    ("6. Sở Công Thương tổ chức hội nghị trong quý III/2026.", "2026-07-01", "2026-09-30"),
    ("6. Sở Công Thương tổ chức hội nghị trong quý IV năm 2025.", "2025-10-01", "2025-12-31"),
    ("6. Sở Công Thương hoàn thành trong tháng 12 năm 2025.", "2025-12-01", "2025-12-31"),
    ("Thời gian thực hiện: từ tháng 11/2025 đến tháng 4/2026.", "2025-11-01", "2026-04-30"),
    ("6. Các sở triển khai từ ngày 01/11/2025 đến ngày 30/11/2025.", "2025-11-01", "2025-11-30"),
    # a time label, then a month, quarter or year alone (the forms of a task table's time cell, written in prose)
    ("Thời gian thực hiện: Tháng 11/2025.", "2025-11-01", "2025-11-30"),
    ("Thời gian hoàn thành: Quý IV/2025.", "2025-10-01", "2025-12-31"),
    ("Tiến độ hoàn thành: Năm 2026.", "2026-01-01", "2026-12-31"),
    # the first or last months of a year: not the whole year
    ("6. Các sở thực hiện trong 6 tháng đầu năm 2026.", "2026-01-01", "2026-06-30"),
    ("6. Các sở thực hiện trong 6 tháng cuối năm 2026.", "2026-07-01", "2026-12-31"),
    ("6. Các sở thực hiện trong 9 tháng đầu năm 2026.", "2026-01-01", "2026-09-30"),
    # a month without its year, still ahead in the document's year: that year
    ("6. Sở Công Thương hoàn thành trong tháng 12.", "2025-12-01", "2025-12-31"),
    ("6. Sở Công Thương hoàn thành trong tháng 10.", "2025-10-01", "2025-10-31"),
    # a target year with a duty to reach it (ld_070)
    ("6. Tỉnh phải xây dựng được ít nhất 59 xã không ma tuý vào năm 2030.", "2030-01-01", "2030-12-31"),
    # a meeting by its month (vbpl_113's form)
    ("6. Bộ Công an trình Ủy ban Thường vụ Quốc hội tại Phiên họp tháng 11/2025.", "2025-11-01", "2025-11-30"),
    # from a year on: a start, no end
    ("6. Các sở thực hiện trong năm 2026 và các năm tiếp theo.", "2026-01-01", None),
    ("6. Các sở thực hiện từ năm 2026 và những năm tiếp theo.", "2026-01-01", None),
    # a range of years after a time label is that range (session 20: a period is a month, quarter, year or range;
    # was no deadline, and a task table's "Năm 2025 - 2026" cell gave 2025 alone)
    ("Thời gian thực hiện: năm 2026 - 2030.", "2026-01-01", "2030-12-31"),
])
def test_periods(body: str, start: str, end: str | None) -> None:
    d = _one(body)
    assert (d.kind, d.start, d.end) == ("period", start, end)


@pytest.mark.parametrize("body", [
    "7. Các sở, ngành thực hiện thường xuyên.",
    "Thời gian thực hiện: Thường xuyên.",
    "7. Tính đến ngày 30/9/2025, toàn tỉnh đã giải ngân 60% kế hoạch vốn.",
    "7. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025.",
    "7. Hội nghị đã được tổ chức vào ngày 10/10/2025 tại Hội trường.",
    "6. Các sở triển khai giai đoạn 2026 - 2030.",
    "6. Các sở triển khai từ năm 2026.",  # a start alone is no time limit
    "6. Tỉnh Lâm Đồng được thành lập vào năm 1976.",
    "6. Đến năm 2030, tỉnh phấn đấu 50% xã đạt chuẩn nông thôn mới.",
    # … and the same target with its year after it (session 20: a target to reach, whichever the order)
    "6. Phấn đấu 50% xã đạt chuẩn nông thôn mới vào năm 2030.",
    # a period that opens a sentence telling what happened (ld_070's form)
    "Trong 06 tháng đầu năm 2026, lực lượng chức năng toàn tỉnh đã phát hiện 120 vụ.",
    # a month without its year, over before the document's month: the year is not clear (next year is likely,
    # but a wrong year is worse than none)
    "6. Sở Công Thương hoàn thành trong tháng 3.",
    "6. Các đơn vị tổ chức trong tháng 12 hằng năm.",
    # a transitional provision's "until", and a report named by its cycle that another clause rules (vbpl_629, vbpl_081)
    "1. Đối với các địa phương đã triển khai thì tiếp tục duy trì thực hiện đến hết ngày 31 tháng 12 năm 2026.",
    "2. Ngoài báo cáo định kỳ hằng năm tại khoản 1 Điều này, Sở Tài chính báo cáo đột xuất khi có yêu cầu.",
])
def test_no_deadline(body: str) -> None:
    assert [d.text for d in parse_text(HEAD + body).deadlines] == []


def test_a_cycle_day_the_text_does_not_name_is_null_with_a_warning() -> None:
    # vbpl_135's form, another day: the reporting cycle is not named, so no rule can be read
    doc = parse_text(HEAD + "a) Các đơn vị gửi báo cáo định kỳ cho Sở Nội vụ chậm nhất vào ngày 18 của tháng cuối kỳ báo cáo;")
    assert doc.deadlines == []
    assert any(w.code == "deadline_cycle_unclear" and "ngày 18" in w.message for w in doc.warnings)


def test_half_year_in_a_time_cell_is_not_the_whole_year() -> None:
    from vnadmin_nlp.extractors.deadlines import read_deadline
    import datetime as dt
    d = read_deadline("6 tháng đầu năm 2025", dt.date(2025, 3, 1))
    assert d is not None and (d.kind, d.start, d.end) == ("period", "2025-01-01", "2025-06-30")
    d = read_deadline("Tháng 12", dt.date(2025, 3, 1))
    assert d is not None and (d.kind, d.start, d.end) == ("period", "2025-12-01", "2025-12-31")
    assert read_deadline("Tháng 2", dt.date(2025, 3, 1)) is None


INVITATION = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 2003/CĐ-VPCP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Hà Nội, ngày 07 tháng 10 năm 2025\nCÔNG ĐIỆN\nmời dự Hội nghị triển khai Chương trình\n\n"
              "Văn phòng Chính phủ trân trọng kính mời Lãnh đạo các Bộ tham dự Hội nghị.\n{time}"
              "III. Văn phòng Chính phủ trân trọng đề nghị:\n1. Bộ Công an:\n- Chuẩn bị tài liệu; {ask}.\n")


@pytest.mark.parametrize("ask", ["Gửi tài liệu đến các điểm cầu địa phương trước Hội nghị",
                                 "Gửi tài liệu đến các điểm cầu chậm nhất trước phiên họp",
                                 "Gửi báo cáo tham luận về Văn phòng trước khi diễn ra Hội nghị",
                                 "Gửi danh sách đại biểu trước khi khai mạc hội nghị",
                                 "Hoàn thiện tài liệu trước buổi họp"])
def test_a_meeting_as_the_time_takes_the_meetings_date(ask: str) -> None:
    # ld_030's form: "trước Hội nghị" by the time the invitation states
    doc = parse_text(INVITATION.format(time="I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm).\n", ask=ask))
    assert [(d.kind, d.date) for d in doc.deadlines] == [("date", "2025-10-09"), ("date", "2025-10-09")]


@pytest.mark.parametrize("time,ask", [
    ("", "Gửi tài liệu đến các điểm cầu địa phương trước Hội nghị"),  # no time stated: no date to give
    ("I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025.\n", "Báo cáo trước Hội nghị"),  # in front of it
    ("I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025.\n", "Báo cáo kết quả trước Hội nghị thôn"),
])
def test_a_meeting_that_gives_no_time(time: str, ask: str) -> None:
    doc = parse_text(INVITATION.format(time=time, ask=ask))
    assert [d.text for d in doc.deadlines if "Hội nghị" in d.text] == []


def test_a_report_half_year_is_no_deadline_when_the_documents_date_is_unread() -> None:
    # ld_070's form (a scan whose date OCR could not read): the period opens a sentence of figures
    import datetime as dt
    from vnadmin_nlp.extractors import deadlines
    from vnadmin_nlp.lexicon.fold import fold
    text = ("còn diễn biến phức tạp. Trong 06 tháng đầu năm 2025, lực lượng chức năng toàn\ntỉnh bắt giữ 461 vụ/873 "
            "đối tượng liên quan đến ma tuý;")
    key = fold(text)
    assert deadlines.find(key, 0, len(key), None) == []
    later = fold("Trong 06 tháng đầu năm 2026, các sở hoàn thành việc rà soát.")
    assert [f.start_date for f in deadlines.find(later, 0, len(later), dt.date(2025, 10, 15))] == ["2026-01-01"]


def test_a_target_another_document_set_is_not_this_ones() -> None:
    # ld_070: the resolution's targets, quoted as the reason, then the province's own
    body = ("Để đạt được mục tiêu 50% xã không ma túy vào năm 2030 theo Nghị quyết số 163 của Quốc hội đã đề ra thì "
            "tỉnh phải xây dựng được 59 xã không ma túy vào năm 2030.")
    assert [(d.text, d.start) for d in parse_text(HEAD + body).deadlines] == [("vào năm 2030", "2030-01-01")]

