"""Calendar helpers for deadlines."""
from __future__ import annotations

import datetime as dt


def last_day(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)) if 1 <= m <= 12 else dt.date(y, 12, 31)


def complete(day: int, month: int, year: int | None, anchor: dt.date | None) -> dt.date | None:
    """The date of a day and month: in ``year``, else the first on or after ``anchor`` (the document's date)."""
    try:
        if year is not None:
            return dt.date(year, month, day)
        if anchor is None:
            return None
        d = dt.date(anchor.year, month, day)
        return d if d >= anchor else dt.date(anchor.year + 1, month, day)
    except ValueError:
        return None
