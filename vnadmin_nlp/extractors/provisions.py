"""The numbered structure of the body as a tree.

Normative texts: Phần > Chương > Mục > Điều > khoản ``1.`` > điểm ``a)`` > ``-``.  Administrative texts:
``I.`` > ``1.`` (``1.1.``) > ``a)`` > ``-``.  A numbered line is taken as a provision only when it continues the
sequence of its level (``2.`` after ``1.``, ``đ)`` after ``d)`` in the Vietnamese alphabet), so a wrapped line
that happens to start with a number does not open a new item.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ..data import load
from ..lexicon.lazy import lazy_regex
from ..lexicon.spaces import squash
from ..model import Provision
from ..patterns import TEXT
from ..zoning import Seg
from .base import Context
from .fields import ProvisionsFields
from .label_order import follows, ordinal, roman
from .ocr_labels import HEADING_KINDS as _HEADING_KINDS, depth_below, heading_shaped, ocr_label
from .registry import extractor

# (pattern name, kind, rank, how the label counts): a lower rank is higher in the tree.  Where two readings
# fit one label (``I.`` Roman or a letter), the first listed is tried first.
_LEVELS = (
    ("label_part", "part", 0, "number"),
    ("label_chapter", "chapter", 1, "number"),
    ("label_section", "section", 2, "number"),
    ("label_article", "article", 3, "number"),
    ("label_roman", "section", 4, "roman"),
    ("label_upper_letter", "section", 3.5, "letter"),
    ("label_arabic", "item", 5, "number"),
    ("label_letter", "point", 9, "letter"),
    ("label_dash", "dash", 10, "none"),
)
_MAX_ROMAN = 39  # the highest part number read as Roman: XL, L, C, IL are letters or OCR's misreadings


@dataclass
class _Node:
    """A provision while the tree is built: its rank and label decide where the next one goes."""

    prov: Provision
    rank: int
    ident: str | None
    label_end: int


# The characters a label of each level can start with: a line's first character picks the few levels to try.
_FIRST_CHARS = {
    "label_part": "P",  # Phần
    "label_chapter": "C",  # Chương
    "label_section": "MT",  # Mục, Tiểu mục
    "label_article": "Đ",  # Điều
    "label_roman": "IVXLC",
    "label_upper_letter": "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ",
    "label_arabic": "0123456789",  # and any other decimal digit: see _levels_for
    "label_letter": "abcdefghijklmnopqrstuvwxyzđ",
    "label_dash": "-–+•*",
}
_LEVELS_BY_FIRST: dict[str, list[tuple]] = {}
for _level in _LEVELS:  # in the order of _LEVELS, which is the order readings are tried
    for _ch in _FIRST_CHARS[_level[0]]:
        _LEVELS_BY_FIRST.setdefault(_ch, []).append(_level)
_ARABIC = [lv for lv in _LEVELS if lv[0] == "label_arabic"]


def _levels_for(first: str) -> list[tuple]:
    return _LEVELS_BY_FIRST.get(first) or (_ARABIC if first.isdecimal() else [])


def _match_labels(text: str, seg: Seg) -> list[tuple[str, float, regex.Match, Any]]:
    """Every reading of the line's label, most likely first (``I.`` is a Roman one or the letter I)."""
    out: list[tuple[str, float, regex.Match, Any]] = []
    for name, kind, rank, style in _levels_for(text[seg.start]):
        m = getattr(TEXT, name).match(text, seg.start, seg.end)
        if m:
            if style == "roman" and (roman(m.group("id")) or 0) > _MAX_ROMAN:
                continue  # "IL.", "LI.": no part is numbered so far; OCR's strokes (extractors/ocr_labels.py)
            if name == "label_arabic":
                rank += m.group("id").count(".")
            out.append((kind, rank, m, style))
    return out


def _is_first(ident: str | None, style: str) -> bool:
    return ident is not None and ordinal(ident.rpartition(".")[2], style) == 1


