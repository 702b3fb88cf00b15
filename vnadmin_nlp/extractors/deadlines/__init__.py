"""Deadlines as written, and what they say (schema 1.2): ``kind`` and its value.

- ``date``: ``Thời hạn hoàn thành: 31/10/2022``, ``trước ngày 15/02/2017``, ``chậm nhất ngày 20 tháng 01 năm
  2025``, ``trước 14 giờ ngày 08 tháng 10 năm 2025``, ``trước tháng 10/2025`` (``2025-10``).  A date printed
  without its year takes the document's year (the next one if that would fall before the document).  A date or a
  period over before the document's own date is an event that has happened, no deadline.
- ``duration``: ``trong 05 ngày làm việc kể từ ngày nhận được văn bản``: ISO 8601 (``P5D``), working days, and the
  ``anchor`` as written (``document`` for the document's own date or effect); counted back from an event too
  (``Chậm nhất 45 ngày làm việc trước ngày hết nhiệm kỳ``); ``ngay trong ngày làm việc`` is ``P1D`` in working
  days.  A duration never gets a date: counted from an event, no date follows from the text.
- ``recurring``: ``trước ngày 20 hằng tháng``, ``hằng năm, trước ngày 10``, ``Định kỳ hằng năm``, ``một quý một
  lần``: ``rule`` and ``day``; a day and month with no year in a sentence that opens ``Hàng năm`` is yearly.
- ``period``: ``trong Quý IV/2022``, ``trong tháng 11/2025``, ``từ tháng 11/2025 đến tháng 4/2026``, ``trong năm
  2025``, ``trong khoảng thời gian từ ngày … đến ngày …``: ``start`` and ``end`` (``date`` is the last day).

The forms are in :mod:`.forms`, what a match means in context (its anchor, the clause around it) in
:mod:`.context`; the vocabulary and real examples of every form are in ``data/deadlines.yaml``.  The text is
scanned once for the forms' first words where one of their opening phrases stands; each form is tried only there.
"""
from __future__ import annotations

import datetime as dt
import re

from ...lexicon.fold import fold, retone
from ...lexicon.spaces import squash
from ...model import Deadline
from ...patterns import NOT_LETTER_AFTER, WHITE_SPACE, word_matches
from . import forms as F
from .anchors import settle
from .context import excluded
from .found import FoundDeadline
from .cycles import by_cycle
from .holds import held
from .dates import last_day, complete
from .read import half, num, period, quarter, read, short_year, this_year
from ...lexicon.lazy import escape, lazy, lazy_re, lazy_regex

__all__ = ["FoundDeadline", "find", "month_end", "read_deadline", "to_model"]

# What every form holds.  A count word must start a word: its look-behind stands after its first word, so that the
# pattern opens with its characters and is tried only where one of them stands (opening with a look-behind, it was
# tried at every character of the window).  Only the first word of each count (a necessary condition: "mười" for
# "mười lăm", "hai" for "hai mươi mốt"), so that the hundred counts spelled in words cost ten branches.
_COUNT_STARTS = "|".join(f"{w}(?<![^\\W\\d_]{w})" for w in sorted({k.split()[0] for k in {*F.COUNT_WORDS, *F.SPELLED}}, key=len, reverse=True))
_MAYBE = lazy_re(retone(r"\d|quý|quí|hằng|hàng|mỗi\s+tuần|làm việc|lần|cuối|" + F.phrases(F.D["meeting_events"]) + r"|(?:" + _COUNT_STARTS + r")(?![^\W\d_])"))
_OTHER_DIGIT = lazy_regex(r"(?![0-9])\d")
_LONGEST = 500  # chars a form can span: its opening, the longest event (160) and the rest
_REACH = 80  # chars from a form's first word to its first digit: the longest intro, "ngày" and spaces
# Where a form can start: scanned for first, the forms are then tried only there.
_FORMS_OF: dict[str, list[int]] = {}  # a first word -> the forms (by index in F.FORMS) that can start with it
for _i, _form in enumerate(F.FORMS):
    for _w in _form.first_words:
        _FORMS_OF.setdefault(_w, []).append(_i)
# A form starts only where one of its opening phrases stands ("định" opens "định kỳ …" only, most "định" are of
# "quy định", "quyết định"): where none of the phrases of a first word's forms stands, none of them is tried.
_OPENING = {
    w: {p for i in forms for p in F.FORMS[i].openings} for w, forms in _FORMS_OF.items() if all(F.FORMS[i].openings for i in forms)
}
_LETTER = lazy_re(r"[^\W\d_]")


