"""Where a scan's signature block stands on the page, found from the page's own reading (for
:mod:`.ocr_signature`, which reads that box again): from the block's first line in the right part of the page (an
authority line ``TM./KT./TL.``, or a position line, in capitals; anywhere across the page for a block set left or
centred) — or, when no such line was read, from the ``Nơi nhận`` line, beside which the block stands — down
:data:`BLOCK_LINES` line heights (or to a name line the page read lower: :func:`_bottom`), :data:`HALF_WIDTH` of
the text's width either side of the line's centre.  Kept apart so the geometry can be tested and changed without
the reading and the choice."""
from __future__ import annotations

from ..lexicon.fold import bare, fold
from .ocr_result import OcrLine, OcrPage, OcrWord
from .signature_lines import _EDGE, is_authority, is_name, is_position

Box = tuple[int, int, int, int]

BLOCK_LINES = 17  # line heights below the block's first line: authority, position, the signature's space, the name
MAX_LINES = 20  # line heights under the block's first line where a name line the page read still belongs to it
ALONE_LINES = 15  # a page of so few lines without a Nơi nhận may hold a signature block alone, from its top
TEXT_SHARE = 0.7  # of the page's width: the text's usual width
HALF_WIDTH = 0.25  # of the text's width, either side of the first line's centre (a centred block; names are wide)
RIGHT_PART = 0.4  # a block's first line starts right of this share of the text's width


def _right(line: OcrLine, cut: float) -> list[OcrWord]:
    return [w for w in line.words if w.bbox[0] >= cut]


def find_block(page: OcrPage) -> tuple[Box, str] | None:
    """The box to read the signature block from, and what anchored it (``authority``, ``position``, ``Nơi nhận``);
    None when the page shows no closing."""
    lines = sorted((ln for ln in page.lines if ln.words), key=lambda ln: (ln.box or ln.bbox)[1])
    if not lines:
        return None
    left = min(ln.bbox[0] for ln in lines)
    right = max(ln.bbox[2] for ln in lines)
    width = right - left
    if width <= 0:
        return None
    heights = sorted(w.bbox[3] - w.bbox[1] for ln in lines for w in ln.words)
    line_h = max(heights[len(heights) // 2], 10)
    cut = left + RIGHT_PART * width
    received = next((ln for ln in lines if bare(fold(_EDGE.sub("", ln.text))).startswith(("noi nhan", "noi gui"))), None)
    floor = (received.bbox[1] - 4 * line_h) if received is not None else page.height * 0.3
    anchor = _anchor(lines, cut, floor) or _anchor(lines, left, floor)  # a block set left or centred: anywhere
    if anchor is None and received is None and len(lines) <= ALONE_LINES:  # a block on a page of its own: at its top
        anchor = _anchor(lines, left, 0)
    if anchor is not None:
        words, kind = anchor
        top = min(w.bbox[1] for w in words)
        centre = (min(w.bbox[0] for w in words) + max(w.bbox[2] for w in words)) / 2
    elif received is not None:
        kind, top = "Nơi nhận", received.bbox[1] - line_h
        centre = left + 0.72 * width
    else:
        return None
    half = HALF_WIDTH * max(width, TEXT_SHARE * page.width)  # a page of little text (a block alone): the usual text width
    x0, x1 = max(0, int(min(centre - half, cut))), min(page.width, int(centre + half + line_h))
    box = (x0, max(0, int(top - 0.6 * line_h)), x1, min(page.height, int(_bottom(lines, x0, x1, top, line_h))))
    return box, kind


def _bottom(lines: list[OcrLine], x0: int, x1: int, top: float, line_h: float) -> float:
    """The block's box ends :data:`BLOCK_LINES` line heights under its first line, or lower: under a line of the
    page's reading it would cut (a name set further down, ld_013's under a tall signature), or under a name line the
    page read within :data:`MAX_LINES` (bqp_vbhn46's ``Thượng tướng Nguyễn Văn Gấu`` under a large seal)."""
    bottom = top + BLOCK_LINES * line_h
    for ln in lines:
        words = [w for w in ln.words if x0 <= (w.bbox[0] + w.bbox[2]) / 2 < x1]
        if not words:
            continue
        y0, y1 = min(w.bbox[1] for w in words), max(w.bbox[3] for w in words)
        if y0 < bottom < y1 or (top < y0 < top + MAX_LINES * line_h and is_name(" ".join(w.text for w in words))):
            bottom = max(bottom, y1 + 0.6 * line_h)
    return bottom


def _anchor(lines: list[OcrLine], cut: float, floor: float) -> tuple[list[OcrWord], str] | None:
    """The block's first line: the first authority or position line of words right of ``cut``, below ``floor``."""
    for ln in lines:
        words = _right(ln, cut)
        if not words or words[0].bbox[1] < floor:
            continue
        text = " ".join(w.text for w in words)
        kind = "authority" if is_authority(text) else "position" if is_position(text) else None
        if kind:
            return words, kind
    return None


def inside(bbox: Box, box: Box) -> bool:
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    return box[0] <= cx < box[2] and box[1] <= cy < box[3]


def block_rows(page: OcrPage, box: Box) -> list[list[OcrWord]]:
    rows = []
    for ln in sorted(page.lines, key=lambda ln: (ln.box or ln.bbox)[1]):
        words = [w for w in ln.words if inside(w.bbox, box)]
        if words:
            rows.append(words)
    return rows


def beside_another(page: OcrPage, box: Box) -> bool:
    """Another signature block left of the box, on its rows (``THƯ KÝ`` beside ``TM. HỘI ĐỒNG THẨM ĐỊNH``: a row
    of signatures, whose order the page's reading keeps and a reading of one column alone would lose)."""
    for ln in page.lines:
        words = [w for w in ln.words if w.bbox[2] <= box[0] and box[1] <= (w.bbox[1] + w.bbox[3]) / 2 < box[3]]
        text = " ".join(w.text for w in words)
        if words and (is_authority(text) or is_position(text)):
            return True
    return False
