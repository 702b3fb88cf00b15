"""Number and symbol (số, ký hiệu) of the header's Số line, read with ``identity.parse_symbol`` (the parser that
citations and the index use too).  A Số line no pattern reads, two Số lines that disagree, or a number read from
OCR words in doubt (:mod:`.ocr_doubt`) give no number and a warning quoting the line(s): a wrong number is worse
than none."""
from __future__ import annotations

import regex

from ..identity.symbol import parse_symbol
from ..patterns import TEXT
from . import ocr_doubt
from .base import Context
from .fields import NumberFields
from .registry import extractor
from ..lexicon.lazy import lazy_regex

_BLANK = lazy_regex(r"^[\s.…_]*$")


@extractor("number", requires=("source_metadata",), assigns=("number",))
def extract(ctx: Context) -> NumberFields:
    seg = ctx.layout.header.number
    if seg is None:
        if ctx.layout.header.found:
            ctx.warn("number_missing", "no Số line found in the header")
        return {}
    m = TEXT.number.match(ctx.text, seg.start, seg.end)
    if m is None:
        ctx.warn("number_unreadable", f"a Số line that cannot be read: {ctx.page.t(seg)[:60]!r}{ocr_doubt.readings(ctx, ctx.page.t(seg))}", (seg.start, seg.end))
        return {}
    num = m.group("num")
    start = m.start("num") if num and not _BLANK.match(num) else m.start("sep")
    raw = ctx.text[start : m.end("sym")]
    if num and _BLANK.match(num):
        raw = ctx.text[m.start("sep") : m.end("sym")]
    parts = parse_symbol(raw)
    for other in ctx.layout.header.other_numbers:
        o = TEXT.number.match(ctx.text, other.start, other.end)
        if o is None or parse_symbol(ctx.text[o.start("num") : o.end("sym")]).text != parts.text:
            ctx.warn(
                "number_conflict",
                f"two Số lines in the header: {ctx.page.t(seg)[:60]!r} and {ctx.page.t(other)[:60]!r}",
                (other.start, other.end),
            )
            return {}
    doubt = ocr_doubt.number_doubt(ctx, raw, parts.number)
    if doubt is not None:
        ctx.warn("number_unreadable", f"number: {doubt}; the Số line: {ctx.page.t(seg)[:60]!r}", (seg.start, seg.end))
        return {}
    hand = ocr_doubt.hand_read(ctx, raw, [parts.number])
    if hand is not None:
        ctx.warn("ocr_handwriting_read", f"number: the digits {parts.number!r} were written by hand and read from the ink alone ({hand}); the Số line: {ctx.page.t(seg)[:60]!r}", (start, m.end("sym")))
    if parts.number is None:
        ctx.warn("number_blank", f"the number is left blank ({parts.text}): a draft or an unregistered copy", (seg.start, seg.end))
    return {"number": parts.to_number((start, m.end("sym")))}
