"""The walk of the document element: one block per block-level element or ``<br>``-separated line.

Inline tags are joined without adding spaces, so ``1<i>0</i>/2018`` stays ``10/2018``; list labels the browser
draws (``<ol type="a">``) are written into the text; tables are read cell by cell and put in reading order by
:func:`~vnadmin_nlp.readers.tables.order_table`, like the DOCX reader's.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from lxml import etree

from .. import limits
from ..base import Block
from ..labels import format_number
from ..tables import order_table
from .spaces import collapse_spaces

# Never text: scripts, styles, form controls, embedded media.
SKIP_TAGS = frozenset(
    "script style noscript template svg iframe object embed button select input textarea option canvas video "
    "audio map head title meta link base".split()
)
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote pre section article header footer aside nav main address "
    "center figure figcaption caption ul ol dl form fieldset legend hr details summary tbody thead tfoot tr "
    "td th body html".split()
)
BOLD_TAGS = frozenset(("b", "strong"))
ITALIC_TAGS = frozenset(("i", "em"))
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# <ol type="…"> -> number format; the browser draws these labels, so they are not in the markup.
TYPED_BULLETS = frozenset("-–—•+*·▪o")
OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}

# vbpl.vn marks provisions with classes; the zoner can use them as hints.
VBPL_ROLES = {
    "prov-chapter": "chapter", "prov-section": "section", "prov-article": "article", "prov-clause": "clause",
    "prov-item": "item", "prov-content": "content", "prov-part": "part", "prov-appendix": "appendix",
}
_MAX_DEPTH = 150  # real pages nest < 60 deep; deeper is flattened to keep the recursion bounded


class _Flow:
    """Inline text gathered until the next block boundary, with how much of it was bold/italic."""

    __slots__ = ("parts", "bold", "italic")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.bold = 0
        self.italic = 0

    def add(self, text: str, bold: bool, italic: bool) -> None:
        self.parts.append(text)
        if bold or italic:
            n = len(text) - text.count(" ")
            if bold:
                self.bold += n
            if italic:
                self.italic += n


class Walker:
    """Blocks of one document element, in document order; counts the tables it reads."""

    def __init__(self) -> None:
        self.n_tables = 0

    def container(self, root: etree._Element, out: list[Block], kind: str = "paragraph",
                  cell: tuple[int, int, int] | None = None, depth: int = 0) -> None:
        flow = _Flow()
        ctx = {"bold": False, "italic": False, "align": None, "role": None, "heading": None, "list": None}
        self._children(root, out, flow, ctx, kind, cell, depth)
        self._flush(out, flow, ctx, kind, cell)

    def _children(self, el: etree._Element, out: list[Block], flow: _Flow, ctx: dict[str, Any], kind: str,
                  cell: tuple[int, int, int] | None, depth: int) -> None:
        if el.text:
            flow.add(el.text, ctx["bold"], ctx["italic"])
        for child in el:
            self._node(child, out, flow, ctx, kind, cell, depth + 1)
            if child.tail:
                flow.add(child.tail, ctx["bold"], ctx["italic"])

    def _node(self, el: etree._Element, out: list[Block], flow: _Flow, ctx: dict[str, Any], kind: str,
              cell: tuple[int, int, int] | None, depth: int) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # comment, processing instruction
            return
        tag = tag.lower()
        if tag in SKIP_TAGS or _hidden(el):
            return
        if tag == "br":
            self._flush(out, flow, ctx, kind, cell)
            return
        if depth > _MAX_DEPTH:  # pathological nesting: keep the text, stop recursing
            flow.add(el.text_content(), ctx["bold"], ctx["italic"])
            return
        if tag == "table":
            self._flush(out, flow, ctx, kind, cell)
            out.extend(self.table(el, depth))
            return
        block = tag in BLOCK_TAGS
        if block:
            self._flush(out, flow, ctx, kind, cell)
        saved = dict(ctx)
        if tag in BOLD_TAGS:
            ctx["bold"] = True
        elif tag in ITALIC_TAGS:
            ctx["italic"] = True
        style = el.get("style")
        if style:
            low = style.lower()
            if "font-weight" in low and re.search(r"font-weight\s*:\s*(bold|[6-9]00)", low):
                ctx["bold"] = True
            if "font-style" in low and "italic" in low:
                ctx["italic"] = True
        if block:
            align = (el.get("align") or "").lower()
            if not align and style and "text-align" in style:
                m = re.search(r"text-align\s*:\s*(\w+)", style, re.IGNORECASE)
                align = m.group(1).lower() if m else ""
            if align:
                ctx["align"] = align
            if tag in HEADINGS:
                ctx["heading"] = HEADINGS[tag]
            if tag in ("ol", "ul"):
                ctx["list"] = _list_state(el, tag)
            elif tag == "li" and ctx["list"] is not None:
                label = _list_label(el, ctx["list"])
                if label:
                    flow.add(label, False, False)
            classes = el.get("class")
            if classes and "prov-" in classes:
                for name in classes.split():
                    if name in VBPL_ROLES:
                        ctx["role"] = VBPL_ROLES[name]
        self._children(el, out, flow, ctx, kind, cell, depth)
        if block:
            self._flush(out, flow, ctx, kind, cell)
        ctx.clear()
        ctx.update(saved)

    @staticmethod
    def _flush(out: list[Block], flow: _Flow, ctx: dict[str, Any], kind: str,
               cell: tuple[int, int, int] | None) -> None:
        if not flow.parts:
            return
        text = collapse_spaces("".join(flow.parts))
        bold, italic = flow.bold, flow.italic
        flow.parts.clear()
        flow.bold = flow.italic = 0
        if not text or text.isspace():
            return
        hints: dict[str, Any] = {}
        visible = len(text) - text.count(" ")
        if visible and bold >= visible:
            hints["bold"] = True
        if visible and italic >= visible:
            hints["italic"] = True
        if ctx["align"] in ("center", "right"):
            hints["align"] = ctx["align"]
        if ctx["heading"]:
            hints["heading"] = ctx["heading"]
        if ctx["role"]:
            hints["vbpl_role"] = ctx["role"]
        if cell is not None:
            out.append(Block(text=text, kind="cell", table=cell[0], row=cell[1], col=cell[2],
                             style=hints or None))
        else:
            out.append(Block(text=text, kind=kind, style=hints or None))

    def table(self, table: etree._Element, depth: int = 0) -> list[Block]:
        index = self.n_tables
        self.n_tables += 1
        occupied: set[tuple[int, int]] = set()
        rows: list[list[tuple[int, int, list[Block]]]] = []
        trs = list(_rows(table))
        for ri, tr in enumerate(trs):
            col = 0
            cells: list[tuple[int, int, list[Block]]] = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th") or _hidden(td):
                    continue
                while (ri, col) in occupied:
                    col += 1
                colspan = _span(td.get("colspan"), 100)
                rowspan = min(_span(td.get("rowspan"), 1000), len(trs) - ri)  # a browser stops at the last row
                if rowspan > 1:
                    limits.check("max_table_cells", len(occupied) + (rowspan - 1) * colspan,
                                 f"the grid cells of table {index + 1} with its row and column spans")
                blocks: list[Block] = []
                self.container(td, blocks, "cell", (index, ri, col), depth + 2)
                cells.append((col, colspan, blocks))
                for r in range(ri + 1, ri + rowspan):
                    for c in range(col, col + colspan):
                        occupied.add((r, c))
                col += colspan
            rows.append(cells)
        return order_table(rows, 0, index)


def _list_state(el: etree._Element, tag: str) -> list[Any]:
    """[number format, "bullet" or "none"; next value] of a list; "list-style: none" shows no label."""
    style = (el.get("style") or "").replace(" ", "").lower()
    if "list-style:none" in style or "list-style-type:none" in style:
        return ["none", 0]
    if tag == "ul":
        return ["bullet", 0]
    return [OL_TYPES.get(el.get("type") or "1", "decimal"), _span(el.get("start"), 10**6) if el.get("start") else 1]


def _list_label(li: etree._Element, state: list[Any]) -> str:
    """The label a browser draws before this <li>, unless the text already types one itself."""
    fmt = state[0]
    if fmt == "none":
        return ""
    typed = (li.text or "").lstrip() or li.text_content().lstrip()
    if fmt == "bullet":
        return "" if typed[:1] in TYPED_BULLETS else "• "
    if li.get("value"):
        state[1] = _span(li.get("value"), 10**6)
    label = format_number(state[1], fmt) + "."
    state[1] += 1
    return "" if typed.startswith(label) else label + " "


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows (directly, or under thead/tbody/tfoot), never those of a nested table."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag.lower() == "tr":
                    yield tr


def _span(value: str | None, cap: int) -> int:
    """A colspan/rowspan/start attribute as a number from 1 to ``cap``; 1 when absent or unreadable."""
    try:
        return min(max(int(str(value).strip()), 1), cap) if value else 1
    except ValueError:
        return 1


def _hidden(el: etree._Element) -> bool:
    """Hidden by the ``hidden`` attribute or an inline ``display: none`` / ``visibility: hidden``."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and ("none" in style or "hidden" in style):
        low = style.replace(" ", "").lower()
        return "display:none" in low or "visibility:hidden" in low
    return False