def _after(word: str, phrases: set[str]) -> list[str] | None:
    """What must follow ``word`` (a whole word: no letter after it) for one of ``phrases`` to open there, as ``re``
    sources (``""``: nothing more), or None when nothing need follow (the word has no opening phrases).  A phrase
    matches at the word where its first word is the word itself, or, alone, a beginning of it ("là" in "làm" would:
    the phrases are matched as prefixes, with no word end after them)."""
    if not phrases:
        return None
    out = []
    for p in phrases:
        first, *rest = (retone(x) for x in p.split())
        tail = "".join(WHITE_SPACE + "+" + escape(x) for x in rest)
        if first == word or (first.startswith(word) and not _LETTER.match(first[len(word)])):
            out.append(escape(first[len(word):]) + tail)
        elif not rest and word.startswith(first):
            out.append("")
    return out


def _first_word_scanner() -> re.Pattern:
    """One ``re`` scan for the forms' first words that stand where one of their forms' opening phrases does: the
    word, then a look-ahead for the rest of its phrases, so that a match still spans the word alone and every word
    of a phrase ("trong thời hạn") is a start of its own.  The same starts as the word scan followed by a match of
    the word's opening phrases, which ran in Python (and in ``regex``) at each of the some hundred common words of a
    document ("trong", "từ", "đến") where a handful open a form."""
    by_first: dict[str, list[str]] = {}  # grouped by first character: one branch tried per character, not each word
    for w in sorted(_FORMS_OF):
        after = _after(w, _OPENING.get(w, set()))
        if after is not None and not after:
            continue  # no phrase of its forms can open at it
        ahead = "" if after is None or "" in after else "(?=(?:" + "|".join(sorted(after)) + "))"
        by_first.setdefault(w[0], []).append(escape(w[1:]) + NOT_LETTER_AFTER + ahead)
    return re.compile("(?:" + "|".join(escape(c) + "(?:" + "|".join(b) + ")" for c, b in by_first.items()) + ")")


_FIRST_WORD = lazy(_first_word_scanner)


def month_end(date: str) -> dt.date:
    """The last day of a ``YYYY-MM`` month: the document's date when only its month can be read (an unread day):
    a ``vào ngày …`` after it is still to come, a date or period over before its month has happened."""
    y, m = int(date[:4]), int(date[5:7])
    return last_day(y, m)


def _past(f: FoundDeadline, anchor: dt.date | None) -> bool:
    """A date or period over before the document's own date: an event that has happened (``Trong tháng 01 năm 2025,
    tỉnh … thực hiện …`` in a report of February), not a time limit."""
    if anchor is None or f.kind not in ("date", "period") or not f.date:
        return False
    return f.date < anchor.isoformat()[: len(f.date)]


_SENTENCE_OPENING = lazy_regex(r"(?:^|[.;:!?]\s+|\n)\s*(?:[-–+•]\s*|\d{1,3}(?:\.\d{1,3})*[.)]\s*|[a-zđ]\)\s*)?\Z")


def _opens_sentence(key: str, lo: int, pos: int) -> bool:
    return _SENTENCE_OPENING.search(key, max(lo, pos - 12), pos) is not None or pos == lo


def find(key: str, start: int, end: int, anchor: dt.date | None, normative: bool = False,
         unclear: list[tuple[int, int, str]] | None = None) -> list[FoundDeadline]:
    """Deadlines in ``key[start:end]`` (the folded text), earliest first, overlapping readings dropped.
    ``normative``: the text is a regulation's (a day and month without a year is yearly there).  The spans of the
    days and months printed without a year whose year cannot be told, and of dates that do not exist (form
    ``invalid``), are added to ``unclear`` with their form."""
    if not _MAYBE.search(key, start, end):
        return []  # every form needs a digit, a quarter, a frequency word or working days
    # Every form has one of those within a few words of its first word: elsewhere "trong", "sau" … are prose.
    # (_FIRST_WORD keeps only the first words where an opening phrase of their forms stands: a look-ahead in its scan)
    starts = []
    for m in word_matches(_FIRST_WORD, key, start, end):
        pos = m.start()
        if _MAYBE.search(key, pos, min(end, pos + _REACH)):
            starts.append((pos, m.group()))
    if not starts:
        return []

    tried: list[list[int]] = [[] for _ in F.FORMS]  # per form, the starts whose word it can begin with
    for pos, word in starts:
        for i in _FORMS_OF.get(word, ()):
            tried[i].append(pos)
    out = []
    for form, positions in zip(F.FORMS, tried):  # form by form, each start in order, as before
        match = form.pattern.match
        for pos in positions:
            # bounded: a pattern with a required word ("năm") would otherwise look for it to the end of the text
            m = match(key, pos, min(end, pos + _LONGEST))
            if m and not _OTHER_DIGIT.search(m.group()):  # digits 0-9 only: int() cannot read every digit \d matches
                if (f := read(form, m, anchor, normative)) is not None and not _past(f, anchor):
                    if form.name == "half" and anchor is None and _opens_sentence(key, start, m.start()):
                        continue  # "Trong 06 tháng đầu năm 2025, lực lượng … bắt giữ 461 vụ": with the document's
                        # date unread, a report's half-year cannot be told from a time limit (ld_070)
                    out.append(f)
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[FoundDeadline] = []
    covered = start  # the end of the readings so far, kept or not: a reading inside an excluded one is part of it
    for f in out:  # ("… được ban hành từ ngày 01/01 đến hết ngày 31/12": the range a report covers, not "đến hết ngày
        if f.start < covered:  # 31/12" as a limit, vbpl_023)
            continue
        covered = f.end
        if not excluded(key, start, f) and not held(key, start, f):
            kept.append(f)
    if unclear is not None:
        unclear.extend((f.start, f.end, f.form) for f in kept if f.kind == "unclear")
    return by_cycle(key, settle(key, start, end, [f for f in kept if f.kind != "unclear"], normative))


