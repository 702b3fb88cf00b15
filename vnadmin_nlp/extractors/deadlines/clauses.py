"""Where a deadline's sentence and clause start and end on the folding key (a PDF's wrapped lines are no ends): what
both the exclusions (:mod:`.context`) and the anchors (:mod:`.anchors`) read around a match."""
from __future__ import annotations

import regex

from ...lexicon.fold import retone
from .forms import phrases
from ...lexicon.lazy import lazy_regex


def words_re(words: list[str], tail: str = r"(?![\p{L}])") -> regex.Pattern:
    """A phrase of ``words`` (any white space between its words) that starts a word, then ``tail``."""
    return lazy_regex(r"(?<![\p{L}])(?:" + phrases(words) + ")" + tail)


_CLAUSE_END = lazy_regex(r"[.;:\n]")
SENTENCE_END = lazy_regex(r"\.(?=\s|$)|\n|;")
FULL_STOP = lazy_regex(r"\.(?=\s|$)|\n")  # a sentence of a yearly duty runs over its semicolons
CONDITION_END = lazy_regex(retone(r"(?<![\p{L}])thì(?![\p{L}])"))
# A line break that ends nothing: a PDF's line wrapped inside a sentence (no stop before it, no list label after it).
_WRAPPED = lazy_regex(r"(?<=[\p{L}\d,)”\"])[ \t]*\n(?![ \t]*(?:\n|[-–+•*]|\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|[ivx]{1,4}\.))")


def clause_start(key: str, lo: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last . ; : or line break that is no PDF wrap), not
    before ``lo``."""
    last = lo
    for m in _CLAUSE_END.finditer(key, lo, pos):
        if m.group() == "\n" and _WRAPPED.match(key, m.start()):
            continue  # "… báo cáo kết quả kiểm tra văn bản được ban hành" / "từ ngày 01/01 đến hết ngày 31/12."
        last = m.end()
    return last


def sentence(key: str, pos: int, reach: int = 400, ends: regex.Pattern = SENTENCE_END) -> tuple[int, int]:
    """The sentence holding ``pos``: from after the last ". ", ";" or line break to before the next."""
    lo = max(0, pos - reach)
    start = lo
    for m in ends.finditer(key, lo, pos):
        start = m.end()
    nxt = ends.search(key, pos, min(len(key), pos + reach))
    return start, nxt.start() if nxt else min(len(key), pos + reach)


def line_start(key: str, pos: int) -> int:
    return key.rfind("\n", 0, pos) + 1


def near(key: str, pos: int, reach: int = 300) -> int:
    """An end for a match attempt at ``pos``: ``regex`` searches a pattern's required literal up to the end it is
    given, so an attempt bounded only by the end of the text scans the rest of it (quadratic over a document)."""
    return min(len(key), pos + reach)
