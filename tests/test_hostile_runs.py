"""Issue 14: the hostile files of tests/hostile.py, all in one archive folder beside a good file, run the ways the
parser runs besides ``read_file`` (tests/test_reader_limits.py checks each there, with its limit): a batch and
``index``.  Each ends in a clear error naming its limit or a result with a warning, within the limits; the other
files are processed; the inputs are untouched; nothing prints a traceback.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests import hostile
from vnadmin_nlp.readers import limits

from .conftest import SEED_CONG_VAN

ROOT = Path(__file__).resolve().parent.parent

# name -> the words its error must hold (a refused file), or None (read, with a reader_limit warning or cleanly)
CASES: dict[str, str | None] = {
    "roman.docx": "max_list_value",  # numbering starting at 10^15 in Roman numerals
    "letter.docx": "max_list_value",  # lowerLetter start of 10^10
    "deep.docx": "max_nesting",  # content controls nested past the limit
    "lie.docx": "Bad CRC-32",  # a zip member inflating far past what its headers say: stopped, a corrupt file
    "loop.doc": "loops",  # an OLE file whose DIFAT chain loops
    "spans.html": "max_table_cells",  # a table of huge row and column spans
    "bomb.pdf": "max_pdf_stream_bytes",  # a content stream that inflates past the limit (lowered below)
    "bin.rtf": None,  # \bin with a negative length (looped forever)
    "fonts.rtf": None,  # 200,000 \f entries without ';' (quadratic)
    "huge.pdf": None,  # a scan page of 14,400 pt: not rendered, a reader_limit warning
    "deep.html": None,  # nested past libxml2's depth: a reader_limit warning
    "surrogates.pdf": None,  # a text layer with characters outside the BMP and lone UTF-16 halves
    "digits.txt": None,  # Unicode 16 digits (U+16D70) where numbers are read: int() cannot read them
    "u16.txt": None,  # UTF-16 without a byte-order mark
    "empty.pdf": "the file is empty",  # 0 bytes: an error, not an empty document
    "good.txt": None,
}
WARNED = {"huge.pdf": "reader_limit", "deep.html": "reader_limit", "surrogates.pdf": "lone_surrogates"}
DIGIT = "\U00016d70"
BOMB_LIMIT = 8 * 1024 * 1024  # the stream bomb inflates to 16 MiB; the default limit (256 MiB) is lowered for speed


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("archive")
    files = {
        "roman.docx": hostile.numbered_docx("upperRoman", 10**15),
        "letter.docx": hostile.numbered_docx("lowerLetter", 10**10),
        "deep.docx": hostile.nested_docx(limits.current().max_nesting + 50),
        "lie.docx": hostile.lying_zip_docx(50_000_000),
        "loop.doc": hostile.ole_looping_difat(),
        "spans.html": hostile.html_spans(2000),
        "bomb.pdf": hostile.pdf_stream_bomb(2 * BOMB_LIMIT),
        "bin.rtf": hostile.rtf_bin_negative(),
        "fonts.rtf": hostile.rtf_font_table(200_000),
        "huge.pdf": hostile.pdf_huge_page(),
        "deep.html": hostile.html_deep(3000),
        "surrogates.pdf": hostile.pdf_surrogates(),
        "digits.txt": (f"Số: {DIGIT * 2}/QĐ-UBND\nHà Nội, ngày {DIGIT} tháng {DIGIT} năm {DIGIT * 4}\n- {DIGIT} -\n"
                       f"Điều {DIGIT}. Trước ngày {DIGIT}/{DIGIT}/{DIGIT * 4}\n- {DIGIT * 2} -\n").encode(),
        "u16.txt": SEED_CONG_VAN.read_text(encoding="utf-8").encode("utf-16-le"),
        "empty.pdf": b"",
        "good.txt": SEED_CONG_VAN.read_bytes(),
    }
    assert set(files) == set(CASES)
    for name, data in files.items():
        (src / name).write_bytes(data)
    os.mkfifo(src / "x.txt")  # a FIFO named like a text file: skipped, never opened
    return src


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VNADMIN_LIMIT_MAX_PDF_STREAM_BYTES": str(BOMB_LIMIT)}
    proc = subprocess.run([sys.executable, "-m", "vnadmin_nlp", *args], capture_output=True, env=env, timeout=600)
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace"), proc.stderr.decode()
    return proc


def test_every_hostile_file_in_a_batch(archive: Path, tmp_path: Path):
    before = _digest(archive)
    out = tmp_path / "out"
    proc = _cli("parse", str(archive), "-o", str(out), "-j", "2", "--timeout", "120", "--max-memory", "2048", "-q")
    assert proc.returncode == 1, proc.stderr.decode()
    errors = {Path(e["file"]).name: e for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
    assert errors.pop("x.txt")["stage"] == "skipped"
    for name, words in CASES.items():
        if words is None:
            assert name not in errors, errors.get(name)
            doc = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
            if name in WARNED:
                assert any(w["code"] == WARNED[name] for w in doc["warnings"]), name
        else:
            assert errors[name]["stage"] == "read" and words in errors[name]["message"], errors.get(name)
    for name in ("good.txt", "u16.txt"):
        assert json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["number"]["text"] == "4231/UBND-VHTT"
    assert _digest(archive) == before  # inputs untouched


def test_every_hostile_file_in_an_index(archive: Path, tmp_path: Path):
    before = _digest(archive)
    db = tmp_path / "i.sqlite"
    proc = _cli("index", str(archive), "--db", str(db), "--timeout", "120", "--max-memory", "2048")
    assert proc.returncode == 1, proc.stderr.decode()
    conn = sqlite3.connect(db)
    failed = {Path(p).name: (stage, message) for p, stage, message in conn.execute("SELECT path, stage, message FROM errors")}
    stored = {Path(p).name for (p,) in conn.execute("SELECT path FROM documents")}
    assert stored == {name for name, words in CASES.items() if words is None}
    for name, words in CASES.items():
        if words is not None:
            assert failed[name][0] == "read" and words in failed[name][1], failed.get(name)
    assert "x.txt" not in stored and "x.txt: a FIFO" in proc.stderr.decode()
    assert _digest(archive) == before


def test_every_hostile_file_named_on_the_command_line(archive: Path):
    """``parse FILE…``: each file under the one-file limits (a child process each), in the order given; a refused
    file is one line naming it, and the next file is still parsed."""
    before = _digest(archive)
    names = [*CASES, "x.txt"]
    proc = _cli("parse", *(str(archive / n) for n in names), "--compact", "--no-text", "--timeout", "120")
    assert proc.returncode == 1
    err = proc.stderr.decode().splitlines()
    for name, words in CASES.items():
        said = [line for line in err if line.startswith(f"error: {archive / name}: ")]
        assert (len(said) == 1 and words in said[0]) if words else not said, (name, said)
    assert any(line.startswith(f"error: {archive / 'x.txt'}: ") and "FIFO" in line for line in err)
    docs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [Path(d["source"]["path"]).name for d in docs] == [n for n, words in CASES.items() if words is None]
    for d in docs:
        name = Path(d["source"]["path"]).name
        assert name not in WARNED or any(w["code"] == WARNED[name] for w in d["warnings"]), name
    assert _digest(archive) == before


DYING_READER = '''
import os, sys
import vnadmin_nlp.pipeline as p
from vnadmin_nlp.readers import CorruptFile

def abort(path):  # a C library's abort() (the issue saw one kill a batch worker with SIGABRT)
    os.abort()

def wrapped(path):  # a reader that catches the MemoryError and wraps it (the stage said read, not memory)
    try:
        blocks = []
        while True:
            blocks.append(bytearray(50 << 20))
    except MemoryError as exc:
        raise CorruptFile(str(path), "reader failed: MemoryError") from exc

MODES = {"abort": abort, "wrapped": wrapped}
_read, _parse = p.read_file, p.parse_file

def read(path):
    return MODES.get(os.path.basename(str(path)).split(".")[0], _read)(path)

def parse(path, **kw):  # the batch's hook (VNADMIN_PARSE_HOOK)
    read(path) if os.path.basename(str(path)).split(".")[0] in MODES else None
    return _parse(path, **kw)

if __name__ == "__main__":
    p.read_file = read
    from vnadmin_nlp.cli import main
    main()
'''


def test_a_reader_that_aborts_or_wraps_a_memory_error(tmp_path: Path):
    """``crash`` and ``memory`` (never ``read``) in the three modes; the good file is parsed in each."""
    (tmp_path / "dying_reader.py").write_text(DYING_READER, encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    sample = ROOT / "fixtures" / "samples" / "cong_van_ubnd_binh_thuan.docx"
    for name in ("abort.docx", "wrapped.docx", "good.docx"):
        (src / name).write_bytes(sample.read_bytes())
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{tmp_path}", "VNADMIN_PARSE_HOOK": "dying_reader:parse"}
    expected = {"abort.docx": ("crash", "SIGABRT"), "wrapped.docx": ("memory", "")}

    def run(*args: str) -> subprocess.CompletedProcess:
        proc = subprocess.run([sys.executable, str(tmp_path / "dying_reader.py"), *args, "--timeout", "60",
                               "--max-memory", "400"], capture_output=True, env=env, timeout=300)
        assert "Traceback" not in proc.stderr.decode() and proc.returncode == 1, proc.stderr.decode()
        return proc

    single = run("parse", *(str(src / n) for n in ("abort.docx", "wrapped.docx", "good.docx")), "--compact")
    lines = single.stderr.decode().splitlines()
    for name, (stage, words) in expected.items():
        assert any(line.startswith(f"error: {src / name}: {stage}: ") and words in line for line in lines), lines
    assert [Path(json.loads(d)["source"]["path"]).name for d in single.stdout.decode().splitlines()] == ["good.docx"]

    run("parse", str(src), "-o", str(tmp_path / "out"), "-j", "1", "-q")
    errors = {Path(e["file"]).name: e for e in map(json.loads, (tmp_path / "out" / "errors.jsonl").read_text().splitlines())}
    assert {n: e["stage"] for n, e in errors.items()} == {n: s for n, (s, _) in expected.items()}
    assert "SIGABRT" in errors["abort.docx"]["message"] and (tmp_path / "out" / "good.docx.json").exists()

    run("index", str(src), "--db", str(tmp_path / "i.sqlite"))
    conn = sqlite3.connect(tmp_path / "i.sqlite")
    assert {Path(p).name: s for p, s in conn.execute("SELECT path, stage FROM errors")} == {n: s for n, (s, _) in expected.items()}
    assert [Path(p).name for (p,) in conn.execute("SELECT path FROM documents")] == ["good.docx"]
