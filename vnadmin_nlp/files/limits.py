"""Time and memory limits for one piece of work, in a forked child process (``parse FILE``, ``parse_file``,
``index``; the batch workers apply the same numbers to their own processes).

:func:`run_limited` forks: the child starts a session of its own (every tool it starts is killed with it), caps
its address space with ``RLIMIT_AS``, runs the work and sends the result back pickled; the parent waits until
the deadline, then kills the whole session.  Exceptions raised in the child are raised again in the parent, with
the child's traceback as a note.

What a child does the first time, and loses with itself, is done again in this process before the next fork
(:func:`_take_up`): the lazily compiled patterns it compiled (``lexicon/lazy``) and the modules of the readers'
libraries it imported (pypdfium2, cryptography).  Otherwise every ``parse_file`` of a PDF compiled some 60
patterns and imported its libraries anew in its child: 15–60 ms of the child's CPU, more than the reading.

:func:`run_here` keeps the same limits in this process, for work done by Python code alone (a small plain-text
file: forking would cost more than parsing it).
"""
from __future__ import annotations

import importlib
import os
import pickle
import select
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from ..lexicon import lazy
from .processes import kill_group, kill_session, sweep_temp_dirs

DEFAULT_TIMEOUT = 300.0  # seconds per file: a 26-page scan takes about a minute of OCR
DEFAULT_MAX_MEMORY_MB = 2048  # address space per batch worker, or added by one file's child process

T = TypeVar("T")

# Libraries a child may import on first use whose modules the parent imports too, for its next children: the
# PDF reader's (C libraries that start no thread when imported: a thread here would stop the next fork).
CARRIED_LIBRARIES = ("pypdfium2", "cryptography")
_LEARNED: tuple[set[int], set[str]] = (set(), set())  # patterns (lazy indices) and modules children used first


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
    """Forking is only safe while this process runs one thread (another may hold a lock the child needs)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def address_space_mb() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE") // (1 << 20)
    except (OSError, ValueError, IndexError):
        return 0


def run_limited(work: Callable[[], T], limits: Limits, *, what: str = "the work") -> T:
    """``work()`` in a forked child under ``limits``; its result or its exception, or :class:`LimitExceeded`.

    The memory cap is ``max_memory_mb`` above what this process already maps (the child starts as its copy).
    """
    _take_up()
    cap = address_space_mb() + limits.max_memory_mb if limits.max_memory_mb else None
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(r)
        _child(work, w, cap)
    os.close(w)
    deadline = time.monotonic() + limits.timeout if limits.timeout else None
    chunks: list[bytes] = []
    try:
        while True:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([r], [], [], wait)
            if not ready:
                kill_session(pid)
                raise LimitExceeded("timeout", f"no result after {limits.timeout:g} s; stopped")
            chunk = os.read(r, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    except BaseException:
        kill_session(pid)  # interrupted (Ctrl-C): the child and its tools go too
        raise
    finally:
        os.close(r)
        _, status = os.waitpid(pid, 0)
        kill_group(pid)  # whatever the child left in its group (its tools cleaned up their own groups)
        if os.WIFSIGNALED(status):
            sweep_temp_dirs()  # the folders its tools worked in (once it is reaped: a zombie counts as alive)
    if not chunks:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        why = f"killed by {signal.Signals(sig).name}" if sig in signal.valid_signals() else f"exit status {os.waitstatus_to_exitcode(status)}"
        raise LimitExceeded("crash", f"the process working on {what} died ({why})")
    kind, value, learned = pickle.loads(b"".join(chunks))
    _LEARNED[0].update(learned[0])
    _LEARNED[1].update(learned[1])
    if kind == "ok":
        return value
    raise _rebuild(value, what)


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
    forked child (:func:`run_limited`).  Call only when :func:`can_limit_here`."""
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


def _take_up() -> None:
    """Compile the patterns and import the library modules that earlier children used first (never raises: what
    fails here the next child does for itself, as before)."""
    patterns, modules = _LEARNED
    if patterns:
        try:
            lazy.compile_made(sorted(patterns))
        except Exception:
            pass
        patterns.clear()
    for name in sorted(modules):
        try:
            importlib.import_module(name)
        except Exception:
            pass
    modules.clear()


def _learned(mark: tuple[int, int], modules: set[str]) -> tuple[list[int], list[str]]:
    """What this child did first since ``mark``: the patterns it compiled, the library modules it imported."""
    new = [m for m in sys.modules if m not in modules and m.partition(".")[0] in CARRIED_LIBRARIES]
    return lazy.compiled_since(mark), new


def _child(work: Callable[[], Any], w: int, cap: int | None) -> None:
    try:
        mark, modules = lazy.made(), set(sys.modules)
        os.setsid()
        if cap:
            import resource

            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = cap << 20 if hard == resource.RLIM_INFINITY else min(cap << 20, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        try:
            result: tuple[str, Any] = ("ok", work())
        except MemoryError:
            result = ("error", (LimitExceeded, ("memory", "out of memory"), {"stage": "memory", "message": "out of memory"}, ""))
        except BaseException as exc:  # sent to the parent, which raises it
            result = ("error", _exception_state(exc))
        learned = _learned(mark, modules)
        try:
            data = pickle.dumps((*result, learned), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an unpicklable result
            data = pickle.dumps(("error", (RuntimeError, (f"{type(exc).__name__}: {exc}",), {}, ""), learned))
        view = memoryview(data)
        while view:
            view = view[os.write(w, view):]
    finally:
        os._exit(0)


def _exception_state(exc: BaseException) -> tuple:
    """An exception as (class, args, attributes, traceback text): some exceptions' ``__init__`` cannot be called
    again from their args, so the parent rebuilds them from their attributes."""
    tb = "".join(traceback.format_exception(exc))
    state = (type(exc), exc.args, dict(exc.__dict__), tb)
    try:
        pickle.dumps(state)
    except Exception:
        return (RuntimeError, (f"{type(exc).__name__}: {exc}",), {}, tb)
    return state


def _rebuild(state: tuple, what: str) -> BaseException:
    cls, args, attrs, tb = state
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(attrs)
    if tb and hasattr(exc, "add_note"):
        exc.add_note(f"in the child process working on {what}:\n{tb}")
    return exc
