"""Scan renders of the task tables (``scripts/task_variants.py --tables --scan orig,jpeg150,…``, issue 13): each
LibreOffice PDF of :mod:`task_tables` (``pdf_grid``, ``pdf_hrules``, ``pdf_none``) rendered as page images under a
condition of :mod:`scan_conditions` (a clean 300-dpi scan, JPEG at 150 dpi, a degree of skew, a phone photo, faint
toner…) and saved as an image-only PDF (``scan_variants.make``, read by the PDF reader's OCR) and, with
``--image``, as an image file read by the image reader (one page: PNG, or JPEG for a JPEG condition; a table over
several pages: a multi-page TIFF).  The gold is the printed table's; the parser reads the scan with real tesseract
(``VNADMIN_TESSERACT=scripts/tesseract_cache.sh`` and ``VNADMIN_TESSERACT_CACHE`` to re-run cheaply).

A scanned variant's render is ``<render>@<condition>`` (``pdf_grid@skew+1``) or ``img_<render>@<condition>``, so the
harness's ``--by render`` / ``--by condition`` rows read per render × condition."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

SCANNED = ("pdf_grid", "pdf_hrules", "pdf_none")
DEFAULT = "orig,jpeg150,skew+1,photo,faint"


def scanned(vs: list[Any], conditions: list[str], folder: Path, images: bool = False) -> list[Any]:
    """The scanned variants of the PDF renders of ``vs`` (each written once into ``folder``/<condition>/)."""
    import scan_variants

    out = []
    for v in vs:
        if v.render not in SCANNED or v.path is None:
            continue
        for cond in conditions:
            pdf = scan_variants.make(v.path, cond, folder)
            if pdf is not None:
                out.append(_renamed(v, f"{v.render}@{cond}", pdf))
            if images:
                out.append(_renamed(v, f"img_{v.render}@{cond}", _image(v.path, cond, folder)))
    return out


def _renamed(v: Any, render: str, path: Path) -> Any:
    heading, size, _, index = v.name.split("/")
    return dataclasses.replace(v, name=f"{heading}/{size}/{render}/{index}", render=render, path=path)


def _image(pdf_path: Path, cond: str, folder: Path) -> Path:
    """The PDF's pages under ``cond`` as one image file (made once)."""
    import pypdfium2 as pdfium
    from scan_conditions import conditions

    dpi, change = conditions()[cond]
    doc = pdfium.PdfDocument(str(pdf_path))
    n = len(doc)
    ext = ".tif" if n > 1 else ".jpg" if "jpeg" in cond else ".png"
    target = folder / f"img_{cond}" / (pdf_path.stem + ext)
    if target.exists():
        doc.close()
        return target
    images = [change(doc[k].render(scale=dpi / 72).to_pil().convert("RGB")) for k in range(n)]
    doc.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    if n > 1:
        images[0].save(target, format="TIFF", dpi=(dpi, dpi), compression="tiff_lzw", save_all=True, append_images=images[1:])
    elif ext == ".jpg":
        images[0].save(target, format="JPEG", dpi=(dpi, dpi), quality=30)
    else:
        images[0].save(target, format="PNG", dpi=(dpi, dpi))
    return target


def score_all(vs: list[Any], jobs: int) -> list[Any]:
    """Each variant's body-eval result, ``jobs`` processes at a time (OCR is the cost)."""
    import task_tables

    if jobs <= 1:
        return [task_tables.score(v) for v in vs]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(task_tables.score, vs, chunksize=1))
