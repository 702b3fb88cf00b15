"""scripts/fuzz.py, the long fuzzing runs of issue 14: a crash, an input the in-process alarm interrupts and one
it cannot interrupt each become a saved, reproducible file in the report, the run goes on in a new worker, and
shards and resumed runs add up (the million-input report in docs/security.md is their sum)."""
from __future__ import annotations

import importlib.util
import json
import os
import random
import sys
import time
from pathlib import Path

import pytest

import vnadmin_nlp
from tests import fuzz_inputs, fuzzing

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("fuzz_script", ROOT / "scripts" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
sys.modules["fuzz_script"] = fuzz
_spec.loader.exec_module(fuzz)  # type: ignore[union-attr]

CRASH, SPIN, STUCK = "\x07CRASH", "\x07SPIN", "\x07STUCK"


@pytest.fixture()
def rigged(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_text that aborts, spins or sleeps on a marker, and inputs that carry the markers at known indexes
    (the worker is forked, so it sees these patches)."""
    real_parse, real_make = vnadmin_nlp.parse_text, fuzz_inputs.make

    def parse_text(text: str, **kw: object) -> object:
        if CRASH in text:
            os.abort()
        if SPIN in text:
            while True:
                pass
        if STUCK in text:
            time.sleep(3600)  # no CPU used: only the watchdog's wall clock ends it
        return real_parse(text, **kw)

    def make(kind: str, pool: fuzz_inputs.Pool, rng: random.Random, surrogates: bool = True) -> tuple:
        what, payload, ext = real_make(kind, pool, rng, surrogates)
        marker = {7: CRASH, 23: SPIN, 41: STUCK}.get(rng.marker) if kind == "gen:chars" else None  # type: ignore[attr-defined]
        return ("text", "Số: 1/QĐ " + marker, "txt") if marker else (what, payload, ext)

    class Rng(random.Random):
        pass

    def rng(self: fuzz.Worker, i: int) -> random.Random:
        r = Rng(f"{self.args.seed}:{self.args.shard}:{i}")
        r.marker = i  # type: ignore[attr-defined]
        return r

    monkeypatch.setattr(vnadmin_nlp, "parse_text", parse_text)
    monkeypatch.setattr(fuzz_inputs, "make", make)
    monkeypatch.setattr(fuzz.Worker, "rng", rng)
    monkeypatch.setattr(fuzz.Worker, "kind_of", lambda self, i: "gen:chars" if i < 60 else "hyp:text")
    monkeypatch.setattr(fuzz, "build_pool", lambda args: fuzz_inputs.Pool(texts=[["Số: 12/QĐ-UBND"]]))


def test_crash_hang_and_stuck_inputs_are_saved_and_the_run_goes_on(rigged: None, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    report_path = tmp_path / "r.json"
    args = ["--count", "80", "--chunk", "20", "--per-input", "0.2", "--wall", "20", "--out", str(tmp_path / "f"),
            "--json", str(report_path), "--seed", "3"]
    assert fuzz.main(args) == 1
    report = json.loads(report_path.read_text(encoding="utf-8"))
    by_status = {f["status"]: f for f in report["findings"]}
    assert {(f["index"], f["status"]) for f in report["findings"]} == {(7, "worker_died"), (23, "hang"), (41, "hang")}
    for f in by_status.values():  # each failing input is a file that reproduces it
        assert Path(f["file"]).read_text(encoding="utf-8").startswith("Số: 1/QĐ \x07")
    details = {f["index"]: f["detail"] for f in report["findings"]}
    assert "in-process alarm" in details[23] and "wall" in details[41]
    # the run went on past each of them: every chunk's other inputs ran (a chunk's inputs after a failure may be
    # dropped, never run twice); the hypothesis inputs (60..79) ran
    assert 65 <= report["inputs"] <= 80
    assert report["by_kind"]["hyp:text"]["inputs"] == 20
    assert report["next"] == 80


def test_shards_resume_and_sum(rigged: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzz.Worker, "kind_of", lambda self, i: "real:lines")
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    common = ["--chunk", "10", "--out", str(tmp_path / "f"), "--seed", "5"]
    assert fuzz.main(["--count", "20", "--json", str(a), *common]) == 0
    assert fuzz.main(["--count", "30", "--json", str(a), "--resume", *common]) == 0  # ten more, from 20
    assert fuzz.main(["--count", "15", "--shard", "1", "--json", str(b), *common]) == 0
    ra = json.loads(a.read_text(encoding="utf-8"))
    assert ra["inputs"] == 30 and len(ra["runs"]) == 2 and ra["runs"][1]["from"] == 20
    total = fuzz.summed([str(a), str(b)])
    assert total["inputs"] == 45 and total["outcomes"] == {"ok": 45}
    assert "45 inputs in 2 report(s)" in fuzz.markdown(total)


def test_every_kind_makes_an_input() -> None:
    pool = fuzz_inputs.Pool()
    pool.add_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-UBND\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
                  "Hà Nội, ngày 05 tháng 3 năm 2020\n| 1 | Sở Tài chính |\nNơi nhận:\n- Như trên;")
    pool.files["txt"] = [("a.txt", "Số: 1".encode())]
    names, weights = fuzz_inputs.kinds(pool)
    assert abs(sum(weights) - 1) < 1e-9 and "file:txt" in names and "real:tables" in names
    rng = random.Random(1)
    for kind in names:
        if not kind.startswith("hyp:"):
            for _ in range(5):
                what, payload, ext = fuzz_inputs.make(kind, pool, rng)
                assert isinstance(payload, str if what == "text" else bytes)
                if what == "text":
                    assert fuzzing.check_document(vnadmin_nlp.parse_text(payload)) == []
    for enc in fuzz_inputs.ENCODINGS:  # the legacy encodings give the reader's own bytes back
        assert fuzz_inputs.encode("Số: Quyết định", enc)
