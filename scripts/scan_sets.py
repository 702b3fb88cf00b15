"""The document sets of ``scripts/scan_body.py --set corpus|scans`` (issue 13): development documents beyond the ten
Lâm Đồng PDFs, of the kinds the held-out split has, scanned and scored against their body gold.

``corpus``: every development-split body gold under ``shared:corpus`` / ``shared:seeds`` that lists tasks or
deadlines, of a kind in :data:`KINDS`, and is not a scan already: DOCX, DOC, RTF and TXT are printed to PDF by
LibreOffice (``soffice --headless --convert-to pdf``), text-layer PDFs are taken as they are.  Each is then scanned
under the conditions asked (``scan_variants.make``) and read by the parser (OCR).  The text reading is the parser's
reading of the original file (a DOCX read as a DOCX), so the table shows what printing and scanning cost.
``scans``: the development documents that are scans already (image-only PDFs the parser OCRs): their eval as they
are, to stand beside the rendered sets.  Development split only.
"""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BODY = ROOT / "fixtures" / "gold" / "body"
# the kinds of the held-out documents' body gold as the issue names them (kế hoạch, chỉ thị, thông báo kết luận) and
# the kinds around them in the test's other documents (công văn, quyết định, nghị định)
KINDS = ("kế hoạch", "chỉ thị", "thông báo", "thông báo kết luận", "công văn", "quyết định", "nghị định", "giấy mời")


def _golds() -> list[Any]:
    from vnadmin_nlp.evaluation.body_gold import collect_body

    return [g for g in collect_body([BODY], split="dev").golds
            if g.file.startswith(("shared:corpus/", "shared:seeds/")) and (g.tasks or g.deadlines)]


def _text_pages(pdf: Path) -> tuple[int, int]:
    """A PDF's page count and the characters of its text layer."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    return len(doc), sum(len(doc[k].get_textpage().get_text_range().strip()) for k in range(len(doc)))


MIN_PRINTED = 0.8  # the share of valid Vietnamese words a printed page's text layer needs (nd29_1998_tcvn3: .17, others .93+)


def _printed_share(pdf: Path) -> float:
    """The share of valid Vietnamese syllables in a printed PDF's text layer: a TCVN3 or VNI document printed without
    its legacy font (.VnTime) comes out as Latin-1 letters, a page no scan of the real document shows."""
    import pypdfium2 as pdfium

    from vnadmin_nlp.readers.ocr_regions import text_score

    doc = pdfium.PdfDocument(str(pdf))
    return text_score(" ".join(doc[k].get_textpage().get_text_range() for k in range(len(doc))).split())


def _txt_docx(path: Path, target: Path) -> None:
    """A plain-text document set as a typed letter (Times New Roman 13 pt, A4, Decree 30's margins), one paragraph
    a line: LibreOffice's own text import sets it in a monospaced font whose Vietnamese marks print beside their
    letters, a page no office prints."""
    import docx
    from docx.shared import Cm, Pt

    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(2), Cm(2), Cm(3), Cm(2)
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    for line in path.read_text(encoding="utf-8").splitlines():
        p = d.add_paragraph(line.strip())
        p.paragraph_format.space_after = Pt(0)
    d.save(str(target))


def select(which: str, out: Path, max_pages: int = 12) -> tuple[list[tuple[Any, Path]], list[str]]:
    """``(gold, the PDF to scan)`` for the ``corpus`` set (the original itself for ``scans``), and the documents left
    out with the reason."""
    chosen: list[tuple[Any, Path]] = []
    left: list[str] = []
    todo: list[Any] = []
    for g in _golds():
        suffix = g.path.suffix.lower()
        if which == "scans":
            pages, chars = _text_pages(g.path) if suffix == ".pdf" else (1, 1000)
            if chars < 200 * pages:
                chosen.append((g, g.path))
            continue
        if (g.kind or "") not in KINDS:
            left.append(f"{g.id}: kind {g.kind}")
        elif suffix == ".pdf":
            pages, chars = _text_pages(g.path)
            if chars < 200 * pages:
                left.append(f"{g.id}: a scan already (--set scans)")
            else:
                chosen.append((g, g.path))
        elif suffix in (".docx", ".doc", ".rtf", ".txt"):
            todo.append(g)
        else:
            left.append(f"{g.id}: {suffix}")
    if which == "scans":
        return chosen, left
    src = out / "src"
    src.mkdir(parents=True, exist_ok=True)
    need = [g for g in todo if not (src / f"{g.id}.pdf").exists()]
    if need:
        if not shutil.which("soffice"):
            raise SystemExit("LibreOffice (soffice) is needed to print the documents")
        staged = src / "in"
        staged.mkdir(exist_ok=True)
        files = []
        for g in need:  # named by id, so the printed PDF is too
            files.append(staged / f"{g.id}{'.docx' if g.path.suffix.lower() == '.txt' else g.path.suffix.lower()}")
            if g.path.suffix.lower() == ".txt":
                _txt_docx(g.path, files[-1])
            else:
                shutil.copyfile(g.path, files[-1])
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(src), *map(str, files)],
                       check=True, capture_output=True, timeout=1800)
    for g in todo:
        pdf = src / f"{g.id}.pdf"
        pages = _text_pages(pdf)[0] if pdf.exists() else 0
        if not pdf.exists():
            left.append(f"{g.id}: LibreOffice printed nothing")
        elif pages > max_pages:
            left.append(f"{g.id}: {pages} pages (--max-pages {max_pages})")
        elif _printed_share(pdf) < MIN_PRINTED:
            left.append(f"{g.id}: printed without its font (a legacy encoding: its page is no Vietnamese)")
        else:
            chosen.append((g, pdf))
    return chosen, left


def _report(golds: list[Any], path: Path) -> None:
    from vnadmin_nlp.evaluation.body_report import BodyReport, run_body

    report = BodyReport(run_body(golds, jobs=2), [], {"split": "dev"})
    path.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")


def run(which: str, out: Path, conditions: list[str], max_pages: int = 12) -> None:
    """Write ``out/text.json`` (the originals read) and ``out/<condition>.json`` per condition, and print
    ``compare_eval.py``'s table text → scan for each."""
    import scan_variants

    chosen, left = select(which, out, max_pages)
    for reason in left:
        print(f"left out: {reason}")
    text_json = out / "text.json"
    _report([g for g, _ in chosen], text_json)
    if which == "scans":
        print(f"## {len(chosen)} documents that are scans already: " + ", ".join(g.id for g, _ in chosen))
        subprocess.run([sys.executable, str(ROOT / "scripts" / "compare_eval.py"), str(text_json), str(text_json)], check=True)
        return
    for name in conditions:
        scanned = []
        for g, pdf in chosen:
            made = scan_variants.make(pdf, name, out)
            scanned.append(dataclasses.replace(g, path=made))
        scan_json = out / f"{name}.json"
        _report(scanned, scan_json)
        print(f"## {name}: {len(chosen)} documents, original → scan")
        subprocess.run([sys.executable, str(ROOT / "scripts" / "compare_eval.py"), str(text_json), str(scan_json)], check=True)
