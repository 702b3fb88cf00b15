"""Citations by number-symbol in every form (``Công văn số 2286/STTTT-CNTT ngày 10/10/2022 của Sở …``,
``09-NQ/TU``, ``101/CP``, ``Nghị định 87,88,31/CP``), with the type before them (or the type of the list they
stand in), and the date and issuer after them."""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator

import regex

from ...data import load
from ...identity import SymbolParts, clean_symbol, fix_symbol, parse_symbol, symbol_type, valid_code, with_bars
from ...identity.symbol import TERM_CODES
from ...lexicon.fold import fold, retone
from .found import CANON, CITATIONS, TYPE_ALT, Found, read_tail
from ...lexicon.lazy import escape, lazy_re, lazy_regex

# The type (and "số") right before a number, matched on the folded window that ends at the number.
# Composed with the type names (TYPE_ALT, from doc_types.yaml), so built here, not in patterns.yaml.
# OCR may put a stray dot between a type's words ("- Quyết. định số I195/QD-BGDĐT", bgddt_qd2827).
_TYPE_BEFORE = lazy_regex(retone(
    r"(?<![\p{L}])(?P<type>" + TYPE_ALT.replace(escape(" "), r"\.?\s+") + r")\s*(?:s[ốô](?:\s*hiệu)?\s*)?[:.]?\s*\Z"
))  # "sô": OCR
_JUNK = "".join(load("citations")["ocr_junk"])
_CODE = r"\p{Lu}[\p{L}\d&" + regex.escape(_JUNK) + r"]*"  # OCR junk inside a code is read, then dropped
_JUNK_RE = lazy_regex("[" + regex.escape(_JUNK) + "]")
_DIGIT_RUN = lazy_regex(r"\d+")
# The number patterns start with a run of digits that nothing of a word or a symbol stands before: they are
# matched only at the starts that number_starts finds once per document (a look-behind in each pattern would
# run at every character of the text, three times over).
# A term-numbered code printed with its term split off ("54/2014/QH-13"): read whole, mended by fix_symbol.
_SPLIT_TERM = r"(?:(?<=(?<![\p{L}])(?:" + "|".join(TERM_CODES) + r"))(?:\s*[-–]\s*|[ ])\d{1,2}(?![\d\p{L}/]))?"
NUMSYM = lazy_regex(
    r"(?P<num>\d{1,5}(?:\.\d{1,3}){0,2}[a-zA-Z]?|\d{1,2}[ ]\d{1,3}(?=\s*/))"  # "1.234/QĐ-UBND", "66.12/2026/NQ-CP"; OCR "số 1 18/2025/NĐ-CP"
    # a separator printed or read twice ("973//QĐ-BGDĐT", OCR "28/QĐ- -TTg"), any dash ("787/QĐ—UBND"): one
    r"(?:\s*(?P<sep>[/-])(?:\s*[/-])?\s*(?P<sym>(?:(?:19|20)\d\d\s*/\s*)?" + _CODE
    + r"(?:(?:\s*[-/–—](?:\s*[-–—])?\s*|\.(?=\p{Lu}))" + _CODE + r")*" + _SPLIT_TERM + ")"
    r"|[ ](?P<sym2>" + _CODE + r"\s*/\s*" + _CODE + r"(?:\s*/\s*" + _CODE + r")*))"
)
_SYMBOL_SPLIT = lazy_regex(r"[-/.]")
_DOUBLE_SEP = lazy_regex(r"([-/])[-/]+")


_ISSUER_CODES = frozenset(load("bodies")["issuer_codes"])
_GENERIC = {"Văn bản"}
_LETTER_TYPE_CODES = frozenset(load("citations")["letter_type_codes"])
_SO_WINDOW = 400  # characters a "Số:" label may take before its number on the line
_SO_LINE = lazy_regex(r"\s*S[ốỐoO]\s*:?[^\p{L}\d]*\Z")
_NORMATIVE = {row["name"] for row in load("doc_types")["normative"]}  # a sentence word that names no type: the symbol says which


