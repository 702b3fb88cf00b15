"""A pool of worker processes that one pathological file cannot hang, exhaust or bring down.

Why not ``concurrent.futures``: it cannot kill one hung task, and one dead worker breaks the whole pool.  Here
each worker is a plain ``python -m vnadmin_nlp.batch.workers`` subprocess fed one job at a time over its
stdin/stdout (length-prefixed pickles):

- a job past its deadline gets its worker killed and replaced, and is reported with stage ``timeout``; a new
  worker's clock starts when it reports ready, so its imports on a loaded host never time out its first file
  (a worker that never gets ready is stopped after ``STARTUP_LIMIT`` and its file reported);
- each worker caps its own address space with ``RLIMIT_AS`` (``--max-memory``): a file that needs more raises
  ``MemoryError`` (stage ``memory``) and the worker is replaced; a worker that dies (segfault, killed by the
  OOM killer) is reported as ``crash`` for the file it held, and the batch goes on;
- workers are recycled every few thousand files, so slow leaks in parsing libraries never add up;
- each worker has the next file queued while it works, so it never waits for this process to send one;
- a worker dies with its parent (Linux ``PR_SET_PDEATHSIG``), so a killed batch leaves no orphans;
- each worker runs in a session of its own: a worker stopped (timeout) is killed with every process of its
  session, so the tools it started (LibreOffice's ``soffice.bin``, tesseract) never outlive it; a guard process
  in the session kills them too when the worker dies otherwise (its batch, or the Dask worker holding it,
  killed with ``kill -9``), and removes their temporary folders (``files.processes.guard_session``).

Being subprocesses (not ``multiprocessing`` children) they also run inside Dask's daemonic worker processes.
"""
from __future__ import annotations

import faulthandler
import os
import pickle
import signal
import struct
import sys
import time
from collections import deque
from typing import IO, Any, Generator, Iterable, cast

from ..files.processes import guard_session, kill_session, sweep_temp_dirs
from .task import Job, Outcome, Settings, failure, process, resolve_parse

MAX_TASKS_PER_WORKER = 5000  # a safety net: worker memory was measured flat over 5,000 mixed files
READY = "ready"  # a worker's first message: imports done, its clock may start
STARTUP_LIMIT = 120.0  # seconds a new worker may take to get ready (interpreter, imports) on a loaded host
_HEADER = struct.Struct(">Q")


