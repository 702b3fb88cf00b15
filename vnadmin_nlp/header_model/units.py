"""The units the header model tags: the header window's lines cut at their anchors (as the rules cut them) and
the closing window's lines, each with its place in the window and, where the reader gave it, its layout."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..zoning import Layout, Page, Seg
from ..zoning.header_lines import split_header_line

HEADER_LINES = 30  # the header window: the first lines of the text
CLOSING_BEFORE = 3  # lines above the rules' closing zone that the closing window also holds
CLOSING_TAIL = 30  # no closing found by the rules: the last lines of the body


@dataclass
class Unit:
    seg: Seg
    zone: str  # "header" or "closing"
    index: int  # in its window
    line: int  # the index of its line in page.lines
    joined: bool = False  # cut from the same line as the unit before it
    blank_after: bool = False
    layout: dict[str, Any] = field(default_factory=dict)  # column, indent, size, bold (where the reader gave them)


@dataclass
class BlockLayout:
    """The reader's blocks as spans of the normalised text, with what each says of its layout."""

    starts: list[int]
    ends: list[int]
    styles: list[dict[str, Any]]

    @classmethod
    def of(cls, spans: Sequence[tuple[int, int]], styles: Sequence[dict[str, Any] | None], cols: Sequence[int | None]) -> "BlockLayout":
        order = sorted(range(len(spans)), key=lambda i: (spans[i][0], i))
        out = cls([], [], [])
        for i in order:
            style = dict(styles[i] or {})
            if cols[i] is not None and "column" not in style:
                style["column"] = cols[i]
            out.starts.append(spans[i][0])
            out.ends.append(spans[i][1])
            out.styles.append(style)
        return out

    def at(self, pos: int) -> dict[str, Any]:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.ends[i]:
            return self.styles[i]
        return {}


def _layout(style: dict[str, Any], median_size: float | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "column" in style:
        out["column"] = str(style["column"])
    if isinstance(style.get("indent"), (int, float)):
        out["indent"] = min(int(style["indent"] // 60), 6)
    size = style.get("size")
    if isinstance(size, (int, float)) and median_size:
        ratio = size / median_size
        out["size"] = "big" if ratio > 1.08 else "small" if ratio < 0.92 else "body"
    if style.get("bold"):
        out["bold"] = True
    return out


def _median_size(blocks: BlockLayout | None) -> float | None:
    if blocks is None:
        return None
    sizes = sorted(s["size"] for s in blocks.styles if isinstance(s.get("size"), (int, float)) and s["size"] > 0)
    return sizes[len(sizes) // 2] if sizes else None


def closing_window(page: Page, layout: Layout) -> tuple[int, int]:
    """The lines (indices in ``page.lines``) of the closing window: the rules' closing with a few lines above
    it, else the last lines of the body."""
    lines = page.lines
    starts = [ln.start for ln in lines]
    if layout.closing is not None:
        first = max(bisect_right(starts, layout.closing.start) - 1 - CLOSING_BEFORE, 0)
        last = bisect_right(starts, max(layout.closing.end - 1, layout.closing.start))
        return first, max(last, first + 1)
    end = bisect_right(starts, max(layout.body[1] - 1, 0))
    return max(end - CLOSING_TAIL, 0), end


def units(page: Page, layout: Layout, blocks: BlockLayout | None = None) -> tuple[list[Unit], list[Unit]]:
    """The header window's units and the closing window's (the two may not overlap: a short text is header)."""
    lines = page.lines
    median = _median_size(blocks)
    header: list[Unit] = []
    first, last = closing_window(page, layout)
    n_head = min(HEADER_LINES, first if layout.closing is not None else len(lines))
    for i in range(n_head):
        for j, seg in enumerate(split_header_line(page, lines[i])):
            header.append(Unit(seg, "header", len(header), i, joined=j > 0))
    first = max(first, n_head)
    closing = [Unit(lines[i], "closing", k, i) for k, i in enumerate(range(first, last))]
    text = page.text
    for group in (header, closing):
        for k, u in enumerate(group):
            nxt = group[k + 1] if k + 1 < len(group) else None
            if nxt is not None and nxt.line != u.line:
                u.blank_after = "\n\n" in text[u.seg.end : nxt.seg.start] or lines[nxt.line].blank_before
            if blocks is not None:
                u.layout = _layout(blocks.at(u.seg.start), median)
    return header, closing