def reconcile_type(said: str, own: str | None, parts: SymbolParts) -> str:
    """The cited document's type from the word before its number (``said``) and what its symbol names (``own``,
    ``identity.symbol_type``).  The symbol wins when it is well formed: a year (the normative form), or an issuer
    code that is known (``QĐ-UBND``, ``BTC-ĐT``), so that ``Nghị định … 1187/BTC-ĐT`` is a công văn.  A code that
    may be an old issuer code (``55/TC-TCT``: TC was the Bộ Tài chính, not a thông cáo) leaves the word."""
    if own is None and said in _GENERIC and parts.year is None and parts.symbol:
        return "Công văn"  # "Văn bản số 16/CGC.BT": a letter, whose code names no type (vbai_01, ld_052)
    if own is None or own == said:
        return said
    if said.startswith(own + " ") or (parts.party and (said, own) == ("Quy định", "Quyết định")):
        return said  # "Thông tư liên tịch" for TT, a Party "Quy định số 105-QĐ/TW"
    if (said == "Công văn" or said in _GENERIC) and parts.type_code in _LETTER_TYPE_CODES:
        return own  # "Công văn/Văn bản số 01/BC-HHNM": the letter word is generic, the code names a báo cáo
    issuer = (parts.issuer_code or "").split("-")[0]
    trusted = bool(parts.year) or issuer in _ISSUER_CODES or parts.party
    if own == "Công văn" and said not in _NORMATIVE:
        trusted = False  # "Tờ trình số 519/SNV-TCCC": a tờ trình printed without its code is still one
    if trusted:
        return own
    if said in _GENERIC and parts.year is None:
        return "Công văn"
    return said


_TYPE_CODES = frozenset(
    r["code"] for group in ("administrative", "normative", "party", "other") for r in load("doc_types")[group] if r.get("code")
)
_KNOWN_CODES = _ISSUER_CODES | _TYPE_CODES
_CODE_PART = lazy_regex(r"[^\W\d_]+")


def known_code(code: str) -> bool:
    """A code of data/bodies.yaml (issuer codes) or data/doc_types.yaml (type codes)."""
    return code in _KNOWN_CODES


def mend_ocr(number: str) -> str:
    """A symbol with an OCR slip mended where the mended code is a known one and the printed one is not: a doubled
    ``Đ`` (``1280/QĐĐ-BGDĐT`` -> ``QĐ``).  ``BGDDT`` stays: some documents print codes in ASCII, and the keys fold
    ``Đ`` anyway.  The citation's text keeps what is printed."""
    def mend(m: regex.Match) -> str:
        code = m.group()
        cand = code.replace("ĐĐ", "Đ")
        return cand if cand != code and code not in _KNOWN_CODES and cand in _KNOWN_CODES else code
    head, sep, rest = number.partition("/")
    return head + sep + _CODE_PART.sub(mend, rest) if sep else number


# A type word with a few words of its own before "số" ("Kết luận thanh tra số 2852/KL-TTCP", "Công văn trả lời số
# …"): read as the type only when the symbol's code names that same type (find_numbers checks).
_QUALIFIER_STOPS = "|".join(regex.escape(fold(w)) for w in load("citations")["type_qualifier_stops"])
_TYPE_QUALIFIED = lazy_regex(
    retone(r"(?<![\p{L}])(?P<type>" + TYPE_ALT + r")(?:\s+(?!(?:" + _QUALIFIER_STOPS + r")(?![\p{L}]))\p{L}+){1,3}\s+s[ốô]\s*[:.]?\s*\Z")
)


