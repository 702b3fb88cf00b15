"""Offset bookkeeping between the reader's raw text and the normalised text that spans point into.

Normalisation is a list of non-overlapping edits ``(start, end, replacement)`` on the raw text.  The map keeps,
for each edit, where it starts on both sides, so that any offset in the normalised text can be taken back to the
raw text (and from there to the reader's block: page, table cell, paragraph).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable

Edit = tuple[int, int, str]


@dataclass
class OffsetMap:
    """Maps offsets of the normalised text back to the raw text it came from."""

    norm_starts: list[int] = field(default_factory=list)
    raw_starts: list[int] = field(default_factory=list)
    norm_lens: list[int] = field(default_factory=list)
    raw_lens: list[int] = field(default_factory=list)

    def to_raw(self, pos: int) -> int:
        i = bisect_right(self.norm_starts, pos) - 1
        if i < 0:
            return pos
        ns, rs, nl, rl = self.norm_starts[i], self.raw_starts[i], self.norm_lens[i], self.raw_lens[i]
        if pos < ns + nl:  # inside a replacement: proportional position in the raw span
            return rs + (min(pos - ns, rl) if nl == rl else (rl * (pos - ns)) // max(nl, 1))
        return rs + rl + (pos - ns - nl)


@dataclass
class ChainedMap:
    """Offset maps of successive rewrites, so a span in the final text points back to the source."""

    maps: list[OffsetMap]  # last applied first

    def to_raw(self, pos: int) -> int:
        for m in self.maps:
            pos = m.to_raw(pos)
        return pos


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits (overlaps are dropped, earliest wins) and return the new text and its map."""
    out: list[str] = []
    omap = OffsetMap()
    pos = 0
    norm_pos = 0
    for start, end, repl in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            continue
        out.append(text[pos:start])
        norm_pos += start - pos
        omap.norm_starts.append(norm_pos)
        omap.raw_starts.append(start)
        omap.norm_lens.append(len(repl))
        omap.raw_lens.append(end - start)
        out.append(repl)
        norm_pos += len(repl)
        pos = end
    out.append(text[pos:])
    return "".join(out), omap
