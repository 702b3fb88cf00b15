"""Hostile files, odd file systems and concurrent runs (issue 14): each case generated here, in tmp_path, and run
the ways people run the parser (``parse FILE``, ``parse DIR -o OUT``, ``index``), with a clear outcome asserted:
a correct result, or one clear line naming the file, never a traceback, a hang, or a file read from outside.

The readers' own limits and the fuzzing suite are elsewhere; this file covers names, links, special files, empty
and UTF-16 inputs, surrogates and odd digits, the limits of one file, child processes, locks and bad outputs.
"""
from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from vnadmin_nlp import Limits, ResourceLimit, parse_file, parse_raw, parse_text
from vnadmin_nlp.files import Lock, display_name, raw_name
from vnadmin_nlp.files.processes import run_tool, sweep_temp_dirs, temp_dir
from vnadmin_nlp.readers import Block, CorruptFile, RawDocument, ReaderError

from .conftest import SEED_CONG_VAN

ROOT = Path(__file__).resolve().parent.parent
RAW_NAME = b"Quy\xd5t \xd0\xfbnh.txt"  # a cp1258 name from an old Windows share: not UTF-8
if not SEED_CONG_VAN.is_file():  # the module reads the seed at import: skip it whole, with the reason, not a traceback
    pytest.skip(f"the shared corpus is not at {SEED_CONG_VAN.parent.parent} (set VNADMIN_SHARED)", allow_module_level=True)
TEXT = SEED_CONG_VAN.read_text(encoding="utf-8")


def cli(*args: str, timeout: float = 120, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``vnadmin-nlp ARGS`` in a fresh process (a hang fails the test through the timeout)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "vnadmin_nlp", *args], capture_output=True, timeout=timeout,
                          env=full_env, cwd=cwd)


def no_traceback(proc: subprocess.CompletedProcess) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err


def bytes_path(folder: Path, name: bytes) -> str:
    """A path whose last part is ``name`` (any bytes), as Python's os functions take it."""
    return os.fsdecode(os.path.join(os.fsencode(folder), name))


# ------------------------------------------------------------------------------------------ 1. names of any bytes


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    Path(bytes_path(src, RAW_NAME)).write_text(TEXT, encoding="utf-8")
    Path(bytes_path(src, b"r\xf6ng.txt")).write_bytes(b"")  # empty, with a name that is not UTF-8: an error line
    (src / "ok.txt").write_text(TEXT, encoding="utf-8")
    return src


def test_a_name_that_is_not_utf8_parses_alone(odd_names: Path):
    path = bytes_path(odd_names, RAW_NAME)
    doc = parse_file(path, limits=None)
    data = json.loads(doc.to_json())  # valid JSON, valid UTF-8
    assert data["source"]["path"].endswith("Quy\\xd5t \\xd0\\xfbnh.txt")
    warning = next(w for w in data["warnings"] if w["code"] == "file_name_not_utf8")
    assert warning["message"].endswith("Quy%D5t %D0%FBnh.txt")
    assert doc.number.text == "4231/UBND-VHTT"
    proc = cli("parse", path, "--no-text")
    no_traceback(proc)
    assert proc.returncode == 0 and json.loads(proc.stdout)["number"]["text"] == "4231/UBND-VHTT"


def test_a_name_that_is_not_utf8_goes_through_a_batch_and_its_rerun(odd_names: Path, tmp_path: Path):
    out = tmp_path / "out"
    for run in range(2):
        proc = cli("parse", str(odd_names), "-o", str(out), "-j", "1", "-q")
        no_traceback(proc)
        assert proc.returncode == 1  # the empty file failed; everything else is done
        raw_out = Path(bytes_path(out, RAW_NAME + b".json"))  # the output keeps the input's raw name
        assert json.loads(raw_out.read_text(encoding="utf-8"))["number"]["text"] == "4231/UBND-VHTT"
        errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [(e["file"].rsplit("/", 1)[1], e["stage"], e["file_raw"].rsplit("/", 1)[1]) for e in errors] == [
            ("r\\xf6ng.txt", "read", "r%F6ng.txt")]
        assert "empty" in errors[0]["message"]
    ledger = sqlite3.connect(out / ".vnadmin-batch" / "ledger.sqlite")
    rows = dict(ledger.execute("SELECT key, status FROM files").fetchall())
    assert rows[RAW_NAME] == "ok" and rows["ok.txt"] == "ok" and rows[b"r\xf6ng.txt"] == "error"


