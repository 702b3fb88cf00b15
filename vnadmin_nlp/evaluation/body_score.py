"""Scoring one document's body against its body gold: deadlines (found; kind + value; ISO dates given to durations
counted from an event), tasks (found; lead and support bodies item by item; the deadline attached), citations
per mention (found; number; type, relation and what a short form refers to).

Precision counts only the lists the gold marks ``complete`` (elsewhere an item the gold lacks may just not
have been annotated); recall counts every list the gold gives.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Document
from .body_gold import BodyGold
from .score import f1_of
from .body_match import (
    Locator,
    align,
    body_key,
    citation_sim,
    deadline_sim,
    event_anchored,
    norm,
    number_key,
    overlap,
    predicted_citations,
    predicted_deadlines,
    predicted_tasks,
    same_value,
    task_sim,
    value_of,
)

PR_METRICS = (
    "deadlines", "deadline_values", "tasks", "task_lead", "task_support", "task_deadline", "citations", "citation_number",
)
ACC_METRICS = ("citation_type", "citation_relation", "citation_refers_to")


@dataclass
class PR:
    """Recall over every scored list (tp, fn); precision over the complete ones only (ptp, fp)."""

    tp: int = 0
    fn: int = 0
    ptp: int = 0
    fp: int = 0

    def add(self, other: "PR") -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.ptp += other.ptp
        self.fp += other.fp

    def hit(self, complete: bool, k: int = 1) -> None:
        self.tp += k
        if complete:
            self.ptp += k

    @property
    def precision(self) -> float | None:
        return self.ptp / (self.ptp + self.fp) if self.ptp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        return f1_of(self.precision, self.recall)

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fn": self.fn, "precision_tp": self.ptp, "fp": self.fp,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Acc:
    right: int = 0
    n: int = 0

    def add(self, other: "Acc") -> None:
        self.right += other.right
        self.n += other.n

    def count(self, ok: bool) -> None:
        self.n += 1
        self.right += bool(ok)

    @property
    def accuracy(self) -> float | None:
        return self.right / self.n if self.n else None

    def as_dict(self) -> dict[str, Any]:
        return {"right": self.right, "n": self.n, "accuracy": self.accuracy}


@dataclass
class BodyResult:
    id: str
    file: str
    split: str | None
    kind: str | None
    error: str | None = None
    pr: dict[str, PR] = field(default_factory=dict)
    acc: dict[str, Acc] = field(default_factory=dict)
    iso_for_event: int = 0  # ISO dates the parser gave to durations counted from an event (must be 0)
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    def metric(self, name: str) -> PR:
        return self.pr.setdefault(name, PR())

    def accuracy(self, name: str) -> Acc:
        return self.acc.setdefault(name, Acc())


def _line(text: str, span: Any) -> str | None:
    """The line of the text a span starts on (shortened)."""
    if not text or not span:
        return None
    a = text.rfind("\n", 0, span[0]) + 1
    b = text.find("\n", span[0])
    line = text[a : b if b >= 0 else len(text)].strip()
    return line[:159] + "…" if len(line) > 160 else line


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and k != "span" and v != []}


def _items(res: BodyResult, name: str, gold: list[str], pred: list[str], complete: bool) -> tuple[list[str], list[str]]:
    """Lead or support bodies of a matched task: counted item by item; what is missing and what is extra."""
    g, p = Counter(body_key(x) for x in gold), Counter(body_key(x) for x in pred)
    common = sum((g & p).values())
    m = res.metric(name)
    m.hit(complete, common)
    m.fn += sum(g.values()) - common
    if complete:
        m.fp += sum(p.values()) - common
    missing = [x for x in gold if (g - p)[body_key(x)] > 0]
    extra = [x for x in pred if (p - g)[body_key(x)] > 0]
    return missing, extra


def score_deadlines(res: BodyResult, gold: BodyGold, text: str, pred: list[dict[str, Any]]) -> None:
    golds, complete = gold.deadlines or [], gold.is_complete("deadlines")
    pairs = align(golds, pred, deadline_sim)
    found, values = res.metric("deadlines"), res.metric("deadline_values")
    gi, pi = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        g, p = golds[i], pred[j]
        found.hit(complete)
        if same_value(g, p):
            values.hit(complete)
        else:
            values.fn += 1
            values.fp += complete
            res.mismatches.append({"list": "deadlines", "what": "wrong value", "gold": _clean(g), "parser": _clean(p), "line": _line(text, p.get("span"))})
        if p.get("date") and (event_anchored(p) or event_anchored(g)):
            res.iso_for_event += 1
    for i, g in enumerate(golds):
        if i not in gi:
            found.fn += 1
            values.fn += 1
            res.mismatches.append({"list": "deadlines", "what": "missing", "gold": _clean(g)})
    for j, p in enumerate(pred):
        if j in pi:
            continue
        if p.get("date") and event_anchored(p):
            res.iso_for_event += 1
        if complete:
            found.fp += 1
            values.fp += 1
            res.mismatches.append({"list": "deadlines", "what": "spurious", "parser": _clean(p), "line": _line(text, p.get("span"))})


def _deadline_ok(g: Any, p: Any) -> bool:
    return bool(g and p and overlap(g, p) >= 0.5)


def score_tasks(res: BodyResult, gold: BodyGold, text: str, pred: list[dict[str, Any]]) -> None:
    golds, complete = gold.tasks or [], gold.is_complete("tasks")
    locator = Locator(text) if text else None
    where = [locator.find(g.get("line")) if locator else None for g in golds]
    pairs = align(list(range(len(golds))), pred, lambda i, p: task_sim(where[i], golds[i], p))
    gi, pi = {i for i, _ in pairs}, {j for _, j in pairs}
    found, attached = res.metric("tasks"), res.metric("task_deadline")
    for i, j in pairs:
        g, p = golds[i], pred[j]
        found.hit(complete)
        lead = _items(res, "task_lead", g.get("lead") or [], p["lead"], complete)
        support = _items(res, "task_support", g.get("support") or [], p["support"], complete)
        ok = _deadline_ok(g.get("deadline"), p.get("deadline"))
        if ok:
            attached.hit(complete)
        else:
            attached.fn += bool(g.get("deadline"))
            attached.fp += bool(p.get("deadline")) and complete
        if any(lead) or any(support) or (not ok and (g.get("deadline") or p.get("deadline"))):
            res.mismatches.append({
                "list": "tasks", "what": "wrong", "gold": _clean({k: g.get(k) for k in ("lead", "support", "deadline", "line")}),
                "parser": _clean({k: p.get(k) for k in ("lead", "support", "deadline", "action")}), "line": _line(text, p.get("span")),
            })
    for i, g in enumerate(golds):
        if i not in gi:
            found.fn += 1
            res.metric("task_lead").fn += len(g.get("lead") or [])
            res.metric("task_support").fn += len(g.get("support") or [])
            attached.fn += bool(g.get("deadline"))
            res.mismatches.append({"list": "tasks", "what": "missing", "gold": _clean(g), "located": where[i] is not None})
    for j, p in enumerate(pred):
        if j not in pi and complete:
            found.fp += 1
            res.metric("task_lead").fp += len(p["lead"])
            res.metric("task_support").fp += len(p["support"])
            attached.fp += bool(p.get("deadline"))
            res.mismatches.append({"list": "tasks", "what": "spurious", "parser": _clean({k: p.get(k) for k in ("lead", "support", "deadline", "action")}), "line": _line(text, p.get("span"))})


def _refers_ok(g: Any, p: Any) -> bool:
    if g == "self" or p == "self":
        return g == p
    return bool(p) and overlap(g, p) >= 0.6


def score_citations(res: BodyResult, gold: BodyGold, text: str, pred: list[dict[str, Any]]) -> None:
    golds, complete = gold.citations or [], gold.is_complete("citations")
    pairs = align(golds, pred, citation_sim)
    gi, pi = {i for i, _ in pairs}, {j for _, j in pairs}
    found, number = res.metric("citations"), res.metric("citation_number")
    for i, j in pairs:
        g, p = golds[i], pred[j]
        found.hit(complete)
        wrong = []
        if g.get("number") and number_key(g["number"]) == number_key(p.get("number")):
            number.hit(complete)
        else:
            number.fn += bool(g.get("number"))
            number.fp += bool(p.get("number")) and complete
            if g.get("number") or p.get("number"):
                wrong.append("number")
        if g.get("doc_type"):
            ok = norm(g["doc_type"]) == norm(p.get("doc_type"))
            res.accuracy("citation_type").count(ok)
            wrong += [] if ok else ["doc_type"]
        if g.get("relation"):
            ok = g["relation"] == p.get("relation")
            res.accuracy("citation_relation").count(ok)
            wrong += [] if ok else ["relation"]
        if g.get("refers_to"):
            ok = _refers_ok(g["refers_to"], p.get("refers_to"))
            res.accuracy("citation_refers_to").count(ok)
            wrong += [] if ok else ["refers_to"]
        if wrong:
            res.mismatches.append({"list": "citations", "what": "wrong " + ", ".join(wrong), "gold": _clean(g), "parser": _clean(p), "line": _line(text, p.get("span"))})
    for i, g in enumerate(golds):
        if i not in gi:
            found.fn += 1
            number.fn += bool(g.get("number"))
            res.mismatches.append({"list": "citations", "what": "missing", "gold": _clean(g)})
    for j, p in enumerate(pred):
        if j not in pi and complete:
            found.fp += 1
            number.fp += bool(p.get("number"))
            res.mismatches.append({"list": "citations", "what": "spurious", "parser": _clean(p), "line": _line(text, p.get("span"))})


def score_body(gold: BodyGold, doc: Document | None, error: str | None = None) -> BodyResult:
    """Score one parsed document (``doc`` None: not read, every gold item counts as missing)."""
    res = BodyResult(gold.id, str(gold.path), gold.split, gold.kind, error)
    text = (doc.text or "") if doc is not None else ""
    if gold.scored("deadlines"):
        score_deadlines(res, gold, text, predicted_deadlines(doc) if doc is not None else [])
    if gold.scored("tasks"):
        score_tasks(res, gold, text, predicted_tasks(doc) if doc is not None else [])
    if gold.scored("citations"):
        score_citations(res, gold, text, predicted_citations(doc) if doc is not None else [])
    return res


__all__ = ["ACC_METRICS", "Acc", "BodyResult", "PR", "PR_METRICS", "score_body", "value_of"]
