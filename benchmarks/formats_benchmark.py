#!/usr/bin/env python
"""PDF, DOCX and OCR readers on real files, each beside the library underneath, measured in the same run (issue 15).

    .venv/bin/python benchmarks/formats_benchmark.py              # writes the "PDF, DOCX and OCR" block of docs/performance.md
    .venv/bin/python benchmarks/formats_benchmark.py --quick      # a few files: checks the script, not the numbers
    .venv/bin/python benchmarks/formats_benchmark.py --no-write   # print the block only

CPU time of this process (``time.process_time``), plus that of its finished children for OCR (tesseract), so that
other work on a shared host moves the figures less than wall time would.  For each file the contenders run one
after the other (A B C A B C …) and the best of the rounds is kept per file and contender:

- PDF with a text layer: the Lâm Đồng PDFs whose gold says ``layer: text`` (``fixtures/gold/devset/lamdong``,
  files in ``../shared/devset/lamdong``).  Baselines: pdfium's own text (open, load each page, its text page,
  ``get_text_range``); the pdfium floor, i.e. the pdfium calls the reader makes with nothing of ours around them
  (the same, plus annotations flattened as the reader does and one loose glyph box per character); pdfplumber
  ``extract_text`` of every page.  Ours: ``read_file`` and ``parse_file``.
- DOCX: every .docx of ``../shared/corpus``.  Baseline: python-docx loading the file and iterating its paragraphs
  and table cells.  Ours: ``read_file`` and ``parse_file``.
- ``parse_file`` runs each file in the parse worker under the time and memory limits (pipeline.run_bounded,
  files/worker.py: one child process reused from file to file): its CPU is this process's (the request, the
  answer unpickled) plus the worker's (``/proc/<pid>/schedstat``).  ``parse_file(limits=None)``, the same parse
  in this process, is timed in a pass of its own after the others: the difference is what the isolation costs
  per file.
- OCR: the pages of the Lâm Đồng scans (``layer: none``).  Baseline: tesseract run directly, once per page, on
  the page image the reader gives it (rendered by pdfium at the reader's dpi, its red channel), with the
  reader's language, page segmentation and one thread; the rendering is timed apart.  Ours: ``read_file`` (every
  reading the reader makes: the page, the retries of its layout, the header and closing columns and the Số and
  date lines read again).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared"))
LAMDONG_GOLD = ROOT / "fixtures" / "gold" / "devset" / "lamdong"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks
from speed_runs import baseline_docx, baseline_pdf  # noqa: E402

from vnadmin_nlp import __version__  # noqa: E402
from vnadmin_nlp.files import worker  # noqa: E402
from vnadmin_nlp.pipeline import parse_file  # noqa: E402
from vnadmin_nlp.readers import read_file  # noqa: E402
from formats_report import load, render_block, write_block  # noqa: E402


# ------------------------------------------------------------------------------------------------ inputs
def lamdong(layer: str) -> list[Path]:
    out = []
    for gold in sorted(LAMDONG_GOLD.glob("*.json")):
        entry = json.loads(gold.read_text(encoding="utf-8"))
        path = SHARED / "devset" / "lamdong" / entry["file"]
        if entry.get("layer") == layer and path.is_file():
            out.append(path)
    return out


def corpus_docx() -> list[Path]:
    return sorted(p for p in (SHARED / "corpus").rglob("*.docx") if p.is_file())


# ---------------------------------------------------------------------------------------------- baselines
def pdfium_text(path: Path) -> None:
    """pdfium's own cost for a document's text: open, each page loaded, its text page, ``get_text_range``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range(0, textpage.count_chars())
            textpage.close()
            page.close()
    finally:
        pdf.close()


def pdfium_floor(path: Path) -> None:
    """The pdfium calls the PDF reader makes, and nothing else: annotations counted and flattened (with the text
    page that counts the characters before), the text page, its text and one loose box per character."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from vnadmin_nlp.readers.pdf.page import _annotation_rects

    pdf = pdfium.PdfDocument(path.read_bytes())
    rect = raw.FS_RECTF()
    get_box = raw.FPDFText_GetLooseCharBox
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            if _annotation_rects(raw, page):
                textpage = page.get_textpage()
                textpage.count_chars()
                textpage.close()
                if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
                    page.close()
                    page = pdf[i]
            textpage = page.get_textpage()
            n = textpage.count_chars()
            textpage.get_text_range(0, n)
            tp = textpage.raw
            for k in range(n):
                get_box(tp, k, rect)
            textpage.close()
            page.close()
    finally:
        pdf.close()


# --------------------------------------------------------------------------------------------- measuring
def cpu() -> float:
    """CPU seconds of this process, its finished children and its live parse workers."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime + worker.workers_cpu()


