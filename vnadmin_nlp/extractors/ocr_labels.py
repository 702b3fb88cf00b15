"""Part and item numbers as a scan gives them: ``H.`` for ``II.``, ``HI.`` for ``III.``, ``LI.`` / ``LL`` for
``1.1.``, ``_1,`` for ``1.``; and the shape of a heading line.

OCR reads the thin strokes of a Roman number as ``H``, ``L`` or ``l``, drops or adds one, and loses the dots of a
dotted item number.  A part's heading lost that way takes its whole part with it: the items below nest under the
part before (a content part, where no task is read) and the tree is wrong from there on.  Such a token is read as a
number only on an OCR'd page, only where the number it may stand for is the one the open structure expects next
(the next part or item, an item's first sub-item, the first part or item of a body that has none yet), and only
when an upper-case letter follows it; the table of what each character may stand for is data
(``ocr_vocabulary.label_lookalikes``, with the real lines it came from).
"""
from __future__ import annotations

from functools import cache
from itertools import combinations
from typing import Any, Protocol, Sequence

import regex

from ..data import load
from ..lexicon.lazy import lazy_regex
from .label_order import ordinal

HEADING_KINDS = {"part", "chapter", "section", "article"}  # a list never continues across one
_ROMAN_RANK = 4
_ITEM_RANK = 5
_POINT_RANK = 9

# A token of digits, Roman strokes and their lookalikes at the line's start (after a stray ``_`` or ``-``), ended by
# a dot or a comma, or by nothing after two lookalike letters (``LL Theo``); then an upper-case letter.
# (The characters of ocr_vocabulary.label_lookalikes: a character the tables do not know gives no reading.)
_TOKEN = lazy_regex(r"[_\-–]?(?P<label>(?P<id>[0-9IVXHLl!]{1,4}(?:[.,][0-9IVXHLl!]{1,3}){0,3})"
                    r"(?:[ \t]*[.,]|(?<=[HLlI]{2})))[ \t]+(?=\p{Lu})")


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    table = load("ocr_vocabulary")["label_lookalikes"]
    return ({str(k): str(v) for k, v in table["roman"].items()}, {str(k): str(v) for k, v in table["arabic"].items()})


def readings(ident: str) -> list[tuple[str, str]]:
    """What a printed token may stand for: ``("roman", "III")`` and ``("number", "1.1")`` readings, in no order."""
    roman_map, arabic_map = _tables()
    out: list[tuple[str, str]] = []
    if all(c in "IVX" or c in roman_map for c in ident):
        s = "".join(roman_map.get(c, c) for c in ident)
        if set(s) == {"I"} and (len(ident) > 1 or s != ident):
            n = len(s)  # a run of strokes (or a lookalike of one): one may be lost or gained
            out += [("roman", "I" * k) for k in (n - 1, n, n + 1) if k > 0]
        elif ordinal(s) is not None:
            out.append(("roman", s))
    if all(c.isdigit() or c in arabic_map or c in ".," for c in ident) and not all(c in "IVX" for c in ident):
        s = "".join(arabic_map.get(c, c) for c in ident).replace(",", ".").strip(".")
        parts = s.split(".")
        if s and all(p.isdigit() and p.isascii() and not p.startswith("0") for p in parts):
            out.append(("number", s))
            if len(parts) == 1 and 2 <= len(s) <= 3:  # the dots lost: "11" for "1.1"
                for cuts in (c for k in range(1, len(s)) for c in combinations(range(1, len(s)), k)):
                    bits = [s[a:b] for a, b in zip((0, *cuts), (*cuts, len(s)))]
                    out.append(("number", ".".join(bits)))
    return out


class _Open(Protocol):
    """What :func:`ocr_label` reads of an open provision (provisions._Node)."""

    rank: Any
    ident: str | None
    prov: Any


def _next_number(ident: str) -> str | None:
    head, _, last = ident.rpartition(".")
    if not last.isdigit():
        return None
    return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)


