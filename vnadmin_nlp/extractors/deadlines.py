"""Deadlines as written, and what they say (schema 1.2): ``kind`` and its value.

- ``date``: ``Thời hạn hoàn thành: 31/10/2022``, ``trước ngày 15/02/2017``, ``chậm nhất ngày 20 tháng 01 năm
  2025``, ``trước tháng 10/2025`` (``2025-10``).  A date printed without its year takes the document's year (the
  next one if that would fall before the document).
- ``duration``: ``trong 05 ngày làm việc kể từ ngày nhận được văn bản``: ISO 8601 (``P5D``), working days, and the
  ``anchor`` as written (``document`` for the document's own date or effect).  A duration never gets a date:
  counted from an event, no date follows from the text.
- ``recurring``: ``trước ngày 20 hằng tháng``, ``hằng năm, trước ngày 10``: ``rule`` and ``day``.
- ``period``: ``trong Quý IV/2022``, ``trong tháng 11/2025``, ``từ tháng 11/2025 đến tháng 4/2026``, ``trong năm
  2025``: ``start`` and ``end`` (``date`` is the last day, as in schema 1.1).

The vocabulary (anchors of the document itself, where an anchor ends, dates that are no deadline) and real
examples of every form are in ``data/deadlines.yaml``.
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
_D = load("deadlines")


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
_MONTH = _form(_BY + ["đến hết", "đến cuối"], r"\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d))(?![\d/])", group="by")
_MONTHS = _form(
    ["từ", "trong"],
    r"\s+tháng\s+(?P<m1>\d{1,2})\s*(?:/|năm)\s*(?P<y1>(?:19|20)\d\d)\s*(?:đến|-|–)\s*(?:hết\s+)?tháng\s+(?P<m2>\d{1,2})\s*(?:/|năm)\s*(?P<y2>(?:19|20)\d\d)(?![\d/])",
)
_EVERY = _form(
    ["định kỳ hằng", "định kỳ hàng", "hằng", "hàng"],
    r"\s+(?P<unit>tuần|tháng|quý|năm)\s*[,(]?\s*(?:trước|chậm\s+nhất(?:\s+(?:là|đến|vào))?|vào|trong)\s+(?:ngày\s+)?(?P<d>\d{1,2})(?:\s*[/.]\s*(?P<mon>\d{1,2})|\s+tháng\s+(?P<mon2>\d{1,2}))?(?![\d/.]\d)",
)
_YEAR = _form(["trong", "hết", "cuối", "đến hết", "đến cuối"], r"\s+năm\s+(?P<y>(?:19|20)\d\d)(?!\d)", group="by")
_END_OF = {retone(w) for w in ("hết", "cuối", "đến hết", "đến cuối")}  # "đến cuối năm 2022": its last day
_RELATIVE = _form(
    ["trong", "trong thời hạn", "trong vòng", "chậm nhất", "sau"],
    r"\s+(?P<n>\d{1,3})\s+(?P<unit>ngày|tháng|tuần|giờ)(?P<work>\s+làm\s+việc)?(?:\s*,?\s*kể\s+từ\s+(?P<from>[^,.;:()\n]{1,120}))?",
)
_MAYBE = re.compile(r"\d|quý")  # what every form holds
_REACH = 80  # chars from a form's first word to its first digit: the longest intro, "ngày" and spaces
_FORMS = (_ABSOLUTE, _PERIODIC, _EVERY, _QUARTER, _MONTH, _MONTHS, _YEAR, _RELATIVE)
# Where a form can start: scanned for first, the forms are then tried only there.
_FIRST_WORD = word_scanner(set().union(*(f.first_words for f in _FORMS)))
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Units as they stand in the folding key ("ngày" is keyed "ngaỳ"): to ISO 8601 designators.
_UNITS = {retone(k): v for k, v in {"ngày": "D", "tuần": "W", "tháng": "M", "quý": "Q", "năm": "Y", "giờ": "H"}.items()}
_RULES = {retone(k): v for k, v in _D["recurring_units"].items()}
_RULE_PERIOD = {"weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "half-yearly": "P6M", "yearly": "P1Y"}
_DOC_ANCHORS = {retone(a) for a in _D["document_anchors"]}
_ANCHOR_STOP = regex.compile(r"\s+(?:" + "|".join(r"\s+".join(regex.escape(retone(w)) for w in p.split()) for p in _D["anchor_stops"]) + r")(?![\p{L}])")
_WORD_AT = regex.compile(r"\S+")
_NOT_IN_CLAUSE = regex.compile(r"(?<![\p{L}])(?:" + "|".join(r"\s+".join(regex.escape(retone(w)) for w in p.split()) for p in _D["not_in_clause"]) + r")(?![\p{L}])")
_CLAUSE_END = regex.compile(r"[.;:\n]")


def _clause_start(key: str, lo: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last . ; : or line break), not before ``lo``."""
    last = lo
    for m in _CLAUSE_END.finditer(key, lo, pos):
        last = m.end()
    return last

_NOT_AFTER = regex.compile(r"(?<![\p{L}])(?:" + "|".join(r"\s+".join(regex.escape(retone(w)) for w in p.split()) for p in _D["not_after"]) + r")(?:\s+(?:đến|từ|trong|hết|đến\s+hết))?\s*$")


