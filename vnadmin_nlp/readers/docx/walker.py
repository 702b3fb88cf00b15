"""The body walked in the order Word lays it out: paragraphs, tables, content controls, text boxes, math.

Deleted revision text is skipped and inserted text kept; soft breaks become "\\n", tabs "\\t"; a text box
(one branch of ``mc:AlternateContent`` only) becomes its own blocks after its anchor paragraph.  Tables are
read cell by cell here and put in reading order by :func:`~vnadmin_nlp.readers.tables.order_table`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Iterator

from lxml import etree

from .. import limits
from ..base import Block
from ..tables import order_table
from .numbering import Numbering
from .styles import Styles
from .wordml import M_OMATH, M_OMATHPARA, M_T, MC_ALT, choose_branch, is_on, to_int

# w:sym characters (symbol fonts map letters to private-use code points) -> what the page shows.
SYMBOL_CHARS: dict[tuple[str, str], str] = {
    ("webdings", "F063"): "□",
    ("wingdings", "F06F"): "□",
    ("wingdings", "F0A8"): "□",
    ("wingdings", "F071"): "❑",
    ("wingdings", "F0FE"): "☑",
    ("wingdings", "F0FD"): "☒",
    ("wingdings", "F0FC"): "✓",
    ("wingdings", "F0A7"): "▪",
    ("wingdings", "F0D8"): "➢",
    ("wingdings", "F076"): "❖",
    ("wingdings", "F0E0"): "→",
    ("symbol", "F0B7"): "•",
    ("symbol", "F02D"): "-",
    ("symbol", "F0AE"): "→",
    ("symbol", "F0B3"): "≥",
    ("symbol", "F0A3"): "≤",
}
# Empty lines inside one paragraph (a signature gap typed with Shift+Enter): one break is enough.
_BLANK_LINES = re.compile(r"\n(?:[ \t\u00a0]*\n)+")


@dataclass
class Cell:
    """Where a paragraph sits when it is inside a table cell."""

    table: int
    row: int
    col: int


class Walker:
    """Turns the body (and note parts) into blocks, in reading order."""

    def __init__(self, tags: SimpleNamespace, styles: Styles, numbering: Numbering) -> None:
        self.t = tags
        self.styles = styles
        self.numbering = numbering
        self.n_tables = 0
        self.note_refs: list[tuple[str, str]] = []
        self.tracked_changes = False
        t = tags
        self._inline_containers = {t.hyperlink, t.ins, t.moveTo, t.smartTag, t.fldSimple, t.customXml, t.dir,
                                   t.bdo}
        self._skip_inline = {getattr(t, "del"), t.moveFrom}
        self._graphics = {t.drawing, t.pict, t.object, MC_ALT}
        self._run_props = (t.b, t.i, t.vanish, t.rStyle)
        self._para_props = (t.pStyle, t.numPr, t.jc)
        self.depth = 0  # containers and inline wrappers open now (limit max_nesting: the walk recurses)

    def _enter(self) -> None:
        self.depth += 1
        limits.check("max_nesting", self.depth, "the nesting of tables, content controls and wrappers")

    # --- containers (body, cell, text box, note) ---

    def container(self, elem: etree._Element, kind: str, out: list[Block], cell: Cell | None) -> None:
        self._enter()
        try:
            self._container(elem, kind, out, cell)
        finally:
            self.depth -= 1

    def _container(self, elem: etree._Element, kind: str, out: list[Block], cell: Cell | None) -> None:
        t = self.t
        for child in elem:
            tag = child.tag
            if tag == t.p:
                self.paragraph(child, kind, out, cell)
            elif tag == t.tbl:
                self.table(child, kind, out)
            elif tag == t.sdt:
                content = self._sdt_content(child)
                if content is not None:
                    self.container(content, kind, out, cell)
            elif tag in (t.customXml, t.ins, t.moveTo):
                if tag != t.customXml:
                    self.tracked_changes = True
                self.container(child, kind, out, cell)
            elif tag == MC_ALT:
                branch = choose_branch(child)
                if branch is not None:
                    self.container(branch, kind, out, cell)
            elif tag in self._skip_inline:
                self.tracked_changes = True

    def _sdt_content(self, sdt: etree._Element) -> etree._Element | None:
        t = self.t
        pr = sdt.find(t.sdtPr)
        if pr is not None and pr.find(t.showingPlcHdr) is not None:
            return None  # "Click here to enter text": a placeholder, not document text
        return sdt.find(t.sdtContent)

    # --- paragraphs ---

    def paragraph(self, p: etree._Element, kind: str, out: list[Block], cell: Cell | None) -> None:
        t = self.t
        parts: list[str] = []
        state = [0, 0, 0]  # runs with visible text, of which bold, of which italic
        boxes: list[etree._Element] = []
        ppr = p.find(t.pPr)
        style = None
        num_id = ilvl = None
        align = None
        ps = None
        if ppr is not None:
            num_pr = jc = None
            for prop in ppr.iterchildren(*self._para_props):  # the first of each, as find() would give
                ptag = prop.tag
                if ptag == t.pStyle:
                    ps = prop if ps is None else ps
                elif ptag == t.numPr:
                    num_pr = prop if num_pr is None else num_pr
                elif jc is None:
                    jc = prop
            if ps is not None:
                style = self.styles.get(ps.get(t.val))
            if num_pr is not None:
                el = num_pr.find(t.numId)
                if el is not None:
                    num_id = el.get(t.val)
                el = num_pr.find(t.ilvl)
                if el is not None:
                    ilvl = to_int(el.get(t.val), 0)
            if jc is not None:
                align = jc.get(t.val)
        style_bold = style.bold if style is not None else None
        style_italic = style.italic if style is not None else None
        self._inline(p, parts, state, boxes, style_bold, style_italic)
        text = "".join(parts)
        if "\n" in text:
            # signature gaps made of empty lines: one break is enough; none at the ends of the block
            text = _BLANK_LINES.sub("\n", text).strip("\n")

        label = None
        if style is not None:
            if num_id is None and style.num_id:
                num_id = style.num_id
                if ilvl is None:
                    ilvl = style.ilvl
            if align is None:
                align = style.align
        if num_id and num_id != "0":
            if ilvl is None:
                ilvl = self.numbering.ilvl_for_style(num_id, ps.get(t.val) if ps is not None else None) or 0
            label = self.numbering.label(num_id, ilvl)
            if label:  # Word shows the label even on an empty paragraph (auto-numbered STT cells)
                text = label + text.lstrip(" ") if text.strip() else label.rstrip()

        if text.strip():
            hints: dict[str, Any] = {}
            if state[0]:
                if state[1] == state[0]:
                    hints["bold"] = True
                if state[2] == state[0]:
                    hints["italic"] = True
            if align in ("center", "right", "end"):
                hints["align"] = "right" if align == "end" else align
            if label:
                hints["list_label"] = label.strip()
            if cell is not None and kind == "cell":
                out.append(Block(text=text, kind="cell", table=cell.table, row=cell.row, col=cell.col,
                                 style=hints or None))
            else:
                out.append(Block(text=text, kind=kind, style=hints or None))
        for box in boxes:
            self.container(box, "textbox", out, None)

    def _inline(self, parent: etree._Element, parts: list[str], state: list[int],
                boxes: list[etree._Element], bold: bool | None, italic: bool | None) -> None:
        self._enter()
        try:
            self._inline_children(parent, parts, state, boxes, bold, italic)
        finally:
            self.depth -= 1

    def _inline_children(self, parent: etree._Element, parts: list[str], state: list[int],
                         boxes: list[etree._Element], bold: bool | None, italic: bool | None) -> None:
        t = self.t
        for child in parent:
            tag = child.tag
            if tag == t.r:
                self._run(child, parts, state, boxes, bold, italic)
            elif tag in self._inline_containers:
                if tag == t.ins or tag == t.moveTo:
                    self.tracked_changes = True
                self._inline(child, parts, state, boxes, bold, italic)
            elif tag == t.sdt:
                content = self._sdt_content(child)
                if content is not None:
                    self._inline(content, parts, state, boxes, bold, italic)
            elif tag == MC_ALT:
                branch = choose_branch(child)
                if branch is not None:
                    self._inline(branch, parts, state, boxes, bold, italic)
            elif tag == M_OMATHPARA or tag == M_OMATH:
                parts.append("".join(child.itertext(M_T)))
            elif tag in self._skip_inline:
                self.tracked_changes = True

    def _run(self, r: etree._Element, parts: list[str], state: list[int], boxes: list[etree._Element],
             bold: bool | None, italic: bool | None) -> None:
        t = self.t
        start = len(parts)
        for c in r:
            tag = c.tag
            if tag == t.t:
                if c.text:
                    parts.append(c.text)
            elif tag == t.rPr:
                # one pass over the four run properties read here; lxml skips the others (fonts, sizes,
                # language: most of a run's properties) without making a Python object of each
                for prop in c.iterchildren(*self._run_props):
                    ptag = prop.tag
                    if ptag == t.b:
                        bold = is_on(prop, t.val)
                    elif ptag == t.i:
                        italic = is_on(prop, t.val)
                    elif ptag == t.vanish:
                        if is_on(prop, t.val):
                            return  # hidden text: Word neither shows nor prints it
                    elif ptag == t.rStyle:
                        rstyle = self.styles.get(prop.get(t.val))
                        if rstyle is not None:  # direct <w:b>/<w:i> come after rStyle and override it
                            bold = rstyle.bold if rstyle.bold is not None else bold
                            italic = rstyle.italic if rstyle.italic is not None else italic
            elif tag == t.tab or tag == t.ptab:
                parts.append("\t")
            elif tag == t.br:
                kind = c.get(t.type)
                if kind is None or kind == "textWrapping":
                    parts.append("\n")
            elif tag == t.cr:
                parts.append("\n")
            elif tag == t.noBreakHyphen:
                parts.append("-")
            elif tag == t.sym:
                font = (c.get(t.font) or "").lower()
                code = (c.get(t.char) or "").upper()
                if len(code) == 4 and code.startswith("00"):
                    code = "F0" + code[2:]
                parts.append(SYMBOL_CHARS.get((font, code), ""))
            elif tag in self._graphics:
                self._find_boxes(c, boxes)
            elif tag == t.footnoteReference:
                self.note_refs.append(("footnote", c.get(t.id) or ""))
            elif tag == t.endnoteReference:
                self.note_refs.append(("endnote", c.get(t.id) or ""))
        n = len(parts) - start
        if n:
            # most runs give one piece of text: test it alone, not through a generator
            if (not parts[start].isspace()) if n == 1 else any(not s.isspace() for s in parts[start:]):
                state[0] += 1
                if bold:
                    state[1] += 1
                if italic:
                    state[2] += 1

    def _find_boxes(self, elem: etree._Element, found: list[etree._Element]) -> None:
        """Text boxes under a drawing, in document order, without descending into a box (its own walk finds
        nested ones); iterative, so that a drawing nested thousands deep cannot exhaust the stack."""
        if elem.tag == MC_ALT:
            branch = choose_branch(elem)
            if branch is None:
                return
            elem = branch
        txbx = self.t.txbxContent
        stack: list[Iterator[etree._Element]] = [iter(elem)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
            elif child.tag == txbx:
                found.append(child)
            elif child.tag == MC_ALT:
                branch = choose_branch(child)
                if branch is not None:
                    stack.append(iter(branch))
            elif len(child):
                stack.append(iter(child))

    # --- tables ---

    def table(self, tbl: etree._Element, kind: str, out: list[Block]) -> None:
        t = self.t
        index = self.n_tables
        self.n_tables += 1
        rows: list[list[tuple[int, int, list[Block]]]] = []
        for ri, tr in enumerate(self._children(tbl, t.tr)):
            col = 0
            trpr = tr.find(t.trPr)
            if trpr is not None:
                gb = trpr.find(t.gridBefore)
                if gb is not None:
                    col = to_int(gb.get(t.val), 0) or 0
            cells: list[tuple[int, int, list[Block]]] = []
            for tc in self._children(tr, t.tc):
                span = 1
                continued = False
                tcpr = tc.find(t.tcPr)
                if tcpr is not None:
                    gs = tcpr.find(t.gridSpan)
                    if gs is not None:
                        span = max(to_int(gs.get(t.val), 1) or 1, 1)
                    vm = tcpr.find(t.vMerge)
                    if vm is not None and (vm.get(t.val) or "continue") == "continue":
                        continued = True
                if not continued:
                    blocks: list[Block] = []
                    self.container(tc, "cell", blocks, Cell(index, ri, col))
                    cells.append((col, span, blocks))
                col += span
            rows.append(cells)
        grid = tbl.find(t.tblGrid)
        n_cols = len(grid.findall(t.gridCol)) if grid is not None else 0
        out.extend(order_table(rows, n_cols, index))

    def _children(self, parent: etree._Element, tag: str) -> Iterator[etree._Element]:
        """Direct children with this tag, looking through content controls and custom XML wrappers."""
        t = self.t
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    yield from self._children(content, tag)
            elif child.tag == t.customXml:
                yield from self._children(child, tag)

