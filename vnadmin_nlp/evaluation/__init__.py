"""Field-level evaluation against the gold annotations in ``fixtures/gold/`` (see its README for the format).

For each field a document's gold gives, the parser's value counts as a true positive when it matches, a false
positive when it is given but wrong or not expected, and a false negative when the expected value is missing or
wrong.  List fields (recipients, Nơi nhận, signers, citations…) are compared as multisets.  Two matchers:
``strict`` (exact, NFC, runs of spaces collapsed) and ``lenient`` (also case, tone placement, whitespace and
trailing punctuation).
"""
from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import regex

from ..model import Document
from ..normalize import fold

HEADER_FIELDS = ("doc_type", "number", "issuer", "place", "date", "subject", "signers")
FIELDS = (
    *HEADER_FIELDS,
    "issuer_parent",
    "urgency",
    "secrecy",
    "recipients",
    "distribution",
    "provisions_top",
    "provision_counts",
    "citations",
    "citation_numbers",
    "citation_relations",
    "deadlines",
    "task_assignees",
)
_SPACE = regex.compile(r"\s+")
_AROUND = regex.compile(r"\s*([/-])\s*")
_TRAIL = regex.compile(r"[\s.,;:]+$")


def strict(s: Any) -> Any:
    if isinstance(s, str):
        return _SPACE.sub(" ", unicodedata.normalize("NFC", s)).strip()
    if isinstance(s, (list, tuple)):
        return tuple(strict(x) for x in s)
    return s


def lenient(s: Any) -> Any:
    if isinstance(s, str):
        s = fold(unicodedata.normalize("NFC", s))
        s = _AROUND.sub(r"\1", _SPACE.sub(" ", s)).strip()
        return _TRAIL.sub("", s)
    if isinstance(s, (list, tuple)):
        return tuple(lenient(x) for x in s)
    return s


MATCHERS: dict[str, Callable[[Any], Any]] = {"strict": strict, "lenient": lenient}


def predicted(doc: Document | None) -> dict[str, Any]:
    """The document's values in the gold's terms."""
    if doc is None:
        return {}
    counts: Counter[str] = Counter(p.kind for p in doc.iter_provisions())
    cits = doc.citations
    return {
        "doc_type": doc.doc_type.name if doc.doc_type else None,
        "number": doc.number.text if doc.number else None,
        "issuer": doc.issuer.name if doc.issuer else None,
        "issuer_parent": doc.issuer.parent.name if doc.issuer and doc.issuer.parent else None,
        "place": doc.place,
        "date": doc.date,
        "subject": doc.subject,
        "urgency": doc.urgency,
        "secrecy": doc.secrecy,
        "recipients": [r.name for r in doc.recipients],
        "distribution": [d.name for d in doc.distribution],
        "signers": [(tuple(s.authority), s.position, s.name) for s in doc.signers],
        "provisions_top": [p.label for p in doc.provisions],
        "provision_counts": dict(counts),
        "citations": sorted({c.number or c.title or c.text for c in cits}),
        "citation_numbers": sorted({c.number for c in cits if c.number}),
        "citation_relations": _strongest_relations((c.number or c.title or c.text, c.relation) for c in cits),
        "deadlines": [t.deadline.date for t in doc.tasks if t.deadline and t.deadline.date],
        "task_assignees": [t.assignee for t in doc.tasks if t.assignee],
    }


