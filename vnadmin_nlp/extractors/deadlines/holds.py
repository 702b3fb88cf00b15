"""A time that is the value of a label saying how long a paper or a rule holds (``Thời hạn sử dụng: đến tháng
12/2026``, ``Thời gian áp dụng: từ ngày 01/01/2026 đến ngày 31/12/2026``): no time limit.  The label's colon ends
the clause context.excluded reads, so its words are looked for before the colon here (data not_in_clause)."""
from __future__ import annotations

from ...lexicon.lazy import lazy_regex
from .found import FoundDeadline
from .forms import D, phrases

_HOLD_LABEL = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["not_in_clause"]) + r")(?:\s+\p{L}+){0,3}?\s*:\s*$")


def held(key: str, lo: int, f: FoundDeadline) -> bool:
    """Whether ``f`` stands right after such a label (on its line, within 80 characters)."""
    return _HOLD_LABEL.search(key, max(lo, f.start - 80, key.rfind("\n", 0, f.start) + 1), f.start) is not None
