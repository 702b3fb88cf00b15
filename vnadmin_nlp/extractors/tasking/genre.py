"""What a tờ trình, báo cáo or biên bản can hold as tasks and deadlines (data/genres.yaml).

Such a document submits, reports or records: its prose narrates work done (``Ban Chấp hành duy trì các cuộc họp
định kỳ …``), lists the bodies concerned under capital headings, quotes rules and other bodies' requests, and asks
its superior to decide.  None of that is work handed out.  What it assigns is written as an assignment that opens
its sentence or item (``2. Giao Công an tỉnh chủ trì …``, ``3. Kính mời đồng chí …``) or as a task table; the
request to the superior it is addressed to (``Đề nghị Chủ tịch UBND tỉnh xem xét, cho phép …``) is the submission
itself.  Its deadlines are those of its assignments; a tờ trình adds the times its own proposals set (``Sở Nội vụ
đề xuất … gia hạn … đến ngày 31/12/2024``).  Other kinds of document are left as they are read.
"""
from __future__ import annotations

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ...model import Deadline, Task
from ..base import Context
from .units import label_end

_G = load("genres")
_KINDS = {fold(k) for k in _G["kinds"]}
_TO_TRINH = fold("Tờ trình")  # (the one genre whose proposals set times of their own)
_OPENER = lazy_regex(r"(?:" + "|".join(escape(fold(w)) for w in sorted(_G["assignment_openers"], key=len, reverse=True)) + r")(?![\p{L}])")
_SUBMISSION = tuple(fold(w) for w in _G["submission_actions"])
_REQUEST = tuple(fold(w) for w in ("đề nghị", "kính đề nghị", "văn bản đề nghị", "công văn đề nghị"))
_CUE = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in _G["proposal_deadline_cues"]) + r")(?![\p{L}])")
_LABEL = tuple(fold(w) for w in _G["time_labels"])
# Where a sentence starts: after its end mark and the space or line break that follows it.
_SENTENCE_END = lazy_regex(r"[.!?;][\"”)]*\s+")
_MARKS = " \t\n-–+•*"


def genre(ctx: Context) -> str | None:
    """The folded genre name when the document is one of data/genres.yaml's kinds, else None."""
    doc_type = ctx.fields.get("doc_type")
    if doc_type is not None and doc_type.name:
        name = fold(doc_type.name)
        return name if name in _KINDS else None
    # no type read (an OCR'd title "BÁO CÁO ĐÈ XUẤT" with an unknown symbol code "BCĐX", ld_071; a photo's "TỜ TRÌNH"
    # read as the body's first line, ld_060): a line in capitals of the header or the body's first that opens with one
    start = ctx.layout.body[0]
    stop = ctx.text.find("\n", start)
    for line in ctx.text[: stop if stop >= 0 else len(ctx.text)].split("\n"):
        head = fold(line.strip())
        if line.strip().isupper() and (kind := next((k for k in _KINDS if head == k or head.startswith(k + " ")), None)):
            return kind
    return None


def restrict(ctx: Context, tasks: list[Task], listed: dict[tuple[int, int], Deadline]) -> list[Task]:
    """The tasks such a document assigns (``listed``, its deadlines, is cut to theirs and its proposals' in place);
    any other document's tasks unchanged."""
    kind = genre(ctx)
    if kind is None:
        return tasks
    text, key = ctx.text, ctx.page.key
    kept = [t for t in tasks if t.source == "table" or _assigns(text, key, t)]
    spans = [t.span for t in kept]
    own = {id(t.deadline) for t in kept if t.deadline is not None}
    for at, d in list(listed.items()):
        if id(d) in own or any(a <= at[0] and at[1] <= b for a, b in spans):
            continue
        if (kind == _TO_TRINH and _proposed(key, at[0])) or _labelled(key, at[0]):
            continue
        del listed[at]
    return kept


def _assignment_at(text: str, key: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the assignment opener a sentence or item opens with (after its label and list marks), if any."""
    pos = label_end(text, start, end)
    pos += len(key[pos:end]) - len(key[pos:end].lstrip(_MARKS))
    m = _OPENER.match(key, pos, end)
    return m.span() if m else None


def _assigns(text: str, key: str, t: Task) -> bool:
    """Whether a task read from prose opens with an assignment that is not the submission to the superior."""
    start, end = t.span
    opener = _assignment_at(text, key, start, end)
    if opener is None or text[opener[0] : opener[1]].isupper():
        return False  # (a heading in capitals: "CÁC HỘI DO ĐẢNG, NHÀ NƯỚC" / "GIAO NHIỆM VỤ CỦA CÁC TỈNH …", ld_023)
    if key[opener[0] : opener[1]] in _REQUEST and fold(t.action).lstrip(" ,:").startswith(_SUBMISSION):
        return False  # "Kính đề nghị Văn phòng UBND tỉnh thẩm định, trình …": the submission itself
    return True


def _labelled(key: str, start: int) -> bool:
    """Whether the line of a time opens with a time label (``+ Thời gian: Dự kiến tổ chức …, từ ngày …``)."""
    line = key.rfind("\n", 0, start) + 1
    return key[line:start].lstrip(_MARKS).startswith(_LABEL)


def _proposed(key: str, start: int) -> bool:
    """Whether the sentence of a time, before it, proposes or sets a limit (``… đề xuất … đến ngày …``)."""
    lo = max(0, start - 600)
    ends = list(_SENTENCE_END.finditer(key, lo, start))
    first = ends[-1].end() if ends else lo
    return _CUE.search(key, first, start) is not None
