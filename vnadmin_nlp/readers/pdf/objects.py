"""One walk over a page's objects for what the reader needs of them: the share of the page covered by images
(looking one level into form XObjects: spots scans) and the ruling lines of tables (:mod:`.rulings`)."""
from __future__ import annotations

import ctypes
from typing import Any

from .rulings import MAX_OBJECTS, Seg, add_ruling, table_rulings


def page_objects(raw: Any, page: Any, area: float, *, cover: bool, rulings: bool) -> tuple[float, list[Seg]]:
    """(image cover, rulings) of the page; each 0.0 / [] when not asked for.  Rulings are not read on a page of
    more than ``MAX_OBJECTS`` objects (a map, a chart)."""
    count = raw.FPDFPage_CountObjects(page.raw)
    rulings = rulings and count <= MAX_OBJECTS
    if not cover and not rulings:
        return 0.0, []
    box = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    image, form, path = raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH
    covered = [0.0]  # one running sum, images added in the order they are met (nested ones at their form's place)
    segs: list[Seg] = []

    def add_image(obj: Any) -> None:
        left, bottom, right, top = box
        if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            covered[0] += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)

    def visit_form(obj: Any, depth: int) -> None:
        for j in range(raw.FPDFFormObj_CountObjects(obj)):
            inner = raw.FPDFFormObj_GetObject(obj, j)
            kind = raw.FPDFPageObj_GetType(inner)
            if kind == image:
                add_image(inner)
            elif kind == form and depth < 2:
                visit_form(inner, depth + 1)

    for k in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == path:
            if rulings:
                add_ruling(raw, obj, box, segs, fill, stroke)
        elif not cover:
            continue
        elif kind == image:
            add_image(obj)
        elif kind == form:
            visit_form(obj, 1)
    share = (min(1.0, covered[0] / area) if area > 0 else 0.0) if cover else 0.0
    return share, table_rulings(segs) if rulings else []
