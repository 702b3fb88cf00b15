"""What a deadline counts from and how often it falls, read in its sentence: the event a duration counts from
(written after it, shared with the durations before it, or opening the sentence: ``Sau khi …,``), the document
itself (``kể từ ngày ký``), a yearly date (``Hàng năm, … trước ngày 31 tháng 3``), the next working day of a
condition, and a meeting's own time (``trước Hội nghị``).  Split from :mod:`.context`, which says which matches are
no deadline at all."""
from __future__ import annotations

from functools import cache

from ...lexicon.fold import retone
from .clauses import CONDITION_END, FULL_STOP, clause_start, near, sentence
from .forms import D, phrases
from .found import FoundDeadline
from ...lexicon.lazy import lazy_regex


_THIS = lazy_regex(r"\s+(?:" + phrases(D["document_types"]) + r")\s+này(?![\p{L}])")


@cache
def _doc_anchors() -> frozenset[str]:
    """The anchors that mean the document itself, without their "<type> này" (built on first use: it runs
    ``_THIS``, which import should not compile)."""
    return frozenset(_THIS.sub("", retone(a)) for a in D["document_anchors"])


_NOT_EVENT = lazy_regex(r"\s+(?:" + phrases(D["workday_not_event"]) + r")(?![\p{L}])")
_NEXT_DAY = lazy_regex(r"\s+(?:" + phrases(D["workday_next"]) + r")(?![\p{L}])")
_IF = lazy_regex(retone(r"(?<![\p{L}])nếu\s+"))
_ANCHOR_STOP = lazy_regex(r"\s+(?:" + phrases(D["anchor_stops"]) + r")(?![\p{L}])")
_BODY_STOP = lazy_regex(r"(?<!\s(?:" + phrases(D["anchor_body_after"]) + r"))\s+(?:" + phrases(D["anchor_body_stops"]) + r")(?![\p{L}])")
_YEARLY = lazy_regex(retone(r"(?<![\p{L}])(?:hằng|hàng)\s+năm(?![\p{L}])"))
_MEETING_TIME = (retone("thời gian"), retone("vào lúc"))
_FROM = lazy_regex(retone(r"(?<![\p{L}])(?:kể|tính)\s+từ\s+"))
_AFTER_OPENING = lazy_regex(retone(r"\s*[“\"]?\s*(?:\d{1,3}[.)]\s*)?sau\s+khi\s+(?P<what>[^,.;:\n]{3,160}),"))


def _cut(key: str, a: int, b: int) -> tuple[int, int] | None:
    """The event as written in ``key[a:b]``: cut before the words that start the rest of the sentence."""
    stop = _ANCHOR_STOP.search(key, a, b)
    if stop:
        b = stop.start()
    for m in _BODY_STOP.finditer(key, a, b):
        if len(key[a : m.start()].split()) >= 3:
            b = m.start()
            break
    b = a + len(key[a:b].rstrip(" ,.-–"))
    return (a, b) if b > a else None


# "quyết định thanh tra phải được công bố chậm nhất là 15 ngày kể từ ngày ký" (vbpl_075): the clause's subject is
# another document, acted on (passive): its signing, not this document's
_OTHER_DOC_SUBJECT = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["document_types"]) + r")(?!\s+này)(?:\s+\p{L}+){0,4}?\s+(?:phải\s+)?được(?![\p{L}])")


def _of_another(key: str, f: FoundDeadline, phrase: str) -> bool:
    """Whether a bare ``ngày ký``/``ngày ban hành`` (no ``… này``) is that of another document: the clause before the
    duration has a document type, not this one (``quyết định thanh tra``), as the subject of a passive verb."""
    if _THIS.search(" " + phrase):
        return False
    clause = clause_start(key, max(0, f.start - 160), f.start)
    return _OTHER_DOC_SUBJECT.search(key, clause, f.start) is not None


def _set_anchor(key: str, f: FoundDeadline, a: int, b: int, how: str) -> None:
    span = _cut(key, a, b)
    if span is None:
        return
    a, b = span
    phrase = " ".join(key[a:b].split())
    if how == retone("trước") and phrase.startswith("khi "):
        a = key.index("khi", a) + 3  # "trước khi Giấy phép hết hạn": the event is "Giấy phép hết hạn"
        while a < b and key[a].isspace():
            a += 1
        phrase = phrase[4:]
    if _THIS.sub("", phrase) in _doc_anchors() and not _of_another(key, f, phrase):
        f.anchor, f.anchor_span = "document", None
    else:
        f.anchor, f.anchor_span = None, (a, b)
    f.end = max(f.end, b)  # the text runs to the end of its own event


def _yearly(key: str, f: FoundDeadline, normative: bool = False) -> None:
    """A day and month with no year in a sentence that says ``Hàng năm``, or in a regulation (its rules hold every
    year: ``… phê duyệt … trước ngày 30 tháng 12``): every year on that day."""
    s, _ = sentence(key, f.start, ends=FULL_STOP)
    if normative or _YEARLY.search(key, s, f.start):
        f.kind, f.rule, f.date = "recurring", "yearly", None
        f.relative = f"R/P1Y/{f.month:02d}-{f.day:02d}"
        f.form = "recurring"


