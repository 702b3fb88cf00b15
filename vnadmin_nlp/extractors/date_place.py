"""Place and date of the header line ``Cẩm Phả, ngày 19 tháng 10 năm 2022``, blanks allowed in drafts.

``ngày    tháng    năm 2022`` gives ``"2022"``; ``ngày … tháng 02 năm 2025`` gives ``"2025-02"``.  The same
date reader serves citations and deadlines (:func:`iso_date`).
"""
from __future__ import annotations

import datetime as dt

from ..patterns import FOLDED, TEXT
from .base import Context
from .fields import DatePlaceResult
from .registry import extractor


_OCR_DIGITS = str.maketrans("lio", "110")


def iso_date(day: str | None, month: str | None, year: str | None) -> tuple[str | None, bool]:
    """An ISO date (possibly partial) from its printed parts, and whether it is a real calendar date."""
    day = day.translate(_OCR_DIGITS) if day else day
    d = int(day) if day and day.strip().isdigit() else None
    m = int(month) if month and month.strip().isdigit() else None
    y = int(year) if year and year.strip().isdigit() else None
    if y is None:
        return None, True
    if m is None or not 1 <= m <= 12:
        return f"{y:04d}", m is None
    if d is None:
        return f"{y:04d}-{m:02d}", True
    try:
        return dt.date(y, m, d).isoformat(), True
    except ValueError:
        return None, False


@extractor("date_place", assigns=("date", "place"))
def extract(ctx: Context) -> DatePlaceResult:
    seg = ctx.layout.header.date
    if seg is None:
        if ctx.layout.header.found:
            ctx.warn("date_missing", "no place-and-date line found in the header")
        return {}
    key = ctx.page.key
    m = FOLDED.date.search(key, seg.start, seg.end)
    if m is None:
        return {}
    out: DatePlaceResult = {"spans": {}}
    date, valid = iso_date(m.group("d"), m.group("m"), m.group("y"))
    if not valid:
        ctx.warn("date_invalid", f"the date {ctx.text[m.start():m.end()]!r} is not a calendar date", (m.start(), m.end()))
    if date is not None:
        out["date"] = date
        out["spans"]["date"] = (m.start(), m.end())
        if len(date) < 10:
            ctx.warn("date_partial", f"the date is only partly filled in ({date})", (m.start(), m.end()))
    p = TEXT.place.match(ctx.text, seg.start, m.end())
    if p:
        out["place"] = p.group("place")
        out["spans"]["place"] = (p.start("place"), p.end("place"))
    return out
