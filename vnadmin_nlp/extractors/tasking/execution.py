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

# (the phrase's words may be broken over a PDF's lines: "… và Thủ trưởng các cơ quan, đơn vị liên quan chịu" / "trách
# nhiệm thi hành Quyết định này")
_PHRASE = lazy_regex(r"[\s,]+(?:" + alternation(fold(w) for w in load("tasks")["execution_phrases"]).replace(r"\ ", r"\s+")
                     + r")\s+(?:\p{L}+\s+){1,4}này(?![\p{L}])")
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


def opens(text: str, key: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` opens with an execution clause, wrapped over lines or not (no sentence ends before
    its phrase): an article whose first line the parser took for a title (``Điều 3. Chánh Văn phòng …, Giám đốc`` /
    ``Sở Tư pháp … chịu trách nhiệm thi hành Quyết định này./.``) when the decision's annex follows in its span."""
    m = _PHRASE.search(key, start, min(end, start + _MAX_CHARS))
    if m is None or names.broken_at(text, start, m.start()):
        return False
    line = text.find("\n", start, m.start())  # (the first line names someone: not a title such as "Tổ chức thực hiện")
    return names.name_span(text, key, start, m.start() if line < 0 else line, need_verb=False) is not None


_CLAUSE_END = lazy_regex(r"\.(?:/\.)?[ \t]*(?:\n|$)")


def clause_end(text: str, key: str, start: int, end: int) -> int:
    """Where the execution clause that opens ``[start, end)`` ends (its sentence's full stop, ``./.`` as printed):
    what follows in the article's span is no part of it (the regulation the decision issues, printed after it)."""
    m = _PHRASE.search(key, start, min(end, start + _MAX_CHARS))
    stop = _CLAUSE_END.search(text, m.end(), end) if m is not None else None
    return stop.end() if stop is not None else end
