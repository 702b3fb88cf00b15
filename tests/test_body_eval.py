"""The body scorer (``vnadmin-nlp eval --body``, issue 13) counts right on small hand-made gold: deadlines by
kind and value (and ISO dates given to event-anchored durations), tasks' lead / support / deadline, citations
per mention; ``complete: false`` lists score recall only."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from vnadmin_nlp.cli import main
from vnadmin_nlp.evaluation.body_gold import collect_body, is_body_gold, looks_like_body
from vnadmin_nlp.evaluation.body_match import align, body_key, overlap, same_value
from vnadmin_nlp.evaluation.body_report import evaluate_body, render
from vnadmin_nlp.evaluation.body_score import score_body
from vnadmin_nlp.model import Citation, Deadline, Document, Source, Task

TEXT = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 575/UBND-KGVX
V/v triển khai kế hoạch chuyển đổi số năm 2025

Quảng Ngãi, ngày 12 tháng 3 năm 2025

Thực hiện Công văn số 2286/STTTT-CNTT ngày 10/10/2022 của Sở Thông tin và Truyền thông, Ủy ban nhân dân tỉnh có ý kiến như sau:
1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch, hoàn thành trước ngày 27/8/2025.
2. Đề nghị UBND các huyện giải quyết hồ sơ trong thời hạn 30 ngày kể từ ngày nhận được hồ sơ hợp lệ.
"""

GOLD: dict[str, Any] = {
    "id": "cv575", "file": "cv.txt", "kind": "công văn", "doc_date": "2025-03-12", "split": "dev",
    "complete": {"tasks": True, "deadlines": True, "citations": True},
    "deadlines": [
        {"text": "trước ngày 27/8/2025", "kind": "date", "date": "2025-08-27"},
        {"text": "trong thời hạn 30 ngày kể từ ngày nhận được hồ sơ hợp lệ", "kind": "duration", "duration": "P30D",
         "anchor": "ngày nhận được hồ sơ hợp lệ"},
    ],
    "tasks": [
        {"lead": ["Sở Nội vụ"], "support": ["Sở Tài chính"], "action": "tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch",
         "deadline": "trước ngày 27/8/2025", "provision": "1", "line": "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính"},
        {"lead": ["Ủy ban nhân dân các huyện"], "support": [], "action": "giải quyết hồ sơ",
         "deadline": "trong thời hạn 30 ngày kể từ ngày nhận được hồ sơ hợp lệ", "provision": "2",
         "line": "Đề nghị UBND các huyện giải quyết hồ sơ"},
    ],
    "citations": [
        {"text": "Công văn số 2286/STTTT-CNTT ngày 10/10/2022 của Sở Thông tin và Truyền thông",
         "number": "2286/STTTT-CNTT", "doc_type": "Công văn", "relation": "implements"},
    ],
}


def _span(s: str) -> tuple[int, int]:
    i = TEXT.index(s)
    return i, i + len(s)


def _doc(legacy_dates: bool = True) -> Document:
    """What a schema-1.1 parser gives: the first task right (but no support), the second with the duration given
    an ISO date; one spurious task; the citation's relation wrong."""
    d1 = Deadline(date="2025-08-27", text="trước ngày 27/8/2025")
    d2 = Deadline(date="2025-04-11" if legacy_dates else None, text="trong thời hạn 30 ngày kể từ ngày nhận được hồ sơ hợp lệ", relative="P30D")
    s1 = _span("1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch, hoàn thành trước ngày 27/8/2025.")
    s2 = _span("2. Đề nghị UBND các huyện giải quyết hồ sơ trong thời hạn 30 ngày kể từ ngày nhận được hồ sơ hợp lệ.")
    tasks = [
        Task(assignee="Sở Nội vụ", action="chủ trì, phối hợp với Sở Tài chính", deadline=d1, provision="1", span=s1),
        Task(assignee="UBND các huyện", action="giải quyết hồ sơ", deadline=d2, provision="2", span=s2),
        Task(assignee="Ủy ban nhân dân tỉnh", action="có ý kiến như sau", span=_span("Ủy ban nhân dân tỉnh có ý kiến như sau:")),
    ]
    cit = Citation(text="Công văn số 2286/STTTT-CNTT", number="2286/STTTT-CNTT", doc_type="Công văn", relation="refers",
                   span=_span("Công văn số 2286/STTTT-CNTT"))
    return Document(source=Source(format="txt"), text=TEXT, tasks=tasks, citations=[cit])


