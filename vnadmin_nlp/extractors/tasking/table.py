"""Task tables: a plan's table that assigns one task per row (``Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan
phối hợp | Thời gian hoàn thành``; a legislative programme's ``Tên dự án | Cơ quan trình | Cơ quan chủ trì thẩm
tra | Cơ quan tham gia thẩm tra | Tiến độ trình``).

The readers' cells (``ctx.cells``: DOCX, HTML, RTF, .doc, Markdown tables, and a text-layer PDF's ruled tables,
readers/pdf/table_cells.py) are grouped into rows.  The header row is found by its words (``patterns.yaml``, section
``tasks``, ``table_*``): a table is a task table when one column is a lead column.  Each row under it is then one
task per lead column, with the lead column's bodies as ``lead``, the support column's as ``support`` and the
time column's cell as the deadline.  When a table has several lead columns (``Cơ quan trình`` and ``Cơ quan chủ
trì thẩm tra``), a support or time column goes with the lead column whose words it repeats (``Cơ quan tham gia
thẩm tra`` with ``… chủ trì thẩm tra``, ``Tiến độ trình`` with ``Cơ quan trình``).

A row whose lead cell does not read as a body's name gives no task (a wrong assignee is worse than none): the
cell is quoted in a ``task_assignee_unclear`` warning.  A lead cell left out of a row (merged with the one above
it, ``rowspan``) takes the body of the row above; a time cell so merged, its time.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Sequence

import regex

from ...lexicon.bodies import names_a_body
from ...lexicon.fold import fold
from ...lexicon.spaces import squash
from ...model import Deadline, Provision, Task
from ...patterns import compile_section
from .. import deadlines
from ..base import Cell, Context
from . import names
from ...lexicon.lazy import lazy_regex

_P = compile_section("tasks")
_HEADER_ROWS = 3  # the header is among a table's first rows (a title row, a two-row header)
_MAX_DEADLINE_CELL = 80  # a longer time cell gives the phrase that holds the time, not the whole cell
_MAX_ACTION_WORDS = 25
_GENERIC = {"co", "quan", "don", "vi", "chu", "tri", "thuc", "hien", "phoi", "hop", "tham", "gia", "bo", "phan"}
_BODY_NOUN = lazy_regex(r"^(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)(?:\s*[,/]\s*(?:cơ\s+quan|đơn\s+vị))*\s+")
_WORD = lazy_regex(r"\p{L}+")
_EDGE_NOISE = lazy_regex(r"^[^\w(]+|[^\w)]+$")  # no header's words open or end with a mark but a bracket
_ROW_LABEL = lazy_regex(r"\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]{1,6}\.?")  # a data row's number: "1", "2.1", "IV"
_MARK = lazy_regex(r"\s*\((?:cơ\s+quan\s+|đơn\s+vị\s+)?(?:chủ\s+trì|đầu\s+mối|thường\s+trực)\)", regex.IGNORECASE)  # "Sở Y tế (chủ trì)"
_CHAIRS = lazy_regex(r"chủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp(?:\s+với)?\s+")  # "Sở A chủ trì, phối hợp Sở B": lead and support in one cell


@dataclass
class _Column:
    """A task table's column and the role its header gives it."""

    col: int
    role: str  # lead, support, deadline, content
    header: str  # as printed, squashed
    key: str  # folded


@dataclass
class TableTask:
    """A task read from a table row, with the span of its deadline cell."""

    task: Task
    deadline_span: tuple[int, int] | None = None


@dataclass
class TableReading:
    """What a document's task tables gave, and the rows the sentence reader must leave alone."""

    tasks: list[TableTask] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    regions: list[tuple[int, int]] = field(default_factory=list)  # the rows under each task table's header
    unclear: list[tuple[str, tuple[int, int]]] = field(default_factory=list)  # (message, span) for warnings


def role(header: str) -> str | None:
    """What a column holds, from its header cell's words (None: nothing a task needs)."""
    key = _EDGE_NOISE.sub("", fold(squash(header)))  # a scan's speck before the words ("¡ Cơ quan thực hiện")
    if not key or len(key) > 80:
        return None
    if _P.table_support.search(key) and not regex.search(r"chủ\s+trì", key):
        return "support"
    if _P.table_lead.search(key):
        return "lead"
    if _P.table_deadline.search(key):
        return "deadline"
    if _P.table_content.search(key):
        return "content"
    if _P.table_bare_body.search(key):
        return "body"  # a lead column only beside a column of tasks and one of times (_bare_lead)
    return None


