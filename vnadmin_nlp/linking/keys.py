"""Identity of documents and citations in an index: the same parts on both sides, so that they can be matched.

A document is identified by its own number-symbol, issuer and date; a citation by the number, date and issuer it
gives.  Both are reduced here with the extractors' own tools (``parse_symbol``, ``slug``, ``citation_key``) to:

* a *lookup* key, ``779/qd-ubnd``: the number without leading zeros and the symbol slugged (``NĐ``/``ND`` and
  ``09-NQ/TU``/``9/NQ-TU`` spellings meet), without the year; every document and citation with the same lookup
  key is a candidate pair, found through an index.  Laws cited by name use ``law:<slug of the name>``.
* the parts that tell candidates apart: year, date, issuer slug, type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

import regex

from ..data import load
from ..extractors.citations import NATIONAL_CODES, citation_key, slug
from ..extractors.number import SymbolParts, parse_symbol
from ..model import Citation, Document

# Issuer codes shared by every locality (each province has a UBND, each term its TU): these say little alone.
LOCAL_CODES = frozenset(set(load("bodies")["issuer_codes"]) - NATIONAL_CODES)
_LAW_TYPES = frozenset(load("citations")["law_types"])
# "Chủ tịch Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ": the signer's title is not part of the issuing body.
# So is a collective organ acting for its body: "Ban Thường vụ Tỉnh ủy" issues as the Tỉnh ủy (T/M BAN THƯỜNG VỤ).
_ORGANS = ("Ban Thường vụ", "Ban Chấp hành", "Thường trực", "Ban Chủ nhiệm")
_TITLES = sorted({slug(t) + "-" for t in (*load("signing")["person_titles"], *_ORGANS)}, key=len, reverse=True)
_KEY_YEAR = re.compile(r"@((?:19|20)\d\d)")
# "… tỉnh Bình Thuận", "… thành phố Cẩm Phả": a lower-case level then a capitalised name ("Xã hội" is no place);
# a Party committee names its level in its own name: "Tỉnh ủy Quảng Ninh" is of "tỉnh Quảng Ninh".
_PLACE = regex.compile(
    r"(?<![\p{L}])(?:" + "|".join(sorted(map(regex.escape, load("bodies")["admin_levels"]), key=len, reverse=True))
    + r")\s+\p{Lu}[\p{L}\s\-]*$"
)
_COMMITTEE = regex.compile(r"(?<![\p{L}])(?P<level>Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|uỷ)\s+(?P<name>\p{Lu}[\p{L}\s\-]*)$")
_COMMITTEE_LEVEL = {"Tỉnh": "tỉnh", "Thành": "thành phố", "Huyện": "huyện", "Quận": "quận", "Thị": "thị xã"}


def lookup_key(number: str | None, parts: SymbolParts | None = None) -> Optional[str]:
    """``09-NQ/TU`` -> ``9/nq-tu``, ``30/2020/NĐ-CP`` -> ``30/nd-cp``; None when there is no number or no symbol."""
    if not number:
        return None
    parts = parts or parse_symbol(number)
    if not parts.number or not parts.symbol:
        return None
    num = parts.number.lstrip("0").lower() or "0"
    sym = slug(parts.symbol)
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
    for t in _TITLES:
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
    return int(date[:4]) if date and date[:4].isdigit() else None


@dataclass(frozen=True)
class DocFacts:
    """What an index keeps about a document to be found by citations."""

    key: str
    lookups: tuple[str, ...]
    number_text: Optional[str]  # as printed, "/TB-BTTTT" for a number left blank
    number: Optional[str]
    symbol: Optional[str]
    type_code: Optional[str]
    issuer_code: Optional[str]
    year: Optional[int]
    date: Optional[str]
    doc_type: Optional[str]
    issuer_name: Optional[str]
    issuer_slugs: tuple[str, ...]
    places: tuple[str, ...]
    subject: Optional[str]


def doc_facts(doc: Document) -> DocFacts:
    """The identity of a parsed document, built like a citation's (``citation_key``) from its own parts."""
    num = doc.number
    number_text = num.text if num is not None and num.number else None  # "/TB-BTTTT" (blank number) names nothing
    year = (num.year if num is not None else None) or year_of(doc.date)
    issuer = doc.issuer.name if doc.issuer is not None else None
    doc_type = doc.doc_type.name if doc.doc_type is not None else None
    lookups = [k for k in (lookup_key(number_text), law_key(doc_type, doc.subject)) if k]
    key = citation_key(number_text, year, issuer, num.issuer_code if num is not None else None, None) if number_text else None
    if key is None:
        key = lookups[0] if lookups else f"sha256:{(doc.source.sha256 or '')[:16]}"
    slugs: list[str] = []
    bodies = ([doc.issuer] if doc.issuer is not None else []) + list(doc.issuers)
    for body in bodies:
        slugs.extend(issuer_slugs(body.name))
        parent = body.parent.name if body.parent is not None else ""
        # "Sở Nội vụ" under "Ủy ban nhân dân tỉnh Bình Thuận" is also cited as "Sở Nội vụ tỉnh Bình Thuận"
        place = re.sub(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân)\s+", "", parent)
        if place != parent:
            slugs.extend(issuer_slugs(f"{body.name} {place}"))
    return DocFacts(
        key=key,
        lookups=tuple(dict.fromkeys(lookups)),
        number_text=num.text if num is not None else None,
        number=num.number if num is not None else None,
        symbol=num.symbol if num is not None else None,
        type_code=num.type_code if num is not None else None,
        issuer_code=num.issuer_code if num is not None else None,
        year=year,
        date=doc.date,
        doc_type=doc_type,
        issuer_name=issuer,
        issuer_slugs=tuple(dict.fromkeys(slugs)),
        places=places([b.name for b in bodies] + [b.parent.name for b in bodies if b.parent is not None]),
        subject=doc.subject,
    )


