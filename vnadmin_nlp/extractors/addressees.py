"""Addressees: the ``Kính gửi`` recipients of the header and the ``Nơi nhận`` list of the closing."""
from __future__ import annotations

import regex

from ..lexicon.spaces import squash
from ..model import DistributionItem, Recipient
from ..zoning import Seg
from .base import Context
from .fields import AddresseesFields
from .registry import extractor
from ..lexicon.lazy import lazy_regex

_LEAD = lazy_regex(r"^[\s\-–+•*]+")
_TRAIL = lazy_regex(r"[\s;,.]+$")
_SPLIT_INLINE = lazy_regex(r"(?<=;)\s*[-–+•]\s+|(?<=\S)\s+[-–]\s+(?=\p{Lu})")


def items(ctx: Context, groups: list[list[Seg]]) -> list[tuple[str, tuple[int, int]]]:
    """Each item's text (lines joined, without the leading dash and the trailing ``;`` or ``.``) and its span."""
    out = []
    for group in groups:
        out.extend(_item(ctx, group))
    return out


def _item(ctx: Context, group: list[Seg]) -> list[tuple[str, tuple[int, int]]]:
    if len(group) > 1:  # a wrapped item: one name over several lines (maybe with another column between)
        first, last = group[0], group[-1]
        lead = _LEAD.match(ctx.page.t(first))
        start = first.start + (lead.end() if lead else 0)
        trail = _TRAIL.search(ctx.page.t(last))
        end = last.start + trail.start() if trail else last.end
        name = ctx.join([Seg(start, first.end), *group[1:-1], Seg(last.start, end)]) if len(group) > 1 else ""
        return [(name.strip(), (start, end))] if name.strip() else []
    out = []
    for seg in group:
        text = ctx.page.t(seg)
        # "- A; - B" on one line: two items
        pieces = []
        after = 0
        for m in _SPLIT_INLINE.finditer(text):
            pieces.append((after, m.start()))
            after = m.end()
        pieces.append((after, len(text)))
        for a, b in pieces:
            piece = text[a:b]
            lead = _LEAD.match(piece)
            s = a + (lead.end() if lead else 0)
            trail = _TRAIL.search(text, s, b)
            e = trail.start() if trail else b
            if e > s:
                name = squash(text[s:e])
                out.append((name, (seg.start + s, seg.start + e)))
    return out


@extractor("addressees", assigns=("recipients", "distribution"))
def extract(ctx: Context) -> AddresseesFields:
    recipients = [Recipient(name=n, span=sp) for n, sp in items(ctx, ctx.layout.header.recipients)]
    closing = ctx.layout.closing
    distribution = [DistributionItem(name=n, span=sp) for n, sp in items(ctx, closing.distribution)] if closing else []
    return {"recipients": recipients, "distribution": distribution}
