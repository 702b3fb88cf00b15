"""The command line as archivists use it: parse files and folders, errors that name the file, eval."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

from click.testing import CliRunner

from vnadmin_nlp import SCHEMA_VERSION
from vnadmin_nlp.cli import main

from .conftest import FIXTURES, SEED_CONG_VAN


def test_parse_one_file_prints_json(shared):
    result = CliRunner().invoke(main, ["parse", str(SEED_CONG_VAN)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["number"]["text"] == "4231/UBND-VHTT" and data["schema_version"] == SCHEMA_VERSION


def test_parse_folder_writes_one_json_per_file_and_survives_a_bad_file(tmp_path, shared):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SEED_CONG_VAN, src / "sub" / "cv.txt")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage that is not a pdf")
    before = {p: p.read_bytes() for p in src.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["parse", str(src), "-o", str(out), "--no-text"])
    assert result.exit_code == 1  # something failed, and the exit code says so
    assert "broken.pdf" in result.output  # the error names the file
    data = json.loads((out / "sub" / "cv.txt.json").read_text(encoding="utf-8"))
    assert "text" not in data and data["issuer"]["name"] == "Ủy ban nhân dân thành phố Cẩm Phả"
    assert {p: p.read_bytes() for p in src.rglob("*") if p.is_file()} == before  # inputs untouched


def test_missing_file_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt" in result.output and "not found" in result.output


def test_module_entry_point_and_schema_command():
    out = subprocess.run([sys.executable, "-m", "vnadmin_nlp", "schema"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["title"] == "vnadmin-nlp Document"


def test_eval_prints_the_table(shared):
    result = CliRunner().invoke(main, ["eval", "--gold", str(FIXTURES / "gold"), "--shared", str(shared), "--only", "seed_000"])
    assert result.exit_code == 0, result.output
    assert "| doc_type | 1 | 1.000 | 1.000 | 1.000 |" in result.output
