"""Long fuzzing runs (issue 14): generated text through ``parse_text`` and mutated real files of every format
through ``parse_file``, checking that nothing raises but a typed ReaderError, nothing hangs, every span lies
inside the text and the output serialises as UTF-8 JSON.

    python scripts/fuzz.py --minutes 15                 # report on stdout, findings under /tmp/vnadmin-fuzz/
    python scripts/fuzz.py --minutes 60 --seed 7 --json report.json --per-input 20 --memory 2048

Inputs run in a worker process: one that outlives ``--per-input`` seconds is a hang (the worker is killed and
replaced), one that kills its worker is a crash (a segfault, an abort), one over ``--memory`` MB of address
space is reported as such.  Each finding is saved with a note of what failed; make it a regression fixture
(small, under tests/fixtures/hostile/) once fixed.  OCR is off unless ``--ocr`` (tesseract on mutated scans is
slow and is not the parser).
"""
from __future__ import annotations

import argparse
import collections
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import fuzzing  # noqa: E402


def _worker(conn: Any, memory_mb: int, ocr: bool) -> None:
    if not ocr:
        os.environ["VNADMIN_OCR"] = "off"
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from vnadmin_nlp import parse_file, parse_text
    from vnadmin_nlp.readers import ReaderError

    tmp = Path(tempfile.mkdtemp(prefix="vnadmin-fuzz-"))
    while True:
        job = conn.recv()
        if job is None:
            break
        kind, payload, ext = job
        start = time.perf_counter()
        status, detail = "ok", ""
        try:
            if kind == "text":
                doc = parse_text(payload)
            else:
                path = tmp / f"input.{ext}"
                path.write_bytes(payload)
                doc = parse_file(path)
            problems = fuzzing.check_document(doc)
            if problems:
                status, detail = "invariant", "; ".join(problems)
        except ReaderError as exc:
            status, detail = f"reader_error:{exc.code}", str(exc)[:200]
        except MemoryError:
            status, detail = "memory", traceback.format_exc(limit=-8)
        except BaseException:  # noqa: BLE001 - any other exception is the finding
            status, detail = "crash", traceback.format_exc(limit=-8)
        conn.send((status, detail, time.perf_counter() - start))


class Runner:
    def __init__(self, per_input: float, memory_mb: int, ocr: bool) -> None:
        self.per_input, self.memory_mb, self.ocr = per_input, memory_mb, ocr
        self.ctx = mp.get_context("fork")
        self.proc: Any = None
        self.conn: Any = None

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.memory_mb, self.ocr), daemon=True)
        self.proc.start()

    def run(self, job: tuple[str, Any, str]) -> tuple[str, str, float]:
        if self.proc is None or not self.proc.is_alive():
            self._start()
        start = time.perf_counter()
        self.conn.send(job)
        if self.conn.poll(self.per_input):
            try:
                return self.conn.recv()
            except EOFError:
                pass
        elapsed = time.perf_counter() - start
        alive = self.proc.is_alive()
        self.proc.kill()
        self.proc.join()
        code = self.proc.exitcode
        self.proc = None
        if alive:
            return "hang", f"still running after {self.per_input:.0f} s", elapsed
        return "worker_died", f"worker exit code {code}", elapsed

    def close(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            self.conn.send(None)
            self.proc.join(5)
            if self.proc.is_alive():
                self.proc.kill()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--per-input", type=float, default=20.0, help="seconds before an input counts as a hang")
    ap.add_argument("--memory", type=int, default=2048, help="MB of address space per worker (0: no limit)")
    ap.add_argument("--text-share", type=float, default=0.5, help="share of inputs that are generated text")
    ap.add_argument("--out", default="/tmp/vnadmin-fuzz", help="folder for the inputs that failed")
    ap.add_argument("--json", help="write the report here")
    ap.add_argument("--ocr", action="store_true", help="leave OCR on")
    ap.add_argument("--no-surrogates", dest="surrogates", action="store_false", help="keep lone surrogates out of generated text")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    seeds = [(p, p.suffix.lower().lstrip("."), p.read_bytes()) for p in fuzzing.seed_files()]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    runner = Runner(args.per_input, args.memory, args.ocr)
    counts: collections.Counter[str] = collections.Counter()
    statuses: collections.Counter[str] = collections.Counter()
    findings: list[dict[str, Any]] = []
    slowest: list[tuple[float, str]] = []
    deadline = time.monotonic() + args.minutes * 60
    n = 0
    try:
        while time.monotonic() < deadline:
            n += 1
            if rng.random() < args.text_share or not seeds:
                r = rng.random()
                if r < 0.6:
                    payload: Any = fuzzing.vietnamese_text(rng, rng.choice((5, 50, 300, 2000)), args.surrogates)
                elif r < 0.8:
                    seed_path, ext, data = rng.choice(seeds) if seeds else (None, "txt", b"")
                    payload = fuzzing.mutate(data if ext in ("txt", "md") else b"", rng).decode("utf-8", "replace")
                    if args.surrogates and rng.random() < 0.1:
                        payload += "\ud800"
                else:
                    payload = "".join(fuzzing.any_char(rng, args.surrogates) for _ in range(rng.randrange(1, 500)))
                job, label = ("text", payload, "txt"), "text"
            else:
                seed_path, ext, data = rng.choice(seeds)
                job, label = ("file", fuzzing.mutate_file(data, ext, rng), ext), f"file:{ext}"
            counts[label] += 1
            status, detail, seconds = runner.run(job)
            statuses[status.split(":")[0] if status.startswith("reader_error") else status] += 1
            if status.startswith("reader_error"):
                statuses[status] += 1
            slowest.append((seconds, label))
            slowest = sorted(slowest, reverse=True)[:5]
            if status in ("crash", "invariant", "hang", "worker_died", "memory"):
                name = f"{status}-{len(findings):03d}.{job[2]}"
                blob = job[1].encode("utf-8", "surrogatepass") if job[0] == "text" else job[1]
                (out / name).write_bytes(blob)
                (out / (name + ".note")).write_text(f"{label}\n{status}\n{detail}\n", encoding="utf-8")
                findings.append({"file": str(out / name), "input": label, "status": status, "detail": detail[-600:]})
                print(f"[{n}] {status} on {label}: {detail.strip().splitlines()[-1] if detail.strip() else ''}",
                      flush=True)
    finally:
        runner.close()
    report = {
        "minutes": args.minutes, "seed": args.seed, "inputs": n, "by_input": dict(counts),
        "outcomes": dict(statuses), "findings": findings,
        "slowest_seconds": [[round(s, 2), lbl] for s, lbl in slowest],
        "seeds": [str(p) for p, _, _ in seeds],
    }
    print(json.dumps({k: v for k, v in report.items() if k not in ("findings", "seeds")}, indent=1))
    print(f"{len(findings)} finding(s) saved under {out}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