def type_before(key: str, pos: int, lo: int, own: str | None = None) -> tuple[str, int] | None:
    """The type named right before the number at ``pos`` (and "số"), and where it starts; None if none."""
    window_start = max(lo, pos - 60)
    m = _TYPE_BEFORE.search(key, window_start, pos)
    if not m and own is not None:
        m = _TYPE_QUALIFIED.search(key, window_start, pos)
        if m and CANON[m.group("type")] != own:
            m = None
    if not m:
        return None
    return CANON[" ".join(m.group("type").replace(".", " ").split())], m.start()


# OCR reads a digit as a letter of the same shape ("số I195/QD-BGDĐT", "số 1O5/QĐ-UBND", "202/2025/QHI5"): in a
# number right after "số" and before its "/", and in the term of a term-numbered code, those letters are digits.
_OCR_DIGIT = str.maketrans("IlO", "110")
_OCR_NUMBER = lazy_regex(
    r"(?<=(?<![\p{L}])[sS][ốôỐÔ]\s{0,3}[:.]?\s{0,3})(?P<tok>[\dIlO]{2,5})(?=\s*/)"
    r"|(?<=[/\-\s](?:" + "|".join(sorted(TERM_CODES, key=len, reverse=True)) + r"))(?P<term>[\dIlO]{2})(?![\p{L}\d])"
)
# A token to mend holds a digit beside one of those letters: one C scan says whether a text has any, so the pattern
# above (led by look-behinds, tried at every character) runs only on the few texts that do.
_MIXED = lazy_re(r"\d[IlO]|[IlO]\d")


def ocr_digits(text: str) -> str:
    """``text`` with the letters OCR put for digits in cited numbers made digits (same length: spans stay); a citation's
    text is still taken from the text as printed."""
    if not _MIXED.search(text):
        return text
    chars: list[str] | None = None
    for m in _OCR_NUMBER.finditer(text):
        tok = m.group()
        if tok.isdigit() or not any(c.isdigit() for c in tok):
            continue  # nothing to mend, or no digit to say it is a number ("số IO/…")
        chars = chars if chars is not None else list(text)
        chars[m.start() : m.end()] = tok.translate(_OCR_DIGIT)
    return text if chars is None else "".join(chars)


def blocks_number(text: str, pos: int) -> bool:
    """Does the character before ``pos`` keep a number from starting there (``A12``, ``3/12``, ``1.2``, ``-5``)?"""
    return pos > 0 and ((c := text[pos - 1]).isalpha() or c.isdecimal() or c in "/.-" or c in _JUNK)


# A run of digits that nothing blocks (blocks_number, in one scan): str.isalpha is \p{L}, str.isdecimal is \d.
_NUMBER_START = lazy_regex(r"(?<![\p{L}\d/.\-" + regex.escape(_JUNK) + r"])\d+")


def number_starts(text: str, start: int, end: int) -> list[int]:
    """Where a cited number can start: each run of digits in ``[start, end)`` with no letter, digit, ``/``, ``.``
    or ``-`` (or OCR junk) before it."""
    return [m.start() for m in _NUMBER_START.finditer(text, start, end)]


# A number-symbol mention is short: each attempt looks at this many characters.  ``regex`` first searches a
# pattern's required literal up to ``endpos``, so an attempt bounded only by the end of the text scans the rest
# of it at every number start (quadratic on long texts).
_WINDOW = 1000


def matches_at(pattern: regex.Pattern, text: str, starts: list[int], end: int) -> Iterator[regex.Match]:
    """The matches of ``pattern`` beginning at ``starts``, left to right and not overlapping (as ``finditer``)."""
    last = -1
    match = pattern.match  # (called for every number of the text: the attribute read once)
    for pos in starts:
        if pos < last:
            continue
        stop = pos + _WINDOW
        if stop < end:
            m = match(text, pos, stop)
            if m is not None and m.end() > stop - 100:  # the window may have cut it: look at the rest
                m = match(text, pos, end)
        else:
            m = match(text, pos, end)
        if m:
            last = m.end()
            yield m