def test_index_stores_a_name_that_is_not_utf8(odd_names: Path, tmp_path: Path):
    db = tmp_path / "i.sqlite"
    for run in range(2):
        proc = cli("index", str(odd_names), "--db", str(db))
        err = no_traceback(proc)
        assert proc.returncode == 1, err  # the empty file
    assert "0 parsed, 2 unchanged" in err  # the second run: nothing parsed again
    conn = sqlite3.connect(db)
    paths = {Path(p).name for (p,) in conn.execute("SELECT path FROM documents")}
    assert paths == {"Quy\\xd5t \\xd0\\xfbnh.txt", "ok.txt"}
    assert [Path(p).name for (p,) in conn.execute("SELECT path FROM errors")] == ["r\\xf6ng.txt"]


def test_display_and_raw_forms():
    name = os.fsdecode(RAW_NAME)
    assert display_name(name) == "Quy\\xd5t \\xd0\\xfbnh.txt"
    assert raw_name(name) == "Quy%D5t %D0%FBnh.txt"
    assert display_name("Quyết định.txt") == "Quyết định.txt"


# ------------------------------------------------------------------------------------- 2. links and special files


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("MẬT KHẨU: hunter2\n" + TEXT, encoding="utf-8")
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "real.txt").write_text(TEXT, encoding="utf-8")
    (src / "notes.dat").write_text(TEXT, encoding="utf-8")
    (src / "leak.txt").symlink_to(secret)
    (src / "leakdir").symlink_to(secret.parent)
    (src / "twin.txt").symlink_to(src / "sub" / "real.txt")  # inside: read once, under its own name
    (src / "alias.txt").symlink_to(src / "notes.dat")  # inside, but the target is no input: read through the link
    (src / "alias2.txt").symlink_to(src / "notes.dat")  # the same again: not twice
    (src / "loop").symlink_to(src)
    os.mkfifo(src / "x.txt")  # opening it would block forever
    return src


