"""A plan's task written as labelled lines (kế hoạch): its content, then the labels of who and by when::

    1. Rà soát, phê duyệt danh sách đối tượng được hỗ trợ
    - Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội.
    - Cơ quan phối hợp: UBND các huyện, thị xã, thành phố.
    - Thời gian thực hiện: Quý II/2025.

or the same labels after the content in one paragraph, after semicolons (``… Cơ quan chủ trì: Sở X; cơ quan phối
hợp: Sở Y; thời gian hoàn thành: …``).  One task per provision that holds one lead label: the lead and the support
read from their labels as a task table's cells are (``Sở A (chủ trì)``, ``Sở A chủ trì, phối hợp Sở B``), the action
from the content before the labels, the deadline from the provision (its time label).  A lead label whose value is
no body's name gives a task with no lead and a ``task_assignee_unclear`` warning; the labels' own lines give none.
The labels are data (``tasks.yaml`` ``lead_labels``, ``support_labels``)."""
from __future__ import annotations

from typing import Callable

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from ...lexicon.spaces import squash
from ...model import Deadline, Task
from ..base import Context
from ..deadlines.forms import phrases
from . import table
from .units import Unit, label_end

_T = load("tasks")


# A label at the start of a line (after a list mark) or after the end of a sentence or a clause.
_AT = r"(?:(?<=\n)[ \t]*(?:[-–+•*]\s*)?|(?<=[.;]\s)\s*|(?<=[.;]\s\s)\s*)"
_LEAD = lazy_regex(_AT + r"(?:" + phrases(fold(w) for w in _T["lead_labels"]) + r")\s*:\s*")
_SUPPORT = lazy_regex(_AT + r"(?:" + phrases(fold(w) for w in _T["support_labels"]) + r")\s*:\s*")
# A value ends at its line's end, its sentence's, or a semicolon before the next label ("…; thời gian thực hiện: …"):
# a semicolon alone separates the bodies of a list ("Sở Kế hoạch và Đầu tư; Ủy ban MTTQ Việt Nam tỉnh")
_VALUE_END = lazy_regex(r";(?=\s*[\p{L}\s]{2,40}:)|\n|\.(?=\s|$)")
# A numbered or lettered item line between the content and the label: the label is an item's, not this unit's
_ITEM_LINE = lazy_regex(r"\n[ \t]*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|[IVXL]{1,6}\.)\s")


# What starts a line of its own after a value: a list mark, a number, a lettered item, a label ("Thời gian: …")
_NEW_LINE = lazy_regex(r"[ \t]*(?:[-–+•*]|\d|[a-zđ]\)|[\p{L} ]{2,40}:)")
_FULL_LINE = 60  # characters: a line this long that ends inside a value was broken at the page's width


def _value(key: str, start: int, end: int) -> tuple[int, int]:
    """A label's value: to its sentence's end, a semicolon before the next label, or its line's end unless the line
    was wrapped (a PDF's line broken at the page's width inside ``Cơ quan chủ trì: Sở`` / ``Thông tin và Truyền
    thông; …``: the next line goes on in lower case, or a full line goes on with no mark or label)."""
    pos = start
    while True:
        stop = _VALUE_END.search(key, pos, end)
        if stop is None:
            return start, end
        at = stop.start()
        if key[at] != "\n" or not _wrapped(key, at, end):
            return start, at
        pos = at + 1


def _unwrapped(text: str, a: int, b: int) -> str:
    """``text`` with the line breaks of the value ``[a, b)`` read as spaces (a cell's lines are its bodies; a label's
    value wraps where the page ends); same length, so spans stay."""
    return text if "\n" not in text[a:b] else text[:a] + text[a:b].replace("\n", " ") + text[b:]


def _wrapped(key: str, at: int, end: int) -> bool:
    line = key[key.rfind("\n", 0, at) + 1 : at]
    nxt = key[at + 1 : at + 2]
    if not nxt.strip() or key[at - 1 : at] in ".;:":
        return False
    if nxt.islower() and not _NEW_LINE.match(key, at + 1, end):
        return True
    return len(line) >= _FULL_LINE and not _NEW_LINE.match(key, at + 1, end)


def task(ctx: Context, u: Unit, deadline: Callable[[int, int], Deadline | None]) -> Task | None:
    """The one task of a provision written as labelled lines, or None when ``u`` is no such provision."""
    text, key, end = ctx.text, ctx.page.key, max(u.end, u.tree_end or u.end)  # its own words and its children's (the label lines)
    leads = list(_LEAD.finditer(key, u.start, end))
    if len(leads) != 1:
        return None  # none, or the labels of several items (a section above them)
    first = leads[0]
    support_at = _SUPPORT.search(key, u.start, end)
    begin = first.start() if support_at is None else min(first.start(), support_at.start())
    content = max(label_end(text, u.start, end), u.body or u.start)
    if _ITEM_LINE.search(text, content, begin):
        return None
    a, b = _value(key, first.end(), end)
    found = table.lead_support(_unwrapped(text, a, b), [(a, b)]) if b > a else None
    support = found[1] if found is not None else []
    if support_at is not None:
        sa, sb = _value(key, support_at.end(), end)
        support += table.bodies(_unwrapped(text, sa, sb), [(sa, sb)]) or []
    action = squash(text[content:begin]).strip(" ;,:.-–")
    if found is None or not found[0]:
        ctx.warn("task_assignee_unclear", f"tasks: a lead label whose value is no body's name: {squash(text[first.start():b])!r}", (first.start(), b))
        return Task(action=action, support=support, deadline=deadline(u.start, end), provision=u.path, span=(u.start, end))
    lead = found[0]
    return Task(assignee=", ".join(lead), lead=lead, support=support, action=action,
                deadline=deadline(u.start, end), provision=u.path, span=(u.start, end))
