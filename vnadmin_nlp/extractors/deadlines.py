"""Deadlines as written and as ISO dates, anchored on the document's own date.

Absolute (``Thời hạn hoàn thành: 31/10/2022``, ``trước ngày 15/02/2017``, ``chậm nhất ngày 20 tháng 01 năm
2025``), relative (``trong 05 ngày làm việc kể từ ngày nhận được văn bản``), periodic (``trước ngày 20 hằng
tháng``), quarters, months and years (``trong Quý IV/2022``).  A date printed without its year takes the
document's year (the next one if that would fall before the document).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..data import load
from ..normalize.fold import retone

_T = load("tasks")


def _compile(pattern: str) -> regex.Pattern:
    """Patterns here run on the folding key, whose tone placement differs from plain spelling ("cuối" -> "cuôí")."""
    return regex.compile(retone(pattern))


_INTRO = "|".join(regex.escape(retone(p)) for p in sorted(_T["deadline_intros"], key=len, reverse=True))
_DATE = r"(?:ngày\s*)?(?P<d>\d{1,2})\s*(?:[/.\-]|\s+tháng\s+)\s*(?P<m>\d{1,2})(?:\s*(?:[/.\-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d))?(?![\d/])"
_ABSOLUTE = _compile(r"(?<![\p{L}])(?P<intro>" + _INTRO + r")\s*:?\s*" + _DATE)
_PERIODIC = _compile(
    r"(?<![\p{L}])(?:trước|chậm\s+nhất|trong)\s+(?:ngày\s+)?(?P<d>\d{1,2})(?:\s+tháng\s+(?P<m>\d{1,2}))?\s+(?P<every>hằng|hàng)\s+(?P<unit>tháng|quý|năm)"
)
_QUARTER = _compile(r"(?<![\p{L}])(?:trong|trước|hết|cuối|đến)\s+quý\s+(?P<q>iv|iii|ii|i|[1-4])(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d))?(?![\p{L}\d])")
_MONTH = _compile(r"(?<![\p{L}])(?:trong|trước|hết|cuối|đến)\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d))(?![\d/])")
_YEAR = _compile(r"(?<![\p{L}])(?:trong|hết|cuối|đến\s+hết)\s+năm\s+(?P<y>(?:19|20)\d\d)(?!\d)")
_RELATIVE = _compile(
    r"(?<![\p{L}])(?:trong|trong\s+thời\s+hạn|trong\s+vòng|chậm\s+nhất|sau)\s+(?P<n>\d{1,3})\s+(?P<unit>ngày|tháng|tuần)(?P<work>\s+làm\s+việc)?"
    r"(?P<from>\s*,?\s*kể\s+từ\s+(?:ngày\s+)?[^,.;\n]{0,80})?"
)
_MAYBE = regex.compile(r"\d|quý")
_FIRST_WORD = _compile(  # no look-behind (costly at every character): hits are checked in find()
    r"(?:trước|chậm|trong|hết|cuối|đến|sau|thời|hạn|hoàn|xong|" + "|".join(sorted({w.split()[0] for w in _T["deadline_intros"]})) + r")(?![\p{L}])"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Units as they stand in the folding key ("ngày" is keyed "ngaỳ"): to ISO 8601 designators.
_UNITS = {retone(k): v for k, v in {"ngày": "D", "tuần": "W", "tháng": "M", "quý": "Q", "năm": "Y"}.items()}


@dataclass
class FoundDeadline:
    start: int
    end: int
    date: str | None
    relative: str | None
    strong: bool = True  # stated as a deadline ("Thời hạn: …", "trước ngày …"), not only a period ("cuối năm …")


def _last_day(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)) if 1 <= m <= 12 else dt.date(y, 12, 31)


def _add_working_days(d: dt.date, n: int) -> dt.date:
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _complete(day: int, month: int, year: int | None, anchor: dt.date | None) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(year, month, day)
        if anchor is None:
            return None
        d = dt.date(anchor.year, month, day)
        return d if d >= anchor else dt.date(anchor.year + 1, month, day)
    except ValueError:
        return None


def find(key: str, start: int, end: int, anchor: dt.date | None) -> list[FoundDeadline]:
    """Deadlines in ``key[start:end]`` (the folded text), earliest first, overlapping readings dropped."""
    if not _MAYBE.search(key, start, end):
        return []  # every form needs a digit, or a quarter in Roman numerals
    out: list[FoundDeadline] = []
    # Every form starts with one of a few words: look for those first, then try the forms only there.
    starts = [m.start() for m in _FIRST_WORD.finditer(key, start, end) if m.start() == 0 or not key[m.start() - 1].isalpha()]
    if not starts:
        return out

    def at(pattern: regex.Pattern):
        for pos in starts:
            m = pattern.match(key, pos, end)
            if m:
                yield m

    for m in at(_PERIODIC):
        d, unit = int(m.group("d")), m.group("unit")
        mon = int(m.group("m")) if m.group("m") else None
        unit = _UNITS[unit]
        rel = {"M": f"R/P1M/day={d}", "Q": f"R/P3M/day={d}", "Y": f"R/P1Y/{mon or 1:02d}-{d:02d}"}[unit]
        first = None
        if anchor:
            first = _complete(d, mon or anchor.month, None, anchor) if unit != "Y" else _complete(d, mon or 12, None, anchor)
        out.append(FoundDeadline(m.start(), m.end(), first.isoformat() if first else None, rel))
    for m in at(_ABSOLUTE):
        y = int(m.group("y")) if m.group("y") else None
        d = _complete(int(m.group("d")), int(m.group("m")), y, anchor)
        if d:
            out.append(FoundDeadline(m.start(), m.end(), d.isoformat(), None))
    for m in at(_QUARTER):
        q = _ROMAN.get(m.group("q")) or int(m.group("q"))
        y = int(m.group("y")) if m.group("y") else (anchor.year if anchor else None)
        out.append(FoundDeadline(m.start(), m.end(), _last_day(y, 3 * q).isoformat() if y else None, None, strong=False))
    for m in at(_MONTH):
        out.append(FoundDeadline(m.start(), m.end(), _last_day(int(m.group("y")), int(m.group("m"))).isoformat(), None, strong=False))
    for m in at(_YEAR):
        out.append(FoundDeadline(m.start(), m.end(), f"{m.group('y')}-12-31", None, strong=False))
    for m in at(_RELATIVE):
        n, unit, work = int(m.group("n")), _UNITS[m.group("unit")], bool(m.group("work"))
        rel = f"P{n}{unit}" + ("/working-days" if work else "")
        date = None
        if anchor:
            if unit == "D":
                date = _add_working_days(anchor, n) if work else anchor + dt.timedelta(days=n)
            elif unit == "W":
                date = anchor + dt.timedelta(weeks=n)
            else:
                y, mo = divmod(anchor.month - 1 + n, 12)
                date = _complete(min(anchor.day, 28), mo + 1, anchor.year + y, None)
        out.append(FoundDeadline(m.start(), m.end(), date.isoformat() if date else None, rel))
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[FoundDeadline] = []
    for f in out:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept
