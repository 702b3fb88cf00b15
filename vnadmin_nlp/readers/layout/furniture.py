"""Page furniture: running headers/footers and page numbers (dropped), footnotes (marked as such)."""
from __future__ import annotations

import math
import re

from .records import Line, PageText
from .text import PART_GAP, gap_parts, line_plain_text, plain_text
from .vocabulary import DOCUMENT_HEAD, PAGE_NUMBER


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def remove_furniture(pages: list[PageText]) -> int:
    """Drop running headers/footers (the same text at the same height on most pages, numbers ignored) and lone
    page numbers at the top or bottom.  Works on gap-separated parts, so "30   CÔNG BÁO/Số 1003…" is two parts.
    A line holding the Quốc hiệu or the Tiêu ngữ (and the issuer beside it) is a document's header, never furniture."""
    candidates: list[tuple[PageText, Line, int, str, float]] = []
    for page in pages:
        if not page.lines:
            continue
        edge = [ln for ln in page.lines[:3] if ln.y1 >= page.height * 0.85]
        # a line of a document's header (an enclosed draft repeats it at the same height), both its columns
        edge = [ln for ln in edge if not DOCUMENT_HEAD.search(line_plain_text(ln))]
        edge += [ln for ln in page.lines[-3:] if ln.y0 <= page.height * 0.15 and ln not in edge]
        for line in edge:
            for k, part in enumerate(gap_parts(line, PART_GAP)):
                text = plain_text(part)
                candidates.append((page, line, k, text, (line.y0 + line.y1) / 2))
    pages_with: dict[str, dict[int, float]] = {}
    for page, _line, _k, text, y in candidates:
        pages_with.setdefault(_furniture_key(text), {}).setdefault(page.number, y)
    needed = max(3, math.ceil(0.5 * len(pages)))
    recurring = set()
    for key, seen in pages_with.items():
        if len(seen) >= needed and len(pages) >= 3:
            ys = sorted(seen.values())
            median = ys[len(ys) // 2]
            if sum(abs(y - median) <= 8 for y in ys) >= needed:
                recurring.add(key)
    drop: dict[int, set[int]] = {}
    for page, line, k, text, _y in candidates:
        if _furniture_key(text) in recurring or PAGE_NUMBER.match(text):
            drop.setdefault(id(line), set()).add(k)
    removed = 0
    for page in pages:
        kept = []
        for line in page.lines:
            ks = drop.get(id(line))
            if ks:
                parts = [p for k, p in enumerate(gap_parts(line, PART_GAP)) if k not in ks]
                removed += len(ks)
                if not parts:
                    continue
                chars = [c for p in parts for c in p]
                glyphs = [c for c in chars if not c[4].isspace()]
                line = Line(chars, min(c[1] for c in glyphs), max(c[3] for c in glyphs), line.h)
            kept.append(line)
        page.lines = kept
    return removed


def footnote_start(page: PageText) -> int:
    """Index of the first footnote line: in the lower half, it opens with a raised small number ("¹ Luật Hải
    quan…") and is set smaller than the body text; everything below it on the page is footnote text."""
    body: float | None = None  # the median glyph height of the page, worked out only for a candidate line
    for k, line in enumerate(page.lines):
        if line.y1 > page.height / 2:
            continue
        glyphs = line.glyphs
        if len(glyphs) < 3 or not (glyphs[0][4].isdigit() or glyphs[0][4] in "*("):
            continue
        mark = [c for c in glyphs if c[2] <= glyphs[0][2] + 0.01 or (c[4].isdigit() and c[3] - c[1] < 0.8 * line.h)]
        rest = [c for c in glyphs[len(mark) :]]
        if not rest:
            continue
        rest_h = sorted(c[3] - c[1] for c in rest)[len(rest) // 2]
        mark_h = max(c[3] - c[1] for c in mark)
        raised = min(c[1] for c in mark) > min(c[1] for c in rest) + 0.15 * rest_h
        if mark_h <= 0.8 * rest_h and raised:
            if body is None:
                sizes = sorted(c[3] - c[1] for ln in page.lines for c in ln.glyphs)
                body = sizes[len(sizes) // 2]
            if not rest_h < 0.97 * body:
                continue
            return k
    return len(page.lines)
