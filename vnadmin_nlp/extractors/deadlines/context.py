"""Which matches of the deadline forms are no deadline in their context: a report's cut-off date, a text's entry into
force, a past event, a condition, a stretch of time, a term of office, a rate, a target, another document's words
quoted in running text.  What a kept deadline counts from is :mod:`.anchors`'s; the sentence and clause bounds both
read are :mod:`.clauses`'s."""
from __future__ import annotations

from ...zoning.quotes import in_new_wording
from .clauses import CONDITION_END, clause_start, line_start, near, sentence, words_re
from .forms import D, phrases
from .found import FoundDeadline
from .recipients import sent_to
from ...lexicon.fold import retone
from ...lexicon.lazy import lazy_regex


_NOT_IN_CLAUSE = words_re(D["not_in_clause"])
_NOT_AFTER = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["not_after"]) + r")(?:\s+(?:đến|từ|trong|hết|đến\s+hết))?\s*$")
_DURATION_NOT_IN_CLAUSE = words_re(D["duration_not_in_clause"])
_NOT_AFTER_DURATION = lazy_regex(r"\s*(?:" + phrases(D["not_after_duration"]) + r")(?![\p{L}])")
_PAST_BEFORE = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["past_before"]) + r")\s+$")
_ANCHORED = {" ".join(retone(w).split()) for w in D["anchored_openings"]}
_CONDITION = lazy_regex(r"\s*,?\s*thì(?![\p{L}])")
_EXEMPT = tuple(retone(w) for w in ("trước", "chậm nhất"))  # "bảo đảm có hiệu lực trước ngày …": a deadline
_DATE_NOT_IN_CLAUSE = words_re(D["date_not_in_clause"])
_PERIOD_NOT_IN_CLAUSE = words_re(D["period_not_in_clause"])
_FUTURE_ONLY = {" ".join(retone(w).split()) for w in D["future_only_intros"]}
_UNTIL_NOT_IN_CLAUSE = words_re(D["until_not_in_clause"])
_UNTIL = retone("đến")
_PAST_AFTER = words_re(D["past_after"])
_SET_AFTER = words_re(D["set_after"])
_CLAUSE_STOP = lazy_regex(r"[.;:]|\n\s*(?:[-–+•]|\d{1,3}[.)]|[a-zđ]\))")
_MEETING_NOT_AFTER = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["meeting_not_after"]) + r")\s+$")
# "Ngoài báo cáo định kỳ hằng năm tại khoản 1 Điều này": a report named by its cycle, ruled elsewhere
_RULED_AT = lazy_regex(retone(r"\s*(?:nêu\s+|quy\s+định\s+)?tại\s+(?:điểm|khoản|điều|mục)(?![\p{L}])"))
_FUTURE_NOT_IN_CLAUSE = words_re(D["future_only_not_in_clause"])
_EXPECTED_BEFORE = lazy_regex(r"(?<![\p{L}])(?:" + phrases(D["period_not_right_after"]) + r")\s+$")
_RATE_BEFORE = lazy_regex(r"(?<![\p{L}\d])\d+\s+(?:" + phrases(D["rate_units"]) + r")\s+$")
_UNTIL_YEAR = retone("đến")  # "đến năm 2030" (deadlines.forms.YEAR)
_TARGET_AFTER = words_re(D["until_year_targets"])
_TARGET_BEFORE = words_re(D["target_before"])
_AT_YEAR = retone("vào")  # "vào năm 2030" (deadlines.forms.YEAR)
_LABEL = lazy_regex(r"\s*(?:[-–+•*]|\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|\([\p{L}\d]{1,4}\))?\s*[“\"]?\s*$")
_WORD_AT = lazy_regex(r"\S+")
_NEW_WORDING = words_re(["sửa đổi", "bổ sung", "thay thế", "như sau"])


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
    first = _WORD_AT.match(key, f.start, near(key, f.start))
    if _NOT_AFTER.search(key, max(lo, f.start - 20), first.end() if first else f.start):
        return True  # "tính đến ngày 30/6/2024", "Tính trong 10 tháng đầu năm": a report's figures
    clause = clause_start(key, max(lo, f.start - 160), f.start)
    for m in CONDITION_END.finditer(key, clause, f.start):
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
        if _CONDITION.match(key, f.end, near(key, f.end)) or _PAST_BEFORE.search(key, max(0, f.start - 40), f.start):
            return True  # "… được công bố trước ngày 01 tháng 01 năm 2026 thì …", "đã được phê duyệt trước ngày …"
    if f.form == "duration":
        if _NOT_AFTER_DURATION.match(key, f.end, near(key, f.end)) or _DURATION_NOT_IN_CLAUSE.search(key, clause, f.start):
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
    if f.kind == "recurring" and f.day is None and _RULED_AT.match(key, f.end, near(key, f.end)):
        return True  # "Ngoài báo cáo định kỳ hằng năm tại khoản 1 Điều này": the report of another clause
    if f.form == "date" and f.intro == _UNTIL_YEAR and f.date is not None and len(f.date) == 4:
        stop = _CLAUSE_STOP.search(key, f.end, near(key, f.end, 200))
        if _TARGET_AFTER.search(key, f.end, stop.start() if stop else near(key, f.end, 200)):
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
    ls = max(line_start(key, pos), lo)
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
    begin = max(sentence(key, f.start, reach=200)[0], lo)
    if not _LABEL.fullmatch(key[begin : f.start]):
        return False
    stop = _CLAUSE_STOP.search(key, f.end, min(len(key), f.end + 200))
    return _PAST_AFTER.search(key, f.end, stop.start() if stop else min(len(key), f.end + 200)) is not None


def _set_by_another(key: str, f: FoundDeadline) -> bool:
    """``đã đề ra`` later in the period's clause (before ``thì`` or its end): a target another document has set."""
    stop = _CLAUSE_STOP.search(key, f.end, min(len(key), f.end + 200))
    end = stop.start() if stop else min(len(key), f.end + 200)
    cond = CONDITION_END.search(key, f.end, end)
    return _SET_AFTER.search(key, f.end, cond.start() if cond else end) is not None
