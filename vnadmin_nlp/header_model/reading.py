"""The model's reading: the units it labels put where the rules put theirs (a ``Layout``), then the same
extractors run on it, so that a value read from the model's line is cleaned exactly as the rules' value is."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..extractors import DEFAULT_EXTRACTORS
from ..extractors.base import Context
from ..model import Document
from ..patterns import FOLDED
from ..zoning import ClosingLayout, Layout, SignerBlock
from ..zoning.closing_lines import split_rank
from ..zoning.header_lines import match_title
from .analysis import Analysis
from .crf import Tagger
from .features import sequence_features
from .units import Unit


@dataclass
class Tagged:
    units: list[Unit]  # the header window's units, then the closing window's
    labels: list[str]
    marginals: list[dict[str, float]]

    def of(self, *roles: str) -> list[int]:
        return [i for i, lab in enumerate(self.labels) if lab in roles]

    def support(self, idx: list[int], *roles: str) -> float:
        """The mean probability the model gives ``roles`` on the units ``idx`` (0 when there are none)."""
        if not idx:
            return 0.0
        return sum(sum(self.marginals[i].get(r, 0.0) for r in roles) for i in idx) / len(idx)

    def index_of(self, pos: int) -> int | None:
        """The unit holding offset ``pos``."""
        for i, u in enumerate(self.units):
            if u.seg.start <= pos < max(u.seg.end, u.seg.start + 1):
                return i
        return None


def tag(tagger: Tagger, a: Analysis) -> Tagged:
    units: list[Unit] = []
    labels: list[str] = []
    marginals: list[dict[str, float]] = []
    for window in (a.header, a.closing):
        lab, marg = tagger.tag(sequence_features(a.page, window))
        units += window
        labels += lab
        marginals += marg
    return Tagged(units, labels, marginals)


def model_layout(a: Analysis, t: Tagged) -> Layout:
    """The rules' layout with the header fields and signer blocks the model's labels give."""
    page = a.page
    segs = lambda *roles: [t.units[i].seg for i in t.of(*roles) if t.units[i].zone == "header"]  # noqa: E731
    first = lambda role: next(iter(segs(role)), None)  # noqa: E731
    h = replace(a.layout.header, other_numbers=[], recipients=list(a.layout.header.recipients))
    h.issuer_lines = segs("parent", "issuer")
    h.number, h.date = first("number"), first("date")
    h.title, h.title_type, h.subject, h.vv = None, None, [], False
    title = first("type")
    if title is not None and (m := match_title(page.k(title))) is not None:
        row, name_end = m
        h.title, h.title_type = page.sub(title, title.start, title.start + name_end) or title, row
        rest = page.sub(title, title.start + name_end, title.end)
        if rest is not None and page.text[rest.start] in ":":
            rest = page.sub(title, rest.start + 1, title.end)
        if rest is not None:
            h.subject = [rest]
    h.subject += segs("subject")
    h.vv = bool(h.subject) and FOLDED.vv.match(page.k(h.subject[0])) is not None
    h.national = h.national or bool(segs("national", "motto"))
    h.found = h.found or any(t.units[i].zone == "header" for i in t.of("number", "date", "type", "issuer", "national"))
    return replace(a.layout, header=h, closing=_closing(a, t))


def _closing(a: Analysis, t: Tagged) -> ClosingLayout | None:
    blocks: list[SignerBlock] = []
    cur = SignerBlock()
    for i in t.of("authority", "position", "signer_name"):
        u, role = t.units[i], t.labels[i]
        if u.zone != "closing":
            continue
        if (role == "authority" and (cur.position or cur.name)) or (role == "position" and (cur.position or cur.name)):
            blocks.append(cur)
            cur = SignerBlock()
        if role == "authority":
            cur.authority.append(u.seg)
        elif role == "position":
            cur.position = u.seg
        else:
            cur.rank, cur.name = split_rank(a.page, u.seg)
            blocks.append(cur)
            cur = SignerBlock()
    if cur.segs:
        blocks.append(cur)
    if a.layout.closing is not None:
        return replace(a.layout.closing, signers=blocks)
    if not blocks:
        return None
    segs = [s for b in blocks for s in b.segs]
    return ClosingLayout(start=min(s.start for s in segs), end=max(s.end for s in segs), signers=blocks)


def read_with_layout(a: Analysis, layout: Layout) -> Document:
    """The default extractors run on ``layout`` (the document's page and what its reader knew)."""
    ctx = Context(page=a.page, layout=layout, source_metadata=a.metadata)
    for extract in DEFAULT_EXTRACTORS:
        found: Any = extract(ctx)
        ctx.spans.update(found.get("spans") or {})
        ctx.fields.update({k: v for k, v in found.items() if k != "spans"})  # type: ignore[typeddict-item]
    return Document(source=a.doc.source, text=a.page.text, spans=ctx.spans, zones=a.doc.zones, warnings=ctx.warnings, **ctx.fields)
