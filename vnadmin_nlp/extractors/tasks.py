"""Tasks: who (assignee), what (action), by when (deadline), in which provision.

A task is read sentence by sentence inside each provision (or body paragraph): the assignee is a body or an
office-holder named after ``Giao``/``Đề nghị``/``Yêu cầu``, after a colon (``…: Cục Chuyển đổi số quốc gia đưa
nền tảng vào vận hành``) or at the start of the provision (``Bộ Tư pháp có trách nhiệm …``), and ends where the
action verb starts.  A deadline in a later sentence of the same provision (``Thời hạn hoàn thành: 31/10/2022``)
belongs to the task before it.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from typing import Iterator

import regex

from ..data import load
from ..lexicon.fold import fold
from ..lexicon.spaces import squash
from ..model import Deadline, Task
from ..patterns import alternation, compile_section, first_word_match, word_scanner
from . import deadlines
from .base import Context
from .fields import TasksFields
from .registry import extractor

_T = load("tasks")
_B = load("bodies")
_HEADS = sorted({fold(h) for h in _T["assignee_heads"]} | {fold(k) for k in _B["body_kinds"]}, key=len, reverse=True)
_VERBS = sorted((fold(v) for v in _T["action_verbs"]), key=len, reverse=True)
# Scanned over whole documents, so compiled for speed (see word_scanner); _starts_word checks the trigger hits.
_TRIGGER = word_scanner((fold(t) for t in _T["assign_triggers"]), r"\s+(?=\S)")
_HEAD_RE = word_scanner(_HEADS)  # matched at each sentence start
_VERB_RE = word_scanner(_VERBS)
_WORD_THEN_DIGIT = regex.compile(r"\p{L}+\s+\d")
_LOWER_HEADS = tuple(fold(h) for h in _T["lowercase_heads"])
_BARE_KINDS = {fold(k) for k in _B["body_kinds"]}
_NOT_STARTS = tuple(fold(h) for h in _T["not_assignee_starts"])
_NOT_IN_NAME = regex.compile(r"(?<![\p{L}])" + alternation(fold(w) for w in _T["not_in_name"]) + r"(?![\p{L}])")
# Sentence ends: punctuation before a new sentence or item, or a line break before a list marker.  A bare line
# break is not one: PDF text breaks sentences at every visual line.
_SENTENCE_END = regex.compile(r"[.;!?]\s+(?=\p{Lu}|[-–+•])|\n+(?=[-–+•]|\d{1,3}[.)]\s|[a-zđ]\)\s)")
_EXPLICIT = regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(fold(w)) for w in _T["explicit_deadline_markers"]) + r")(?![\p{L}])")
MAX_ASSIGNEE_CHARS = 200
TASKS = compile_section("tasks")  # label


def _anchor(ctx: Context) -> dt.date | None:
    date = ctx.fields.get("date")
    try:
        return dt.date.fromisoformat(date) if date and len(date) == 10 else None
    except ValueError:
        return None


def _starts_word(key: str, pos: int) -> bool:
    return pos == 0 or not key[pos - 1].isalpha()


def _assignee(ctx: Context, start: int, end: int, at_start: bool, after_triggers: list[int]) -> tuple[str, int, int] | None:
    """The assignee in the sentence ``[start, end)`` and where the action starts (``after_triggers``: where the
    triggers in the sentence end)."""
    key = ctx.page.key
    candidates = list(after_triggers)
    colon = key.find(":", start, end)
    if colon >= 0:
        pos = colon + 1
        while pos < end and key[pos] == " ":
            pos += 1
        candidates.append(pos)
    if at_start:
        candidates.append(start)
    for pos in candidates:
        if not _HEAD_RE.match(key, pos, end):
            continue
        if not ctx.text[pos].isupper() and not key.startswith(_LOWER_HEADS, pos):
            continue
        if key.startswith(_NOT_STARTS, pos) or _WORD_THEN_DIGIT.match(key, pos, pos + 12):
            continue  # "Trường hợp …", "Bộ luật …", "Vụ 2: …"
        found = first_word_match(_VERB_RE, key, pos + 1, min(end, pos + MAX_ASSIGNEE_CHARS))
        if found is None:
            continue
        verb = found.start()
        name = ctx.text[pos:verb].strip(" ,;:-")
        if ":" in name:  # "Sở Kế hoạch và Đầu tư: Kịp thời thông báo …": the name ends at the colon
            name = name.split(":", 1)[0].strip(" ,;-")
        words = name.split()
        if len(words) < 2 or "\n" in name or len(words) > 25 or _NOT_IN_NAME.search(key, pos, verb):
            continue
        if fold(name) in _BARE_KINDS:
            continue  # "Thanh tra, kiểm tra, giám sát …": a kind of body alone names no one (here a verb)
        return name, pos, verb
    return None


class _Scans:
    """What tasks look for in every sentence, found once over the whole stretch ``[start, end)`` of the text:
    one scan of a long text costs far less than a scan per sentence."""

    def __init__(self, text: str, key: str, start: int, end: int, anchor: dt.date | None) -> None:
        self.key, self.anchor = key, anchor
        self.triggers = [m for m in _TRIGGER.finditer(key, start, end) if _starts_word(key, m.start())]
        self.trigger_starts = [m.start() for m in self.triggers]
        self.deadlines = deadlines.find(key, start, end, anchor)
        self.deadline_starts = [d.start for d in self.deadlines]
        self.breaks = [m.span() for m in _SENTENCE_END.finditer(text, start, end)]
        self.break_starts = [b[0] for b in self.breaks]

    def sentence_starts(self, start: int, end: int) -> list[int]:
        """Where the sentences of ``[start, end)`` start (a break must be followed by a character inside it)."""
        i, j = bisect_left(self.break_starts, start), bisect_left(self.break_starts, end)
        return [start] + [e for _, e in self.breaks[i:j] if e < end]

    def triggers_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the triggers in ``[start, end)`` (one that runs to ``end`` would not match there)."""
        i, j = bisect_left(self.trigger_starts, start), bisect_left(self.trigger_starts, end)
        return [m.span() for m in self.triggers[i:j] if m.end() < end]

    def deadlines_in(self, start: int, end: int) -> list[deadlines.FoundDeadline]:
        """The deadlines of ``[start, end)``; found again in the unit alone where one crosses its edges."""
        found, starts = self.deadlines, self.deadline_starts
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        if (j > i and found[j - 1].end > end) or (i > 0 and found[i - 1].end > start):
            return deadlines.find(self.key, start, end, self.anchor)
        return found[i:j]


