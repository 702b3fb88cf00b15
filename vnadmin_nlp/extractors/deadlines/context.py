"""What a deadline's match means in its sentence: the event a duration counts from (written after it, shared
with the durations before it, or opening the sentence: ``Sau khi …,``), a yearly date (``Hàng năm, … trước ngày
31 tháng 3``), and the matches that are no deadline (a report's cut-off date, a text's entry into force, a past
event, a condition, a stretch of time, a term of office, another document's words quoted in running text)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ...lexicon.fold import retone
from ...zoning.quotes import in_new_wording
from .forms import D, phrases
from .recipients import sent_to
from ...lexicon.lazy import lazy_regex


@dataclass
class FoundDeadline:
    """A deadline as read from the key, before it becomes a ``Deadline`` model."""

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
    weekday: int | None = None  # a weekly deadline's day of the week, 1 (Monday) to 7
    month: int | None = None  # a yearly deadline's month; a date's when it was printed without its year
    form: str = ""  # date, duration, workday, recurring, frequency (a bare "Hằng năm"), period
    intro: str = ""  # the opening words as matched (folded)
    event: tuple[tuple[int, int], str] | None = None  # the span after "kể từ" / "trước" / "sau", and that word


def _words_re(words: list[str], tail: str = r"(?![\p{L}])") -> regex.Pattern:
    return lazy_regex(r"(?<![\p{L}])(?:" + phrases(words) + ")" + tail)


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
_NOT_IN_CLAUSE = _words_re(D["not_in_clause"])
_NOT_AFTER = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["not_after"]) + r")(?:\s+(?:đến|từ|trong|hết|đến\s+hết))?\s*$")
_DURATION_NOT_IN_CLAUSE = _words_re(D["duration_not_in_clause"])
_NOT_AFTER_DURATION = lazy_regex(r"\s*(?:" + phrases(D["not_after_duration"]) + r")(?![\p{L}])")
_PAST_BEFORE = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["past_before"]) + r")\s+$")
_ANCHORED = {" ".join(retone(w).split()) for w in D["anchored_openings"]}
_CONDITION = lazy_regex(r"\s*,?\s*thì(?![\p{L}])")
_YEARLY = lazy_regex(retone(r"(?<![\p{L}])(?:hằng|hàng)\s+năm(?![\p{L}])"))
_EXEMPT = tuple(retone(w) for w in ("trước", "chậm nhất"))  # "bảo đảm có hiệu lực trước ngày …": a deadline
_CLAUSE_END = lazy_regex(r"[.;:\n]")
_SENTENCE_END = lazy_regex(r"\.(?=\s|$)|\n|;")
_FULL_STOP = lazy_regex(r"\.(?=\s|$)|\n")  # a sentence of a yearly duty runs over its semicolons
_CONDITION_END = lazy_regex(retone(r"(?<![\p{L}])thì(?![\p{L}])"))
_DATE_NOT_IN_CLAUSE = _words_re(D["date_not_in_clause"])
_PERIOD_NOT_IN_CLAUSE = _words_re(D["period_not_in_clause"])
_FUTURE_ONLY = {" ".join(retone(w).split()) for w in D["future_only_intros"]}
_UNTIL_NOT_IN_CLAUSE = _words_re(D["until_not_in_clause"])
_UNTIL = retone("đến")
_PAST_AFTER = _words_re(D["past_after"])
_SET_AFTER = _words_re(D["set_after"])
_CLAUSE_STOP = lazy_regex(r"[.;:]|\n\s*(?:[-–+•]|\d{1,3}[.)]|[a-zđ]\))")
_MEETING_TIME = (retone("thời gian"), retone("vào lúc"))
_MEETING_NOT_AFTER = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["meeting_not_after"]) + r")\s+$")
# "Ngoài báo cáo định kỳ hằng năm tại khoản 1 Điều này": a report named by its cycle, ruled elsewhere
_RULED_AT = lazy_regex(retone(r"\s*(?:nêu\s+|quy\s+định\s+)?tại\s+(?:điểm|khoản|điều|mục)(?![\p{L}])"))
_FUTURE_NOT_IN_CLAUSE = _words_re(D["future_only_not_in_clause"])
_EXPECTED_BEFORE = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["period_not_right_after"]) + r")\s+$")
_RATE_BEFORE = lazy_regex(r"(?<![\p{L}\d])\d+\s+(?:" + phrases(D["rate_units"]) + r")\s+$")
_UNTIL_YEAR = retone("đến")  # "đến năm 2030" (deadlines.forms.YEAR)
_TARGET_AFTER = _words_re(D["until_year_targets"])
_TARGET_BEFORE = _words_re(D["target_before"])
_AT_YEAR = retone("vào")  # "vào năm 2030" (deadlines.forms.YEAR)
_LABEL = lazy_regex(r"\s*(?:[-–+•*]|\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|\([\p{L}\d]{1,4}\))?\s*[“\"]?\s*$")
_FROM = lazy_regex(retone(r"(?<![\p{L}])(?:kể|tính)\s+từ\s+"))
_AFTER_OPENING = lazy_regex(retone(r"\s*[“\"]?\s*(?:\d{1,3}[.)]\s*)?sau\s+khi\s+(?P<what>[^,.;:\n]{3,160}),"))
_WORD_AT = lazy_regex(r"\S+")


# A line break that ends nothing: a PDF's line wrapped inside a sentence (no stop before it, no list label after it).
_WRAPPED = lazy_regex(r"(?<=[\p{L}\d,)”\"])[ \t]*\n(?![ \t]*(?:\n|[-–+•*]|\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|[ivx]{1,4}\.))")


def _clause_start(key: str, lo: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last . ; : or line break that is no PDF wrap), not
    before ``lo``."""
    last = lo
    for m in _CLAUSE_END.finditer(key, lo, pos):
        if m.group() == "\n" and _WRAPPED.match(key, m.start()):
            continue  # "… báo cáo kết quả kiểm tra văn bản được ban hành" / "từ ngày 01/01 đến hết ngày 31/12."
        last = m.end()
    return last


