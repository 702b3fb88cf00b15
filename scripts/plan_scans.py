"""The ``scan`` rendering of ``scripts/plan_variants.py`` (issue 13): a generated kế hoạch / chỉ thị typeset the way
a provincial office prints it, printed to PDF, then scanned: each page rendered as an image under one of the
conditions of ``scripts/scan_conditions.py`` (``orig``, ``jpeg150``, ``skew+1`` …), saved as an image-only PDF and read
by the parser, which must OCR it (real tesseract; the development cache when ``VNADMIN_TESSERACT`` points at
``scripts/tesseract_cache.sh``: set here as ``/tmp/s23/evals.sh`` sets it, unless the caller set it).

Typesetting (python-docx, printed by LibreOffice as ``scripts/task_tables.py`` does): A4, Decree 30/2020's margins
(top and bottom 2 cm, left 3 cm, right 2 cm), Times New Roman 13 or 14 pt (seeded; LibreOffice substitutes the
serif the machine has: DejaVu Serif without fonts-liberation), the header as a borderless two-column table (issuer
and Số left, Quốc hiệu, motto and date right), the type name and trích yếu centred bold, part headings (``I. MỤC
ĐÍCH, YÊU CẦU``) and short headings over items bold, paragraphs justified with a first-line indent, and the
``Nơi nhận`` list beside the signature block.  Everything depends only on the variant and its seed, so the page
images (and the tesseract cache keys) are the same from run to run.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONDITIONS = ("orig", "jpeg150", "skew+1")
_TYPE_NAMES = {"KẾ HOẠCH", "CHỈ THỊ", "QUYẾT ĐỊNH", "THÔNG BÁO"}
_PART = re.compile(r"^[IVX]+\.\s")
_SHORT_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.|[a-zđ]\))?\s*\S.{0,70}:?$")


def use_tesseract_cache() -> None:
    """The development cache for tesseract (as the evals use it), unless the caller chose a tesseract."""
    os.environ.setdefault("VNADMIN_TESSERACT", str(ROOT / "scripts" / "tesseract_cache.sh"))
    os.environ.setdefault("VNADMIN_TESSERACT_CACHE", str(ROOT / "build" / "tesseract-cache"))


def _blocks(lines: list[str]) -> list[tuple[str, Any]]:
    """The document's lines grouped as a typesetter sets them: ``header`` (left, right), ``title`` lines, ``para``
    lines, ``closing`` (the Nơi nhận list, the signature block)."""
    out: list[tuple[str, Any]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        ahead = lines[i:i + 5]
        if line.isupper() and any(x.startswith("CỘNG HÒA XÃ HỘI") for x in ahead) and not _PART.match(line):
            k = i + next(j for j, x in enumerate(ahead) if x.startswith("CỘNG HÒA XÃ HỘI"))
            left, right = lines[i:k], lines[k:k + 2]
            i = k + 2
            if i < len(lines) and re.search(r", ngày \d", lines[i]):
                right.append(lines[i])
                i += 1
            out.append(("header", (left, right)))
            if i < len(lines) and lines[i] in _TYPE_NAMES:  # the type name and its trích yếu (up to a part or a plain line)
                out.append(("title", lines[i]))
                i += 1
                while i < len(lines) and not _PART.match(lines[i]) and (i + 1 >= len(lines) or len(lines[i]) < 110) \
                        and not lines[i].startswith(("Căn cứ", "Thời gian qua", "Để ", "Nhằm ")) and not lines[i].isupper() \
                        and not lines[i].startswith("("):
                    out.append(("subject", lines[i]))
                    i += 1
            continue
        if line == "Nơi nhận:":
            k = i + 1
            while k < len(lines) and lines[k].startswith("- "):
                k += 1
            j = k
            while j < len(lines) and not (lines[j].isupper() and any(x.startswith("CỘNG HÒA") for x in lines[j:j + 4])):
                j += 1
            out.append(("closing", (lines[i:k], lines[k:j])))
            i = j
            continue
        out.append(("centre" if line.isupper() and not _PART.match(line) or line.startswith("(Ban hành") else "para", line))
        i += 1
    return out


def _font(run: Any, size: float, bold: bool = False, italic: bool = False) -> None:
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic


def _cell_lines(cell: Any, items: list[tuple[str, float, bool, bool]], align: Any) -> None:
    from docx.shared import Pt

    cell.text = ""
    for k, (text, size, bold, italic) in enumerate(items):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_after = Pt(0)
        _font(p.add_run(text), size, bold, italic)


def write_docx(text: str, path: Path, size: float) -> None:
    """``text`` (a variant's lines) set as a Decree 30 document in ``path``."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH as AL
    from docx.shared import Cm, Pt

    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(2), Cm(2), Cm(3), Cm(2)
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(size)
    for kind, value in _blocks([x for x in text.split("\n") if x.strip()]):
        if kind in ("header", "closing"):
            left, right = value
            grid = d.add_table(rows=1, cols=2)
            grid.autofit = False
            widths = (Cm(6.0), Cm(10.0)) if kind == "header" else (Cm(8), Cm(8))
            for c, w in enumerate(widths):
                grid.columns[c].width = w
                grid.cell(0, c).width = w
            if kind == "header":
                lcol = [(x, 12.0, k > 0 and not x.startswith("Số"), False) for k, x in enumerate(left)]
                rcol = [(x, 12.0, k < 2, k == 2) for k, x in enumerate(right)]
                _cell_lines(grid.cell(0, 0), lcol, AL.CENTER)
                _cell_lines(grid.cell(0, 1), rcol, AL.CENTER)
            else:
                lcol = [(x, 12 if k == 0 else 11, k == 0, k == 0) for k, x in enumerate(left)]
                name = right[-1:] if right and not right[-1].isupper() else []
                titles = right[: len(right) - len(name)]
                rcol = [(x, size, True, False) for x in titles] + [("", size, False, False)] * 3 + [(x, size, True, False) for x in name]
                _cell_lines(grid.cell(0, 0), lcol, AL.LEFT)
                _cell_lines(grid.cell(0, 1), rcol, AL.CENTER)
            continue
        p = d.add_paragraph()
        p.paragraph_format.space_after = Pt(3)
        if kind in ("title", "subject", "centre"):
            p.alignment = AL.CENTER
            _font(p.add_run(value), size + (1 if kind == "title" else 0), kind != "centre" or value.isupper(),
                  value.startswith("("))
            continue
        p.alignment = AL.JUSTIFY
        heading = bool(_PART.match(value)) or (len(value) < 75 and not value.endswith(".") and bool(_SHORT_HEADING.match(value))
                                               and not value.startswith(("- ", "+ ", "* ")))
        if not _PART.match(value):
            p.paragraph_format.first_line_indent = Cm(1.0)
        article = re.match(r"^(Điều \d+\.)(.*)$", value)
        if article:
            _font(p.add_run(article.group(1)), size, True)
            _font(p.add_run(article.group(2)), size)
        else:
            _font(p.add_run(value), size, heading)
    d.save(str(path))


def print_pdfs(docx_paths: list[Path], folder: Path) -> None:
    """The documents printed to PDF by LibreOffice, in one run."""
    if not docx_paths:
        return
    if not shutil.which("soffice"):
        raise SystemExit("LibreOffice (soffice) is needed to print the PDFs")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, docx_paths)],
                   check=True, capture_output=True, timeout=1200)


