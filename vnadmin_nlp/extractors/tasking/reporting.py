"""The reports a directive or letter asks for under a ``Chế độ báo cáo:`` heading (data/tasks.yaml
``reporting_headings``): one task per dash item, each with its own time, for the bodies its opening request names.

``Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban ngành, cơ quan, đơn vị, Chủ tịch UBND các huyện, thị xã, thành
phố … thực hiện các nội dung sau:`` … ``Chế độ báo cáo:`` ``- Báo cáo công tác chuẩn bị Tết, gửi trước ngày
26/01/2022;`` (qngai_ct16_2021): the items name no one, the heading names no one; who reports is whom the document
asked at its start.  When that request is not found, or names no one, nothing is made (a wrong lead is worse than
none); an item that names its own body is left to the sentence reader.
"""
from __future__ import annotations

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ...lexicon.spaces import squash
from ...model import Deadline, Task
from ..base import Context
from . import names

_T = load("tasks")
_HEADING = lazy_regex(r"(?m)^[ \t]*(?:\d+\.[ \t]*)?(?:" + "|".join(escape(fold(w)) for w in _T["reporting_headings"]) + r")[ \t]*:[ \t]*\n")
_DASH = lazy_regex(r"(?m)^[ \t]*[-–+•][ \t]*")
_ITEM_END = lazy_regex(r"[;.][ \t]*(?:\n|$)")
# The opening request that announces the list ("… yêu cầu <bodies> … thực hiện các nội dung sau:").
_ASK = lazy_regex(r"(?<![\p{L}])(?:yêu cầu|đề nghị)\s+")
_CUT = lazy_regex(r"\s*(?:[,;]|\s+và)\s+(?=\p{Lu})")
_ANNOUNCES = lazy_regex(r"(?:sau|như sau|cụ thể)\s*:")


def items(ctx: Context, tasks: list[Task], listed: dict[tuple[int, int], Deadline]) -> list[Task]:
    """``tasks`` with the reporting items added (in place of nothing: only items no task covers)."""
    text, key = ctx.text, ctx.page.key
    head = _HEADING.search(key, ctx.layout.body[0])
    if head is None:
        return tasks
    lead = _asked(text, key, ctx.layout.body[0], head.start())
    if not lead:
        return tasks
    out = list(tasks)
    pos = head.end()
    while (dash := _DASH.match(key, pos)) is not None:
        stop = _ITEM_END.search(key, dash.end())
        end = stop.end() if stop else len(key)
        start = dash.end()
        if not any(t.span[0] < end and start < t.span[1] for t in tasks) and names.verb_at(text, key, start, end) == start:
            due = [d for at, d in sorted(listed.items()) if start <= at[0] < end]
            out.append(Task(assignee=", ".join(lead), lead=list(lead), action=squash(text[start:end]).strip(" ;,.:"),
                            deadline=due[0] if due else None, span=(dash.start(), end)))
        if stop is None or key[stop.start()] == ".":
            break  # (the last item ends the list with its full stop)
        pos = end
    return sorted(out, key=lambda t: t.span)


def _asked(text: str, key: str, body: int, until: int) -> list[str]:
    """The bodies of the first request in the body that announces a list (``… yêu cầu X … các nội dung sau:``)."""
    for m in _ASK.finditer(key, body, until):
        colon = _ANNOUNCES.search(key, m.end(), min(until, m.end() + 600))
        if colon is None:
            continue
        found = names.name_at(text, key, m.end(), colon.end())
        return _bodies(found[0]) if found is not None else []
    return []


def _bodies(name: str) -> list[str]:
    """The bodies of the request's list, split only where a capitalised head starts one: the categories after a
    ``Thủ trưởng các …`` stay with it (``Thủ trưởng các sở, ban ngành, cơ quan, đơn vị``, ``Chủ tịch UBND các huyện,
    thị xã, thành phố``: two; names.items would cut the first at ``cơ quan``)."""
    out: list[str] = []
    for part in _CUT.split(name):
        if out and not names.HEAD_RE.match(fold(part), 0):
            out[-1] += ", " + part  # ("các Sở: Tài chính, Xây dựng": no head, one item)
        else:
            out.append(part)
    return [p.strip(" ,;") for p in out if p.strip(" ,;")]
