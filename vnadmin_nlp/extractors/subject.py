"""Trích yếu: the ``V/v …`` line of a công văn, or the line(s) under the type name of other documents."""
from __future__ import annotations

from ..patterns import FOLDED
from .base import Context
from .fields import SubjectResult
from .registry import extractor


@extractor("subject", assigns=("subject",))
def extract(ctx: Context) -> SubjectResult:
    h = ctx.layout.header
    segs = list(h.subject)
    if not segs:
        return {}
    first = segs[0]
    if h.vv:
        m = FOLDED.vv.match(ctx.page.k(first))
        start = first.start + m.end() if m else first.start
        while start < first.end and ctx.text[start] in " :.\t":
            start += 1
        if start >= first.end:
            segs = segs[1:]
        else:
            segs[0] = type(first)(start, first.end)
    if not segs:
        return {}
    text = ctx.join(segs).strip()
    if not text:
        return {}
    return {"subject": text, "spans": {"subject": (segs[0].start, segs[-1].end)}}
