"""A request that only restates the requests above it (a closing formula to the same addressees) is no task."""
from __future__ import annotations

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ...model import Task
from .names import body_key

_T = load("tasks")

_FORMULA = lazy_regex(r"(?:[\s,;.:/]|" + "|".join(escape(fold(w)) for w in sorted(_T["closing_formula_words"], key=len, reverse=True)) + r")*")


def without_restatements(tasks: list[Task]) -> list[Task]:
    """Without a request whose action is only a closing formula (``… quan tâm chỉ đạo thực hiện.``) addressed to
    bodies already asked something above: it restates those requests."""
    out: list[Task] = []
    seen: set[str] = set()
    for t in sorted(tasks, key=lambda t: t.span):
        leads = {_same(x) for x in t.lead}
        action = fold(t.action)
        if leads and leads <= seen and t.deadline is None and t.source == "prose" and _FORMULA.fullmatch(action):
            continue
        seen |= leads
        out.append(t)
    return out


def _same(name: str) -> str:
    """A body's key with no ``các`` in it: ``Ủy ban nhân dân các tỉnh, thành phố`` is ``Ủy ban nhân dân tỉnh, thành
    phố`` asked above (ld_080)."""
    return " ".join(w for w in body_key(name).split() if w != "các")
