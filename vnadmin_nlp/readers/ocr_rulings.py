"""A scanned page's table rulings found in its image, so that its task table is read as cells (issue 13).

On a text-layer page the ruling lines are path objects (:mod:`.pdf.rulings`); on a scan they are only dark pixels.
Here they are found with numpy on the image tesseract reads (no extra OCR call): the image is cut into strips
``STRIP_PT`` wide, a row of a strip nearly all dark is a piece of a horizontal ruling, and the pieces of adjacent
strips at about the same height are chained (a skewed scan's ruling climbs a pixel every few dozen: a chain follows
it). A page with fewer than two long horizontal chains has no table and costs only that pass (about 0.03 CPU s for a
300-dpi page, against 1.5 s or more for tesseract); otherwise the vertical rulings are found the same way on the
image's columns, and a vertical one is kept only where it runs with unbroken ink from a horizontal ruling to another
(a cell's border; a letter's stem does not); a page with no two of those but ``MIN_RULES`` rules across it keeps
them (a table printed with its row rules only, read by :mod:`.pdf.aligned_tables`). The page's skew is the rulings'
own slope; the rulings and the OCR'd words are both turned by it (:func:`straighten`) into one upright frame, where
the grid is the one :func:`.pdf.rulings.grids` builds from path objects, and the words are set in its cells by
:mod:`.pdf.table_cells` as glyphs are. Segments come out as :mod:`.pdf.rulings` keeps them: ``("h", y, x0, x1)`` and
``("v", x, y0, y1)`` in page units with the origin at the bottom left. What tesseract reads of a ruling (``|``,
``[``, an unsure ``Ki`` at a border) is dropped from the page's words (:func:`drop_marks`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any  # (numpy arrays: Any, numpy being imported where it is used)

from .ocr_regions import otsu
from .ocr_result import OcrPage, OcrWord

if TYPE_CHECKING:
    from PIL.Image import Image

STRIP_PT = 6.0  # a strip's width (pt): a ruling fills a row of it; a letter's stroke is shorter
FILL = 0.85  # share of a strip's row that is dark for a piece of ruling (JPEG and noise leave gaps)
MIN_H_PT = 40.0  # a horizontal ruling at least this long (pt), as on a text-layer page (:data:`.pdf.rulings.MIN_H`)
MIN_V_PT = 12.0  # a vertical one at least this long: two strips, longer than a letter's stroke
MAX_THICK_PT = 2.5  # a run of dark rows thicker than this is a filled shape or a bold stroke, no ruling
MAX_SLOPE = 0.06  # about 3.4°: a scan turned more is not followed
MAX_INK = 0.5  # a page darker than this (a photo, an inverted scan) is not searched
BORDER_INK = 0.85  # a vertical ruling's stretch between two horizontal ones is a border when this share of it is ink
BRIDGE = 0.7  # a strip between two pieces of one ruling this dark on its line joins them
WORK_DPI = 150  # the search's resolution: a 300-dpi page is searched at half its size (a quarter of the pixels)
TOUCH_PT = 1.5  # a vertical ruling meets a horizontal one within this (pt)
RULE_SPAN = 0.5  # with no vertical ruling: a horizontal one across this share of the page is a table's row rule…
MIN_RULES = 3  # …and a page with this many such rules has a table printed with its row rules only


@dataclass
class Chain:
    """Pieces of one ruling, strip by strip: (position along the ruling, position across it) in pixels."""

    points: list[tuple[float, float]]
    last: int  # the index of the last strip it has a piece in

    def fit(self) -> tuple[float, float]:
        """(across at 0, slope) by least squares."""
        n = len(self.points)
        mx = sum(p[0] for p in self.points) / n
        my = sum(p[1] for p in self.points) / n
        sxx = sum((p[0] - mx) ** 2 for p in self.points)
        slope = sum((p[0] - mx) * (p[1] - my) for p in self.points) / sxx if sxx else 0.0
        return my - slope * mx, slope


@dataclass
class Found:
    """A page's rulings in the upright frame (page units) and the skew they showed (slope, dy/dx in pixels)."""

    segs: list[tuple]
    slope: float
    centre: tuple[float, float]  # the image's centre (pixels): what the page is turned about
    per_pt: float = 1.0  # pixels per point


