"""Tasks: who (lead and support bodies), what (action), by when (deadline), in which provision.

The provisions are walked as a tree.  Where the document assigns work (``tasking.scope``: every provision of an
administrative text; the implementation articles of a regulation, and elsewhere in it only an assignment to a
named body with a calendar date of its own, on or after the document's), a task is read:

- item by item under a heading that names the body (``1. Cục Thuế tỉnh:`` then ``a)``, ``b)``, ``-``; an article
  titled ``Trách nhiệm của Bộ Nội vụ`` then its clauses): one task per item, the heading's body as lead unless the
  item names its own;
- sentence by sentence elsewhere: the assignee is a body or an office-holder named after ``Giao``/``Đề
  nghị``/``Yêu cầu``/``Kính mời``, after a colon, or at the start of the provision (``Bộ Tư pháp có trách nhiệm
  …``), and ends where the action verb starts (``tasking.names``); an execution clause's list, however long (``…
  có trách nhiệm thi hành Nghị quyết này``), is all leads (``tasking.execution``).

A task table (``tasking.table``, on the readers' cells) gives one task per row and lead column, in place of what
the sentences made of its rows.

Attachment, one scope rule: a task's deadline is the one written in its own sentence, item or row (a later
sentence of the item with no assignee, ``Thời hạn hoàn thành: …``, belongs to the task before it; a clause after a
semicolon that opens with its own time is a task of its own), else the nearest stated scope that covers it: its
article's time clause (a regulation), the clause its text names (``theo thời gian tại khoản 1``), the meeting of
an invitation, the reply-by sentence that closes a letter's requests (``tasking.refs``); a time line under its item
(``- Thời gian hoàn thành: …``), a heading that only says by when, ``… đúng thời hạn`` (``tasking.attach``).  Every
deadline of the document, assigned or not, is listed in ``deadlines``.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import replace

from ..data import load
from ..lexicon.bodies import expand
from ..lexicon.fold import fold
from ..lexicon.positions import POSITION_START
from ..lexicon.spaces import squash
from ..model import Deadline, Task
from . import deadlines
from .base import Context
from .fields import TasksFields
from .registry import extractor
from .tasking import attach, genre, hedges, labelled, names, ocr_words, refs, reporting, scope, speaker, table
from .tasking.assignees import Assignees
from .tasking import support as support_of
from .tasking.scans import Scans, joined
from .tasking.units import TASKS, Unit, label_end as _label_end, parent_path, read_units
from .tasking.restatements import without_restatements
from ..lexicon.lazy import escape, lazy_regex

_T = load("tasks")
_EXPLICIT = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in _T["explicit_deadline_markers"]) + r")(?![\p{L}])")
# A sentence that only announces the list after it ("… thực hiện các nhiệm vụ sau:", "… một số nội dung:").
_INTRO = lazy_regex(r"(?:sau|như sau|cụ thể|gồm|nội dung|nhiệm vụ|các việc)\s*:\s*$")
_NOT_TASK = tuple(fold(w) for w in _T["not_task_actions"])  # triggers that are the subject's own action ("UBND tỉnh chỉ đạo các Hội …")
_OPENERS = tuple(fold(w) + " " for w in _T["adverbial_openers"])  # "Căn cứ …, X chỉ đạo …": the name after the comma
_APPROVAL = tuple(fold(w) for w in _T["approval_openings"])  # "Thống nhất gia hạn … chậm nhất đến ngày …": no task
_CLAUSE = lazy_regex(r";\s+(?=\p{Ll})")  # a clause of the same sentence ("…; định kỳ … báo cáo …")
_STOP = lazy_regex(r"[.!?]\s+(?=\p{Lu})")  # (a sentence after it, "Thời hạn hoàn thành: …", is the whole item's)
_FULL_STOP = lazy_regex(r"\.(?=\s|$)")
_YEAR = lazy_regex(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a one-off date names its year


def _anchor(ctx: Context) -> dt.date | None:
    date = ctx.fields.get("date")
    try:
        return dt.date.fromisoformat(date) if date and len(date) == 10 else deadlines.month_end(date) if date and len(date) == 7 else None
    except ValueError:
        return None


@extractor("tasks", requires=("date", "provisions", "issuer", "doc_type", "recipients"), assigns=("tasks", "deadlines"))
def extract(ctx: Context) -> TasksFields:
    ctx = ocr_words.mended(ctx)  # an OCR'd document: its task words as the vocabulary spells them (same offsets)
    anchor = _anchor(ctx)
    issuer = ctx.fields.get("issuer")
    own = {fold(expand(x)) for x in (issuer.name, issuer.text)} if issuer else set()
    doc_type = ctx.fields.get("doc_type")
    is_normative = scope.normative(ctx.fields.get("provisions") or [], doc_type.name if doc_type else None)
    text, key = ctx.text, ctx.page.key
    units = list(read_units(ctx, is_normative))
    if not units:
        return {"tasks": [], "deadlines": []}
    listed: dict[tuple[int, int], Deadline] = {}
    lo, hi = min(u.start for u in units), max(u.end for u in units)
    scans = Scans(text, key, lo, hi, anchor, is_normative)
    reader = _Reader(ctx, scans, listed, own, is_normative)
    tasks: list[Task] = []
    before: Task | None = None  # the last task of the paragraph before (outside the provisions)
    tree = attach.TreeTimes()  # a time line under a task's item, a heading's time for its items
    for u in units:
        if u.end <= reader.covered:  # (a line of a labelled task, read with it)
            reader._deadline(u.start, u.end)
            continue
        got = reader.unit(u)
        due, strong, _ = reader._deadline(u.start, u.end)
        timing = u.allowed and due is not None and attach.time_line(text, key, u, scans.deadlines_in(u.start, u.end)) is not None
        if timing and due is not None and tree.to_parent(u, due):
            got = []  # "- Thời gian hoàn thành: Quý I/2026" under "1. Giao Sở Nội vụ …": that task's, no task of its own
        elif timing and u.tree_end is not None and u.tree_end > u.end and not any(t.lead for t in got):
            got = []  # "1. Hoàn thành trong thời hạn …:" over "a) …": its items', no task of its own
        # ("1. Hoàn thành trong quý IV/2025:" then "a) …": its items'; a heading's period, "III. NHIỆM VỤ 6 THÁNG CUỐI
        # NĂM 2025", only when stated as a limit)
        tree.heading(u, got, due if u.allowed and not u.dated else None, strong or timing)
        tree.inherit(u, got)
        tree.read(u, got)
        if not got and u.path is None and before is not None and before.deadline is None:
            # "… đề nghị các bộ … góp ý dự thảo." then "Văn bản tham gia ý kiến … gửi về Bộ Nội vụ trước ngày
            # 30/9/2025": a paragraph that only says by when belongs to the request just above it
            due, strong, _ = reader._deadline(u.start, u.end)
            if due is not None and strong:
                before.deadline = due
        before = got[-1] if got and u.path is None else None
        tasks.extend(got)
    tasks.extend(t for path, t in reader.undated if path in reader.dated_lists)
    tasks = without_restatements(table.merge(ctx, tasks, listed, anchor, reader.assignees.issuer))
    tasks = speaker.without_office_notices(text, scope.outside_new_wording(text, tasks), own)  # (quoted new wording; the issuer's office notifying)
    tasks.sort(key=lambda t: t.span)
    refs.referred_deadlines(ctx.fields.get("provisions") or [], key, tasks, listed)
    attach.stated_limits(ctx.fields.get("provisions") or [], key, tasks, listed)  # "… đúng thời hạn": the one above
    if not is_normative:
        refs.reply_deadlines(text, key, tasks, listed)
        refs.meeting_time(ctx, key, tasks, listed)
    tasks = genre.restrict(ctx, reporting.items(ctx, tasks, listed), listed)  # + the reports asked for; - what a report narrates
    refs.warn_unnamed_cycles(ctx, lo, hi, listed)
    refs.warn_unclear_years(ctx, scans.unclear, listed)
    ordered = [listed[k] for k in sorted(listed)]
    index = {id(d): i for i, d in enumerate(ordered)}
    for t in tasks:
        if t.deadline is not None:
            t.deadline_index = index.get(id(t.deadline))
    return {"tasks": tasks, "deadlines": ordered}


class _Reader:
    """Reads the tasks of one unit at a time (and lists every deadline it meets)."""

    def __init__(self, ctx: Context, scans: Scans, listed: dict[tuple[int, int], Deadline], own: set[str], normative: bool = False) -> None:
        # names and verbs are read over line breaks ("thành phố quan\ntâm"): the key with its breaks as spaces
        self.ctx, self.text, self.key, self.scans, self.listed, self.own = ctx, ctx.text, ctx.page.key.replace("\n", " "), scans, listed, own
        self.cells = sorted(c.span for c in ctx.cells)  # (the lines of a table the reader gave as cells are no flattened table)
        self.normative = normative  # a regulation: its duties' clauses may be tasks of their own
        self.time_clauses: dict[str, Deadline] = {}  # a regulation's article -> the dated clause that names no one
        self.dated_lists: set[str] = set()  # a regulation's headings whose items include a dated assignment
        self.undated: list[tuple[str, Task]] = []  # the other items under such headings: tasks when the list is dated
        self.covered = -1  # the end of the last labelled task's provision (tasking.labelled): its lines are read
        self.assignees = Assignees(self.text, self.key, scans, own)  # who each sentence assigns its work to

    def _deadline(self, start: int, end: int) -> tuple[Deadline | None, bool, deadlines.FoundDeadline | None]:
        found = self.scans.deadlines_in(start, end)
        if not found:
            return None, False, None
        for d in found:
            if (d.start, d.end) not in self.listed:
                self.listed[(d.start, d.end)] = _deadline(self.text, d)
        f = max(found, key=lambda d: d.strong)  # "Thời hạn hoàn thành: …" over "đến cuối năm …"
        return self.listed[(f.start, f.end)], f.strong, f

    def unit(self, u: Unit) -> list[Task]:
        if u.allowed and not u.dated and (lab := labelled.task(self.ctx, u, lambda a, b: self._deadline(a, b)[0])) is not None:
            self.covered = lab.span[1]  # "1. Rà soát …" then "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …"
            return [lab]
        got = [x for t in self._unit(u) for x in (self._clauses(t) if self.normative else [t])]
        if not u.dated:
            return got
        # A regulation's rules hold no task, but an assignment to a named body with a calendar date of its own
        # does ("… hoàn thành trước ngày 01 tháng 01 năm 2026"): one-off work handed out, not a rule for every case
        # (scope.py).  The date may be the article's time clause: "1. Hội nghị … được tổ chức trong khoảng thời gian
        # từ ngày … đến ngày …" then "2. Hội nghị … ở trung ương do Đoàn Chủ tịch … triệu tập, chủ trì".
        parent = parent_path(u.path)
        for t in got:
            if t.deadline is None and parent in self.time_clauses:
                t.deadline = self.time_clauses[parent]
        kept = [t for t in got if t.lead and self._dated(t.deadline)]
        if u.lead is not None and parent:  # items under a heading that names the body ("X có trách nhiệm: 1. … 2. …"):
            self.dated_lists.update([parent] if kept else [])  # one dated item makes the list one-off work
            self.undated.extend((parent, t) for t in got if t.lead and t not in kept)
        return kept

    def _clauses(self, t: Task) -> list[Task]:
        """In a regulation's duty, a clause after a semicolon that opens with its own time and has its own action
        (``…; định kỳ trước ngày 31 tháng 12 hằng năm báo cáo kết quả …``): a task of its own, same assignee."""
        text, key = self.text, self.key
        cuts = [m.end() for m in _CLAUSE.finditer(text, t.span[0], t.span[1])]
        if not cuts:
            return [t]
        bounds = [(a, m.start() if (m := _STOP.search(text, a, b)) else b) for a, b in zip(cuts, cuts[1:] + [t.span[1]])]
        # (only a clause that opens with its time: "…, hoàn thành trước ngày …" at a clause's end closes the whole item)
        # (a bare frequency is the duty's own cycle: "1. Chính phủ hướng dẫn …; hằng năm báo cáo Quốc hội …", doc_000541)
        own = [(a, b, f) for a, b in bounds if (f := next((d for d in self.scans.deadlines_in(a, b) if d.strong and d.form != "frequency"), None)) is not None
               and f.start - a <= 2 and names.verb_at(text, key, f.end, b) is not None]
        if not own and any(d.strong for d in self.scans.deadlines_in(t.span[0], cuts[0])):
            # "Bộ Tư pháp … kết nối …, hoàn thành trước ngày 31 tháng 12 năm 2023; có trách nhiệm hoàn thiện phần mềm …,
            # hoàn thành trước ngày 31 tháng 12 năm 2023" (nd99_2022): after a dated duty, a clause that opens with its
            # own verb and closes with its own date is a duty of its own
            own = [(a, b, f) for a, b in bounds if names.verb_at(text, key, a, b) == a
                   and (f := next((d for d in self.scans.deadlines_in(a, b) if d.strong), None)) is not None]
        if not own:
            return [t]
        head_end = own[0][0]
        head, _, _ = self._deadline(t.span[0], head_end)
        first = t.model_copy(update={"deadline": head, "span": (t.span[0], head_end)})
        out = [first]
        for a, b, f in own:
            out.append(Task(assignee=t.assignee, lead=list(t.lead), support=[], action=_action(text, a, b), deadline=self.listed.get((f.start, f.end)) or _deadline(text, f), provision=t.provision, span=(a, b)))
        return out

    def _dated(self, d: Deadline | None) -> bool:
        anchor = self.scans.anchor
        if d is None or anchor is None or d.kind not in ("date", "period") or not d.date or not _YEAR.search(d.text or ""):
            return False  # ("trước ngày 30 tháng 12" with no year: the same day every year, a rule)
        return d.date >= anchor.isoformat()[: len(d.date)]  # on or after the document's date: still to be done

    def _unit(self, u: Unit) -> list[Task]:
        if u.allowed and not u.heading and names.flattened(self.text, u.start, u.end, self.cells):
            self._deadline(u.start, u.end)  # a table a PDF gives line by line: who does what cannot be read
            self.ctx.warn("task_assignee_unclear", f"tasks: a table read as lines, its rows not read as tasks: {squash(self.text[u.start:u.start + 100])!r}", (u.start, u.end))
            return []
        if u.heading or not u.allowed:
            self._deadline(u.start, u.end)  # the deadlines of every unit are the document's, tasks or not
            return [] if not u.items or not u.allowed else [t for a, b in u.items if (t := self._item(a, b, u)) is not None]
        if u.lead is not None:
            task = self._item(u.start, u.end, u)
            return [task] if task is not None else []
        found = self._sentences(u)
        if u.asked is None or any(t.lead for t in found):
            return found  # (a dated sentence with no one named is read as a task without a lead)
        asked = replace(u, lead=u.asked[0], support=u.asked[1])  # an item the opening request's bodies are to do
        task = self._item(u.start, u.end, asked)
        return [task] if task is not None else []

    def _item(self, start: int, end: int, u: Unit) -> Task | None:
        """One item under a heading: a task of the heading's body unless the item names its own."""
        text, key = self.text, self.key
        body = _label_end(text, start, end)
        deadline, _, _ = self._deadline(start, end)
        if scope.catch_all(key, body, end) or not text[body:end].strip() or key.startswith(_NOT_TASK, body):
            return None
        own = body + len(text[body:end]) - len(text[body:end].lstrip(" -–+•*\n"))
        if (names.HEAD_RE.match(key, own, end) or POSITION_START.match(key, own, end)) and names.verb_at(text, key, own, end) is None:
            return None  # "- Thứ trưởng Bộ Tư pháp Nguyễn Thanh Tịnh.": a member named in a list, nothing to do
        lead = list(u.lead or [])
        action_start = body
        found = names.name_at(text, key, body, end)
        if found is None and (trigger := names.TRIGGER.match(key, own, end)) is not None:
            span = names.name_span(text, key, trigger.end(), end, need_verb=True)  # "4. Giao Văn phòng UBND tỉnh theo dõi …"
            found = span[:3] if span is not None else None
        if found is not None and not self.assignees.issuer(found[0]):
            lead, action_start = names.items(found[0]), found[2]
            if key.startswith(_NOT_TASK, action_start):
                return None  # "Người đứng đầu … chịu trách nhiệm trước UBND tỉnh … nếu để xảy ra …"
        support = support_of.all_support(text, key, action_start, end)  # every "phối hợp với …" of the item
        support += [x for x in u.support if x not in support and lead == list(u.lead or [])]  # the request's above
        action = _action(text, action_start, end)
        return Task(assignee=", ".join(lead) or None, lead=lead, support=support, action=action, deadline=deadline, provision=u.path, span=(start, end))

    def _sentences(self, u: Unit) -> list[Task]:
        text, key, scans = self.text, self.key, self.scans
        start, end, path = u.start, u.end, u.path
        if scans.quiet(start, end) and (path is None or (u.dated and parent_path(path) not in self.time_clauses)):
            return []  # no trigger, asking word or deadline: a paragraph outside the numbered structure asks no one,
            # a regulation's rule has no date for its assignee (``unit`` keeps dated ones only); most of a regulation
        unit: list[tuple[Task, bool]] = []  # each task with whether its deadline was stated outright
        first = u.body if u.body is not None and u.body < end else start  # "Điều 56. Trách nhiệm thi hành" is no sentence
        sentence_starts = sorted(set(scans.sentence_starts(first, end)) | set(self._time_clauses(first, end)))
        unit_triggers = sorted(scans.triggers_in(start, end))
        trigger_starts = [a for a, _ in unit_triggers]
        sentence_ends = sentence_starts[1:] + [end]
        skip = start
        for i, (s, e) in enumerate(zip(sentence_starts, sentence_ends)):
            if s < skip:
                continue
            body_start = _label_end(text, s, e) if i == 0 and path else s
            lo_t, hi_t = bisect_left(trigger_starts, body_start), bisect_left(trigger_starts, e)  # the sentence's own
            triggers = [(a, b) for a, b in unit_triggers[lo_t:hi_t] if b < e]
            # "Trung tâm sẽ …, mời …": the issuer's own plan, in the trigger's clause ("…, dự kiến sẽ được hỗ trợ …;
            # đề nghị Ủy ban nhân dân tỉnh báo cáo …" asks all the same)
            triggers = [(a, b) for a, b in triggers if not hedges.planned(key, max(body_start, key.rfind(";", body_start, a) + 1), a)]
            notice = [m.span() for m in TASKS.notice_for.finditer(key, body_start, e)]  # "… thông báo để X biết, thực hiện"
            triggers += notice
            if (opening := names.OPENING.match(self.key, body_start, e)) is not None:
                triggers.insert(0, opening.span())  # "Kiến nghị Ủy ban nhân dân tỉnh chỉ đạo …"
            colon = key.find(":", body_start, e)
            if colon >= 0 and not any(a < colon for a, _ in triggers) and names.composition(text, key, body_start, colon):
                stop = _FULL_STOP.search(key, colon, end)  # "… gồm …: A, B; (C; D); E." a member list to its full stop,
                skip = stop.end() if stop else end  # over the semicolons (ld_030 scanned: no task in any of its parts)
                continue
            who = None
            if triggers or names.HEAD_RE.match(key, body_start, e) or colon >= 0:
                who = self.assignees.who(body_start, e, triggers)
                listed_on = triggers or (names.HEAD_RE.match(key, body_start, e) and text[body_start:e].rstrip().endswith(";"))
                if who is None and listed_on and i + 1 < len(sentence_starts):
                    # "Yêu cầu Thủ trưởng các Sở, ban, ngành tỉnh; Chủ tịch UBND các huyện … khẩn trương …", "Chánh Văn
                    # phòng …; Giám đốc Sở Nội vụ; … chịu trách nhiệm thi hành": the name list runs over a semicolon;
                    # the sentence goes on to the one where its action is
                    far = self.assignees.who(body_start, min(end, e + names.MAX_ASSIGNEE_CHARS), triggers)
                    if far is not None and far[2] > e:
                        who, e = far, next((x for x in sentence_ends if x > far[2]), end)
                        skip = e
            if who is None and path is not None and key.startswith(_OPENERS, body_start):
                who = self.assignees.after_opener(body_start, e)  # "Ngay sau kỳ nghỉ Tết, các cơ quan, tổ chức, đơn vị khẩn trương …"
            timed = who is None and path is None and (who := self.assignees.after_time(body_start, e, limit=True)) is not None
            # ("Trước ngày 15/12/2025, Sở Tài chính chủ trì …": a paragraph that opens with its time limit assigns)
            if who is None and path is not None:
                who = self.assignees.after_time(body_start, e)  # "Hàng quý, Chủ tịch ủy ban nhân dân cấp dưới báo cáo …"
            if who is None and path is not None and i == 0:
                who = self.assignees.after_title(body_start, e)  # "2. Tăng cường công tác …" / "Các bộ, … tổ chức …"
            if who is None and path is not None:
                who = self.assignees.after_case(body_start, e)  # "Đối với báo cáo … năm 2025 thì Hội đồng Dân tộc … gửi …"
            if who is not None and notice and who[1] < notice[0][1]:
                who = None  # "Văn phòng UBND tỉnh thông báo để … biết.": the office that speaks; the named ask nothing
            if who is None and u.dated:
                who = self.assignees.agent(body_start, e)
            if path is None and who and not triggers and not timed:
                who = None  # outside the numbered structure only "Giao/Đề nghị/Yêu cầu …" or a time limit assigns work
            deadline, strong, f = self._deadline(s, e)
            # a request that opens the sentence or a clause of it ("Để sớm ổn định tổ chức, đề nghị các đồng chí …")
            asks = [(a, b) for a, b in triggers if (a == body_start or (key[max(body_start, a - 2) : a] == ", " and names.HEAD_RE.match(key, b, e)))
                    and key.startswith(("giao", "đề nghị", "yêu cầu"), a) and not key.startswith(("của ", "tại "), b)]
            unclear = who is None and bool(asks)
            if who and ((_INTRO.search(key, s, e) and not refs.invitation(key, s, e)) or key.startswith(_NOT_TASK, who[2])):
                who = None  # an intro that announces the list below (an invitation is a task all the same: "mời
                # các sở … cùng tham dự Hội nghị nêu trên như sau:"), or accountability: no task of its own
            elif who and not triggers and hedges.planned(key, who[1], who[2]):
                who = None  # "Cục … sẽ thường xuyên hướng dẫn …": what the named body will do, not asked of it
            if who:
                name, _, action_start = who
                support, at, after = support_of.support(text, key, action_start, e)
                if at != action_start or not support:
                    support, _, _ = support_of.support(text, key, action_start, e, anywhere=True)
                    after = action_start
                lead = names.items(name)
                if (chairs := table.marked(name)) is not None:  # "Giao Sở A (chủ trì), Sở B, Sở C rà soát …"
                    lead, support = chairs[0], chairs[1] + [x for x in support if x not in chairs[1]]
                own = None if notice else path  # the closing of a notice, after the last item, is in none of them
                task = Task(assignee=name, lead=lead, support=support, action=_action(text, after, e), deadline=deadline, provision=own, span=(s, e))
                unit.append((task, strong))
            elif u.dated and deadline is not None and not triggers and path and "." in path and self._dated(deadline):
                self.time_clauses.setdefault(path.rsplit(".", 1)[0], deadline)  # (who does it: the next clauses)
            elif unclear:  # "Đề nghị … tham gia ý kiến": a request that names no one asks the letter's one addressee
                sole = refs.sole_recipient(self.ctx, self.normative, text, key, asks[0][1])  # (several, or none: unclear)
                if sole is None:
                    self.ctx.warn("task_assignee_unclear", f"tasks: no clear assignee after the request: {squash(text[asks[0][0]:min(e, asks[0][0] + 140)])!r}", (s, e))
                unit.append((Task(assignee=sole, lead=[sole] if sole else [], action=_action(text, asks[0][1], e), deadline=deadline, provision=path, span=(s, e)), strong))
            elif deadline is not None and unit and (unit[-1][0].deadline is None or (strong and not unit[-1][1])) \
                    and self._goes_with(unit[-1][0].span[1], s, body_start, f):
                last = unit[-1][0]
                last.deadline, last.span = deadline, (last.span[0], e)
                unit[-1] = (last, strong)
            elif deadline is not None and f is not None and path is not None and _EXPLICIT.search(key, max(s, f.start - 80), f.end) and not key.startswith(_APPROVAL, body_start) \
                    and joined(text, unit[-1][0].span[1] if unit else first, s):
                # (a time limit in a later paragraph of prose, with no one named, is a rule of its own: "Thời hạn kê khai
                # truy nộp thuế là 02 (hai) ngày kể từ …", btc_tt40_2000)
                prev = unit[-1][0] if unit else None
                lead = list(prev.lead) if prev else []
                unit.append((Task(assignee=prev.assignee if prev else None, lead=lead, action=_action(text, body_start, e), deadline=deadline, provision=path, span=(s, e)), strong))
        return [t for t, _ in unit]

    def _goes_with(self, end: int, s: int, body_start: int, f: deadlines.FoundDeadline | None) -> bool:
        """Whether the time of a sentence that names no one belongs to the task before it (ending at ``end``): in the
        same paragraph, or a paragraph that opens saying by when (``Thời hạn hoàn thành: …``) or with its time.
        In a regulation a later paragraph of prose with its own time is a rule of its own (btc_tt40_2000: "Cục thuế …
        chịu trách nhiệm quyết toán …." then "Đến năm thứ 5 …, trong thời hạn 2 (hai) ngày sau khi quyết toán … sẽ
        phải kê khai"); a letter's request goes on over a footnote or a page break that looks like one (ld_070)."""
        if f is None or not self.normative or joined(self.text, end, s):
            return True
        return f.start - body_start <= 2 or _EXPLICIT.match(self.key, body_start) is not None

    def _time_clauses(self, start: int, end: int) -> list[int]:
        """Where a clause that opens with its own time and its own assignee starts inside a sentence (``…, sáu tháng
        một lần, Chủ tịch ủy ban nhân dân tỉnh … báo cáo Chính phủ``; after a semicolon): a task of its own."""
        out, key = [], self.key
        for d in self.scans.deadlines_in(start, end):
            before = d.start  # the last character before the time that is not a space (no slice: a sentence can be a whole table)
            while before > start and key[before - 1] == " ":
                before -= 1
            if before > start and key[before - 1] in ",;" and self.assignees.after_time(d.start, end) is not None:
                out.append(d.start)
        return out


def _action(text: str, start: int, end: int) -> str:
    return squash(text[start:end]).strip(" ;,:")


_deadline = deadlines.to_model  # one converter from a found deadline to the output's
