"""Parsing a number-symbol (số, ký hiệu): ``4231/UBND-VHTT``, ``30/2020/NĐ-CP``, ``09-NQ/TU``, ``155/1998/TT/BTC``.

The header's Số line, the number-symbols inside citations and the index's lookup keys are all read by this one
parser, so they give the same normalised form and the same parts.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import load
from ..model import Number
from .doc_types import JOINT_CODES, TYPE_CODES
from ..lexicon.lazy import lazy_regex

_DASHES = lazy_regex(r"\s*[-–—‐‑‒−]\s*")
_SLASH = lazy_regex(r"\s*/\s*")
# The number before the first separator; a hyphenated number (a serial within a series: "09-01/26/PT-PNC") is
# one number when a slash follows it, so "09-NQ/TU" stays the Party form.
_HEAD_SEP = lazy_regex(r"^(\d{1,6}-\d{1,3}(?=/)|[^/-]*?)([/-])(.*)$")
_SHORT_YEAR = lazy_regex(r"^\d\d$")  # "26" in "09-01/26/PT-PNC": kept in the symbol, not read as a year
_GROUP_SPLIT = lazy_regex(r"[-/]")
_YEAR = lazy_regex(r"^(?:19|20)\d\d$")
KNOWN_CODES = TYPE_CODES | set(load("bodies")["issuer_codes"])
TERM_CODES = set(load("bodies")["term_numbered_codes"])
# A footnote marker glued to the last code ("QĐ-UBND1"); "PA05" (a numbered unit: a leading zero) is a code.
_GLUED_NOTE = lazy_regex(r"(?<=[-/])(?P<code>\p{Lu}[\p{L}]*?)(?P<note>[1-9]\d?)$")


@dataclass
class SymbolParts:
    """A document number split into its parts, the key citations are linked by."""

    text: str
    number: str | None
    year: int | None
    symbol: str | None
    type_code: str | None
    issuer_code: str | None
    unit_code: str | None
    party: bool = False  # the Party form "09-NQ/TU": type code after the number, owner after the slash

    def to_number(self, span: tuple[int, int] | None = None) -> Number:
        return Number(
            text=self.text,
            number=self.number,
            year=self.year,
            symbol=self.symbol,
            type_code=self.type_code,
            issuer_code=self.issuer_code,
            unit_code=self.unit_code,
            span=span,
        )


@lru_cache(maxsize=4096)  # pure, and a document repeats its numbers: each is read once
def clean_symbol(raw: str) -> str:
    """Spaces around ``/`` and ``-`` removed, dash variants made ``-``, a glued footnote marker dropped."""
    s = _DASHES.sub("-", raw.strip())
    s = _SLASH.sub("/", s)
    s = s.rstrip(".,;:")
    m = _GLUED_NOTE.search(s)
    if m and m.group("code") in KNOWN_CODES and m.group("code") not in TERM_CODES:
        s = s[: m.start("note")]
    return s


# A term-numbered code with its term split off by a printed dash or space: "54/2014/QH-13", "03/1998/QH 10".
_SPLIT_TERM = lazy_regex(r"(?<![\p{L}])(?P<code>" + "|".join(sorted(TERM_CODES, key=len, reverse=True)) + r")(?:\s*[-–]\s*|\s+)(?P<term>\d{1,2})$")
# Thousands written with dots: "1.234/QĐ-UBND" is number 1234 ("66.12/2026/NQ-CP" is a numbered series: kept).
_THOUSANDS = lazy_regex(r"^\d{1,3}(?:\.\d{3})+(?=[/-])")


@lru_cache(maxsize=4096)  # pure, and a document repeats its numbers: each is read once
def fix_symbol(symbol: str) -> str:
    """A cited number-symbol with its printed typos mended (``54/2014/QH-13`` -> ``54/2014/QH13``); the
    citation's text keeps what is printed."""
    return _SPLIT_TERM.sub(lambda m: m.group("code") + m.group("term"), symbol)


# A code printed or read without the bar of its Đ (an ASCII copy, OCR: ``QĐ-BGDDT``): the known code it stands for.
_BARLESS = {c.replace("Đ", "D"): c for c in KNOWN_CODES if "Đ" in c and c.replace("Đ", "D") not in KNOWN_CODES}


def with_bars(symbol: str) -> str:
    """``1766/QĐ-BGDDT`` -> ``1766/QĐ-BGDĐT``: each group that is a known code with its Đ read as D, mended."""
    if "D" not in symbol:
        return symbol
    return "".join(_BARLESS.get(g, g) for g in regex.split(r"([-/])", symbol))


@lru_cache(maxsize=4096)  # pure, and a document repeats its numbers: each is read once
def key_symbol(symbol: str) -> str:
    """The form of a number-symbol that keys are built on: typos mended, thousands dots dropped
    (``1.234/QĐ-UBND`` -> ``1234/QĐ-UBND``) and the bar of a known code's Đ put back (``QD-BGDDT`` -> ``QĐ-BGDĐT``),
    so that the same document meets itself however it is printed or read."""
    s = with_bars(fix_symbol(symbol))
    m = _THOUSANDS.match(s)
    return s[: m.end()].replace(".", "") + s[m.end() :] if m else s


def valid_code(code: str) -> bool:
    """A symbol group is upper case, or mixed case with two capitals (``TTr``, ``QyĐ``), never a word (``Về``)."""
    return code.isupper() or sum(c.isupper() for c in code) >= 2 or (len(code) <= 3 and code[:-1].isupper() and code[:1].isupper() and len(code) > 1 and code[1:].isdigit())


def parse_symbol(raw: str) -> SymbolParts:
    """Split a number-symbol into its parts (see module docstring for the forms)."""
    return SymbolParts(*_parse_symbol(raw))  # a fresh object each call: callers may change theirs


@lru_cache(maxsize=4096)
def _parse_symbol(raw: str) -> tuple[str, str | None, int | None, str | None, str | None, str | None, str | None, bool]:
    """:func:`parse_symbol`'s fields, remembered: a document cites the same symbols again and again."""
    text = clean_symbol(raw)
    number: str | None = None
    rest = text
    m = _HEAD_SEP.match(text)
    party = False
    if m:
        head, sep, rest = m.groups()
        number = head if head and head[0].isdigit() else None
        party = sep == "-" and "/" in rest  # 09-NQ/TU
    year = None
    parts = rest.split("/")
    if len(parts) > 1 and _YEAR.match(parts[0]):
        year = int(parts[0])
        parts = parts[1:]
    symbol = "/".join(parts) or None
    type_code = issuer_code = unit_code = None
    if symbol:
        if party:
            type_code, _, owner = symbol.partition("/")
            groups = owner.split("-")
            issuer_code, unit_code = groups[0] or None, "-".join(groups[1:]) or None
        else:
            groups = [g for g in _GROUP_SPLIT.split(symbol) if g]
            if len(groups) > 1 and _SHORT_YEAR.match(groups[0]):
                groups = groups[1:]
            if groups and groups[0] in TYPE_CODES and len(groups) > 1:
                type_code = groups[0]
                rest_groups = groups[1:]
                if type_code in JOINT_CODES:
                    issuer_code = "-".join(rest_groups) or None
                else:
                    issuer_code = rest_groups[0]
                    unit_code = "-".join(rest_groups[1:]) or None
            elif groups:
                issuer_code = groups[0]
                unit_code = "-".join(groups[1:]) or None
    if number is None and m and not m.group(1):
        text = text if text.startswith(("/", "-")) else text
    return (text, number, year, symbol, type_code, issuer_code, unit_code, party)
