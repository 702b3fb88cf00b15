"""Place and date of the header line ``Cẩm Phả, ngày 19 tháng 10 năm 2022``, blanks allowed in drafts.

``ngày    tháng    năm 2022`` gives ``"2022"``; ``ngày … tháng 02 năm 2025`` gives ``"2025-02"``.  The same
date reader serves citations and deadlines (:func:`iso_date`).
"""
from __future__ import annotations

import datetime as dt

from ..patterns import FOLDED, TEXT
from ..zoning import Seg, lines
from . import ocr_doubt
from .base import Context
from .ocr_signing import signed_date, warn_signed
from .fields import DatePlaceResult
from .registry import extractor


_OCR_DIGITS = str.maketrans("lio", "110")


def iso_date(day: str | None, month: str | None, year: str | None) -> tuple[str | None, bool]:
    """An ISO date (possibly partial) from its printed parts, and whether it is a real calendar date."""
    day = day.translate(_OCR_DIGITS) if day else day
    d = int(day) if day and day.strip().isdigit() and day.isascii() else None  # isdigit() alone takes "²"
    m = int(month) if month and month.strip().isdigit() and month.isascii() else None
    y = int(year) if year and year.strip().isdigit() and year.isascii() else None
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


def stamped_date(day: str | None, month: str | None, glued: str | None, year: str) -> tuple[str | None, bool]:
    """The date of a line whose stamped day and month came out glued to the year or to ``tháng``.

    ``glued`` holds the digits of the blank fields, day before month; they are split every way that makes a
    calendar date.  Returns the date (partial where the split is not unique) and whether it is unambiguous.
    """
    need = [f for f, v in (("d", day), ("m", month)) if not v]
    if not glued or not need:
        return None, False
    readings = set()
    if len(need) == 1:
        parts = [{need[0]: glued}] if len(glued) <= 2 else []
    else:
        parts = [{"d": glued[:i], "m": glued[i:]} for i in (1, 2) if 1 <= len(glued) - i <= 2]
    for p in parts:
        d, m = p.get("d", day), p.get("m", month)
        date, valid = iso_date(d, m, year)
        if valid and date is not None and len(date) == 10:
            readings.add(date)
    if len(readings) == 1:
        return readings.pop(), True
    return iso_date(day, month, year)[0], False


def _adoption(ctx: Context) -> DatePlaceResult:
    """A law or National Assembly resolution dates itself in its closing sentence (``… thông qua ngày …``)."""
    key = ctx.page.key
    start, end = ctx.layout.body
    if ctx.layout.closing is not None:
        end = max(end, ctx.layout.closing.start)
    last = None
    for a in FOLDED.adopted.finditer(key, max(start, end - 6000), end):
        last = a
    if last is None:
        return {}
    m = FOLDED.date.match(key, last.end())
    if m is None or m.group("dx") or m.group("mx"):
        return {}
    line_end = ctx.text.find("\n", m.end())
    line = ctx.text[last.start() : line_end if line_end >= 0 else len(ctx.text)]
    date, valid = iso_date(m.group("d"), m.group("m"), m.group("y"))
    if not valid or date is None:
        ctx.warn("date_invalid", f"the date of adoption in {line!r} is not a calendar date", (m.start(), m.end()))
        return {}
    if len(date) < 10:
        ctx.warn("date_partial", f"the date is only partly filled in ({date})", (m.start(), m.end()))
    return {"date": date, "spans": {"date": (m.start(), m.end())}}


def _stamped_line(ctx: Context) -> Seg | None:
    """A line ``Hà Nội, ngày tháng 1510 năm 2025`` in or right under the header that the header zone did not
    take for a date line."""
    h = ctx.layout.header
    if not h.found:
        return None
    after = lines(ctx.text, h.end, min(len(ctx.text), h.end + 400))[:3]  # a header cut short at the motto
    for ln in [*lines(ctx.text, h.start, h.end), *after]:
        st = FOLDED.date_stamped.search(ctx.page.key, ln.start, ln.end)
        if st and (st.group("extra") or st.group("dm")) and TEXT.place.match(ctx.text, ln.start, ln.end):
            return ln
    return None


