"""Keys of documents: the canonical key of a cited document, the lookup key an index finds candidates by, and the
slugs of names and places that tell candidates apart.

* ``citation_key``: ``30/2020/NĐ-CP``, ``125/KH-UBND@2022#uy-ban-nhan-dan-thanh-pho-cam-pha`` (year and issuer
  added where the symbol lacks them and the issuer code recurs in every province), ``law:<slug of the name>``
  for a law cited by name.  One document cited in different ways gets one key.
* ``lookup_key``: ``779/qd-ubnd``, the number without leading zeros and the symbol slugged (``NĐ``/``ND`` and
  ``09-NQ/TU``/``9/NQ-TU`` spellings meet), without the year: every document and citation with the same lookup
  key is a candidate pair.
"""
from __future__ import annotations

from functools import cache
from typing import Iterable, Optional

import regex

from ..data import load
from ..lexicon.fold import bare, fold
from .symbol import SymbolParts, fix_symbol, key_symbol, parse_symbol
from ..lexicon.lazy import escape, lazy_regex

_BODIES = load("bodies")
# Issuer codes that name one body nationwide; the others (UBND, HĐND, TU…) recur in every province, so a key
# built on them needs the issuer's name.
NATIONAL_CODES = frozenset(c for c in _BODIES["issuer_codes"] if c not in ("UBND", "HĐND", "TU", "HU", "ĐU"))
# Issuer codes shared by every locality (each province has a UBND, each term its TU): these say little alone.
LOCAL_CODES = frozenset(set(_BODIES["issuer_codes"]) - NATIONAL_CODES)
_LAW_TYPES = frozenset(load("citations")["law_types"])
_NON_SLUG = lazy_regex(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """An ASCII slug of a name for keys: ``Ủy ban nhân dân tỉnh Quảng Ninh`` -> ``uy-ban-nhan-dan-tinh-quang-ninh``."""
    return _NON_SLUG.sub("-", bare(fold(text))).strip("-")


def citation_key(number: str | None, year: int | None, issuer: str | None, issuer_code: str | None, title: str | None) -> str | None:
    """The canonical identity of a cited document (see module docstring)."""
    if number:
        parts = parse_symbol(key_symbol(number))
        key = parts.text
        if parts.year is None and year:
            key += f"@{year}"
        if issuer and issuer_code not in NATIONAL_CODES and parts.issuer_code not in NATIONAL_CODES:  # (BGDDT: BGDĐT)
            key += f"#{slug(issuer)}"
        return key
    if title:
        return f"law:{slug(title)}"
    return None


# "Chủ tịch Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ": the signer's title is not part of the issuing body.
# So is a collective organ acting for its body: "Ban Thường vụ Tỉnh ủy" issues as the Tỉnh ủy (T/M BAN THƯỜNG VỤ).
_ORGANS = ("Ban Thường vụ", "Ban Chấp hành", "Thường trực", "Ban Chủ nhiệm")


@cache
def _titles() -> list[str]:
    """The titles' slugs, longest first (built on first use: slugging runs a pattern, which import should not
    compile)."""
    return sorted({slug(t) + "-" for t in (*load("signing")["person_titles"], *_ORGANS)}, key=len, reverse=True)


# "… tỉnh Bình Thuận", "… thành phố Cẩm Phả": a lower-case level then a capitalised name ("Xã hội" is no place);
# a Party committee names its level in its own name: "Tỉnh ủy Quảng Ninh" is of "tỉnh Quảng Ninh".
_PLACE = lazy_regex(
    r"(?<![\p{L}])(?:" + "|".join(sorted(map(escape, _BODIES["admin_levels"]), key=len, reverse=True))
    + r")\s+\p{Lu}[\p{L}\s\-]*$"
)
_COMMITTEE_LEVEL = {name.split()[0]: level for name, level in _BODIES["party_committees"].items()}  # "Tỉnh": "tỉnh"
_COMMITTEE = lazy_regex(
    r"(?<![\p{L}])(?P<level>" + "|".join(_COMMITTEE_LEVEL) + r") (?:ủy|uỷ)\s+(?P<name>\p{Lu}[\p{L}\s\-]*)$"
)


def lookup_key(number: str | None, parts: SymbolParts | None = None) -> Optional[str]:
    """``09-NQ/TU`` -> ``9/nq-tu``, ``30/2020/NĐ-CP`` -> ``30/nd-cp``; None when there is no number or no symbol."""
    if not number:
        return None
    parts = parts or parse_symbol(number)
    if not parts.number or not parts.symbol:
        return None
    num = key_symbol(parts.number + "/").rstrip("/").lstrip("0").lower() or "0"
    sym = slug(fix_symbol(parts.symbol))
    return f"{num}/{sym}" if sym else None


def law_key(doc_type: str | None, title: str | None) -> Optional[str]:
    """The key a law cited by name gets (``citation_key`` with a title): ``law:luat-xu-ly-vi-pham-hanh-chinh``."""
    if not doc_type or doc_type not in _LAW_TYPES or not title:
        return None
    return citation_key(None, None, None, None, f"{doc_type} {title}")


def issuer_slugs(name: str | None) -> tuple[str, ...]:
    """The slug of an issuer's name, and the same without a signer's title in front."""
    if not name:
        return ()
    s = slug(name)
    out = [s] if s else []
    for t in _titles():
        if s.startswith(t) and len(s) > len(t):
            out.append(s[len(t):])
            break
    return tuple(out)


def places(names: Iterable[str | None]) -> tuple[str, ...]:
    """The localities named in issuers' names, slugged: ``Sở Nội vụ`` under ``UBND tỉnh Bình Thuận`` ->
    ``tinh-binh-thuan``.  A document cites bodies of its own locality without naming the place."""
    out = []
    for name in names:
        m = _PLACE.search(name or "")
        if m:
            out.append(slug(m.group()))
            continue
        m = _COMMITTEE.search(name or "")
        if m:
            out.append(slug(f"{_COMMITTEE_LEVEL[m.group('level')]} {m.group('name')}"))
    return tuple(dict.fromkeys(out))


def year_of(date: str | None) -> Optional[int]:
    return int(date[:4]) if date and date[:4].isdigit() and date[:4].isascii() else None
