"""The report of ``fuzz.py``: counts by kind and outcome merged chunk by chunk, failing inputs saved with a note,
reports of several runs summed and written as Markdown.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import fuzz_inputs  # noqa: E402
from fuzz_worker import FAILURES  # noqa: E402


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
