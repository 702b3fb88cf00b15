"""The units tasks are read from, in reading order: each provision's own text (without its children), with the
body a heading above names, then the paragraphs of the body before the first provision."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Sequence

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ...model import Provision
from ...patterns import compile_section
from ..base import Context
from . import execution, names, scope
from .scans import paragraphs

_GOES_ON = lazy_regex(r"(?<![\p{L}])(?:thuộc|của|và|với|các|tại|cho|về|trực thuộc)[ \t]*$|,[ \t]*$")
# A line that ends in an office-holder's title or a head that a proper name must follow goes on with that name: "Điều 3.
# Chánh Văn phòng UBND tỉnh, Giám đốc Sở Giao thông vận tải, Giám đốc" / "Sở Tư pháp, … chịu trách nhiệm thi hành"
# (a PDF's line broken inside the execution clause; "các Sở" at a line's end is a collective and ends a title).
_T = load("tasks")
_HOLDER_AT_END = lazy_regex(r"(?<![\p{L}])(?<!các\s)(?:" + "|".join(escape(fold(w)) for w in [*_T["office_holders"], *_T["proper_heads"]])
                            + r")[ \t]*$")
_ITEM_KINDS = {"clause", "item", "point", "dash"}
TASKS = compile_section("tasks")  # label
_SUMMARY = lazy_regex(r"(?m)^[ \t]*(?:" + "|".join(escape(fold(w)) for w in _T["closing_summaries"]) + r")(?![\p{L}])")


@dataclass
class Unit:
    """A stretch of own text: a provision's (without its children) or a paragraph outside the provisions."""

    start: int
    end: int
    path: str | None
    allowed: bool = True
    dated: bool = False  # a regulation's article outside its implementation articles: only dated assignments
    lead: list[str] | None = None  # the body a heading above names: each such unit is one task
    heading: bool = False  # the unit only names the body for the items below it
    items: list[tuple[int, int]] = field(default_factory=list)  # paragraphs under a heading line of its own
    body: int | None = None  # where its own words start: after the label, and after an article's title line
    tree_end: int | None = None  # where its provision's last child ends (its own end when it has none)
    support: list[str] = field(default_factory=list)  # the bodies the request above names to assist (each item's)
    # the bodies the opening request asks (``Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở …: ``), and its support: the
    # lead of a top-level item whose sentences name no one (tasks.py); an item that names its own body keeps it
    asked: tuple[list[str], list[str]] | None = None


def read_units(ctx: Context, is_normative: bool) -> Iterator[Unit]:
    """The units in reading order: provisions (depth first), then the paragraphs of the body before the first
    provision, and those from the paragraph that sums the body up (``closing_summaries``) to its end."""
    text, key = ctx.text, ctx.page.key
    doc_provisions = ctx.fields.get("provisions") or []
    body_start, body_end = ctx.layout.body
    first = min((p.span[0] for p in doc_provisions), default=body_end)
    in_body = [p for p in doc_provisions if p.span[0] < body_end]
    last = max((_last_start(p) for p in in_body), default=body_end)  # (no provision after the summary)
    summary = _SUMMARY.search(key, last + 1, body_end) if doc_provisions else None
    close = summary.start() if summary else body_end

    body_close, attached = close, getattr(ctx.layout, "attached", None)
    opening = _opening_request(text, key, body_start, first)

    def visit(p: Provision, chain: Sequence[Provision], lead: list[str] | None, support: Sequence[str] = (),
              stop: int | None = None) -> Iterator[Unit]:
        chain = [*chain, p]
        s, e = p.span
        if s >= close:
            return
        e = min(e, close, stop or e)
        body = label_end(text, s, e)
        # (an article that is an execution clause implements, whatever title the parser cut from its first line; it
        # ends with its sentence, before the regulation its decision issues)
        clause = p.kind == "article" and len(chain) == 1 and not p.children and execution.opens(text, key, body, e)
        e = execution.clause_end(text, key, body, e) if clause else e
        ok = scope.allowed(chain, is_normative) or clause
        dated = not ok and is_normative and scope.allowed(chain, False)  # dated assignments only (scope.py)
        if p.title and p.kind in ("article", "chapter", "part", "section"):
            line_end = text.find("\n", body, e)  # "Điều 56. Trách nhiệm thi hành" then the article's words
            nxt = text[line_end + 1 : line_end + 2] if line_end > 0 else ""
            wrapped = nxt.islower() or _GOES_ON.search(key, body, line_end) is not None or _HOLDER_AT_END.search(key, body, line_end) is not None if line_end > 0 else False
            # (an execution clause the parser took for a title is the article's words: "Điều 3. Chánh Văn phòng …
            # chịu trách nhiệm thi hành Quyết định này./." then the regulation the decision issues)
            wrapped = wrapped or (line_end > 0 and execution.opens(text, key, body, e))
            if line_end > 0 and fold(p.title)[:20] in key[body:line_end] and not wrapped:
                body = line_end + 1  # (a "title" the next line goes on in lower case, or that ends in a word that
                # needs one after it, is a wrapped sentence: "Điều 3. Các Bộ trưởng, …, cơ quan thuộc" / "Chính phủ …")
        unit = Unit(s, e, p.path, ok or dated, dated, lead if p.kind in _ITEM_KINDS else None, body=body, tree_end=min(_tree_end(p), close))
        unit.support = list(support) if unit.lead is not None else []
        if opening is not None and unit.lead is None and len(chain) == 1 and p.kind in _ITEM_KINDS and s < body_close:
            unit.asked = opening
        below, below_support = lead, support
        if ok or dated:
            # (a titled article's own words before its clauses: "Điều 6. Cập nhật …" then "Các cơ quan chủ quản cơ sở dữ
            # liệu có trách nhiệm:" then "1. …")
            head = scope.heading(text, key, body, e if not p.title else p.children[0].span[0]) if p.children else None
            first = text.find("\n", body, e)
            if head is None and not p.children and first > 0 and text[first + 1 : first + 2].isupper() and not names.flattened(text, body, e):
                head = scope.heading(text, key, body, first)  # "1. Cục Thuế tỉnh:" then paragraphs, no labels
                if head is not None:  # the first task takes the heading line with it
                    unit.items = paragraphs(text, first, e)
                    unit.items[:1] = [(s, b) for _, b in unit.items[:1]]
            titled = scope.title_lead(p)
            if head is not None:
                unit.heading, unit.lead, below = True, head, head
            elif titled is not None:
                below = titled
            elif p.children and _ends_with_colon(text, body, e):
                asked = scope.addressees(text, key, body, e)  # "Trung tâm kính đề xuất UBND tỉnh:" then items
                request = scope.request_heading(text, key, body, e) if asked is None else None
                if request is not None:  # "Giao Sở Xây dựng chủ trì, phối hợp với các cơ quan liên quan:" then items
                    unit.heading, (below, below_support) = True, request
                elif asked is not None:  # (the intro itself is no task: "Đề nghị Ủy ban MTTQ Việt Nam tỉnh:")
                    unit.heading, below = True, asked
        yield unit
        heading: tuple[str, list[str]] | None = None  # a dash that names a body for the "+" items after it
        named: list[str] | None = None  # a body on a line of its own between the items: theirs from there on
        for c in p.children:
            mark = text[c.span[0] : c.span[0] + 1]
            if heading is not None and mark in _BULLETS and mark != heading[0]:
                yield from visit(c, chain, heading[1])
                continue
            heading = _sibling_heading(text, key, c, mark) if ok else None
            line = _body_line(text, key, c) if ok and heading is None else None
            yield from visit(c, chain, below if named is None else named, below_support if named is None else (), line[0] if line else None)
            named = line[1] if line else named

    for p in doc_provisions:  # (an attached plan's parts run to its own end: zoning.attached)
        close = attached[1] if attached is not None and p.span[0] >= attached[0] else body_close
        yield from visit(p, [], None)
    close = body_close
    for a, b in paragraphs(text, body_start, first):  # a paragraph ends at a line break after a sentence
        yield Unit(a, b, None)
    if summary is not None:
        for a, b in paragraphs(text, close, max(body_end, close)):
            yield Unit(a, b, None)


