"""The issuer's own office speaking for it: ``Văn phòng UBND tỉnh thông báo kết luận của Chủ tịch UBND tỉnh.`` closes a
conclusion notice the province issues (the form of qngai_tb660_2025's closing without its ``để … biết, thực
hiện``; scripts/task_variants.py): the office issues the notice, nobody is asked anything.  A task given to that
office (``Giao Văn phòng UBND tỉnh theo dõi, đôn đốc …``, ``3. Văn phòng UBND tỉnh thông báo cho các sở …`` after
``Giao``) names another verb or opens with the trigger, and stays."""
from __future__ import annotations

from ...lexicon.bodies import expand
from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from ...model import Task
from .names import TRIGGER

_OFFICE = "văn phòng "
# the verb of issuing the notice itself, with its courtesy words
_NOTIFIES = lazy_regex(r"(?:trân trọng\s+|kính\s+)?thông báo(?![\p{L}])(?!\s+(?:cho|đến|tới)\s)")


def _office_of(name: str, own: set[str]) -> bool:
    k = fold(expand(name))
    if not k.startswith(_OFFICE):
        return False
    rest = k[len(_OFFICE):]
    return len(rest.split()) >= 2 and any(o.startswith(rest) or o == k for o in own)


def _asked(text: str, t: Task) -> bool:
    """Whether a trigger (``Giao``, ``Đề nghị``, ``Yêu cầu``) comes before the office's name in the task's text."""
    key = fold(text[t.span[0] : t.span[1]])
    at = key.find(_OFFICE)
    return at > 0 and TRIGGER.search(key, 0, at + 1) is not None


def without_office_notices(text: str, tasks: list[Task], own: set[str]) -> list[Task]:
    """``tasks`` less those whose one lead is the issuer's office and whose action is notifying, asked by no one."""
    return [t for t in tasks if not (len(t.lead) == 1 and _office_of(t.lead[0], own) and t.action and not t.support
                                     and _NOTIFIES.match(fold(t.action)) and not _asked(text, t))]
