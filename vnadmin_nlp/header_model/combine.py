"""Rules and model together, field by field.

For each header field the rules read from some unit(s) and the model labels some unit(s) with the field's role;
both readings are cleaned by the same extractors (``reading.py``).  Where the two values agree, the field's
confidence rises halfway to 1.  Where they differ, the field keeps the rules' reading (on the development set the
model's line was the worse one every time it contradicted a value the rules had read), its confidence drops to
``DOUBT`` and a ``model_disagrees`` warning names the field and quotes both lines.  A field the rules left empty is
filled from the model's line only for the fields whose value the extractors validate strictly (number, date,
type: ``Field.fill``) and only when the model is sure of the line (probability of the role >= ``SWITCH``), at
confidence ``DOUBT``, with the same warning; a free-text field (issuer, trích yếu, place) is never filled, its
extent being where a model errs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..model import Document, ParseWarning
from ..zoning import Layout, Seg
from .reading import Tagged

SWITCH = 0.9
DOUBT = 0.45


@dataclass(frozen=True)
class Policy:
    """When a disagreement empties a field (null, with the warning) rather than keep the rules' value.

    ``unconfirmed``: fields left null where the rules read a value and the model's lines give none (it labels no
    line with the field's roles, or the extractors find no value on the lines it labels).  ``doubted``: fields left
    null where the rules' value carries a doubt of the rules' own that the model's reading does not lift
    (``Field.doubt``: a signing block read without its signer's name, the model naming nobody for it either).  ``fields``, ``weak``,
    ``sure``: fields left null (``take``: given the model's value) where the model gives the rules' line(s) a
    probability of the field's role under ``weak`` and its own line at least ``sure``.  Tuned on the development
    set's dev split, each document read by a model trained without it (``scripts/eval_header_model.py --cv
    --tune``)."""

    unconfirmed: tuple[str, ...] = ()
    doubted: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    weak: float = 0.0
    sure: float = 1.0
    take: bool = False


def decide(
    f: Field, same: bool, r_empty: bool, m_empty: bool, p_rules: float, p_model: float, policy: Policy, doubt: bool = False
) -> str:
    """What the combination does with one field: ``none`` (neither read it, or the model unsure where the rules
    read nothing), ``agree``, ``keep`` (the rules' value, doubted), ``take`` (the model's) or ``drop`` (null).
    ``doubt``: the rules' value carries a doubt of their own that the model's reading does not lift."""
    if doubt and not r_empty and f.name in policy.doubted:
        return "drop"
    if (r_empty and m_empty) or same:
        return "none" if r_empty and m_empty else "agree"
    if r_empty:
        return "take" if not m_empty and f.fill and p_model >= SWITCH else "none"
    if m_empty and f.name in policy.unconfirmed:
        return "drop"
    if f.name in policy.fields and p_rules < policy.weak and not m_empty and p_model >= policy.sure:
        return "take" if policy.take else "drop"
    return "keep"


# On the dev split (cross-validated): where the model's closing lines give no signer, the rules' signer was wrong
# each time (2 of 2, session 11; none since the rules improved); a signing block the rules read without a name
# that the model names nobody for either was wrong each time (2 of 2, session 13: the gold names every signer;
# the position alone scores wrong); no other field's disagreements told a wrong value from a right one (the
# rules' lines were as likely right as the model's, see the model card).
POLICY = Policy(unconfirmed=("signers",), doubted=("signers",))


@dataclass(frozen=True)
class Field:
    name: str  # the confidence key
    roles: tuple[str, ...]
    attrs: tuple[str, ...]  # the Document attributes that move together
    spans: tuple[str, ...]  # the keys of Document.spans that move with them
    segs: Callable[[Layout], list[Seg]]  # where the rules (or the model's layout) read it
    fill: bool = False  # may the model's reading fill the field where the rules read nothing
    doubt: Callable[[Document, Document], bool] | None = None  # (rules, model): a doubt the model does not lift


def _unnamed(rules: Document, model: Document) -> bool:
    """A signing block the rules read without a name (their ``signer_name_missing`` doubt: a draft, an unsigned
    copy, or a name the reader lost) for which the model's reading names nobody either (no block of the same
    position with a name)."""
    named = {s.position for s in model.signers if s.name}
    return any(not s.name and s.position not in named for s in rules.signers)


FIELDS = (
    Field("number", ("number",), ("number",), (), lambda L: [L.header.number] if L.header.number else [], True),
    Field("date", ("date",), ("date",), ("date",), lambda L: [L.header.date] if L.header.date else [], True),
    Field("place", ("date",), ("place",), ("place",), lambda L: [L.header.date] if L.header.date else []),
    Field("doc_type", ("type",), ("doc_type",), (), lambda L: [L.header.title] if L.header.title else [], True),
    Field("issuer", ("parent", "issuer"), ("issuer", "issuers"), (), lambda L: list(L.header.issuer_lines)),
    Field("subject", ("subject", "type"), ("subject",), ("subject",), lambda L: list(L.header.subject)),
    Field(
        "signers", ("authority", "position", "signer_name"), ("signers",), (),
        lambda L: [s for b in (L.closing.signers if L.closing else []) for s in b.segs], doubt=_unnamed,
    ),
)


def _value(doc: Document, f: Field) -> Any:
    vals = []
    for a in f.attrs:
        v = getattr(doc, a)
        vals.append([x.model_dump(exclude={"span"}) if hasattr(x, "model_dump") else x for x in v] if isinstance(v, list) else v.model_dump(exclude={"span"}) if hasattr(v, "model_dump") else v)
    return vals


def _empty(doc: Document, f: Field) -> bool:
    v = getattr(doc, f.attrs[0])
    return v is None or v == []


def _units(t: Tagged, segs: list[Seg]) -> list[int]:
    out: list[int] = []
    for s in segs:
        i = t.index_of(s.start)
        if i is not None and i not in out:
            out.append(i)
    return out


def _quote(doc: Document, t: Tagged, idx: list[int]) -> str:
    if not idx:
        return "no line"
    text = " / ".join((doc.text or "")[t.units[i].seg.start : t.units[i].seg.end] for i in idx[:3])
    return f"«{text[:120]}»"


def combine(
    rules: Document, model: Document, rules_layout: Layout, model_layout: Layout, t: Tagged, policy: Policy = POLICY
) -> Document:
    """``rules`` with each header field confirmed, doubted or replaced by the model's reading (a new Document)."""
    out = rules.model_copy(deep=True)
    for f in FIELDS:
        r_idx, m_idx = _units(t, f.segs(rules_layout)), [i for i in t.of(*f.roles) if i in _units(t, f.segs(model_layout))]
        r_empty, m_empty = _empty(rules, f), _empty(model, f)
        p_rules, p_model = t.support(r_idx, *f.roles), t.support(m_idx, *f.roles)
        doubt = f.doubt is not None and f.doubt(rules, model)
        what = decide(f, _value(rules, f) == _value(model, f), r_empty, m_empty, p_rules, p_model, policy, doubt)
        if what == "none":
            continue
        if what == "agree":
            if f.name in out.confidence:
                out.confidence[f.name] = round(out.confidence[f.name] + (1 - out.confidence[f.name]) / 2, 3)
            continue
        if what == "drop":
            for a in f.attrs:
                setattr(out, a, [] if isinstance(getattr(out, a), list) else None)
            for k in f.spans:
                out.spans.pop(k, None)
        elif what == "take":
            for a in f.attrs:
                setattr(out, a, getattr(model, a))
            for k in f.spans:
                if k in model.spans:
                    out.spans[k] = model.spans[k]
                else:
                    out.spans.pop(k, None)
        kept = {"drop": "neither reading kept: left empty", "take": "the model's reading kept"}.get(what, "the rules' reading kept")
        if what == "drop" and doubt and f.name in policy.doubted:
            kept = "a signing block without its signer's name, the model names nobody for it either: left empty"
        out.confidence[f.name] = min(out.confidence.get(f.name, DOUBT), DOUBT)
        span = (t.units[r_idx[0]].seg.start, t.units[r_idx[-1]].seg.end) if r_idx else None
        out.warnings.append(
            ParseWarning(
                code="model_disagrees",
                message=f"{f.name}: the rules read {_quote(rules, t, r_idx)}, the header model {_quote(rules, t, m_idx)}"
                f" (p={p_model:.2f} against {p_rules:.2f}); {kept}",
                span=span,
            )
        )
    for f in FIELDS:
        if getattr(out, f.attrs[0]) in (None, []):
            out.confidence.pop(f.name, None)  # an absent field has no confidence
    return out