def _bare_lead(roles: dict[int, tuple[str | None, Cell]], text: str) -> None:
    """A header row with no lead column but one headed by a body noun alone (``Đơn vị``), a column of tasks
    (``Nhiệm vụ``) and one of times: that column is the lead column; otherwise it holds nothing a task needs."""
    bare = [col for col, (x, _) in roles.items() if x == "body"]
    tasks = any(x == "content" and _P.table_task_content.search(fold(squash(text[c.span[0]:c.span[1]])))
                for x, c in roles.values())
    lead = (len(bare) == 1 and tasks and any(x == "deadline" for x, _ in roles.values())
            and not any(x in ("lead", "support") for x, _ in roles.values()))
    for col in bare:
        roles[col] = ("lead" if lead else None, roles[col][1])


def _rows(cells: Sequence[Cell]) -> dict[int, dict[int, dict[int, Cell]]]:
    tables: dict[int, dict[int, dict[int, Cell]]] = {}
    for c in cells:
        tables.setdefault(c.table, {}).setdefault(c.row, {})[c.col] = c
    return tables


def _header(text: str, rows: dict[int, dict[int, Cell]]) -> tuple[list[_Column], int] | None:
    """The columns of a task table and the last header row, or None when the table assigns nothing."""
    order = sorted(rows)[:_HEADER_ROWS]
    found: dict[int, _Column] = {}
    last = None
    for r in order:
        roles = {col: (role(text[c.span[0]:c.span[1]]), c) for col, c in rows[r].items()}
        _bare_lead(roles, text)
        if not any(x == "lead" for x, _ in roles.values()) and last is None:
            continue
        if last is not None and (not any(x in ("lead", "support") for x, _ in roles.values())
                                 or any(_ROW_LABEL.fullmatch(squash(text[c.span[0]:c.span[1]])) or lead_support(text, [c.span])
                                        for c in rows[r].values())):
            break  # a data row: the header is over (a row number, or a body named: "Thanh tra tỉnh (chủ trì)")
        for col, (x, c) in roles.items():
            if x is not None:
                h = squash(text[c.span[0]:c.span[1]])
                found[col] = _Column(col, x, h, fold(h))
        last = r
    if last is None or not any(c.role == "lead" for c in found.values()):
        return None
    return [found[k] for k in sorted(found)], last


def _distinct(key: str) -> set[str]:
    return set(_WORD.findall(key)) - _GENERIC


def _owner(column: _Column, leads: list[_Column]) -> _Column:
    """The lead column a support or time column goes with: the one whose own words it repeats, else the one
    that chairs (``chủ trì``) for support and the first for time."""
    words = set(_WORD.findall(column.key))
    for lead in leads:
        own = _distinct(lead.key)
        if own and own <= words:
            return lead
    if column.role == "support":
        return next((c for c in leads if "chủ trì" in c.key or "chu tri" in c.key), leads[0])
    return leads[0]


