"""Counting: per field and document, item counts (TP/FP/FN, for precision and recall) and one outcome
(right / wrong / missing / spurious, for accuracy).

Outcomes, per field of a document whose gold gives the field:

- ``right``: the parser's value matches the gold's (both null counts as right);
- ``wrong``: a value given, but not the gold's;
- ``missing``: null (or nothing) given where the gold has a value; also a list of signature blocks that holds
  nothing wrong, only less: each block given is one of the gold's (in order) with some of its parts left null
  (a position left null with ``signer_position_missing``, its authority with it; :func:`partial_blocks`);
- ``spurious``: a value given where the gold says null.

A document that could not be read counts every one of its fields as ``missing``.  A wrong value is worse than a
null one: the two are counted apart.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from dataclasses import field as _field
from typing import Any, Callable

OUTCOMES = ("right", "wrong", "missing", "spurious")


def f1_of(p: float | None, r: float | None) -> float | None:
    """The harmonic mean of precision and recall; None when either is undefined."""
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        return f1_of(self.precision, self.recall)

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Tally:
    """Documents by outcome, for one field (or a sum of fields) and one matcher."""

    right: int = 0
    wrong: int = 0
    missing: int = 0
    spurious: int = 0

    def count(self, outcome: str, k: int = 1) -> None:
        setattr(self, outcome, getattr(self, outcome) + k)

    def add(self, other: "Tally") -> None:
        for o in OUTCOMES:
            self.count(o, getattr(other, o))

    @property
    def n(self) -> int:
        return self.right + self.wrong + self.missing + self.spurious

    @property
    def accuracy(self) -> float | None:
        return self.right / self.n if self.n else None

    def as_dict(self) -> dict[str, Any]:
        return {"n": self.n, **{o: getattr(self, o) for o in OUTCOMES}, "accuracy": self.accuracy}


def compare(gold: Any, pred: Any, norm: Callable[[Any], Any]) -> Counts:
    """Item counts for one field of one document."""
    if isinstance(gold, dict) or isinstance(pred, dict):  # provision_counts: only the kinds the gold counts
        g, p = gold or {}, pred or {}
        c = Counts()
        for k in g:
            gv, pv = int(g.get(k, 0)), int(p.get(k, 0))
            c.tp += min(gv, pv)
            c.fp += max(0, pv - gv)
            c.fn += max(0, gv - pv)
        return c
    if isinstance(gold, list) or isinstance(pred, list):
        g = Counter(norm(x) for x in (gold or []))
        p = Counter(norm(x) for x in (pred or []))
        tp = sum((g & p).values())
        fp = sum(p.values()) - tp
        if fp and partial_blocks(list((g - p).elements()), list((p - g).elements())):
            fp = 0  # blocks given with parts left null: missing parts, nothing wrong
        return Counts(tp, fp, sum(g.values()) - tp)
    g = norm(gold) if gold is not None else None
    p = norm(pred) if pred is not None else None
    if g is None:
        return Counts(0, 1 if p is not None else 0, 0)
    if p == g:
        return Counts(1, 0, 0)
    return Counts(0, 1 if p is not None else 0, 1)


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return not any(value.values())
    return value is None or value == "" or value == [] or value == ()


def outcome(gold: Any, pred: Any, norm: Callable[[Any], Any]) -> str:
    """The document-level outcome of one field: list fields are right only when the multisets are equal."""
    if _empty(gold):
        return "right" if _empty(pred) else "spurious"
    if _empty(pred):
        return "missing"
    if isinstance(gold, dict):
        same = all(int(v) == int((pred or {}).get(k, 0)) for k, v in gold.items())
    elif isinstance(gold, list) or isinstance(pred, list):
        same = Counter(norm(x) for x in gold or []) == Counter(norm(x) for x in pred or [])
    else:
        same = norm(gold) == norm(pred)
    if not same and isinstance(gold, list) and partial_blocks([norm(x) for x in gold], [norm(x) for x in pred]):
        return "missing"
    return "right" if same else "wrong"


def _part_of(gold: Any, pred: Any) -> bool:
    """A block (a tuple: authority, position, name) given with some parts left null and the others the gold's."""
    return (
        isinstance(gold, tuple) and isinstance(pred, tuple) and len(gold) == len(pred)
        and any(not _empty(p) for p in pred)
        and all(p == g or _empty(p) for g, p in zip(gold, pred))
    )


def partial_blocks(gold: list[Any], pred: list[Any]) -> bool:
    """Whether the given blocks (tuples; normalised, both lists) are the gold's, in order, each whole or with parts
    left null, and at least one part short: the parser held back what it could not read (``signer_position_missing``:
    ld_052's ``Lê Văn Lợi`` with the position and authority lines under the seal left null), which counts as
    missing, never as wrong.  Any part given and not the gold's makes it no partial."""
    if not pred or not all(isinstance(x, tuple) for x in gold + pred):
        return False
    at = 0
    for block in pred:
        while at < len(gold) and not _part_of(gold[at], block):
            at += 1
        if at == len(gold):
            return False
        at += 1
    return True


@dataclass
class Mismatch:
    """One field on which the parser and the gold disagree (under the lenient matcher, or only the strict one)."""

    field: str
    gold: Any
    parser: Any
    outcome: str  # the lenient outcome; "right" when only the strict matcher disagrees
    strict_only: bool = False
    context: list[str] = _field(default_factory=list)
    context_from: str | None = None  # "span" (the parser's), "match" (the line most like the gold), "header"

    def as_dict(self, doc_id: str) -> dict[str, Any]:
        from .match import show

        return {
            "id": doc_id, "field": self.field, "gold": show(self.gold), "parser": show(self.parser),
            "outcome": self.outcome, "strict_only": self.strict_only, "context_from": self.context_from,
            "context": self.context,
        }


@dataclass
class DocResult:
    id: str
    format: str  # the legacy label: the gold's format (else the file's suffix), "(OCR)" added for scans
    error: str | None
    fields: dict[str, dict[str, Counts]] = field(default_factory=dict)  # field -> matcher -> counts
    outcomes: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> matcher -> outcome
    mismatches: list[Mismatch] = field(default_factory=list)
    file: str = ""
    source_format: str = ""  # the reader's source.format (the gold's format if the file was not read)
    ocr: bool | None = None  # source.ocr; None if the file was not read
    split: str | None = None
    tags: dict[str, str] = field(default_factory=dict)  # the gold's class (vbpl) and layer (lamdong)

    def tallies(self) -> dict[str, dict[str, Tally]]:
        out: dict[str, dict[str, Tally]] = {}
        for f, by in self.outcomes.items():
            for m, o in by.items():
                out.setdefault(f, {}).setdefault(m, Tally()).count(o)
        return out
