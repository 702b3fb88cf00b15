"""The worker process of ``fuzz.py``: it makes each input from its seed, runs it through ``parse_text`` /
``parse_file`` under an in-process CPU-time alarm, checks the invariants and sends back each chunk's outcomes.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import fuzz_inputs, fuzzing  # noqa: E402

FAILURES = ("crash", "invariant", "hang", "worker_died", "memory")


class InputTimeout(BaseException):
    """Raised by the CPU-time alarm inside the parse (a BaseException: a parser's ``except Exception`` does not
    swallow it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise InputTimeout()


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class Worker:
    """The child side: runs chunks of inputs, reports counts and failures per chunk."""

    def __init__(self, args: argparse.Namespace, pool: fuzz_inputs.Pool, beat: Any, current: Path) -> None:
        self.args, self.pool, self.beat, self.current = args, pool, beat, current
        self.kinds, self.weights = fuzz_inputs.kinds(pool)
        self.tmp = Path(tempfile.mkdtemp(prefix="vnadmin-fuzz-"))

    def setup(self) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
        if not self.args.ocr:
            os.environ["VNADMIN_OCR"] = "off"
        if self.args.memory:
            limit = self.args.memory * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        signal.signal(signal.SIGPROF, _on_alarm)
        from vnadmin_nlp import parse_file, parse_text
        from vnadmin_nlp.readers import ReaderError, doc, ocr

        self.parse_file, self.parse_text, self.ReaderError = parse_file, parse_text, ReaderError
        ocr.SETTINGS = dataclasses.replace(ocr.SETTINGS, enabled=bool(self.args.ocr))
        self.use_lo = True
        real_which = doc.shutil.which

        class _Which:  # LibreOffice only for the share of .doc inputs that is offered it
            @staticmethod
            def which(name: str) -> str | None:
                if name in ("soffice", "libreoffice") and not self.use_lo:
                    return None
                return real_which(name)

            def __getattr__(self, name: str) -> Any:
                return getattr(doc.shutil, name)

        doc.shutil = _Which()  # type: ignore[assignment]
        self.strategies = fuzz_inputs.hypothesis_strategies(self.pool, self.args.surrogates)

    def rng(self, i: int) -> random.Random:
        return random.Random(f"{self.args.seed}:{self.args.shard}:{i}")

    def kind_of(self, i: int) -> str:
        return self.rng(i).choices(self.kinds, self.weights)[0]

    def one(self, i: int, kind: str, job: tuple[str, Any, str], out: dict[str, Any]) -> None:
        """Run one input under the alarm; count it; keep it when it fails."""
        what, payload, ext = job
        blob = payload.encode("utf-8", "surrogatepass") if what == "text" else payload
        self.current.write_bytes(blob)
        self.beat[0], self.beat[1] = i, time.monotonic()
        self.beat[2] = len(self.kinds) + self.kinds.index(kind) if what == "file" else self.kinds.index(kind)
        status, detail = "ok", ""
        path = self.tmp / f"input.{ext}"
        start = _cpu()
        signal.setitimer(signal.ITIMER_PROF, self.args.per_input)
        try:
            if what == "text":
                doc = self.parse_text(payload)
            else:
                path.write_bytes(payload)
                if ext == "doc":
                    self.use_lo = random.Random(i).random() < self.args.libreoffice_share
                doc = self.parse_file(path, limits=None)
            signal.setitimer(signal.ITIMER_PROF, 0)
            problems = fuzzing.check_document(doc)
            if problems:
                status, detail = "invariant", "; ".join(problems)
        except InputTimeout:
            status, detail = "hang", f"over {self.args.per_input:g} CPU seconds (in-process alarm)"
        except self.ReaderError as exc:
            signal.setitimer(signal.ITIMER_PROF, 0)
            status, detail = f"reader_error:{exc.code}", str(exc)[:200]
            if str(path) not in str(exc):
                status, detail = "invariant", f"ReaderError does not name the file: {str(exc)[:300]}"
        except MemoryError:
            signal.setitimer(signal.ITIMER_PROF, 0)
            status, detail = "memory", traceback.format_exc(limit=-8)
        except BaseException:  # noqa: BLE001 - any other exception is the finding
            signal.setitimer(signal.ITIMER_PROF, 0)
            status, detail = "crash", traceback.format_exc(limit=-8)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        seconds = _cpu() - start
        k = out["by_kind"].setdefault(kind, {"inputs": 0, "cpu_seconds": 0.0, "outcomes": {}})
        k["inputs"] += 1
        k["cpu_seconds"] += seconds
        key = status.split(":")[0]
        k["outcomes"][key] = k["outcomes"].get(key, 0) + 1
        if key == "reader_error":
            out["reader_errors"][status[13:]] = out["reader_errors"].get(status[13:], 0) + 1
        out["slowest"].append([round(seconds, 3), kind, i])
        out["slowest"] = sorted(out["slowest"], reverse=True)[:5]
        if status in FAILURES:
            out["findings"].append({"index": i, "kind": kind, "ext": ext, "what": what, "status": status,
                                    "detail": detail[-1500:], "blob": blob})
            out["restart"] = out["restart"] or status == "hang"

    def chunk(self, a: int, b: int) -> dict[str, Any]:
        out: dict[str, Any] = {"a": a, "b": b, "by_kind": {}, "reader_errors": {}, "slowest": [], "findings": [],
                               "restart": False, "next": b}
        hyp: dict[str, list[int]] = collections.defaultdict(list)
        for i in range(a, b):
            kind = self.kind_of(i)
            if kind.startswith("hyp:"):
                hyp[kind].append(i)
                continue
            self.one(i, kind, fuzz_inputs.make(kind, self.pool, self.rng(i), self.args.surrogates), out)
            if out["restart"]:  # a timed-out parse may have left the process in any state: a fresh worker
                out["next"] = i + 1
                return out
        for kind, indexes in sorted(hyp.items()):
            if not self._hypothesis(kind, indexes, out, a):
                return out
        return out

    def _hypothesis(self, kind: str, indexes: list[int], out: dict[str, Any], a: int) -> bool:
        from hypothesis import HealthCheck, Phase, given, seed, settings

        todo = list(indexes)

        @seed(int.from_bytes(f"{self.args.seed}:{self.args.shard}:{a}:{kind}".encode(), "big") % 2**64)
        @settings(max_examples=len(todo), database=None, phases=[Phase.generate], deadline=None,
                  suppress_health_check=list(HealthCheck), derandomize=False)
        @given(self.strategies[kind])
        def run(text: str) -> None:
            if todo and not out["restart"]:
                self.one(todo.pop(0), kind, ("text", text, "txt"), out)

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - the engine's own complaints are not the parser's
            out.setdefault("harness", []).append(f"{kind}: {type(exc).__name__}: {str(exc)[:200]}")
        if out["restart"]:  # the rest of the chunk is dropped (its other inputs already ran)
            return False
        return True


def _worker_main(conn: Any, args: argparse.Namespace, pool: fuzz_inputs.Pool, beat: Any, current: Path) -> None:
    w = Worker(args, pool, beat, current)
    w.setup()
    conn.send(("ready", None))
    while True:
        job = conn.recv()
        if job is None:
            return
        out = w.chunk(*job)
        conn.send(("chunk", out))
        if out["restart"]:
            return