def _outputs(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*.json")}


def test_links_in_a_batch(linked: Path, tmp_path: Path):
    out = tmp_path / "out"
    proc = cli("parse", str(linked), "-o", str(out), "-j", "1", timeout=60)
    err = no_traceback(proc)
    assert proc.returncode == 0, err
    assert _outputs(out) == {"sub/real.txt.json", "alias.txt.json"}
    assert "hunter2" not in "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.json"))
    skipped = {Path(e["file"]).name: e["message"] for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
    assert set(skipped) == {"leak.txt", "leakdir", "twin.txt", "alias2.txt", "x.txt"}
    assert "out of the input folder" in skipped["leak.txt"] and "--follow-links" in skipped["leak.txt"]
    assert "FIFO" in skipped["x.txt"]
    assert "5 not read" in err


def test_follow_links_reads_out_of_the_tree(linked: Path, tmp_path: Path):
    out = tmp_path / "out"
    proc = cli("parse", str(linked), "-o", str(out), "-j", "1", "--follow-links", timeout=60)
    no_traceback(proc)
    assert {"leak.txt.json", "leakdir/secret.txt.json"} <= _outputs(out)


def test_links_and_fifos_in_index_and_single_mode(linked: Path, tmp_path: Path):
    proc = cli("index", str(linked), "--db", str(tmp_path / "i.sqlite"), timeout=60)
    err = no_traceback(proc)
    assert proc.returncode == 0, err
    assert "skipped: " in err and "leak.txt" in err and "x.txt: a FIFO" in err
    paths = {Path(p).name for (p,) in sqlite3.connect(tmp_path / "i.sqlite").execute("SELECT path FROM documents")}
    assert paths == {"real.txt", "alias.txt"}
    proc = cli("parse", str(linked), "--compact", "--no-text", timeout=60)  # a folder without -o: printed
    err = no_traceback(proc)
    assert len(proc.stdout.splitlines()) == 2 and b"hunter2" not in proc.stdout
    proc = cli("parse", str(linked / "x.txt"), timeout=30)  # a FIFO named by hand: refused, never opened
    err = no_traceback(proc)
    assert proc.returncode == 1 and "a FIFO, not a regular file" in err
    with pytest.raises(ReaderError, match="FIFO"):
        parse_file(linked / "x.txt")


# ------------------------------------------------------------------------------------------------ 3. empty input


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf"])
def test_an_empty_file_is_an_error(tmp_path: Path, name: str):
    (tmp_path / name).write_bytes(b"")
    with pytest.raises(CorruptFile, match="empty"):
        parse_file(tmp_path / name)
    proc = cli("parse", str(tmp_path / name))
    assert proc.returncode == 1 and "the file is empty (0 bytes)" in no_traceback(proc) and not proc.stdout


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(tmp_path: Path, codec: str):
    path = tmp_path / "u16.txt"
    path.write_bytes(TEXT.encode(codec))
    doc = parse_file(path, limits=None)
    assert doc.source.encoding == codec
    assert doc.number.text == "4231/UBND-VHTT" and doc.text == parse_text(TEXT).text


# ------------------------------------------------------------------------------------ 4. valid UTF-8 JSON always


def test_surrogates_from_a_text_layer_are_paired_or_replaced():
    raw = RawDocument(blocks=[Block(TEXT), Block("Chữ \ud840\udc27 và \ud83d lẻ \ude00.")], format="pdf")
    doc = parse_raw(raw)
    data = doc.to_json()
    data.encode("utf-8")
    assert "Chữ \U00020027 và \ufffd lẻ \ufffd." in json.loads(data)["text"]
    assert [w.message for w in doc.warnings if w.code == "lone_surrogates"] == [
        "4 UTF-16 surrogate halves in the text: pairs joined, lone halves replaced by U+FFFD"]
    doc = parse_text("Số: 12/QĐ-UBND \udc80")
    doc.to_json().encode("utf-8")
    assert any(w.code == "lone_surrogates" for w in doc.warnings)


@pytest.mark.parametrize("digit", ["\U00016d70", "\u0663", "\u00b2", "\u2460", "\U0001d7d9"])
def test_digits_int_cannot_read_never_crash(digit: str):
    text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Số: {digit}{digit}/QĐ-UBND\nHà Nội, ngày {digit} tháng {digit} năm {digit * 4}\n"
        f"- {digit} -\nQUYẾT ĐỊNH\nĐiều {digit}. Trước ngày {digit}/{digit}/{digit * 4}, trong {digit} ngày\n"
        f"căn cứ Quyết định số 12/QĐ-UBND ngày {digit} tháng {digit} năm {digit * 4}\n- {digit}{digit} -\n"
    )
    doc = parse_text(text)  # the tests run strict: an extractor's exception fails here
    doc.to_json().encode("utf-8")
    assert not [w for w in doc.warnings if w.code == "extractor_failed"]


# --------------------------------------------------------------------------------------------- 5. limits


HANG_READER = textwrap.dedent("""
    import sys, time
    import vnadmin_nlp.pipeline as p
    from vnadmin_nlp.readers import CorruptFile
    def hang(path):
        time.sleep(600)
    def hog(path):
        blocks = []
        while True:
            blocks.append(bytearray(50 << 20))
    def wrapped(path):  # a reader that catches the MemoryError and wraps it, as read_file does
        try:
            hog(path)
        except Exception as exc:
            raise CorruptFile(path, f"reader failed: {type(exc).__name__}") from exc
    p.read_file = {"hang": hang, "hog": hog, "wrapped": wrapped}[sys.argv.pop(1)]
    from vnadmin_nlp.cli import main
    main()
""")


@pytest.mark.parametrize("how, stage", [("hang", "timeout"), ("hog", "memory"), ("wrapped", "memory")])
def test_parse_file_and_index_run_under_limits(tmp_path: Path, how: str, stage: str):
    script = tmp_path / "run.py"
    script.write_text(HANG_READER, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, str(script), how, "parse", str(tmp_path / "a.txt"), "--timeout", "2",
                           "--max-memory", "300"], capture_output=True, timeout=60, env=env)
    err = no_traceback(proc)
    assert proc.returncode == 1 and f": {stage}: " in err, err
    assert time.monotonic() - t0 < 40
    db = tmp_path / "i.sqlite"
    proc = subprocess.run([sys.executable, str(script), how, "index", str(tmp_path / "a.txt"), "--db", str(db),
                           "--timeout", "2", "--max-memory", "300"], capture_output=True, timeout=60, env=env)
    err = no_traceback(proc)
    assert proc.returncode == 1, err
    assert sqlite3.connect(db).execute("SELECT stage FROM errors").fetchall() == [(stage,)]


