"""Every field of a parsed document as a labelled character span: what the spaCy component puts on a ``Doc``.

Pure Python (no spaCy here), so that the labels and their paths can be read, tested and typed without the extra.
Each :class:`FieldSpan` carries the label, ``[start, end)`` in ``Document.text`` and the ``path`` of the value in
the document's JSON (``number``, ``citations[2]``, ``signers[0].name``, ``provisions[1].children[0]``), so a span
on a ``Doc`` leads back to the whole value in ``doc._.vnadmin``.

Values that sit inside another field's span without a span of their own (a task's assignee and deadline, a
signer's authority lines, position and name) are found inside that span, white space and then case tolerated;
a value printed differently from its normalised form is left without a span rather than placed on a guess.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..model import Body, Document, Provision, Span

# Every label, in the order a reader meets the fields (header, body, closing); the displaCy colours follow it.
LABELS: tuple[str, ...] = (
    "PARENT_ISSUER", "ISSUER", "NUMBER", "PLACE", "DATE", "URGENCY", "SECRECY", "DOC_TYPE", "SUBJECT",
    "RECIPIENT", "PROVISION", "TASK", "TASK_LEAD", "DEADLINE", "CITATION", "INTERNAL_REF", "PERSON",
    "AUTHORITY", "POSITION", "SIGNER", "DISTRIBUTION",
)
# Plain string fields whose spans sit in ``Document.spans``; a key not listed here is labelled in upper case.
_PLAIN = {"date": "DATE", "place": "PLACE", "subject": "SUBJECT", "urgency": "URGENCY", "secrecy": "SECRECY"}


@dataclass(frozen=True)
class FieldSpan:
    label: str
    start: int
    end: int
    path: str  # where the value is in the document's JSON
    kb_id: str = ""  # an identity the value links to: a citation's canonical key

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def field_spans(doc: Document) -> list[FieldSpan]:
    """The labelled spans of ``doc``, in text order (longer first at one start), each (label, span) once."""
    seen: set[tuple[str, int, int]] = set()
    out: list[FieldSpan] = []
    for fs in _all(doc):
        key = (fs.label, fs.start, fs.end)
        if fs.end > fs.start and key not in seen:
            seen.add(key)
            out.append(fs)
    order = {label: i for i, label in enumerate(LABELS)}
    out.sort(key=lambda f: (f.start, -f.end, order.get(f.label, len(order)), f.path))
    return out


def _all(doc: Document) -> Iterator[FieldSpan]:
    text = doc.text or ""
    if doc.doc_type and doc.doc_type.span:
        yield FieldSpan("DOC_TYPE", *doc.doc_type.span, "doc_type")
    if doc.number and doc.number.span:
        yield FieldSpan("NUMBER", *doc.number.span, "number")
    if doc.issuer:
        yield from _body(doc.issuer, "issuer", "ISSUER")
    for i, body in enumerate(doc.issuers):
        yield from _body(body, f"issuers[{i}]", "ISSUER")
    for key, span in doc.spans.items():
        yield FieldSpan(_PLAIN.get(key, key.upper()), *span, key)
    for i, r in enumerate(doc.recipients):
        yield FieldSpan("RECIPIENT", *r.span, f"recipients[{i}]")
    for i, p in enumerate(doc.provisions):
        yield from _provision(p, f"provisions[{i}]")
    for i, t in enumerate(doc.tasks):
        yield FieldSpan("TASK", *t.span, f"tasks[{i}]")
        if t.assignee and (found := find_inside(text, t.assignee, t.span)):
            yield FieldSpan("TASK_LEAD", *found, f"tasks[{i}].assignee")
        if t.deadline and (found := find_inside(text, t.deadline.text, t.span)):
            yield FieldSpan("DEADLINE", *found, f"tasks[{i}].deadline")
    for i, c in enumerate(doc.citations):
        yield FieldSpan("CITATION", *c.span, f"citations[{i}]", c.key or "")
    for i, ref in enumerate(doc.internal_references):
        yield FieldSpan("INTERNAL_REF", *ref.span, f"internal_references[{i}]")
    for i, s in enumerate(doc.signers):
        if s.span is None:  # read from a web page's attributes, not from the text
            continue
        for j, line in enumerate(s.authority):
            if found := find_inside(text, line, s.span):
                yield FieldSpan("AUTHORITY", *found, f"signers[{i}].authority[{j}]")
        if s.position and (found := find_inside(text, s.position, s.span)):
            yield FieldSpan("POSITION", *found, f"signers[{i}].position")
        if s.name and (found := find_inside(text, s.name, s.span)):
            yield FieldSpan("SIGNER", *found, f"signers[{i}].name")
    for i, d in enumerate(doc.distribution):
        yield FieldSpan("DISTRIBUTION", *d.span, f"distribution[{i}]")
    for i, person in enumerate(doc.people):
        yield FieldSpan("PERSON", *person.span, f"people[{i}]")


def _body(body: Body, path: str, label: str) -> Iterator[FieldSpan]:
    if body.span:
        yield FieldSpan(label, *body.span, path)
    if body.parent:
        yield from _body(body.parent, f"{path}.parent", "PARENT_ISSUER")


def _provision(p: Provision, path: str) -> Iterator[FieldSpan]:
    yield FieldSpan("PROVISION", *p.span, path)
    for i, child in enumerate(p.children):
        yield from _provision(child, f"{path}.children[{i}]")


def find_inside(text: str, value: str, within: Span) -> Span | None:
    """Where ``value`` is printed inside ``text[within]``: exactly, else with any white space between its words,
    else ignoring case as well; None when it is not there as such (a value rewritten by its extractor)."""
    start, end = within
    i = text.find(value, start, end)
    if i >= 0:
        return (i, i + len(value))
    words = value.split()
    if not words:
        return None
    pattern = r"\s+".join(regex.escape(w) for w in words)
    for flags in (0, regex.IGNORECASE):
        m = regex.compile(pattern, flags).search(text, start, end)
        if m:
            return (m.start(), m.end())
    return None
