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
import collections
import dataclasses
import json
import multiprocessing as mp
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
EXTRA_TEXTS = (Path("/work/shared/seeds"),)


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


def new_report(args: argparse.Namespace) -> dict[str, Any]:
    return {"seed": args.seed, "shard": args.shard, "inputs": 0, "next": args.shard * 10**9,
            "cpu_seconds": 0.0, "wall_seconds": 0.0, "runs": [], "by_kind": {}, "outcomes": {}, "reader_errors": {},
            "findings": [], "slowest": [], "harness": [], "mix": fuzz_inputs.MIX, "per_input": args.per_input,
            "surrogates": args.surrogates, "ocr": args.ocr}


def merge(report: dict[str, Any], out: dict[str, Any]) -> None:
    for kind, k in out["by_kind"].items():
        r = report["by_kind"].setdefault(kind, {"inputs": 0, "cpu_seconds": 0.0, "outcomes": {}})
        r["inputs"] += k["inputs"]
        r["cpu_seconds"] += k["cpu_seconds"]
        report["inputs"] += k["inputs"]
        report["cpu_seconds"] += k["cpu_seconds"]
        for s, n in k["outcomes"].items():
            r["outcomes"][s] = r["outcomes"].get(s, 0) + n
            report["outcomes"][s] = report["outcomes"].get(s, 0) + n
    for code, n in out["reader_errors"].items():
        report["reader_errors"][code] = report["reader_errors"].get(code, 0) + n
    report["slowest"] = sorted(report["slowest"] + out["slowest"], reverse=True)[:10]
    report["harness"] += out.get("harness", [])


def save_finding(args: argparse.Namespace, report: dict[str, Any], f: dict[str, Any]) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = f"{f['status']}-s{args.seed}-k{args.shard}-i{f['index']}.{f['ext']}"
    (out / name).write_bytes(f["blob"])
    (out / (name + ".note")).write_text(f"{f['kind']} ({f['what']})\n{f['status']}\n{f['detail']}\n", encoding="utf-8")
    report["findings"].append({k: v for k, v in f.items() if k != "blob"} | {"file": str(out / name)})
    print(f"[{f['index']}] {f['status']} on {f['kind']}: {f['detail'].strip().splitlines()[-1:] or ''} -> {out / name}",
          flush=True)


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


def summed(paths: list[str]) -> dict[str, Any]:
    """Reports of several runs and shards, summed (inputs, CPU, outcomes by kind, findings)."""
    total: dict[str, Any] = {"reports": [], "inputs": 0, "cpu_seconds": 0.0, "wall_seconds": 0.0, "by_kind": {},
                             "outcomes": {}, "reader_errors": {}, "findings": [], "slowest": [], "harness": [],
                             "load": []}
    for p in paths:
        r = json.loads(Path(p).read_text(encoding="utf-8"))
        total["reports"].append({"file": p, "seed": r["seed"], "shard": r["shard"], "inputs": r["inputs"],
                                 "cpu_seconds": round(r["cpu_seconds"]), "wall_seconds": r["wall_seconds"]})
        merge(total, {"by_kind": r["by_kind"], "reader_errors": r["reader_errors"], "slowest": r["slowest"],
                      "harness": r["harness"]})
        total["wall_seconds"] += sum(run["wall_seconds"] for run in r["runs"])  # a killed run's last save counts
        total["findings"] += r["findings"]
        total["load"] += [x for run in r["runs"] for x in run["load"]]
    return total


def markdown(total: dict[str, Any]) -> str:
    load = total["load"] or [0]
    o = total["outcomes"]
    lines = [f"{total['inputs']:,} inputs in {len(total['reports'])} report(s), {total['cpu_seconds'] / 60:.1f} CPU "
             f"minutes ({total['inputs'] / max(total['cpu_seconds'], 1e-9):.0f} inputs per CPU second), "
             f"{total['wall_seconds'] / 60:.0f} minutes of wall time; load average "
             f"{min(load):.0f}–{max(load):.0f} (mean {sum(load) / len(load):.0f}) on 2 cores.", "",
             "| kind | inputs | CPU ms per input | ok | ReaderError | crash | hang | worker died | memory | invariant |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for kind, k in sorted(total["by_kind"].items()):
        ko = k["outcomes"]
        lines.append(f"| {kind} | {k['inputs']:,} | {1000 * k['cpu_seconds'] / max(k['inputs'], 1):.1f} | "
                     + " | ".join(f"{ko.get(s, 0):,}" for s in ("ok", "reader_error", *FAILURES[:1], "hang",
                                                                  "worker_died", "memory", "invariant")) + " |")
    lines.append(f"| **all** | **{total['inputs']:,}** | {1000 * total['cpu_seconds'] / max(total['inputs'], 1):.1f} | "
                 + " | ".join(f"{o.get(s, 0):,}" for s in ("ok", "reader_error", "crash", "hang", "worker_died",
                                                           "memory", "invariant")) + " |")
    lines += ["", "ReaderError codes: " + ", ".join(f"{c} {n:,}" for c, n in sorted(total["reader_errors"].items())),
              "", f"Slowest inputs (CPU s, kind, index): {total['slowest'][:5]}"]
    return "\n".join(lines)


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
