"""What is compared: the fields, the two matchers, and a document's values in the gold's terms.

``strict`` compares exactly (NFC, runs of spaces collapsed); ``lenient`` also ignores case, tone placement
(``hoá``/``hóa``), the spaces around ``/`` and ``-``, and trailing punctuation.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any, Callable, Iterable

import regex

from ..model import Document
from ..normalize import fold

# The header fields of the legacy micro-average (docs/accuracy.md, the bar of issue 2): kept as they were.
HEADER_FIELDS = ("doc_type", "number", "issuer", "place", "date", "subject", "signers")
# The fields of the legacy P/R/F1 table, in its order.
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
# signer_name: the FIRST signer's name (a scalar, scored by accuracy); signer_names: every signer's name as a
# multiset (scored by P/R/F1).  Both come from the gold's `signers`.
EXTRA_FIELDS = ("signer_name", "signer_names")
ALL_FIELDS = (*FIELDS, *EXTRA_FIELDS)
# Scored per document by accuracy (right / wrong / missing / spurious): one value per document.
ACCURACY_FIELDS = (
    "doc_type", "number", "issuer", "issuer_parent", "place", "date", "subject", "signers", "signer_name",
    "urgency", "secrecy",
)
# The header fields whose accuracy is summed into the "header" row (the devset README's list).
ACCURACY_HEADER = ACCURACY_FIELDS[:9]
# Scored item by item (multisets): precision, recall, F1.
LIST_FIELDS = (
    "signers", "signer_names", "recipients", "distribution", "provisions_top", "provision_counts", "citations",
    "citation_numbers", "citation_relations", "deadlines", "task_assignees",
)

_SPACE = regex.compile(r"\s+")
_AROUND = regex.compile(r"\s*([/-])\s*")
_TRAIL = regex.compile(r"[\s.,;:]+$")
# Dashes a scan or a font turns into one another (en dash read as a hyphen): the same mark to a lenient reader.
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})


def strict(s: Any) -> Any:
    if isinstance(s, str):
        return _SPACE.sub(" ", unicodedata.normalize("NFC", s)).strip()
    if isinstance(s, (list, tuple)):
        return tuple(strict(x) for x in s)
    return s


def lenient(s: Any) -> Any:
    if isinstance(s, str):
        s = fold(unicodedata.normalize("NFC", s)).translate(_DASHES)
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
    # a short mention counts as the document it stands for; the document naming itself ("Nghị định này") is no
    # citation of the header gold
    cits = [c.model_copy(update={"number": doc.citations[c.antecedent].number, "title": doc.citations[c.antecedent].title})
            if c.short_form and c.antecedent is not None else c
            for c in doc.citations if c.refers_to != "self"]
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
        "signer_name": doc.signers[0].name if doc.signers else None,
        "signer_names": [s.name for s in doc.signers if s.name],
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
    out: list[tuple[str, str]] = []
    for key, rels in by_key.items():
        if len(rels) > 1:
            rels = rels - {"refers"}
        out.extend((key, r) for r in rels)
    return sorted(out)


def gold_values(fields: dict[str, Any]) -> dict[str, Any]:
    """The gold file's values in the same shapes as :func:`predicted`."""
    out = dict(fields)
    if "signers" in fields:
        signers = fields["signers"] or []
        if fields["signers"] is not None:
            out["signers"] = [(tuple(s.get("authority") or ()), s.get("position"), s.get("name")) for s in signers]
        out["signer_name"] = signers[0].get("name") if signers else None
        out["signer_names"] = [s["name"] for s in signers if s.get("name")]
    if fields.get("citations") is not None:
        cits = fields["citations"]
        out["citations"] = sorted({c.get("number") or c.get("title") or c.get("text") for c in cits})
        out["citation_numbers"] = sorted({c["number"] for c in cits if c.get("number")})
        out["citation_relations"] = _strongest_relations((c.get("number") or c.get("title") or c.get("text"), c.get("relation")) for c in cits)
    if fields.get("tasks") is not None:
        out["deadlines"] = [t["deadline"] for t in fields["tasks"] if t.get("deadline")]
        out["task_assignees"] = [t["assignee"] for t in fields["tasks"] if t.get("assignee")]
    return out


def show(value: Any) -> Any:
    """A value as JSON can hold it (signers as objects), for reports."""
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], tuple):
        return {"authority": list(value[0]), "position": value[1], "name": value[2]}
    if isinstance(value, (list, tuple)):
        return [show(v) for v in value]
    return value
