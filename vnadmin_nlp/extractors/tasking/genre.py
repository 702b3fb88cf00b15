"""What a tờ trình, báo cáo or biên bản reads as tasks and deadlines that are none (data/genres.yaml).

Such a document submits, reports or records.  Each rule here removes one reason a line of it is not work handed
out, and holds in any document of that kind: the submission to the body it is addressed to, the proposal it asks
to approve, a request it reports from another document, a list of names, a count, the speakers and chair of a
meeting, and (in a report or a record, outside its recommendation sections) a sentence led by a named body with no
assignment before the name: narration.  A time no kept task holds goes when it is narration (on or before the
document's date, after ``đã``, the record's own time) or a time limit restated from a rule, unless it is labelled
or proposed.  What stays: the sections headed KIẾN NGHỊ / ĐỀ XUẤT / NHIỆM VỤ / TỔ CHỨC THỰC HIỆN, assignments
(``Giao …``, ``Đề nghị <a body not addressed> …``, ``Kính mời …``), task tables.  (Session 17's filter kept only
opener-led sentences in the whole genre and lost true tasks on unseen documents; these rules are each narrower.)
Other kinds of document only lose the chair of a meeting and counts.
"""
from __future__ import annotations

from ...data import load
from ...lexicon.bodies import expand
from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ...model import Deadline, Task
from ..base import Context
from . import names
from .units import label_end

_G = load("genres")
_T = load("tasks")


def _words(ws: list[str]) -> str:
    return "(?:" + "|".join(escape(fold(w)) for w in sorted(ws, key=len, reverse=True)) + r")(?![\p{L}])"


_KINDS = {fold(k) for k in _G["kinds"]}
_NARRATING = {fold(k) for k in _G["narrating_kinds"]}
_RECORD = fold("Biên bản")
_KEPT = lazy_regex(_words(_G["kept_sections"]))
_SECTION_MARK = lazy_regex(r"[ \t]*(?:[IVXLC]+|[A-ZĐ])[ \t]*[.)/][ \t]*")
_LIST_MARK = lazy_regex(r"[ \t]*(?:\d+|[a-zđ])[ \t]*[.)/][ \t]*")
_SUBMISSION = tuple(fold(w) for w in _G["submission_actions"])
_APPROVAL = tuple(fold(w) for w in _G["approval_openings"])
_TRIGGER = lazy_regex(r"(?<![\p{L}])" + _words([*_T["assign_triggers"], *_T["opening_triggers"], "đối với", "kính đề nghị"]))
_DOCS = _words(_G["reporting_documents"])
_REPORTED = lazy_regex(r"(?:(?<![\p{L}])có\s+" + _DOCS + r"|(?:^|[.;:]\s)\W*tại\s+" + _DOCS + r")")
_CITED_AFTER = lazy_regex(r"\(\s*" + _DOCS + r"\s+số\s[^()]*\)\W*$")
_PEOPLE = tuple(fold(w) + " " for w in _G["recorded_people"])
_CHAIR = lazy_regex("|".join(escape(fold(w)) for w in _G["chair_words"]))
_COUNT = lazy_regex(r":\s*\d[\d.,]*\s*" + _words(_G["count_units"]) + r"[\s.;,]*$")
_CUE = lazy_regex(r"(?<![\p{L}])" + _words(_G["proposal_deadline_cues"]))
_LABEL = tuple(fold(w) for w in _G["time_labels"])
_OPENING = lazy_regex(r"(?:" + "|".join(escape(fold(w)) for w in _G["record_openings"]) + r")(?![\p{L}])")
_PAST = lazy_regex(r"(?<![\p{L}])đã(?![\p{L}])")
_SENTENCE_END = lazy_regex(r"[.!?;:][\"”)]*\s+")
_FIRST_STOP = lazy_regex(r"[.!?;][\"”)]*(?:\s|$)")
_HOLDER = lazy_regex(r":\s*(?:[bB]à|[ôÔ]ng|[đĐ]ồng chí)\s+(?=\p{Lu})")
_MARKS = " \t\n-–+•*"
_TRINH = lazy_regex(r"(?<![\p{L}])trình\s+")
_GIAO = lazy_regex(r"giao(?:\s+cho)?\s+")