def _value(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """A cell's text (a row cut by a page break: its pieces, joined) with its lines as list items."""
    lines: list[str] = []
    for i, (a, b) in enumerate(spans):
        piece = [squash(x).strip(" ,;.-–+•") for x in text[a:b].split("\n")]
        piece = [x for x in piece if x]
        if i and lines and piece:  # (the line the page break cut goes on)
            lines[-1] += " " + piece.pop(0)
        lines += piece
    return ", ".join(lines)


def bodies(text: str, spans: Sequence[tuple[int, int]]) -> list[str] | None:
    """The bodies a lead or support cell names, one item each; None when the cell is no body's name."""
    found = lead_support(text, spans)
    return found[0] if found is not None and not found[1] else None


def lead_support(text: str, spans: Sequence[tuple[int, int]]) -> tuple[list[str], list[str]] | None:
    """The bodies a lead cell names and those it names after ``chủ trì, phối hợp (với)`` (``Sở Nội vụ chủ trì,
    phối hợp Sở Tài chính`` in a ``Cơ quan thực hiện`` column), or beside the one marked ``(chủ trì)`` (``Sở A (chủ
    trì); Sở B``); None when the cell is no body's name."""
    raw = _value(text, spans)
    chairs = marked(raw) if len(_MARKED.findall(raw)) == 1 and names.HEAD_RE.match(fold(raw)) else None
    if chairs is not None and chairs[0] and chairs[1] and all(names.HEAD_RE.match(fold(x)) for x in chairs[0] + chairs[1]):
        return chairs
    value = _MARK.sub("", raw)
    if not value:
        return None
    key = fold(value)
    found = names.name_span(value, key, 0, len(value), need_verb=False)
    if found is None:
        # "Chính phủ", "Quốc hội": a body of the lexicon, alone in its cell
        return ([value], []) if value[0].isupper() and "," not in value and names_a_body(value) else None
    rest = value[found[3]:].strip(" ,;.")
    chairs = _CHAIRS.match(fold(rest)) if rest else None
    if chairs is not None:  # the bodies after "phối hợp (với)", to the cell's end
        other = rest[chairs.end():].strip(" ,;.")
        also = names.name_span(other, fold(other), 0, len(other), need_verb=False) if other else None
        if also is None or other[also[3]:].strip(" ,;."):
            return None
        return names.items(found[0]), names.items(also[0])
    if rest and not rest.startswith("("):  # "Sở Nội vụ (chủ trì)" names Sở Nội vụ; "Sở Nội vụ tham mưu …" is prose
        return None
    return names.items(found[0]), []


def _provision(provisions: Sequence[Provision], pos: int) -> str | None:
    """The path of the innermost provision around ``pos``."""
    path = None
    level: Sequence[Provision] = provisions
    while level:
        inside = next((p for p in level if p.span[0] <= pos < p.span[1]), None)
        if inside is None:
            break
        path, level = inside.path, inside.children
    return path


def _deadline(text: str, span: tuple[int, int], anchor: dt.date | None) -> Deadline | None:
    cell = text[span[0]:span[1]]
    d = deadlines.read_deadline(cell, anchor)
    if d is None:
        return None
    whole = squash(cell)
    if len(whole) <= _MAX_DEADLINE_CELL and "\n" not in cell.strip():
        return d.model_copy(update={"text": whole, "span": (span[0] + len(cell) - len(cell.lstrip()), span[0] + len(cell.rstrip()))})
    return d.model_copy(update={"span": (span[0] + d.span[0], span[0] + d.span[1])}) if d.span else d


def _verb(header: str) -> str:
    """What a lead column's header says its bodies do (``Cơ quan chủ trì thẩm tra`` → ``chủ trì thẩm tra``)."""
    m = _BODY_NOUN.match(fold(header))
    rest = header[m.end():] if m else ""
    return rest[:1].lower() + rest[1:] if rest else ""


def _agenda(text: str, rows: dict[int, dict[int, Cell]], data: list[int]) -> bool:
    """A meeting's programme: a column gives times of the day (``07h45 - 8h00``) in most rows, and its "Chủ trì"
    column names who chairs a session, which assigns no task."""
    hits: dict[int, list[bool]] = {}
    for r in data:
        for col, c in rows[r].items():
            cell = squash(text[c.span[0]:c.span[1]])
            if cell:
                hits.setdefault(col, []).append(bool(_P.table_clock_time.search(fold(cell))))
    return any(sum(v) >= 2 and 2 * sum(v) >= len(v) for v in hits.values())


def _group_row(row: dict[int, Cell], leads: list[_Column]) -> bool:
    """A group row (``II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH``, its title cell spanning the rest of the table): no cell at
    or after the first lead column; a lead cell merged with the one above (rowspan) leaves the cells after it."""
    first = min(c.col for c in leads)
    return all(col < first for col in row)


def _joined(text: str, rows: dict[int, dict[int, Cell]], data: list[int]) -> list[tuple[dict[int, Cell], dict[int, list[tuple[int, int]]]]]:
    """The data rows with each column's pieces of text: a row a page break cut in two continues on the next page as
    a row of its own, with no label in the first column and every cell going on in lower case (``Thanh tra`` /
    ``tỉnh``); its pieces join the row above."""
    out: list[tuple[dict[int, Cell], dict[int, list[tuple[int, int]]]]] = []
    first = min(min(rows[r]) for r in data)
    for r in data:
        row = rows[r]
        filled = [(col, c) for col, c in sorted(row.items()) if text[c.span[0]:c.span[1]].strip()]
        goes_on = bool(out) and filled and all(col != first for col, _ in filled) and all(
            text[c.span[0]:c.span[1]].strip()[0].islower() for _, c in filled)
        if goes_on:
            for col, c in filled:
                out[-1][1].setdefault(col, []).append(c.span)
            continue
        out.append((row, {col: [c.span] for col, c in row.items()}))
    return out


def read(text: str, cells: Sequence[Cell], provisions: Sequence[Provision], anchor: dt.date | None,
         is_issuer: Callable[[str], bool] = lambda name: False) -> TableReading:
    """The tasks of the document's task tables, with the deadlines their time cells give."""
    out = TableReading()
    for rows in _rows(cells).values():
        head = _header(text, rows)
        if head is None:
            continue
        columns, last = head
        leads = [c for c in columns if c.role == "lead"]
        content = next((c for c in columns if c.role == "content"), None)
        owners = {c.col: _owner(c, leads).col for c in columns if c.role in ("support", "deadline")}
        data = [r for r in sorted(rows) if r > last]
        if not data or _agenda(text, rows, data):
            continue
        first = min(c.span[0] for c in rows[data[0]].values())
        end = max(c.span[1] for r in data for c in rows[r].values())
        out.regions.append((first, end))
        above: dict[int, list[str] | None] = {}
        above_due: dict[int, Deadline | None] = {}  # a time cell merged over the rows below it (rowspan): theirs too
        for row, pieces in _joined(text, rows, data):
            start, stop = min(c.span[0] for c in row.values()), max(b for v in pieces.values() for _, b in v)
            filled = [c for c in row.values() if text[c.span[0]:c.span[1]].strip()]
            if len(filled) < 2 or _group_row(row, leads):  # a heading row across the table ("I. NHIỆM VỤ CHUNG"):
                above.clear()  # no task, no carry-over
                above_due.clear()
                continue
            due: dict[int, Deadline] = {}
            for c in columns:
                if c.role == "deadline" and c.col in row:
                    d = next((d for span in pieces[c.col] if (d := _deadline(text, span, anchor)) is not None), None)
                    above_due[c.col] = d
                    if d is not None:
                        out.deadlines.append(d)
                        due[owners[c.col]] = d
                elif c.role == "deadline" and (d := above_due.get(c.col)) is not None:
                    due[owners[c.col]] = d  # merged with the cell above: the same time
            what = _value(text, pieces[content.col]) if content and content.col in row else ""
            for lead_col in leads:
                support: list[str] = []
                if lead_col.col in row:
                    cell = row[lead_col.col]
                    found = lead_support(text, pieces[lead_col.col]) if text[cell.span[0]:cell.span[1]].strip() else None
                    lead, support = found if found is not None else (None, [])
                    if lead is None and text[cell.span[0]:cell.span[1]].strip():
                        out.unclear.append((f"tasks: the {lead_col.header!r} cell of a task table names no body: "
                                            f"{squash(text[cell.span[0]:cell.span[1]])[:100]!r}", cell.span))
                    above[lead_col.col] = lead
                else:
                    lead = above.get(lead_col.col)  # merged with the cell above
                if not lead or any(is_issuer(x) for x in lead):
                    continue
                for c in columns:
                    if c.role == "support" and owners[c.col] == lead_col.col and c.col in row:
                        support += bodies(text, pieces[c.col]) or []
                action = " ".join(x for x in (_verb(lead_col.header) if len(leads) > 1 else "", what) if x)
                action = " ".join(action.split()[:_MAX_ACTION_WORDS])
                d = due.get(lead_col.col)
                task = Task(assignee=", ".join(lead), lead=lead, support=support, action=action, deadline=d,
                            provision=_provision(provisions, start), source="table", span=(start, stop))
                out.tasks.append(TableTask(task, d.span if d is not None else None))
    return out


def merge(ctx: Context, tasks: list[Task], listed: dict[tuple[int, int], Deadline], anchor: dt.date | None,
          is_issuer: Callable[[str], bool]) -> list[Task]:
    """The tasks of the task tables (one per row and lead column) in place of what the sentences made of their
    rows; a time cell's deadline in place of the phrases found inside it."""
    if not ctx.cells:
        return tasks
    found = read(ctx.text, ctx.cells, ctx.fields.get("provisions") or [], anchor, is_issuer)
    for message, span in found.unclear:
        ctx.warn("task_assignee_unclear", message, span)
    if not found.regions:
        return tasks
    cells = [d.span for d in found.deadlines if d.span is not None]
    for k in [k for k in listed if any(a < k[1] and k[0] < b for a, b in cells)]:
        del listed[k]
    for d in found.deadlines:
        if d.span is not None:
            listed[d.span] = d
    kept = [t for t in tasks if not any(a <= t.span[0] < b for a, b in found.regions)]
    return kept + [t.task for t in found.tasks]


# "Giao Sở Xây dựng (chủ trì), Sở Tài chính, UBND huyện Bình Sơn rà soát …": the marked bodies lead, the others support
_MARKED = lazy_regex(r"\s*\(\s*(?:chủ\s+trì|đầu\s+mối)\s*\)", flags=regex.IGNORECASE)


def marked(name: str) -> tuple[list[str], list[str]] | None:
    """The lead (the bodies marked ``(chủ trì)``) and the support (the others) of a name list; None when no body is
    marked."""
    if not _MARKED.search(name):
        return None
    found = names.items(name)
    lead = [_MARKED.sub("", x).strip() for x in found if _MARKED.search(x)]
    return lead, [x for x in found if not _MARKED.search(x)]