def find_rulings(image: "Image", scale: float, height: float, per_pt: float | None = None) -> Found | None:
    """The table rulings of a page image (``scale`` pixels per page unit, ``height`` the page's height in page
    units, ``per_pt`` pixels per point when the page unit is no point: an image file's pixel), or None when the
    page has no two long horizontal rulings (no table to read).  The search runs on a copy reduced to about
    ``WORK_DPI`` (a thin ruling stays a grey run darker than the paper)."""
    import numpy as np

    per_pt = per_pt or scale
    factor = max(1, int(per_pt * 72 / WORK_DPI))
    small = image.convert("L")
    if factor > 1:
        small = small.reduce(factor)
    grey = np.asarray(small)
    if grey.ndim != 2 or grey.shape[0] < 50 or grey.shape[1] < 50:
        return None
    hist = np.bincount(grey.ravel(), minlength=256)
    paper = int(np.searchsorted(np.cumsum(hist), grey.size / 2))  # the median: most of a page is paper
    dark = grey < (otsu(hist.tolist()) + paper) / 2
    if dark.mean() > MAX_INK:
        return None
    pt, unit = per_pt / factor, scale / factor  # pixels of the copy per point, per page unit
    strip = max(4, round(STRIP_PT * pt))
    thick = max(2, round(MAX_THICK_PT * pt)) + 1  # (+1: the pieces are dilated by a row)
    hs = _chains(dark, strip, thick, MIN_H_PT * pt)
    if len(hs) < 2:
        return None
    vs = _chains(dark.T, strip, thick, MIN_V_PT * pt)
    slope = _skew([c for c, _ in hs])
    centre = (dark.shape[1] / 2.0, dark.shape[0] / 2.0)
    tol = TOUCH_PT * pt / unit + 1.5 / unit  # page units
    horizontal: list[list] = []
    lines: list[tuple[float, float, float, float]] = []  # each horizontal ruling as (a, b, x0, x1) in the copy
    for chain, (a, b) in hs:
        ends = _ends(chain, dark, a, b, strip)
        lines.append((a, b, *ends))
        (x0, y0), (x1, y1) = (_turn(x, a + b * x, slope, centre) for x in ends)
        horizontal.append(["h", height - (y0 + y1) / 2 / unit, min(x0, x1) / unit, max(x0, x1) / unit])
    vertical: list[list] = []
    near = TOUCH_PT * pt + 1.5
    for chain, _ in vs:  # along = y, across = x; its slope the page's (a short chain's own fit wobbles)
        b = -slope
        a = sum(p[1] - b * p[0] for p in chain.points) / len(chain.points)
        for y0, y1 in _borders(dark, a, b, _ends(chain, dark.T, a, b, strip), lines, near):
            (x0, y0), (x1, y1) = (_turn(a + b * y, y, slope, centre) for y in (y0, y1))
            vertical.append(["v", (x0 + x1) / 2 / unit, height - max(y0, y1) / unit, height - min(y0, y1) / unit])
    _snap(horizontal, tol)
    if len(vertical) < 2:  # no grid: a table printed with its row rules only, or no table
        return _rules_only(horizontal, dark.shape[1] / unit, slope, (centre[0] * factor, centre[1] * factor), per_pt)
    _snap(vertical, tol)
    for h in horizontal:  # a ruling's end drawn to the border it stops at (its ink ends at the border's edge)
        for v in vertical:
            if v[2] - tol <= h[1] <= v[3] + tol:
                if abs(h[2] - v[1]) <= tol:
                    h[2] = min(h[2], v[1])
                if abs(h[3] - v[1]) <= tol:
                    h[3] = max(h[3], v[1])
    return Found([tuple(s) for s in horizontal + vertical], slope, (centre[0] * factor, centre[1] * factor), per_pt)