def _next_day(key: str, f: FoundDeadline) -> None:
    """``… nếu thời điểm nhận hồ sơ sau 15 giờ cùng ngày thì … trong ngày làm việc tiếp theo``: the next working day
    (``workday_next``) after the event of the condition that opens its clause; the text goes on over the words."""
    nxt = _NEXT_DAY.match(key, f.end)
    if nxt is None:
        return
    f.end = nxt.end()
    s, _ = sentence(key, f.start)
    ifs = list(_IF.finditer(key, s, f.start))
    then = CONDITION_END.search(key, ifs[-1].end(), f.start) if ifs else None
    if then is not None:
        a = ifs[-1].end()
        b = a + len(key[a : then.start()].rstrip(" ,"))
        f.anchor_span = (a, b) if b > a else None


def settle(key: str, lo: int, hi: int, found: list[FoundDeadline], normative: bool = False) -> list[FoundDeadline]:
    """Anchors, yearly dates and bare frequencies resolved in their sentences."""
    for f in found:
        if f.event is not None:
            (a, b), how = f.event
            end = f.end
            _set_anchor(key, f, a, b, how)
            if f.form == "workday" and f.anchor_span and (len(key[slice(*f.anchor_span)].split()) <= 3 or _NOT_EVENT.match(key, end, near(key, end))):
                f.anchor_span, f.end = None, end  # "ngay trong ngày làm việc;": no event written
                _next_day(key, f)
        elif f.form == "date" and f.day is not None:
            _yearly(key, f, normative)
    out = []
    for i, f in enumerate(found):
        if f.kind == "recurring" and f.day is None:
            begin, end = sentence(key, f.start, ends=FULL_STOP)
            later = [g for g in found[i + 1 :] if g.start < end]
            earlier = [g for g in found[:i] if g.start >= begin] if f.form != "frequency" else []
            if any(g.kind == "recurring" and g.rule == f.rule and g.day for g in later + earlier):
                continue  # "Hàng năm, quỹ … trước ngày 31 tháng 3": the date says it; so in "Chậm nhất ngày 20 của
                # tháng … đối với báo cáo định kỳ hằng tháng" ("định kỳ hằng tháng" names the report)
        if f.kind == "recurring" and f.day is None and f.month is not None:
            f.month = None
        out.append(f)
    _share_anchors(key, hi, out)
    return _meeting_times(out)


def _meeting_times(found: list[FoundDeadline]) -> list[FoundDeadline]:
    """``trước Hội nghị``: the date of the meeting's time the document states (``Thời gian: 08 giờ, ngày 09 tháng 10
    năm 2025``); dropped when it states none, or several."""
    if not any(f.form == "event" for f in found):
        return found
    times = {f.date for f in found if f.form == "date" and f.date and len(f.date) == 10 and f.intro.startswith(_MEETING_TIME)}
    out = []
    for f in found:
        if f.form == "event":
            if len(times) != 1:
                continue
            f.date, f.form = next(iter(times)), "date"
        out.append(f)
    return out


def _unanchored(f: FoundDeadline) -> bool:
    return f.form == "duration" and f.anchor is None and f.anchor_span is None


def _share_anchors(key: str, hi: int, found: list[FoundDeadline]) -> None:
    """A duration with no event of its own takes: the event of the next duration of the same form on its line
    (``không quá 15 ngày, … nhưng không quá 25 ngày, kể từ ngày …``), the event written later in its sentence
    (``không muộn hơn 08 giờ làm việc hoặc theo thời hạn … kể từ khi …``), or the one its sentence opens with
    (``Sau khi nhận được văn bản của Bộ Ngoại giao, các cơ quan gửi ý kiến trong thời hạn 10 ngày``)."""
    for i in range(len(found) - 1, -1, -1):
        f = found[i]
        if not _unanchored(f):
            continue
        s, e = sentence(key, f.start)
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt.form == "duration" and not _unanchored(nxt) and nxt.intro == f.intro and "\n" not in key[f.end : nxt.start]:
            detached = nxt.anchor_span is not None and "," in key[nxt.start : nxt.anchor_span[0]]
            if nxt.start < e or detached:
                f.anchor, f.anchor_span = nxt.anchor, nxt.anchor_span
                continue
        limit = min(e, nxt.start if nxt is not None else e, hi)
        m = _FROM.search(key, f.end, limit) if f.end < limit else None
        if m is not None:
            span = _cut(key, m.end(), min(e, m.end() + 160))
            if span:
                f.anchor_span = span
                continue
        opening = _AFTER_OPENING.match(key, s, f.start)
        if opening is not None:
            f.anchor_span = _cut(key, *opening.span("what"))