class Covered:
    """Whether a position falls inside any of a list of spans, by bisection (the spans may overlap)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        for _, b in spans:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def __call__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos


def _on_so_line(text: str, pos: int) -> bool:
    """The text before ``pos`` on its line is a "Số:" label alone.  The line start is looked for within
    ``_SO_WINDOW`` characters only: a label is short, and an unbounded look back on a text of few line breaks made
    the scan quadratic (10 MB of symbols on one line: 4.8x the time per KB of 1 MB)."""
    window = max(0, pos - _SO_WINDOW)
    nl = text.rfind("\n", window, pos)
    if nl < 0 and window > 0:
        return False  # no line break within the window: the line holds far more than a label
    return bool(_SO_LINE.match(text, nl + 1, pos))


def find_numbers(
    text: str, key: str, start: int, end: int, taken: list[tuple[int, int]], skip: list[tuple[int, int]], starts: list[int]
) -> list[Found]:
    out: list[Found] = []
    covered = Covered(taken + skip)
    for m in matches_at(NUMSYM, text, starts, end):
        if covered(m.start()) or (out and m.start() < out[-1].end):
            continue
        if " " in m.group("num") and not CITATIONS.so_before.search(text, max(start, m.start() - 8), m.start()):
            continue  # digits split by a space make one number only right after "số" ("Nghị định số 1 18/2025/NĐ-CP")
        if _on_so_line(text, m.start()):
            continue  # the header's own Số line, unread ("Số:/‡6/CT-UBND"): no citation
        raw = _JUNK_RE.sub("", m.group()).replace(m.group("num"), m.group("num").replace(" ", ""), 1)
        number = mend_ocr(fix_symbol(_DOUBLE_SEP.sub(r"\1", clean_symbol(raw))))
        parts = parse_symbol(number)
        codes = [c for c in _SYMBOL_SPLIT.split(parts.symbol or "") if c and not c.isdigit()]
        typed = parse_symbol(with_bars(number))  # the type a code names, its Đ read as D or not ("QD-BGDĐT", "ND-CP")
        if not all(valid_code(c) for c in codes) or not any(sum(ch.isalpha() for ch in c) >= 2 for c in codes):
            continue  # "7- Về …" (a list label), "số 158/A49" (a street address): not symbols
        own = symbol_type(typed.type_code, typed.year, typed.issuer_code, typed.unit_code, typed.party)
        t = type_before(key, m.start(), start, own)
        f = Found(m.start(), m.end(), number=number, issuer_code=parts.issuer_code, year=parts.year)
        if t:
            f.doc_type, f.start = reconcile_type(t[0], own, parts), t[1]
            if f.doc_type != t[0] and t[0] not in _GENERIC:
                f.extra["type_said"] = t[0]
        elif out and CITATIONS.list_sep.search(text, out[-1].end, m.start()) and m.start() - out[-1].end < 8:
            # "các Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND"; a symbol that names its own type says it
            f.doc_type = own or out[-1].doc_type
            f.extra["list_of"] = out[-1]
            if own and out[-1].doc_type and own != out[-1].doc_type:
                f.extra["type_said"] = out[-1].doc_type
        elif own:
            f.doc_type = own
        else:
            # a bare "123/ABC" with no type and no type code: too weak to be a citation
            if not CITATIONS.so_before.search(text, max(start, m.start() - 8), m.start()):
                continue
        read_tail(text, key, f, m.end(), end)
        out.append(f)
    _share_list_tails(out)
    return out


# A draft leaves the number blank, spaces only ("Tờ trình số     /TTr-SNV ngày     tháng 3 năm 2025"): a real document
# not yet numbered, cited with a null number (fixtures/gold/body/README.md, session 18).  Dots or ellipses are the
# blanks of an appended form ("Quyết định số …/QĐ-UBND"): no citation.
_BLANK_NUMBER = lazy_regex(
    r"(?<![\p{L}])[sS][ốôỐÔ]\s{0,2}:?[ \t]{0,30}/[ \t]*(?P<sym>" + _CODE + r"(?:[ \t]*[-–][ \t]*" + _CODE + r")*)(?![\p{L}\d/])"
)


def find_blank_numbers(text: str, key: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Found]:
    """Citations of a draft's documents whose number is left blank: the type before ``số``, a symbol whose codes
    are well formed; the symbol is kept in ``extra`` (the document's own blank number is no citation)."""
    out: list[Found] = []
    covered = Covered(taken)
    for m in _BLANK_NUMBER.finditer(text, start, end):
        if covered(m.start()) or _on_so_line(text, m.start()):
            continue
        t = type_before(key, m.start(), start)
        if t is None:
            continue
        sym = clean_symbol(m.group("sym"))
        codes = [c for c in _SYMBOL_SPLIT.split(sym) if c]
        if not any(valid_code(c) for c in codes) or not all(c[0].isupper() and c.isalnum() for c in codes):
            continue
        parts = parse_symbol("0/" + sym)
        own = symbol_type(parts.type_code, parts.year, parts.issuer_code, parts.unit_code, parts.party)
        f = Found(t[1], m.end(), doc_type=reconcile_type(t[0], own, parts), issuer_code=parts.issuer_code)
        f.extra.update(bare=True, blank_symbol=sym)  # no key: nothing to link a blank number by
        read_tail(text, key, f, m.end(), end)
        out.append(f)
    return out


# ("Thông tư số 01, 02/2024/TT-BTC": the year is shared too)
_NUM_LIST = lazy_regex(
    r"(?P<nums>\d{1,5}(?:\s*,\s*\d{1,5})+)\s*/\s*(?P<sym>(?:(?:19|20)\d\d\s*/\s*)?" + _CODE + r"(?:\s*[-/]\s*" + _CODE + r")*)"
)


# What _NUM_LIST needs at a number start: its whole run of digits, then a comma and a digit (white space between).
# The commas followed by a digit are few: each gives the start of the run of digits before it (str.isspace takes
# every white space regex's \s does), and only those starts are tried.
_COMMA_DIGIT = lazy_re(r",\s*\d")


def _list_heads(text: str, start: int, end: int) -> set[int]:
    heads = set()
    for m in _COMMA_DIGIT.finditer(text, start, end):
        i = m.start()
        while i > start and text[i - 1].isspace():
            i -= 1
        j = i
        while j > start and text[j - 1].isdecimal():
            j -= 1
        if j < i:
            heads.add(j)
    return heads


def find_number_lists(text: str, key: str, start: int, end: int, starts: list[int]) -> list[Found]:
    """``Nghị định 87,88,31/CP``: several numbers sharing one symbol, one citation each."""
    out = []
    heads = _list_heads(text, start, end)
    for m in matches_at(_NUM_LIST, text, [p for p in starts if p in heads] if heads else [], end):
        t = type_before(key, m.start(), start)
        if not t:
            continue
        sym = clean_symbol(m.group("sym"))
        head: Found | None = None
        for n in _DIGIT_RUN.finditer(m.group("nums")):
            number = f"{n.group()}/{sym}"
            parts = parse_symbol(number)
            f = Found(t[1], m.end(), doc_type=t[0], number=number, issuer_code=parts.issuer_code, year=parts.year)
            read_tail(text, key, f, m.end(), end)
            if head is not None:
                f.extra["list_of"] = head  # one mention: every number takes the relation of the first
            head = head or f
            out.append(f)
    return out


def _share_list_tails(found: list[Found]) -> None:
    """``Quyết định số 1743/QĐ-BGTVT và 1744/QĐ-BGTVT ngày 31/12/2024 của Bộ trưởng…``: the list shares the tail."""
    for f in reversed(found):
        prev = f.extra.get("list_of")
        if prev is None:
            continue
        if prev.date is None and prev.issuer is None:
            prev.date, prev.issuer = f.date, f.issuer
            prev.year = prev.year or f.year
