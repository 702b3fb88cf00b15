#!/usr/bin/env python
"""Text throughput on real documents, import cost, worker speed-up and the cost of ``parse_file``'s limits.

    .venv/bin/python benchmarks/text_benchmark.py            # measure, print, and write the block in docs/performance.md
    .venv/bin/python benchmarks/text_benchmark.py --quick    # few documents and rounds: checks the script, not the numbers

Inputs: the vbpl.vn pages of the development set (``build/devset/vbpl``, or ``$VNADMIN_VBPL``), their text
extracted once with ``read_file`` (the HTML reader is not what is measured here).  Every figure is CPU time
(``time.process_time``, or ``getrusage`` with the children), each comparison interleaved in one loop (baseline,
ours, baseline, ours …), the best of the rounds kept per document:

1. throughput: ``parse_text`` of each text beside its baseline, reading the same text from a file and putting it
   in NFC (``Path.read_text`` + ``unicodedata.normalize``), on the pages of 5–20 KB and on the whole set; per
   document median and worst;
2. stages: CPU per stage (normalise, zoning, each extractor) and cProfile's top functions;
3. import: a fresh interpreter's CPU to ``import vnadmin_nlp`` and parse a first text, beside the bare interpreter;
4. workers: the batch engine with 1 and 2 workers over the same folder, beside a pure-Python control run with 1 and
   2 processes in the same rounds (what the host gives two processes at that moment; ``--only workers``: this
   section alone, printed as JSON);
5. ``parse_file`` per call on small files: with its default limits (parsed here under an interval timer), the same
   sent to the parse worker as other formats are, without limits, and ``parse_text`` alone (``--only parse_file``:
   this section alone, printed).

Work files go to a temporary folder, removed at the end.  The results replace the block between ``<!-- BEGIN perf-text -->`` and ``<!-- END perf-text -->`` of
docs/performance.md (the rest of the file is left as it is).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks

from text_measures import (  # noqa: E402
    WORK, import_breakdown, import_cost, kb, load_texts, parse_file_cost, stages, throughput, workers,
)
from text_report import load, render, write_doc  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="few documents and rounds (checks the script)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument("--render", type=Path, metavar="JSON", help="no measuring: render the results --json wrote")
    ap.add_argument("--only", choices=["parse_file", "workers"], help="one section alone, printed (nothing written)")
    args = ap.parse_args()
    if args.only == "parse_file":
        WORK.mkdir(parents=True, exist_ok=True)
        try:
            mid = [t for t in load_texts(30 if args.quick else None).values() if 5 <= kb(t) <= 20]
            print(f"load {load()}")
            for k, v in parse_file_cost(mid[:40], 1 if args.quick else 5).items():
                print(f"{k}: {v:.2f} ms")
            print(f"load {load()}")
        finally:
            shutil.rmtree(WORK, ignore_errors=True)
        return
    if args.only == "workers":
        WORK.mkdir(parents=True, exist_ok=True)
        try:
            mid = [t for t in load_texts(30 if args.quick else None).values() if 5 <= kb(t) <= 20]
            print(f"load {load()}")
            print(json.dumps(workers(mid, 1 if args.quick else 4, 1 if args.quick else 3, 2_000_000 if args.quick else 15_000_000)))
            print(f"load {load()}")
        finally:
            shutil.rmtree(WORK, ignore_errors=True)
        return
    if args.render:
        block = render(json.loads(args.render.read_text(encoding="utf-8")))
        print(block)
        if not args.no_write:
            write_doc(block)
        return
    WORK.mkdir(parents=True, exist_ok=True)
    rounds = 1 if args.quick else 5
    try:
        texts = load_texts(30 if args.quick else None)
        mid = {n: t for n, t in texts.items() if 5 <= kb(t) <= 20}
        r: dict[str, Any] = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
        r["load_throughput"] = load()
        r["throughput"] = {"5-20": throughput(mid, rounds, WORK / "texts"), "all": throughput(texts, max(1, rounds - 2), WORK / "texts")}
        r["load_stages"] = load()
        r["stages"], r["profile"] = stages(list(mid.values()), rounds)
        r["load_import"] = load()
        r["import"] = import_cost(3 if args.quick else 7)
        r["import_breakdown"] = import_breakdown(3 if args.quick else 5)
        r["load_workers"] = load()
        r["workers"] = workers(list(mid.values()), 1 if args.quick else 4, 1 if args.quick else 3, 2_000_000 if args.quick else 15_000_000)
        r["load_parse_file"] = load()
        r["parse_file"] = parse_file_cost(list(mid.values())[:40], rounds)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    block = render(r)
    print(block)
    if args.json:
        args.json.write_text(json.dumps(r, indent=1, ensure_ascii=False), encoding="utf-8")
    if not args.no_write:
        write_doc(block)


if __name__ == "__main__":
    main()
