#!/usr/bin/env python3
"""Task tables on scanned pages (issue 13): every generated plan of tests/test_task_table_forms.py,
test_task_forms16.py and test_task_forms17.py (and one table of 16 rows running over three pages) printed ruled by
LibreOffice, scanned (tests/test_task_table_scans.py's
``scan_pdf``: turned, blurred, grain, JPEG) at each resolution asked, read through ``parse_file``; each table row's
lead, support and deadline compared with the form's expected values (the ones its text version gives).

    python benchmarks/table_scans.py [--dpi 200 --dpi 300] [--angle 1.5] [--out DIR] [--tables off]

Prints per form and in total: rows, tasks read from tables, rows with the right lead / support / deadline (table
tasks, row by row), rows some task of the document gives whole (lead, support and deadline), and the
CPU time the ruling search took per page (a page with a table, a page without one).  ``--tables off`` reads the
same scans with VNADMIN_OCR_TABLES=off (the words as lines), for the figures before.  Use
``VNADMIN_TESSERACT=scripts/tesseract_cache.sh`` to re-run cheaply."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dpi", type=int, action="append")
    ap.add_argument("--angle", type=float, default=1.5, help="the scans are turned by +/- this (degrees), alternately")
    ap.add_argument("--out", type=Path, help="keep the PDFs here (default: a temporary folder)")
    ap.add_argument("--tables", choices=["on", "off"], default="on")
    args = ap.parse_args()
    os.environ["VNADMIN_OCR_TABLES"] = args.tables
    import pypdfium2

    from tests import test_task_table_forms as forms
    from tests.test_task_forms16 import TABLES16
    from tests.test_task_forms17 import ALL17
    from tests.test_task_table_scans import scan_pdf
    from vnadmin_nlp import parse_file
    from vnadmin_nlp.readers import ocr
    from vnadmin_nlp.readers.ocr_rulings import find_rulings

    seen: set[str] = set()
    all_forms = []
    for f in forms.FORMS + TABLES16 + ALL17:
        name = f.name
        while name in seen:
            name += "_b"
        seen.add(name)
        all_forms.append(forms.Form(name, f.header, f.rows))
    rows = [forms.Row([str(k + 1), *r.cells[1:]], set(), False, r.lead, r.support, r.deadline)
            for k, r in enumerate(r for _ in range(8) for r in forms.FORMS[1].rows if not r.merged_up)]
    all_forms.append(forms.Form("long_table", forms.FORMS[1].header, rows))  # 16 rows over three pages
    out = args.out or Path(tempfile.mkdtemp(prefix="table_scans_"))
    out.mkdir(parents=True, exist_ok=True)
    printed = out / "printed"
    printed.mkdir(exist_ok=True)
    if not all((printed / f"{f.name}.pdf").exists() for f in all_forms):
        forms._ruled_pdfs(all_forms, printed)
    for dpi in args.dpi or [200, 300]:
        folder = out / f"scan{dpi}"
        folder.mkdir(exist_ok=True)
        total = dict(rows=0, tasks=0, lead=0, support=0, deadline=0, all=0)
        cpu: dict[bool, list[float]] = {True: [], False: []}
        for k, form in enumerate(all_forms):
            scan = folder / f"{form.name}.pdf"
            if not scan.exists():
                scan_pdf(printed / f"{form.name}.pdf", scan, dpi=dpi, angle=args.angle if k % 2 else -args.angle, seed=k)
            pdf = pypdfium2.PdfDocument(str(scan))
            for page in pdf:  # the search's own cost, on the image tesseract reads
                image = ocr.prepare(page.render(scale=ocr.SETTINGS.dpi / 72).to_pil(), ocr.SETTINGS.preprocess)
                started = time.process_time()
                found = find_rulings(image, ocr.SETTINGS.dpi / 72, page.get_size()[1])
                cpu[found is not None].append(time.process_time() - started)
            pdf.close()
            doc = parse_file(scan)
            every = [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in doc.tasks]
            got = [x for t, x in zip(doc.tasks, every) if t.source == "table"]
            want = forms._expected(form)
            ok = [sum(1 for g, w in zip(got, want) if g[i] == w[i]) for i in range(3)]
            found = sum(1 for w in want if w in every)  # a task of any source with the row's lead, support, deadline
            for key, value in zip(("rows", "tasks", "lead", "support", "deadline", "all"), [len(want), len(got), *ok, found]):
                total[key] += value
            print(f"{dpi} dpi {form.name:22} rows {len(want)} table tasks {len(got)} lead {ok[0]} support {ok[1]} "
                  f"deadline {ok[2]} rows found whole {found}")
        print(f"{dpi} dpi TOTAL rows {total['rows']} table tasks {total['tasks']} lead {total['lead']} support "
              f"{total['support']} deadline {total['deadline']} rows found whole (any task) {total['all']}")
        for has, times in cpu.items():
            if times:
                print(f"  ruling search, pages {'with' if has else 'without'} a table: {len(times)}, "
                      f"{1000 * sum(times) / len(times):.0f} ms CPU per page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