def _sentence(key: str, pos: int, reach: int = 400, ends: regex.Pattern = _SENTENCE_END) -> tuple[int, int]:
    """The sentence holding ``pos``: from after the last ". ", ";" or line break to before the next."""
    lo = max(0, pos - reach)
    start = lo
    for m in ends.finditer(key, lo, pos):
        start = m.end()
    nxt = ends.search(key, pos, min(len(key), pos + reach))
    return start, nxt.start() if nxt else min(len(key), pos + reach)


def _line_start(key: str, pos: int) -> int:
    return key.rfind("\n", 0, pos) + 1


def _near(key: str, pos: int, reach: int = 300) -> int:
    """An end for a match attempt at ``pos``: ``regex`` searches a pattern's required literal up to the end it is
    given, so an attempt bounded only by the end of the text scans the rest of it (quadratic over a document)."""
    return min(len(key), pos + reach)


_NEW_WORDING = _words_re(["sửa đổi", "bổ sung", "thay thế", "như sau"])


def _quoted(key: str, pos: int, reach: int = 600) -> bool:
    """Is ``pos`` inside a typographic quotation in running text (``… trong đó đề nghị: “Ủy ban nhân dân các tỉnh …
    trong năm 2025 …”``): another document's words, its time limits not this one's.  The new wording an amending
    text writes into another (a quotation opening its own line) is left as it is, and so is a quotation that does
    not close nearby."""
    opening = key.rfind("“", max(0, pos - reach), pos)
    if opening < 0 or key.find("”", opening, pos) >= 0 or key.find("”", pos, pos + reach) < 0:
        return False
    before = key[key.rfind("\n", 0, opening) + 1 : opening]
    if not before.strip(" \t-–+•") or _NEW_WORDING.search(before):
        return False  # an amended text's new wording: a quotation on its own line ("Điều 4. Sửa đổi, bổ sung Điều 7" then
        # "“Điều 7. …"), or after "… được sửa đổi như sau: “…"
    return not in_new_wording(key, pos, straight=False)


