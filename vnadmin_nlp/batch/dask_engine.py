"""Running a batch on a Dask cluster: the same jobs and outcomes as the local pool, spread over machines.

Jobs go out in small chunks with a bounded number in flight, so the client's memory stays flat however many
files there are.  On each Dask worker thread a one-process :class:`~.workers.WorkerPool` runs the files, so the
per-file timeout and memory limit hold on the cluster too, and so does the kill of a stopped file: its worker
process is killed with its whole session (the tools it started: ``soffice.bin``, tesseract) and the tools'
temporary folders are swept, as in a local batch.  The client keeps the ledger and the JSONL file; outputs of
``-o OUT`` are written by the workers, so OUT (like the inputs) must be on a file system every machine sees at the
same path.

A Dask worker keeps its threads' worker processes between chunks (starting one costs an import); when a batch
ends, the client has every Dask worker close the idle ones, and a Dask worker that exits closes all of its own
(killing, with their sessions, those still working).  When a batch starts, every Dask worker sweeps the temporary
folders that killed runs left on its machine, as a local batch does on its own.
"""
from __future__ import annotations

import atexit
import multiprocessing.util
import threading
from itertools import islice
from types import ModuleType
from typing import Any, Generator, Iterable

from ..files.processes import sweep_temp_dirs
from .task import Job, Outcome, Settings, failure
from .workers import WorkerPool

CHUNK = 8  # files per Dask task: amortises scheduling, small enough to spread a batch evenly

_local = threading.local()
_pools: dict[int, tuple[WorkerPool, threading.Lock]] = {}  # this Dask worker's pools, by id; a pool's lock is held while it runs
_pools_lock = threading.Lock()


def _import_distributed() -> ModuleType:
    try:
        from dask import distributed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            "--engine dask needs Dask: install the extra with  pip install 'vnadmin-nlp[dask]'"
        ) from exc
    return distributed


def run_chunk(jobs: list[Job], settings: Settings, timeout: float | None, max_memory_mb: int | None) -> list[Outcome]:
    """Executed on a Dask worker: the files of one chunk, each isolated in this thread's worker process."""
    pool = getattr(_local, "pool", None)
    key = (settings, timeout, max_memory_mb)
    if pool is None or getattr(_local, "key", None) != key:
        if pool is not None:
            _forget(pool)
            pool.close()
        pool = _local.pool = WorkerPool(1, settings, timeout=timeout, max_memory_mb=max_memory_mb)
        _local.key = key
        with _pools_lock:
            _pools[id(pool)] = (pool, threading.Lock())
    with _pools_lock:
        busy = _pools[id(pool)][1]
    with busy:  # close_idle_pools leaves it alone meanwhile
        return list(pool.run(jobs))


def _forget(pool: WorkerPool) -> None:
    with _pools_lock:
        _pools.pop(id(pool), None)


def close_idle_pools() -> int:
    """Executed on every Dask worker when a batch ends: close the worker processes of the pools not running a
    chunk (another batch's may be); a closed pool starts a new process when its thread runs a chunk again.
    Returns how many processes were closed."""
    with _pools_lock:
        entries = list(_pools.values())
    closed = 0
    for pool, busy in entries:
        if busy.acquire(blocking=False):
            try:
                closed += pool.processes
                pool.close()
            finally:
                busy.release()
    return closed


def _close_all_pools() -> None:
    """This Dask worker is exiting: close every pool; one still running a file is killed with its session.
    Registered with ``atexit`` and with multiprocessing's finalizers: a Dask worker started by a nanny is a
    multiprocessing child, which leaves through ``os._exit`` and never runs ``atexit``."""
    with _pools_lock:
        entries = list(_pools.values())
        _pools.clear()
    for pool, _ in entries:
        try:
            pool.close()
        except Exception:  # pragma: no cover - best effort at exit
            pass


atexit.register(_close_all_pools)
multiprocessing.util.Finalize(None, _close_all_pools, exitpriority=10)


def _on_every_worker(client: Any, fn: Any) -> None:
    """Run ``fn`` on every Dask worker, best effort: a worker that cannot run it is no reason to fail a batch."""
    try:
        client.run(fn)
    except Exception:  # pragma: no cover - depends on the cluster
        pass


def run_dask(
    jobs: Iterable[Job],
    settings: Settings,
    *,
    scheduler: str | object,
    timeout: float | None,
    max_memory_mb: int | None,
) -> Generator[Outcome, None, None]:
    """Yield one Outcome per job, computed on the cluster at ``scheduler`` (an address, or a ``Client``)."""
    distributed = _import_distributed()
    own_client = not isinstance(scheduler, distributed.Client)
    client: Any = distributed.Client(scheduler) if own_client else scheduler
    try:
        _on_every_worker(client, sweep_temp_dirs)  # what killed runs left on the workers' machines
        threads = sum(client.nthreads().values()) or 1
        pending = iter(jobs)
        chunks: dict[str, list[Job]] = {}

        def submit() -> object | None:
            chunk = list(islice(pending, CHUNK))
            if not chunk:
                return None
            future = client.submit(run_chunk, chunk, settings, timeout, max_memory_mb, pure=False)
            chunks[future.key] = chunk
            return future

        running = distributed.as_completed([f for f in (submit() for _ in range(2 * threads)) if f is not None])
        for future in running:
            chunk = chunks.pop(future.key)
            try:
                outcomes = future.result()
            except Exception as exc:  # the Dask worker itself died or the task failed: the chunk's files failed
                outcomes = [failure(job, "crash", f"Dask task failed: {type(exc).__name__}: {exc}") for job in chunk]
            future.release()
            yield from outcomes
            nxt = submit()
            if nxt is not None:
                running.add(nxt)
    finally:
        _on_every_worker(client, close_idle_pools)
        if own_client:
            client.close()
