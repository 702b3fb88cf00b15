"""Long fuzzing runs (issue 14): property-based inputs (hypothesis) and mutations of real material (lines,
headers, closings, citations, dates, tables, encodings, files of every format: tests/fuzz_inputs.py says what
each kind is and its share) through ``parse_text`` / ``parse_file``, checking what tests/test_fuzz.py checks:
nothing raises but a typed ReaderError naming the file, every span lies inside the text, the output serialises
as UTF-8 JSON and reads back.

    python scripts/fuzz.py --count 100000 --seed 14 --json /tmp/fuzz/s14-0.json          # one shard
    python scripts/fuzz.py --count 100000 --seed 14 --shard 1 --json /tmp/fuzz/s14-1.json
    python scripts/fuzz.py --json /tmp/fuzz/s14-0.json --resume                           # go on where it stopped
    python scripts/fuzz.py --minutes 15                                                   # as many as fit
    python scripts/fuzz.py --sum /tmp/fuzz/*.json                                         # the report, summed

Input ``i`` of shard ``K`` of seed ``S`` is made from ``random.Random("S:K:i")`` (its kind too); the ``hyp:``
inputs of a chunk come from one hypothesis run seeded the same way.  Inputs run in one long-lived worker process
(``--workers``), with an in-process CPU-time alarm per input (``--per-input`` CPU seconds, ITIMER_PROF): past it
the input is a hang.  A watchdog in this process kills a worker whose input outlives ``--wall`` seconds (the alarm
could not interrupt it) or that dies (a segfault, an abort: a crash) and starts another.  Each failing input is
saved under ``--out`` with a note (a reproducible file: ``python -m vnadmin_nlp parse FILE``, or
``parse_text(open(FILE).read())`` for text) and the run goes on.  The report (``--json``, rewritten after every
chunk, so a killed run loses at most one chunk) counts inputs by kind and outcome, the CPU time per kind, the
host's load.  OCR is off unless ``--ocr``; LibreOffice (the .doc fallback when antiword fails) is offered to
``--libreoffice-share`` of the .doc inputs (it takes seconds; the rest end in a typed error naming it).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing as mp
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(Path(__file__).resolve().parent))  # its sibling modules (tests load this file by its path)

from tests import fuzz_inputs, fuzzing  # noqa: E402
from fuzz_report import markdown, merge, new_report, save_finding, summed  # noqa: E402
from fuzz_worker import Worker, _cpu, _worker_main  # noqa: E402,F401  (Worker: tests patch it here)

EXTRA_TEXTS = (Path("/work/shared/seeds"),)


# --- the parent: seeds, the watchdog, the report ------------------------------------------------------------------

def _read_text(path: Path) -> str | None:
    from vnadmin_nlp.readers import ReaderError, read_file

    try:
        if path.suffix.lower() in (".txt", ".md"):
            return path.read_text(encoding="utf-8", errors="replace")
        return read_file(path).joined()[0]
    except (ReaderError, OSError, ValueError):
        return None


def _seed_cost(path: Path) -> float:
    """CPU seconds (with the tools it starts) of parsing one unmutated seed file."""
    from vnadmin_nlp import parse_file
    from vnadmin_nlp.readers import ReaderError

    start = _cpu()
    try:
        parse_file(path, limits=None)
    except (ReaderError, OSError):
        pass
    return _cpu() - start


def build_pool(args: argparse.Namespace) -> fuzz_inputs.Pool:
    """The real material, once per run: the text of every seed file (for the ``real:`` and ``enc`` kinds) and,
    for the ``file:`` kinds, the seed files that parse within ``--seed-ms`` CPU milliseconds (the cheapest of a
    format is kept whatever it costs): a million inputs must fit in about an hour of CPU."""
    os.environ["VNADMIN_OCR"] = "off" if not args.ocr else os.environ.get("VNADMIN_OCR", "on")
    from vnadmin_nlp.readers import ocr

    ocr.SETTINGS = dataclasses.replace(ocr.SETTINGS, enabled=bool(args.ocr))
    extra = [p for d in EXTRA_TEXTS if d.is_dir() for p in sorted(d.iterdir()) if p.suffix in (".txt", ".md")]
    seeds = fuzzing.seed_files()
    pool = fuzz_inputs.build_pool(seeds, _read_text, extra)
    costs = {p.name: _seed_cost(p) for p in seeds}
    for ext, files in pool.files.items():
        cheap = [(n, d) for n, d in files if costs[n] * 1000 <= args.seed_ms]
        pool.files[ext] = cheap or [min(files, key=lambda nd: costs[nd[0]])]
    pool.seed_costs = {n: round(c * 1000, 1) for n, c in costs.items()}
    return pool


class Supervisor:
    """One worker process and its watchdog."""

    def __init__(self, args: argparse.Namespace, pool: fuzz_inputs.Pool, slot: int) -> None:
        self.args, self.pool = args, pool
        self.current = Path(args.out) / f".current-{os.getpid()}-{slot}"
        self.ctx = mp.get_context("fork")
        self.beat = self.ctx.RawArray("d", 3)
        self.kinds, _ = fuzz_inputs.kinds(pool)
        self.proc: Any = None
        self.job: tuple[int, int] | None = None
        self.sent = 0.0

    def start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.beat[0], self.beat[1] = -1, time.monotonic()
        self.proc = self.ctx.Process(target=_worker_main, args=(child, self.args, self.pool, self.beat, self.current),
                                     daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(600) or self.conn.recv()[0] != "ready":
            raise SystemExit("the fuzz worker did not start")

    def send(self, a: int, b: int) -> None:
        if self.proc is None or not self.proc.is_alive():
            self.start()
        self.job = (a, b)
        self.beat[0], self.beat[1] = -1, time.monotonic()
        self.conn.send((a, b))

    def poll(self) -> dict[str, Any] | None:
        """The chunk's result, a made-up result for a crash or a hang, or None while it runs."""
        try:
            if self.conn.poll(0.5):
                _, out = self.conn.recv()
                if out["restart"]:
                    self._stop()
                return out
        except (EOFError, OSError):  # the pipe closed: the worker is dying (it may not be reaped yet)
            self.proc.join(30)
            status = "worker_died"
        else:
            if self.proc.is_alive() and time.monotonic() - self.beat[1] < self.args.wall:
                return None
            status = "hang" if self.proc.is_alive() else "worker_died"
        detail = (f"still running after {self.args.wall:g} s (wall; the alarm did not interrupt it)" if status == "hang"
                  else f"worker exit code {self.proc.exitcode}")
        self._stop()
        i = int(self.beat[0])
        assert self.job is not None
        if i < 0:  # died between inputs: nothing to blame; run the chunk again
            return {"a": self.job[0], "b": self.job[1], "by_kind": {}, "reader_errors": {}, "slowest": [],
                    "findings": [], "restart": True, "next": self.job[0], "retry": True}
        code = int(self.beat[2])
        is_file, kind = code >= len(self.kinds), self.kinds[code % len(self.kinds)]
        ext = kind.split(":", 1)[1] if kind.startswith("file:") else "txt"
        blob = self.current.read_bytes() if self.current.exists() else b""
        f = {"index": i, "kind": kind, "ext": ext, "what": "file" if is_file else "text", "status": status,
             "detail": detail, "blob": blob}
        return {"a": self.job[0], "b": self.job[1], "by_kind": {kind: {"inputs": 1, "cpu_seconds": 0.0,
                                                                        "outcomes": {status: 1}}},
                "reader_errors": {}, "slowest": [], "findings": [f], "restart": True, "next": i + 1, "partial": True}

    def _stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
        self.proc = None

    def close(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(5)
            self._stop()
        self.current.unlink(missing_ok=True)


def run(args: argparse.Namespace) -> dict[str, Any]:
    report_path = Path(args.json) if args.json else None
    if args.resume and report_path and report_path.exists():
        report = json.loads(report_path.read_text(encoding="utf-8"))
        args.seed, args.shard = report["seed"], report["shard"]
    else:
        report = new_report(args)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    pool = build_pool(args)
    start_index = report["next"]
    stop_index = args.shard * 10**9 + args.count if args.count else None
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    run_info = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "from": start_index, "inputs": 0,
                "cpu_seconds": 0.0, "wall_seconds": 0.0, "load": [], "nice": os.nice(0)}
    run_info["file_seeds"] = {ext: [n for n, _ in files] for ext, files in sorted(pool.files.items())}
    run_info["seed_ms"] = getattr(pool, "seed_costs", {})
    report["runs"].append(run_info)
    sups = [Supervisor(args, pool, k) for k in range(args.workers)]
    t0, last_save = time.monotonic(), 0.0
    pending: list[tuple[int, int]] = []  # chunks to run again (a worker died between inputs)
    nxt = start_index
    running: dict[int, tuple[int, int]] = {}

    stopping: list[int] = []  # SIGTERM / SIGINT: no new chunk; the running one ends and the report is written
    saved = {sig: signal.signal(sig, lambda signum, frame: stopping.append(signum))
             for sig in (signal.SIGTERM, signal.SIGINT)}

    def more() -> bool:
        return ((stop_index is None or nxt < stop_index) and (deadline is None or time.monotonic() < deadline)
                and not (args.count == 0 and deadline is None) and not stopping)

    try:
        while True:
            for k, sup in enumerate(sups):
                if k in running:
                    continue
                if pending:
                    a, b = pending.pop()
                elif more():
                    a, b = nxt, nxt + args.chunk if stop_index is None else min(nxt + args.chunk, stop_index)
                    nxt = b
                else:
                    continue
                sup.send(a, b)
                running[k] = (a, b)
            if not running:
                break
            for k in list(running):
                out = sups[k].poll()
                if out is None:
                    continue
                del running[k]
                merge(report, out)
                for f in out["findings"]:
                    save_finding(args, report, f)
                if out["next"] < out["b"]:
                    pending.append((out["next"], out["b"]))
            done_upto = min([a for a, _ in running.values()] + [a for a, _ in pending] + [nxt])
            report["next"] = done_upto
            now = time.monotonic()
            if now - last_save > 20 or not running:
                last_save = now
                run_info["load"].append(round(os.getloadavg()[0], 1))
                run_info["wall_seconds"] = round(now - t0, 1)
                run_info["inputs"] = report["inputs"] - sum(r["inputs"] for r in report["runs"][:-1])
                if report_path:
                    report_path.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
                if args.progress:
                    print(f"{run_info['inputs']:>9} inputs, {report['cpu_seconds']:.0f} CPU s in all, "
                          f"{run_info['inputs'] / max(now - t0, 1e-9):.0f}/s wall, load {os.getloadavg()[0]:.1f}",
                          flush=True)
    finally:
        for sup in sups:
            sup.close()
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    run_info["wall_seconds"] = round(time.monotonic() - t0, 1)
    run_info["inputs"] = report["inputs"] - sum(r["inputs"] for r in report["runs"][:-1])
    run_info["cpu_seconds"] = round(report["cpu_seconds"] - sum(r["cpu_seconds"] for r in report["runs"][:-1]), 1)
    report["wall_seconds"] = round(sum(r["wall_seconds"] for r in report["runs"]), 1)
    if report_path:
        report_path.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=0, help="inputs in this shard (0: as many as --minutes allows)")
    ap.add_argument("--minutes", type=float, default=0.0, help="stop after this long (0: at --count)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--shard", type=int, default=0, help="inputs K*10^9 ... of the seed (runs that add up)")
    ap.add_argument("--resume", action="store_true", help="go on from the --json report of an earlier run")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=2000, help="inputs sent to a worker at a time")
    ap.add_argument("--per-input", type=float, default=20.0, help="CPU seconds before an input counts as a hang")
    ap.add_argument("--wall", type=float, default=600.0, help="wall seconds before the watchdog kills a worker")
    ap.add_argument("--memory", type=int, default=2048, help="MB of address space per worker (0: no limit)")
    ap.add_argument("--seed-ms", type=float, default=40.0, help="CPU ms a seed file may take to be mutated")
    ap.add_argument("--libreoffice-share", type=float, default=0.05, help="share of .doc inputs offered LibreOffice")
    ap.add_argument("--out", default="/tmp/vnadmin-fuzz", help="folder for the inputs that failed")
    ap.add_argument("--json", help="the report of this shard (rewritten as it goes; --resume reads it)")
    ap.add_argument("--sum", nargs="+", metavar="REPORT", help="sum these reports (markdown on stdout) and stop")
    ap.add_argument("--ocr", action="store_true", help="leave OCR on")
    ap.add_argument("--progress", action="store_true", help="a line every 20 seconds")
    ap.add_argument("--no-surrogates", dest="surrogates", action="store_false",
                    help="keep lone surrogates out of generated text")
    args = ap.parse_args(argv)
    if args.sum:
        total = summed(args.sum)
        print(markdown(total))
        for f in total["findings"]:
            print(f"- {f['status']} on {f['kind']}: {f['file']}")
        return 1 if total["findings"] else 0
    if not args.count and not args.minutes:
        args.minutes = 1.0
    report = run(args)
    print(markdown(summed([args.json]) if args.json else {**report, "reports": [report], "load": report["runs"][-1]["load"]}))
    return 1 if report["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
