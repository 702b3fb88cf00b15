"""Deadlines (schema 1.2): every form of data/deadlines.yaml finds its real examples with their kind and value;
a duration never gets a date; a report's cut-off date is no deadline."""
from __future__ import annotations

import datetime as dt

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.data import load
from vnadmin_nlp.extractors import deadlines
from vnadmin_nlp.lexicon.fold import fold

EXAMPLES = load("deadlines")["examples"]
DOC_DATE = dt.date(2025, 3, 12)


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_forms(ex: dict) -> None:
    text = ex["text"]
    anchor = dt.date.fromisoformat(ex["doc_date"]) if ex.get("doc_date") else DOC_DATE  # (the example's document's date)
    found = deadlines.find(fold(text), 0, len(text), anchor)
    if ex["kind"] is None:
        assert found == []
        return
    assert len(found) == 1, found
    f = found[0]
    assert text[f.start : f.end] == ex.get("found", text)
    assert f.kind == ex["kind"]
    anchor = text[f.anchor_span[0] : f.anchor_span[1]] if f.anchor_span else f.anchor
    got = {"date": f.date, "duration": f.duration, "working_days": f.working_days, "anchor": anchor, "rule": f.rule,
           "day": f.day, "start": f.start_date, "end": f.end_date}
    for k in ("date", "duration", "working_days", "anchor", "rule", "day", "start", "end"):
        if k in ex:
            assert got[k] == ex[k], k
    if f.kind in ("duration", "recurring"):
        assert f.date is None  # no date follows from the text


CV = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 575/UBND-KGVX
V/v góp ý dự thảo

Quảng Ngãi, ngày 12 tháng 3 năm 2025

Kính gửi: Các sở, ban, ngành tỉnh.