def excluded(key: str, lo: int, f: FoundDeadline) -> bool:
    """Whether the match is no deadline in its context."""
    if _quoted(key, f.start):
        return True  # "… đã có Công văn số … trong đó đề nghị: “… trong năm 2025 …”": the other document's words
    first = _WORD_AT.match(key, f.start, _near(key, f.start))
    if _NOT_AFTER.search(key, max(lo, f.start - 20), first.end() if first else f.start):
        return True  # "tính đến ngày 30/6/2024", "Tính trong 10 tháng đầu năm": a report's figures
    clause = _clause_start(key, max(lo, f.start - 160), f.start)
    for m in _CONDITION_END.finditer(key, clause, f.start):
        clause = m.end()  # "Đối với hồ sơ … trước ngày Nghị định này có hiệu lực thi hành thì … hoàn thành trong …"
    if not (f.form == "date" and f.intro.startswith(_EXEMPT)) and _NOT_IN_CLAUSE.search(key, clause, f.start):
        return True  # "có hiệu lực thi hành từ ngày … đến hết ngày …": when a text is in force
    if f.form == "date":
        if f.intro in _FUTURE_ONLY and _FUTURE_NOT_IN_CLAUSE.search(key, clause, f.start):
            return True  # "Trung tâm dự kiến tổ chức Hội thảo vào ngày …": the writer's own plan
        if f.intro.startswith(_UNTIL) and _UNTIL_NOT_IN_CLAUSE.search(key, clause, f.start):
            return True  # "… thì tiếp tục duy trì thực hiện đến hết ngày 31 tháng 12 năm 2026": until, no limit
        if _DATE_NOT_IN_CLAUSE.search(key, clause, f.start):
            return True  # "Thời gian chốt số liệu báo cáo: Tính từ ngày 15 tháng 12 … đến ngày 14 tháng 12 …"
        if _CONDITION.match(key, f.end, _near(key, f.end)) or _PAST_BEFORE.search(key, max(0, f.start - 40), f.start):
            return True  # "… được công bố trước ngày 01 tháng 01 năm 2026 thì …", "đã được phê duyệt trước ngày …"
    if f.form == "duration":
        if _NOT_AFTER_DURATION.match(key, f.end, _near(key, f.end)) or _DURATION_NOT_IN_CLAUSE.search(key, clause, f.start):
            return True  # "trong 3 ngày Tết", "không quá 06 tháng tính đến ngày nộp hồ sơ", "nhiệm kỳ …"
        if _RATE_BEFORE.search(key, max(0, f.start - 20), f.start):
            return True  # "24 giờ trong 01 ngày": a rate
        if f.intro in _ANCHORED and f.event is None:
            return True  # "là 30 ngày", "ít nhất 10 ngày": an amount, not a time limit
    if f.form == "period" and _opens_a_past_sentence(key, lo, f):
        return True  # "Trong 06 tháng đầu năm 2025, lực lượng chức năng toàn tỉnh đã phát hiện …": what happened
    if f.form == "period" and key.startswith(_AT_YEAR, f.start) and _TARGET_BEFORE.search(key, clause, f.start):
        return True  # "Phấn đấu 50% xã đạt chuẩn vào năm 2030": a target to reach, as "Đến năm 2030, tỉnh phấn đấu …"
    if f.form == "period" and _set_by_another(key, f):
        return True  # "… 50% vào năm 2030 theo Nghị quyết số 163 … đã đề ra thì …": another document's target
    if f.form == "period" and (((r := _PERIOD_NOT_IN_CLAUSE.search(key, clause, f.start)) and not sent_to(key, r.end(), f.start)) or _EXPECTED_BEFORE.search(key, max(0, f.start - 30), f.start)):
        return True  # "báo cáo kết quả thực hiện trong tháng 01 năm 2025": what was done; "(dự kiến trong Quý 1/2026)"
    if f.form == "event" and _MEETING_NOT_AFTER.search(key, max(0, f.start - 30), f.start):
        return True  # "báo cáo trước Hội nghị": in front of it
    if f.kind == "recurring" and f.day is None and _RULED_AT.match(key, f.end, _near(key, f.end)):
        return True  # "Ngoài báo cáo định kỳ hằng năm tại khoản 1 Điều này": the report of another clause
    if f.form == "date" and f.intro == _UNTIL_YEAR and f.date is not None and len(f.date) == 4:
        stop = _CLAUSE_STOP.search(key, f.end, _near(key, f.end, 200))
        if _TARGET_AFTER.search(key, f.end, stop.start() if stop else _near(key, f.end, 200)):
            return True  # "Đến năm 2030, tỉnh phấn đấu 50% xã đạt chuẩn …": a target to reach
        return not _opens_clause(key, lo, f.start, wrapped=True)
    if f.form == "frequency":
        return not _opens_clause(key, lo, f.start) and not _after_time_label(key, lo, f.start)  # "kế hoạch sử dụng đất hằng năm", "Chiến lược … đến năm
        # 2030": a time rule or a target year only where it opens a sentence or a clause ("…; hằng năm báo cáo Quốc
        # hội …", "Đến năm 2030, các cơ sở giáo dục đại học hoàn thành …", vbpl.vn doc_000541)
    return False


