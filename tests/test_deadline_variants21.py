"""A slice of the generated deadline variants of session 21 (issue 13, ``scripts/deadline_variants.py``): deadlines
written apart from their task's sentence (a time line under the item, ``- Thời gian hoàn thành: …`` / ``- Tiến độ:
…``; a sentence of its own, ``Hoàn thành …``; a heading over the item, ``1. Hoàn thành …:`` then ``a) …``) attached
to that task and no task of their own (tasking/attach.py); counts spelled in words, a reporting cycle's day, and a
range of years wrapped before its dash (``… trong năm 2025`` / ``- 2026``)."""
from __future__ import annotations

from typing import Any

import pytest

from .script_module import load_script

dv = load_script("deadline_variants")

SPEC = dv.load_spec()
_FORMS = ["truoc_ngay", "trong_quy", "hang_thang", "thoi_han_ngay_lam_viec", "spelled_days", "cycle_day_month", "kip_thoi"]
ALL = dv.variants(SPEC, _FORMS)
# every form above at each placement apart from the sentence, typed and wrapped before its first word
APART = [v for v in ALL if v.layout.split("/")[0] in dv.ATTACH and v.layout.split("/")[2:] in ([], ["wrapped0"])]
# the new forms at every placement, typed; the range of years wrapped at its dash
NEW = [v for v in dv.variants(SPEC, ["spelled_days", "spelled_months", "spelled_working_days", "cycle_day_month", "cycle_quarter_day"])
       if "/wrapped" not in v.layout]
WRAPPED_RANGE = [v for v in dv.variants(SPEC, ["years_range", "giai_doan"]) if "\n- " in v.body]


def _check(v: Any) -> None:
    res = dv.score(v, SPEC["doc_date"])
    wrong = [m for m in res.mismatches if m["list"] == "deadlines"
             or (m["list"] == "tasks" and (m.get("gold") or {}).get("deadline") != (m.get("parser") or {}).get("deadline"))]
    assert dv._exact(res), (v.body, wrong)


@pytest.mark.parametrize("v", APART, ids=[f"{v.form}-{v.layout}" for v in APART])
def test_deadline_apart_from_its_sentence_is_its_tasks(v: Any) -> None:
    _check(v)


@pytest.mark.parametrize("v", NEW, ids=[f"{v.form}-{v.layout}" for v in NEW])
def test_new_forms(v: Any) -> None:
    _check(v)


@pytest.mark.parametrize("v", WRAPPED_RANGE, ids=[f"{v.form}-{v.layout}" for v in WRAPPED_RANGE])
def test_range_of_years_wrapped_before_its_dash(v: Any) -> None:
    _check(v)


def test_slices_are_not_empty() -> None:
    assert {v.layout.split("/")[0] for v in APART} == set(dv.ATTACH)
    assert len(WRAPPED_RANGE) >= 4 and len(NEW) >= 20


def test_a_time_line_is_no_task_of_its_own() -> None:
    from vnadmin_nlp import parse_text

    body = ("1. Giao Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n- Tiến độ: trước ngày 15/12/2025.\n"
            "2. Hoàn thành trong quý I/2026:\na) Sở Tài chính bố trí kinh phí thực hiện.\nb) Sở Tư pháp thẩm định dự thảo.")
    doc = parse_text(SPEC["skeleton"].replace("{body}", body))
    assert [(t.lead, t.deadline.text if t.deadline else None) for t in doc.tasks] == [
        (["Sở Nội vụ"], "trước ngày 15/12/2025"), (["Sở Tài chính"], "trong quý I/2026"), (["Sở Tư pháp"], "trong quý I/2026")]


def test_on_time_takes_the_limit_stated_above_in_its_provision() -> None:
    # vbai_01 (dev) 3.a, its words: the sở's follow-up "để hoàn thành tổ chức đại hội đúng thời hạn" takes the
    # associations' "chậm nhất ngày 31/12/2025"; with no limit above it in the provision, "đúng thời hạn" is none
    from vnadmin_nlp import parse_text

    body = ("1. Yêu cầu các hội: Hội Nghề cá, Hội Tin học hoàn thành tổ chức đại hội nhiệm kỳ chậm nhất ngày 31/12/2025.\n"
            "Giao các sở: Xây dựng, Tư pháp đôn đốc, hướng dẫn các hội để hoàn thành tổ chức đại hội đúng thời hạn.\n"
            "2. Giao Sở Nội vụ theo dõi, báo cáo đúng thời hạn.")
    doc = parse_text(SPEC["skeleton"].replace("{body}", body))
    due = {tuple(t.lead): t.deadline.text if t.deadline else None for t in doc.tasks}
    assert due[("Sở Xây dựng", "Sở Tư pháp")] == "chậm nhất ngày 31/12/2025"
    assert due[("Sở Nội vụ",)] is None
