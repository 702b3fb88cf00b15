"""Batch processing: folders of thousands to millions of files, in parallel, resumable, on one machine or Dask.

- ``discover``: which files, and the name (key) of each one's output;
- ``task``: the work for one file (parse, serialise, write), the same wherever it runs;
- ``workers``: the local process pool with per-file timeout and memory limit;
- ``dask_engine``: the same jobs on a Dask cluster;
- ``ledger`` and ``fsio``: the crash-safe state and writes that make a rerun finish the job exactly once;
- ``runner``: the orchestration behind ``vnadmin-nlp parse DIR -o OUT``; ``progress``: its progress bar.
"""
from .discover import InputError

DEFAULT_TIMEOUT = 300.0  # seconds per file: a 26-page scan takes about a minute of OCR
DEFAULT_MAX_MEMORY_MB = 2048  # address space per worker process

__all__ = ["DEFAULT_TIMEOUT", "DEFAULT_MAX_MEMORY_MB", "BatchOptions", "BatchResult", "InputError", "run_batch"]


def __getattr__(name: str):
    # Lazy: a worker process imports this package too and needs none of the orchestration (rich, threads).
    if name in ("BatchOptions", "BatchResult", "run_batch"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(name)