def scan(pdf: Path, condition: str, target: Path) -> Path:
    """``pdf``'s pages as images under ``condition`` (scripts/scan_conditions.py), saved as an image-only PDF."""
    import pypdfium2 as pdfium
    from scan_conditions import conditions

    if target.exists():
        return target
    dpi, change = conditions()[condition]
    doc = pdfium.PdfDocument(str(pdf))
    images = [change(doc[k].render(scale=dpi / 72).to_pil().convert("RGB")) for k in range(len(doc))]
    target.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(target, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


def render(variants: list[Any], folder: Path, conditions: tuple[str, ...] = CONDITIONS) -> dict[str, Path]:
    """Each variant typeset, printed and scanned under each condition: ``{key/condition: image-only PDF}`` where
    ``key`` is :func:`key` of the variant.  Files are named by the variant's text, so a second run reuses them."""
    import random

    folder.mkdir(parents=True, exist_ok=True)
    printed: dict[str, Path] = {}
    todo = []
    for v in variants:
        stem = key(v)
        src = folder / f"{stem}.docx"
        if not src.with_suffix(".pdf").exists():
            write_docx(v.text, src, random.Random(v.form).choice([13.0, 14.0]))
            todo.append(src)
        printed[stem] = src.with_suffix(".pdf")
    print_pdfs(todo, folder)
    return {f"{form}/{c}": scan(pdf, c, folder / c / pdf.name) for form, pdf in printed.items() for c in conditions}


def key(v: Any) -> str:
    """A variant's file stem: its form and a checksum of its text (two variants of one form differ in their draws)."""
    return re.sub(r"[^\w+.-]", "_", v.form) + f"_{zlib.crc32(v.text.encode()):08x}"


def parse(path: Path) -> Any:
    from vnadmin_nlp import parse_file

    return parse_file(path)
