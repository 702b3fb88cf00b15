"""The work done for one file, in whatever process runs it: parse, serialise, write (or hand back the line).

Everything a worker needs travels in :class:`Job` and :class:`Settings`, and everything it found comes back in
an :class:`Outcome`, so the same function serves the local process pool and Dask workers.

Test hook: the environment variable ``VNADMIN_PARSE_HOOK="package.module:function"`` names a callable used
instead of :func:`~vnadmin_nlp.pipeline.parse_file` (same signature).  It exists so that tests can make a file
hang, crash or exhaust memory on purpose; it is read once when a worker starts.
"""
from __future__ import annotations

import importlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal

from ..files import display_name, write_atomic
from ..files.limits import caused_by_memory
from ..pipeline import PARSER_VERSION, parse_file, sha256_file
from ..readers import ReaderError

HOOK_ENV = "VNADMIN_PARSE_HOOK"

Stage = Literal["read", "parse", "write", "timeout", "memory", "crash"]


@dataclass(frozen=True)
class Settings:
    """Output options shared by every job of a batch."""

    include_text: bool = True
    with_blocks: bool = False
    indent: int | None = 2
    tmp_dir: str | None = None  # staging folder for atomic writes (same file system as the outputs)
    durable: bool = True  # fsync every output before it is reported done (False: the batch syncs them in groups)
    extractors: tuple[str, ...] | None = None  # extractor names (travel as names to any worker); None: the default
    use_model: bool = False  # the header model combined with the rules (vnadmin_nlp.header_model)

    def config(self) -> str:
        """What the ledger compares: outputs made with other options are not 'done'."""
        config = f"text={int(self.include_text)},blocks={int(self.with_blocks)},indent={self.indent}"
        config += ",model=1" if self.use_model else ""
        return config if self.extractors is None else f"{config},extractors={'+'.join(self.extractors)}"

    def parse_options(self) -> dict[str, Any]:
        """The keyword arguments of ``parse_file`` these settings ask for (the extractors only when chosen, so a
        test hook with parse_file's old signature keeps working)."""
        if self.extractors is None:
            return {"with_blocks": self.with_blocks}
        from ..extractors import extractors_by_name

        return {"with_blocks": self.with_blocks, "extractors": extractors_by_name(self.extractors)}


@dataclass(frozen=True)
class Job:
    key: str
    path: str
    out: str | None = None  # where to write the JSON; None: hand the line back (JSONL mode)
    expect_sha: str | None = None  # already done with this content: skip parsing if the sha256 still matches


@dataclass
class Outcome:
    key: str
    status: Literal["ok", "unchanged", "error"]
    sha256: str | None = None
    stage: Stage | None = None
    message: str | None = None
    line: str | None = None
    format: str | None = None
    pages: int | None = None
    seconds: float = 0.0
    parser: str = PARSER_VERSION
    errno: int | None = None  # a write failure's errno (ENOSPC, EROFS… stop the batch: every file would fail)


def failure(job: Job, stage: Stage, message: str, seconds: float = 0.0) -> Outcome:
    return Outcome(job.key, "error", stage=stage, message=message, seconds=seconds)


def resolve_parse() -> Callable[..., Any]:
    """``parse_file``, or the callable the test hook names."""
    target = os.environ.get(HOOK_ENV)
    if not target:
        return parse_file
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def process(job: Job, settings: Settings, parse: Callable[..., Any] = parse_file) -> Outcome:
    """Parse one file and write (or return) its JSON; every failure becomes an Outcome, never an exception."""
    t0 = time.perf_counter()
    try:
        try:
            if not stat.S_ISREG(os.stat(job.path).st_mode):  # a FIFO or device would block the reader forever
                return failure(job, "read", "not a regular file: not opened")
        except OSError:
            pass  # the reader reports a missing or unreadable file in its own words
        if job.expect_sha is not None:
            try:
                if sha256_file(Path(job.path)) == job.expect_sha:
                    return Outcome(job.key, "unchanged", sha256=job.expect_sha, seconds=time.perf_counter() - t0)
            except OSError as exc:
                return failure(job, "read", f"cannot be read: {exc.strerror or exc}", time.perf_counter() - t0)
        options = settings.parse_options()
        if parse is parse_file:
            options["limits"] = None  # this worker process is the limit
            if settings.use_model:
                from ..header_model import parse_file as parse_with_model

                parse, options["use_model"] = parse_with_model, True
        try:
            doc = parse(job.path, **options)
        except ReaderError as exc:
            stage: Stage = "memory" if exc.stage == "memory" or caused_by_memory(exc) else "read" if exc.stage == "read" else "parse"
            return failure(job, stage, exc.message, time.perf_counter() - t0)
        data = doc.to_json(indent=settings.indent, include_text=settings.include_text, include_blocks=settings.with_blocks)
        line = None
        if job.out is not None:
            try:
                write_atomic(Path(job.out), data + "\n", tmp_dir=Path(settings.tmp_dir) if settings.tmp_dir else None, durable=settings.durable)
            except OSError as exc:
                out = failure(job, "write", f"{display_name(job.out)}: {exc.strerror or exc}", time.perf_counter() - t0)
                out.errno = exc.errno
                return out
        else:
            line = data
        src = doc.source
        return Outcome(job.key, "ok", sha256=src.sha256, line=line, format=src.format, pages=src.pages, seconds=time.perf_counter() - t0)
    except MemoryError:
        return failure(job, "memory", "out of memory (the --max-memory limit or the machine's)", time.perf_counter() - t0)
    except RecursionError as exc:
        return failure(job, "parse", f"RecursionError: {exc}", time.perf_counter() - t0)
    except Exception as exc:  # a parser bug on one file must not stop the batch
        return failure(job, "parse", f"{type(exc).__name__}: {exc}", time.perf_counter() - t0)