def _opens_clause(key: str, lo: int, pos: int, wrapped: bool = False) -> bool:
    """Whether ``pos`` opens its line (after a list label at most), a sentence or a clause after a semicolon.
    ``wrapped``: a line may be a PDF's wrapped line ("… Chương trình mục tiêu quốc gia phòng, chống ma túy" then
    "đến năm 2030."): a bare line start counts only after the end of a sentence or a clause."""
    ls = max(_line_start(key, pos), lo)
    before = key[ls:pos]
    if wrapped and not before.strip():
        return not key[lo:ls].rstrip() or key[lo:ls].rstrip().endswith((".", ";", ":"))
    return _LABEL.fullmatch(before) is not None or before.rstrip().endswith((".", ";"))


# A time label's head then its own words and a colon, right before: "Thời gian thực hiện: Hằng năm" (data label_heads)
_TIME_LABEL = lazy_regex(r"(?<![\p{L}])(?:" + phrases([*D["period_labels"], *D["label_heads"]]) + r")(?:\s+\p{L}+){0,3}?\s*:\s*$")


def _after_time_label(key: str, lo: int, pos: int) -> bool:
    """A frequency that is a time label's value (``Thời gian hoàn thành: Hằng quý``): it times the duty."""
    return _TIME_LABEL.search(key, max(lo, pos - 60), pos) is not None


def _opens_a_past_sentence(key: str, lo: int, f: FoundDeadline) -> bool:
    """A period that opens its sentence (after a list label at most), then ``đã``/``vừa`` before the clause ends."""
    begin = max(_sentence(key, f.start, reach=200)[0], lo)
    if not _LABEL.fullmatch(key[begin : f.start]):
        return False
    stop = _CLAUSE_STOP.search(key, f.end, min(len(key), f.end + 200))
    return _PAST_AFTER.search(key, f.end, stop.start() if stop else min(len(key), f.end + 200)) is not None


def _set_by_another(key: str, f: FoundDeadline) -> bool:
    """``đã đề ra`` later in the period's clause (before ``thì`` or its end): a target another document has set."""
    stop = _CLAUSE_STOP.search(key, f.end, min(len(key), f.end + 200))
    end = stop.start() if stop else min(len(key), f.end + 200)
    cond = _CONDITION_END.search(key, f.end, end)
    return _SET_AFTER.search(key, f.end, cond.start() if cond else end) is not None


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
    clause = _clause_start(key, max(0, f.start - 160), f.start)
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
    s, _ = _sentence(key, f.start, ends=_FULL_STOP)
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
    s, _ = _sentence(key, f.start)
    ifs = list(_IF.finditer(key, s, f.start))
    then = _CONDITION_END.search(key, ifs[-1].end(), f.start) if ifs else None
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
            if f.form == "workday" and f.anchor_span and (len(key[slice(*f.anchor_span)].split()) <= 3 or _NOT_EVENT.match(key, end, _near(key, end))):
                f.anchor_span, f.end = None, end  # "ngay trong ngày làm việc;": no event written
                _next_day(key, f)
        elif f.form == "date" and f.day is not None:
            _yearly(key, f, normative)
    out = []
    for i, f in enumerate(found):
        if f.kind == "recurring" and f.day is None:
            begin, end = _sentence(key, f.start, ends=_FULL_STOP)
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
        s, e = _sentence(key, f.start)
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
