"""Running a batch on a Dask cluster: the same jobs and outcomes as the local pool, spread over machines.

Jobs go out in small chunks with a bounded number in flight, so the client's memory stays flat however many
files there are.  On each Dask worker thread a one-process :class:`~.workers.WorkerPool` runs the files, so the
per-file timeout and memory limit hold on the cluster too.  The client keeps the ledger and the JSONL file;
outputs of ``-o OUT`` are written by the workers, so OUT (like the inputs) must be on a file system every
machine sees at the same path.
"""
from __future__ import annotations

import threading
from itertools import islice
from types import ModuleType
from typing import Any, Generator, Iterable

from .task import Job, Outcome, Settings, failure
from .workers import WorkerPool

CHUNK = 8  # files per Dask task: amortises scheduling, small enough to spread a batch evenly

_local = threading.local()


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
            pool.close()
        pool = _local.pool = WorkerPool(1, settings, timeout=timeout, max_memory_mb=max_memory_mb)
        _local.key = key
    return list(pool.run(jobs))


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
        if own_client:
            client.close()
