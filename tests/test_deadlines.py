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
    found = deadlines.find(fold(text), 0, len(text), DOC_DATE)
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