def side_by_side(files: list[Path], contenders: dict[str, Callable[[Path], object]], rounds: int) -> dict[str, dict[str, float]]:
    """Per contender, per file: the least CPU seconds over the rounds, contenders interleaved on each file."""
    best: dict[str, dict[str, float]] = {name: {} for name in contenders}
    for f in files:  # warm-up: imports, caches, the page cache
        for fn in contenders.values():
            fn(f)
    for _ in range(rounds):
        for f in files:
            for name, fn in contenders.items():
                gc.collect()  # the collector's passes over the whole heap land on whichever call allocates last:
                gc.disable()  # off while timing, as timeit does, for baseline and ours alike
                try:
                    t0 = cpu()
                    fn(f)
                    dt = cpu() - t0
                finally:
                    gc.enable()
                seen = best[name].get(f.name)
                best[name][f.name] = dt if seen is None else min(seen, dt)
    return best


def parse_here(path: Path) -> object:
    """``parse_file`` without its worker: the parse alone, in this process."""
    return parse_file(path, limits=None)


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


# ----------------------------------------------------------------------------------------------------- OCR
def tesseract_direct(path: Path) -> tuple[int, float, float]:
    """Pages, render CPU s, tesseract CPU s: each page image rendered and prepared as our OCR does, then tesseract
    run once on it (the baseline our OCR is compared with)."""
    from vnadmin_nlp.readers import ocr

    import pypdfium2 as pdfium

    settings = ocr.SETTINGS
    binary = ocr.require_tesseract(path, settings)
    scale = settings.dpi / 72.0
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [binary, "stdin", "stdout", "-l", settings.lang, "--psm", str(settings.psm), "--dpi", str(settings.dpi), "tsv"]
    pdf = pdfium.PdfDocument(path.read_bytes())
    render = tess = 0.0
    try:
        pages = min(len(pdf), settings.max_pages or len(pdf))
        for i in range(pages):
            t0 = cpu()
            page = pdf[i]
            bitmap = page.render(scale=scale, grayscale=settings.preprocess != "red", may_draw_forms=False)
            data = ocr._pgm(ocr.prepare(bitmap.to_pil(), settings.preprocess))
            page.close()
            t1 = cpu()
            subprocess.run(cmd, input=data, capture_output=True, env=env, check=True)
            render += t1 - t0
            tess += cpu() - t1
    finally:
        pdf.close()
    return pages, render, tess


def ocr_pages(files: list[Path], rounds: int) -> dict[str, Any]:
    """Our OCR of each scan (``read_file``) beside tesseract run directly on each of its page images."""
    rows = []
    for f in files:
        best = {"ours": float("inf"), "tesseract": float("inf"), "render": float("inf")}
        pages = 0
        for _ in range(rounds):
            t0 = cpu()
            read_file(f)
            best["ours"] = min(best["ours"], cpu() - t0)
            pages, render, tess = tesseract_direct(f)
            best["render"] = min(best["render"], render)
            best["tesseract"] = min(best["tesseract"], tess)
        rows.append({"file": f.name, "pages": pages, **best})
    return {"rows": rows}


# --------------------------------------------------------------------------------------------------- main
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a few files, one round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--ocr-files", type=int, default=4, help="Lâm Đồng scans to OCR (0: no OCR)")
    ap.add_argument("--only", choices=["pdf", "docx", "ocr"], action="append")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "_work" / "formats.json")
    args = ap.parse_args()
    rounds = 1 if args.quick else args.rounds
    only = set(args.only or ["pdf", "docx", "ocr"])
    r: dict[str, Any] = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "version": __version__,
        "rounds": rounds,
        "load_start": load(),
    }
    if "pdf" in only:
        files = lamdong("text")[: 4 if args.quick else None]
        best = side_by_side(files, {"text": pdfium_text, "floor": pdfium_floor, "plumber": baseline_pdf,
                                    "read": read_file, "parse": parse_file}, rounds)
        best.update(side_by_side(files, {"here": parse_here}, rounds))
        r["pdf"] = {"load": load(), "rows": [{"file": f.name, "pages": pdf_pages(f), **{k: v[f.name] for k, v in best.items()}} for f in files]}
        print(f"pdf done ({load()})", file=sys.stderr)
    if "docx" in only:
        files = corpus_docx()[: 4 if args.quick else None]
        best = side_by_side(files, {"docx": baseline_docx, "read": read_file, "parse": parse_file}, rounds)
        best.update(side_by_side(files, {"here": parse_here}, rounds))
        r["docx"] = {"load": load(), "rows": [{"file": f.name, **{k: v[f.name] for k, v in best.items()}} for f in files]}
        print(f"docx done ({load()})", file=sys.stderr)
    if "ocr" in only and args.ocr_files:
        files = lamdong("none")[: 1 if args.quick else args.ocr_files]
        r["ocr"] = {"load": load(), **ocr_pages(files, 1 if args.quick else min(rounds, 2))}
        print(f"ocr done ({load()})", file=sys.stderr)
    r["load_end"] = load()
    block = render_block(r)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(r, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.no_write:
        print(block)
    else:
        write_block(block)
        print(block)


if __name__ == "__main__":
    main()
