"""The records a page passes through on its way to blocks: glyphs, lines, parts of lines, pages."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

# A glyph: (x0, y0, x1, y1, text, index, style) in PDF user space (origin bottom-left); style is shared by the
# glyphs of one word: (bold, italic, size, legacy class 0/1/2, font name).  An OCR word is one "glyph" whose
# index slot holds its confidence and whose font name is "ocr".
Char = tuple


@dataclass
class Line:
    chars: list[Char]
    y0: float
    y1: float
    h: float
    # the line's text, worked out once (:func:`.text.line_text`, :func:`.columns.line_anchor`): the score, the
    # column finder, the label joiner and the blocks all read it; ``chars`` is never changed after a line is made
    texts: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def x0(self) -> float:
        return self.chars[0][0]

    @cached_property
    def x1(self) -> float:
        return max([c[2] for c in self.chars])

    @cached_property
    def glyphs(self) -> list[Char]:
        """The line's glyphs bar spaces, in order: listed once for the page's checks, columns and blocks."""
        return [c for c in self.chars if not c[4].isspace()]


@dataclass
class Part:
    """A piece of a line that becomes one block (a whole line, or one column of it)."""

    chars: list[Char]
    y0: float
    y1: float
    column: str | None = None
    kind: str = "line"
    text: str = ""
    legacy: list[tuple[int, int, Any]] = field(default_factory=list)  # (start, end, (font, caps)) legacy spans
    # lines of a column cell joined into one part have their glyphs set one after the other (so that the gaps stay
    # word spaces); the glyphs where they are on the page, for the block's box
    placed: list[Char] | None = None
    whole: Line | None = None  # the line this part is the whole of (its text is cached there)


@dataclass
class PageText:
    """One page on its way to blocks: lines from the text layer or from OCR, plus what was set apart."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]
    body_chars: int = 0
    image_cover: float = 0.0
    stamps: list[dict[str, Any]] = field(default_factory=list)
    stamp_rects: list[tuple[float, float, float, float]] = field(default_factory=list)
    stamp_lines: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    ocr: bool = False
    rulings: list[tuple] = field(default_factory=list)  # the PDF page's table borders (:mod:`..pdf.rulings`)
    turn: float = 0  # degrees a scanned page's image was turned clockwise to be read upright (:mod:`..ocr_orient`)
