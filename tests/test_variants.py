"""Issue 17, the measuring part: the variants script (scripts/make_variants.py), ``vnadmin-nlp eval --variants``
and the committed slice fixtures/variants (four dev pages, every variant; see its README)."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnadmin_nlp import parse_file
from vnadmin_nlp.cli import main
from vnadmin_nlp.evaluation.variants import VARIANT_FIELDS, evaluate_variants
from vnadmin_nlp.evaluation.variant_tables import render

from .national_name import national_in_issuer

ROOT = Path(__file__).resolve().parents[1]
SLICE = ROOT / "fixtures" / "variants"
GOLD = ROOT / "fixtures" / "gold" / "devset" / "vbpl"
SLICE_IDS = ("vbpl_261", "vbpl_145", "vbpl_125", "vbpl_113")


def _script():
    spec = importlib.util.spec_from_file_location("make_variants", ROOT / "scripts" / "make_variants.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_variants"] = module  # the process pool pickles its functions by module name
    spec.loader.exec_module(module)
    return module


mv = _script()

# -- the committed slice ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def slice_report():
    # the slice's `html` folder (the document part of each page) stands in for the original page
    return evaluate_variants(GOLD, SLICE, corpus=[SLICE / "html"], only=SLICE_IDS, jobs=1)


def test_the_slice_holds_every_variant_of_four_dev_documents_and_stays_small():
    variants = {p.name for p in SLICE.iterdir() if p.is_dir()}
    assert variants == {"html", *(c.name for c in mv.CONVERTERS)}
    for v in variants:
        assert len(list((SLICE / v).iterdir())) == 4, v
    for doc_id in SLICE_IDS:
        assert json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))["split"] == "dev"
    assert sum(p.stat().st_size for p in SLICE.rglob("*") if p.is_file()) < 3_000_000


def test_eval_variants_runs_on_the_slice(slice_report):
    rep = slice_report
    assert len(rep.original.docs) == 4 and not rep.original.not_read and not rep.without_variant
    assert set(rep.variants) == {"html", *(c.name for c in mv.CONVERTERS)}
    for name, v in rep.variants.items():
        assert len(v.results) == len(v.originals) == 4, name
        for f in VARIANT_FIELDS:
            assert v.agree[f] + v.disagree[f] == 4, (name, f)
        assert len(v.disagreements) == sum(v.disagree.values())
    same = rep.variants["html"]  # the original itself: agrees everywhere, no more wrong
    assert sum(same.disagree.values()) == 0 and not same.more_wrong
    text = render(rep, mismatches=True)
    assert "Agreement with the original" in text and "verdict" in text


def test_eval_variants_command_line_json(tmp_path):
    out = tmp_path / "v.json"
    args = ["eval", "--gold", str(GOLD), "--corpus", str(SLICE / "html"), "--variants", str(SLICE), "-j", "1", "-q",
            "--json", str(out), "--only", "vbpl_145", "--only", "vbpl_261"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert "Agreement with the original" in res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["variant_fields"] == list(VARIANT_FIELDS)
    assert data["variants"]["html"]["agreement"]["number"] == {"agree": 2, "disagree": 0, "share": 1.0}
    assert "totals" in data  # the original's usual report is there too (scripts/compare_eval.py reads it)


# -- counts on a tiny case -------------------------------------------------------------------------------------

LETTER = """\
ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
Số: 125/UBND-VX
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ninh, ngày {day} tháng 3 năm 2024
V/v tăng cường phòng chống dịch bệnh
Kính gửi: Sở Y tế.
Ủy ban nhân dân tỉnh đề nghị Sở Y tế triển khai ngay các biện pháp phòng chống dịch bệnh trên địa bàn.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def _tiny(tmp_path: Path, gold_number: str = "125/UBND-VX") -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "cv_1.txt").write_text(LETTER.format(day="05"), encoding="utf-8")
    for variant, day in (("same", "05"), ("other", "15")):
        (tmp_path / "variants" / variant).mkdir(parents=True)
        (tmp_path / "variants" / variant / "cv_1.txt").write_text(LETTER.format(day=day), encoding="utf-8")
    gold = {"id": "cv_1", "file": "cv_1.txt", "split": "dev", "fields": {
        "number": gold_number, "date": "2024-03-05", "place": "Quảng Ninh", "doc_type": "Công văn",
        "signers": [{"authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "position": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn An"}]}}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "cv_1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_counts_one_variant_agrees_one_disagrees_on_the_date(tmp_path):
    t = _tiny(tmp_path)
    rep = evaluate_variants(t / "gold", t / "variants", corpus=[t / "corpus"], jobs=1)
    same, other = rep.variants["same"], rep.variants["other"]
    assert all(same.agree[f] == 1 and same.disagree[f] == 0 for f in VARIANT_FIELDS)
    assert other.disagree["date"] == 1 and other.agree["date"] == 0 and other.share("date") == 0.0
    assert all(other.agree[f] == 1 for f in VARIANT_FIELDS if f != "date")
    (d,) = other.disagreements
    assert (d.field, d.original, d.variant) == ("date", "2024-03-05", "2024-03-15")
    assert any("ngày 05 tháng 3" in line for line in d.original_lines)
    assert any("ngày 15 tháng 3" in line for line in d.variant_lines)
    # against the gold: the other variant's date is wrong, the original's right
    assert other.tallies(original=True)["date"].wrong == 0 and other.tallies()["date"].wrong == 1
    assert other.more_wrong and not same.more_wrong
    text = render(rep, mismatches=True)
    assert "MORE WRONG (+1)" in text and "ngày 15 tháng 3" in text