1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và UBND các huyện tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch, hoàn thành trước ngày 27/8/2025.
2. Đề nghị UBND các huyện giải quyết hồ sơ trong thời hạn 30 ngày kể từ ngày nhận được hồ sơ hợp lệ.
"""


def test_document_deadlines_and_tasks() -> None:
    doc = parse_text(CV)
    assert [d.kind for d in doc.deadlines] == ["date", "duration"]
    assert doc.deadlines[1].date is None and doc.deadlines[1].anchor == "ngày nhận được hồ sơ hợp lệ"
    t1, t2 = doc.tasks
    assert t1.lead == ["Sở Nội vụ"] and t1.assignee == "Sở Nội vụ"
    assert t1.support == ["Sở Tài chính", "UBND các huyện"]
    assert t1.action.startswith("tham mưu")
    assert t1.deadline_index == 0 and t2.deadline_index == 1
    assert t2.deadline is not None and t2.deadline.date is None and t2.deadline.relative == "P30D"


def test_support_and_lead_forms() -> None:
    body = CV.split("Kính gửi")[0] + (
        "Kính gửi: Các sở.\n\n"
        "1. Văn phòng Chính phủ phối hợp với Bộ Nội vụ trong việc theo dõi, đánh giá cải cách hành chính.\n"
        "2. Sở Kế hoạch và Đầu tư: Kịp thời thông báo cho các doanh nghiệp mới thành lập.\n"
        "3. Đài Phát thanh và Truyền hình tỉnh, Báo Quảng Ngãi: Phối hợp với Cơ quan Thuế xây dựng nội dung tuyên truyền.\n"
    )
    t1, t2, t3 = parse_text(body).tasks
    assert t1.lead == ["Văn phòng Chính phủ"] and t1.support == ["Bộ Nội vụ"]  # the list ends before "trong việc"
    assert t1.action.startswith("trong việc theo dõi")
    assert t2.lead == ["Sở Kế hoạch và Đầu tư"]  # the name ends at the colon
    assert t3.lead == ["Đài Phát thanh và Truyền hình tỉnh", "Báo Quảng Ngãi"] and t3.support == ["Cơ quan Thuế"]


def _found(text: str, doc_date: dt.date = DOC_DATE) -> list[deadlines.FoundDeadline]:
    return deadlines.find(fold(text), 0, len(text), doc_date)


def _anchor(text: str, f: deadlines.FoundDeadline) -> str | None:
    return text[f.anchor_span[0] : f.anchor_span[1]] if f.anchor_span else f.anchor


def test_durations_share_the_event_written_after_the_last() -> None:
    # vbpl_075 (dev): the event closes the line and holds for every limit of the same form before it
    text = (
        "2. Thời gian xây dựng báo cáo kết quả thanh tra của Thanh tra Bộ không quá 20 ngày, trường hợp phức tạp thì "
        "có thể kéo dài nhưng không quá 30 ngày. Thời gian xây dựng báo cáo kết quả thanh tra của Thanh tra Công an "
        "tỉnh, Thanh tra Cục không quá 15 ngày, trường hợp phức tạp thì có thể kéo dài nhưng không quá 25 ngày, kể từ "
        "ngày kết thúc tiến hành thanh tra trực tiếp."
    )
    found = _found(text)
    assert [f.duration for f in found] == ["P20D", "P30D", "P15D", "P25D"]
    assert {_anchor(text, f) for f in found} == {"ngày kết thúc tiến hành thanh tra trực tiếp"}
    assert all(f.date is None for f in found)


def test_a_limit_with_no_event_written_keeps_none() -> None:
    # vbpl_075: the length of an inspection; the next line starts another rule
    text = ("1. Cuộc thanh tra do Thanh tra Bộ tiến hành không quá 45 ngày, trường hợp phức tạp thì có thể gia hạn "
            "một lần không quá 25 ngày.\nThời gian tạm dừng cuộc thanh tra theo quy định tại khoản 2 Điều 22.")
    found = _found(text)
    assert [(f.duration, f.anchor, f.anchor_span) for f in found] == [("P45D", None, None), ("P25D", None, None)]


def test_yearly_duty_then_its_day() -> None:
    # nd03_2026 (dev): "Hàng năm" opens the item, the day closes it: one yearly deadline, not two
    text = "i) Hàng năm, quỹ phải báo cáo tình hình tổ chức, hoạt động theo Mẫu số 18; báo cáo kiểm toán (nếu có) trước ngày 31 tháng 3 với cơ quan nhà nước"
    (f,) = _found(text, dt.date(2026, 1, 9))
    assert (f.kind, f.rule, f.day, f.date, f.relative) == ("recurring", "yearly", 31, None, "R/P1Y/03-31")


def test_a_day_month_without_year_is_a_date_of_the_document_year() -> None:
    (f,) = _found("gửi về Sở trước ngày 15/11", dt.date(2025, 3, 12))
    assert (f.kind, f.date) == ("date", "2025-11-15")


def test_read_deadline_for_a_table_cell() -> None:
    # a cell of the time column of a task table (vbpl_113: "Phiên họp tháng 9/2025"; kế hoạch tables)
    assert deadlines.read_deadline("Phiên họp tháng 9/2025", DOC_DATE).model_dump(include={"kind", "start", "end", "date"}) == {
        "kind": "period", "start": "2025-09-01", "end": "2025-09-30", "date": "2025-09-30"}
    cell = deadlines.read_deadline("Tháng 11/2025", DOC_DATE)
    assert cell is not None and (cell.text, cell.span, cell.start) == ("Tháng 11/2025", (0, 13), "2025-11-01")
    assert deadlines.read_deadline("Quý IV/2025", DOC_DATE).end == "2025-12-31"
    assert deadlines.read_deadline("Trước ngày 30/9/2025", DOC_DATE).date == "2025-09-30"
    assert deadlines.read_deadline("Hằng tháng", DOC_DATE).rule == "monthly"
    assert deadlines.read_deadline("Thường xuyên", DOC_DATE) is None  # no time: null, not a guess
    # a range of months each with its year (the brief's kế hoạch column): the whole range, not its first month
    span = deadlines.read_deadline("Tháng 9/2025 - Tháng 12/2025", DOC_DATE)
    assert span is not None and (span.kind, span.start, span.end) == ("period", "2025-09-01", "2025-12-31")
    assert deadlines.read_deadline("Tháng 12/2025 - Tháng 9/2025", DOC_DATE) is None  # reversed: null, not its first month
    assert deadlines.read_deadline("Năm 2026", DOC_DATE).end == "2026-12-31"
    assert deadlines.read_deadline("Trước 30/9/2025", DOC_DATE).date == "2025-09-30"


def test_scan_is_linear() -> None:
    # the forms are tried only where their first words stand: a long text of prose costs one scan.  Checked as a
    # ratio of CPU times (4× the text must cost under 8× the time; a quadratic scan costs 16×), not a time limit:
    # other load on the host slows both sizes alike (the best of three samples each).
    import time

    sentence = "Các cơ quan trong phạm vi chức năng, nhiệm vụ phối hợp thực hiện không quá nhiều việc hằng ngày. "

    def best(n: int) -> float:
        prose = sentence * n
        times = []
        for _ in range(3):
            t = time.process_time()
            assert _found(prose) == []
            times.append(time.process_time() - t)
        return min(times)

    small, large = best(1000), best(4000)
    assert large < 8 * max(small, 1e-3), (small, large)
