"""Lines of legacy documents (RTF, antiword's .doc text): header columns typed with whitespace, soft hyphens.

Shared by the RTF reader and the .doc reader, whose text comes as lines laid out with tabs and spaces.
"""
from __future__ import annotations

import re
import unicodedata

from ..lexicon.syllables import is_vietnamese_word
from .base import Block

# Layout whitespace inside one line ("BỘ TÀI CHÍNH<40 spaces>CỘNG HÒA…", "VĂN PHÒNG UBND TỈNH<tab>CỘNG HÒA…"):
# the columns of a header typed with spaces or tab stops.  A tab, or 8 spaces or more (4 or more between two
# stretches in capitals), splits the line into separate blocks, except after a list marker ("a)<tab>Khoản 3…")
# and around fill-in blanks ("Số:<spaces>/QĐ-UBND", "ngày<spaces>tháng").
_GAP = re.compile(r"[ \u00a0]*\t[ \t\u00a0]*|[ \u00a0]{4,}")
_WIDE = 8
_LIST_MARKER = re.compile(r"^(?:\(?[0-9]{1,3}[.)]|\(?[a-zđA-ZĐ][.)]|[IVXLC]{1,6}[./]|[-+*•–·●▪■◦])$")
_BLANK_LABEL = re.compile(r"(?:^|\s)(?:số|ngày|tháng|năm)\s*:?$", re.IGNORECASE)
# …only where what follows the gap goes on with the value: the symbol or the rest of a number ("/QĐ-UBND",
# "-CV/TU", "QĐ-UBND", digits, dots), the next date word ("tháng", "năm").  Anything else is the other column:
# the Quốc hiệu, the motto or the place and date ("Nghị quyết số:<spaces>Độc lập - Tự do - Hạnh phúc",
# "Nghị quyết số:<spaces>Hà Nội, ngày 26 tháng 9 năm 2025", pdftotext -layout): then the label ends its
# column, its number is on the next line.
_VALUE_REST = re.compile(r"(?:[/\-–.…_]|\d|(?i:tháng|năm)\b|[A-ZĐ]{1,8}[-/])")


def _capitals(text: str) -> bool:
    """Mostly capitals (a header column: "BỘ TÀI CHÍNH", "CỘNG HÒA…"), at least four letters."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def column_gap(left: str, right: str) -> bool:
    """Whether a wide gap between two pieces of a line separates two columns: not after a list marker ("1.",
    "a)"), nor a blank to fill in ("Số:      /UBND", "ngày     tháng"); a label before the other column (the
    Quốc hiệu, the motto, the place and date) is a column's last line ("Nghị quyết số:<spaces>Hà Nội, ngày …")."""
    left, right = left.strip(), right.strip()
    blank = bool(_BLANK_LABEL.search(left)) and bool(_VALUE_REST.match(right))
    return not (_LIST_MARKER.match(left) or right.startswith("/") or blank)


# The Quốc hiệu cut by a narrow column ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" | "VIỆT NAM", "… CHỦ NGHĨA VIỆT" | "NAM"):
# one phrase, joined back.
_NATIONAL_CUT = re.compile(r"CỘNG\s*H[OÒ][ÀA]\s+XÃ\s+HỘI(?:\s+CHỦ(?:\s+NGH\S*(?:\s+VIỆT)?)?)?$", re.IGNORECASE)
_NATIONAL_REST = re.compile(r"(?:CHỦ|NGH[ĨÍÌI]A|VIỆT|NAM)\b", re.IGNORECASE)
# The motto cut by a narrow column ("Độc lập - Tự do - Hạnh" | "phúc"): one phrase, joined back.
_MOTTO_CUT = re.compile(r"Độc\s*lập(?:\s*[-–]\s*(?:Tự(?:\s+do(?:\s*[-–]\s*(?:Hạnh)?)?)?)?)?$", re.IGNORECASE)
_MOTTO_REST = re.compile(r"(?:[-–]\s*)?(?:Tự|do|Hạnh|phúc)\b", re.IGNORECASE)
# A label and its value cut apart: "Nghị quyết số:" | "106/2025/UBTVQH15"
_NUMBER_LABEL = re.compile(r"(?:^|\s)số\s*:$", re.IGNORECASE)
# A date cut inside "ngày … tháng … năm …": "Hà Nội, ngày 31 tháng 12 năm" | "2025", "Hà Nội, ngày 02" | "tháng 12 năm 2025"
_DATE_CUT = re.compile(r"(?:^|\s)ngày\b(?:\s*\d{1,2}(?:\s+tháng(?:\s*\d{1,2}(?:\s+năm)?)?)?)?$", re.IGNORECASE)
_DATE_REST = re.compile(r"(?:\d{1,4}\b|tháng\b|năm\b)", re.IGNORECASE)
# A number-symbol cut at its hyphen: "Số: 21/2025/TT-" | "BNV"
_HYPHEN_CUT = re.compile(r"\d+/\S*[\w.]-$")


