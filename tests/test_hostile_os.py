"""Issue 14, the operating system's side: a full or read-only output disk for real (not a fake that raises), and
the child processes of a stopped file in every engine (local batch, Dask), also when the run that owns them is
killed with ``kill -9``.

The disk cases run as root too (CI runs as root, and root writes into a folder whatever its mode):

- a real file system that is full or read-only: a small tmpfs mounted in a private mount namespace, by
  ``unshare -m`` (root with CAP_SYS_ADMIN) or ``unshare -rm`` (an unprivileged user namespace); a container
  allowing neither (Docker's default: no CAP_SYS_ADMIN, no new namespaces) skips these two tests;
- standard output on ``/dev/full``: any user, any container;
- a folder the run may not write: ``chmod 500``; for root, the child drops CAP_DAC_OVERRIDE and
  CAP_DAC_READ_SEARCH from its bounding set first (``PR_CAPBSET_DROP``, Docker's default keeps CAP_SETPCAP), so
  that root obeys the folder's mode as any user does.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from functools import lru_cache
from pathlib import Path

import pytest

from .conftest import SEED_CONG_VAN

ROOT = Path(__file__).resolve().parent.parent
if not SEED_CONG_VAN.is_file():  # the module reads the seed at import: skip it whole, with the reason, not a traceback
    pytest.skip(f"the shared corpus is not at {SEED_CONG_VAN.parent.parent} (set VNADMIN_SHARED)", allow_module_level=True)
TEXT = SEED_CONG_VAN.read_text(encoding="utf-8")


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), **extra}


def _one_error_line(err: str, path: Path) -> None:
    """The whole of what the command said: one line, ``error: PATH…``, no traceback."""
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith(f"error: {path}"), err


def _inputs(folder: Path, n: int = 6) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(TEXT.replace("4231", str(5000 + i)), encoding="utf-8")
    return folder


# ------------------------------------------------------------------------------- a full or read-only file system


@lru_cache(maxsize=1)
def _namespace() -> tuple[str, ...] | None:
    """A command prefix under which a tmpfs can be mounted in a private mount namespace, or None."""
    if not shutil.which("unshare") or not sys.platform.startswith("linux"):
        return None
    probe = 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; r=$?; rmdir "$d"; exit $r'
    for prefix in (("unshare", "-m"), ("unshare", "-rm")):
        try:
            if subprocess.run([*prefix, "sh", "-c", probe], capture_output=True, timeout=30).returncode == 0:
                return prefix
        except (OSError, subprocess.TimeoutExpired):
            continue
    return None


SMALL_DISK = """
set -u
mount -t tmpfs -o size=512k tmpfs "$DISK" || exit 90
run() { name=$1; shift; "$PY" -m vnadmin_nlp "$@" >"$LOG/$name.out" 2>"$LOG/$name.err"; echo $? >"$LOG/$name.rc"; }
"""


def _on_a_small_disk(tmp_path: Path, script: str) -> dict[str, tuple[int, str]]:
    """Run ``script`` (shell; ``run NAME ARGS…`` runs ``vnadmin-nlp ARGS``) with ``$DISK`` a fresh 512 KB tmpfs in a
    private mount namespace; returns each run's exit code and standard error."""
    prefix = _namespace()
    if prefix is None:
        pytest.skip("no private mount namespace here (unshare -m / -rm refused): the /dev/full and mode tests cover it")
    disk, log = tmp_path / "disk", tmp_path / "log"
    disk.mkdir()
    log.mkdir()
    env = _env(DISK=str(disk), LOG=str(log), PY=sys.executable, SRC=str(tmp_path / "in"))
    proc = subprocess.run([*prefix, "sh", "-c", SMALL_DISK + textwrap.dedent(script) + '\numount "$DISK"\n'],
                          env=env, capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
    return {p.stem: (int(p.read_text()), (log / f"{p.stem}.err").read_text(encoding="utf-8")) for p in log.glob("*.rc")}


def test_a_full_output_disk_for_real(tmp_path: Path):
    src = _inputs(tmp_path / "in")
    disk = tmp_path / "disk"
    runs = _on_a_small_disk(tmp_path, """
        run first parse "$SRC/a0.txt" -o "$DISK/out" -q
        dd if=/dev/zero of="$DISK/fill" bs=4k 2>/dev/null
        run resume parse "$SRC" -o "$DISK/out" -q
        run new parse "$SRC" -o "$DISK/new" -q
        run jsonl parse "$SRC" --jsonl "$DISK/docs.jsonl" -q
        run index index "$SRC" --db "$DISK/i.sqlite" -q
        "$PY" -m vnadmin_nlp parse "$SRC/a1.txt" >"$DISK/a1.json" 2>"$LOG/stdout.err"; echo $? >"$LOG/stdout.rc"
        rm "$DISK/fill"
        run after parse "$SRC" -o "$DISK/out" -q
        ls "$DISK/out" >"$LOG/listing"
    """)
    assert runs["first"][0] == 0, runs["first"]
    for name in ("resume", "new", "jsonl", "index", "stdout"):
        code, err = runs[name]
        assert code == 3, (name, code, err)
        _one_error_line(err, disk)
        assert any(w in err for w in ("No space left on device", "no space left on device", "disk is full")), err
    assert "the next run resumes" in runs["resume"][1] or "No space left" in runs["resume"][1]
    # space freed: the batch resumes and ends with every file (nothing was lost or left half-written)
    assert runs["after"] == (0, ""), runs["after"]
    listing = (tmp_path / "log" / "listing").read_text().split()
    assert sorted(n for n in listing if n.endswith(".json")) == [f"a{i}.txt.json" for i in range(6)]
    assert all((src / f"a{i}.txt").read_text(encoding="utf-8").startswith(TEXT[:20]) for i in range(6))


def test_a_read_only_file_system_for_real(tmp_path: Path):
    _inputs(tmp_path / "in")
    disk = tmp_path / "disk"
    runs = _on_a_small_disk(tmp_path, """
        run first parse "$SRC/a0.txt" -o "$DISK/out" -q
        run index_first index "$SRC/a0.txt" --db "$DISK/i.sqlite" -q
        mount -o remount,ro "$DISK"
        run resume parse "$SRC" -o "$DISK/out" -q
        run new parse "$SRC" -o "$DISK/new" -q
        run jsonl parse "$SRC" --jsonl "$DISK/docs.jsonl" -q
        run index index "$SRC" --db "$DISK/i.sqlite" -q
        run index_new index "$SRC" --db "$DISK/new.sqlite" -q
    """)
    assert runs["first"][0] == 0 and runs["index_first"][0] == 0, runs
    for name in ("resume", "new", "jsonl", "index", "index_new"):
        code, err = runs[name]
        assert code == 3, (name, code, err)
        _one_error_line(err, disk)
        assert "ead-only" in err or "readonly" in err, err  # Read-only file system / attempt to write a readonly database
    assert "damaged" not in runs["index_new"][1]  # a new index that cannot be made is not a damaged one


def test_standard_output_on_a_full_disk(tmp_path: Path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "vnadmin_nlp", "parse", str(tmp_path / "a.txt")], stdout=full,
                              stderr=subprocess.PIPE, env=_env(), timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 3 and err == "error: /dev/full (standard output): No space left on device\n", err


# ----------------------------------------------------------------------------------- a folder the run may not write


def _obey_modes() -> None:
    """In the child, before exec: root gives up overriding file modes (as any other user, it obeys them)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "PR_CAPBSET_DROP refused")


def _run_obeying_modes(*args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([sys.executable, "-m", "vnadmin_nlp", *args], capture_output=True, env=_env(),
                              timeout=120, preexec_fn=_obey_modes)
    except subprocess.SubprocessError as exc:  # root without CAP_SETPCAP
        pytest.skip(f"root cannot give up CAP_DAC_OVERRIDE here: {exc}")


def test_an_output_folder_the_run_may_not_write(tmp_path: Path):
    src = _inputs(tmp_path / "in", 2)
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        for args in (("parse", str(src), "-o", str(locked / "out")),
                     ("parse", str(src), "--jsonl", str(locked / "docs.jsonl")),
                     ("index", str(src), "--db", str(locked / "i.sqlite"))):
            proc = _run_obeying_modes(*args)
            err = proc.stderr.decode()
            assert proc.returncode == 3, (args, err)
            _one_error_line(err, locked)
            assert "ermission denied" in err, err
    finally:
        locked.chmod(0o700)


# ------------------------------------------------------------------------ child processes of a stopped file

TOOL_HOOK = textwrap.dedent("""
    import os, subprocess, time
    from pathlib import Path
    from vnadmin_nlp.files.processes import temp_dir

    def parse(path, **kw):
        with temp_dir("doc") as tmp:  # as the .doc reader does: a copy of the input, LibreOffice's profile
            (tmp / "copy.doc").write_bytes(b"x")
            tool = subprocess.Popen(["sleep", "300"], process_group=0)  # a tool in a group of its own
            Path(str(path) + ".pid").write_text(f"{tool.pid} {tmp}")
            time.sleep(300)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return open(f"/proc/{pid}/stat").read().split(") ")[1][0] != "Z"  # a zombie is dead
    except (OSError, IndexError):
        return False


def _wait_gone(pid: int, folder: Path, seconds: float = 10) -> None:
    end = time.monotonic() + seconds
    while (_alive(pid) or folder.exists()) and time.monotonic() < end:
        time.sleep(0.1)
    assert not _alive(pid), "the tool outlived its file"
    assert not folder.exists(), "the tool's temporary folder was left"


def _workers_of(pid: int) -> list[int]:
    """Live batch worker processes started by process ``pid``."""
    out = []
    for name in os.listdir("/proc"):
        try:
            cmd = open(f"/proc/{name}/cmdline", "rb").read().split(b"\0")
        except OSError:
            continue
        if b"vnadmin_nlp.batch.workers" in cmd and str(pid).encode() in cmd and _alive(int(name)):
            out.append(int(name))
    return out


@pytest.fixture
def tool_hook(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "hook_tool.py").write_text(TOOL_HOOK, encoding="utf-8")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("PYTHONPATH", f"{ROOT}{os.pathsep}{tmp_path}")
    monkeypatch.setenv("VNADMIN_PARSE_HOOK", "hook_tool:parse")
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # this process's sweeps look there too
    return scratch


def test_a_dask_worker_stops_a_file_with_its_tools_and_leaves_no_process(tmp_path: Path, tool_hook: Path):
    distributed = pytest.importorskip("dask.distributed")
    from click.testing import CliRunner

    from vnadmin_nlp.cli import main

    src = _inputs(tmp_path / "in", 1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, ["parse", str(src), "-o", str(tmp_path / "out"), "--engine", "dask",
                                           "--scheduler", cluster.scheduler_address, "--timeout", "5"])
        assert result.exit_code == 1 and "timeout" in result.output, result.output
        pid, folder = (src / "a0.txt.pid").read_text().split()
        _wait_gone(int(pid), Path(folder))
        end = time.monotonic() + 10
        while _workers_of(os.getpid()) and time.monotonic() < end:
            time.sleep(0.1)
        assert not _workers_of(os.getpid()), "the Dask worker kept idle worker processes after the batch"


def test_a_batch_killed_with_kill_9_takes_its_workers_tools(tmp_path: Path, tool_hook: Path):
    src = _inputs(tmp_path / "in", 1)
    batch = subprocess.Popen([sys.executable, "-m", "vnadmin_nlp", "parse", str(src), "-o", str(tmp_path / "out"),
                              "-j", "1", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pidfile = src / "a0.txt.pid"
    end = time.monotonic() + 120
    while not pidfile.exists() and time.monotonic() < end and batch.poll() is None:
        time.sleep(0.1)
    assert pidfile.exists(), "the hook never ran"
    time.sleep(0.2)  # the pid is written just after the tool started
    pid, folder = pidfile.read_text().split()
    batch.send_signal(signal.SIGKILL)
    batch.wait()
    _wait_gone(int(pid), Path(folder))  # the worker's guard killed the tool and removed its folder


TOOL_READER = TOOL_HOOK + textwrap.dedent("""
    if __name__ == "__main__":
        import vnadmin_nlp.pipeline as p
        p.read_file = parse  # every file: a tool started, a temporary folder made, then a hang
        from vnadmin_nlp.cli import main
        main()
""")


@pytest.mark.parametrize("command", ["parse", "index"])
def test_one_file_past_its_time_takes_its_tools(tmp_path: Path, tool_hook: Path, command: str):
    """``parse FILE`` and ``index``: the file's child process (its own session) is killed with its tools, and
    their temporary folder is removed."""
    (tmp_path / "tool_reader.py").write_text(TOOL_READER, encoding="utf-8")
    doc = tmp_path / "a.docx"  # not plain text: parsed in a child process
    doc.write_bytes((ROOT / "fixtures" / "samples" / "cong_van_ubnd_binh_thuan.docx").read_bytes())
    extra = ["--db", str(tmp_path / "i.sqlite")] if command == "index" else []
    proc = subprocess.run([sys.executable, str(tmp_path / "tool_reader.py"), command, str(doc), *extra,
                           "--timeout", "3"], capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err and ("timeout" in err or "no result after 3 s" in err), err
    pid, folder = Path(str(doc) + ".pid").read_text().split()
    _wait_gone(int(pid), Path(folder))
