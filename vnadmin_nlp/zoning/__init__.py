"""Zoning: cut a normalised text into header, body, closing (signatures, Nơi nhận) and appendix."""
from __future__ import annotations

from dataclasses import dataclass

from .attached import attached_plan
from .closing import ClosingLayout, SignerBlock, find_closing_start, parse_closing
from .consolidation import Consolidation, find_consolidation
from .header import HeaderLayout, parse_header
from .segments import Page, Seg, is_upper, lines


@dataclass
class Layout:
    """A page cut into header, body and closing: what every extractor reads instead of the raw text."""

    page: Page
    header: HeaderLayout
    body: tuple[int, int]
    closing: ClosingLayout | None
    appendix: tuple[int, int] | None
    consolidation: Consolidation | None = None  # a văn bản hợp nhất's authentication block (its type, its body)
    attached: tuple[int, int] | None = None  # a plan printed after the decision that issues it (zoning.attached)


def zone(page: Page) -> Layout:
    """Find the zones of a document.  Never fails: a text without a header is all body."""
    header = parse_header(page)
    body_start = header.end
    n = len(page.text)
    closing_start = find_closing_start(page, body_start)
    closing = None
    appendix = None
    body_end = n
    if closing_start is not None:
        closing = parse_closing(page, closing_start, n)
        body_end = closing_start
        if not closing.signers and not closing.distribution:
            closing = None
            appendix = _non_blank(page, closing_start, n)
        elif closing.end < n:
            appendix = _non_blank(page, closing.end, n)
    return Layout(page, header, (body_start, body_end), closing, appendix, find_consolidation(page, body_start),
                  attached_plan(page, appendix))


def _non_blank(page: Page, start: int, end: int) -> tuple[int, int] | None:
    """From the first non-blank line's start to the last one's end (as ``lines`` trims them), without splitting."""
    chunk = page.text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return (start + lead, start + len(chunk.rstrip())) if lead < len(chunk) else None


__all__ = ["Layout", "Page", "Seg", "zone", "HeaderLayout", "ClosingLayout", "SignerBlock", "is_upper", "lines"]
