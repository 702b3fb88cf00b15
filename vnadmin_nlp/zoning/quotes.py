"""The new wording an amending text writes into another document: not the amending document's own words.

``Điều 13 được sửa đổi như sau:`` then a paragraph opening with a quotation mark, running to the mark that closes
it.  What stands inside (articles, duties, citations, ``… này``) belongs to the amended document: the relation of a
citation there is ``refers`` and a duty there is no task of the amending one.  Typographic quotes (``“…”``) close
at ``”``; straight quotes (``"…"``, what TCVN3 and plain-text copies print) close at a ``"`` that ends a line
(``";`` / ``".``), since the same mark also opens (or a backtick there, OCR's reading of a closing quote).  An
OCR'd page loses closing quotes, so only a quotation that opens a line right after a line ending in a colon is
taken.
"""
from __future__ import annotations

_WINDOW = 6000  # how far back an opening quote is looked for (bounded work per position)
_OPENERS = "“\""


def in_new_wording(key: str, pos: int, straight: bool = True) -> bool:
    """Is ``pos`` inside a quotation that opens a line after a line ending in a colon (the new wording of an
    amended text) and is not closed before ``pos``?  ``straight=False`` trusts typographic quotes only: an OCR'd
    letter that quotes a regulation loses the closing straight quote, and what follows would pass for quoted."""
    floor = max(0, pos - _WINDOW)
    openers = _OPENERS if straight else "“"
    # The lines are looked at from the last one up, each where it opens with a quote: found by looking for the
    # quotes, not by walking every line of the window (a long text asks this for every citation and task).
    at = pos
    while True:
        at = max(key.rfind(o, floor, at) for o in openers)
        if at <= floor:
            return False
        line = key.rfind("\n", floor, at) + 1
        if line <= floor:
            return False  # (the window's first line is not looked at: its start is not known)
        if key[line:at].strip(" \t") or not _ends_in_colon(key, line - 1, floor):
            continue  # not the first character of its line, or the line before ends in no colon
        if _closed(key, at, pos):
            return False
        # a straight quote that never closes (an OCR'd page lost it) is not trusted
        return key[at] == "“" or _closed(key, at, min(len(key), pos + _WINDOW))


def _ends_in_colon(key: str, end: int, floor: int) -> bool:
    """Does the line ending at ``end`` (its line break) end in a colon, spaces aside?"""
    i = end - 1
    while i >= floor and key[i] in " \t\r":
        i -= 1
    return i >= floor and key[i] == ":"


def _closed(key: str, opening: int, pos: int) -> bool:
    """Is the quotation opened at ``opening`` closed before ``pos``?"""
    if key[opening] == "“":
        return key.find("”", opening, pos) >= 0
    i = _next_close(key, opening + 1, pos)
    while i >= 0:
        j = i + 1
        while j < len(key) and j < i + 8 and key[j] in " .,;:)":
            j += 1
        if j >= len(key) or key[j] == "\n":  # a straight quote that ends its line closes
            return True
        i = _next_close(key, i + 1, pos)
    return False


# OCR reads a closing quote at a line's end as a backtick (cucthue_cv2191_2026: "… khoa học và công nghệ `" closes
# the quoted "Điều 39. …" of a law): at a line's end it closes as a straight quote does.
_CLOSERS = ('"', "`")


def _next_close(key: str, start: int, end: int) -> int:
    found = [i for i in (key.find(c, start, end) for c in _CLOSERS) if i >= 0]
    return min(found) if found else -1