def _rules_only(horizontal: list[list], width: float, slope: float, centre: tuple[float, float], per_pt: float) -> Found | None:
    """A page's rulings when it has no vertical one: the rules across the page (at least ``RULE_SPAN`` of its width),
    when there are ``MIN_RULES`` of them (a task table printed with its row rules: its rows are told by them in
    :mod:`.pdf.aligned_tables`, its words straightened by their slope); else None (an underline or two, no table)."""
    rules = [h for h in horizontal if h[3] - h[2] >= RULE_SPAN * width]
    if len(rules) < MIN_RULES:
        return None
    return Found([tuple(h) for h in rules], slope, centre, per_pt)


def _borders(dark: Any, a: float, b: float, ends: tuple[float, float], lines: list[tuple[float, float, float, float]],
             near: float) -> list[tuple[float, float]]:
    """The stretches of a vertical ruling (x = a + b * y in the copy, from ``ends``) that are a cell's border: from
    a horizontal ruling it crosses or meets to the next one, its ink unbroken between them; joined where they
    follow on.  A letter's stem run on from a border (a merged cell's header centred on the column line below it)
    leaves white between it and the next ruling, and that stretch is no border."""
    rows, cols = dark.shape
    crossings = []
    for ha, hb, hx0, hx1 in lines:
        y = (ha + hb * a) / (1 - hb * b)
        x = a + b * y
        if ends[0] - near <= y <= ends[1] + near and hx0 - near <= x <= hx1 + near:
            crossings.append(y)
    crossings.sort()
    out: list[tuple[float, float]] = []
    for y0, y1 in zip(crossings, crossings[1:]):
        if y1 - y0 <= near:
            continue
        ys = range(int(y0) + 1, min(rows, int(y1)))
        inked = sum(1 for y in ys if dark[y, max(0, round(a + b * y) - 1): min(cols, round(a + b * y) + 2)].any())
        if inked < BORDER_INK * max(1, len(ys)):
            continue
        if out and abs(out[-1][1] - y0) <= near:
            out[-1] = (out[-1][0], y1)
        else:
            out.append((y0, y1))
    return out


def _snap(segs: list[list], tol: float) -> None:
    """Rulings within ``tol`` of one another across their length set on one line (their mean): one column's
    border, read in pieces row by row, is one boundary of the grid whatever the page unit."""
    segs.sort(key=lambda s: s[1])
    group: list[list] = []
    for s in segs + [None]:
        if s is None or (group and s[1] - group[-1][1] > tol):
            mean = sum(g[1] for g in group) / len(group) if group else 0.0
            for g in group:
                g[1] = mean
            group = []
        if s is not None:
            group.append(s)