def _send(stream: IO[bytes], obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exact(stream: IO[bytes], n: int) -> bytes | None:
    parts, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            return None
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _recv(stream: IO[bytes]) -> Any:
    """The next message, or None at end of stream (the other side closed or died)."""
    header = _read_exact(stream, _HEADER.size)
    if header is None:
        return None
    data = _read_exact(stream, _HEADER.unpack(header)[0])
    return None if data is None else pickle.loads(data)


class _Worker:
    """One worker process and the jobs sent to it, oldest first (it works on the head of the queue)."""

    def __init__(self, settings: Settings, max_memory_mb: int | None, stderr: IO[Any] | None) -> None:
        import subprocess  # the pool's side only: a worker process does not import it

        self.proc = subprocess.Popen(
            [sys.executable, "-m", "vnadmin_nlp.batch.workers", str(max_memory_mb or 0), str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            bufsize=0,
            start_new_session=True,  # its session: killing it takes the tools it started (soffice.bin, tesseract)
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout
        _send(self.stdin, settings)
        self.queue: deque[Job] = deque()
        self.deadline: float | None = None
        self.ready = False
        self.done = 0

    def fileno(self) -> int:
        return self.stdout.fileno()

    def send(self, job: Job, timeout: float | None) -> None:
        _send(self.stdin, job)
        self.queue.append(job)
        if len(self.queue) == 1:
            self._clock(timeout)

    def _clock(self, timeout: float | None) -> None:
        """The head job's deadline: its timeout from now, plus the startup limit while the worker is not ready."""
        if not timeout:
            self.deadline = None
        else:
            self.deadline = time.monotonic() + timeout + (0.0 if self.ready else STARTUP_LIMIT)

    def started(self, timeout: float | None) -> None:
        """The worker reported ready: the head job's clock starts now."""
        self.ready = True
        if self.queue:
            self._clock(timeout)

    def finished(self, timeout: float | None) -> None:
        """The head job is done; the next one starts now, and so does its clock."""
        self.queue.popleft()
        self.done += 1
        self._clock(timeout if self.queue else None)

    def death(self) -> str:
        """Why the worker is gone, for the file it was holding."""
        code = self.proc.wait()
        if code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            hint = " (perhaps the system ran out of memory)" if -code == signal.SIGKILL else ""
            return f"the worker died on this file: killed by {name}{hint}"
        return f"the worker exited with code {code} on this file"

    def kill(self) -> None:
        kill_session(self.proc.pid)
        self.proc.wait()
        kill_session(self.proc.pid)  # what a tool forked while the worker died
        sweep_temp_dirs()  # the folders its tools worked in

    def close(self) -> None:
        import subprocess

        try:
            self.stdin.close()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()


class WorkerPool:
    """Run jobs on ``size`` worker processes; :meth:`run` yields one Outcome per job, in completion order.

    Each worker holds up to ``DEPTH`` jobs, so that it starts the next file while this process is still
    recording the last one.  The jobs queued behind a file that hangs or kills its worker are sent again to
    another worker, not failed.
    """

    DEPTH = 2

    def __init__(
        self,
        size: int,
        settings: Settings,
        *,
        timeout: float | None = None,
        max_memory_mb: int | None = None,
        stderr: IO[Any] | None = None,
        max_tasks: int = MAX_TASKS_PER_WORKER,
    ) -> None:
        self.size = max(1, size)
        self.settings = settings
        self.timeout = timeout or None
        self.max_memory_mb = max_memory_mb or None
        self.stderr = stderr
        self.max_tasks = max_tasks
        self._workers: list[_Worker] = []

    @property
    def processes(self) -> int:
        """How many worker processes are running."""
        return len(self._workers)

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _slot(self, depth: int) -> _Worker | None:
        """A worker with fewer than ``depth`` jobs that still takes work, starting one if the pool is not full."""
        for worker in self._workers:
            if len(worker.queue) < depth and worker.done + len(worker.queue) < self.max_tasks:
                return worker
        if len(self._workers) < self.size:
            worker = _Worker(self.settings, self.max_memory_mb, self.stderr)
            self._workers.append(worker)
            return worker
        return None

    def _drop(self, worker: _Worker, retry: deque[Job], *, kill: bool) -> None:
        """Take a worker out of the pool; the jobs it had not started go back to the queue."""
        self._workers.remove(worker)
        retry.extend(worker.queue)
        worker.queue.clear()
        worker.kill() if kill else worker.close()

    def run(self, jobs: Iterable[Job]) -> Generator[Outcome, None, None]:
        from multiprocessing.connection import wait as wait_ready  # the pool's side only, like subprocess

        pending = iter(jobs)
        retry: deque[Job] = deque()
        exhausted = False
        job: Job | None
        while True:
            for depth in range(1, self.DEPTH + 1):  # every worker gets one job before any gets a second
                while (worker := self._slot(depth)) is not None:
                    if retry:
                        job = retry.popleft()
                    elif exhausted or (job := next(pending, None)) is None:
                        exhausted = True
                        break
                    try:
                        worker.send(job, self.timeout)
                    except OSError:  # it died: its own jobs are reported below, this one goes elsewhere
                        retry.append(job)
                        if not worker.queue:
                            self._drop(worker, retry, kill=True)
            busy = [w for w in self._workers if w.queue]
            if not busy:
                if exhausted and not retry:
                    return
                continue
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            wait = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            # wait() takes anything with a fileno() (typeshed says Connection | socket | int)
            for worker in cast("list[_Worker]", wait_ready(cast("list[Any]", busy), wait)):
                outcome = _recv(worker.stdout)
                if isinstance(outcome, str) and outcome == READY:
                    worker.started(self.timeout)
                    continue
                if outcome is None:
                    job = worker.queue.popleft()
                    yield failure(job, "crash", worker.death())
                    self._drop(worker, retry, kill=True)
                    continue
                worker.finished(self.timeout)
                yield outcome
                if outcome.stage == "memory":  # it exits by itself: its heap may be in pieces
                    self._drop(worker, retry, kill=False)
                elif worker.done >= self.max_tasks and not worker.queue:
                    self._drop(worker, retry, kill=False)  # recycled: slow leaks never add up
            now = time.monotonic()
            for worker in [w for w in busy if w in self._workers and w.deadline is not None and w.deadline <= now]:
                job = worker.queue.popleft()
                why = f"no result after {self.timeout:g} s" if worker.ready else f"the worker was not ready after {STARTUP_LIMIT:g} s"
                self._drop(worker, retry, kill=True)
                yield failure(job, "timeout", f"{why}; the worker was stopped")

    def close(self) -> None:
        for worker in self._workers:  # all told to stop first, so that they wind down together
            if not worker.queue:
                try:
                    worker.stdin.close()
                except OSError:
                    pass
        for worker in self._workers:
            worker.kill() if worker.queue else worker.close()
        self._workers = []


# ------------------------------------------------------------------------------------------------ the worker


def _die_with_parent(parent: int) -> None:
    """Linux: get SIGKILL when the parent dies, so that a killed batch leaves no worker behind."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def _limit_memory(megabytes: int) -> None:
    import resource

    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def main(argv: list[str]) -> None:
    """The worker loop: settings first, then jobs until stdin closes."""
    max_memory_mb, parent = int(argv[0]), int(argv[1])
    guard_session()  # before any descriptor but 0-2 exists; the guard keeps only stderr
    requests = os.fdopen(0, "rb", buffering=0)
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a library prints goes to stderr, never into the replies
    sys.stdout = sys.stderr
    _die_with_parent(parent)
    faulthandler.enable()  # a segfault leaves its traceback in the worker log
    if max_memory_mb:
        _limit_memory(max_memory_mb)
    settings = _recv(requests)
    parse = resolve_parse()
    from ..model import load as load_models
    from ..pipeline import warm_up

    load_models()  # pydantic's classes, the readers and the compiled patterns: what every first file would pay
    warm_up()  # inside its clock, on a loaded host enough to time out a small file
    _send(replies, READY)
    while (job := _recv(requests)) is not None:
        outcome = process(job, settings, parse)
        _send(replies, outcome)
        if outcome.stage == "memory":
            break
    replies.close()
    os._exit(0)  # every reply is sent and every output closed: no need to wait for the interpreter's teardown


if __name__ == "__main__":
    main(sys.argv[1:])
