"""What tasks look for in every sentence of the body, found once (extractors/tasks.py reads it unit by unit)."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from .. import deadlines
from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from ...patterns import WordHits, compile_section
from . import names

# Sentence ends: punctuation before a new sentence or item, or a line break before a list marker.  A bare line
# break is not one: PDF text breaks sentences at every visual line, also before the dash of a range of years ("…
# trong năm 2025" / "- 2026": provisions._range_goes_on).
_SENTENCE_END = lazy_regex(r"[.;!?]\s+(?=\p{Lu}|[-–+•])|\n+(?=[-–+•](?![ \t]*(?:19|20)\d\d(?!\d))|\d{1,3}[.)]\s|[a-zđ]\)\s)")

# A paragraph under a heading: a line break after the end of a sentence.
_PARAGRAPH_END = lazy_regex(r"(?<=[.;!?])[ \t]*\n+|(?<=:)[ \t]*\n+(?!\p{Ll})")  # ("Thời hạn hoàn thành:" / "trong tháng 9/2025": one)

# The asking words a sentence's rules look for besides the triggers (``names.TRIGGER``), from the same data: those
# that ask only where they open a sentence (tasks.yaml ``opening_triggers``), and the closing of a notice
# (patterns.yaml ``tasks.notice_for``).  Found once over the whole stretch, with no word-start check, so that a stretch
# with none of them holds none of what the rules find sentence by sentence (``Scans.quiet``).
OPENING_CUES = WordHits((fold(t) for t in load("tasks")["opening_triggers"]), "")
_NOTICE = compile_section("tasks").notice_for


# A line break after a sentence's end (a PDF's wrapped lines are none).
_PARAGRAPH = lazy_regex(r"[.;:!?][ \t]*\n")


def joined(text: str, end: int, start: int) -> bool:
    """Whether no paragraph break (a line break after a sentence's end) lies between ``end`` and ``start``."""
    return _PARAGRAPH.search(text, max(0, len(text[:end].rstrip()) - 1), start) is None


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _PARAGRAPH_END.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


class Scans:
    """What tasks look for in every sentence, found once over the whole stretch ``[start, end)`` of the text:
    one scan of a long text costs far less than a scan per sentence."""

    def __init__(self, text: str, key: str, start: int, end: int, anchor: dt.date | None, normative: bool = False) -> None:
        self.key, self.anchor, self.normative = key, anchor, normative
        flat = key.replace("\n", " ")  # "đề\nnghị": a trigger a PDF line break splits is one all the same
        # (the trigger words and asking words are few and rare: found with str.find first, ``WordHits``)
        self.triggers = [m for m in names.TRIGGERS.finditer(flat, start, end) if names.starts_word(flat, m.start())]
        self.trigger_starts = [m.start() for m in self.triggers]
        self.unclear: list[tuple[int, int, str]] = []  # days/months whose year cannot be told; dates that do not exist
        self.deadlines = deadlines.find(key, start, end, anchor, normative, self.unclear)
        self.deadline_starts = [d.start for d in self.deadlines]
        self.breaks = [m.span() for m in _SENTENCE_END.finditer(text, start, end)]
        self.break_starts = [b[0] for b in self.breaks]
        # (non-overlapping and in order, so their ends are in order too)
        self.cues = sorted([m.span() for m in OPENING_CUES.finditer(flat, start, end)] + [m.span() for m in _NOTICE.finditer(flat, start, end)])
        self.cue_starts = [a for a, _ in self.cues]

    def sentence_starts(self, start: int, end: int) -> list[int]:
        """Where the sentences of ``[start, end)`` start (a break must be followed by a character inside it)."""
        i, j = bisect_left(self.break_starts, start), bisect_left(self.break_starts, end)
        return [start] + [e for _, e in self.breaks[i:j] if e < end]

    def triggers_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the triggers in ``[start, end)`` (one that runs to ``end`` would not match there)."""
        i, j = bisect_left(self.trigger_starts, start), bisect_left(self.trigger_starts, end)
        return [m.span() for m in self.triggers[i:j] if m.end() < end]

    def quiet(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` holds nothing a sentence's rules start from: no trigger starts in it, no asking
        word or notice closing overlaps it, and no deadline does (so that ``deadlines_in`` of any stretch inside it
        is empty: none starts there and none runs into it).  A unit outside the numbered structure that is quiet
        asks no one (tasks.py)."""
        if bisect_left(self.trigger_starts, end) > bisect_left(self.trigger_starts, start):
            return False
        i = bisect_left(self.cue_starts, end)  # (the last cue that starts before the end ends last)
        if i and self.cues[i - 1][1] > start:
            return False
        starts = self.deadline_starts
        i = bisect_left(starts, start)
        return bisect_left(starts, end) == i and (i == 0 or self.deadlines[i - 1].end <= start)

    def deadlines_in(self, start: int, end: int) -> list[deadlines.FoundDeadline]:
        """The deadlines of ``[start, end)``; found again in the unit alone where one crosses its edges."""
        found, starts = self.deadlines, self.deadline_starts
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        if (j > i and found[j - 1].end > end) or (i > 0 and found[i - 1].end > start):
            return deadlines.find(self.key, start, end, self.anchor, self.normative)
        return found[i:j]