def _chains(dark: Any, strip: int, thick: int, min_len: float) -> list[tuple[Chain, tuple[float, float]]]:
    """The rulings along the image's rows (pass the transposed image for its columns): chains of strip pieces at
    least ``min_len`` pixels long, each with its fitted line (across = a + b * along)."""
    import numpy as np

    rows, cols = dark.shape
    n = cols // strip
    if n < 2:
        return []
    band = dark[:, : n * strip]
    band = band[:-1] | band[1:]  # a skewed ruling crosses into the next row within a strip
    counts = np.count_nonzero(band.reshape(rows - 1, n, strip), axis=2)
    hit = counts >= FILL * strip
    edges = np.diff(hit.T.astype(np.int8), axis=1, prepend=0, append=0)  # by strip: +1 a run's start, -1 its end
    js, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # (the same runs, in the same order)
    keep = ends - starts <= thick
    pieces: dict[int, list[float]] = {}
    for j, a, b in zip(js[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()):
        pieces.setdefault(j, []).append((a + b) / 2 + 0.5)  # its middle, in pixel units (a row r spans r..r+1)
    open_: list[Chain] = []
    done: list[Chain] = []
    for j in sorted(pieces):
        still: list[Chain] = []
        for chain in open_:
            (done if chain.last < j - 2 else still).append(chain)
        open_ = still
        for y in pieces[j]:
            best, gap = None, 0.0
            for chain in open_:
                if chain.last >= j:
                    continue
                d = abs(chain.points[-1][1] - y)
                if d > 1.5 + MAX_SLOPE * strip * (j - chain.last) or (best is not None and d >= gap):
                    continue
                if chain.last == j - 1 or _bridged(counts, chain.points[-1][1], y, j - 1, strip):
                    best, gap = chain, d
            if best is None:
                open_.append(Chain([(j * strip + strip / 2, y)], j))
            else:
                best.points.append((j * strip + strip / 2, y))
                best.last = j
    done += open_
    out = []
    for chain in done:
        if len(chain.points) >= 2 and chain.points[-1][0] - chain.points[0][0] + strip >= min_len:
            a, b = chain.fit()
            if abs(b) <= MAX_SLOPE:
                out.append((chain, (a, b)))
    return out


def _bridged(counts: Any, y0: float, y1: float, j: int, strip: int) -> bool:
    """A strip the ruling crosses without a whole piece (noise, a faint stretch) still mostly dark on its line; the
    white padding between a letter's stem and a ruling is not (a stem chained to a border would split a merged cell)."""
    r = int((y0 + y1) / 2)
    return bool(counts[max(0, r - 1): r + 2, j].max(initial=0) >= BRIDGE * strip)


def _ends(chain: Chain, dark: Any, a: float, b: float, strip: int) -> tuple[float, float]:
    """The chain's two ends along it, to the pixel: each end followed on past its last whole strip while the
    ruling's pixels (one either side of the fitted line) stay dark."""
    rows, cols = dark.shape

    def inked(x: int) -> bool:
        if not 0 <= x < cols:
            return False
        y = int(round(a + b * x))
        return bool(dark[max(0, y - 1): min(rows, y + 2), x].any())

    lo = int(chain.points[0][0] - strip / 2)
    while lo > 0 and inked(lo - 1):
        lo -= 1
    hi = int(chain.points[-1][0] + strip / 2) - 1
    while hi + 1 < cols and inked(hi + 1):
        hi += 1
    return float(lo), float(hi + 1)


def _skew(chains: list[Chain]) -> float:
    """The page's skew: the slope of its long horizontal rulings (the median of those at least half the longest)."""
    spans = [(c.points[-1][0] - c.points[0][0], c.fit()[1]) for c in chains]
    longest = max(s for s, _ in spans)
    slopes = sorted(b for s, b in spans if s >= longest / 2)
    return slopes[len(slopes) // 2]


def _turn(x: float, y: float, slope: float, centre: tuple[float, float]) -> tuple[float, float]:
    """A point of the image (pixels) in the upright frame: turned back by the page's skew about its centre."""
    phi = math.atan(slope)
    c, s = math.cos(phi), math.sin(phi)
    dx, dy = x - centre[0], y - centre[1]
    return centre[0] + dx * c + dy * s, centre[1] - dx * s + dy * c


def straighten(page: OcrPage, found: Found) -> None:
    """The page's words (and tesseract's line boxes) moved into the rulings' upright frame: each box shifted by how
    far its centre moves when the page is turned back by its skew (sizes kept), in place."""
    if abs(found.slope) < 1e-4:
        return

    def moved(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        nx, ny = _turn(cx, cy, found.slope, found.centre)
        dx, dy = round(nx - cx), round(ny - cy)
        return box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy

    for line in page.lines:
        for word in line.words:
            word.bbox = moved(word.bbox)
        if line.box is not None and line.words:  # the words' union: a skewed line's box is taller than its text
            boxes = [w.bbox for w in line.words]
            line.box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        elif line.box is not None:
            line.box = moved(line.box)


SPECK_CONF = 50  # a word of three characters at most, read with less confidence, touching a ruling: its remains
MARKS = set("|[]{}()!¡Il`'‘’_—–-.,")  # what tesseract reads a stretch of ruling as
DASH_PT = 3.0  # a dash cut off a word's end within this of a ruling (no word ends so: a ruling's stretch)


def drop_marks(page: OcrPage, found: Found, scale: float, height: float) -> int:
    """Words that are only a ruling read as text (``|``, ``[``, ``‘``: a word of mark characters lying on a ruling)
    dropped, and such marks cut off the end of a word (``|UBND``: a bar anywhere, a bracket touching a ruling);
    in place, after :func:`straighten`.  Returns how many words went."""
    near = found.per_pt  # a point: a mark lies on the ruling, a cell's text keeps its padding
    verticals = [(s[1] * scale, (height - s[3]) * scale, (height - s[2]) * scale) for s in found.segs if s[0] == "v"]
    horizontals = [((height - s[1]) * scale, s[2] * scale, s[3] * scale) for s in found.segs if s[0] == "h"]

    def on_ruling(x0: float, y0: float, x1: float, y1: float, near: float = near) -> bool:
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        return any(x0 - near <= x <= x1 + near and top - near <= cy <= bottom + near for x, top, bottom in verticals) \
            or any(y0 - near <= y <= y1 + near and left - near <= cx <= right + near for y, left, right in horizontals)

    def cut(text: str, x0: float, y0: float, x1: float, y1: float) -> bool:
        """The mark ``text`` (a word's first or last character, lying in x0..x1) is a ruling's: a bar anywhere, a
        bracket touching a ruling, a dash or underscore within ``DASH_PT`` of one (a row rule over the row number,
        read on a skewed scan as ``2—``)."""
        return text == "|" or text in "[]" and on_ruling(x0, y0, x1, y1) \
            or text in "—_" and on_ruling(x0, y0, x1, y1, DASH_PT * found.per_pt)

    dropped = 0
    for line in page.lines:
        kept = []
        for word in line.words:
            x0, y0, x1, y1 = word.bbox
            if set(word.text) <= MARKS and len(word.text) <= 3 and on_ruling(x0, y0, x1, y1):
                dropped += 1
                continue
            if word.conf < SPECK_CONF and len(word.text) <= 3 and on_ruling(x0 - near, y0, x1 + near, y1):
                dropped += 1  # an unsure letter or two at a border: what the line removal left of it ("Ki", "j")
                continue
            per = (x1 - x0) / max(len(word.text), 1)
            text = word.text
            if len(text) > 1 and cut(text[0], x0, y0, x0 + per, y1):
                text = text[1:]  # ("|" opens no word: on a ruled page it is a ruling's stretch wherever it is read)
            if len(text) > 1 and cut(text[-1], x1 - per, y0, x1, y1):
                text = text[:-1]
            word.text = text
            kept.extend(_unglued(word))
        line.words = kept
    page.lines = [line for line in page.lines if line.words]
    return dropped


def _unglued(word: OcrWord) -> list[OcrWord]:
    """A word tesseract glued to the next one across their space (``SởThông`` in a narrow cell): two words where a
    capital follows a small letter, the box shared by the letters.  No Vietnamese syllable has a capital after a
    small letter; an abbreviation (``ThS``, ``iPhone``) is left alone: both halves are two letters or more, the
    second a capitalised word (a capital, then small letters)."""
    text = word.text
    cut = next((i for i in range(2, len(text) - 1) if text[i].isupper() and text[i - 1].islower()
                and text[i - 2].isalpha() and _small(text[i + 1:])), None)
    if cut is None:
        return [word]
    x0, y0, x1, y1 = word.bbox
    at = x0 + round((x1 - x0) * cut / len(text))
    return [OcrWord(text[:cut], word.conf, (x0, y0, at, y1)), OcrWord(text[cut:], word.conf, (at, y0, x1, y1))]


def _small(rest: str) -> bool:
    """Small letters, then at most the punctuation that ends a word (``Thông,``)."""
    core = rest.rstrip(",.;:)")
    return core.isalpha() and core.islower()
