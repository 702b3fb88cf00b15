"""A reused, limited child process ("parse worker") that runs bounded work one call after another (issue 15).

``parse_file`` (and the header model's) used to fork a child per file: 15–40 ms of copy-on-write faults and exit
per file, more than reading a one-page PDF.  :func:`run` sends the work instead to a worker started once:

- **Started** by ``fork`` while this process runs one thread (the worker is then this process's copy: what was
  imported, compiled or replaced here is there too; the descriptors it inherited read /dev/null, so a lock held
  here is not kept alive by it; ``gc.freeze`` keeps its collections off the inherited heap), else by spawning a
  fresh interpreter (threads running: a fork could copy a lock another thread holds).  It leads a session of
  its own, so the tools it starts (LibreOffice, tesseract) are killed with it.
- **Fed** one request per call over a pipe (its loop: :mod:`.worker_side`): the work (a module-level function
  and its arguments, pickled; one that cannot be pickled runs here), this process's environment when it differs
  from the one the worker has (a ``VNADMIN_*`` variable changed after the worker started reaches it; an unchanged
  one is not copied, pickled and compared on every call) and the module-level settings of
  :data:`CARRIED_SETTINGS` (``readers.ocr.SETTINGS``, the reader limits of ``readers.limits.override``).
- **Bounded** per call: ``RLIMIT_AS`` at ``max_memory_mb`` above what the worker maps, lifted after; past the
  deadline the parent kills the worker's session (stage ``timeout``); a worker that dies answers ``crash``; one
  that ran out of memory (stage ``memory``) leaves.  A killed or departed worker is replaced at the next call.
  The worker also arms its own alarm a little past the deadline (``SIGALRM``'s default action ends it), should
  its parent be gone.
- **Left clean** between calls: when a call started tools, what is left of them in the worker's session is killed
  and the temporary folders of dead processes are swept.
- **Kept in step**: a forked worker is this process's copy as of its fork.  When a module-level function or class
  of the package is replaced since (a test's ``monkeypatch``), the worker is out of date and a new one is forked.
  A spawned worker has the package's own code (the code the first worker got) and the carried settings; when
  this process's code differs from it and threads run, :class:`NoWorker` tells the caller to run the work in
  this process, as before this module.  Other module globals are not followed (patterns compiled on first use
  and caches rebind theirs): a setting that output depends on belongs in :data:`CARRIED_SETTINGS`.
- **Shared** by one thread at a time: a thread that finds no idle worker gets one of its own (at most
  :data:`IDLE_MAX` are kept idle).  A child of this process (``os.fork``) forgets the workers without touching
  them; at interpreter exit they are killed (an idle worker also leaves when its request pipe closes).

What a forked child compiled or imported on first use used to be taken up by the parent before its next fork
(``_take_up``, session 15); a reused worker keeps it itself, so that is gone.
"""
from __future__ import annotations

import atexit
import os
import pickle
import select
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    import subprocess

from . import processes, worker_side
from .limits import LimitExceeded, Limits, can_fork, rebuild
from .worker_side import CPU_SECONDS, FRAME, let_go, write_frame

T = TypeVar("T")

PACKAGE = __name__.partition(".")[0]
# Module-level settings a call's output (or where its tools work) depends on, sent with every request: a spawned
# worker has its own modules, and a forked one would otherwise miss a setting changed after its fork.
CARRIED_SETTINGS = (
    (f"{PACKAGE}.readers.ocr", "SETTINGS"),
    (f"{PACKAGE}.readers.limits", "_current"),  # readers.limits.override(...)
    (f"{PACKAGE}.pipeline", "STRICT"),
    ("tempfile", "tempdir"),
)
IDLE_MAX = 4


class _Worker:
    def __init__(self, pid: int, send: int, receive: int, code: _Snapshot, proc: subprocess.Popen | None = None) -> None:
        self.pid, self.send, self.receive, self.code, self.proc = pid, send, receive, code, proc
        self.stopped = False
        self.env = _environ()  # the environment it has: this process's as it started it, then the last one sent

    @property
    def forked(self) -> bool:
        return self.proc is None

    def close_fds(self) -> None:
        for fd in (self.send, self.receive):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.send = self.receive = -1

    def reap(self) -> int:
        """Wait for the worker's end; its exit code (negative: the signal that killed it)."""
        if self.proc is not None:
            return self.proc.wait()
        try:
            return os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        except ChildProcessError:
            return 0

    def stop(self) -> int:
        """Kill the worker and its session, reap it (once), sweep its tools' folders; its exit code."""
        self.close_fds()
        if self.stopped:
            return 0
        self.stopped = True
        processes.kill_session(self.pid)
        code = self.reap()
        processes.sweep_temp_dirs()
        return code

    def dead(self) -> bool:
        """Has an idle worker gone (its answer pipe reads end of file)?"""
        try:
            return bool(select.select([self.receive], [], [], 0)[0])
        except (OSError, ValueError):
            return True


