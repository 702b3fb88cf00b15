"""A deadline as the forms read it from the folding key, before it becomes a ``Deadline`` of the output: shared by
the reading of a match (:mod:`.read`), its context (:mod:`.context`, :mod:`.anchors`) and what comes after
(:mod:`.cycles`, :mod:`.holds`)."""
from __future__ import annotations

from dataclasses import dataclass


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