def national_cut(line: str, following: str) -> bool:
    """Whether two lines of one column are the Quốc hiệu wrapped at the column's width."""
    return bool(_NATIONAL_CUT.search(unicodedata.normalize("NFC", line.strip()))
                and _NATIONAL_REST.match(unicodedata.normalize("NFC", following.strip())))


def motto_cut(line: str, following: str) -> bool:
    """Whether two lines of one column are the motto wrapped at the column's width."""
    return bool(_MOTTO_CUT.search(unicodedata.normalize("NFC", line.strip()))
                and _MOTTO_REST.match(unicodedata.normalize("NFC", following.strip())))


def number_label_cut(line: str, following: str) -> bool:
    """Whether a number label ("Số:", "Nghị quyết số:") ends the line and its number starts the following one."""
    following = following.strip()
    return bool(_NUMBER_LABEL.search(line.strip()) and following[:1].isdigit())


def date_cut(line: str, following: str) -> bool:
    """Whether a date "ngày … tháng … năm …" is cut between the line and the following one."""
    return bool(_DATE_CUT.search(unicodedata.normalize("NFC", line.strip()))
                and _DATE_REST.match(unicodedata.normalize("NFC", following.strip())))


def value_cut(line: str, following: str) -> bool:
    """One value set on two lines: the Quốc hiệu, the motto, "Số:" and its number, a date."""
    return (national_cut(line, following) or motto_cut(line, following) or number_label_cut(line, following)
            or date_cut(line, following))


def _caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def cell_join(line: str, following: str, fits: bool, names: bool = True) -> str | None:
    """How two lines of one column cell are joined when the converter wrapped the first at the cell's width
    ("" or " "), or None when the break is the document's own.

    ``fits``: the following line's first word would have fitted after the line within the cell's width (then the
    break was made by hand).  The Quốc hiệu is always one phrase; "Số:" and its number, a date ("ngày 31 tháng 12
    năm" | "2025") and a number-symbol cut at its hyphen ("21/2025/TT-" | "BNV") are one value.  Otherwise a
    wrapped line neither ends nor starts a unit (".:;)" / "(-+"), and both are in mixed case (a name: "Bùi Thanh"
    | "Sơn") or the following is one capitalised syllable ("ỦY BAN THƯỜNG VỤ QUỐC" | "HỘI"); two capitalised
    lines of several words stay apart (a
    parent body above its issuer: "BỘ TÀI CHÍNH" | "TỔNG CỤC THUẾ").  With ``names`` off, a mixed-case line goes
    on only with a following line in lower case ("- HĐND, UBND các tỉnh, thành phố" | "trực thuộc trung ương;"):
    where the width is only the widest line's (a PDF), a line set as the document set it cannot be told from a
    wrapped one by the width alone.
    """
    line, following = line.strip(), following.strip()
    if not line or not following:
        return None
    if value_cut(line, following):
        return " "
    if not fits and _HYPHEN_CUT.search(line) and following[0].isalnum() and " " not in following.split("/")[0]:
        return ""
    words = following.split()
    unit = line[-1] in ".:;)" or following[0] in "(-+*•"
    mixed = not _caps(line) and not _caps(following) and (names or following[0].islower())
    # one capitalised syllable ("HỘI", "TƯỚNG"), never a mark or stamp residue ("VVV")
    same = mixed or (_caps(line) and _caps(following) and len(words) == 1 and is_vietnamese_word(words[0].strip(".,;:")))
    return " " if not fits and not unit and same else None


def split_layout_gaps(text: str) -> list[str]:
    """Split a line at tabs and wide runs of spaces (side-by-side columns typed with whitespace).

    A piece of one or two punctuation marks (a ":" between two tabs) stays attached to the following piece.
    """
    if "\t" not in text and "    " not in text and "\u00a0" not in text:
        stripped = text.strip()
        return [stripped] if stripped else []
    parts: list[str] = []
    start = 0
    for m in _GAP.finditer(text):
        if m.start() == 0 or m.end() == len(text):
            continue
        left = text[start:m.start()].strip()
        right = text[m.end():]
        if not left or not column_gap(left, right):
            continue
        if "\t" not in m.group(0) and len(m.group(0)) < _WIDE and not (_capitals(left) and _capitals(right)):
            continue
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    out: list[str] = []
    carry = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if len(part) <= 2 and not any(ch.isalnum() for ch in part):
            carry = f"{carry} {part}".strip()
            continue
        out.append(f"{carry} {part}".strip() if carry else part)
        carry = ""
    if carry:
        if out:
            out[-1] = f"{out[-1]} {carry}"
        else:
            out.append(carry)
    return out


def drop_soft_hyphens(blocks: list[Block]) -> list[Block]:
    """Remove the soft hyphens left once legacy text is converted (they are invisible) and empty blocks."""
    out = []
    for block in blocks:
        if "\u00ad" in block.text:
            block.text = block.text.replace("\u00ad", "").strip()
        if block.text:
            out.append(block)
    return out