def _sleeps(path: Path) -> None:  # a file whose reading never ends (module-level: a spawned worker finds it by name)
    time.sleep(600)


def test_parse_file_limits_in_the_worker(tmp_path: Path, monkeypatch):
    """Other threads running or not (the full suite leaves one): the worker is forked, or spawned."""
    import vnadmin_nlp.pipeline as pipeline

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(ResourceLimit) as info:
        pipeline.run_bounded(tmp_path / "a.txt", _sleeps, (tmp_path / "a.txt",), Limits(timeout=1))
    assert info.value.stage == "timeout"
    def damaged(path):
        raise CorruptFile(path, "damaged in a way")

    monkeypatch.setattr(pipeline, "read_file", damaged)
    with pytest.raises(CorruptFile, match="damaged in a way") as err:  # the worker's exception, raised again here
        parse_file(tmp_path / "a.txt")
    assert err.value.message == "damaged in a way" and err.value.path == str(tmp_path / "a.txt")


# ----------------------------------------------------------------------------------------- 6. child processes


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its parent is dead
        return open(f"/proc/{pid}/stat").read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def test_a_tool_past_its_time_is_killed_with_what_it_started(tmp_path: Path):
    pidfile = tmp_path / "pid"
    # the tool starts a grandchild (as soffice starts soffice.bin) and both hang
    script = f"sleep 300 & echo $! > {pidfile}; sleep 300"
    with pytest.raises(subprocess.TimeoutExpired):
        run_tool(["sh", "-c", script], timeout=1)
    pid = int(pidfile.read_text())
    time.sleep(0.2)
    assert not _alive(pid)


HOOK = textwrap.dedent("""
    import subprocess, time
    from pathlib import Path
    def parse(path, **kw):
        child = subprocess.Popen(["sleep", "300"], process_group=0)  # a tool in a group of its own
        Path(path).with_suffix(".pid").write_text(str(child.pid))
        time.sleep(300)
""")