def _units(ctx: Context) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, provision path) of each stretch of own text: provisions, then body paragraphs outside them."""
    doc_provisions = ctx.fields.get("provisions") or []
    stack = list(reversed(doc_provisions))
    covered: list[tuple[int, int]] = []
    while stack:
        p = stack.pop()
        yield p.span[0], p.span[1], p.path
        covered.append(p.span)
        stack.extend(reversed(p.children))
    body_start, body_end = ctx.layout.body
    first = min((s for s, _ in covered), default=body_end)
    for m in regex.finditer(r"[^\n]+", ctx.text[body_start:first]):
        yield body_start + m.start(), body_start + m.end(), None


@extractor("tasks", requires=("date", "provisions", "issuer"), assigns=("tasks", "deadlines"))
def extract(ctx: Context) -> TasksFields:
    anchor = _anchor(ctx)
    issuer = ctx.fields.get("issuer")
    own = {fold(issuer.name), fold(issuer.text)} if issuer else set()
    text, key = ctx.text, ctx.page.key
    tasks: list[Task] = []
    units = list(_units(ctx))
    if not units:
        return {"tasks": tasks, "deadlines": []}
    listed: dict[tuple[int, int], Deadline] = {}
    scans = _Scans(text, key, min(u[0] for u in units), max(u[1] for u in units), anchor)
    for start, end, path in units:
        unit: list[tuple[Task, bool]] = []  # each task with whether its deadline was stated outright
        unit_deadlines = scans.deadlines_in(start, end)
        sentence_starts = scans.sentence_starts(start, end)
        unit_triggers = scans.triggers_in(start, end)
        sentence_ends = sentence_starts[1:] + [end]
        for i, (s, e) in enumerate(zip(sentence_starts, sentence_ends)):
            body_start = _label_end(text, s, e) if i == 0 and path else s
            after_triggers = [b for a, b in unit_triggers if body_start <= a and b < e] if unit_triggers else []
            who = None
            if after_triggers or _HEAD_RE.match(key, body_start, e) or key.find(":", body_start, e) >= 0:
                who = _assignee(ctx, body_start, e, True, after_triggers)  # else no place where a name can start
            if path is None and who and not any(s <= a and b < e for a, b in unit_triggers):
                who = None  # outside the numbered structure only "Giao/Đề nghị/Yêu cầu …" assigns work
            if who and any(o.startswith(fold(who[0])) for o in own):
                who = None  # "Bộ Thông tin và Truyền thông thông báo …": the issuer speaking, not a task
            found = [d for d in unit_deadlines if s <= d.start < e] if unit_deadlines else None
            deadline, strong = None, False
            if found:
                for d in found:
                    if (d.start, d.end) not in listed:
                        listed[(d.start, d.end)] = _deadline(text, d)
                f = max(found, key=lambda d: d.strong)  # "Thời hạn hoàn thành: …" over "đến cuối năm …"
                deadline = listed[(f.start, f.end)]
                strong = f.strong
            if who:
                name, _, action_start = who
                support, action_start = _support(ctx, action_start, e)
                action = squash(text[action_start:e]).rstrip(" ;,")
                task = Task(assignee=name, lead=_items(name), support=support, action=action, deadline=deadline, provision=path, span=(s, e))
                unit.append((task, strong))
            elif deadline is not None and unit and (unit[-1][0].deadline is None or (strong and not unit[-1][1])):
                last = unit[-1][0]
                last.deadline, last.span = deadline, (last.span[0], e)
                unit[-1] = (last, strong)
            elif deadline is not None and path is not None and _EXPLICIT.search(key, max(s, f.start - 80), f.end):
                action = squash(text[body_start:e]).rstrip(" ;,")
                prev = unit[-1][0].assignee if unit else None
                lead = list(unit[-1][0].lead) if unit else []
                unit.append((Task(assignee=prev, lead=lead, action=action, deadline=deadline, provision=path, span=(s, e)), strong))
        tasks.extend(t for t, _ in unit)
    ordered = [listed[k] for k in sorted(listed)]
    index = {id(d): i for i, d in enumerate(ordered)}
    for t in tasks:
        if t.deadline is not None:
            t.deadline_index = index.get(id(t.deadline))
    return {"tasks": tasks, "deadlines": ordered}


def _deadline(text: str, f: deadlines.FoundDeadline) -> Deadline:
    anchor = f.anchor
    if f.anchor_span is not None:
        anchor = squash(text[f.anchor_span[0] : f.anchor_span[1]])
    return Deadline(
        date=f.date, text=squash(text[f.start : f.end]), relative=f.relative, kind=f.kind,  # type: ignore[arg-type]
        duration=f.duration, working_days=f.working_days, anchor=anchor, rule=f.rule, day=f.day,  # type: ignore[arg-type]
        start=f.start_date, end=f.end_date, span=(f.start, f.end),
    )


_SPLIT = regex.compile(r"\s*(?:[,;]|\s(?=và\s))\s*(?:và\s+)?")
# Words that end a list of bodies: "phối hợp với Bộ Nội vụ trong việc theo dõi" names Bộ Nội vụ, then the matter.
_NOT_IN_SUPPORT = regex.compile(r"\s(?:trong|về|để|theo|tại|việc|nhằm|khi)\s")
_SUPPORT = regex.compile(r"(?:chủ\s+trì\s*,?\s*(?:và\s+)?)?phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với\s+")


def _items(name: str) -> list[str]:
    """The bodies of a name list, one item each: split at a comma, semicolon or "và" only where a new body starts
    (a capitalised head: "Sở …", "UBND …"); "các phòng, ban, đơn vị" and "Các bộ, các tỉnh" stay one collective
    item."""
    parts: list[str] = []
    pos = 0
    for m in _SPLIT.finditer(name):
        rest = name[m.end():]
        if not rest or not (_HEAD_RE.match(fold(rest)) and rest[0].isupper()):
            continue
        parts.append(name[pos : m.start()])
        pos = m.end()
    parts.append(name[pos:])
    return [p.strip(" ,;:.") for p in parts if p.strip(" ,;:.")]


def _support(ctx: Context, start: int, end: int) -> tuple[list[str], int]:
    """``chủ trì, phối hợp với Y <verb> …`` (or ``phối hợp với Y <verb> …``): the bodies Y, and where the action
    starts (after them)."""
    key = ctx.page.key
    m = _SUPPORT.match(key, start, end)
    if not m:
        return [], start
    found = first_word_match(_VERB_RE, key, m.end() + 1, min(end, m.end() + MAX_ASSIGNEE_CHARS))
    stop = found.start() if found is not None else None
    matter = _NOT_IN_SUPPORT.search(key, m.end(), stop if stop is not None else min(end, m.end() + MAX_ASSIGNEE_CHARS))
    if matter is not None:  # "phối hợp với Bộ Nội vụ trong việc theo dõi …": the bodies end before the matter
        stop = matter.start() + 1
    if stop is None:
        return [], start
    names = ctx.text[m.end() : stop].strip(" ,;:-")
    if not names or "\n" in names or _NOT_IN_NAME.search(key, m.end(), stop) or not _HEAD_RE.match(key, m.end(), end):
        return [], start
    return _items(names), stop


def _label_end(text: str, start: int, end: int) -> int:
    m = TASKS.label.match(text, start, end)
    return m.end() if m else start
