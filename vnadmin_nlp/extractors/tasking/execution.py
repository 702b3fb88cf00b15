"""The execution clause of a decision or a resolution: the bodies listed before ``có trách nhiệm thi hành``/``chịu
trách nhiệm thi hành``/``theo trách nhiệm thi hành`` ``<the document> này`` are its leads, however long the list
(tasks.yaml ``execution_phrases``).  ``names.name_span`` stops looking for the verb after 300 characters and at
45 words, which the execution clauses of the National Assembly's resolutions pass (twelve bodies), and reads no
verb in ``theo trách nhiệm``."""
from __future__ import annotations

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from ...patterns import alternation
from . import names

_PHRASE = lazy_regex(r"[\s,]+(?:" + alternation(fold(w) for w in load("tasks")["execution_phrases"]) + r")\s+(?:\p{L}+\s+){1,4}này(?![\p{L}])")
_MAX_CHARS = 800  # a list of every body the document concerns
_MAX_ITEM_WORDS = 20  # (an item names a body: "Tổng Thư ký Quốc hội - Chủ nhiệm Văn phòng Quốc hội")


def clause(text: str, key: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The name list, where it starts and where the action starts, when ``[start, end)`` opens with a body and is
    an execution clause; None otherwise (a list item that names no body, a line break inside: no such clause)."""
    if not names.HEAD_RE.match(key, start, end) or not (text[start : start + 1].isupper() or key.startswith(("các ", "cơ quan "), start)):
        return None
    m = _PHRASE.search(key, start, min(end, start + _MAX_CHARS))
    if m is None or "\n" in text[start : m.start()] or names.NOT_IN_NAME.search(key, start, m.start()):
        return None
    name = " ".join(text[start : m.start()].split()).strip(" ,;")
    listed = names.items(name)
    if not listed or any(not names.HEAD_RE.match(fold(x)) or len(x.split()) > _MAX_ITEM_WORDS for x in listed):
        return None
    action = m.start() + len(key[m.start() : m.end()]) - len(key[m.start() : m.end()].lstrip(" ,"))
    return name, start, action
