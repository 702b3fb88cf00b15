"""Orchestration of a batch: walk the inputs, skip what is done, run the rest locally or on Dask, commit.

Where things go:

- ``-o OUT``: ``OUT/<relative path>.json`` per input (written by the workers, atomically), ``OUT/errors.jsonl``
  and the state in ``OUT/.vnadmin-batch/`` (ledger, staging folder for atomic writes, worker log);
- ``--jsonl FILE``: one line per input in FILE (appended by this process), ``<FILE stem>.errors.jsonl`` beside
  it and the state in ``.<FILE name>.batch/`` beside it.

The errors file lists the failures of the latest run (file, stage, message); the ledger is the memory across
runs.  A failed file is tried again by the next run; a done file is skipped while its size and mtime, or failing
those its sha256, and the parser version and output options are unchanged.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generator, Iterator

from ..files import InputError, Inputs, Lock, OutputError, disk_problem, display_name, is_clean, is_inside, raw_name
from ..files.processes import sweep_temp_dirs
from ..pipeline import PARSER_VERSION
from .defaults import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT
from .fsio import JsonlFile, sync_filesystem
from .ledger import Ledger, Record, compact_jsonl
from .progress import BatchProgress
from .task import Job, Outcome, Settings
from .workers import WorkerPool

STATE_DIR = ".vnadmin-batch"
MAX_NOTES = 20  # failures printed one by one; the rest are only in the errors file
# A write failing for one of these reasons fails every later file too: the batch stops (exit code 3).
OUTPUT_DEAD = {errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EIO}


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass
class BatchOptions:
    inputs: list[str]
    out_dir: Path | None = None
    jsonl: Path | None = None
    jobs: int = field(default_factory=default_jobs)
    timeout: float | None = DEFAULT_TIMEOUT
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB
    engine: str = "local"
    scheduler: str | object | None = None  # an address, or a dask.distributed.Client
    resume: bool = True
    allow_inside_input: bool = False
    follow_links: bool = False  # follow symbolic links out of the input folders
    include_text: bool = True
    with_blocks: bool = False
    compact: bool = False
    quiet: bool = False
    progress: bool = True
    extractors: tuple[str, ...] | None = None  # extractor names; None: the default list
    use_model: bool = False  # combine the header model with the rules (vnadmin_nlp.header_model)


@dataclass
class BatchResult:
    parsed: int = 0
    skipped: int = 0
    failed: int = 0
    stages: Counter = field(default_factory=Counter)
    pages: int = 0
    formats: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    output: Path | None = None
    errors_file: Path | None = None
    interrupted: bool = False
    ignored: int = 0  # not read: links out of the input folders, FIFOs, devices (listed in the errors file)
    fatal: str | None = None  # why the batch stopped early (the output disk is full or read-only)

    def summary(self) -> str:
        failed = f"{self.failed} failed"
        if self.stages:
            failed += " (" + ", ".join(f"{s} {n}" for s, n in sorted(self.stages.items())) + ")"
        head = "stopped: " if self.fatal else "interrupted: " if self.interrupted else ""
        ignored = f", {self.ignored} not read (links, special files)" if self.ignored else ""
        text = (f"{head}{self.parsed} parsed, {self.skipped} skipped (already done), {failed}{ignored} in "
                f"{self.seconds:.1f} s -> {display_name(str(self.output))}")
        if self.failed or self.ignored:
            text += f"\nfailures are listed in {display_name(str(self.errors_file))}"
        return text


@dataclass
class _Layout:
    """Where a batch writes: outputs, errors file, state folder."""

    out_dir: Path | None
    jsonl: Path | None
    errors: Path
    state: Path

    @classmethod
    def of(cls, opts: BatchOptions) -> "_Layout":
        if opts.jsonl is not None:
            j = Path(os.path.abspath(opts.jsonl))
            stem = j.name[: -len(".jsonl")] if j.name.endswith(".jsonl") else j.name
            return cls(None, j, j.with_name(stem + ".errors.jsonl"), j.with_name(f".{j.name}.batch"))
        assert opts.out_dir is not None
        out = Path(os.path.abspath(opts.out_dir))
        return cls(out, None, out / "errors.jsonl", out / STATE_DIR)

    @property
    def target(self) -> Path:
        return self.out_dir or self.jsonl  # type: ignore[return-value]

    def exclude(self, inputs: Inputs) -> list[Path]:
        """What the walk must not read when the outputs sit inside an input folder (``--allow-inside-input``)."""
        out = [self.state, self.errors]
        if self.jsonl:
            out.append(self.jsonl)
        elif self.out_dir and not any(is_inside(d, self.out_dir) for d in inputs.dirs):
            out.append(self.out_dir)
        return out


def _damaged(exc: sqlite3.Error) -> bool:
    return any(w in str(exc) for w in ("not a database", "malformed"))


def run_batch(opts: BatchOptions) -> BatchResult:
    """Parse every input into the outputs of ``opts``; raises :class:`InputError` for unusable options and
    :class:`OutputError` (one line naming the path) when the output cannot be used: another run is writing it,
    the disk is read-only or full, the state is damaged."""
    if (opts.out_dir is None) == (opts.jsonl is None):
        raise InputError("give either -o OUT (one .json per input) or --jsonl FILE")
    layout = _Layout.of(opts)
    missing, inputs = _check(opts, layout)
    try:
        with Lock(layout.state / "lock", f"the output {display_name(str(layout.target))}"):
            return _run(opts, layout, missing, inputs)
    except sqlite3.Error as exc:
        ledger = display_name(str(layout.state / "ledger.sqlite"))
        if not _damaged(exc) and (problem := disk_problem(layout.state)):  # not damaged: what was done is kept
            raise OutputError(f"{ledger}: cannot be written: {problem} ({exc}); the next run resumes") from None
        raise OutputError(f"{ledger}: the batch's ledger cannot be used ({exc}); remove the folder to start over") from None
    except OSError as exc:
        where = display_name(exc.filename if isinstance(exc.filename, str) else str(layout.target))
        raise OutputError(f"{where}: {exc.strerror or exc}") from None


def _check(opts: BatchOptions, layout: "_Layout") -> tuple[list[str], Inputs]:
    """Refuse unusable options before anything is written (even the lock): the inputs and the missing ones."""
    if (opts.out_dir is None) == (opts.jsonl is None):
        raise InputError("give either -o OUT (one .json per input) or --jsonl FILE")
    if opts.engine not in ("local", "dask"):
        raise InputError(f"unknown engine {opts.engine!r} (local or dask)")
    if opts.engine == "dask" and not opts.scheduler:
        raise InputError("--engine dask needs --scheduler ADDRESS (e.g. tcp://host:8786)")
    missing = [p for p in opts.inputs if not os.path.lexists(p)]
    inputs = Inputs.from_args([p for p in opts.inputs if p not in missing], follow_links=opts.follow_links)
    inputs.check_output(layout.target, allow_inside=opts.allow_inside_input)
    if layout.out_dir and layout.out_dir.exists() and not layout.out_dir.is_dir():
        raise InputError(f"-o {layout.out_dir} is a file, not a folder")
    if layout.jsonl and layout.jsonl.exists() and layout.jsonl.stat().st_size and not (layout.state / "ledger.sqlite").exists():
        raise InputError(f"{layout.jsonl} exists and was not written by a vnadmin-nlp batch; remove it or choose another name")

    return missing, inputs


def _run(opts: BatchOptions, layout: "_Layout", missing: list[str], inputs: Inputs) -> BatchResult:
    result = BatchResult(output=layout.target, errors_file=layout.errors)
    t0 = time.perf_counter()
    tmp_dir = layout.state / "tmp"
    sweep_temp_dirs()  # the tools' folders a killed run left in the temporary directory
    shutil.rmtree(tmp_dir, ignore_errors=True)  # what writers killed mid-write left behind (this run holds the lock)
    tmp_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        include_text=opts.include_text,
        with_blocks=opts.with_blocks,
        indent=None if (opts.compact or layout.jsonl) else 2,
        tmp_dir=str(tmp_dir),
        # Local workers write to this machine's disk, made durable in groups before each ledger commit (one
        # syncfs); Dask workers may write from other machines, so each of their files is fsynced by its writer.
        durable=opts.engine == "dask",
        extractors=opts.extractors,
        use_model=opts.use_model,
    )
    ledger = Ledger(layout.state / "ledger.sqlite")
    if not opts.resume:
        if layout.jsonl and layout.jsonl.exists():
            os.truncate(layout.jsonl, 0)
        ledger.reset()
    sink = JsonlFile(layout.jsonl, ledger.committed_end(layout.jsonl)) if layout.jsonl else None
    errors_out = open(layout.errors, "w", encoding="utf-8")
    log = open(layout.state / "workers.log", "ab") if opts.engine == "local" else None
    progress = BatchProgress(enabled=opts.progress, quiet=opts.quiet)
    exclude = layout.exclude(inputs)
    inflight: dict[str, tuple[str, os.stat_result | None]] = {}

    def commit() -> None:
        # the outputs first, then the ledger that vouches for them
        if sink:
            sink.sync()
        elif not settings.durable and layout.out_dir and layout.out_dir.exists():
            sync_filesystem(layout.out_dir)
        ledger.commit()

    def jobs() -> Iterator[Job]:
        for path in missing:  # the worker reports "file not found" like any other read error
            inflight[path] = (os.path.abspath(path), None)
            yield Job(path, os.path.abspath(path), str(layout.out_dir / (Path(path).name + ".json")) if layout.out_dir else None)
        config = settings.config()
        fresh = ledger.empty()  # a first run: no file can be done already, so no lookups
        for item in inputs.walk(exclude, skipped=True):
            if item.skip is not None:
                result.ignored += 1
                error_line(item.path, "skipped", item.skip)
                continue
            try:
                st: os.stat_result | None = os.stat(item.path)
            except OSError:
                st = None
            out = str(layout.out_dir / (item.key + ".json")) if layout.out_dir else None
            rec = None if fresh else ledger.get(item.key)
            expect = None
            if rec and rec.status == "ok" and rec.parser == PARSER_VERSION and rec.config == config and (out is None or os.path.exists(out)):
                if st is not None and (rec.size, rec.mtime_ns) == (st.st_size, st.st_mtime_ns):
                    result.skipped += 1
                    progress.advance()
                    continue
                expect = rec.sha256  # touched, perhaps not changed: the worker compares the sha256 first
            inflight[item.key] = (item.path, st)
            yield Job(item.key, item.path, out, expect)

    def record(oc: Outcome) -> None:
        path, st = inflight.pop(oc.key)
        size, mtime = (st.st_size, st.st_mtime_ns) if st else (None, None)
        if oc.status == "unchanged":
            ledger.touch(oc.key, size, mtime)
            result.skipped += 1
        elif oc.status == "ok":
            start = end = None
            if sink:
                start, end = sink.append(oc.line or "")
            ledger.put(Record(oc.key, path, size, mtime, oc.sha256, oc.parser, settings.config(), "ok", line_start=start, line_end=end))
            result.parsed += 1
            result.pages += oc.pages or 0
            result.formats[oc.format or "?"] += 1
        else:
            ledger.put(Record(oc.key, path, size, mtime, oc.sha256, oc.parser, settings.config(), "error", oc.stage, oc.message))
            result.failed += 1
            result.stages[oc.stage or "?"] += 1
            error_line(path, oc.stage or "?", oc.message or "")
            if oc.errno in OUTPUT_DEAD and result.fatal is None:
                result.fatal = oc.message
        progress.advance(error=oc.status == "error")
        if ledger.due():
            commit()

    def error_line(path: str, stage: str, message: str) -> None:
        line = {"file": display_name(path), "stage": stage, "message": display_name(message)}
        if not is_clean(path):
            line["file_raw"] = raw_name(path)  # the exact name, percent-encoded
        errors_out.write(json.dumps(line, ensure_ascii=False) + "\n")
        errors_out.flush()
        shown = result.failed + result.ignored
        if shown <= MAX_NOTES:
            progress.note(f"{'error' if stage != 'skipped' else 'skipped'}: {line['file']}: {stage}: {line['message']}")
        elif shown == MAX_NOTES + 1:
            progress.note(f"… more: see {display_name(str(layout.errors))}")

    counter = threading.Thread(target=lambda: progress.set_total(len(missing) + inputs.count(exclude)), daemon=True)
    pool: WorkerPool | None = None
    no_outcomes: tuple[Outcome, ...] = ()
    outcomes: Generator[Outcome, None, None] = (o for o in no_outcomes)
    try:
        with progress:
            if progress.shown:  # the total only feeds the bar; counting walks the whole tree a second time
                counter.start()
            if opts.engine == "dask":
                from .dask_engine import run_dask

                outcomes = run_dask(jobs(), settings, scheduler=opts.scheduler, timeout=opts.timeout, max_memory_mb=opts.max_memory_mb)
            else:
                pool = WorkerPool(opts.jobs, settings, timeout=opts.timeout, max_memory_mb=opts.max_memory_mb, stderr=log)
                outcomes = pool.run(jobs())
            for oc in outcomes:
                record(oc)
                if result.fatal:
                    break
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        outcomes.close()  # a Dask client is closed here
        if pool:
            pool.close()
        commit()
        if sink:
            sink.close()
            if ledger.stale_count():
                compact_jsonl(ledger, layout.jsonl)  # type: ignore[arg-type]
        ledger.close()
        errors_out.close()
        if log:
            log.close()
        shutil.rmtree(tmp_dir, ignore_errors=True)
        result.seconds = time.perf_counter() - t0
    return result