def _garbled(ctx: Context, seg: Seg) -> DatePlaceResult:
    """A date line whose day or month OCR broke past the date pattern (``ngàys Ề tháng 1] năm 2025``, see
    zoning/header_lines.py): the place stands, the date is null with ``date_unreadable`` quoting the line (or the
    signing day where the scan's signature agrees with the readable parts), never a guessed day."""
    g = FOLDED.date_garbled.search(ctx.page.key, seg.start, seg.end)
    p = TEXT.place.match(ctx.text, seg.start, seg.end)
    if g is None or p is None:
        return {}
    month = g.group("mg").strip()
    month = month if month.isdigit() and month.isascii() and 1 <= int(month) <= 12 else None
    line = ctx.page.t(seg)[:80]
    what = "day" if month else "day and month"
    ctx.warn("date_unreadable", f"date: the {what} cannot be read; the line: {line!r}{ocr_doubt.readings(ctx, ctx.page.t(seg))}", g.span())
    out: DatePlaceResult = {"place": p.group("place"), "spans": {"place": (p.start("place"), p.end("place"))}}
    fallback = signed_date(ctx, None, month, g.group("y"), month_doubted=False)
    if fallback is not None:
        out["date"] = fallback  # no span: not printed; the warning says where it came from
        warn_signed(ctx, fallback, line, f"the {what} cannot be read")
    return out


@extractor("date_place", requires=("source_metadata",), assigns=("date", "place"))
def extract(ctx: Context) -> DatePlaceResult:
    seg = ctx.layout.header.date or _stamped_line(ctx)
    if seg is None:
        adopted = _adoption(ctx)
        if adopted:
            return adopted
        if ctx.layout.header.found:
            ctx.warn("date_missing", "no place-and-date line found in the header")
        return {}
    key = ctx.page.key
    m = FOLDED.date.search(key, seg.start, seg.end)
    st = FOLDED.date_stamped.search(key, seg.start, seg.end)
    if m is None and st is None:
        return _garbled(ctx, seg)
    out: DatePlaceResult = {"spans": {}}
    date, valid = iso_date(m.group("d"), m.group("m"), m.group("y")) if m is not None else (None, True)
    unreadable = m is not None and bool(m.group("dx") or m.group("mx"))
    fallback, why = None, ""  # the first signing day standing for a date the scan spoiled (ocr_signing)
    if m is not None and date is None and not unreadable and valid and not (m.group("y") or "").strip():
        fallback = signed_date(ctx, m.group("d"), m.group("m"), None, month_doubted=False)  # only the year unread
        why = "the year is not printed legibly"
    if unreadable:
        fallback = signed_date(ctx, None if m.group("dx") else m.group("d"), None if m.group("mx") else m.group("m"), m.group("y"), month_doubted=False)
        why = "the " + ("day" if m.group("dx") else "month") + " cannot be read"
    if unreadable:  # a day or month OCR could not read ("ngày |2", "tháng 1]"): the place stands, the date does not
        date = None
        part = "dx" if m.group("dx") else "mx"
        what = "day" if part == "dx" else "month"
        ctx.warn("date_unreadable", f"date: the {what} {ctx.text[m.start(part):m.end(part)]!r} cannot be read; the line: {ctx.page.t(seg)[:80]!r}{ocr_doubt.readings(ctx, ctx.page.t(seg))}", (m.start(), m.end()))
    if not unreadable and st is not None and (date is None or len(date) < 10) and (st.group("extra") or st.group("dm")):
        glued = st.group("extra") or st.group("dm")
        sdate, sure = stamped_date(st.group("d"), st.group("m"), glued, st.group("y"))
        if sdate is not None and (date is None or len(sdate) > len(date)):
            m, date, valid = st, sdate, True
            if not sure:
                ctx.warn("date_ambiguous", f"the stamped digits in {ctx.text[st.start():st.end()]!r} read more than one way", (st.start(), st.end()))
    if not valid:
        ctx.warn("date_invalid", f"the date {ctx.text[m.start():m.end()]!r} is not a calendar date", (m.start(), m.end()))
    if date is not None and m is not None:
        printed = ctx.text[m.start() : m.end()]
        groups = [(m.start(g) - m.start(), m.end(g) - m.start()) for g in ("d", "m", "y") if g in m.re.groupindex and m.start(g) >= 0]
        doubt = ocr_doubt.date_doubt(ctx, printed, date, groups)
        if doubt is not None:
            fallback, why = signed_date(ctx, None, date[5:7] or None, date[:4], month_doubted=False), "its digits are in doubt"
            hint = "" if fallback else ocr_doubt.stamp_hint(ctx)  # the stamp's day, when it is not taken
            ctx.warn("date_unreadable", f"date: {doubt}; the line: {ctx.page.t(seg)[:80]!r}{hint}", (m.start(), m.end()))
            date = None
        hand = ocr_doubt.hand_read(ctx, printed, groups) if date is not None else None
        if hand is not None:
            ctx.warn("ocr_handwriting_read", f"date: the day or month was written by hand and read from the ink alone ({hand}); the line: {ctx.page.t(seg)[:80]!r}", (m.start(), m.end()))
    if date is None and fallback is not None:
        out["date"] = fallback  # no span: not printed; the warning says where it came from
        warn_signed(ctx, fallback, ctx.page.t(seg)[:80], why)
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
