"""A day and month with no year timed by a reporting cycle named just before it: ``báo cáo định kỳ 6 tháng, trước
ngày 15/6``, ``Hằng quý, các sở báo cáo trước ngày 20/3``: the day of every cycle, not one calendar date (the
yearly case, ``Hàng năm, … trước ngày 31 tháng 3``, is context._yearly's).  Read after context.settle."""
from __future__ import annotations

from ...lexicon.lazy import lazy_regex
from .found import FoundDeadline

_RULE_PERIOD = {"weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "half-yearly": "P6M"}
_REACH = 120  # chars from the cycle's end to the day: the report's name between them ("báo cáo kết quả thực hiện")
_BREAK = lazy_regex(r"[.;](?=\s|$)|\n(?=\s*(?:[-–+•]|\d{1,3}[.)]|[a-zđ]\)))")  # a sentence or an item ends


def by_cycle(key: str, found: list[FoundDeadline]) -> list[FoundDeadline]:
    """The dates printed without a year that follow a bare cycle (``định kỳ 6 tháng``, ``hằng quý``) in their
    sentence become that cycle's day; the bare cycle is then said by the date and dropped."""
    said: set[int] = set()
    for i, f in enumerate(found):
        if f.kind != "date" or f.form != "date" or f.day is None or f.month is None:
            continue  # (a date printed with its year, or a yearly rule already)
        cycle = next((g for g in reversed(found[:i]) if g.kind == "recurring" and g.day is None and g.rule in _RULE_PERIOD
                      and 0 <= f.start - g.end <= _REACH and not _BREAK.search(key, g.end, f.start)), None)
        if cycle is None or cycle.rule is None:
            continue
        f.kind, f.rule, f.date, f.form = "recurring", cycle.rule, None, "recurring"
        f.relative, f.month = f"R/{_RULE_PERIOD[cycle.rule]}/day={f.day}", None
        said.add(id(cycle))
    return [f for f in found if id(f) not in said]