_BULLETS = "-–+•*"


def _ends_with_colon(text: str, start: int, end: int) -> bool:
    """``text[start:end].rstrip().endswith(":")`` without copying the stretch (a chapter's is most of the text)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == ":"


def _sibling_heading(text: str, key: str, p: Provision, mark: str) -> tuple[str, list[str]] | None:
    """``- Sở Xây dựng:`` with no children of its own, then ``+ Hướng dẫn …``, ``+ Kiểm tra …``: the items with
    another list mark that follow it are its (the provisions read them as its siblings): its mark and its body."""
    if p.kind != "dash" or p.children or mark not in _BULLETS or not text[p.span[0] : p.span[1]].rstrip().endswith(":"):
        return None
    found = scope.heading(text, key, label_end(text, *p.span), p.span[1])
    return (mark, found) if found else None


def _opening_request(text: str, key: str, start: int, first: int) -> tuple[list[str], list[str]] | None:
    """The bodies the paragraph right before the first provision asks, when it ends with a colon and only announces
    the items (``Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện … thực hiện tốt
    các nhiệm vụ sau:`` then ``1. …``, ``2. …``): the lead (and support) of the items that name none of their own."""
    last = paragraphs(text, start, first)[-1:] if first > start else []
    if not last or not text[last[0][0] : last[0][1]].rstrip().endswith(":"):
        return None
    a, b = last[0]
    text, key = text[:b].replace("\n", " "), key[:b].replace("\n", " ")  # (a PDF's line broken in it: "… tập" / "trung thực hiện …")
    asked = scope.addressees(text, key, a, b)
    return (asked, []) if asked is not None else scope.request_heading(text, key, a, b)


def _body_line(text: str, key: str, p: Provision) -> tuple[int, list[str]] | None:
    """A body's name on the last line of a childless dash item, after its sentence ended (``- … vận tải.`` /
    ``Sở Tư pháp`` then ``- …``: a plan's bold heading over the items below it, the bold lost): where the line
    starts, and the bodies; the item ends before it."""
    if p.kind != "dash" or p.children:
        return None
    own = text[p.span[0] : p.span[1]].rstrip()
    cut = own.rfind("\n")
    if cut < 0 or not own[:cut].rstrip().endswith((".", ";")) or own.endswith((".", ";", ",")):
        return None
    start = p.span[0] + cut + 1
    found = scope.heading(text, key, start, p.span[0] + len(own))
    return (start, found) if found and text[start : start + 1].isupper() else None


def _last_start(p: Provision) -> int:
    return max([p.span[0], *(_last_start(c) for c in p.children)])


def _tree_end(p: Provision) -> int:
    return max([p.span[1], *(_tree_end(c) for c in p.children)])


def parent_path(path: str | None) -> str | None:
    """The path of a provision's parent (``2.1`` -> ``2``; None for a top-level one or none)."""
    return path.rsplit(".", 1)[0] if path and "." in path else None


def label_end(text: str, start: int, end: int) -> int:
    m = TASKS.label.match(text, start, end)
    return m.end() if m else start
