"""How sure the parser is of each header field: ``Document.confidence`` (field name -> 0.0–1.0).

Computed in this one place, last, from the evidence the other extractors leave behind and never from their
internals: the value's span and whether it lies in the field's own zone (header; the signers in the closing),
where the value came from (a ``from_page_metadata`` warning naming it: no span), and the warnings about it (a
code listed in ``data/confidence.yaml``, or any other warning whose span overlaps the value).  A field's
confidence is the lowest level of every rule that applies; an absent field gets no entry.  The rules and levels
are data (``data/confidence.yaml``).

Warnings raised after the extractors ran (the reader's, and ``ocr_low_confidence_field``, which the pipeline
finds from the OCR words under each field) are applied by :func:`revise` with the same rules.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..data import load
from ..model import Document, ParseWarning, Span
from .base import Context
from .fields import ConfidenceFields
from .registry import extractor
from ..lexicon.lazy import lazy_re

RULES: dict[str, Any] = load("confidence")
FIELDS: tuple[str, ...] = tuple(RULES["fields"])
LEVELS: dict[str, float] = {k: float(v) for k, v in RULES["levels"].items()}
_FIELD_WORD = lazy_re(r"[a-z_]+")


def level(name: str | float) -> float:
    return LEVELS[name] if isinstance(name, str) else float(name)


def spans_of(name: str, value: Any, spans: Mapping[str, Span]) -> list[Span | None]:
    """Where a field's value was read: the span of each item of a list, the value's own, or ``spans[name]``."""
    if isinstance(value, list):
        return [getattr(v, "span", None) for v in value]
    if hasattr(value, "span"):
        return [value.span]
    return [spans.get(name)]


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _inside(span: Span, zone: Span | None) -> bool:
    return zone is not None and zone[0] <= span[0] and span[1] <= zone[1]


def named_fields(message: str) -> set[str]:
    """The fields a message names before its first ":" (``"number, date: …"``, ``"signers[0]: …"``)."""
    head = message.split(":", 1)[0] if ":" in message else ""
    return {w for w in _FIELD_WORD.findall(head) if w in FIELDS}


def warning_levels(warnings: Iterable[ParseWarning], where: Mapping[str, list[Span | None]],
                   sources: dict[str, float] | None = None) -> dict[str, float]:
    """The lowest level the warnings set on each field (``where``: the spans of the fields present).  The levels
    of warnings that state a value's source (``source: true``) also go to ``sources``."""
    out: dict[str, float] = {}
    for w in warnings:
        rule = RULES["warnings"].get(w.code)
        if rule is None:
            targets = {f for f, spans in where.items() if any(_overlaps(w.span, s) for s in spans)}
            value = LEVELS["warned"]
        else:
            fields = rule["fields"]
            targets = set(FIELDS) if fields == "all" else named_fields(w.message) if fields == "named" else set(fields)
            value = level(rule["level"])
        for f in targets:
            if f in where:
                out[f] = min(out.get(f, 1.0), value)
                if sources is not None and rule is not None and rule.get("source"):
                    sources[f] = min(sources.get(f, 1.0), value)
    return out


def _base(name: str, value: Any, where: list[Span | None], values: Mapping[str, Any], spans: Mapping[str, Span],
          zones: Mapping[str, Span | None]) -> float:
    """The level the value's own evidence gives: where it was read."""
    if name == "doc_type":
        others = [s for f in RULES["doc_type_inferred_from"] if values.get(f) is not None
                  for s in spans_of(f, values[f], spans)]
        if value.span is None:
            return LEVELS["default"] if value.name == "Công văn" else LEVELS["no_span"]
        if any(_overlaps(value.span, s) for s in others):
            return LEVELS["inferred"]
    if any(s is None for s in where):
        return LEVELS["no_span"]
    zone = zones.get(RULES["zones"].get(name, "header"))
    return LEVELS["read"] if all(_inside(s, zone) for s in where if s is not None) else LEVELS["out_of_zone"]


def assess(values: Mapping[str, Any], spans: Mapping[str, Span], warnings: Iterable[ParseWarning],
           zones: Mapping[str, Span | None]) -> dict[str, float]:
    """The confidence of each present field among :data:`FIELDS`."""
    present = {f: values[f] for f in FIELDS if values.get(f) not in (None, [], "")}
    where = {f: spans_of(f, v, spans) for f, v in present.items()}
    sources: dict[str, float] = {}
    caps = warning_levels(warnings, where, sources)
    out = {}
    for f, v in present.items():
        base = _base(f, v, where[f], values, spans, zones)
        if f in sources and any(s is None for s in where[f]):
            base = sources[f]  # a stated source (the page's attributes) stands for the missing span
        out[f] = round(min(base, caps.get(f, 1.0)), 2)
    return out


@extractor(
    "confidence",
    requires=("doc_type", "number", "issuer", "place", "date", "subject", "recipients", "signers", "urgency",
              "secrecy"),
    assigns=("confidence",),
)
def extract(ctx: Context) -> ConfidenceFields:
    h, closing = ctx.layout.header, ctx.layout.closing
    zones: dict[str, Span | None] = {
        "header": (h.start, h.end) if h.found and h.end > h.start else None,
        "closing": (closing.start, closing.end) if closing is not None else None,
    }
    return {"confidence": assess(ctx.fields, ctx.spans, ctx.warnings, zones)}


def revise(doc: Document, warnings: Iterable[ParseWarning]) -> None:
    """Lower ``doc.confidence`` for warnings raised after the extractors ran (the reader's, OCR words)."""
    where = {f: spans_of(f, getattr(doc, f), doc.spans) for f in doc.confidence}
    for f, value in warning_levels(warnings, where).items():
        doc.confidence[f] = round(min(doc.confidence[f], value), 2)
