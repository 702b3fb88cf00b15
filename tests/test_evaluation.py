"""The scorer counts right (outcomes and item counts, strict and lenient), finds and filters the gold, runs in
parallel as it does serially, and the parser meets its accuracy bar on the gold of text documents."""
from __future__ import annotations

import importlib.util
import json
import lzma
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnadmin_nlp.cli import main
from vnadmin_nlp.evaluation import (
    Counts,
    collect,
    compare,
    evaluate,
    lenient,
    outcome,
    resolve,
    split_of,
    strict,
)

from .conftest import FIXTURES, ROOT

CV = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 575/UBND-KGVX
V/v triển khai kế hoạch chuyển đổi số năm 2025

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Ngãi, ngày 12 tháng 3 năm 2025

Kính gửi: Sở Thông tin và Truyền thông.

Ủy ban nhân dân tỉnh yêu cầu Sở Thông tin và Truyền thông triển khai kế hoạch chuyển đổi số năm 2025.

Nơi nhận:
- Như trên;
- Lưu: VT, KGVX.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Hòa
"""

SIGNER = {"authority": ["KT. CHỦ TỊCH"], "position": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn Hoà"}  # "oà": strict differs
GOLD = {
    # dev: right, strict-only wrong (case, trailing dot, tone placement), wrong, missing, a right null
    "a": {"file": "cv.txt", "split": "dev", "class": "vi_full", "fields": {
        "doc_type": "Công văn", "number": "575/UBND-KGVX", "issuer": "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
        "issuer_parent": None, "place": "Quảng Ngãi", "date": "2025-03-13",
        "subject": "triển khai kế hoạch chuyển đổi số năm 2025.", "urgency": "Khẩn", "secrecy": None,
        "signers": [SIGNER], "distribution": ["Như trên", "Lưu: VT, KGVX", "Sở Tài chính"],
    }},
    # test: wrong type, a spurious number
    "b": {"file": "cv.txt", "split": "test", "fields": {"doc_type": "Quyết định", "number": None, "urgency": None}},
    # dev, the file does not exist: every field missing, the null one too
    "c": {"file": "nope.txt", "split": "dev", "fields": {"doc_type": "Công văn", "number": None}},
}


def _write_gold(tmp_path: Path) -> tuple[Path, Path]:
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    (gold / "sub").mkdir(parents=True)
    (corpus / "cv.txt").write_text(CV, encoding="utf-8")
    for gid, g in GOLD.items():
        (gold / f"{gid}.json").write_text(json.dumps({"id": gid, **g}, ensure_ascii=False), encoding="utf-8")
    (gold / "sub" / "d.json").write_text(json.dumps({"id": "d", "file": "cv.txt", "split": "dev", "fields": {"place": "Quảng Ngãi"}}), encoding="utf-8")
    (gold / "notes.json").write_text("{\"half written\": ", encoding="utf-8")
    return gold, corpus


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, Path]:
    return _write_gold(tmp_path)


def test_compare_scalars_and_lists():
    assert compare("Hà Nội", "Hà Nội", strict) == Counts(1, 0, 0)
    assert compare("Hà Nội", "Hà Nọi", strict) == Counts(0, 1, 1)
    assert compare("Hà Nội", None, strict) == Counts(0, 0, 1)
    assert compare(None, "Hà Nội", strict) == Counts(0, 1, 0)
    assert compare(None, None, strict) == Counts(0, 0, 0)
    assert compare(["a", "b", "b"], ["b", "c"], strict) == Counts(1, 1, 2)
    # counts are compared for the kinds the gold counts
    assert compare({"article": 3}, {"article": 2, "clause": 1}, strict) == Counts(2, 0, 1)


def test_outcomes_tell_wrong_from_missing():
    assert outcome("Hà Nội", "Hà Nội", strict) == "right"
    assert outcome(None, None, strict) == "right"
    assert outcome("Hà Nội", "Huế", strict) == "wrong"
    assert outcome("Hà Nội", None, strict) == "missing"
    assert outcome(None, "Hà Nội", strict) == "spurious"
    assert outcome("Cộng hoà.", "CỘNG HÒA", strict) == "wrong"
    assert outcome("Cộng hoà.", "CỘNG HÒA", lenient) == "right"
    assert outcome(["a", "b"], ["b", "a"], strict) == "right"
    assert outcome(["a", "b"], ["a"], strict) == "wrong"
    assert outcome(["a"], [], strict) == "missing"
    assert outcome([], ["a"], strict) == "spurious"


def test_a_signature_block_with_parts_left_null_is_missing_not_wrong():
    # ld_052 (dev): the name read cleanly, the position and authority lines under the seal left null
    # (signer_position_missing); the gold has all three
    gold = [(("TM. BANCHẤP HÀNH",), "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Văn Lợi")]
    assert outcome(gold, [((), None, "Lê Văn Lợi")], lenient) == "missing"
    assert compare(gold, [((), None, "Lê Văn Lợi")], lenient) == Counts(0, 0, 1)
    assert outcome(gold, [(("TM. BANCHẤP HÀNH",), None, "Lê Văn Lợi")], lenient) == "missing"
    # any part given and not the gold's is wrong: a name, an authority misread
    assert outcome(gold, [((), None, "Lê Văn Lọi")], lenient) == "wrong"
    assert compare(gold, [((), None, "Lê Văn Lọi")], lenient) == Counts(0, 1, 1)
    assert outcome(gold, [(("TL. BỘ TRƯỞNG",), None, "Lê Văn Lợi")], lenient) == "wrong"
    # of two blocks, the second given alone and whole: missing; given in the wrong order: wrong
    two = [((), "Người ghi biên bản", "Trần Ngọc Lâm"), ((), "CHỦ TRÌ", "Trần Ngọc Xuân")]
    assert outcome(two, [two[1]], lenient) == "missing"
    assert outcome(two, [((), None, "Trần Ngọc Xuân"), ((), None, "Trần Ngọc Lâm")], lenient) == "wrong"
    assert outcome(two, [((), None, "Trần Ngọc Lâm"), ((), None, "Trần Ngọc Xuân")], lenient) == "missing"


def test_lenient_folds_case_tone_space_and_trailing_punctuation():
    assert lenient("Cộng hoà  xã hội.") == lenient("CỘNG HÒA XÃ HỘI")
    assert lenient("TT- BGTVT") == lenient("TT-BGTVT")
    # a scan reads an en dash as a hyphen (ld_017: "NHIỆM KỲ (2019 - 2025)" for "(2019 – 2025)"); strict keeps them apart
    assert lenient("NHIỆM KỲ (2019 - 2025)") == lenient("Nhiệm kỳ (2019 – 2025)")
    assert strict("2019 - 2025") != strict("2019 – 2025")
    assert strict("Cộng hoà") != strict("Cộng hòa")


def test_counts_on_tiny_gold(tiny):
    gold, corpus = tiny
    report = evaluate(gold, corpus=[corpus])
    assert [d.id for d in report.docs] == ["a", "b", "c"]
    assert report.skipped and report.skipped[0][0].endswith("notes.json")
    t = report.tallies()

    def counts(f: str, m: str) -> tuple[int, int, int, int]:
        x = t[f][m]
        return x.right, x.wrong, x.missing, x.spurious

    assert counts("doc_type", "strict") == (1, 1, 1, 0)  # a right, b wrong, c not read
    assert counts("number", "strict") == (1, 0, 1, 1)  # a right, b spurious, c not read (its null counts missing)
    assert counts("issuer", "strict") == (0, 1, 0, 0) and counts("issuer", "lenient") == (1, 0, 0, 0)
    assert counts("subject", "strict") == (0, 1, 0, 0) and counts("subject", "lenient") == (1, 0, 0, 0)
    assert counts("signers", "strict") == (0, 1, 0, 0) and counts("signers", "lenient") == (1, 0, 0, 0)
    assert counts("signer_name", "strict") == (0, 1, 0, 0) and counts("signer_name", "lenient") == (1, 0, 0, 0)
    assert counts("date", "lenient") == (0, 1, 0, 0)
    assert counts("urgency", "lenient") == (1, 0, 1, 0)  # b: null and null; a: "Khẩn" not found
    assert counts("secrecy", "lenient") == (1, 0, 0, 0) and counts("issuer_parent", "lenient") == (1, 0, 0, 0)
    assert t["doc_type"]["strict"].n == 3 and t["doc_type"]["strict"].accuracy == pytest.approx(1 / 3)
    dist = report.totals()["distribution"]["strict"]
    assert (dist.tp, dist.fp, dist.fn) == (2, 0, 1)
    [c] = report.not_read
    assert c.id == "c" and "not found" in c.error
    # the disagreements, with the text around them
    a = {m.field: m for m in report.docs[0].mismatches}
    assert set(a) >= {"issuer", "date", "subject", "urgency", "signers", "distribution"}
    assert a["issuer"].strict_only and not a["date"].strict_only and a["urgency"].outcome == "missing"
    assert a["date"].context_from == "span" and any(line.startswith(">") and "tháng 3 năm 2025" in line for line in a["date"].context)
    assert a["distribution"].context_from in ("match", "header")


def test_split_filter_and_recursion(tiny):
    gold, corpus = tiny
    ids = lambda **kw: [g.id for g in collect([gold], corpus=[corpus], **kw).golds]  # noqa: E731
    assert ids() == ["a", "b", "c"]
    assert ids(split="dev") == ["a", "c"]
    assert ids(split="test") == ["b"]
    assert ids(recursive=True, split="dev") == ["a", "c", "d"]
    assert ids(only=["b", "d"], recursive=True) == ["b", "d"]
    with pytest.raises(ValueError):
        ids(split="train")
    report = evaluate(gold, corpus=[corpus])
    groups = {(k, v): [d.id for d in docs] for k, v, docs in report.groups()}
    assert groups[("split", "dev")] == ["a", "c"] and groups[("split", "test")] == ["b"]
    assert groups[("format", "txt")] == ["a", "b", "c"]
    assert groups[("ocr", "no")] == ["a", "b"] and groups[("ocr", "not read")] == ["c"]
    assert groups[("class", "vi_full")] == ["a"]  # the gold's class / layer, where given
    assert split_of("vbpl_004") in ("dev", "test")


def test_resolve_prefixes_and_corpus(tmp_path):
    gold = tmp_path / "fixtures" / "gold" / "devset" / "vbpl"
    shared, c1, c2 = tmp_path / "shared", tmp_path / "c1", tmp_path / "c2"
    for d in (gold, c1, c2):
        d.mkdir(parents=True)
    (c2 / "x.html").write_text("x")
    assert resolve("shared:seeds/a.txt", gold, shared) == shared / "seeds" / "a.txt"
    assert resolve("fixtures:docs/a.pdf", gold, shared) == (tmp_path / "fixtures" / "docs" / "a.pdf").resolve()
    assert resolve("x.html", gold, shared, [c1, c2]) == c2 / "x.html"  # the first corpus that has it
    assert resolve("y.html", gold, shared, [c1, c2]) == c1 / "y.html"
    assert resolve("/abs/z.pdf", gold, shared, [c1]) == Path("/abs/z.pdf")


def test_parallel_runner_equals_serial(tiny):
    gold, corpus = tiny
    serial = evaluate(gold, corpus=[corpus], recursive=True, jobs=1).to_json()
    parallel = evaluate(gold, corpus=[corpus], recursive=True, jobs=2).to_json()
    serial.pop("created"), parallel.pop("created")
    assert serial == parallel
    assert [d["id"] for d in parallel["documents"]] == ["a", "b", "c", "d"]


def _compare_eval():
    spec = importlib.util.spec_from_file_location("compare_eval", ROOT / "scripts" / "compare_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_cli_gold_corpus_mismatches_json_and_compare(tiny, tmp_path, capsys):
    gold, corpus = tiny
    out = tmp_path / "run.json"
    args = ["eval", "--gold", str(gold), "--corpus", str(corpus), "-j", "2", "--mismatches", "--json", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    text = result.output
    assert "| doc_type " in text and "acc lenient" in text and "split=test" in text
    assert "## a (txt, dev)" in text and "- date [wrong]" in text and '"2025-03-13"' in text
    assert "- issuer [strict only]" in text and "c: file not found" in text.replace("- c:", "c:")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["header_model"] is False  # the run says whose readings it counted (issue 18: --use-model)
    assert data["totals"]["all"]["doc_type"]["strict"]["wrong"] == 1
    assert data["totals"]["split=dev"]["doc_type"]["lenient"]["n"] == 2
    assert {m["field"] for m in data["mismatches"] if m["id"] == "a"} >= {"date", "urgency"}
    assert data["not_read"][0]["id"] == "c"
    md = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--corpus", str(corpus), "-j", "1", "--markdown", "--split", "dev"])
    assert md.exit_code == 0 and "## Accuracy per document (all)" in md.output and "split test" not in md.output
    # before -> after: make "a"'s number regress and its date improve
    after = json.loads(out.read_text(encoding="utf-8"))
    doc = next(d for d in after["documents"] if d["id"] == "a")
    doc["outcomes"]["number"]["lenient"] = "wrong"
    doc["outcomes"]["date"]["lenient"] = "right"
    after["totals"]["all"]["number"]["lenient"].update(right=0, wrong=1)
    (tmp_path / "after.json").write_text(json.dumps(after, ensure_ascii=False), encoding="utf-8")
    compare_eval = _compare_eval()
    rc = compare_eval.main([str(out), str(tmp_path / "after.json"), "--fail-on-regression"])
    printed = capsys.readouterr().out
    assert rc == 1
    assert "Regressed (1):\n- a number: right → wrong" in printed and "- a date: wrong → right" in printed
    assert "1 → 0" in printed  # the number's right count, before -> after
    assert compare_eval.regressed("missing", "wrong") and not compare_eval.regressed("wrong", "missing")


def test_devset_unpack(tmp_path):
    devset = tmp_path / "devset"
    devset.mkdir()
    page = tmp_path / "doc_000001.html"
    page.write_text("<html>x</html>")
    with lzma.open(devset / "vbpl.tar.xz", "wb") as xz, tarfile.open(fileobj=xz, mode="w") as tar:
        tar.add(page, arcname="vbpl/doc_000001.html")
    (devset / "vbpl_index.jsonl").write_text(json.dumps({"id": "vbpl_001", "path": "vbpl/doc_000001.html", "bytes": 14}) + "\n")
    spec = importlib.util.spec_from_file_location("devset", ROOT / "scripts" / "devset.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = mod.unpack(tmp_path / "build", devset)
    assert out == tmp_path / "build" / "vbpl" and (out / "doc_000001.html").read_text() == "<html>x</html>"
    assert mod.unpack(tmp_path / "build", devset) == out  # already there: nothing to do


def test_header_fields_on_text_documents_reach_the_bar(shared):
    # only the gold of text documents is parsed: the bar is on them, and the corpus's scans and .doc files (OCR,
    # LibreOffice) cost minutes here for results this test never read (their fields: the gold eval, test_ocr_*)
    golds = collect([FIXTURES / "gold"], shared).golds
    text_ids = [g.id for g in golds if (g.format or g.path.suffix.lstrip(".")) in ("txt", "md")]
    report = evaluate(FIXTURES / "gold", shared, only=text_ids)
    text_docs = [d for d in report.docs if d.format in ("txt", "md")]
    assert len(text_docs) >= 4
    assert all(d.error is None for d in text_docs)
    assert report.header_micro(text_docs, "lenient").f1 >= 0.95
    assert report.header_micro(text_docs, "strict").f1 >= 0.95


def test_hand_filled_number_and_date_are_scored_apart(tmp_path):
    """Issue 12: a value a person wrote into the printed blank is counted apart from printed ones (the gold's
    ``hand_filled``), so the bar on what OCR of print can read is not hidden by what only a person can."""
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir(), gold.mkdir()
    (corpus / "cv.txt").write_text(CV.replace("Số: 575/UBND-KGVX\n", ""), encoding="utf-8")  # no number read
    fields = {"number": "575/UBND-KGVX", "date": "2025-03-12", "place": "Quảng Ngãi"}
    for gid, hand in (("printed", []), ("hand", ["number"])):
        data = {"id": gid, "file": "cv.txt", "split": "dev", "layer": "none", "hand_filled": hand, "fields": fields}
        (gold / f"{gid}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "run.json"
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--corpus", str(corpus), "-j", "1", "--json", str(out)])
    assert result.exit_code == 0, result.output
    docs = {d["id"]: d for d in json.loads(out.read_text(encoding="utf-8"))["documents"]}
    assert docs["hand"]["hand_filled"] == "number" and "hand_filled" not in docs["printed"]
    spec = importlib.util.spec_from_file_location("update_accuracy", ROOT / "scripts" / "update_accuracy.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = "\n".join(mod.field_rows(mod.issue12_records_json([out])))
    # both documents miss the number: one printed miss, one hand-filled null; the date is printed in both
    assert "| number | OCR (scan), printed | dev | 1 | 0 | 0 | 1 |" in rows
    assert "| number | OCR (scan), hand-filled | dev | 1 | 0 | 0 | 1 |" in rows
    assert "| date | OCR (scan), printed | dev | 2 | 2 | 0 | 0 |" in rows
    assert "| place | OCR (scan) | dev | 2 | 2 | 0 | 0 |" in rows
