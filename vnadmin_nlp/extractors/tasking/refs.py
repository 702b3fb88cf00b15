"""Deadlines a task takes from elsewhere in the document, and the days of a period the text does not name.

- ``… đảm bảo hoàn thành theo thời gian tại khoản 1``: a task with no deadline of its own takes the first one
  written in the clause it names (the sibling of its provision with that label; ``patterns.yaml`` tasks
  ``deadline_ref``).  One done ``theo quy định tại Điều 15 Quyết định này`` takes the time limit that article
  labels (``Thời hạn gửi báo cáo: …``, ``deadline_article_ref`` / ``deadline_label``), when it labels only one.
- ``1. Thống nhất để Hội … tổ chức đại hội … vào ngày 09/4/2025 …. Hội … có trách nhiệm chuẩn bị …``: a task with
  no deadline in an item that opens with an approval (tasks.yaml ``approval_openings``; no task itself) takes the
  date the approval set before it.
- ``Văn bản trả lời đề nghị gửi về Bộ Công an … trước ngày 24/12/2025``: a reply-by sentence (``patterns.yaml``
  tasks ``reply_by``) that names no one and closes the requests (no request after it) gives its date to every
  request above it with no deadline of its own, in a letter, not a regulation; not to the body the reply is sent to.
- ``… kính mời Lãnh đạo các Bộ … tham dự Hội nghị`` (``invitation``): the invited's task takes the meeting's time,
  the one date written after a ``Thời gian:`` / ``Vào lúc`` label on its line (``meeting_time``); none when the
  document gives several; none when the task's own words state a time that reads as no deadline (``own_time``: a
  scan's misread digit, ``trước 14 giờ ngày 0§ tháng 10``), with a ``deadline_unread`` warning.  (A task to be
  done ``trước Hội nghị`` gets the meeting's date from the deadline extractor, which reads that form itself:
  extractors/deadlines/forms.EVENT.)
- ``chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo``: the day of a period the text does not name is no deadline
  (monthly, quarterly or yearly cannot be told); a ``deadline_cycle_unclear`` warning quotes it.
- ``hoàn thành trong tháng 3`` in a letter of October (the month is over this year), a day and month without a
  year when the document's date is unread, a month without a year in a regulation: the year cannot be told, no
  deadline is read; a ``deadline_year_unclear`` warning quotes the words.
"""
from __future__ import annotations

from typing import Sequence

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from ...lexicon.spaces import squash
from ...model import Deadline, Provision, Task
from ...patterns import compile_section
from ..base import Context
from .names import HEAD_RE, body_key, verb_at

_P = compile_section("tasks")
_APPROVAL = tuple(fold(w) for w in load("tasks")["approval_openings"])  # "Thống nhất …": an approval, no task


def referred_deadlines(provisions: Sequence[Provision], key: str, tasks: list[Task], listed: dict[tuple[int, int], Deadline]) -> None:
    """Give each task that refers to another clause's time (and has no deadline) that clause's first deadline; to one
    done as another article rules, the time limit that article labels; to one after an approval, its date."""
    for t in tasks:
        if t.deadline is not None or t.provision is None:
            continue
        m = _P.deadline_ref.search(key, t.span[0], t.span[1])
        if m is None:
            t.deadline = _article_limit(provisions, key, t, listed) or _approved_date(provisions, key, t, listed)
            continue
        parent = t.provision.rsplit(".", 1)[0] if "." in t.provision else ""
        target = f"{parent}.{m.group('ref')}" if parent else m.group("ref")
        where = provision_span(provisions, target)
        if where is None:
            continue
        due = [listed[k] for k in sorted(listed) if where[0] <= k[0] < where[1]]
        if due:
            t.deadline = due[0]


