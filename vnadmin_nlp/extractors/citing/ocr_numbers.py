"""Cited numbers read by OCR (issue 13): a number OCR misread is mended only where one reading is left and it is well
formed (a legislature term that fits the symbol's year, a lost ``/`` whose mended number the document prints
cleanly elsewhere, a stray stroke in a code the document prints without it); otherwise the citation keeps its type, date, issuer and relation with its number null and the
reason for a warning: a wrong key links the citation to another document, a null links it to none.

Only OCR'd text is held to this (citations.py asks ``on_ocr``): a text layer prints what its author typed, and a
number such as ``15A/…`` or ``202/2025/QH14`` there is what the document says.  The real readings these rules come
from are tesseract's of the development scans (scripts/scan_body.py): ld_080 ``202/2025/QHI15`` (conf 37) for
``202/2025/QH15``, ``101S/MTTQ-BTT`` (60) for ``1018/MTTQ-BTT``, ``Hướng dẫn số 3l1-`` (22) for ``31-HD/BTCTW``;
ld_064 ``Nghị quyết số ZữNG-CP`` (0), ``7ữNG-CP``, ``70NQ-CP`` (14) and ``76NQ-CP`` (58) for ``76/NQ-CP``; ld_061
``173/KH-TTIXT`` (62) for ``173/KH-TTXT``.
"""
from __future__ import annotations

from collections import Counter

import regex

from ...data import load
from ...identity import parse_symbol, symbol_type, valid_code
from ...identity.symbol import TERM_CODES
from .found import Found, read_tail
from .numbers import Covered, known_code, reconcile_type, type_before
from ...lexicon.lazy import lazy_regex

_TERMS: dict[int, tuple[int, int]] = {int(k): (int(v[0]), int(v[1])) for k, v in load("citations")["legislature_terms"].items()}
_TERM_ALT = "|".join(sorted(TERM_CODES, key=len, reverse=True))
# A term-numbered code, then what OCR put between it and the term's digits (a stray stroke read I, l, |, i, !):
# "QHI15".  The digits are the term; no term has three digits, so the stroke is no 1.
_TERM_READ = lazy_regex(r"^(?P<code>" + _TERM_ALT + r")(?P<stray>[Il|i!]*)(?P<term>\d{1,3})$")
# A number whose digits end in a capital OCR reads for a digit (S for 5 or 8, B for 8, G for 6, Z for 2, O, I, l):
# "101S/MTTQ-BTT".  A numbered document's own letter is printed small ("15a/…"), and a text layer's is kept.
_DIGIT_SHAPES = frozenset("SBGZOIl|")
_HEAD_LETTER = lazy_regex(r"^\d[\d.]*(?P<letter>\D)(?=[/-])")


def term_fits(term: int, year: int | None) -> bool:
    """Whether the National Assembly's term ``term`` sat in ``year`` (data/citations.yaml ``legislature_terms``)."""
    span = _TERMS.get(term)
    return span is not None and year is not None and span[0] <= year <= span[1]


def read_number(number: str, year: int | None) -> tuple[str | None, str | None]:
    """An OCR'd citation number as it may be trusted: ``(number, None)`` (mended or as read), or ``(None, why)``."""
    m = _HEAD_LETTER.match(number)
    if m and m.group("letter") in _DIGIT_SHAPES:
        return None, f"a letter among its digits ({number.split('/')[0]!r})"
    head, sep, last = number.rpartition("/")
    t = _TERM_READ.match(last) if sep else None
    if t is None:
        return number, None
    term = int(t.group("term"))
    if term_fits(term, year):
        return (head + sep + t.group("code") + t.group("term") if t.group("stray") else number), None
    return None, f"the legislature term {last!r} does not fit the year {year}" if year else f"the term {last!r} without a year to check it"


# A stroke OCR read as a letter inside a code ("173/KH-TTIXT" for TTXT, ld_061 scanned at 150 dpi): dropped only
# where the code so mended is one the document prints in its other symbols (its own number, its other citations)
# and the code as read is neither a known code nor printed there.
_STROKES = frozenset("Il|i")
_CODE_RUN = lazy_regex(r"[^\W\d_]+")


