"""A plan printed after the decision that issues it: ``Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …``, the
decision's signature, then ``KẾ HOẠCH`` / its trích yếu / ``(Ban hành kèm theo Quyết định số …)`` and the plan's own
parts.  What the file prints is annotated (fixtures/gold/body/README.md, session 17): the plan's ``Tổ chức thực
hiện`` items are tasks, so its text is read for provisions and tasks like a body, not left as an appendix.

Only a plan (``attached_plan_titles``): an attached regulation, form or list keeps the appendix's reading."""
from __future__ import annotations

from ..data import load
from ..lexicon.fold import fold
from ..lexicon.lazy import lazy_regex
from .closing import find_closing_start
from .segments import Page, is_upper, lines

_TITLES = {fold(t) for t in load("tasks")["attached_plan_titles"]}
_NOTE = lazy_regex(r"^\(?\s*(?:ban hành\s+)?kèm theo\s")  # "(Ban hành kèm theo Quyết định số …)", "(Kèm theo …)"
_HEAD_LINES = 12  # the plan's title within the appendix's first lines (its issuer and Quốc hiệu may come first)
_NOTE_LINES = 4  # its note within a few lines under the title (a trích yếu over two or three)


def attached_plan(page: Page, appendix: tuple[int, int] | None) -> tuple[int, int] | None:
    """Where an attached plan's own text runs (after its note, up to its signature if it has one), or None."""
    if appendix is None:
        return None
    segs = lines(page.text, appendix[0], appendix[1], _HEAD_LINES + _NOTE_LINES)
    for i, ln in enumerate(segs[:_HEAD_LINES]):
        title = page.t(ln).strip()
        if not is_upper(title) or " ".join(fold(title).split()) not in _TITLES:
            continue
        for note in segs[i + 1 : i + 1 + _NOTE_LINES]:
            if _NOTE.match(page.k(note).lstrip()):
                start = _after_note(page, note.end, appendix[1])
                end = find_closing_start(page, start)
                return (start, end if end is not None and end > start else appendix[1])
        return None
    return None


def _after_note(page: Page, end: int, stop: int) -> int:
    """The start of the line after the note (a note wrapped over two lines ends at its closing parenthesis)."""
    close = page.text.find(")", end - 1, min(stop, end + 300))
    end = close + 1 if close >= 0 and "(" not in page.text[end:close] else end
    nl = page.text.find("\n", end, stop)
    return nl + 1 if nl >= 0 else stop
