"""Batch processing: folders of thousands to millions of files, in parallel, resumable, on one machine or Dask.

- ``task``: the work for one file (parse, serialise, write), the same wherever it runs;
- ``workers``: the local process pool with per-file timeout and memory limit;
- ``dask_engine``: the same jobs on a Dask cluster;
- ``ledger`` and ``fsio``: the crash-safe state and durable writes that make a rerun finish the job exactly once;
- ``defaults``: the per-file limits the CLI shows and the runner applies;
- ``runner``: the orchestration behind ``vnadmin-nlp parse DIR -o OUT``; ``progress``: its progress bar.

Which files are inputs and how an output is written atomically are ``vnadmin_nlp.files`` (linking needs them too).
"""
from typing import Any

from ..files import InputError
from .defaults import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT

__all__ = ["DEFAULT_TIMEOUT", "DEFAULT_MAX_MEMORY_MB", "BatchOptions", "BatchResult", "InputError", "run_batch"]


def __getattr__(name: str) -> Any:
    # Lazy: a worker process imports this package too and needs none of the orchestration (rich, threads).
    if name in ("BatchOptions", "BatchResult", "run_batch"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(name)
