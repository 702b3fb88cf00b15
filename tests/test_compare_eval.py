"""scripts/compare_eval.py on body evals (`eval --body --json`): metrics before -> after, the documents that got
worse, and the mismatches that are new (what a change broke)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("compare_eval", Path(__file__).resolve().parents[1] / "scripts" / "compare_eval.py")
assert _SPEC and _SPEC.loader
compare_eval = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(compare_eval)


def _run(tasks_tp: int, tasks_fp: int, mismatches: list[dict]) -> dict:
    counts = {"tasks": {"tp": tasks_tp, "fn": 3 - tasks_tp, "precision_tp": tasks_tp, "fp": tasks_fp, "precision": None, "recall": tasks_tp / 3, "f1": None}}
    return {
        "tool": "vnadmin-nlp eval --body",
        "documents": [{"id": "vbpl_212", "split": "dev", "kind": "quyết định", "counts": counts}],
        "totals": {"all": {**counts, "citation_type": {"right": 7, "n": 7, "accuracy": 1.0}, "iso_dates_for_event_durations": 0}},
        "mismatches": mismatches,
    }


def test_body_runs_are_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spurious = {"id": "vbpl_212", "list": "tasks", "what": "spurious", "parser": {"lead": ["Công an cấp tỉnh"]}, "line": "2. Công an cấp tỉnh tham mưu"}
    missing = {"id": "vbpl_212", "list": "tasks", "what": "missing", "gold": {"lead": ["Bộ Công an"], "line": "a) Hướng dẫn"}}
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps(_run(2, 0, [missing])), encoding="utf-8")
    after.write_text(json.dumps(_run(3, 1, [spurious])), encoding="utf-8")
    assert compare_eval.main([str(before), str(after), "--fail-on-regression"]) == 1  # one more false task
    out = capsys.readouterr().out
    assert "tasks" in out and "2 → 3" in out and "0 → 1" in out
    assert "vbpl_212: tasks tp 2→3 fp 0→1" in out
    assert "New mismatches (1)" in out and "Công an cấp tỉnh" in out
    assert "Gone mismatches (1)" in out


def test_a_body_run_and_a_header_run_are_not_compared(tmp_path: Path) -> None:
    body, header = tmp_path / "body.json", tmp_path / "header.json"
    body.write_text(json.dumps(_run(2, 0, [])), encoding="utf-8")
    header.write_text(json.dumps({"tool": "vnadmin-nlp eval", "documents": [], "totals": {}}), encoding="utf-8")
    assert compare_eval.main([str(body), str(header)]) == 2
