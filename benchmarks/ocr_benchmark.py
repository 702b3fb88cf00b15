#!/usr/bin/env python
"""OCR of scans: our reader's CPU per page beside tesseract run directly on the same pages, and a batch of scans
on both cores (issue 12's speed item, issue 15's ≤ 1.1× target).

    .venv/bin/python benchmarks/ocr_benchmark.py               # measure, print, write the "ocr-scans" block of docs/performance.md
    .venv/bin/python benchmarks/ocr_benchmark.py --quick       # two files, one round: checks the script, not the numbers
    .venv/bin/python benchmarks/ocr_benchmark.py --no-write    # print the block only

Inputs: the Lâm Đồng PDFs whose gold says ``layer: none`` (pages with no text layer: every page is OCR'd), files
in ``../shared/devset/lamdong``.  CPU time of this process plus its finished children (tesseract runs as a child
process), so that other work on a shared host moves the figures less than wall time would.  Per file, in turns
(ours, direct, ours, direct …), the best of the rounds:

- **direct**: each page rendered by pdfium at the reader's dpi (its red channel, as the reader prepares it) and
  tesseract run once on it, with the reader's language, page segmentation and one thread; rendering timed apart;
- **ours**: ``read_file`` (the page reading, its psm-6 retry when a band of ink was dropped, the header and
  closing regions read again, the Số and date lines read again), with the tesseract calls counted by kind.

Then a batch: ``vnadmin-nlp parse`` of the same scans with ``-j 2`` into a temporary folder, its wall time and its
children's CPU time; CPU / wall near 2 means both cores were kept busy.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from formats_benchmark import cpu, tesseract_direct  # noqa: E402  (one baseline for both benchmarks)
from perf_doc import put_block  # noqa: E402

from vnadmin_nlp.readers import ocr, read_file  # noqa: E402

SHARED = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared"))
LAMDONG = SHARED / "devset" / "lamdong"
GOLD = ROOT / "fixtures" / "gold" / "devset" / "lamdong"
DOC = ROOT / "docs" / "performance.md"
NAME = "ocr-scans"


def scans() -> list[Path]:
    files = []
    for gold in sorted(GOLD.glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        if data.get("layer") == "none":
            path = LAMDONG / data["file"]
            if path.exists():
                files.append(path)
    return files


CALLS: Counter[str] = Counter()


def _count_calls() -> None:
    """Count tesseract calls by kind: psm 3 = page, psm 6 on a whole page = retry, psm 6 on a crop = region,
    psm 7 = a field line (several crops of a page read in one process, :func:`ocr.read_many`, count once)."""
    original = ocr._tesseract

    def counted(image: Any, psm: int, *args: Any, **kwargs: Any) -> Any:
        kind = {3: "page", 7: "line"}.get(psm, "region")
        if psm == 6 and image.height > 1500:
            kind = "retry"
        CALLS[kind] += 1
        return original(image, psm, *args, **kwargs)

    ocr._tesseract = counted  # type: ignore[assignment]
    many = getattr(ocr, "read_many", None)
    if many is None:  # a tree from before crops were read together
        return

    def counted_many(images: list[Any], psm: int, *args: Any, **kwargs: Any) -> Any:
        if len(images) > 1:  # one process for several crops (a single one goes through _tesseract, counted there)
            CALLS[{7: "line"}.get(psm, "region")] += 1
        return many(images, psm, *args, **kwargs)

    ocr.read_many = counted_many  # type: ignore[assignment]


def measure(files: list[Path], rounds: int) -> list[dict[str, Any]]:
    rows = []
    for f in files:
        best = {"ours": float("inf"), "direct": float("inf"), "render": float("inf")}
        pages = 0
        calls: Counter[str] = Counter()
        for _ in range(rounds):
            CALLS.clear()
            t0 = cpu()
            read_file(f)
            best["ours"] = min(best["ours"], cpu() - t0)
            calls = Counter(CALLS)
            pages, render, tess = tesseract_direct(f)
            best["render"] = min(best["render"], render)
            best["direct"] = min(best["direct"], tess + render)
        rows.append({"file": f.name, "pages": pages, "calls": dict(calls), **best})
        print(f"{f.name}: {pages} p, ours {best['ours']:.2f} s, direct {best['direct']:.2f} s, calls {dict(calls)}", file=sys.stderr)
    return rows


def batch(files: list[Path], jobs: int) -> dict[str, float]:
    """``vnadmin-nlp parse`` of the files with ``jobs`` workers: wall s, children CPU s."""
    work = Path(tempfile.mkdtemp(prefix="vnadmin-ocr-bench-"))
    try:
        inputs = work / "in"
        inputs.mkdir()
        for f in files:
            (inputs / f.name).symlink_to(f)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "vnadmin_nlp", "parse", str(inputs), "-o", str(work / "out"), "-j", str(jobs),
             "--no-resume", "--follow-links"],
            cwd=ROOT, capture_output=True, check=False, env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return {"wall": wall, "cpu": used}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(rows: list[dict[str, Any]], runs: dict[str, float], jobs: int, load: str, rounds: int) -> str:
    pages = sum(r["pages"] for r in rows)
    ours = sum(r["ours"] for r in rows)
    base = sum(r["direct"] for r in rows)
    calls: Counter[str] = Counter()
    for r in rows:
        calls.update(r["calls"])
    s = ocr.SETTINGS
    lines = [
        f"<!-- BEGIN {NAME} -->",
        f"### OCR of scans: `read_file` against tesseract direct ({len(rows)} Lâm Đồng scans, {pages} pages)",
        "",
        f"`benchmarks/ocr_benchmark.py`, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; load {load} at the start; "
        f"best of {rounds} rounds per file, CPU time of the process and its tesseract children; "
        f"tesseract {s.lang}, psm {s.psm}, {s.dpi} dpi, {s.preprocess}, one thread per process.",
        "",
        "| | CPU s per page | pages per CPU-second | ratio to direct |",
        "|---|---:|---:|---:|",
        f"| tesseract direct (render + one call per page) | {base / pages:.2f} | {pages / base:.2f} | 1.00× |",
        f"| `read_file` (ours) | {ours / pages:.2f} | {pages / ours:.2f} | {ours / base:.2f}× |",
        "",
        "Tesseract calls per page of ours: "
        + ", ".join(f"{k} {v / pages:.2f}" for k, v in sorted(calls.items()))
        + " (page: the psm 3 reading; retry: psm 6 on the whole page when a band of ink was dropped; region: a "
        "header or closing column read again at the region resolution, only where the page's text there scores "
        "below the clean bar; line: the Số and date lines read again).",
        "",
        "| scan | pages | direct s | ours s | ratio | calls |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        detail = ", ".join(f"{k} {v}" for k, v in sorted(r["calls"].items()))
        lines.append(f"| {r['file']} | {r['pages']} | {r['direct']:.2f} | {r['ours']:.2f} | {r['ours'] / r['direct']:.2f}× | {detail} |")
    if runs:
        lines += [
            "",
            f"Batch: `vnadmin-nlp parse` of the {len(rows)} scans with `-j {jobs}`: wall {runs['wall']:.1f} s, "
            f"CPU {runs['cpu']:.1f} s, CPU / wall {runs['cpu'] / runs['wall']:.2f} (2.00 = both cores busy the whole "
            f"time; the host was shared, load {load}); {pages / runs['wall']:.2f} pages per second of wall time.",
        ]
    lines.append(f"<!-- END {NAME} -->")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-batch", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="only the first N scans (0: all)")
    args = ap.parse_args()
    files = scans()[: args.limit or None]
    rounds = args.rounds
    if args.quick:
        files, rounds = files[:2], 1
    a, b, c = os.getloadavg()
    load = f"{a:.2f} / {b:.2f} / {c:.2f}"
    _count_calls()
    rows = measure(files, rounds)
    runs = {} if args.no_batch else batch(files, args.jobs)
    block = report(rows, runs, args.jobs, load, rounds)
    print(block)
    if not args.no_write and not args.quick:
        put_block(DOC, NAME, block, new_at="## Linking a corpus")


if __name__ == "__main__":
    main()