def to_model(text: str, f: FoundDeadline) -> Deadline:
    """The Deadline of the output for a found one (``text`` is the document's text, of which ``key`` is the fold)."""
    anchor = f.anchor
    if f.anchor_span is not None:
        anchor = squash(text[f.anchor_span[0] : f.anchor_span[1]])
    return Deadline(
        date=f.date, text=squash(text[f.start : f.end]), relative=f.relative, kind=f.kind,  # type: ignore[arg-type]
        duration=f.duration, working_days=f.working_days, anchor=anchor, rule=f.rule, day=f.day, weekday=f.weekday,  # type: ignore[arg-type]
        start=f.start_date, end=f.end_date, span=(f.start, f.end),
    )


def _cell(key: str, anchor: dt.date | None) -> FoundDeadline | None:
    """A time column's cell with no opening word: "Tháng 11/2025", "Tháng 11-12/2025", "Tháng 9/2026 - Tháng 12/2026", "Quý IV/2025",
    "30/9/2025", "Năm 2025", "Năm 2025 - 2026"."""
    if m := F.CELL_MONTH_RANGE.search(key):
        m1, m2, y1, y2 = int(m.group("m1")), int(m.group("m2")), int(m.group("y1")), int(m.group("y2"))
        return period(m, dt.date(y1, m1, 1), last_day(y2, m2)) if 1 <= m1 <= 12 and 1 <= m2 <= 12 and (y1, m1) < (y2, m2) else None
    if m := F.CELL_MONTHS.search(key):
        m1, m2, y = int(m.group("m1")), int(m.group("m2")), int(m.group("y"))
        return period(m, dt.date(y, m1, 1), last_day(y, m2)) if 1 <= m1 <= m2 <= 12 else None
    if m := F.CELL_MONTH.search(key):
        mon, y = int(m.group("m")), int(m.group("y"))
        return period(m, dt.date(y, mon, 1), last_day(y, mon)) if 1 <= mon <= 12 else None
    if m := F.CELL_QUARTER.search(key):
        q, y = quarter(m.group("q")), int(m.group("y"))
        return period(m, dt.date(y, 3 * q - 2, 1), last_day(y, 3 * q)) if q else None
    if m := F.CELL_DATE.search(key):
        year = int(m.group("y")) if m.group("y") else short_year(m.group("yy"), anchor) if m.group("yy") else None
        if year is None and m.group("yy"):
            return None
        when = complete(num(m.group("d")), num(m.group("m")), year, anchor)
        return FoundDeadline(m.start(), m.end(), when.isoformat(), None, form="date") if when else None
    if m := F.CELL_HALF.search(key):
        return half(m, anchor)
    if (m := F.CELL_MONTH_ALONE.fullmatch(key)) and (year_of := this_year(int(m.group("m")), anchor)) is not None:
        mon = int(m.group("m"))
        return period(m, dt.date(year_of, mon, 1), last_day(year_of, mon))
    if m := F.CELL_YEARS.search(key):  # "Năm 2025 - 2026": both years, not the first alone
        since, until = int(m.group("y1")), int(m.group("y2"))
        return period(m, dt.date(since, 1, 1), dt.date(until, 12, 31)) if since < until else None
    if m := F.CELL_YEAR.search(key):
        y = int(m.group("y"))
        return period(m, dt.date(y, 1, 1), dt.date(y, 12, 31))
    return None


def read_deadline(text: str, doc_date: dt.date | None) -> Deadline | None:
    """The deadline a table cell of a time column says (``Thời gian hoàn thành``: "Tháng 11/2025", "Quý IV/2025",
    "Trước ngày 30/9/2025", "Hằng tháng"), or None.  Its span is inside ``text``: shift it by the cell's offset."""
    key = fold(text)
    found = find(key, 0, len(key), doc_date)
    f = found[0] if found else _cell(key, doc_date)
    return to_model(text, f) if f is not None else None
