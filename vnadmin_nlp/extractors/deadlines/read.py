"""What one match of a deadline form says: its kind and value (a date, a period's start and end, a recurring rule
and day, a duration and its event), read from the match's groups with the document's own date for a year that is
not printed.  Split from the package's ``__init__`` (the scan and the cells of a time column stay there)."""
from __future__ import annotations

import datetime as dt

import regex

from ...lexicon.fold import retone
from . import forms as F
from .found import FoundDeadline
from .dates import complete, last_day

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def quarter(q: str) -> int | None:
    """A quarter's number from its (folded) numeral: a digit, a roman numeral, or one as OCR prints it with ``h`` for
    the two strokes of ``ii`` (``ih``, ``hi``: 3; ``h``: 2); none when the strokes make no quarter (``hh``)."""
    return int(q) if q.isdigit() else ROMAN.get(q.replace("h", "ii"))
_WEEKDAYS = {" ".join(retone(k).split()): int(v) for k, v in F.D["weekdays"].items()}  # data: deadlines.yaml
# Units as they stand in the folding key ("ngày" is keyed "ngaỳ"): to ISO 8601 designators.
_UNITS = {retone(k): v for k, v in {"ngày": "D", "tuần": "W", "tháng": "M", "quý": "Q", "năm": "Y", "giờ": "H"}.items()}
_RULES = {retone(k): v for k, v in F.D["recurring_units"].items()}
_EVERY_N = {retone(k): v for k, v in F.D["recurring_every"].items()}
_CYCLES = {" ".join(retone(k).split()): v for k, v in F.D["reporting_cycles"].items()}
_RULE_PERIOD = {"weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "half-yearly": "P6M", "yearly": "P1Y"}
_END_OF = {retone(w) for w in ("hết", "cuối", "đến hết", "đến cuối")}  # "đến cuối năm 2022": its last day
_FUTURE_ONLY = {" ".join(retone(w).split()) for w in F.D["future_only_intros"]}
# "trước tháng 10/2025", "chậm nhất là tháng 12/2025": a date without its day
_NO_DAY = {" ".join(retone(w).split()) for w in ("trước", "đến", "chậm nhất", "chậm nhất là", "chậm nhất vào")}


def _words(m: regex.Match, group: str = "intro") -> str:
    return " ".join(m.group(group).split())


def period(m: regex.Match, first: dt.date, last: dt.date) -> FoundDeadline:
    return FoundDeadline(m.start(), m.end(), last.isoformat(), None, strong=False, kind="period",
                         start_date=first.isoformat(), end_date=last.isoformat(), form="period")


def _recurring(m: regex.Match, rule: str, day: int | None = None, month: int | None = None, form: str = "recurring") -> FoundDeadline:
    if day is None:
        rel = f"R/{_RULE_PERIOD[rule]}"
    else:
        rel = f"R/P1Y/{month:02d}-{day:02d}" if rule == "yearly" and month else f"R/{_RULE_PERIOD[rule]}/day={day}"
    return FoundDeadline(m.start(), m.end(), None, rel, kind="recurring", rule=rule, day=day, month=month, form=form)


def _unclear(m: regex.Match, form: str) -> FoundDeadline:
    """A day or month printed without its year whose year cannot be told (``form`` "invalid": a date that does not
    exist): no deadline; ``find`` lists its span so that the caller warns (``deadline_year_unclear`` /
    ``deadline_date_invalid``)."""
    return FoundDeadline(m.start(), m.end(), None, None, kind="unclear", form=form, intro=_words(m))


def read(form: F.Form, m: regex.Match, anchor: dt.date | None, normative: bool = False) -> FoundDeadline | None:
    """What one match of a form says (None: not a deadline after all).  In a regulation (``normative``) a day and
    month printed without a year is a yearly rule (``trước ngày 30 tháng 12``), read in context.settle; a month
    without a year is unclear there (every year, or the document's?)."""
    name, g = form.name, m.groupdict()
    if name in ("periodic", "every"):
        mon = next((int(g[k]) for k in ("m", "mon", "mon2") if g.get(k)), None)
        return _recurring(m, _RULES[m.group("unit")], int(m.group("d")), mon)
    if name == "report_day":
        rule = _CYCLES.get(" ".join(m.group("cycle").split()))
        return _recurring(m, rule, int(m.group("d"))) if rule else None
    if name == "report_year":
        day, mon = int(m.group("d")), int(m.group("m"))
        return _recurring(m, "yearly", day, mon) if 1 <= mon <= 12 and 1 <= day <= 31 else None
    if name == "next_month":
        return _recurring(m, "monthly", int(m.group("d")))
    if name == "frequency":
        return _recurring(m, _RULES[m.group("unit")], form="frequency" if _words(m).split()[0] != retone("định") else "recurring")
    if name == "every_n":
        n = m.group("n")
        count = int(n) if n.isdigit() else F.COUNT_WORDS.get(" ".join(n.split()))
        rule = _EVERY_N.get(f"{count} {m.group('unit')}")
        return _recurring(m, rule) if rule else None
    if name == "once_per" and _words(m) in F.COUNT_WORDS:  # "sáu tháng một lần"
        rule = _EVERY_N.get(f"{F.COUNT_WORDS[_words(m)]} {m.group('unit')}")
        return _recurring(m, rule) if rule else None
    if name in ("once_per", "last_day_of"):
        return _recurring(m, _RULES[m.group("unit")])
    if name == "absolute":
        day, mon = num(g["d"]), num(g["m"])
        y: int | None = int(g["y"]) if g["y"] else short_year(g["yy"], anchor) if g.get("yy") else None
        if y is None and g.get("yy"):
            return None  # "15/12/25" far from the document's year, or with no document date: which century?
        if y is None and normative:  # the same day every year: context.settle makes it a yearly rule
            valid = complete(day, mon, 2000, None) is not None  # (2000: a leap year, 29/2 is a day)
            return FoundDeadline(m.start(), m.end(), None, None, form="date", intro=_words(m), day=day,
                                 month=mon) if valid else None
        when = complete(day, mon, y, anchor)
        if y is not None and when is None:  # "trước ngày 30/2/2025" (an OCR'd 9 read 2): no such day, so no reading,
            return _unclear(m, "invalid")  # and the caller warns (deadline_date_invalid) rather than drop it unsaid
        if y is None and when is None and 1 <= mon <= 12:
            return _unclear(m, "date")  # the document's date unread: its year cannot be told
        if not when or (_words(m) in _FUTURE_ONLY and (anchor is None or when <= anchor)):
            return None  # "vào ngày …" on or before the document's date: an event, not a deadline
        return FoundDeadline(m.start(), m.end(), when.isoformat(), None, form="date", intro=_words(m),
                             day=None if y else day, month=None if y else mon)
    if name == "quarter":
        q = quarter(g["q"])
        if q is None:  # "quý HH/2025": OCR's strokes that make no quarter: no reading, and the caller warns
            return _unclear(m, "invalid")
        y = int(g["y"]) if g["y"] else (anchor.year if anchor else None)
        return period(m, dt.date(y, 3 * q - 2, 1), last_day(y, 3 * q)) if y else None
    if name == "month":
        mon, by = int(g["m"]), _words(m)
        y = int(g["y"]) if g["y"] else None if normative else this_year(mon, anchor)
        if g.get("now"):  # "trong tháng 12 năm nay": the document's year (one over before it is dropped as past)
            y = anchor.year if anchor else None
        if not 1 <= mon <= 12:
            return None
        if y is None:  # "hoàn thành trong tháng 3" in a letter of October, or in a regulation: which year?
            return _unclear(m, "date" if by in _NO_DAY or by in _END_OF else "period")
        if by in _NO_DAY:
            return FoundDeadline(m.start(), m.end(), f"{y:04d}-{mon:02d}", None, form="date", intro=by)
        if by in _END_OF:
            return FoundDeadline(m.start(), m.end(), last_day(y, mon).isoformat(), None, strong=False, form="date", intro=by)
        return period(m, dt.date(y, mon, 1), last_day(y, mon))
    if name == "half":
        return half(m, anchor, _words(m) in _END_OF)
    if name == "years":
        since, until = int(g["y1"]), int(g["y2"])
        return period(m, dt.date(since, 1, 1), dt.date(until, 12, 31)) if since < until else None
    if name == "months":
        m1, m2 = int(g["m1"]), int(g["m2"])
        first, last = int(g.get("y1") or g["y2"]), int(g["y2"])  # "trong tháng 11-12/2025": the year printed once
        if 1 <= m1 <= 12 and 1 <= m2 <= 12 and (first, m1) < (last, m2):
            return period(m, dt.date(first, m1, 1), last_day(last, m2))
        return None
    if name == "days":
        y2 = int(g["y2"]) if g["y2"] else (anchor.year if anchor else None)
        y1 = int(g["y1"]) if g["y1"] else y2
        if y1 is None or y2 is None:
            return None
        m1 = int(g["m1"]) if g["m1"] else int(g["m2"])  # "từ ngày 05 đến ngày 12 tháng 3 năm 2026"
        a, b = complete(int(g["d1"]), m1, y1, None), complete(int(g["d2"]), int(g["m2"]), y2, None)
        return period(m, a, b) if a and b and a <= b else None
    if name == "event":  # its date is the meeting's time, read in context.settle
        return FoundDeadline(m.start(), m.end(), None, None, form="event", intro=_words(m))
    if name == "weekday":
        wd = _WEEKDAYS.get(" ".join(m.group("wd").split()))
        return FoundDeadline(m.start(), m.end(), None, f"R/P1W/weekday={wd}", kind="recurring", rule="weekly",
                             weekday=wd, form="recurring") if wd else None
    if name == "year":
        y = int(g["y"])
        if g["on"]:  # "từ năm 2026 và các năm tiếp theo": from that year on, no end
            return FoundDeadline(m.start(), m.end(), None, None, strong=False, kind="period",
                                 start_date=f"{y}-01-01", form="period")
        if _words(m) == retone("từ"):
            return None  # "từ năm 2026" alone: a start, no time limit
        if _words(m) in _END_OF:
            return FoundDeadline(m.start(), m.end(), f"{y}-12-31", None, strong=False, form="date", intro=_words(m))
        if _words(m) == retone("đến"):  # "Đến năm 2030, các cơ sở … hoàn thành …": by that year (the year alone)
            return FoundDeadline(m.start(), m.end(), f"{y}", None, strong=False, form="date", intro=_words(m))
        return period(m, dt.date(y, 1, 1), dt.date(y, 12, 31))
    if name == "relative":  # a count in digits, or spelled ("trong vòng mười lăm ngày")
        n = int(g["n"]) if g["n"] else F.SPELLED[" ".join(g["w"].split())]
        unit, work = _UNITS[g["unit"]], bool(g["work"])
        duration = f"PT{n}H" if unit == "H" else f"P{n}{unit}" if unit != "Q" else f"P{3 * n}M"
        end_at = m.end("work") if g["work"] else m.end("unit")
        return FoundDeadline(m.start(), end_at, None, duration + ("/working-days" if work else ""), kind="duration",
                             duration=duration, working_days=work, form="duration", intro=_words(m),
                             event=(m.span("from"), _words(m, "how")) if g["from"] else None)
    if name == "before_event":  # the event as written before the count: its words, no cut at "phải" (its own)
        n, unit, work = int(g["n"]), _UNITS[g["unit"]], bool(g["work"])
        duration = f"PT{n}H" if unit == "H" else f"P{n}{unit}"
        event_end = m.start("from") + len(m.group("from").rstrip())
        return FoundDeadline(m.start(), m.end(), None, duration + ("/working-days" if work else ""), kind="duration",
                             duration=duration, working_days=work, form="duration", intro=_words(m),
                             anchor_span=(m.start("from"), event_end))
    if name == "workday":
        return FoundDeadline(m.start(), m.start("tail") if g["tail"] else m.end("from"), None, "P1D/working-days",
                             kind="duration", duration="P1D", working_days=True, form="workday", intro=_words(m),
                             event=(m.span("from"), "") if g["tail"] else None)
    return None


# Letters OCR reads for a digit beside one in a date (forms._DD): O for 0, l and I for 1 (on the folded key).
_OCR_DIGITS = str.maketrans("oli", "011")


def num(s: str) -> int:
    """A day or month as printed, OCR's letters for digits read as the digits ("3o" -> 30, "l2" -> 12)."""
    return int(s.translate(_OCR_DIGITS))


def short_year(yy: str, anchor: dt.date | None) -> int | None:
    """A two-digit year ("15/12/25"): 20yy when that is within a year of the document's own year; else None (a
    wrong year is worse than none)."""
    if anchor is None:
        return None
    y = 2000 + int(yy)
    return y if abs(y - anchor.year) <= 1 else None


def this_year(month: int, anchor: dt.date | None) -> int | None:
    """The year of a month printed without one (``hoàn thành trong tháng 12``): the document's, when that month is
    not over before the document's own month (it still lies ahead that year); else None: the year is unclear
    (the next one is likely, but a wrong year is worse than none)."""
    if anchor is None or not 1 <= month <= 12 or month < anchor.month:
        return None
    return anchor.year


def half(m: regex.Match, anchor: dt.date | None, end_of: bool = False) -> FoundDeadline | None:
    """``6 tháng đầu năm 2026`` (January to June), ``3 tháng cuối năm 2025`` (October to December)."""
    n, y = int(m.group("n")), int(m.group("y"))
    if not 1 <= n <= 11:
        return None
    first, last = (1, n) if m.group("part") == retone("đầu") else (13 - n, 12)
    if end_of:
        end = last_day(y, last).isoformat()
        return FoundDeadline(m.start(), m.end(), end, None, strong=False, form="date", intro=_words(m))
    return period(m, dt.date(y, first, 1), last_day(y, last))
