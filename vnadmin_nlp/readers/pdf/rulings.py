"""A page's ruling lines (the borders a table's cells are drawn with) and the grids they make.

The page's one pass over its objects (:func:`.objects.page_objects`, with :func:`add_ruling`) keeps the thin
horizontal and vertical path objects (and the edges of stroked rectangles: some converters draw each cell as a
box); a page without a long horizontal ruling and two vertical ones has no grid and costs nothing more.  :func:`grids` joins the rulings that touch into
tables and cuts each into cells: column x-boundaries, row y-boundaries, and grid units merged where the ruling
between them is missing (a merged cell).  Coordinates are PDF user space (origin bottom-left), as the glyphs'.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

THIN = 2.5  # a ruling's thickness at most (pt)
MIN_H = 40.0  # a horizontal ruling's length at least (pt)
MIN_V = 8.0  # a vertical ruling's length at least
TOL = 2.0  # rulings this close meet, or are one
MAX_OBJECTS = 20000  # a page drawn in that many paths (a map, a chart) is not read for tables

Seg = tuple  # ("h", y, x0, x1) or ("v", x, y0, y1)


@dataclass
class Grid:
    """One ruled table: ``xs`` left to right, ``ys`` top to bottom (descending y); ``cells`` as (row, col, row
    span, col span) over the grid's units, in reading order."""

    xs: list[float]
    ys: list[float]
    cells: list[tuple[int, int, int, int]]
    _down: list[float] = field(init=False, repr=False, compare=False)  # -ys: ascending, for bisect

    def __post_init__(self) -> None:
        self._down = [-y for y in self.ys]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[-1], self.xs[-1], self.ys[0]

    def unit(self, x: float, y: float) -> tuple[int, int] | None:
        """The grid unit (row, col) that holds the point, or None outside the table."""
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]):
            return None
        # the first boundary at or past the point (xs rise, ys fall): a bisection, called for every glyph of a page
        nx, ny = len(self.xs), len(self.ys)
        col = min(bisect_left(self.xs, x, 1, nx), nx - 1) - 1
        row = min(bisect_left(self._down, -y, 1, ny), ny - 1) - 1
        return row, col


def add_ruling(raw: Any, obj: Any, box: tuple[Any, Any, Any, Any], segs: list[Seg], fill: Any, stroke: Any) -> None:
    """A path object of the page (:func:`.objects.page_objects` walks them): kept in ``segs`` when it is a thin
    horizontal or vertical line, or a stroked box (its four edges)."""
    left, bottom, right, top = box
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return
    x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
    w, h = x1 - x0, y1 - y0
    if h <= THIN and w >= MIN_H:
        segs.append(("h", (y0 + y1) / 2, x0, x1))
    elif w <= THIN and h >= MIN_V:
        segs.append(("v", (x0 + x1) / 2, y0, y1))
    elif w >= MIN_H and h >= MIN_V and raw.FPDFPath_CountSegments(obj) in (4, 5) and _stroked(raw, obj, fill, stroke):
        segs += [("h", y0, x0, x1), ("h", y1, x0, x1), ("v", x0, y0, y1), ("v", x1, y0, y1)]


def table_rulings(segs: list[Seg]) -> list[Seg]:
    """``segs``, or [] when no table can be there (no horizontal ruling of ``MIN_H``).  Horizontal rulings alone
    make no grid but mark the rows of a table printed with its row rules only (:mod:`.aligned_tables`)."""
    if not any(s[0] == "h" for s in segs):
        return []
    return segs


def _stroked(raw: Any, obj: Any, fill: Any, stroke: Any) -> bool:
    """A box drawn with its outline (a cell's border), not a filled one (a highlight behind a line of text)."""
    return bool(raw.FPDFPath_GetDrawMode(obj, fill, stroke)) and bool(stroke.value)


def grids(segs: list[Seg], min_rows: int = 2) -> list[Grid]:
    """The tables the rulings make, top to bottom: at least two columns and ``min_rows`` rows (one: a table's last
    row that a page break put alone on the next page)."""
    hs = _merge([s for s in segs if s[0] == "h"])
    vs = _merge([s for s in segs if s[0] == "v"])
    if not hs or len(vs) < 2:
        return []
    parent = list(range(len(hs) + len(vs)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, (_, y, hx0, hx1) in enumerate(hs):
        for j, (_, x, vy0, vy1) in enumerate(vs):
            if hx0 - TOL <= x <= hx1 + TOL and vy0 - TOL <= y <= vy1 + TOL:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Seg], list[Seg]]] = {}
    for i, s in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(s)
    for j, s in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(s)
    out = [g for h, v in groups.values() if (g := _grid(h, v, min_rows)) is not None]
    out.sort(key=lambda g: -g.ys[0])
    return out


def _merge(segs: list[Seg]) -> list[Seg]:
    """Collinear rulings that overlap or touch as one (a border drawn cell by cell)."""
    segs = sorted(segs, key=lambda s: (round(s[1] / TOL), s[2]))
    out: list[Seg] = []
    for s in segs:
        if out and abs(out[-1][1] - s[1]) <= TOL and s[2] <= out[-1][3] + TOL:
            last = out[-1]
            out[-1] = (last[0], last[1], last[2], max(last[3], s[3]))
        else:
            out.append(s)
    return out


def _levels(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOL:
            out.append(v)
    return out


def _covered(segs: list[Seg], at: float, a: float, b: float) -> bool:
    """A ruling at ``at`` runs over the middle of (a, b)."""
    mid = (a + b) / 2
    return any(abs(s[1] - at) <= TOL and s[2] - TOL <= mid <= s[3] + TOL for s in segs)


def _grid(hs: list[Seg], vs: list[Seg], min_rows: int = 2) -> Grid | None:
    xs = _levels([s[1] for s in vs])
    ys = _levels([s[1] for s in hs])[::-1]
    if len(xs) < 3 or len(ys) < min_rows + 1:
        return None
    # the outer frame where it is drawn: the table's top and bottom are rulings across it
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    unit = [[(i, j) for j in range(n_cols)] for i in range(n_rows)]
    parent = {(i, j): (i, j) for i in range(n_rows) for j in range(n_cols)}

    def find(a: tuple[int, int]) -> tuple[int, int]:
        while parent[a] != a:
            a = parent[a]
        return a

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for i in range(n_rows):
        for j in range(n_cols):
            if j + 1 < n_cols and not _covered(vs, xs[j + 1], ys[i + 1], ys[i]):
                join(unit[i][j], unit[i][j + 1])
            if i + 1 < n_rows and not _covered(hs, ys[i + 1], xs[j], xs[j + 1]):
                join(unit[i][j], unit[i + 1][j])
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for key in parent:
        members.setdefault(find(key), []).append(key)
    cells = []
    for units in members.values():
        rows = [u[0] for u in units]
        cols = [u[1] for u in units]
        r0, c0 = min(rows), min(cols)
        cells.append((r0, c0, max(rows) - r0 + 1, max(cols) - c0 + 1))
    cells.sort()
    if len({c[0] for c in cells}) < min_rows or max(c[1] for c in cells) < 1:
        return None
    return Grid(xs, ys, cells)
