"""What the index keeps about each document and each citation, built from ``identity``'s keys, so that a citation
can be matched with the documents it may name.

A document is identified by its own number-symbol, issuer and date (``DocFacts``); a citation by the number, date
and issuer it gives (``Cited``), the same record whether the index is storing it or the resolver is reading it
back with where it stands (its row, the citing document's places and date).  Both sides are reduced with the
same tools (``parse_symbol``, ``slug``, ``citation_key``) to a lookup key that finds candidates and the parts
that tell candidates apart: year, date, issuer slugs, places, type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ..identity import citation_key, issuer_slugs, law_key, lookup_key, parse_symbol, places, year_of
from ..model import Citation, Document

_KEY_YEAR = re.compile(r"@((?:19|20)\d\d)")


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
class Cited:
    """What a citation says about the document it cites; read back from the index, also where it stands."""

    key: Optional[str]
    lookup: Optional[str]
    number_text: Optional[str]
    issuer_code: Optional[str]
    year: Optional[int]
    date: Optional[str]
    doc_type: Optional[str]
    issuer: Optional[str]
    issuer_slugs: tuple[str, ...]
    relation: str = "refers"
    src: Optional[int] = None  # the citing document's row and the citation's index in it, once stored
    idx: Optional[int] = None
    src_places: tuple[str, ...] = ()  # the citing document's places and date
    places: tuple[str, ...] = ()  # named in the issuer: "Sở Nội vụ tỉnh Bình Thuận"
    src_date: Optional[str] = None


def cite_facts(c: Citation) -> Cited:
    parts = parse_symbol(c.number) if c.number else None
    year = (parts.year if parts else None) or year_of(c.date)
    if year is None and c.key:
        m = _KEY_YEAR.search(c.key)
        year = int(m.group(1)) if m else None
    lookup = lookup_key(c.number, parts) if c.number else (c.key if c.key and c.key.startswith("law:") else None)
    return Cited(
        key=c.key,
        lookup=lookup,
        number_text=c.number,
        issuer_code=parts.issuer_code if parts else None,
        year=year,
        date=c.date,
        doc_type=c.doc_type,
        issuer=c.issuer,
        issuer_slugs=issuer_slugs(c.issuer),
        relation=c.relation,
    )


def merge_mentions(facts: list[Cited]) -> list[Cited]:
    """Later bare mentions of a number (``Công văn số 2769/UBND-NCKSTTHC``) take the year, date and issuer of a
    fuller mention of the same number in the same document, when nothing they say contradicts it."""
    best: dict[str, Cited] = {}
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
        key = citation_key(f.number_text, year, issuer, f.issuer_code, None) if f.number_text else f.key
        out.append(replace(f, key=key, year=year, date=date, doc_type=f.doc_type or b.doc_type, issuer=issuer,
                           issuer_slugs=f.issuer_slugs or b.issuer_slugs))
    return out


def _richness(f: Cited) -> int:
    return (f.year is not None) + 2 * (f.date is not None and len(f.date) == 10) + 2 * bool(f.issuer_slugs)


def _agrees(f: Cited, b: Cited) -> bool:
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
