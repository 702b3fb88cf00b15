"""The parse worker (files/worker.py, issue 15): one child process, started once, serves parse_file one call after
another; a hung, crashing or memory-hungry file fails alone and the worker is replaced; the environment and the
readers' settings reach it per call; threads get a bounded worker too.  No timing is asserted."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from vnadmin_nlp import Limits, ResourceLimit, parse_file
from vnadmin_nlp import pipeline
from vnadmin_nlp.files import worker
from vnadmin_nlp.pipeline import run_bounded
from vnadmin_nlp.readers import CorruptFile
from vnadmin_nlp.readers import limits as reader_limits

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "fixtures" / "samples" / "thong_bao_542_ubnd_quang_ngai.pdf"
DOCX = ROOT / "fixtures" / "samples" / "cong_van_ubnd_binh_thuan.docx"

pytestmark = pytest.mark.skipif(not worker.available(), reason="no fork here: parse_file runs in this process")


# Jobs: module-level, so that a spawned worker finds them by name.
def _hang() -> None:
    time.sleep(600)


def _hog() -> None:
    blocks = []
    while True:
        blocks.append(bytearray(64 << 20))


def _exit_status() -> None:
    os._exit(3)


def _segfault() -> None:  # a reader's C library crashing
    os.kill(os.getpid(), signal.SIGSEGV)


def _environment(name: str) -> tuple[int, str | None]:
    return os.getpid(), os.environ.get(name)


def _set_environment(name: str, value: str) -> int:
    os.environ[name] = value
    return os.getpid()


def _tempdir() -> str:
    import tempfile

    return tempfile.gettempdir()


def _escaping_tool(pid_file: str) -> int:
    """A tool that leaves a process in another group of the worker's session (run_tool's kill misses it)."""
    from vnadmin_nlp.files.processes import run_tool

    script = f"import os, time; os.setpgid(0, 0); open({pid_file!r}, 'w').write(str(os.getpid())); time.sleep(600)"
    run_tool(["sh", "-c", f"{sys.executable} -c \"{script}\" >/dev/null 2>&1 & while [ ! -s {pid_file} ]; do sleep 0.05; done"], timeout=60)
    return int(Path(pid_file).read_text())


def _gone(pid: int) -> bool:
    for _ in range(200):  # a killed process may stay a zombie a moment, until its new parent reaps it
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def expected() -> dict:
    return parse_file(PDF, limits=None).to_dict()


def test_the_worker_is_reused_and_reads_as_this_process(expected: dict) -> None:
    first = parse_file(PDF).to_dict()
    count = worker.started()
    assert parse_file(PDF).to_dict() == first == expected
    assert parse_file(DOCX).to_dict() == parse_file(DOCX, limits=None).to_dict()
    assert worker.started() == count  # no new process for the second file, nor the third


@pytest.mark.parametrize(
    "job, limits, stage, message",
    [
        (_hang, Limits(timeout=1), "timeout", "no result after 1 s"),
        (_hog, Limits(timeout=120, max_memory_mb=256), "memory", "out of memory"),
        (_exit_status, Limits(timeout=120), "crash", "exit status 3"),
        (_segfault, Limits(timeout=120), "crash", "killed by SIGSEGV"),
    ],
)
def test_a_file_past_a_limit_fails_alone_and_the_next_one_reads(job, limits: Limits, stage: str, message: str, expected: dict) -> None:
    parse_file(PDF)
    before = worker.started()
    with pytest.raises(ResourceLimit) as info:
        run_bounded(PDF, job, (), limits)
    assert info.value.stage == stage and message in info.value.message
    assert parse_file(PDF).to_dict() == expected
    assert worker.started() == before + 1  # that worker went; one new worker for the next file


def test_an_environment_change_between_two_calls_reaches_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNADMIN_TEST_SETTING", "one")
    pid, value = run_bounded(PDF, _environment, ("VNADMIN_TEST_SETTING",), Limits())
    assert pid != os.getpid() and value == "one"
    monkeypatch.setenv("VNADMIN_TEST_SETTING", "two")
    assert run_bounded(PDF, _environment, ("VNADMIN_TEST_SETTING",), Limits()) == (pid, "two")  # same worker
    monkeypatch.delenv("VNADMIN_TEST_SETTING")
    assert run_bounded(PDF, _environment, ("VNADMIN_TEST_SETTING",), Limits()) == (pid, None)


def test_an_environment_change_made_by_a_call_in_the_worker_is_undone_before_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    # an unchanged environment is not sent with each request: the worker keeps the last one it was sent, and puts
    # it back when a call changed it
    monkeypatch.setenv("VNADMIN_TEST_SETTING", "mine")
    pid = run_bounded(PDF, _set_environment, ("VNADMIN_TEST_SETTING", "the call's"), Limits())
    assert pid != os.getpid() and os.environ["VNADMIN_TEST_SETTING"] == "mine"
    assert run_bounded(PDF, _environment, ("VNADMIN_TEST_SETTING",), Limits()) == (pid, "mine")  # same worker
    run_bounded(PDF, _set_environment, ("VNADMIN_TEST_OTHER", "x"), Limits())
    assert run_bounded(PDF, _environment, ("VNADMIN_TEST_OTHER",), Limits()) == (pid, None)


def test_the_reader_limits_in_force_here_reach_the_worker() -> None:
    parse_file(PDF)
    count = worker.started()
    with reader_limits.override(max_file_bytes=100):
        with pytest.raises(reader_limits.LimitExceeded, match="max_file_bytes=100"):
            parse_file(PDF)
    assert parse_file(PDF).to_dict() == parse_file(PDF, limits=None).to_dict()
    assert worker.started() == count  # carried with the request, not by a new worker


def test_the_temporary_folder_in_force_here_reaches_the_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    parse_file(PDF)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the tools' folders go, and are swept
    assert run_bounded(PDF, _tempdir, (), Limits()) == str(tmp_path)


def test_code_replaced_here_reaches_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    def damaged(path: Path) -> None:
        raise CorruptFile(path, "damaged in a way")

    parse_file(PDF)
    monkeypatch.setattr(pipeline, "read_file", damaged)
    with pytest.raises(CorruptFile, match="damaged in a way") as err:  # raised in the worker (or here), raised here
        parse_file(PDF)
    assert err.value.path == str(PDF)


def test_two_threads_parse_at_once(expected: dict) -> None:
    results: dict[int, list] = {0: [], 1: []}

    def parse(i: int) -> None:
        for _ in range(3):
            results[i].append(parse_file(PDF).to_dict())

    threads = [threading.Thread(target=parse, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results[0] == results[1] == [expected] * 3


def test_with_another_thread_running_the_parse_is_still_bounded(expected: dict) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        worker.stop_all()  # no idle worker: the next one cannot be forked, it is spawned
        with pytest.raises(ResourceLimit) as info:
            run_bounded(PDF, _hang, (), Limits(timeout=1))
        assert info.value.stage == "timeout"
        assert parse_file(PDF).to_dict() == expected
        assert [w.forked for w in worker._all.values()] == [False]
    finally:
        stop.set()
        other.join()
        worker.stop_all()


def test_what_a_tool_left_in_the_session_is_killed_after_the_call(tmp_path: Path) -> None:
    pid = run_bounded(PDF, _escaping_tool, (str(tmp_path / "pid"),), Limits(timeout=120))
    assert _gone(pid)


def test_a_child_of_this_process_forgets_the_workers(expected: dict) -> None:
    parse_file(PDF)
    count = worker.started()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.write(w, str(len(worker._all)).encode())
        os._exit(0)
    os.close(w)
    os.waitpid(pid, 0)
    assert os.read(r, 16) == b"0"
    os.close(r)
    assert parse_file(PDF).to_dict() == expected and worker.started() == count


def test_a_lock_held_when_the_worker_started_is_not_kept_by_it(tmp_path: Path) -> None:
    """`index` holds its lock (flock) while it parses: a worker forked then must not keep the lock alive."""
    from vnadmin_nlp.files import Lock

    worker.stop_all()
    with Lock(tmp_path / "lock", "the index"):
        parse_file(PDF)
    with Lock(tmp_path / "lock", "the index"):  # Busy if the worker still held the first one
        parse_file(PDF)


def test_the_worker_ends_with_its_parent() -> None:
    script = (
        "import os\n"
        "from vnadmin_nlp import parse_file\n"
        "from vnadmin_nlp.files import worker\n"
        f"parse_file({str(PDF)!r})\n"
        "print(*worker._all)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    pids = [int(p) for p in done.stdout.split()]
    assert pids and all(_gone(p) for p in pids)
