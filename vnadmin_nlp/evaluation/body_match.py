"""How the body gold and the parser's output are compared: normalisation, similarity, alignment in reading
order, and a parsed Document's deadlines, tasks and citations in the gold's terms.

- Text is compared on the lenient key (:func:`.match.lenient`: case, tone placement, spaces); a body's name
  also with its abbreviations written out (``UBND`` = ``Ủy ban nhân dân``, the lexicon's expansions).
- Lists are aligned in order (a monotone alignment that maximises the summed similarity): deadlines by the
  overlap of their words, tasks by where the gold's ``line`` stands in the text (else their action's words),
  citations by number, then name, then words.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any, Callable, Sequence

import regex

from ..lexicon.bodies import expand
from ..lexicon.fold import fold
from ..model import Document
from .match import lenient

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_EDGE = regex.compile(r"^[\s\-–+•*.,;:()\"“”']+|[\s\-–+•*.,;:()\"“”']+$")
_SPACES = regex.compile(r"\s+")
_FROM = regex.compile(r"kể\s+từ\s+(.+)$")


def norm(s: Any) -> str:
    return lenient(str(s)) if s is not None else ""


def words(s: Any) -> list[str]:
    return _WORD.findall(norm(s))


def body_key(name: Any) -> str:
    """A body's name for comparison: abbreviations written out, case, tone placement, spaces, the punctuation at
    its edges."""
    if not name:
        return ""
    text = _EDGE.sub("", unicodedata.normalize("NFC", str(name)))
    return _SPACES.sub(" ", norm(expand(text))).strip()


def overlap(a: Any, b: Any) -> float:
    """Shared words over the shorter side's words; 0 when both hold numbers and the numbers of one are not all
    among the other's (``27/8/2025`` and ``30/9/2025`` share only the year).  A number is a word of digits alone: a
    word mixing digits and letters (OCR's ``l4`` for ``14``, ``1Š`` for ``15``, ``3l1`` for ``31``; a code's ``qh15``)
    states no other number, it only fails to be shared (the value itself is scored apart: a deadline's date, a
    citation's number)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    common = Counter(wa) & Counter(wb)
    na, nb = {w for w in wa if w.isdigit()}, {w for w in wb if w.isdigit()}
    if na and nb and not (na <= nb or nb <= na):
        return 0.0
    return sum(common.values()) / min(len(wa), len(wb))


def align(gold: Sequence[Any], pred: Sequence[Any], sim: Callable[[Any, Any], float]) -> list[tuple[int, int]]:
    """Index pairs (gold, pred) of a monotone alignment maximising the summed similarity (pairs of similarity 0
    are never made)."""
    n, m = len(gold), len(pred)
    if not n or not m:
        return []
    s = [[sim(g, p) for p in pred] for g in gold]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1][j + 1] + s[i][j] if s[i][j] > 0 else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    out, i, j = [], 0, 0
    while i < n and j < m:
        if s[i][j] > 0 and best[i][j] == best[i + 1][j + 1] + s[i][j]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


# -- deadlines -------------------------------------------------------------------------------------------------

DEADLINE_THRESHOLD = 0.5


def deadline_sim(g: dict[str, Any], p: dict[str, Any]) -> float:
    o = overlap(g.get("text"), p.get("text"))
    return o if o >= DEADLINE_THRESHOLD else 0.0


def _anchor_key(a: Any) -> str | None:
    if a is None or a == "":
        return None
    return "document" if a == "document" else norm(a)


def same_anchor(g: Any, p: Any) -> bool:
    """The anchors agree: both none, both the document, or the same event (one written out further than the
    other is still the same event when the shorter has at least three words)."""
    a, b = _anchor_key(g), _anchor_key(p)
    if a is None or b is None or "document" in (a, b):
        return a == b
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (long_.startswith(short) and len(short.split()) >= 3)


def value_of(d: dict[str, Any]) -> tuple[Any, ...]:
    """The value a deadline's kind is scored on (for the mismatch listing)."""
    kind = d.get("kind")
    if kind == "date":
        return (kind, d.get("date"))
    if kind == "duration":
        return (kind, d.get("duration"), bool(d.get("working_days")), _anchor_key(d.get("anchor")))
    if kind == "recurring":
        return (kind, d.get("rule"), d.get("day"), d.get("weekday"))
    if kind == "period":
        return (kind, d.get("start"), d.get("end"))
    return (kind,)