def _strongest_relations(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """One entry per (document, relation), and "refers" only for documents cited with no other relation:
    the gold's convention (a later plain mention of a document cited as a basis adds nothing)."""
    by_key: dict[str, set[str]] = {}
    for key, rel in pairs:
        by_key.setdefault(key, set()).add(rel)
    out = []
    for key, rels in by_key.items():
        if len(rels) > 1:
            rels = rels - {"refers"}
        out.extend((key, r) for r in rels)
    return sorted(out)


def gold_values(fields: dict[str, Any]) -> dict[str, Any]:
    """The gold file's values in the same shapes as :func:`predicted`."""
    out = dict(fields)
    if "signers" in fields and fields["signers"] is not None:
        out["signers"] = [(tuple(s.get("authority") or ()), s.get("position"), s.get("name")) for s in fields["signers"]]
    if fields.get("citations") is not None:
        cits = fields["citations"]
        out["citations"] = sorted({c.get("number") or c.get("title") or c.get("text") for c in cits})
        out["citation_numbers"] = sorted({c["number"] for c in cits if c.get("number")})
        out["citation_relations"] = _strongest_relations((c.get("number") or c.get("title") or c.get("text"), c.get("relation")) for c in cits)
    if fields.get("tasks") is not None:
        out["deadlines"] = [t["deadline"] for t in fields["tasks"] if t.get("deadline")]
        out["task_assignees"] = [t["assignee"] for t in fields["tasks"] if t.get("assignee")]
    return out


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
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(gold: Any, pred: Any, norm: Callable[[Any], Any]) -> Counts:
    """Counts for one field of one document."""
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
        return Counts(tp, sum(p.values()) - tp, sum(g.values()) - tp)
    g = norm(gold) if gold is not None else None
    p = norm(pred) if pred is not None else None
    if g is None:
        return Counts(0, 1 if p is not None else 0, 0)
    if p == g:
        return Counts(1, 0, 0)
    return Counts(0, 1 if p is not None else 0, 1)


@dataclass
class DocResult:
    id: str
    format: str
    error: str | None
    fields: dict[str, dict[str, Counts]] = field(default_factory=dict)  # field -> matcher -> counts
    mismatches: list[tuple[str, Any, Any]] = field(default_factory=list)


@dataclass
class Report:
    docs: list[DocResult]

    def totals(self, docs: Iterable[DocResult] | None = None) -> dict[str, dict[str, Counts]]:
        out: dict[str, dict[str, Counts]] = {}
        for d in docs if docs is not None else self.docs:
            for f, by in d.fields.items():
                for m, c in by.items():
                    out.setdefault(f, {}).setdefault(m, Counts()).add(c)
        return out

    def header_micro(self, docs: Iterable[DocResult] | None = None, matcher: str = "lenient") -> Counts:
        total = Counts()
        tot = self.totals(docs)
        for f in HEADER_FIELDS:
            if f in tot:
                total.add(tot[f][matcher])
        return total

    def formats(self) -> list[str]:
        return sorted({d.format for d in self.docs})

    def to_markdown(self, by_format: bool = True) -> str:
        lines = [
            f"Documents: {len(self.docs)} ({sum(1 for d in self.docs if d.error)} could not be read).",
            "",
            "| field | gold | P strict | R strict | F1 strict | P lenient | R lenient | F1 lenient |",
            "|---|--:|--:|--:|--:|--:|--:|--:|",
        ]
        tot = self.totals()
        for f in FIELDS:
            if f not in tot:
                continue
            s, l_ = tot[f]["strict"], tot[f]["lenient"]
            lines.append(
                f"| {f} | {s.tp + s.fn} | {_fmt(s.precision)} | {_fmt(s.recall)} | {_fmt(s.f1)} | "
                f"{_fmt(l_.precision)} | {_fmt(l_.recall)} | {_fmt(l_.f1)} |"
            )
        hs, hl = self.header_micro(matcher="strict"), self.header_micro(matcher="lenient")
        lines.append(
            f"| **header (micro)** | {hs.tp + hs.fn} | {_fmt(hs.precision)} | {_fmt(hs.recall)} | {_fmt(hs.f1)} | "
            f"{_fmt(hl.precision)} | {_fmt(hl.recall)} | {_fmt(hl.f1)} |"
        )
        if by_format:
            lines += ["", "Header fields (type, number, issuer, place, date, subject, signers), micro-averaged, by format:", ""]
            lines += ["| format | documents | read | P lenient | R lenient | F1 lenient | F1 strict |", "|---|--:|--:|--:|--:|--:|--:|"]
            for fmt in self.formats():
                docs = [d for d in self.docs if d.format == fmt]
                c, cs = self.header_micro(docs, "lenient"), self.header_micro(docs, "strict")
                read = sum(1 for d in docs if not d.error)
                lines.append(
                    f"| {fmt} | {len(docs)} | {read} | {_fmt(c.precision)} | {_fmt(c.recall)} | {_fmt(c.f1)} | {_fmt(cs.f1)} |"
                )
        return "\n".join(lines) + "\n"

    def mismatch_report(self) -> str:
        out = []
        for d in self.docs:
            if d.error:
                out.append(f"## {d.id}: not read ({d.error})")
                continue
            if d.mismatches:
                out.append(f"## {d.id}")
                for f, g, p in d.mismatches:
                    out.append(f"- {f}: gold={g!r}\n  pred={p!r}")
        return "\n".join(out) + "\n"


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def default_shared_dir() -> Path:
    env = os.environ.get("VNADMIN_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        cand = base.parent / "shared"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared"


def resolve(ref: str, gold_dir: Path, shared_dir: Path) -> Path:
    scheme, _, rel = ref.partition(":")
    if scheme == "shared":
        return shared_dir / rel
    if scheme == "fixtures":
        return gold_dir.parent / rel
    return Path(ref)


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]


def evaluate(
    gold_dir: Path,
    shared_dir: Path | None = None,
    parse: Callable[[Path], Document] | None = None,
    only: Iterable[str] | None = None,
) -> Report:
    """Parse every gold document and score it.  ``parse`` defaults to :func:`vnadmin_nlp.parse_file`."""
    from ..pipeline import parse_file
    from ..readers import ReaderError

    parse = parse or parse_file
    shared_dir = shared_dir or default_shared_dir()
    wanted = set(only) if only else None
    results = []
    for gold in load_gold(gold_dir):
        if wanted and gold["id"] not in wanted:
            continue
        path = resolve(gold["file"], gold_dir, shared_dir)
        doc: Document | None = None
        error = None
        try:
            doc = parse(path)
        except ReaderError as exc:
            error = f"{type(exc).__name__}: {exc.message}"
        pred = predicted(doc)
        gvals = gold_values(gold["fields"])
        fmt = gold.get("format") or path.suffix.lstrip(".")
        if doc is not None and doc.source.ocr:
            fmt = f"{fmt} (OCR)"  # scans are scored apart: their bar is lower
        res = DocResult(gold["id"], fmt, error)
        for f in FIELDS:
            if f not in gvals:
                continue
            for name, norm in MATCHERS.items():
                c = compare(gvals[f], pred.get(f), norm)
                res.fields.setdefault(f, {})[name] = c
                if name == "lenient" and (c.fp or c.fn):
                    res.mismatches.append((f, gvals[f], pred.get(f)))
        results.append(res)
    return Report(results)