def _article_limit(provisions: Sequence[Provision], key: str, t: Task, listed: dict[tuple[int, int], Deadline]) -> Deadline | None:
    """``d) Báo cáo Bộ Tài chính … theo quy định tại Điều 15 Quyết định này``: the one time limit Điều 15 labels
    (``d) Thời hạn gửi báo cáo: Chậm nhất là 60 ngày kể từ ngày kết thúc năm``); none when it labels several."""
    m = _P.deadline_article_ref.search(key, t.span[0], t.span[1])
    where = provision_span(provisions, m.group("ref"), whole=True) if m is not None else None
    if where is None or where[0] <= t.span[0] < where[1]:
        return None
    labelled = [listed[k] for k in sorted(listed) if where[0] <= k[0] < where[1]
                and _P.deadline_label.search(key, key.rfind("\n", 0, k[0]) + 1, k[0])]
    return labelled[0] if len(labelled) == 1 else None


def _approved_date(provisions: Sequence[Provision], key: str, t: Task, listed: dict[tuple[int, int], Deadline]) -> Deadline | None:
    """``1. Thống nhất để Hội … tổ chức đại hội … vào ngày 09/4/2025 …; Hội … có trách nhiệm chuẩn bị …``: the
    date an approval opening the task's own item sets, written before the task (the approval is no task itself)."""
    where = provision_span(provisions, t.provision or "")
    if where is None:
        return None
    body = _P.label.match(key, where[0], where[1])
    if not key.startswith(_APPROVAL, body.end() if body else where[0]):
        return None
    due = [listed[k] for k in sorted(listed) if where[0] <= k[0] < t.span[0] and listed[k].kind == "date" and listed[k].date]
    return due[-1] if due else None


_CLAUSE_END = lazy_regex(r"[.;!?\n]|$")
_SENTENCE_END = lazy_regex(r"[.;!?](?=\s+\p{Lu})|\n\s*\n")


def reply_deadlines(text: str, key: str, tasks: list[Task], listed: dict[tuple[int, int], Deadline]) -> None:
    """Give the date of each reply-by sentence to the requests above it that have none (see the module)."""
    since = 0
    last = max((t.span[0] for t in tasks), default=len(key))
    for m in _P.reply_by.finditer(key, last):  # (it closes the requests: none starts after it)
        found = key[m.start() : m.end()]
        at = m.start() + len(found) - len(found.lstrip(" -–+•\n"))
        if not text[at : at + 1].isupper():
            continue  # "… tổng hợp,\nbáo cáo gửi …": a line that starts inside a sentence
        stop = _SENTENCE_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        due = next((listed[k] for k in sorted(listed) if m.end() <= k[0] < end and listed[k].kind == "date" and listed[k].date), None)
        if due is None:
            continue
        receiver = fold(text[m.end() : due.span[0] if due.span else end])
        for t in tasks:
            if since <= t.span[0] < at and t.deadline is None and t.source == "prose" and t.lead:
                if not any(body_key(x) in receiver for x in t.lead):
                    t.deadline = due
        since = end


def invitation(key: str, start: int, end: int) -> bool:
    """Whether ``key[start:end]`` asks someone to attend (``mời X tham dự …``)."""
    return _P.invitation.search(key, start, end) is not None


def meeting_time(ctx: Context, key: str, tasks: list[Task], listed: dict[tuple[int, int], Deadline]) -> None:
    """Give an invitation's task with no deadline the meeting's time (see the module); not one whose own words
    state a time no deadline was read from (``own_time``): a wrong date is worse than none (a warning quotes it)."""
    times = []
    for k in sorted(listed):
        d = listed[k]
        line = max(key.rfind("\n", max(0, k[0] - 200), k[0]) + 1, k[0] - 200)  # (a bounded look back: one-line texts)
        if d.kind == "date" and d.date and _P.meeting_time.search(key, line, min(k[1], k[0] + 25)):
            times.append(d)
    if len({d.date for d in times}) != 1:
        return
    provisions = ctx.fields.get("provisions") or []
    for i, t in enumerate(tasks):
        if t.deadline is None and t.source == "prose" and invitation(key, t.span[0], t.span[1]):
            # (its own words: to the end of its item, "2. Bộ Y tế: Mời … cùng dự Hội nghị …; Tổng hợp danh sách … gửi
            # Văn phòng Chính phủ trước 14 giờ ngày 08 tháng 10 năm 2025", up to the next task)
            item = provision_span(provisions, t.provision) if t.provision else None
            end = item[1] if item is not None and item[0] <= t.span[0] < item[1] else t.span[1]
            end = min([end] + [x.span[0] for x in tasks[i + 1 :] if x.span[0] >= t.span[1]])
            own = next((m for m in _P.own_time.finditer(key, t.span[0], max(end, t.span[1])) if not any(a < m.end() and m.start() < b for a, b in listed)), None)
            if own is None:
                t.deadline = times[0]
                continue
            stop = _CLAUSE_END.search(key, own.end(), own.end() + 40)  # (quoted to its clause's end: "… ngày 0§ tháng 10 năm 2025")
            phrase = squash(ctx.text[own.start() : stop.start() if stop else own.end() + 40])
            ctx.warn("deadline_unread", f"tasks: a task's own time not read as a deadline, the meeting's time not given instead: {phrase!r}", own.span())