def expected(stack: Sequence[_Open]) -> list[tuple[str, str, int, int]]:
    """The labels the open structure may take next, most likely first: (style, ident, rank, stack depth) — the
    next part or item of each open one (deepest first), an open item's first sub-item, then a first part or item
    where none is open."""
    out: list[tuple[str, str, int, int]] = []
    have_roman = have_item = False
    for i in range(len(stack) - 1, 0, -1):
        node = stack[i]
        if node.rank == _ROMAN_RANK and node.ident:
            have_roman = True
            nxt = ordinal(node.ident)
            if nxt is not None and nxt < 40:
                out.append(("roman", _to_roman(nxt + 1), _ROMAN_RANK, i))
        elif _ITEM_RANK <= node.rank < _POINT_RANK and node.ident and node.prov.kind in ("item", "clause"):
            have_item = True
            if i == len(stack) - 1 or stack[i + 1].rank >= _POINT_RANK:
                out.append(("number", node.ident + ".1", node.rank + 1, i + 1))
            nxt_id = _next_number(node.ident)
            if nxt_id is not None:
                out.append(("number", nxt_id, node.rank, i))
        if node.prov.kind in HEADING_KINDS and node.rank < _ROMAN_RANK:
            break  # never continue a list across an article or a chapter
    if not have_roman:
        out.append(("roman", "I", _ROMAN_RANK, depth_below(stack, _ROMAN_RANK)))
    if not have_item:
        out.append(("number", "1", _ITEM_RANK, depth_below(stack, _ITEM_RANK)))
    return out


def depth_below(stack: Sequence[_Open], rank: int) -> int:
    """The stack depth at which a node of ``rank`` goes: just under the deepest open node of a higher rank."""
    depth = len(stack)
    while depth > 1 and stack[depth - 1].rank >= rank:
        depth -= 1
    return depth


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def ocr_label(text: str, start: int, end: int, stack: Sequence[_Open]) -> tuple[str, int, Any, int, str] | None:
    """A part or item number OCR misread at ``text[start:end]``'s start, read as the label the open structure
    expects next: (kind, rank, match, stack depth, the label it stands for), else None."""
    m = _TOKEN.match(text, start, end)
    if m is None:
        return None
    found = {(style, ordinal(ident) if style == "roman" else ident) for style, ident in readings(m.group("id"))}
    if {("roman", 1), ("number", "1")} <= found:  # "L.", "!.": a first part or a first item, as the next label says
        second = _second(text, end)
        if second != "number":
            found.discard(("number", "1"))
        if second != "roman":
            found.discard(("roman", 1))
    nexts = expected(stack)
    for style, ident, rank, depth in nexts:
        if (style, ordinal(ident) if style == "roman" else ident) in found:
            return ("section" if style == "roman" else "item"), rank, m, depth, ident
    if heading_shaped(text, m.end(), end):  # the part before it lost whole as well: "HH. TỔ CHỨC THỰC HIỆN" after "I."
        for style, ident, rank, depth in nexts:
            after = (ordinal(ident) or 0) + 1
            if style == "roman" and depth < len(stack) and stack[depth].rank == rank and ("roman", after) in found:
                return "section", rank, m, depth, _to_roman(after)
    return None


_SECOND = lazy_regex(r"^[ \t]*[_\-]?(?:(?P<roman>II|H|[1l!](?=[ \t]*[.,][ \t]+\p{Lu}))|2)[ \t]*[.,][ \t]+\p{Lu}", flags=regex.MULTILINE)
_LOOK = 6000  # how far below a first label the next one is looked for


def _second(text: str, start: int) -> str | None:
    """What the first label below ``start`` makes of a first one: ``roman`` below a part's second number (``II.``,
    ``H.``) or its first item (``1.``), ``number`` below an item's second number (``2.``), else None."""
    m = _SECOND.search(text, start, min(len(text), start + _LOOK))
    if m is None:
        return None
    return "roman" if m.group("roman") else "number"


def heading_shaped(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a line after its label) reads as a part's title: upper-case letters, a few
    words, no sentence end (``TỔ CHỨC THỰC HIỆN``, ``NỘI DUNG, NHIỆM VỤ``)."""
    own = text[start:end].strip()
    letters = [c for c in own if c.isalpha()]
    if len(letters) < 4 or own.endswith((".", ";", ",")) or len(own.split()) > 16:
        return False
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)