class _Snapshot:
    """The package's module-level functions and classes as a forked worker got them.  Only code is followed: a
    module's other globals change by themselves (a pattern compiled on first use takes its stand-in's place, a
    cache is built), and the settings that matter are carried with each request."""

    def __init__(self) -> None:
        self.modules = [
            (vars(mod), {k: v for k, v in vars(mod).items() if callable(v)})
            for name, mod in list(sys.modules.items())
            if mod is not None and (name == PACKAGE or name.startswith(PACKAGE + "."))
        ]

    def current(self) -> bool:
        """Is every binding still the one the worker has?  (A module imported since, or a submodule bound to its
        package by that import, the worker imports for itself.)"""
        for live, then in self.modules:
            try:
                if then.items() <= live.items():  # by identity first: an unchanged binding costs no comparison
                    continue
            except Exception:  # a rebound value that cannot be compared, or a dict changed while we looked
                pass
            return False
        return True


class NoWorker(Exception):
    """No worker can run the call as this process would (its code was replaced and threads run): run it here."""

_lock = threading.Lock()
_idle: list[_Worker] = []
_all: dict[int, _Worker] = {}
_state: dict[str, Any] = {"baseline": None, "started": 0, "served": 0, "cpu": 0.0}


def available() -> bool:
    """POSIX: a worker can be started and its pipes waited on (elsewhere the caller runs the work itself)."""
    return hasattr(os, "fork") and hasattr(select, "select")


def started() -> int:
    """How many workers this process has started (tests: a second call reuses the first)."""
    return int(_state["started"])


def served() -> int:
    """How many calls workers answered for this process (tests: a call went to a worker, or not)."""
    return int(_state["served"])


def workers_cpu() -> float:
    """CPU seconds the workers spent on the calls they answered (each answer says its own): a benchmark adds it to
    this process's, as ``RUSAGE_CHILDREN`` only counts children that ended."""
    return float(_state["cpu"])


def run(work: Callable[..., T], args: tuple, limits: Limits, *, what: str = "the work") -> T:
    """``work(*args)`` in a worker under ``limits``: its result, or its exception raised here; LimitExceeded past a
    limit; :class:`NoWorker` when no worker can run it as this process would (the caller runs it itself)."""
    try:
        request = _request(work, args, limits)
    except Exception as exc:  # an argument that cannot be pickled (an object of the caller's): run it there
        raise NoWorker(f"the call cannot be sent to a worker: {exc}") from exc
    worker = _take()
    try:
        try:
            write_frame(worker.send, _with_env(worker, request))
        except OSError:  # it left while idle (its answer not read yet): one more, once
            _drop(worker)
            worker = _take()
            write_frame(worker.send, _with_env(worker, request))
        kind, value, leave = _answer(worker, limits, what)
        _state["served"] += 1
    except BaseException:
        _drop(worker)
        raise
    if leave:
        _drop(worker)
    else:
        _give_back(worker)
    if kind == "ok":
        return value
    raise rebuild(value, what)


def _request(work: Callable[..., Any], args: tuple, limits: Limits) -> bytes:
    settings = []
    for module, name in CARRIED_SETTINGS:
        mod = sys.modules.get(module)
        if mod is not None and hasattr(mod, name):
            settings.append((module, name, getattr(mod, name)))
    return pickle.dumps((work, args, settings, limits.max_memory_mb, limits.timeout), pickle.HIGHEST_PROTOCOL)


def _environ() -> dict | None:
    """This process's environment as the C library holds it (POSIX: bytes; a copy made in C, no decoding), or
    None where ``os.environ`` keeps no such mapping (then the whole environment goes with every request)."""
    data = getattr(os.environ, "_data", None)
    return dict(data) if isinstance(data, dict) else None


def _with_env(worker: _Worker, request: bytes) -> bytes:
    """The request, after the pickled environment the worker is to take: None when it has this one already."""
    env = _environ()
    if env is not None and env == worker.env:
        return _NO_ENV + request
    worker.env = env
    return pickle.dumps(env if env is not None else dict(os.environ), pickle.HIGHEST_PROTOCOL) + request


