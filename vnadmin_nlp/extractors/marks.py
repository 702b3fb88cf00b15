"""Urgency (Hỏa tốc, Thượng khẩn, Khẩn) and secrecy (Mật, Tối mật, Tuyệt mật) marks of the header."""
from __future__ import annotations

from ..data import load
from ..lexicon.fold import fold
from .base import Context
from .fields import MarksResult
from .registry import extractor

_MARKS = {fold(v): (group, canon) for group in ("urgency", "secrecy") for canon, vs in load("marks")[group].items() for v in vs}


@extractor("marks", assigns=("urgency", "secrecy"))
def extract(ctx: Context) -> MarksResult:
    out: MarksResult = {}
    spans: dict = {}
    for seg in ctx.layout.header.marks:
        found = _MARKS.get(ctx.page.k(seg).strip(" .:!*()[]"))
        if found and found[0] not in out:
            out[found[0]] = found[1]  # type: ignore[literal-required]  # "urgency" or "secrecy"
            spans[found[0]] = (seg.start, seg.end)
    if spans:
        out["spans"] = spans
    return out
