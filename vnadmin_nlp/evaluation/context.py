"""The text around a disagreement, for ``--mismatches``: the parser's span of the field in ``doc.text`` if it has
one, else the line of the text most like the gold value, else the first lines of the header zone."""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from typing import Any

import regex

from ..model import Document

MAX_LINE = 160  # characters shown of one line
MAX_SPAN_LINES = 4  # lines shown of a long span (a subject over several lines)
HEADER_LINES = 6  # lines shown of the header zone when nothing better is found
_WORD = regex.compile(r"\w+")


def _key(text: str) -> list[str]:
    """Words without case or tone marks (OCR gets tones wrong: ``Lâm Đòng``)."""
    s = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return _WORD.findall("".join(c for c in s if not unicodedata.combining(c)))


class Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def show(self, first: int, last: int, around: int) -> list[str]:
        """Lines ``first..last`` (marked ``>``), shortened to MAX_SPAN_LINES, with ``around`` lines either side."""
        marked = list(range(first, last + 1))
        if len(marked) > MAX_SPAN_LINES:
            marked = marked[: MAX_SPAN_LINES - 1] + [marked[-1]]
        out = []
        lo, hi = max(0, first - around), min(len(self.lines) - 1, last + around)
        for i in range(lo, hi + 1):
            if first <= i <= last and i not in marked:
                if i == marked[-2] + 1:
                    out.append("> …")
                continue
            line = self.lines[i].rstrip()
            if len(line) > MAX_LINE:
                line = line[: MAX_LINE - 1] + "…"
            out.append(f"{'>' if first <= i <= last else ' '} {line}")
        return out


def _span(doc: Document, name: str, gold: Any, pred: Any) -> tuple[int, int] | None:
    if name in ("doc_type", "number", "issuer"):
        value = getattr(doc, name)
        return value.span if value is not None else None
    if name == "issuer_parent":
        return doc.issuer.parent.span if doc.issuer and doc.issuer.parent else None
    if name in ("signers", "signer_name", "signer_names"):
        spans = [s.span for s in doc.signers if s.span is not None]
        return (spans[0][0], spans[-1][1]) if spans else None
    if name in ("recipients", "distribution"):
        items = getattr(doc, name)
        extra = _extra(gold, [i.name for i in items])
        for item in items:
            if item.name in extra:
                return item.span
        return None
    if name in ("citations", "citation_numbers", "citation_relations"):
        extra = {x[0] if isinstance(x, tuple) else x for x in _extra(gold, pred)}
        for c in doc.citations:
            if (c.number or c.title or c.text) in extra:
                return c.span
        return None
    if name in ("task_assignees", "deadlines"):
        extra = _extra(gold, pred)
        for t in doc.tasks:
            if (t.assignee if name == "task_assignees" else t.deadline and t.deadline.date) in extra:
                return t.span
        return None
    return doc.spans.get(name)


def _extra(gold: Any, pred: Any) -> set:
    """The parser's items not in the gold (compared strictly)."""
    if not isinstance(pred, list):
        return set()
    return set((Counter(pred) - Counter(gold or [])).elements())


def _missing_items(gold: Any, pred: Any) -> list:
    if not isinstance(gold, list):
        return [gold]
    return list((Counter(gold) - Counter(pred if isinstance(pred, list) else [])).elements()) or gold


def _probe(name: str, value: Any) -> str:
    """The text to look for, for a gold value."""
    if value is None:
        return ""
    if isinstance(value, tuple):  # a signer, a (citation, relation)
        if len(value) == 3:
            return value[2] or value[1] or " ".join(value[0])
        return str(value[0])
    if isinstance(value, dict):
        return ""
    if name == "date" and regex.fullmatch(r"\d{4}(-\d\d){0,2}", str(value)):
        parts = str(value).split("-")
        words = {1: "năm {0}", 2: "tháng {1} năm {0}", 3: "ngày {2} tháng {1} năm {0}"}[len(parts)]
        return words.format(*[str(int(p)) for p in parts])
    return str(value)


def best_line(lines: Lines, probe: str) -> int | None:
    """The line sharing most words with ``probe`` (at least half of them); ties go to the shorter line."""
    want = _key(probe)
    if not want:
        return None
    want_set = set(want)
    best: tuple[float, float] | None = None
    where = None
    for i, line in enumerate(lines.lines):
        words = _key(line)
        if not words:
            continue
        have = want_set.intersection(words)
        if not have:
            continue
        score = (len(have) / len(want_set), len(have) / len(set(words)))
        if best is None or score > best:
            best, where = score, i
    if best is None or best[0] < 0.5:
        return None
    return where


def context(doc: Document | None, name: str, gold: Any, pred: Any, around: int = 2) -> tuple[list[str], str | None]:
    """The lines to show for a disagreement on field ``name``, and where they come from."""
    if doc is None or not doc.text:
        return [], None
    lines = Lines(doc.text)
    span = _span(doc, name, gold, pred) if not _is_empty(pred) else None
    if span is not None:
        return lines.show(lines.index(span[0]), lines.index(max(span[0], span[1] - 1)), around), "span"
    for item in _missing_items(gold, pred)[:3]:
        i = best_line(lines, _probe(name, item))
        if i is not None:
            return lines.show(i, i, around), "match"
    start = doc.zones.header[0] if doc.zones.header else 0
    first = lines.index(start)
    shown = [line.rstrip() for line in lines.lines[first:] if line.strip()][:HEADER_LINES]
    return [f"  {line[: MAX_LINE - 1] + '…' if len(line) > MAX_LINE else line}" for line in shown], "header"


def _is_empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or value == ""
