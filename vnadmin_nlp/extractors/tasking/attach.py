"""Deadlines written apart from the task they time (issue 13, attachment): a time line under the task's item
(``1. Giao Sở Nội vụ chủ trì …`` then ``- Thời gian hoàn thành: Quý I/2026``, ``- Tiến độ: trước ngày …``) and a
heading that says by when for the items under it (``1. Hoàn thành trước ngày 15/12/2025:`` then ``a) Sở …``,
``b) …``).  The sentence rules of ``extractors/tasks.py`` read a task's own item; these two placements are the
provision tree's, so they are settled here, unit by unit, as the units are read in order."""
from __future__ import annotations

from typing import Sequence

from ...data import load
from ...lexicon.lazy import lazy_regex
from ...model import Deadline, Provision, Task
from ..deadlines import FoundDeadline
from ..deadlines.forms import phrases
from .refs import provision_span
from .units import Unit, label_end, parent_path

_D = load("deadlines")
# What may stand before the time on a time line: a label ("Thời gian hoàn thành:", "Tiến độ:", "Hạn nộp báo cáo:"),
# or "Hoàn thành" / "Thực hiện" and the time (data period_labels, label_heads, time_line_verbs).
_LABEL = lazy_regex(r"[\s\-–+•*]*(?:" + phrases([*_D["period_labels"], *_D["label_heads"]]) + r")(?:\s+\p{L}+){0,3}?\s*:")
_LEAD_IN = lazy_regex(r"[\s\-–+•*]*(?:(?:" + phrases(_D["time_line_verbs"]) + r")\s+)?$")


def time_line(text: str, key: str, u: Unit, found: list[FoundDeadline]) -> FoundDeadline | None:
    """The deadline of a unit that only says by when: a time label then the time (``- Thời gian hoàn thành: hằng
    quý, trước ngày 20 của tháng cuối quý``: what follows is the label's value), or ``Hoàn thành`` then the time and
    nothing after it but its stop; else None."""
    if len(found) != 1:
        return None
    f = found[0]
    body = label_end(text, u.start, u.end)
    if f.start < body:
        return None
    label = _LABEL.match(key, body, f.start)
    if label is not None:  # ("- Thời gian hoàn thành: định kỳ 6 tháng, trước ngày 15/6": the cycle said by the day)
        return f
    return f if _LEAD_IN.fullmatch(key, body, f.start) and text[f.end : u.end].strip(" \t\n.;:,)/") == "" else None


class TreeTimes:
    """The tasks read so far by provision path, and the deadlines headings give the items under them."""

    def __init__(self) -> None:
        self.last: dict[str, Task] = {}  # provision path -> the last task read in it
        self.under: dict[str, Task] = {}  # a provision's path -> the last task read in its children
        self.headings: list[tuple[int, Deadline]] = []  # (where the heading's items end, its deadline)

    def read(self, u: Unit, got: list[Task]) -> None:
        for t in got:
            if t.provision:
                self.last[t.provision] = t
                self.under[parent_path(t.provision) or ""] = t

    def to_parent(self, u: Unit, deadline: Deadline) -> bool:
        """A time line's deadline to the task of the item above it, or of the item before it under the same heading
        (``1. Sở Tài chính:`` / ``- Rà soát …`` / ``- Thời gian hoàn thành: …``), when that has none: whether there
        is such a task (then the line is no task of its own)."""
        parent = parent_path(u.path)
        if parent is None:
            return False
        task = self.last.get(parent) or self.under.get(parent)
        if task is None:
            return False
        if task.deadline is None:
            task.deadline = deadline
        return True

    def heading(self, u: Unit, got: list[Task], deadline: Deadline | None, strong: bool) -> None:
        """A unit with items under it that is no task itself and says by when (stated outright: ``trước ngày …``,
        not a heading's period): its items' deadline."""
        self.headings = [(end, d) for end, d in self.headings if end > u.start]
        if deadline is not None and strong and not got and u.tree_end is not None and u.tree_end > u.end:
            self.headings.append((u.tree_end, deadline))

    def inherit(self, u: Unit, got: list[Task]) -> None:
        """The tasks of a unit under such a heading that have no deadline of their own take the nearest heading's."""
        live = [d for end, d in self.headings if end > u.start]
        if not live:
            return
        for t in got:
            if t.deadline is None:
                t.deadline = live[-1]


# "… để hoàn thành tổ chức đại hội đúng thời hạn" after "… hoàn thành … chậm nhất ngày 31/12/2024" (vbai_01): the
# time limit stated before it in the same provision (data stated_limit_refs).
_STATED = lazy_regex(r"(?<![\p{L}])(?:" + phrases(_D["stated_limit_refs"]) + r")(?![\p{L}])")


def stated_limits(provisions: Sequence[Provision], key: str, tasks: list[Task], listed: dict[tuple[int, int], Deadline]) -> None:
    """A task with no deadline whose words refer to the limit already stated (``đúng thời hạn``, ``theo thời hạn
    nêu trên``) takes the last calendar date or period listed before it in its own provision; none when there is
    none (then the words say "on time" in general)."""
    for t in tasks:
        if t.deadline is not None or t.provision is None or t.span is None or _STATED.search(key, t.span[0], t.span[1]) is None:
            continue
        where = provision_span(provisions, t.provision)
        if where is None:
            continue
        before = [listed[k] for k in sorted(listed) if where[0] <= k[0] < t.span[0] and listed[k].kind in ("date", "period")]
        if before:
            t.deadline = before[-1]
