"""The document register (ND 30/2020, Appendix IV) of a batch: CSV and XLSX that open with the Vietnamese intact."""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil

import pytest
from click.testing import CliRunner

from vnadmin_nlp.cli import main
from vnadmin_nlp.export.register import COLUMNS, row

from .conftest import SEED_CONG_VAN, SEED_THONG_BAO

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def batch(tmp_path_factory, shared):
    """A batch output (folder and JSONL) of the two seeds and a real .docx."""
    base = tmp_path_factory.mktemp("register")
    src = base / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SEED_CONG_VAN, src / "cong_van.txt")
    shutil.copy(SEED_THONG_BAO, src / "sub" / "thong_bao.txt")
    shutil.copy(shared / "corpus" / "nd19_2019_docx.docx", src / "sub" / "nd19.docx")
    for args in (["-o", str(base / "out")], ["--jsonl", str(base / "all.jsonl")]):
        assert CliRunner().invoke(main, ["parse", str(src), *args, "-q", "-j", "2"]).exit_code == 0
    return base


def cong_van_row(rows):
    return next(r for r in rows if r[1] == "4231/UBND-VHTT")


def test_csv_register_has_a_bom_and_the_decree_columns(batch, tmp_path):
    out = tmp_path / "register.csv"
    result = CliRunner().invoke(main, ["register", str(batch / "out"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == COLUMNS and len(rows) == 4
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    cv = cong_van_row(rows)
    assert cv[2] == "19/10/2022"
    assert cv[3].startswith("Công văn V/v một số nhận thức chung về chuyển đổi số")
    assert cv[4].startswith("Phạm Văn Kính (") and "PHÓ CHỦ TỊCH" in cv[4]
    assert "Ủy ban nhân dân các phường, xã" in cv[5]
    assert cv[11] == "Ủy ban nhân dân thành phố Cẩm Phả" and cv[12].endswith("cong_van.txt")
    nd = next(r for r in rows if r[1] == "19/2019/NĐ-CP")
    assert nd[3] == "Nghị định VỀ HỌ, HỤI, BIÊU, PHƯỜNG" and nd[4].startswith("Nguyễn Xuân Phúc")
    assert nd[6].startswith("VT")  # "Lưu: VT, …" is the retained copy, not a recipient
    assert not any(item.startswith("Lưu") for item in nd[5].split("; "))


def test_xlsx_register_from_a_jsonl_file(batch, tmp_path):
    out = tmp_path / "register.xlsx"
    result = CliRunner().invoke(main, ["register", str(batch / "all.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS and len(rows) == 4
    cv = cong_van_row(rows)
    assert cv[2] == dt.datetime(2022, 10, 19)  # a real date, shown dd/mm/yyyy
    assert cv[11] == "Ủy ban nhân dân thành phố Cẩm Phả"
    tb = next(r for r in rows if r[11] == "Bộ Thông tin và Truyền thông")
    assert tb[2] == "2022"  # a partial date stays text
    assert ws.freeze_panes == "A2"


def test_cells_are_never_formulas(tmp_path):
    doc = {"number": {"text": "=1+1"}, "subject": "=HYPERLINK(\"http://x\")", "doc_type": None, "source": {"path": "x.txt"}}
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    assert row(doc, 1)[1] == "=1+1"
    CliRunner().invoke(main, ["register", str(src), "-o", str(tmp_path / "r.xlsx")])
    cell = openpyxl.load_workbook(tmp_path / "r.xlsx").active["B2"]
    assert cell.data_type == "s" and cell.value == "=1+1"
    CliRunner().invoke(main, ["register", str(src), "-o", str(tmp_path / "r.csv")])
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[1][1] == "'=1+1"


def test_unknown_output_format_is_a_usage_error(batch, tmp_path):
    assert CliRunner().invoke(main, ["register", str(batch / "out"), "-o", str(tmp_path / "r.ods")]).exit_code == 2