@dataclass
class FoundDeadline:
    start: int
    end: int
    date: str | None
    relative: str | None
    strong: bool = True  # stated as a deadline ("Thời hạn: …", "trước ngày …"), not only a period ("cuối năm …")
    kind: str = "date"
    duration: str | None = None
    working_days: bool = False
    anchor: str | None = None  # "document", or None: the event is anchor_span of the text
    anchor_span: tuple[int, int] | None = None
    rule: str | None = None
    day: int | None = None
    start_date: str | None = None
    end_date: str | None = None


def _last_day(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)) if 1 <= m <= 12 else dt.date(y, 12, 31)


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


def _period(m: regex.Match, first: dt.date, last: dt.date) -> FoundDeadline:
    return FoundDeadline(m.start(), m.end(), last.isoformat(), None, strong=False, kind="period",
                         start_date=first.isoformat(), end_date=last.isoformat())


def _anchor(key: str, m: regex.Match) -> tuple[str | None, tuple[int, int] | None]:
    """What a duration counts from: ``document``, or the span of the event as written (cut before the words that
    start the rest of the sentence)."""
    if not m.group("from"):
        return None, None
    a, b = m.span("from")
    stop = _ANCHOR_STOP.search(key, a, b)
    if stop:
        b = stop.start()
    b = a + len(key[a:b].rstrip(" ,-–"))
    if b <= a:
        return None, None
    phrase = " ".join(key[a:b].split())
    if phrase in _DOC_ANCHORS or any(phrase.startswith(d + " ") and len(phrase) - len(d) < 25 for d in _DOC_ANCHORS if d.endswith("này")):
        return "document", None
    return None, (a, b)


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
            if word in form.first_words and (m := form.pattern.match(key, pos, end)):
                yield m

    for form in (_PERIODIC, _EVERY):
        for m in at(form):
            rule = _RULES[m.group("unit")]
            d = int(m.group("d"))
            gd = m.groupdict()
            mon = next((int(gd[g]) for g in ("m", "mon", "mon2") if gd.get(g)), None)
            rel = f"R/P1Y/{mon:02d}-{d:02d}" if rule == "yearly" and mon else f"R/{_RULE_PERIOD[rule]}/day={d}"
            out.append(FoundDeadline(m.start(), m.end(), None, rel, kind="recurring", rule=rule, day=d))
    for m in at(_ABSOLUTE):
        y = int(m.group("y")) if m.group("y") else None
        when = _complete(int(m.group("d")), int(m.group("m")), y, anchor)
        if when:
            out.append(FoundDeadline(m.start(), m.end(), when.isoformat(), None))
    for m in at(_QUARTER):
        q = _ROMAN.get(m.group("q")) or int(m.group("q"))
        y = int(m.group("y")) if m.group("y") else (anchor.year if anchor else None)
        if y:
            out.append(_period(m, dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q)))
    for m in at(_MONTH):
        y, mon = int(m.group("y")), int(m.group("m"))
        if not 1 <= mon <= 12:
            continue
        by = " ".join(m.group("by").split())
        if by in (retone("trước"), retone("đến")):  # "trước tháng 10/2025": a date without its day
            out.append(FoundDeadline(m.start(), m.end(), f"{y:04d}-{mon:02d}", None))
        elif by in _END_OF:
            out.append(FoundDeadline(m.start(), m.end(), _last_day(y, mon).isoformat(), None, strong=False))
        else:
            out.append(_period(m, dt.date(y, mon, 1), _last_day(y, mon)))
    for m in at(_MONTHS):
        m1, m2 = int(m.group("m1")), int(m.group("m2"))
        if 1 <= m1 <= 12 and 1 <= m2 <= 12:
            out.append(_period(m, dt.date(int(m.group("y1")), m1, 1), _last_day(int(m.group("y2")), m2)))
    for m in at(_YEAR):
        y = int(m.group("y"))
        if " ".join(m.group("by").split()) in _END_OF:
            out.append(FoundDeadline(m.start(), m.end(), f"{y}-12-31", None, strong=False))
        else:
            out.append(_period(m, dt.date(y, 1, 1), dt.date(y, 12, 31)))
    for m in at(_RELATIVE):
        n, unit, work = int(m.group("n")), _UNITS[m.group("unit")], bool(m.group("work"))
        duration = f"PT{n}H" if unit == "H" else f"P{n}{unit}" if unit != "Q" else f"P{3 * n}M"
        where, span = _anchor(key, m)
        end_at = span[1] if span else m.end("work") if m.group("work") else m.end("unit")
        if where == "document":
            end_at = m.end()
        out.append(FoundDeadline(m.start(), end_at, None, duration + ("/working-days" if work else ""),
                                 kind="duration", duration=duration, working_days=work, anchor=where, anchor_span=span))
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[FoundDeadline] = []
    for f in out:
        if kept and f.start < kept[-1].end:
            continue
        first = _WORD_AT.match(key, f.start)
        if _NOT_AFTER.search(key, max(start, f.start - 20), first.end() if first else f.start):
            continue  # "tính đến ngày 30/6/2024", "Tính trong 10 tháng đầu năm": a report's figures, no deadline
        if _NOT_IN_CLAUSE.search(key, _clause_start(key, max(start, f.start - 160), f.start), f.start):
            continue  # "có hiệu lực thi hành từ ngày … đến hết ngày …": when a text is in force, not a deadline
        kept.append(f)
    return kept