def genre(ctx: Context) -> str | None:
    """The folded genre name when the document is one of data/genres.yaml's kinds, else None."""
    doc_type = ctx.fields.get("doc_type")
    if doc_type is not None and doc_type.name:
        name = fold(doc_type.name)
        return name if name in _KINDS else None
    # no type read: a line in capitals of the header or the body's first that opens with one of the kinds
    start = ctx.layout.body[0]
    stop = ctx.text.find("\n", start)
    for line in ctx.text[: stop if stop >= 0 else len(ctx.text)].split("\n"):
        head = fold(line.strip())
        if line.strip().isupper() and (kind := next((k for k in _KINDS if head == k or head.startswith(k + " ")), None)):
            return kind
    return None


def giao_opens(key: str, start: int, name: str) -> bool:
    """Whether the sentence at ``start`` opens ``Giao <name>`` (after its list marks): an assignment to that body
    even when it is the issuer's (a report or submission proposing what its superior assigns it, ld_071, vbai_01)."""
    pos = start + len(key[start : start + 40]) - len(key[start : start + 40].lstrip(_MARKS))
    m = _GIAO.match(key, pos)
    return m is not None and key.startswith(fold(name), m.end())


class _Sections:
    """Which positions lie under a section that asks, assigns or plans (``II. KIẾN NGHỊ, ĐỀ XUẤT``)."""

    def __init__(self, text: str, key: str) -> None:
        self.heads: list[tuple[int, bool | None]] = []  # (line start, kept; None: a heading that decides nothing)
        pos = 0
        for line in text.split("\n"):
            letters = [c for c in line if c.isalpha()]
            if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
                m = _SECTION_MARK.match(line) or _LIST_MARK.match(line)
                at = pos + (m.end() if m else len(line) - len(line.lstrip(_MARKS)))
                kept = True if _KEPT.match(key, at) else (False if _SECTION_MARK.match(line) else None)
                self.heads.append((pos, kept))
            pos += len(line) + 1

    def kept(self, pos: int) -> bool:
        for start, kept in reversed(self.heads):
            if start <= pos and kept is not None:
                return kept
        return False


def _matches(a: str, b: str) -> bool:
    a, b = fold(expand(a)).removeprefix("đồng chí ").strip(" .,;"), fold(expand(b)).removeprefix("đồng chí ").strip(" .,;")
    return bool(a and b) and (a in b or b in a)


def restrict(ctx: Context, tasks: list[Task], listed: dict[tuple[int, int], Deadline]) -> list[Task]:
    """The tasks the document assigns (``listed``, its deadlines, loses the narrated and restated ones in place)."""
    text, key = ctx.text, ctx.page.key
    kind = genre(ctx)
    kept = [t for t in tasks if t.source == "table" or not _never(text, key, t)]
    if kind is None:
        return kept
    sections = _Sections(text, key)
    recipients = [r.name for r in ctx.fields.get("recipients") or [] if r.name]
    flat = key.replace("\n", " ")  # (a name read over a line break)
    dropped = [t for t in kept if t.source != "table" and _not_assigned(text, flat, t, kind, sections, recipients)]
    kept = [t for t in kept if not any(t is x for x in dropped)]
    _narrated_deadlines(ctx, kind, sections, kept, dropped, listed)
    return kept


def _never(text: str, key: str, t: Task) -> bool:
    """A count or the chair of a meeting: no task in any document."""
    start, end = t.span
    body = label_end(text, start, end)
    body += len(key[body:end]) - len(key[body:end].lstrip(_MARKS))
    if _COUNT.search(key, start, end):
        return True  # "+ Đại biểu chính thức triệu tập: 50 người."
    return not t.action.strip(" .;:") and key.startswith(fold("chủ trì:"), body)  # "1. Chủ trì: Đồng chí …" (giấy mời)