_NO_ENV = pickle.dumps(None, pickle.HIGHEST_PROTOCOL)


def _take() -> _Worker:
    """An idle worker whose code is this process's, else a new one: forked (one thread), or spawned when this
    process's code is still the package's own (as the first worker got it); else :class:`NoWorker`."""
    with _lock:
        while _idle:
            worker = _idle.pop()
            if not worker.dead() and worker.code.current():
                return worker
            _drop(worker)  # gone, or its code is no longer this process's
        baseline = _state["baseline"]
        if can_fork():
            worker = _fork(_Snapshot())
        elif baseline is None or baseline.current():
            worker = _spawn(baseline or _Snapshot())
        else:
            raise NoWorker("the package's code was replaced here, and with threads running no copy can be made")
        _state["baseline"] = baseline or worker.code
        _all[worker.pid] = worker
        _state["started"] += 1
        return worker


def _give_back(worker: _Worker) -> None:
    with _lock:
        if len(_idle) >= IDLE_MAX or worker.pid not in _all:
            _drop(worker)
        else:
            _idle.append(worker)


def _drop(worker: _Worker) -> None:
    _all.pop(worker.pid, None)
    worker.stop()


def _fork(code: _Snapshot) -> _Worker:
    to_worker, from_parent = os.pipe()[::-1]
    to_parent, from_worker = os.pipe()[::-1]
    pid = os.fork()
    if pid == 0:  # the worker: never returns (the fork hook closed the other workers' pipes)
        status = 0
        try:
            os.close(to_worker)
            os.close(from_worker)
            os.setsid()
            let_go(keep=(from_parent, to_parent))
            worker_side.serve(from_parent, to_parent)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(from_parent)
    os.close(to_parent)
    return _Worker(pid, to_worker, from_worker, code)


def _spawn(code: _Snapshot) -> _Worker:
    to_worker, from_parent = os.pipe()[::-1]
    to_parent, from_worker = os.pipe()[::-1]
    path = [p for p in sys.path if isinstance(p, str)]
    boot = f"import sys; sys.path[:0] = {path!r}; from {PACKAGE}.files.worker_side import serve; serve({from_parent}, {to_parent})"
    try:
        import subprocess  # with the first child, not at import

        proc = subprocess.Popen([sys.executable, "-c", boot], pass_fds=(from_parent, to_parent), stdin=subprocess.DEVNULL, start_new_session=True)
    finally:
        os.close(from_parent)
        os.close(to_parent)
    return _Worker(proc.pid, to_worker, from_worker, code, proc)


def _answer(worker: _Worker, limits: Limits, what: str) -> tuple[str, Any, bool]:
    deadline = time.monotonic() + limits.timeout if limits.timeout else None
    data = bytearray()
    need = FRAME.size
    while len(data) < need:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([worker.receive], [], [], wait)
        if not ready:
            raise LimitExceeded("timeout", f"no result after {limits.timeout:g} s; stopped")
        chunk = os.read(worker.receive, 1 << 20)
        if not chunk:  # it died: what it left goes, and the folders its tools worked in
            _all.pop(worker.pid, None)
            code = worker.stop()
            why = f"killed by {signal.Signals(-code).name}" if -code in signal.valid_signals() else f"exit status {code}"
            raise LimitExceeded("crash", f"the process working on {what} died ({why})")
        data += chunk
        if need == FRAME.size and len(data) >= need:
            need += FRAME.unpack_from(data)[0]
    view = memoryview(data)
    kind, value, leave = pickle.loads(view[FRAME.size : -CPU_SECONDS.size])
    _state["cpu"] += CPU_SECONDS.unpack(view[-CPU_SECONDS.size :])[0]
    return kind, value, leave


def _forget() -> None:
    """In a child of this process: the workers are its parent's; close their pipes, leave them running."""
    global _lock
    _lock = threading.Lock()
    for worker in _all.values():
        worker.close_fds()
    _all.clear()
    _idle.clear()
    _state.update(baseline=None, started=0, served=0, cpu=0.0)


def stop_all() -> None:
    """Kill the workers and what they started (at interpreter exit; a test wanting a fresh start)."""
    for worker in list(_all.values()):
        _all.pop(worker.pid, None)
        worker.stop()
    _idle.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget)
atexit.register(stop_all)
