"""The parse worker's side (files/worker.py starts it): its loop, one request and one answer at a time.

A request is a frame (its length, 8 bytes, then two pickles: the caller's environment, None when it is the one
the worker already has, then the work, its arguments, the carried settings and the limits); an answer is a frame holding the pickled result or exception, then the CPU
seconds the call took here (8 bytes).
"""
from __future__ import annotations

import gc
import importlib
import io
import os
import pickle
import signal
import struct
import time
from typing import Any

from . import processes
from .limits import LimitExceeded, address_space_mb, exception_state

GRACE = 10.0  # seconds past the deadline at which a worker whose parent is gone ends itself
FRAME = struct.Struct("<Q")  # a frame's length, then the pickled request or answer
CPU_SECONDS = struct.Struct("<d")  # after an answer: the CPU seconds the worker spent on the call


def serve(requests: int, answers: int) -> None:
    """The worker's loop: one request, one answer, until the request pipe closes (its parent is gone)."""
    import resource  # POSIX only, as the worker

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it (Ctrl-C goes to the parent)
    for sig in (signal.SIGTERM, signal.SIGALRM):
        signal.signal(sig, signal.SIG_DFL)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    gc.freeze()  # what it started with (the parent's heap, when forked) is never scanned by its collections
    env_data = getattr(os.environ, "_data", None)
    env: dict | None = dict(env_data) if isinstance(env_data, dict) else None  # as the parent last sent it
    while True:
        head = read_frame(requests, FRAME.size)
        body = read_frame(requests, FRAME.unpack(head)[0]) if head else None
        if body is None:
            return
        start = _cpu()
        tools = processes.tools_started()
        try:
            stream = io.BytesIO(body)
            sent = pickle.load(stream)
            if sent is not None:
                env = _take_env(sent)
            elif env is not None and env != env_data:  # a call changed it here: back to the parent's
                _take_env(env)
            work, args, settings, memory_mb, timeout = pickle.load(stream)
            _take_settings(settings)
            if timeout:
                signal.setitimer(signal.ITIMER_REAL, timeout + GRACE)
            if memory_mb:
                cap = (address_space_mb() + memory_mb) << 20
                resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
            result: tuple[str, Any] = ("ok", work(*args))
        except MemoryError:
            result = ("error", (LimitExceeded, ("memory", "out of memory"), {"stage": "memory", "message": "out of memory"}, ""))
        except BaseException as exc:  # sent to the parent, which raises it
            result = ("error", exception_state(exc))
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
            signal.setitimer(signal.ITIMER_REAL, 0)
        leave = result[0] == "error" and result[1][2].get("stage") == "memory"
        if processes.tools_started() != tools:  # whatever they left in this session, and their folders
            processes.kill_session(os.getsid(0), spare=os.getpid())
            processes.sweep_temp_dirs()
        try:
            data = pickle.dumps((*result, leave), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an unpicklable result
            data = pickle.dumps(("error", (RuntimeError, (f"{type(exc).__name__}: {exc}",), {}, ""), False))
        data += CPU_SECONDS.pack(_cpu() - start)
        try:
            write_frame(answers, data)
        except OSError:  # the parent is gone
            return
        if leave:
            return


def _cpu() -> float:
    import resource

    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the tools it started and waited for
    return time.process_time() + kids.ru_utime + kids.ru_stime


def _take_env(env: dict) -> dict | None:
    """Make ``env`` (bytes to bytes as ``os.environ`` holds it on POSIX, else str to str) this process's
    environment; what is kept to compare with later (None: nothing to compare)."""
    if env and isinstance(next(iter(env)), bytes):
        if env != getattr(os.environ, "_data", None):
            os.environb.clear()
            os.environb.update(env)
        return dict(env)
    if env != os.environ:
        os.environ.clear()
        os.environ.update(env)
    return None


def _take_settings(settings: list[tuple[str, str, Any]]) -> None:
    for module, name, value in settings:
        setattr(importlib.import_module(module), name, value)


def write_frame(fd: int, data: bytes) -> None:
    view = memoryview(FRAME.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def read_frame(fd: int, size: int) -> bytes | None:
    data = bytearray()
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


def let_go(keep: tuple[int, ...]) -> None:
    """In a forked worker: every descriptor it inherited but ``keep`` and 0–2 now reads /dev/null.  A lock the
    caller holds (``flock``), a socket, another child's pipe is then not held open by the worker once the caller
    lets go of it; the numbers stay taken, so an inherited object closing its descriptor never closes one of the
    worker's own."""
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    null = os.open(os.devnull, os.O_RDWR)
    for fd in fds:
        if fd > 2 and fd != null and fd not in keep:
            try:
                os.dup2(null, fd)
            except OSError:
                pass
    os.close(null)
