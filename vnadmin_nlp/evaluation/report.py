"""The scores of a run: totals over any set of documents, the subsets (split, format, OCR), JSON.  The tables
are drawn by :mod:`.tables`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from .match import ACCURACY_HEADER, ALL_FIELDS, HEADER_FIELDS
from ..version import __version__
from .score import Counts, DocResult, Tally

GROUP_KEYS = ("split", "format", "ocr", "class", "layer")


def _ocr_label(d: DocResult) -> str:
    return "not read" if d.ocr is None else "yes" if d.ocr else "no"


def group_value(d: DocResult, key: str) -> str | None:
    if key == "split":
        return d.split
    if key == "format":
        return d.source_format or None
    if key == "ocr":
        return _ocr_label(d)
    return d.tags.get(key)  # class, layer: given by some gold only


@dataclass
class Report:
    docs: list[DocResult]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # gold files not used, and why
    meta: dict[str, Any] = field(default_factory=dict)

    # -- item counts (precision / recall), as before -----------------------------------------------------------
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

    # -- outcomes (accuracy) ---------------------------------------------------------------------------------
    def tallies(self, docs: Iterable[DocResult] | None = None) -> dict[str, dict[str, Tally]]:
        out: dict[str, dict[str, Tally]] = {}
        for d in docs if docs is not None else self.docs:
            for f, by in d.tallies().items():
                for m, t in by.items():
                    out.setdefault(f, {}).setdefault(m, Tally()).add(t)
        return out

    def header_accuracy(self, docs: Iterable[DocResult] | None = None, matcher: str = "lenient") -> Tally:
        total = Tally()
        tot = self.tallies(docs)
        for f in ACCURACY_HEADER:
            if f in tot:
                total.add(tot[f][matcher])
        return total

    def groups(self, keys: Iterable[str] = GROUP_KEYS) -> list[tuple[str, str, list[DocResult]]]:
        """(key, value, documents) for every value of every key that some document has; ``split`` only when
        the gold gives splits."""
        out = []
        for key in keys:
            values = sorted({v for d in self.docs if (v := group_value(d, key)) is not None})
            for v in values:
                out.append((key, v, [d for d in self.docs if group_value(d, key) == v]))
        return out

    @property
    def not_read(self) -> list[DocResult]:
        return [d for d in self.docs if d.error]

    def to_json(self) -> dict[str, Any]:
        """Every count and every mismatch: what ``scripts/compare_eval.py`` reads."""
        def totals(docs: list[DocResult]) -> dict[str, Any]:
            counts, tallies = self.totals(docs), self.tallies(docs)
            out: dict[str, Any] = {}
            for f in (f for f in ALL_FIELDS if f in tallies):
                out[f] = {m: {**tallies[f][m].as_dict(), **counts[f][m].as_dict()} for m in tallies[f]}
            out["header"] = {m: self.header_accuracy(docs, m).as_dict() for m in ("strict", "lenient")}
            return out

        return {
            "tool": "vnadmin-nlp eval",
            "version": __version__,
            "created": dt.datetime.now().isoformat(timespec="seconds"),
            **self.meta,
            "documents": [
                {
                    "id": d.id, "file": d.file, "format": d.source_format, "ocr": d.ocr, "split": d.split, **d.tags,
                    "error": d.error, "outcomes": d.outcomes,
                    "counts": {f: {m: {"tp": c.tp, "fp": c.fp, "fn": c.fn} for m, c in by.items()} for f, by in d.fields.items()},
                }
                for d in self.docs
            ],
            "totals": {"all": totals(self.docs), **{f"{k}={v}": totals(ds) for k, v, ds in self.groups()}},
            "not_read": [{"id": d.id, "file": d.file, "error": d.error} for d in self.not_read],
            "skipped_gold": [{"file": f, "reason": r} for f, r in self.skipped],
            "mismatches": [m.as_dict(d.id) for d in self.docs for m in d.mismatches],
        }
