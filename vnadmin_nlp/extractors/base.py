"""What every extractor receives: the page, its zones, and a place to put warnings."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import ParseWarning, Span
from ..lexicon.spaces import squash
from ..zoning import Layout, Page, Seg
from .fields import Fields


@dataclass
class Context:
    page: Page
    layout: Layout
    fields: Fields = field(default_factory=Fields)  # what earlier extractors found (typed per key)
    warnings: list[ParseWarning] = field(default_factory=list)
    source_metadata: dict[str, Any] = field(default_factory=dict)  # what the reader knew (page attributes…)
    spans: dict[str, Span] = field(default_factory=dict)  # where earlier extractors read their plain string fields

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