@dataclass(frozen=True)
class CiteFacts:
    """What a citation says about the document it cites."""

    key: Optional[str]
    lookup: Optional[str]
    number: Optional[str]
    issuer_code: Optional[str]
    year: Optional[int]
    date: Optional[str]
    doc_type: Optional[str]
    issuer: Optional[str]
    issuer_slugs: tuple[str, ...]


def cite_facts(c: Citation) -> CiteFacts:
    parts = parse_symbol(c.number) if c.number else None
    year = (parts.year if parts else None) or year_of(c.date)
    if year is None and c.key:
        m = _KEY_YEAR.search(c.key)
        year = int(m.group(1)) if m else None
    lookup = lookup_key(c.number, parts) if c.number else (c.key if c.key and c.key.startswith("law:") else None)
    return CiteFacts(
        key=c.key,
        lookup=lookup,
        number=c.number,
        issuer_code=parts.issuer_code if parts else None,
        year=year,
        date=c.date,
        doc_type=c.doc_type,
        issuer=c.issuer,
        issuer_slugs=issuer_slugs(c.issuer),
    )


def merge_mentions(facts: list[CiteFacts]) -> list[CiteFacts]:
    """Later bare mentions of a number (``Công văn số 2769/UBND-NCKSTTHC``) take the year, date and issuer of a
    fuller mention of the same number in the same document, when nothing they say contradicts it."""
    best: dict[str, CiteFacts] = {}
    for f in facts:
        if f.lookup is None:
            continue
        b = best.get(f.lookup)
        if b is None or _richness(f) > _richness(b):
            best[f.lookup] = f
    out = []
    for f in facts:
        b = best.get(f.lookup) if f.lookup else None
        if b is None or b is f or not _agrees(f, b):
            out.append(f)
            continue
        year = f.year or b.year
        date = f.date or b.date
        issuer = f.issuer or b.issuer
        key = citation_key(f.number, year, issuer, f.issuer_code, None) if f.number else f.key
        out.append(
            CiteFacts(
                key=key,
                lookup=f.lookup,
                number=f.number,
                issuer_code=f.issuer_code,
                year=year,
                date=date,
                doc_type=f.doc_type or b.doc_type,
                issuer=issuer,
                issuer_slugs=f.issuer_slugs or b.issuer_slugs,
            )
        )
    return out


def _richness(f: CiteFacts) -> int:
    return (f.year is not None) + 2 * (f.date is not None and len(f.date) == 10) + 2 * bool(f.issuer_slugs)


def _agrees(f: CiteFacts, b: CiteFacts) -> bool:
    if f.year and b.year and f.year != b.year:
        return False
    if f.date and b.date and f.date != b.date:
        return False
    if f.issuer_slugs and b.issuer_slugs and issuer_match(f.issuer_slugs, b.issuer_slugs) == "conflict":
        return False
    return True


def issuer_match(cited: tuple[str, ...], doc: tuple[str, ...], cited_places: tuple[str, ...] = (),
                 doc_places: tuple[str, ...] = ()) -> str:
    """``exact``, ``partial`` (one name is the start of the other: ``Ủy ban nhân dân tỉnh`` / ``… tỉnh Bình
    Thuận``), ``conflict`` (other names, or the same body of another place: ``Sở Tư pháp tỉnh Đắk Lắk`` is not
    the ``Sở Tư pháp`` of Bình Dương), or ``unknown`` when a side has no issuer."""
    if not cited or not doc:
        return "unknown"
    if cited_places and doc_places and not set(cited_places) & set(doc_places):
        return "conflict"
    if set(cited) & set(doc):
        return "exact"
    for a in cited:
        a_cut = a.split("-va-")[0]  # "Chủ tịch UBND tỉnh và Quyết định": the extractor ran on; keep the head
        for b in doc:
            for x in (a, a_cut):
                if len(x) >= 4 and (b.startswith(x + "-") or x.startswith(b + "-")):
                    return "partial"
    return "conflict"
