"""Whether a sentence says what a body plans or has done rather than what it is asked to do (issue 13).

``sẽ`` and ``đã`` always hedge: ``Cục … sẽ thường xuyên hướng dẫn …`` is what the body will do.  ``dự kiến`` is two
words of the language: before a verb, a time or a function word it hedges the verb after it (``Trung tâm dự kiến tổ
chức Hội thảo …``, ``dự kiến sẽ được hỗ trợ``, ``dự kiến vào ngày …``); before a noun phrase it is the verb itself,
to draw up an estimate of it (``2. Bộ Quốc phòng dự kiến mục tiêu, nhiệm vụ, phương án phân bổ kế hoạch …``,
ld_062: a task; body gold README, session 23).
"""
from __future__ import annotations

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ...patterns import first_word_match
from . import names

_T = load("tasks")
_ALWAYS = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in _T["plan_markers"]) + r")(?![\p{L}])")
_ESTIMATE = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in _T["estimate_words"]) + r")(?![\p{L}])[ \t\n]*")
_HEDGED = tuple(fold(w) for w in _T["hedged_by_estimate"])  # what makes "dự kiến" a hedge besides a verb


def hedge_at(key: str, at: int) -> bool:
    """Whether an estimate word at ``at`` hedges what follows it (a verb, a time, a function word, nothing)."""
    m = _ESTIMATE.match(key, at)
    if m is None:
        return False
    after = m.end()
    if after >= len(key) or not key[after].isalnum() or key[after].isdigit() or key.startswith(_HEDGED, after):
        return True
    verb = first_word_match(names.VERB_RE, key, after, min(len(key), after + 40))  # (a verb as printed, even one
    return verb is not None and verb.start() == after  # that names an organisation elsewhere: "dự kiến tổ chức hội nghị")


def planned(key: str, start: int, end: int) -> bool:
    """Whether a plan marker starts in ``[start, end]`` (the end included: the action may start with ``dự kiến``)."""
    if _ALWAYS.search(key, start, end):
        return True
    return any(hedge_at(key, m.start()) for m in _ESTIMATE.finditer(key, start, min(len(key), end + 12)) if m.start() <= end)