def _not_assigned(text: str, key: str, t: Task, kind: str, sections: _Sections, recipients: list[str]) -> bool:
    start, end = t.span
    body = label_end(text, start, end)
    body += len(key[body:end]) - len(key[body:end].lstrip(_MARKS))
    lead_at = key.find(" ".join(fold(t.lead[0]).split()), start, end) if t.lead else -1
    before = key[start : lead_at if lead_at >= 0 else body]
    trigger = _TRIGGER.search(before) is not None
    action = fold(t.action).lstrip(" ,:-–")
    if action.startswith(_SUBMISSION) and (any(_matches(x, r) for x in t.lead for r in recipients) or _routed(t.action, recipients)):
        return True  # the submission to the body addressed, or routed to it ("… thẩm định, trình Chủ tịch UBND tỉnh ký duyệt")
    if action.startswith(_APPROVAL) and not trigger:
        return True  # the proposal asked to be approved ("1. Cho phép hợp nhất …")
    if lead_at >= 0 and (_REPORTED.search(before) or _CITED_AFTER.search(key, start, end)):
        return True  # a request reported from another document
    if text[body:end].strip(" .;:").isupper():
        return True  # a heading in capitals ("GIAO NHIỆM VỤ CỦA CÁC TỈNH …")
    stop = _FIRST_STOP.search(key, body, end)
    if not trigger and names.verb_at(text, key, body, stop.start() if stop else end) is None:
        return True  # a list of names ("1. Liên minh Hợp tác xã tỉnh Lâm Đồng;", "14. Câu lạc bộ Hưu trí tỉnh …. Ngoài ra, …")
    if lead_at >= 0 and _quoted(key, lead_at):
        return True  # another document's words (“… Vậy đề nghị Ủy ban nhân dân tỉnh … xử lý …”)
    if not trigger and _HOLDER.search(text, start, end):
        return True  # who holds a post ("+ Chủ tịch Hội đồng quản lý Quỹ sau hợp nhất: bà Tôn Thị Ngọc Hạnh, …")
    if kind == _RECORD and not trigger and (not t.lead or fold(t.lead[0]).startswith(_PEOPLE) or _CHAIR.search(key, start, end)):
        return True  # the minutes: who spoke, who chaired, what was agreed
    if sections.kept(start) or trigger:
        return False
    if action.startswith(("đã ", "đang ")):
        return True  # work done
    return kind in _NARRATING and lead_at >= 0  # a report's account: "Ban Chấp hành duy trì các cuộc họp …"


def _routed(action: str, recipients: list[str]) -> bool:
    """Whether the action passes the submission on to a body addressed (``trình <addressee>``)."""
    a = fold(expand(action))
    at = [m.end() for m in _TRINH.finditer(a)]
    return any(_matches(a[p : p + len(fold(expand(r)))], r) for p in at for r in recipients)


def _quoted(key: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened before it in its paragraph window (“ without its ”)."""
    lo = max(0, pos - 3000)
    return key.rfind("“", lo, pos) > key.rfind("”", lo, pos)


def _narrated_deadlines(ctx: Context, kind: str, sections: _Sections, kept: list[Task], dropped: list[Task],
                        listed: dict[tuple[int, int], Deadline]) -> None:
    """Removes from ``listed`` the times no kept task holds that a labelled line or a proposal does not set either,
    when they are narration, a record's own time, a rule restated, or the time of a sentence that is no task."""
    key = ctx.page.key
    own = {id(t.deadline) for t in kept if t.deadline is not None}
    spans = [t.span for t in kept]
    doc_date = ctx.fields.get("date")
    body_start = min(ctx.layout.body[0], min(listed, default=(0, 0))[0])
    for at, d in list(listed.items()):
        if id(d) in own or any(a <= at[0] and at[1] <= b for a, b in spans) or sections.kept(at[0]):
            continue
        line = key.rfind("\n", 0, at[0]) + 1
        if key[line : at[0]].lstrip(_MARKS).startswith(_LABEL):
            continue  # "+ Thời gian: Dự kiến tổ chức …"
        lo = max(body_start, at[0] - 600)  # (the title before the body is no sentence of it: "Họp … đề xuất …")
        ends = list(_SENTENCE_END.finditer(key, lo, at[0]))
        first = ends[-1].end() if ends else lo
        if _CUE.search(key, first, at[0]):
            continue  # what the submission proposes ("… đề xuất … gia hạn … đến ngày 31/12/2024")
        stop = _FIRST_STOP.search(key, at[1], min(len(key), at[1] + 300))
        if (_past(d, doc_date) or _PAST.search(key, first, stop.start() if stop else at[1])  # "trong năm 2025, Công an tỉnh đã …"
                or any(_OPENING.match(key, p + len(key[p : at[0]]) - len(key[p : at[0]].lstrip(_MARKS + ","))) for p in (first, line))
                or d.kind in ("duration", "recurring")  # a rule or a practice described, no task's
                or any(a <= at[0] and at[1] <= b for a, b in (t.span for t in dropped))):  # narrated with its sentence
            del listed[at]


def _past(d: Deadline, doc_date: str | None) -> bool:
    """Whether a date or period starts on or before the document's date (what a report or record accounts for)."""
    if not doc_date or d.kind not in ("date", "period"):
        return False
    first = d.start or d.date
    if not first:
        return False
    n = min(len(first), len(doc_date))
    return first[:n] <= doc_date[:n]