# OCR's misreadings of a point's letter (``8)`` for ``a)``; data ocr_vocabulary.point_label_lookalikes): on an OCR'd
# page, read as the letter only where that letter is the one the list expects next.
@cache
def _ocr_lookalikes() -> tuple[dict[str, str], Any]:
    """The table and the label pattern it gives (built on the first OCR'd page, not at import)."""
    table = {str(k): str(v) for k, v in load("ocr_vocabulary")["point_label_lookalikes"].items()}
    return table, regex.compile(r"(?P<label>(?P<id>[" + regex.escape("".join(table)) + r"])\s*\))\s*(?=\S)")


def _ocr_point(text: str, seg: Seg, stack: list[_Node]) -> tuple[str, int, Any, int, str] | None:
    """A point label OCR misread (``8)``): the letter it stands for, placed, when that letter continues the open list
    of points (or opens one under the deepest open item), else None."""
    table, label = _ocr_lookalikes()
    m = label.match(text, seg.start, seg.end)
    if m is None:
        return None
    letter = table[m.group("id")]
    top = stack[-1]
    if top.rank == 9 and follows(top.ident, letter, "letter"):
        return "point", 9, m, len(stack) - 1, letter
    if top.rank < 9 and letter == "a" and top.prov.kind in ("item", "clause"):
        return "point", 9, m, len(stack), letter
    return None


@extractor("provisions", assigns=("provisions",))
def extract(ctx: Context) -> ProvisionsFields:
    """The body's provision tree, then an attached plan's (``zoning.attached``: its parts are read as its own tree,
    never under the decision's last article)."""
    top = _tree(ctx, *ctx.layout.body)
    attached = getattr(ctx.layout, "attached", None)
    if attached is not None:
        top += _tree(ctx, *attached)
    return {"provisions": top}


def _tree(ctx: Context, start: int, end: int) -> list[Provision]:
    text = ctx.text
    body_lines = ctx.page.lines_in(start, end)
    root = _Node(Provision(label="", path="", kind="part", span=(start, start)), -1, None, start)
    stack: list[_Node] = [root]
    opened: list[tuple[_Node, Seg]] = []
    has_articles = any(TEXT.label_article.match(text, s.start, s.end) for s in body_lines)
    ocr = bool(ctx.source_metadata.get("ocr_words"))
    for seg, prev in zip(body_lines, [None, *body_lines]):
        if prev is not None and _range_goes_on(text, prev, seg):
            continue  # "… trong năm 2025" then "- 2026.": a range of years wrapped before its dash, no item
        candidates = _match_labels(text, seg)
        placed = _place(stack, candidates, bool(opened), first=False) or _skipped_heading(text, seg, stack, candidates)
        read = ocr_label(text, seg.start, seg.end, stack) if placed is None and ocr else None
        if read is None and placed is None:
            placed = _place(stack, candidates, bool(opened))
        if read is None and placed is None and ocr and len(stack) > 1:
            read = _ocr_point(text, seg, stack)
        if read is not None:  # (the label as printed, the path as the letter or number it stands for)
            kind, rank, m, depth, ident = read
            _open(stack, opened, seg, kind, rank, m, depth, ident, has_articles)
            continue
        if placed is None:
            continue
        kind, rank, m, depth = placed
        _open(stack, opened, seg, kind, rank, m, depth, m.groupdict().get("id"), has_articles)
    _fill_texts(ctx, opened, end)
    top = root.prov.children
    if any(p.kind != "dash" for p in top):
        # bullets before the first numbered provision belong to the preamble, not to the numbered structure
        top = [p for p in top if p.kind != "dash"]
    return top


# A line that opens with a dash then a year, under a line that ends with a year: the range's second year
# ("… thực hiện trong năm 2025" / "- 2026.", "giai đoạn 2026" / "- 2030"), a PDF's line broken before the dash.
_YEAR_END = lazy_regex(r"(?<!\d)(?:19|20)\d\d[ \t]*$")
_DASH_YEAR = lazy_regex(r"[-–][ \t]*(?:19|20)\d\d(?!\d)")


def _range_goes_on(text: str, prev: Seg, seg: Seg) -> bool:
    return _DASH_YEAR.match(text, seg.start, seg.end) is not None and _YEAR_END.search(text, prev.start, prev.end) is not None


