"""The signing time of a signed PDF as the fallback for a date the scan does not let us read (issue 12).

A Lâm Đồng PDF scanned from paper and then signed by the office that publishes it carries the signature's time in
its signature dictionary (:func:`vnadmin_nlp.readers.pdf.signatures.digital_signatures`), or printed in the
stamp; its date line is often filled in by hand (``ngày |6 tháng 12 năm 2025``) and left null as unreadable.
Measured on the development split and the corpus (signed PDFs whose printed date the gold gives, the first
signing time's day minus the printed day): 0 days in 28 of 32 Lâm Đồng PDFs, 1 day in 2, 2 and 4 days in one
each; 0 days in 6 of 17 corpus PDFs, 1 day in 8, 4 days in 2, 17 days in one; never before the printed date
(docs/accuracy.md, "Issue 12"; ``scripts/signing_dates.py``).  So the first signing day stands in for the date, marked as such, only when what the line does let
us read agrees with it:

- the day (or month) is unreadable or in doubt: the printed year, and the printed month when it was read and is
  not itself in doubt, must be the first signing day's; the date is then that day;
- the year alone is missing (``ngày 05 tháng 3 năm ….``): the year is the signing year, if the date it makes is
  not after the first signing day and at most :data:`YEAR_WINDOW_DAYS` before it.

**Off by default** (``VNADMIN_OCR_SIGNING_DATE=on`` turns it on).  Measured on the Quảng Ngãi scans of the corpus,
whose signature is applied when the document is published (often the next working day), the first signing day is
the printed day in 6 of 17 signed PDFs, and on the scans where the fallback applies it gave 6 right dates (3 Lâm
Đồng dev, 3 corpus) and 6 wrong ones (corpus, a day or four late): a wrong date is worse than none.  With
it off, the ``date_unreadable`` warning still quotes the signing day.

The value has no span (it is not printed) and a ``date_from_signature`` warning says where it came from, quoting
the line and the signing time; its confidence is low.  A date line read in full, and a document without a date
line, are never given one: the fallback answers a line the scan spoiled, not a missing line.
"""
from __future__ import annotations

import datetime as dt
import os

from .base import Context
from .ocr_doubt import has_ocr, signing_times

YEAR_WINDOW_DAYS = 31  # a year taken from the signature only for a date this close before the signing day
SETTING = "VNADMIN_OCR_SIGNING_DATE"  # "on" puts the signing day in `date`; off by default (measured: see above)


def enabled() -> bool:
    """Whether the fallback is on (read at each call: the environment may change between documents in tests)."""
    return os.environ.get(SETTING, "off").strip().lower() in ("1", "on", "true", "yes")


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() and text.isascii() else None


def signed_date(ctx: Context, day: str | None, month: str | None, year: str | None, *, month_doubted: bool) -> str | None:
    """The first signing day (ISO) when it may stand for an unreadable date whose readable parts are ``day``,
    ``month``, ``year`` (as printed, None where unreadable); None when there is no signing time, the document is
    no scan, or the readable parts disagree with it.  ``month_doubted``: the month was read but is in doubt."""
    if not enabled() or not has_ocr(ctx):
        return None
    signed = signing_times(ctx)
    if not signed:
        return None
    first = signed[0]
    y, m, d = _int(year), _int(month), _int(day)
    if y is None:  # only the year is missing: day and month printed, the year from the signing time
        if m is None or d is None:
            return None
        try:
            date = dt.date(first.year, m, d)
        except ValueError:
            return None
        return date.isoformat() if 0 <= (first - date).days <= YEAR_WINDOW_DAYS else None
    if y != first.year:
        return None
    if m is not None and not month_doubted and m != first.month:
        return None
    return first.isoformat()


def _first_time(ctx: Context) -> str:
    """The first signing time as given (``2025-12-16T17:47:57+07:00``), for the warning."""
    times = [
        str(sig["time"]) for key in ("digital_signatures", "signatures") for sig in ctx.source_metadata.get(key) or []
        if isinstance(sig, dict) and isinstance(sig.get("time"), str) and len(sig["time"]) >= 10
    ]
    return min(times) if times else "?"


def warn_signed(ctx: Context, date: str, line: str, why: str) -> None:
    """The ``date_from_signature`` warning of a date taken from the signing time (no span: it is not printed)."""
    when = _first_time(ctx)
    ctx.warn("date_from_signature", f"date: {date} is the day of the first digital signature ({when}), not read from the line ({why}): {line!r}")
