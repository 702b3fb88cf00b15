"""The PDF page's one walk over its objects (readers/pdf/objects.py) gives what the two walks gave (the image
cover, the rulings), and a grid's unit found by bisection is the one the linear scan found (issue 15)."""
from __future__ import annotations

import ctypes
import random
from typing import Any

import pytest

from vnadmin_nlp.readers.pdf.objects import page_objects
from vnadmin_nlp.readers.pdf.rulings import MAX_OBJECTS, Grid, add_ruling, table_rulings

from .conftest import SHARED

LAMDONG = SHARED / "devset" / "lamdong"


def _cover_two_walks(raw: Any, page: Any, area: float) -> float:
    """The image cover as the reader walked it before (its own walk, one level into form XObjects)."""
    covered = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))

    def visit(count: int, get: Any, depth: int) -> None:
        nonlocal covered
        for k in range(count):
            obj = get(k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    covered += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 2:
                visit(raw.FPDFFormObj_CountObjects(obj), lambda j, o=obj: raw.FPDFFormObj_GetObject(o, j), depth + 1)

    visit(raw.FPDFPage_CountObjects(page.raw), lambda j: raw.FPDFPage_GetObject(page.raw, j), 0)
    return min(1.0, covered / area) if area > 0 else 0.0


def _rulings_two_walks(raw: Any, page: Any) -> list:
    count = raw.FPDFPage_CountObjects(page.raw)
    if count > MAX_OBJECTS:
        return []
    box = tuple(ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    segs: list = []
    for k in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH:
            add_ruling(raw, obj, box, segs, fill, stroke)
    return table_rulings(segs)


@pytest.mark.parametrize("name", ["ld_005.pdf", "ld_026.pdf", "ld_035.pdf", "ld_008.pdf", "ld_001.pdf"])
def test_one_walk_gives_the_cover_and_the_rulings_of_two(name: str) -> None:
    path = LAMDONG / name
    if not path.is_file():
        pytest.skip(f"{path} not here (set VNADMIN_SHARED)")
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            w, h = page.get_size()
            want = (_cover_two_walks(raw, page, w * h), _rulings_two_walks(raw, page))
            assert page_objects(raw, page, w * h, cover=True, rulings=True) == want
            assert page_objects(raw, page, w * h, cover=False, rulings=True) == (0.0, want[1])
            assert page_objects(raw, page, w * h, cover=True, rulings=False) == (want[0], [])
            page.close()
    finally:
        pdf.close()


def _unit_linear(g: Grid, x: float, y: float) -> tuple[int, int] | None:
    if not (g.xs[0] <= x <= g.xs[-1] and g.ys[-1] <= y <= g.ys[0]):
        return None
    col = next((j for j in range(len(g.xs) - 1) if x <= g.xs[j + 1]), len(g.xs) - 2)
    row = next((i for i in range(len(g.ys) - 1) if y >= g.ys[i + 1]), len(g.ys) - 2)
    return row, col


def test_grid_unit_by_bisection_is_the_linear_scans() -> None:
    rnd = random.Random(15)
    for _ in range(500):
        xs = sorted({round(rnd.uniform(0, 500), 1) for _ in range(rnd.randint(2, 8))})
        ys = sorted({round(rnd.uniform(0, 800), 1) for _ in range(rnd.randint(2, 8))})[::-1]
        if len(xs) < 2 or len(ys) < 2:
            continue
        grid = Grid(xs, ys, [])
        points = [(rnd.uniform(-10, 510), rnd.uniform(-10, 810)) for _ in range(40)]
        points += [(x, y) for x in xs for y in ys]  # on the rulings themselves
        for x, y in points:
            assert grid.unit(x, y) == _unit_linear(grid, x, y)
