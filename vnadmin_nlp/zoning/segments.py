"""Lines and segments of a normalised text, and the text/fold context every stage reads.

A *segment* is a stretch of one line, given by offsets.  Header and closing lines are cut into segments where a
flattened web copy or an interleaved PDF put two columns on one line, so later stages see one field per segment
without the text ever being rewritten.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property


from ..lexicon.fold import bare, bare_one_to_one, fold


@dataclass(slots=True)
class Seg:
    """A line of the page as a span, with what the zoner learnt of it (its kind, a blank line before)."""

    start: int
    end: int
    blank_before: bool = False  # a blank line (paragraph break) stands before this line
    kind: str = "text"
    joined: bool = False  # cut from the same line as the segment before it (a header line holding two fields)


class Page:
    """The normalised text, its folding key, and helpers to read segments of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.key = fold(text)
        self.memo: dict[str, dict] = {}  # per-segment work a stage keeps for the next call on the same segment

    @cached_property
    def bare(self) -> str:
        """The text's letters without their marks, offset for offset (the key where a mark changes the length)."""
        b = bare(self.key)
        return b if len(b) == len(self.key) else self.key

    def bare_to(self, end: int) -> str:
        """A string whose first ``end`` characters are ``self.bare``'s (all a search ending at ``end`` reads),
        translating only that much of the key: the header's lines need the first few hundred characters of it,
        and translating a whole text cost a tenth of a document's parse."""
        if "bare" in self.__dict__ or not self._bare_one_to_one:
            return self.bare  # a character that is no single letter once bare: the whole text, as before
        done = self._bare_prefix
        if len(done) < end:
            done = self._bare_prefix = done + bare(self.key[len(done) : end])  # bare is character by character
        return done

    @cached_property
    def _bare_one_to_one(self) -> bool:
        return bare_one_to_one(self.key)

    _bare_prefix = ""

    def t(self, seg: Seg) -> str:
        return self.text[seg.start : seg.end]

    def k(self, seg: Seg) -> str:
        return self.key[seg.start : seg.end]

    @cached_property
    def lines(self) -> list[Seg]:
        """The text's lines (:func:`lines`), split once and shared: read them, never change them."""
        return lines(self.text, 0, len(self.text))

    @cached_property
    def _line_starts(self) -> list[int]:
        return [seg.start for seg in self.lines]

    def line_index(self, pos: int) -> int:
        """The index in :attr:`lines` of the last line starting at or before ``pos`` (-1 before the first)."""
        return bisect_right(self._line_starts, pos) - 1

    def lines_in(self, start: int, end: int) -> list[Seg]:
        """``lines(self.text, start, end)``, taken from :attr:`lines` where ``start`` and ``end`` each stand in
        a line's leading or trailing white space (a zone's edges do), so the text is not split again; the
        segments are :attr:`lines`' own (read them, never change them) but the first, whose ``blank_before`` is
        the range's own."""
        text = self.text
        if not (start < end and _at_line_edge(text, start) and _at_line_edge(text, end)):
            return lines(text, start, end)
        starts = self._line_starts
        got = self.lines[bisect_left(starts, start) : bisect_left(starts, end)]
        if got and got[0].blank_before:
            first = got[0]
            got[0] = Seg(first.start, first.end, False, first.kind, first.joined)
        return got

    def sub(self, seg: Seg, start: int, end: int, kind: str | None = None) -> Seg | None:
        """The trimmed part ``[start, end)`` of a segment (absolute offsets), or None if blank."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        return Seg(start, end, seg.blank_before if start == seg.start else False, kind or seg.kind)


def lines(text: str, start: int, end: int, limit: int | None = None) -> list[Seg]:
    """The non-blank lines of ``text[start:end]``, trimmed, each knowing whether a blank line preceded it; with
    ``limit``, only the first so many (the rest of the text is not split)."""
    if limit is not None:
        return _first_lines(text, start, end, limit)
    out: list[Seg] = []
    pos = start
    last = -1  # index of the last non-blank line
    for i, line in enumerate(text[start:end].split("\n")):
        body = line.lstrip()
        if body:
            s = pos + len(line) - len(body)
            out.append(Seg(s, s + len(body.rstrip()), blank_before=last >= 0 and i - last >= 2))
            last = i
        pos += len(line) + 1
    return out


def _at_line_edge(text: str, pos: int) -> bool:
    """Is there only white space between ``pos`` and its line's start, or between it and its line's end?"""
    line_start = text.rfind("\n", 0, pos) + 1
    if pos == line_start or text[line_start:pos].isspace():
        return True
    line_end = text.find("\n", pos)
    rest = text[pos:] if line_end < 0 else text[pos:line_end]
    return not rest or rest.isspace()


def _first_lines(text: str, start: int, end: int, limit: int) -> list[Seg]:
    """``lines(text, start, end)[:limit]``, splitting no further than the last line it keeps."""
    out: list[Seg] = []
    pos = start
    last = -1
    i = 0
    while len(out) < limit:
        nl = text.find("\n", pos, end)
        line = text[pos : end if nl < 0 else nl]
        body = line.lstrip()
        if body:
            s = pos + len(line) - len(body)
            out.append(Seg(s, s + len(body.rstrip()), blank_before=last >= 0 and i - last >= 2))
            last = i
        if nl < 0:
            break
        pos = nl + 1
        i += 1
    return out


def is_upper(s: str) -> bool:
    """Mostly upper case: letters present and no more than a tenth of them lower case."""
    lower = sum(map(str.islower, s))
    if lower > len(s) * 0.1:
        return False  # more than a tenth of the whole line: of the letters too (most lines end here)
    letters = sum(map(str.isalpha, s))
    return letters >= 2 and lower <= letters * 0.1


def is_title_case_name(s: str, max_words: int = 6) -> bool:
    """``Phạm Văn Kính``: 2–6 words, each capitalised, no digits or sentence punctuation."""
    words = s.split()
    if not 2 <= len(words) <= max_words:
        return False
    return all(w[0].isupper() and (len(w) == 1 or not w[1:].isupper() or len(w) <= 2) and w.replace(".", "").isalpha() for w in words)
