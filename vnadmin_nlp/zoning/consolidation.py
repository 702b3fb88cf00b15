"""The authentication block of a văn bản hợp nhất: ``<BODY>`` over ``XÁC THỰC VĂN BẢN HỢP NHẤT``.

A consolidated text (Pháp lệnh hợp nhất văn bản quy phạm pháp luật, 2012) keeps the consolidated document's own
title (``THÔNG TƯ``) at its top; what makes it a văn bản hợp nhất, and who authenticated it, is the block at its
end: the body's name, ``XÁC THỰC VĂN BẢN HỢP NHẤT``, its ``Số: …/VBHN-…``, place and date, and the signature.  A
scan of one may carry no issuer or number on its first page at all (bqp_vbhn46_scan: received stamps of another
office stand there), so the block says the type, and the issuer when the header names none.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.bodies import starts_with_body_kind
from ..lexicon.lazy import lazy_regex
from .segments import Page, Seg, is_upper

_LINE = lazy_regex(r"[^\p{L}]{0,3}xác\s+thực\s+văn\s+bản\s+hợp\s+nhất[^\p{L}]{0,3}")  # on the folded key
MAX_BODY_LINES = 3  # lines of the body's name over the block's heading


@dataclass
class Consolidation:
    line: Seg  # XÁC THỰC VĂN BẢN HỢP NHẤT
    body: list[Seg] = field(default_factory=list)  # the authenticating body's name, top down


def find_consolidation(page: Page, start: int) -> Consolidation | None:
    """The last ``XÁC THỰC VĂN BẢN HỢP NHẤT`` line from ``start`` in capitals, with the body's name in capitals
    right above it (lines that start with a kind of body, or go on from one)."""
    if page.key.find("hợp nhất", start) < 0:  # most texts: no line to look for
        return None
    lines = page.lines
    found = None
    for i, line in enumerate(lines):
        if line.start >= start and is_upper(page.t(line)) and _LINE.fullmatch(page.k(line)):
            found = i
    if found is None:
        return None
    block = Consolidation(lines[found])
    k = found - 1
    while k >= 0 and found - k <= MAX_BODY_LINES and not lines[k + 1].blank_before:
        text = page.t(lines[k])
        if not is_upper(text):
            break
        block.body.insert(0, lines[k])
        if starts_with_body_kind(text):
            break
        k -= 1
    if block.body and not starts_with_body_kind(page.t(block.body[0])):
        block.body = []
    return block
