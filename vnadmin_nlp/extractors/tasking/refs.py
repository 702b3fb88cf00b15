"""Deadlines a task takes from elsewhere in the document, and the days of a period the text does not name.

- ``… đảm bảo hoàn thành theo thời gian tại khoản 1``: a task with no deadline of its own takes the first one
  written in the clause it names (the sibling of its provision with that label; ``patterns.yaml`` tasks
  ``deadline_ref``).
- ``chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo``: the day of a period the text does not name is no deadline
  (monthly, quarterly or yearly cannot be told); a ``deadline_cycle_unclear`` warning quotes it.
"""
from __future__ import annotations

from typing import Sequence

from ...lexicon.spaces import squash
from ...model import Deadline, Provision, Task
from ...patterns import compile_section
from ..base import Context

_P = compile_section("tasks")


def referred_deadlines(provisions: Sequence[Provision], key: str, tasks: list[Task], listed: dict[tuple[int, int], Deadline]) -> None:
    """Give each task that refers to another clause's time (and has no deadline) that clause's first deadline."""
    for t in tasks:
        if t.deadline is not None or t.provision is None:
            continue
        m = _P.deadline_ref.search(key, t.span[0], t.span[1])
        if m is None:
            continue
        parent = t.provision.rsplit(".", 1)[0] if "." in t.provision else ""
        target = f"{parent}.{m.group('ref')}" if parent else m.group("ref")
        where = provision_span(provisions, target)
        if where is None:
            continue
        due = [listed[k] for k in sorted(listed) if where[0] <= k[0] < where[1]]
        if due:
            t.deadline = due[0]


def provision_span(provisions: Sequence[Provision], path: str) -> tuple[int, int] | None:
    """The span of the provision whose label path is ``path`` (None: no such provision)."""
    stack = list(provisions)
    while stack:
        p = stack.pop()
        if p.path == path:
            return p.span
        stack.extend(p.children)
    return None


def warn_unnamed_cycles(ctx: Context, start: int, end: int, listed: dict[tuple[int, int], Deadline]) -> None:
    """A ``deadline_cycle_unclear`` warning for each day of an unnamed period in ``[start, end)`` that no listed
    deadline covers."""
    for m in _P.deadline_cycle_unnamed.finditer(ctx.page.key, start, end):
        if not any(a < m.end() and m.start() < b for a, b in listed):
            phrase = squash(ctx.text[m.start() : m.end()])
            ctx.warn("deadline_cycle_unclear", f"deadlines: the day of a period the text does not name: {phrase!r}", (m.start(), m.end()))
