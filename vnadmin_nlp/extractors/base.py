"""What every extractor receives: the page, its zones, and a place to put warnings."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import ParseWarning, Span
from ..lexicon.spaces import squash
from ..zoning import Layout, Page, Seg
from .fields import Fields


@dataclass(frozen=True)
class Cell:
    """A table cell the reader found (DOCX, HTML, RTF, .doc, Markdown tables), in the normalised text's offsets:
    ``text[span[0]:span[1]]`` is the cell's text (its paragraphs joined by line breaks)."""

    span: Span
    table: int
    row: int
    col: int


@dataclass
class Context:
    """What an extractor is given: the page, its layout and what earlier extractors found."""

    page: Page
    layout: Layout
    fields: Fields = field(default_factory=Fields)  # what earlier extractors found (typed per key)
    warnings: list[ParseWarning] = field(default_factory=list)
    source_metadata: dict[str, Any] = field(default_factory=dict)  # what the reader knew (page attributes…)
    spans: dict[str, Span] = field(default_factory=dict)  # where earlier extractors read their plain string fields
    cells: list[Cell] = field(default_factory=list)  # the readers' table cells, in reading order (empty for plain text)

    @property
    def text(self) -> str:
        return self.page.text

    def warn(self, code: str, message: str, span: tuple[int, int] | None = None) -> None:
        self.warnings.append(ParseWarning(code=code, message=message, span=span))

    def join(self, segs: list[Seg]) -> str:
        """The text of several segments (lines of one field) joined by single spaces."""
        return " ".join(squash(self.page.t(s)) for s in segs)


# An extractor reads the context and returns the fields it found (keys of the Document model, typed in
# fields.py), plus "spans" for its plain strings.  Registered ones declare their contract (registry.py).
Extractor = Callable[[Context], Mapping[str, Any]]