def codes_of(number: str) -> list[str]:
    """The letter codes of a number-symbol (``173/KH-TTXT`` -> ``KH``, ``TTXT``)."""
    return _CODE_RUN.findall(number.partition("/")[2] or number)


def mend_codes(number: str, printed: Counter[str]) -> str:
    """``number`` with a code OCR read with a stray stroke mended to the one code the document prints (``printed``:
    the codes of its symbols, this one's included), else as read."""
    def mend(m: regex.Match) -> str:
        code = m.group()
        if known_code(code) or printed[code] > 1:
            return code
        cands = {code[:i] + code[i + 1 :] for i, ch in enumerate(code) if ch in _STROKES and 0 < i < len(code) - 1}
        cands = {c for c in cands if printed[c] > 0}
        return cands.pop() if len(cands) == 1 else code
    head, sep, rest = number.partition("/")
    return head + sep + _CODE_RUN.sub(mend, rest) if sep else number


# "Nghị quyết số ZữNG-CP ngày 15 tháng 7 năm 2021", "Hướng dẫn số 3l1-\nHD/BTCTW ngày 23/4/2025", "số 70NQ-CP ngày":
# "số", a token no number pattern read, then a symbol's separator and codes, then the date (``dated``; without it
# only a lost "/" the document confirms is read).  Tried only after "số" (a type word before it, ``type_before``) and
# only on OCR'd text.
_CODE = r"\p{Lu}[\p{L}\d&]*"
_UNREAD = lazy_regex(
    r"(?<![\p{L}])[sS][ốôỐÔ]\s{0,2}[:.]?\s{0,3}(?P<tok>[^\s/\-,;]{1,10}?)\s*(?P<sep>[/\-])\s*"
    r"(?P<sym>(?:(?:19|20)\d\d\s*/\s*)?" + _CODE + r"(?:\s*[/\-]\s*" + _CODE + r")*)(?![\p{L}\d])(?P<dated>(?=\s*,?\s*ngày\s+\d))?"
)
# The lost "/" of "76NQ-CP": digits glued to a code's capitals.
_GLUED = lazy_regex(r"^(?P<num>\d{1,5})(?P<code>\p{Lu}+)$")


def find_unread(text: str, key: str, start: int, end: int, taken: list[tuple[int, int]], numbers: set[str]) -> list[Found]:
    """Citations on OCR'd text whose number OCR garbled: a type word, ``số``, a token that is no number, a well
    formed symbol and a date.  The number stays null (``extra["unread"]`` says what OCR read), unless the token is
    digits glued to a known code (``76NQ-CP``) and the number so mended is one the document prints (``numbers``)."""
    out: list[Found] = []
    covered = Covered(taken)
    for m in _UNREAD.finditer(text, start, end):
        tok = m.group("tok")
        if covered(m.start("tok")) or tok.isdigit() or not any(c.isdigit() or c.isupper() for c in tok):
            continue  # read already, or a number that is one ("số 12/…" read or left out for its own reasons)
        sym = regex.sub(r"\s+", "", m.group("sym"))
        codes = [c for c in regex.split(r"[/\-]", sym) if c and not c.isdigit()]
        if not codes or not all(valid_code(c) for c in codes) or not any(known_code(c) for c in codes):
            continue
        t = type_before(key, m.start("tok"), start)
        if t is None:
            continue
        number = None
        glued = _GLUED.match(tok)
        if glued and known_code(glued.group("code")):
            cand = f"{glued.group('num')}/{glued.group('code')}{m.group('sep')}{sym}"
            number = cand if cand in numbers else None
        if number is None and m.group("dated") is None:
            continue  # a garbled token with no date after it: too little to say a document is cited
        parts = parse_symbol(number or "0/" + sym)
        own = symbol_type(parts.type_code, parts.year, parts.issuer_code, parts.unit_code, parts.party)
        f = Found(t[1], m.end(), doc_type=reconcile_type(t[0], own, parts), number=number, issuer_code=parts.issuer_code, year=parts.year)
        if number is None:
            f.extra.update(bare=True, unread=text[m.start("tok") : m.end()])
        read_tail(text, key, f, m.end(), end)
        out.append(f)
    return out

