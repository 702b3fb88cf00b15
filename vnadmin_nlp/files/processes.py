"""Child processes (antiword, LibreOffice, tesseract…) and the temporary folders they work in, kept on a leash.

- :func:`run_tool` starts a tool in its own process group, with a time limit; past it, the whole group is
  killed (LibreOffice's ``soffice`` starts ``soffice.bin``, which a plain ``kill`` of the first leaves spinning).
- :func:`kill_session` kills every process of a session: a batch worker (or a single file's child) runs in a
  session of its own, so when it is stopped, the tools it started go with it, whatever group they are in.
- :func:`guard_session` forks a guard into a worker's session: when the worker dies in a way no code of its own
  sees (its batch, or the Dask worker process holding it, killed with ``kill -9``: the worker then gets
  ``SIGKILL`` through ``PR_SET_PDEATHSIG``), the guard kills what is left of the session and removes the tools'
  temporary folders.
- :func:`temp_dir` makes a ``vnadmin-<what>-<pid>-…`` folder that is removed on every path out; the folders a
  killed process (``kill -9``) left behind are removed by the next process that makes one
  (:func:`sweep_temp_dirs`, also run when a batch starts).
"""
from __future__ import annotations

import os
import signal
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Mapping

if TYPE_CHECKING:
    import subprocess

TEMP_PREFIX = "vnadmin-"
TEMP_KINDS = ("doc",)  # vnadmin-doc-<pid>-…: LibreOffice's profile and a copy of the input


def run_tool(
    cmd: list[str],
    *,
    timeout: float | None,
    input: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``cmd`` in a new process group and capture its output; raises ``subprocess.TimeoutExpired`` after
    ``timeout`` seconds, once the group is killed (every process the tool started, not only the first)."""
    import subprocess  # here, not at import: subprocess, shutil and tempfile are a tenth of the package's import

    _STARTED[0] += 1
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(env) if env is not None else None,
        **_OWN_GROUP,
    )
    try:
        out, err = proc.communicate(input, timeout=timeout)
    except BaseException:  # the time limit, or this process being interrupted: the tool never outlives the call
        kill_group(proc.pid)
        proc.communicate()
        raise
    finally:
        kill_group(proc.pid)  # a daemon the tool left behind in its group
    return subprocess.CompletedProcess(cmd, proc.returncode if proc.returncode is not None else -9, out, err)


_STARTED = [0]  # tools started by run_tool in this process (a list: counting rebinds no module-level name)


def tools_started() -> int:
    """How many tools :func:`run_tool` started in this process (the parse worker cleans up after a call that did)."""
    return _STARTED[0]


# A group of its own in this session (Python 3.11+), so that killing a worker's session takes the tool too; before
# 3.11, a session of its own (the tool then outlives a killed worker, as it did before).
_OWN_GROUP: dict[str, Any] = {"process_group": 0} if sys.version_info >= (3, 11) else {"start_new_session": True}


def kill_group(pgid: int) -> None:
    """SIGKILL the process group ``pgid`` (after its leader exited: whatever it left behind)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except OSError:  # none left (or not ours)
        pass


def session_members(sid: int) -> list[int]:
    """The processes of session ``sid`` (Linux ``/proc``; empty elsewhere)."""
    out: list[int] = []
    try:
        names = os.listdir("/proc")
    except OSError:
        return out
    for name in names:
        if not name.isascii() or not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()  # state ppid pgrp session …
        if len(fields) > 3 and int(fields[3]) == sid:
            out.append(int(name))
    return out


def kill_session(sid: int, *, spare: int | None = None) -> None:
    """SIGKILL every process of session ``sid`` (a worker and whatever tools it started, in any group), but
    ``spare`` (the guard doing it)."""
    if spare is None:
        kill_group(sid)
    for _ in range(3):  # a process may fork while we look: look again until none is left
        members = [pid for pid in session_members(sid) if pid != spare]
        if not members:
            return
        for pid in members:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.01)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def guard_session(keep_fds: tuple[int, ...] = (2,)) -> None:  # keep_fds: of 0, 1, 2; every other is closed
    """Called first thing by a process that leads a session of its own and starts tools (a batch worker): fork a
    guard that waits for this process to die and then kills every other process of the session (the tools it
    had started: ``soffice.bin``, tesseract) and removes their temporary folders.

    The guard closes every descriptor but ``keep_fds`` (a pipe it held open would hide the worker's death from
    the pool reading it) and only waits in ``sigwait``: it gets ``SIGTERM`` when its parent dies
    (``PR_SET_PDEATHSIG``), however it dies.  A worker stopped by its pool is killed with its whole session,
    guard included; one that exits normally has no tool left, and its guard exits.  Linux only (elsewhere a
    no-op)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    worker, sid = os.getpid(), os.getsid(0)
    if sid != worker:
        return  # not a session leader: the session is not the worker's alone
    try:
        pid = os.fork()
    except OSError:
        return
    if pid:
        return
    try:  # the guard: never returns
        for fd in range(0, 3):
            if fd not in keep_fds:
                os.close(fd)
        os.closerange(3, 1 << 16)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() == worker:
            signal.sigwait({signal.SIGTERM})
        kill_session(sid, spare=os.getpid())
        sweep_temp_dirs(dead=(worker,))
    except BaseException:  # pragma: no cover - the guard never raises into the worker's code
        pass
    os._exit(0)


_swept = False


def sweep_temp_dirs(base: str | None = None, dead: tuple[int, ...] = ()) -> int:
    """Remove the ``vnadmin-<kind>-<pid>-…`` folders whose process is gone (or is in ``dead``: a zombie not yet
    reaped counts as alive); returns how many were removed."""
    import shutil
    import tempfile

    base = base or tempfile.gettempdir()
    removed = 0
    try:
        entries = list(os.scandir(base))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not name.startswith(TEMP_PREFIX):
            continue
        parts = name[len(TEMP_PREFIX) :].split("-")
        if len(parts) < 3 or parts[0] not in TEMP_KINDS or not parts[1].isdigit():
            continue
        pid = int(parts[1])
        if pid not in dead and (pid == os.getpid() or _alive(pid)):
            continue
        try:
            if entry.is_dir(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_uid == os.getuid():
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed


@contextmanager
def temp_dir(kind: str) -> Iterator[Path]:
    """A private temporary folder ``vnadmin-<kind>-<pid>-…``, removed however the block ends (and, if this
    process is killed first, by the next one that makes a folder)."""
    global _swept
    if not _swept:
        _swept = True
        sweep_temp_dirs()
    import shutil
    import tempfile

    path = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{kind}-{os.getpid()}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
