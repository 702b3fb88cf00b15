"""Time and memory limits for one piece of work (``parse FILE``, ``parse_file``, ``index``; the batch workers
apply the same numbers to their own processes).

The work runs in a reused child process, the parse worker (:mod:`.worker`): its session is killed past the
deadline, its address space capped with ``RLIMIT_AS``; exceptions raised there are raised again here with the
worker's traceback as a note (:func:`exception_state`, :func:`rebuild`).

:func:`run_here` keeps the same limits in this process, for work done by Python code alone (a small plain-text
file: even a request to the worker would cost more than parsing it).
"""
from __future__ import annotations

import os
import pickle
import signal
import threading
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

DEFAULT_TIMEOUT = 300.0  # seconds per file: a 26-page scan takes about a minute of OCR
DEFAULT_MAX_MEMORY_MB = 2048  # address space per batch worker, or added by one file's child process

T = TypeVar("T")



@dataclass(frozen=True)
class Limits:
    """``timeout``: seconds (None: no limit); ``max_memory_mb``: address space in MB (None: no limit)."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB

    @property
    def bounded(self) -> bool:
        return bool(self.timeout) or bool(self.max_memory_mb)


class LimitExceeded(Exception):
    """The work went past a limit (``stage`` ``timeout`` or ``memory``) or its process died (``crash``)."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.message = message


def can_fork() -> bool:
    """Forking is only safe while this process runs one thread (another may hold a lock the child needs); else a
    worker is spawned."""
    return hasattr(os, "fork") and threading.active_count() == 1


def address_space_mb() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE") // (1 << 20)
    except (OSError, ValueError, IndexError):
        return 0


class _Deadline(BaseException):
    """The interval timer of :func:`run_here` went off (a BaseException: no ``except Exception`` swallows it)."""


def _alarm(signum: int, frame: Any) -> None:
    raise _Deadline()


def can_limit_here() -> bool:
    """Can :func:`run_here` keep the limits in this process: the main thread, the only one, with no alarm of the
    caller's own set (the interval timer and SIGALRM are the process's)?"""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and threading.active_count() == 1
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


def run_here(work: Callable[[], T], limits: Limits, *, what: str = "the work") -> T:
    """``work()`` in this process under ``limits``: the time limit by an interval timer (SIGALRM), the memory
    limit by lowering this process's ``RLIMIT_AS`` to ``max_memory_mb`` above what it maps, both undone after.

    Only for work done by Python code (its caller checks): a native library that cannot allocate may crash
    the process instead of raising ``MemoryError``, and the timer cannot stop a C call; such work goes to a
    worker process (:mod:`.worker`).  Call only when :func:`can_limit_here`."""
    import resource

    old_handler = signal.signal(signal.SIGALRM, _alarm)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    try:
        if limits.max_memory_mb:
            cap = (address_space_mb() + limits.max_memory_mb) << 20
            resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
        if limits.timeout:
            signal.setitimer(signal.ITIMER_REAL, limits.timeout)
        return work()
    except _Deadline:
        raise LimitExceeded("timeout", f"no result after {limits.timeout:g} s; stopped") from None
    except MemoryError:
        raise LimitExceeded("memory", "out of memory") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def exception_state(exc: BaseException) -> tuple:
    """An exception as (class, args, attributes, traceback text): some exceptions' ``__init__`` cannot be called
    again from their args, so the parent rebuilds them from their attributes."""
    import traceback  # only when a child's exception is sent back

    tb = "".join(traceback.format_exception(exc))
    state = (type(exc), exc.args, dict(exc.__dict__), tb)
    try:
        pickle.dumps(state)
    except Exception:
        return (RuntimeError, (f"{type(exc).__name__}: {exc}",), {}, tb)
    return state


def rebuild(state: tuple, what: str) -> BaseException:
    cls, args, attrs, tb = state
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(attrs)
    if tb and hasattr(exc, "add_note"):
        exc.add_note(f"in the child process working on {what}:\n{tb}")
    return exc


def caused_by_memory(exc: BaseException) -> bool:
    """Does ``exc`` come from a MemoryError (its cause or context chain)?"""
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 50:
        if isinstance(cur, MemoryError):
            return True
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return False