def test_a_stopped_worker_takes_its_tools_with_it(tmp_path: Path):
    (tmp_path / "hook_tools.py").write_text(HOOK, encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    proc = cli("parse", str(src), "-o", str(tmp_path / "out"), "-j", "1", "--timeout", "3",
               env={"VNADMIN_PARSE_HOOK": "hook_tools:parse", "PYTHONPATH": f"{ROOT}{os.pathsep}{tmp_path}"})
    no_traceback(proc)
    assert proc.returncode == 1
    time.sleep(0.3)
    assert not _alive(int((src / "a.pid").read_text()))


def test_temporary_folders_are_removed_and_swept(tmp_path: Path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(RuntimeError):
        with temp_dir("doc") as tmp:
            (tmp / "input.doc").write_bytes(b"x")
            raise RuntimeError
    assert not tmp.exists()
    dead = subprocess.Popen(["true"])
    dead.wait()
    left = tmp_path / f"vnadmin-doc-{dead.pid}-abc"  # what a process killed with -9 left behind
    mine = tmp_path / f"vnadmin-doc-{os.getpid()}-def"
    other = tmp_path / "vnadmin-docs-notours"
    for d in (left, mine, other):
        d.mkdir()
    assert sweep_temp_dirs(str(tmp_path)) == 1
    assert not left.exists() and mine.exists() and other.exists()


# ---------------------------------------------------------------------------- 7. concurrent runs, bad outputs


def test_a_second_batch_on_the_same_output_is_refused(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    with Lock(out / ".vnadmin-batch" / "lock", "the output"):  # the first run, alive
        (out / ".vnadmin-batch" / "tmp").mkdir()
        (out / ".vnadmin-batch" / "tmp" / "staged").write_text("x")
        proc = cli("parse", str(src), "-o", str(out), "-j", "1")
        err = no_traceback(proc)
        assert proc.returncode == 3 and err.count("\n") == 1
        assert "in use by another vnadmin-nlp run (pid " in err and f"pid {os.getpid()}" in err
        assert (out / ".vnadmin-batch" / "tmp" / "staged").exists()  # the first run's staging is left alone
    # the first run died: its lock file stays, unlocked (stale), and the next run takes it
    proc = cli("parse", str(src), "-o", str(out), "-j", "1", "-q")
    assert proc.returncode == 0, no_traceback(proc)
    assert (out / "a.txt.json").exists()


def test_a_second_index_on_the_same_database_is_refused(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "i.sqlite"
    with Lock(Path(str(db) + ".lock"), "the index"):
        proc = cli("index", str(tmp_path / "a.txt"), "--db", str(db))
        err = no_traceback(proc)
        assert proc.returncode == 3 and "in use by another vnadmin-nlp run" in err
    proc = cli("index", str(tmp_path / "a.txt"), "--db", str(db))
    assert proc.returncode == 0, no_traceback(proc)


def test_a_damaged_or_foreign_database(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all " * 100)
    foreign = tmp_path / "app.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE customers(name TEXT)")
    conn.commit()
    conn.close()
    for db, words in ((bad, "not an SQLite database"), (foreign, "not a vnadmin-nlp index")):
        before = db.read_bytes()
        for args in (("index", str(tmp_path / "a.txt")), ("show", "x"), ("graph", "-o", str(tmp_path / "g.json"))):
            proc = cli(*args, "--db", str(db))
            err = no_traceback(proc)
            assert proc.returncode == 3 and err.startswith(f"error: {db}") and words in err, err
        assert db.read_bytes() == before  # left untouched


def test_an_output_disk_that_fails_stops_the_batch_with_one_line(tmp_path: Path, monkeypatch):
    from click.testing import CliRunner

    from vnadmin_nlp.batch import runner
    from vnadmin_nlp.batch.task import Outcome
    from vnadmin_nlp.cli import main

    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"{i}.txt").write_text(TEXT, encoding="utf-8")

    class FullDisk:
        def __init__(self, *a, **kw):
            pass

        def run(self, jobs):
            for job in jobs:
                yield Outcome(job.key, "error", stage="write", message=f"{job.out}: No space left on device", errno=errno.ENOSPC)

        def close(self):
            pass

    monkeypatch.setattr(runner, "WorkerPool", FullDisk)
    result = CliRunner().invoke(main, ["parse", str(src), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 3
    assert "error: the batch stopped: " in result.output and "No space left on device" in result.output
    errors = (tmp_path / "out" / "errors.jsonl").read_text().splitlines()
    assert len(errors) == 1  # stopped at the first: every later file would fail the same way

    def broken_ledger(path):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(runner, "Ledger", broken_ledger)
    result = CliRunner().invoke(main, ["parse", str(src), "-o", str(tmp_path / "out2"), "-q"])
    assert result.exit_code == 3 and result.output.count("\n") == 1
    assert "ledger.sqlite: the batch's ledger cannot be used (unable to open database file)" in result.output


# A read-only or full output disk for real (also as root): tests/test_hostile_os.py.


@pytest.mark.system
@pytest.mark.parametrize("mode", ["single", "batch"])
def test_libreoffice_past_the_time_limit_leaves_nothing(tmp_path: Path, shared, mode: str):
    import shutil

    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice not installed")
    doc = tmp_path / "in" / "a.doc"
    doc.parent.mkdir()
    shutil.copy(shared / "corpus" / "camau_quydinh_2006_vni.doc", doc)
    scratch = tmp_path / "tmp"  # the tools' temporary folders and LibreOffice's profile go here
    scratch.mkdir()
    env = {"TMPDIR": str(scratch), "VNADMIN_NLP_DOC_ENGINE": "libreoffice"}
    args = [str(doc)] if mode == "single" else [str(doc.parent), "-o", str(tmp_path / "out"), "-j", "1", "-q"]
    proc = cli("parse", *args, "--timeout", "0.8", env=env)  # LibreOffice needs 1–3 s: it is still running then
    said = no_traceback(proc) + ((tmp_path / "out" / "errors.jsonl").read_text() if mode == "batch" else "")
    assert proc.returncode == 1 and "timeout" in said
    time.sleep(0.5)
    assert not [p for p in scratch.iterdir() if p.name.startswith("vnadmin-doc-")]
    left = []
    for pid in os.listdir("/proc"):
        try:
            if str(scratch).encode() in open(f"/proc/{pid}/cmdline", "rb").read() and _alive(int(pid)):
                left.append(pid)
        except (OSError, ValueError):
            continue
    assert not left  # no soffice.bin spinning on as an orphan
