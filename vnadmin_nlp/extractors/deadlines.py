"""Deadlines as written and as ISO dates, anchored on the document's own date.

Absolute (``Thời hạn hoàn thành: 31/10/2022``, ``trước ngày 15/02/2017``, ``chậm nhất ngày 20 tháng 01 năm
2025``), relative (``trong 05 ngày làm việc kể từ ngày nhận được văn bản``), periodic (``trước ngày 20 hằng
tháng``), quarters, months and years (``trong Quý IV/2022``).  A date printed without its year takes the
document's year (the next one if that would fall before the document).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

import regex

from ..data import load
from ..lexicon.fold import retone
from ..patterns import word_matches, word_scanner

_T = load("tasks")


def _compile(pattern: str) -> regex.Pattern:
    """Patterns here run on the folding key, whose tone placement differs from plain spelling ("cuối" -> "cuôí")."""
    return regex.compile(retone(pattern))


@dataclass(frozen=True)
class _Form:
    pattern: regex.Pattern
    first_words: frozenset[str]  # the words it can start with: a form is tried only where one of them stands


def _form(openings: Iterable[str], rest: str, group: str | None = None) -> _Form:
    """A form of deadline: one of the ``openings`` (phrases, any white space between their words), then ``rest``."""
    phrases = sorted(openings, key=len, reverse=True)
    alt = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases)
    head = f"(?P<{group}>{alt})" if group else f"(?:{alt})"
    return _Form(_compile(r"(?<![\p{L}])" + head + rest), frozenset(retone(p.split()[0]) for p in phrases))


# The forms are composed from their opening word lists (tasks.yaml and the lists below) and a tail, and the
# scanner needs their first words: they stay built here rather than as named patterns in patterns.yaml.
_DATE = r"(?:ngày\s*)?(?P<d>\d{1,2})\s*(?:[/.\-]|\s+tháng\s+)\s*(?P<m>\d{1,2})(?:\s*(?:[/.\-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d))?(?![\d/])"
_ABSOLUTE = _form(_T["deadline_intros"], r"\s*:?\s*" + _DATE, group="intro")
_PERIODIC = _form(
    ["trước", "chậm nhất", "trong"],
    r"\s+(?:ngày\s+)?(?P<d>\d{1,2})(?:\s+tháng\s+(?P<m>\d{1,2}))?\s+(?P<every>hằng|hàng)\s+(?P<unit>tháng|quý|năm)",
)
_BY = ["trong", "trước", "hết", "cuối", "đến"]
_QUARTER = _form(_BY, r"\s+quý\s+(?P<q>iv|iii|ii|i|[1-4])(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d))?(?![\p{L}\d])")
_MONTH = _form(_BY, r"\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d))(?![\d/])")
_YEAR = _form(["trong", "hết", "cuối", "đến hết"], r"\s+năm\s+(?P<y>(?:19|20)\d\d)(?!\d)")
_RELATIVE = _form(
    ["trong", "trong thời hạn", "trong vòng", "chậm nhất", "sau"],
    r"\s+(?P<n>\d{1,3})\s+(?P<unit>ngày|tháng|tuần)(?P<work>\s+làm\s+việc)?(?P<from>\s*,?\s*kể\s+từ\s+(?:ngày\s+)?[^,.;\n]{0,80})?",
)
_MAYBE = re.compile(r"\d|quý")  # what every form holds
_OTHER_DIGIT = regex.compile(r"(?![0-9])\d")
_REACH = 80  # chars from a form's first word to its first digit: the longest intro, "ngày" and spaces
# Where a form can start: scanned for first, the forms are then tried only there.
_FIRST_WORD = word_scanner(set().union(*(f.first_words for f in (_ABSOLUTE, _PERIODIC, _QUARTER, _MONTH, _YEAR, _RELATIVE))))
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
    # Every form has a digit (or "quý") within a few words of its first word: elsewhere "trong", "sau" … are prose.
    starts = [(m.start(), m.group()) for m in word_matches(_FIRST_WORD, key, start, end) if _MAYBE.search(key, m.start(), min(end, m.start() + _REACH))]
    if not starts:
        return out

    def at(form: _Form) -> Iterator[regex.Match]:
        for pos, word in starts:
            if word in form.first_words and (m := form.pattern.match(key, pos, end)) and not _OTHER_DIGIT.search(m.group()):
                yield m  # digits 0-9 only: int() cannot read every digit \d matches

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
        when = _complete(int(m.group("d")), int(m.group("m")), y, anchor)
        if when:
            out.append(FoundDeadline(m.start(), m.end(), when.isoformat(), None))
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