def _gold(tmp_path: Path, data: dict[str, Any] | None = None) -> Any:
    (tmp_path / "cv.json").write_text(json.dumps(data or GOLD, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "cv.txt").write_text(TEXT, encoding="utf-8")
    return collect_body([tmp_path]).golds[0]


def test_recognises_body_gold(tmp_path: Path) -> None:
    assert is_body_gold(GOLD) and not is_body_gold({"id": "x", "file": "y", "fields": {}})
    _gold(tmp_path)
    assert looks_like_body([tmp_path])


def test_matching_helpers() -> None:
    assert body_key("UBND các huyện") == body_key("Ủy ban nhân dân các huyện;")
    assert body_key("Sở Nội vụ") != body_key("Sở Tài chính")
    assert overlap("trước ngày 27/8/2025", "Thời hạn: trước ngày 27/8/2025") == 1.0
    assert overlap("trước ngày 27/8/2025", "trước ngày 30/9/2025") == 0.0  # the numbers disagree
    assert align(["a", "b", "c"], ["b", "c", "x"], lambda g, p: 1.0 if g == p else 0.0) == [(1, 0), (2, 1)]
    g = {"kind": "duration", "duration": "P30D", "anchor": "ngày nhận được hồ sơ hợp lệ"}
    assert same_value(g, {**g, "anchor": "ngày nhận được hồ sơ hợp lệ của tổ chức"})
    assert not same_value(g, {**g, "working_days": True})
    assert not same_value(g, {**g, "anchor": "document"})


def test_scores_a_document(tmp_path: Path) -> None:
    res = score_body(_gold(tmp_path), _doc())
    dl, val = res.pr["deadlines"], res.pr["deadline_values"]
    assert (dl.tp, dl.fn, dl.fp) == (2, 0, 0)
    assert (val.tp, val.fn, val.fp) == (2, 0, 0)  # the duration's kind and value are right…
    assert res.iso_for_event == 1  # …but it was given an ISO date
    assert (res.pr["tasks"].tp, res.pr["tasks"].fp) == (2, 1)
    lead = res.pr["task_lead"]
    assert (lead.tp, lead.fn, lead.fp) == (2, 0, 1)  # UBND = Ủy ban nhân dân; the spurious task's lead
    sup = res.pr["task_support"]
    assert (sup.tp, sup.fn, sup.fp) == (0, 1, 0)
    assert (res.pr["task_deadline"].tp, res.pr["task_deadline"].fn) == (2, 0)
    assert res.pr["citation_number"].tp == 1
    assert (res.acc["citation_type"].right, res.acc["citation_relation"].right) == (1, 0)
    whats = {(m["list"], m["what"]) for m in res.mismatches}
    assert ("tasks", "spurious") in whats and ("citations", "wrong relation") in whats
    assert score_body(_gold(tmp_path), _doc(legacy_dates=False)).iso_for_event == 0


def test_incomplete_lists_score_recall_only(tmp_path: Path) -> None:
    data = {**GOLD, "complete": {"tasks": False, "deadlines": False, "citations": False}, "tasks": GOLD["tasks"][:1]}
    res = score_body(_gold(tmp_path, data), _doc())
    assert res.pr["tasks"].fp == 0 and res.pr["tasks"].precision is None and res.pr["tasks"].recall == 1.0
    assert res.pr["task_lead"].fp == 0


def test_not_read_counts_missing(tmp_path: Path) -> None:
    res = score_body(_gold(tmp_path), None, "file not found")
    assert res.pr["tasks"].fn == 2 and res.pr["deadlines"].fn == 2 and res.pr["citations"].fn == 1


def test_evaluate_and_cli(tmp_path: Path) -> None:
    _gold(tmp_path)
    report = evaluate_body([tmp_path], parse=lambda p: _doc())
    text = render(report, mismatches=True)
    assert "task lead bodies" in text and "ISO dates for event durations" in text and "spurious" in text
    data = report.to_json()
    assert data["totals"]["all"]["iso_dates_for_event_durations"] == 1
    out = tmp_path / "run.json"
    result = CliRunner().invoke(main, ["eval", "--gold", str(tmp_path), "--split", "dev", "-j", "1", "-q", "--json", str(out), "--markdown", "--mismatches", "--field", "tasks"])
    assert result.exit_code == 0, result.output
    assert "## Body: totals (all)" in result.output
    assert json.loads(out.read_text(encoding="utf-8"))["tool"] == "vnadmin-nlp eval --body"
    result = CliRunner().invoke(main, ["eval", "--body", "--gold", str(tmp_path), "--split", "test", "-q"])
    assert result.exit_code != 0  # no test documents
