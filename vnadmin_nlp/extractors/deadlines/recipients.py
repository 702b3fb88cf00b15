"""Whether a report is sent to a named body between its ``kết quả`` and a period (``… báo cáo kết quả thực hiện về
UBND tỉnh trong quý III/2025``): the period then times the sending, a deadline; with no recipient between them it
names the stretch the results cover (``báo cáo kết quả thực hiện trong tháng 01 năm 2025 về công tác …``, none).
Used by context.excluded; imports no other module of the package but the forms' data."""
from __future__ import annotations

from ...lexicon.lazy import lazy_regex
from .forms import D, phrases

_SENT_TO = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["report_sent_to"]) + r")\s+(?:" + phrases(D["report_recipient_heads"]) + r")(?![\p{L}])")


def sent_to(key: str, start: int, end: int) -> bool:
    """A ``về``/``gửi`` and a body's head in ``key[start:end]``."""
    return _SENT_TO.search(key, start, end) is not None
