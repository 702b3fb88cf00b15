"""A signer's name that a text converter set outside its column (``pdftotext -layout``, w3m): where the closing's
right column starts on such a line.

The name line of a signature block is often set apart from the rest of its column: run into the left column's
line with one space (pdftotext), or set inside the gutter, left of the column (w3m centres it in a cell of its
own).  A name is 2–4 capitalised Vietnamese syllables; one that starts with a family name (``signing.yaml``) is
taken first.
"""
from __future__ import annotations

import re
import unicodedata

from ..data import load
from ..lexicon.syllables import is_vietnamese_word

NAME_SLACK = 10  # a name run into the left column starts at most this far left of the gutter
_FAMILY_NAMES = frozenset(load("signing")["family_names"])  # "Trần", "Nguyễn": a name's first word
_GAP = 3  # spaces before a name set inside the gutter


def _col(line: str, i: int) -> int:
    """Display column of character ``i`` (combining marks take no column)."""
    return sum(1 for ch in line[:i] if not unicodedata.combining(ch))


def _capitalised(words: list[str], syllables: bool = True) -> bool:
    return all(w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower())
               and (not syllables or is_vietnamese_word(w)) for w in words)


def name_tail(line: str, lo: int, hi: int) -> int | None:
    """Where a signer's name starts that the converter ran into the left column's line with one space, across
    the gutter ("- HĐND, UBND các tỉnh, thành phố Phạm Minh Chính", pdftotext -layout): 2–4 capitalised
    syllables ending the line, starting near the gutter; one that starts with a family name first
    ("- Văn phòng Trung ương và các Ban Trần Hồng Hà": the item ends with a capitalised "Ban"), any other one
    only after a word in lower case or a comma."""
    words = list(re.finditer(r"\S+", line))
    tails = []
    for k in (4, 3, 2):
        if len(words) <= k or not _capitalised([w.group() for w in words[-k:]]):
            continue
        before = words[-k - 1].group()
        tails.append((words[-k].group() not in _FAMILY_NAMES, not (before[-1].islower() or before[-1] in ",;"), -k))
    for other, after_capital, k in sorted(tails):
        if other and after_capital:
            continue
        x = _col(line, words[k].start())
        return x if lo - NAME_SLACK <= x < hi else None
    return None


def gutter_name(line: str, lo: int, hi: int) -> int | None:
    """Where a signer's name starts that the converter set inside the gutter, after a wide gap, at the end of a
    left column's line ("– HĐND, UBND các tỉnh, thành phố trực      Hồ Đức Phớc", w3m): 2–4 capitalised
    words, the first a family name (then the others need not pass the syllable grammar: "Hồ Đức Phớc"), the whole
    line's last run."""
    m = re.search(r"\S( {%d,})(\S+(?: \S+){1,3})\s*$" % _GAP, line)
    if m is None:
        return None
    words = m.group(2).split()
    x = _col(line, m.start(2))
    if words[0] not in _FAMILY_NAMES or not _capitalised(words, syllables=False) or not lo <= x < hi:
        return None
    return x