def provision_span(provisions: Sequence[Provision], path: str, whole: bool = False) -> tuple[int, int] | None:
    """The span of the provision whose label path is ``path`` (None: no such provision); ``whole``: with its
    children's."""
    stack = list(provisions)
    while stack:
        p = stack.pop()
        if p.path == path:
            return (p.span[0], max([p.span[1]] + [e for c in _all(p.children) for e in (c.span[1],)])) if whole else p.span
        stack.extend(p.children)
    return None


def _all(provisions: Sequence[Provision]) -> list[Provision]:
    out, stack = [], list(provisions)
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(p.children)
    return out


def warn_unnamed_cycles(ctx: Context, start: int, end: int, listed: dict[tuple[int, int], Deadline]) -> None:
    """A ``deadline_cycle_unclear`` warning for each day of an unnamed period in ``[start, end)`` that no listed
    deadline covers."""
    for m in _P.deadline_cycle_unnamed.finditer(ctx.page.key, start, end):
        if not any(a < m.end() and m.start() < b for a, b in listed):
            phrase = squash(ctx.text[m.start() : m.end()])
            ctx.warn("deadline_cycle_unclear", f"deadlines: the day of a period the text does not name: {phrase!r}", (m.start(), m.end()))


def warn_unclear_years(ctx: Context, spans: Sequence[tuple[int, int, str]], listed: dict[tuple[int, int], Deadline]) -> None:
    """A ``deadline_year_unclear`` warning for each day or month printed without its year (the deadline extractor
    found it, ``deadlines.find``'s ``unclear``) that no listed deadline covers; ``deadline_date_invalid`` for a date
    that does not exist (form ``invalid``: ``30/2/2025``, often a digit OCR misread)."""
    for a, b, form in spans:
        if not any(x < b and a < y for x, y in listed):
            phrase = squash(ctx.text[a:b])
            if form == "invalid":
                ctx.warn("deadline_date_invalid", f"deadlines: a date that does not exist, not read: {phrase!r}", (a, b))
            else:
                ctx.warn("deadline_year_unclear", f"deadlines: a day or month printed without its year, which cannot be told: {phrase!r}", (a, b))


def sole_recipient(ctx: Context, normative: bool, text: str, key: str, verb: int) -> str | None:
    """The one ``Kính gửi`` addressee of a letter, who a request that names no one asks (``- Đề nghị bổ sung nội
    dung sau: …`` to ``Kính gửi: Sở Nội vụ``, ld_077; the body gold's convention: the addressee when no one else
    is named); None in a regulation, with several addressees or none, or unless an action verb follows the request
    at once (``đề nghị các đồng chí Giám đốc …``: a name the reader could not read, no guess)."""
    recipients = ctx.fields.get("recipients") or []
    if normative or len(recipients) != 1 or HEAD_RE.match(key, verb) or verb_at(text, key, verb, min(len(key), verb + 40)) != verb:
        return None
    name = " ".join(recipients[0].name.split()).strip(" .;,")
    return name or None