def same_value(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Kind and value agree: date; duration + working days + anchor; rule + day/weekday; start + end."""
    if g.get("kind") != p.get("kind"):
        return False
    if g.get("kind") == "duration":
        return (
            g.get("duration") == p.get("duration")
            and bool(g.get("working_days")) == bool(p.get("working_days"))
            and same_anchor(g.get("anchor"), p.get("anchor"))
        )
    return value_of(g) == value_of(p)


def event_anchored(d: dict[str, Any]) -> bool:
    """A duration counted from anything but the document itself (an event, or nothing written)."""
    return d.get("kind") == "duration" and d.get("anchor") != "document"


# -- tasks -----------------------------------------------------------------------------------------------------


class Locator:
    """Finds a gold ``line`` in the document's text, on the lenient key with runs of spaces collapsed."""

    def __init__(self, text: str) -> None:
        chars, where = [], []
        prev_space = False
        for i, ch in enumerate(fold(text)):
            space = ch.isspace()
            if space and prev_space:
                continue
            chars.append(" " if space else ch)
            where.append(i)
            prev_space = space
        self.key, self.where, self.size = "".join(chars), where, len(text)

    def find(self, quote: Any) -> tuple[int, int] | None:
        q = _SPACES.sub(" ", fold(unicodedata.normalize("NFC", str(quote or "")))).strip(" .…")
        for probe in (q, q[:40]):
            if len(probe) < 6:
                continue
            i = self.key.find(probe)
            if i >= 0:
                end = i + len(probe)
                return self.where[i], (self.where[end] if end < len(self.where) else self.size)
        return None


def task_sim(located: tuple[int, int] | None, g: dict[str, Any], p: dict[str, Any]) -> float:
    """A task of the parser whose span holds the gold's line is its match (ties go to the closer lead); else the
    words of the action."""
    lead = max((1.0 if body_key(a) == body_key(b) else 0.0 for a in g.get("lead") or [] for b in p.get("lead") or []), default=0.0)
    span = p.get("span")
    if located is not None and span is not None:
        if located[0] < span[1] and span[0] < located[1]:
            return 2.0 + lead
        return 0.0
    o = overlap(g.get("action"), p.get("action"))
    return o + lead if o >= 0.5 else 0.0


# -- citations -------------------------------------------------------------------------------------------------


def number_key(n: Any) -> str:
    return _SPACES.sub("", norm(n)) if n else ""


def citation_sim(g: dict[str, Any], p: dict[str, Any]) -> float:
    if g.get("number") and number_key(g["number"]) == number_key(p.get("number")):
        return 3.0
    if g.get("name") and norm(g["name"]) == norm(p.get("name")):
        return 2.0
    if g.get("refers_to") == "self" and p.get("refers_to") == "self":
        return 2.0
    o = overlap(g.get("text"), p.get("text"))
    return o if o >= 0.6 else 0.0


# -- the parser's side -----------------------------------------------------------------------------------------

_RULES = {"P1W": "weekly", "P7D": "weekly", "P1M": "monthly", "P3M": "quarterly", "P6M": "half-yearly", "P1Y": "yearly"}


def _legacy_deadline(d: Any) -> dict[str, Any]:
    """A deadline of schema 1.1 (``date``, ``text``, ``relative``) in the gold's terms."""
    rel = d.relative or ""
    out: dict[str, Any] = {"text": d.text, "date": d.date, "span": None}
    if rel.startswith("R/"):
        parts = rel.split("/")
        out["kind"] = "recurring"
        out["rule"] = _RULES.get(parts[1])
        day = next((x[4:] for x in parts if x.startswith("day=")), None)
        out["day"] = int(day) if day and day.isdigit() else None
    elif rel.startswith("P"):
        found = _FROM.search(d.text or "")
        out.update(kind="duration", duration=rel.split("/")[0], working_days="working" in rel, anchor=found.group(1) if found else None)
    else:
        out["kind"] = "date"
    return out


def _deadline(d: Any) -> dict[str, Any]:
    if not hasattr(d, "kind") or (d.kind == "date" and (d.relative or "")[:1] in ("P", "R")):
        return _legacy_deadline(d)  # schema 1.1, or a deadline built the 1.1 way (kind left at its default)
    keys = ("text", "kind", "date", "duration", "working_days", "anchor", "rule", "day", "weekday", "start", "end", "span")
    return {k: getattr(d, k, None) for k in keys}


def predicted_deadlines(doc: Document) -> list[dict[str, Any]]:
    """Every deadline of the document: its top-level ``deadlines`` (schema 1.2), else (1.1, or a Document built
    with tasks only) those of its tasks."""
    listed = getattr(doc, "deadlines", None)
    if listed:
        return [_deadline(d) for d in listed]
    out, seen = [], set()
    for t in doc.tasks:
        if t.deadline is not None:
            key = (t.deadline.text, t.span)
            if key not in seen:
                seen.add(key)
                out.append(_deadline(t.deadline))
    return out


def predicted_tasks(doc: Document) -> list[dict[str, Any]]:
    out = []
    for t in doc.tasks:
        lead = getattr(t, "lead", None) or ([t.assignee] if t.assignee else [])  # 1.1: the assignee alone
        out.append({
            "lead": list(lead),
            "support": list(getattr(t, "support", None) or []),
            "action": t.action,
            "deadline": t.deadline.text if t.deadline is not None else None,
            "provision": t.provision,
            "source": getattr(t, "source", None),
            "span": t.span,
        })
    return out


def predicted_citations(doc: Document) -> list[dict[str, Any]]:
    cits = doc.citations
    out = []
    for c in cits:
        refers = getattr(c, "refers_to", None)
        if refers is None and c.short_form and c.antecedent is not None and 0 <= c.antecedent < len(cits):
            refers = cits[c.antecedent].text
        out.append({
            "text": c.text, "number": c.number, "doc_type": c.doc_type, "name": getattr(c, "name", None) or c.title,
            "relation": c.relation, "refers_to": refers, "span": c.span,
        })
    return out