def test_attribute_only_pages_are_excluded_and_listed(tmp_path):
    t = _tiny(tmp_path)
    stub = {"id": "stub_1", "file": "stub_1.txt", "split": "dev", "class": "stub", "fields": {"number": "9/QĐ-UBND"}}
    (t / "gold" / "stub_1.json").write_text(json.dumps(stub, ensure_ascii=False), encoding="utf-8")
    (t / "corpus" / "stub_1.txt").write_text("Số: 9/QĐ-UBND\n", encoding="utf-8")
    (t / "variants" / "same" / "stub_1.txt").write_text("", encoding="utf-8")  # no document part: nothing
    rep = evaluate_variants(t / "gold", t / "variants", corpus=[t / "corpus"], jobs=1)
    assert [i for i, _ in rep.excluded] == ["stub_1"] and "stub" in rep.excluded[0][1]
    assert len(rep.original.docs) == 1 and len(rep.variants["same"].results) == 1
    assert all(rep.variants["same"].disagree[f] == 0 for f in VARIANT_FIELDS)
    assert rep.to_json()["excluded"][0]["id"] == "stub_1"
    assert "Excluded: 1 gold documents" in render(rep)


def test_a_field_the_gold_marks_not_in_the_body_is_excluded_for_that_document(tmp_path):
    # vbpl pages whose number only the site's title line gives (the gold: "title line (not in the body)"): the
    # variants, made from the document part, cannot hold it; the field is left out of that document only
    t = _tiny(tmp_path)
    (t / "variants" / "other" / "cv_1.txt").write_text(LETTER.format(day="05").replace("Số: 125/UBND-VX\n", ""),
                                                       encoding="utf-8")
    rep = evaluate_variants(t / "gold", t / "variants", corpus=[t / "corpus"], jobs=1)
    assert rep.variants["other"].disagree["number"] == 1 and not rep.excluded_fields  # no marking: counted
    gold = json.loads((t / "gold" / "cv_1.json").read_text(encoding="utf-8"))
    gold["gold_source"] = {"number": "title line (not in the body)", "date": "read"}
    (t / "gold" / "cv_1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    rep = evaluate_variants(t / "gold", t / "variants", corpus=[t / "corpus"], jobs=1)
    other = rep.variants["other"]
    assert other.agree["number"] == other.disagree["number"] == 0 and other.agree["date"] == 1
    assert "number" not in other.tallies() and "number" not in other.tallies(original=True)
    assert rep.excluded_fields == [("cv_1", "number")]
    assert rep.to_json()["excluded_fields"][0]["field"] == "number"
    assert "Excluded per field: 1 values" in render(rep) and "cv_1 number" in render(rep)


def test_agreeing_on_a_wrong_value_is_still_wrong(tmp_path):
    t = _tiny(tmp_path, gold_number="126/UBND-VX")  # the gold says another number: both sides are wrong
    rep = evaluate_variants(t / "gold", t / "variants", corpus=[t / "corpus"], jobs=1)
    same = rep.variants["same"]
    assert same.agree["number"] == 1
    assert same.tallies(original=True)["number"].wrong == 1 and same.tallies()["number"].wrong == 1
    data = rep.to_json()["variants"]["same"]
    assert data["gold"]["number"]["variant"]["wrong"] == 1 and data["wrong"] == {"original": 1, "variant": 1}


# -- the variants script ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản pháp luật | site</title></head><body>
<nav class="menu">Trang chủ | Văn bản | Tìm kiếm</nav>
<div data-vbpl-content-root="true">
<table><tr><td><p><b>BỘ NỘI VỤ</b></p></td><td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
<p><b>Độc lập - Tự do - Hạnh phúc</b></p></td></tr>
<tr><td><p>Số: 25/2025/TT-BNV</p></td><td><p><i>Hà Nội, ngày 29 tháng 12 năm 2025</i></p></td></tr></table>
<p align="center"><b>THÔNG TƯ</b></p><p align="center"><b>Sửa đổi, bổ sung khoản 2 Điều 5 Thông tư số 28/2021/TT-BLĐTBXH</b></p>
<p>Điều 1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2026 và áp dụng trên cả nước.</p>
</div><footer>Cơ sở dữ liệu quốc gia về pháp luật</footer></body></html>
"""


def _chain(name: str) -> list[str]:
    out = []
    while name != "html":
        out.insert(0, name)
        name = mv.BY_NAME[name].source
    return out


@pytest.mark.parametrize("name", [c.name for c in mv.CONVERTERS])
def test_each_converter_of_the_table_makes_a_file(tmp_path, name):
    for step in _chain(name):
        why = mv.available(mv.BY_NAME[step])
        if why:
            pytest.skip(f"{step}: {why}")
    (tmp_path / "pages").mkdir()
    page = tmp_path / "pages" / "doc_000001.html"
    page.write_text(PAGE, encoding="utf-8")
    done = mv.make_one(page, tmp_path / "out", _chain(name), force=False)
    assert done[name][0] == "made", done
    conv = mv.BY_NAME[name]
    dest = tmp_path / "out" / name / f"doc_000001.{conv.ext}"
    assert dest.stat().st_size > 0
    part = (tmp_path / "out" / "html" / "doc_000001.html").read_text(encoding="utf-8")
    assert "25/2025/TT-BNV" in part and "Trang chủ" not in part and "Cơ sở dữ liệu" not in part  # no site chrome
    if conv.ext in ("md", "txt"):
        assert "25/2025/TT-BNV" in dest.read_text(encoding="utf-8")
    # made again only with force
    assert mv.make_one(page, tmp_path / "out", _chain(name), force=False)[name][0] == "exists"


def test_the_python_converters_run_with_their_defaults():
    pytest.importorskip("html2text")
    pytest.importorskip("markdownify")
    assert "**BỘ NỘI VỤ**" in mv.html2text_default(PAGE)
    assert "THÔNG TƯ" in mv.markdownify_default(PAGE)


def test_a_missing_tool_is_named_and_only_its_variants_are_skipped(tmp_path, monkeypatch, capsys):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "doc_000001.html").write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(mv.shutil, "which", lambda cmd: None)
    assert "apt-get install pandoc" in mv.available(mv.BY_NAME["pandoc_gfm"])
    has_html2text = mv.importlib.util.find_spec("html2text") is not None
    rc = mv.main(["--pages", str(tmp_path / "pages"), "-o", str(tmp_path / "out"), "-j", "1",
                  "--only", "pandoc_gfm", "--only", "html2text", "--only", "docx", "--only", "pdf"])
    err = capsys.readouterr().err
    assert rc == 0
    assert "skipping pandoc_gfm: pandoc not found: apt-get install pandoc" in err
    assert "skipping pdf: soffice not found: apt-get install libreoffice-writer" in err
    assert not (tmp_path / "out" / "pandoc_gfm").exists()
    assert (tmp_path / "out" / "html" / "doc_000001.html").is_file()
    assert (tmp_path / "out" / "html2text" / "doc_000001.md").is_file() == has_html2text


# -- what the issue demands of the outputs ----------------------------------------------------------------------


def test_the_issuer_check_can_fail():
    doc = parse_file(SLICE / "html" / "doc_000145.html")
    assert national_in_issuer(doc) == []
    bad = doc.issuer.model_copy(update={"name": "Bộ Nội vụ Cộng hòa xã hội chủ nghĩa Việt Nam"})
    assert national_in_issuer(doc.model_copy(update={"issuer": bad}))
    bad = doc.issuer.model_copy(update={"text": "BỘ NỘI VỤ | Độc lập - Tự do - Hạnh phúc"})
    assert national_in_issuer(doc.model_copy(update={"issuer": bad}))


def _slice_files() -> list[Path]:
    return sorted(p for p in SLICE.glob("*/*") if p.is_file())  # not the README


def _issuers_with_national_name(keep) -> dict:
    found = {}
    for path in _slice_files():
        if not keep(path):
            continue
        bad = national_in_issuer(parse_file(path))
        if bad:
            found[str(path.relative_to(SLICE))] = bad
    return found


def test_no_issuer_of_a_copy_read_as_text_or_markup_holds_the_national_name_or_motto():
    # pdftotext -layout sets issuer | Quốc hiệu side by side, w3m and lynx draw them in a box: the text reader
    # reads those columns as cells (readers/text_columns.py)
    assert not _issuers_with_national_name(lambda p: p.parent.name != "pdf")


def test_no_issuer_of_the_pdf_copies_holds_the_national_name_or_motto():
    # LibreOffice sets issuer | Quốc hiệu in two table cells that each fill their half: the column finder cuts
    # them at a narrow gap beside the "CỘNG HÒA" anchor (readers/layout/columns.py)
    assert not _issuers_with_national_name(lambda p: p.parent.name == "pdf")
