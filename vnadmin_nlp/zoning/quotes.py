"""The new wording an amending text writes into another document: not the amending document's own words.

``Điều 13 được sửa đổi như sau:`` then a paragraph opening with a quotation mark, running to the mark that closes
it.  What stands inside (articles, duties, citations, ``… này``) belongs to the amended document: the relation of a
citation there is ``refers`` and a duty there is no task of the amending one.  Typographic quotes (``“…”``) close
at ``”``; straight quotes (``"…"``, what TCVN3 and plain-text copies print) close at a ``"`` that ends a line
(``";`` / ``".``), since the same mark also opens.  An OCR'd page loses closing quotes, so only a quotation that
opens a line right after a line ending in a colon is taken.
"""
from __future__ import annotations

_WINDOW = 6000  # how far back an opening quote is looked for (bounded work per position)
_OPENERS = "“\""


def in_new_wording(key: str, pos: int, straight: bool = True) -> bool:
    """Is ``pos`` inside a quotation that opens a line after a line ending in a colon (the new wording of an
    amended text) and is not closed before ``pos``?  ``straight=False`` trusts typographic quotes only: an OCR'd
    letter that quotes a regulation loses the closing straight quote, and what follows would pass for quoted."""
    floor = max(0, pos - _WINDOW)
    line = key.rfind("\n", floor, pos) + 1 if pos > floor else floor
    while line > floor:
        start = line
        while start < pos and key[start] in " \t":
            start += 1
        if start < pos and key[start] in (_OPENERS if straight else "“") and _ends_in_colon(key, line - 1, floor):
            if _closed(key, start, pos):
                return False
            # a straight quote that never closes (an OCR'd page lost it) is not trusted
            return key[start] == "“" or _closed(key, start, min(len(key), pos + _WINDOW))
        line = key.rfind("\n", floor, line - 1) + 1
    return False


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
    i = key.find('"', opening + 1, pos)
    while i >= 0:
        j = i + 1
        while j < len(key) and j < i + 8 and key[j] in " .,;:)":
            j += 1
        if j >= len(key) or key[j] == "\n":  # a straight quote that ends its line closes
            return True
        i = key.find('"', i + 1, pos)
    return False