def _open(stack: list[_Node], opened: list[tuple[_Node, Seg]], seg: Seg, kind: Any, rank: Any, m: Any, depth: int,
          ident: str | None, has_articles: bool) -> None:
    """Open the provision a label starts: a child of the node at ``depth - 1``, replacing the stack below it."""
    text_label = squash(m.group("label"))
    parent = stack[depth - 1]
    if kind == "item" and has_articles and any(n.prov.kind == "article" for n in stack[1:depth]):
        kind = "clause"
    pid = ident if ident and kind != "dash" else f"-{len(parent.prov.children) + 1}"
    if ident and ident.lower().startswith("thứ"):
        pid = str(ordinal(ident) or ident)
    path = f"{parent.prov.path}.{pid}" if parent.prov.path else pid
    prov = Provision(label=text_label, path=path, kind=kind, span=(seg.start, seg.end))
    node = _Node(prov, rank, ident, m.end())
    parent.prov.children.append(prov)
    del stack[depth:]
    stack.append(node)
    opened.append((node, seg))


def _place(stack: list[_Node], candidates: list, started: bool, first: bool = True) -> tuple | None:
    """The first reading of a label that fits the open tree, with the stack depth where it goes (with ``first``
    False only a next sibling: not a first label opening a new level)."""
    fallback = None
    for kind, rank, m, style in candidates:
        ident = m.groupdict().get("id")
        if kind in _HEADING_KINDS and kind != "section" or kind == "dash":
            return kind, rank, m, depth_below(stack, rank)
        for i in range(len(stack) - 1, 0, -1):
            node = stack[i]
            if node.rank == rank and follows(node.ident, ident, style):
                return kind, rank, m, i  # a sibling: the new node replaces it on the stack
            if node.prov.kind in _HEADING_KINDS and node.rank < rank:
                break  # never continue a list across an article or a chapter
        if first and fallback is None and (_is_first(ident, style) or not started):
            fallback = (kind, rank, m, depth_below(stack, rank))
    return fallback


def _skipped_heading(text: str, seg: Seg, stack: list[_Node], candidates: list) -> tuple | None:
    """A part or item number that skips one (``IV.`` after ``II.``, ``3.`` after ``1.``) on a line that reads as a
    heading (``IV. TỔ CHỨC THỰC HIỆN``): the next sibling all the same, its predecessor's heading lost (an OCR'd
    page drops a heading line; a typed one misnumbers).  A wrapped line that starts with a number is no heading."""
    for kind, rank, m, style in candidates:
        ident = m.groupdict().get("id")
        if kind not in ("section", "item") or style not in ("roman", "number") or not ident or "." in ident:
            continue
        if not heading_shaped(text, m.end(), seg.end):
            continue
        for i in range(len(stack) - 1, 0, -1):
            node = stack[i]
            if node.rank == rank and node.ident and "." not in node.ident:
                before, here = ordinal(node.ident, style), ordinal(ident, style)
                if before is not None and here == before + 2:
                    return kind, rank, m, i
            if node.prov.kind in _HEADING_KINDS and node.rank < rank:
                break
    return None


def _fill_texts(ctx: Context, opened: list[tuple[_Node, Seg]], body_end: int) -> None:
    """Give each provision its own text (up to the next provision), its title, and its span."""
    text = ctx.text
    for i, (node, seg) in enumerate(opened):
        stop = opened[i + 1][1].start if i + 1 < len(opened) else body_end
        own_start = node.label_end
        own = text[own_start:stop]
        trimmed_end = own_start + len(own.rstrip())
        prov = node.prov
        prov.span = (seg.start, max(trimmed_end, seg.end))
        body = squash(own)
        if prov.kind in _HEADING_KINDS:
            first_line_end = text.find("\n", own_start, stop)
            first_line_end = stop if first_line_end < 0 else first_line_end
            title = squash(text[own_start:first_line_end]).lstrip(".:- ")
            rest = squash(text[first_line_end:stop])
            if not title and prov.kind in ("part", "chapter", "section") and rest:
                # "Chương I" alone, its title in capitals on the next line
                nxt = text.find("\n", first_line_end + 1, stop)
                nxt = stop if nxt < 0 else nxt
                title = squash(text[first_line_end:nxt])
                rest = squash(text[nxt:stop])
            prov.title = title or None
            prov.text = rest
        else:
            prov.text = body
