"""Scoring: how well one indexed document fits what a citation says besides its number.

Each candidate is scored on:

* year (from the symbol, the date or ``năm …``): a different year is a different document (numbers restart
  each year) and rules the candidate out;
* issuer: a conflicting issuer rules it out (every province has a ``125/KH-UBND``); the same body, or one name
  being the start of the other (``Ủy ban nhân dân tỉnh`` / ``… tỉnh Bình Thuận``), adds to the score;
* the exact date adds most; a different day of the same year lowers the score (typos happen) but keeps it;
* the type, when the citation names a specific one;
* the locality: a document cites the bodies of its own province or city without naming the place ("Sở Nội
  vụ", "UBND tỉnh"), so a candidate of the citing document's locality ranks higher;
* time: a document cites older ones, so a candidate dated after the citing document ranks much lower.

A local code (``UBND``, ``HĐND``, ``TU``…) with neither issuer nor exact date stays below high confidence, and a
different date needs the issuer to confirm it.  ``far_bound`` is the most a candidate sharing nothing but the number
can score, which lets ``resolve`` stop scoring early.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..identity import LOCAL_CODES
from .facts import Cited, issuer_match
from .store import split_slugs

_GENERIC_TYPES = {"Văn bản"}

@dataclass
class Candidate:
    id: int
    path: str
    key: str
    number_text: Optional[str]
    year: Optional[int]
    date: Optional[str]
    doc_type: Optional[str]
    issuer_name: Optional[str]
    issuer_slugs: tuple[str, ...]
    issuer_code: Optional[str]
    places: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, r: sqlite3.Row) -> "Candidate":
        return cls(r["id"], r["path"], r["key"], r["number_text"], r["year"], r["date"], r["doc_type"],
                   r["issuer_name"], split_slugs(r["issuer_slugs"]), r["issuer_code"], split_slugs(r["places"]))


def score(c: Cited, d: Candidate) -> tuple[Optional[float], tuple]:
    """The score of one candidate (None: ruled out) and its evidence as codes (``explain`` puts them in words).
    Scores rank candidates; the confidence is the best score, at most ``MAX_CONFIDENCE``."""
    if c.year and d.year and c.year != d.year:
        return None, ("year",)
    m = _issuer_match(c.issuer_slugs, d.issuer_slugs, c.places, d.places)
    if m == "conflict":
        return None, ("issuer",)
    ev: list = []
    s = 0.55
    if c.year and d.year:
        s += 0.15
        ev.append("year")
    date = ""
    if c.date and d.date and len(c.date) >= 7:
        if c.date == d.date and len(c.date) == 10:
            s += 0.25
            date = "exact"
        elif c.date.startswith(d.date) or d.date.startswith(c.date):
            date = "within"
        else:
            s -= 0.2
            date = "other"
        ev.append("date:" + date)
    if m == "exact":
        s += 0.2
    elif m == "partial":
        s += 0.1
    if m != "unknown":
        ev.append("issuer:" + m)
    if c.doc_type and d.doc_type and c.doc_type not in _GENERIC_TYPES:
        same = c.doc_type == d.doc_type
        s += 0.05 if same else -0.1
        ev.append("type:" + ("same" if same else "other"))
    if c.src_date and d.date and len(c.src_date) >= 7 and len(d.date) >= 7:
        n = min(len(c.src_date), len(d.date))
        if d.date[:n] > c.src_date[:n]:
            s -= 0.3
            ev.append("later")
    code = c.issuer_code or d.issuer_code
    if code in LOCAL_CODES and m != "exact" and date != "exact" and s > 0.6:
        s = 0.6
        ev.append("local")
    if date == "other" and m not in ("exact", "partial") and s > 0.45:
        s = 0.45
        ev.append("unconfirmed")
    if c.src_places and d.places and not set(c.src_places).isdisjoint(d.places):
        s += 0.1
        ev.append("near")
    return round(s, 3), tuple(ev)


def explain(c: Cited, d: Candidate, ev: tuple) -> list[str]:
    """The evidence of ``score`` in words, for the reason a link carries."""
    words = {
        "year": f"year {c.year}" if c.year == d.year or not c.year or not d.year else f"year {c.year} ≠ {d.year}",
        "issuer": f"issuer {c.issuer} ≠ {d.issuer_name}",
        "date:exact": f"date {c.date}", "date:within": f"date {c.date} within {d.date}", "date:other": f"date {c.date} ≠ {d.date}",
        "issuer:exact": f"issuer {d.issuer_name}", "issuer:partial": f"issuer {c.issuer} ~ {d.issuer_name}",
        "type:same": f"type {d.doc_type}", "type:other": f"type {c.doc_type} ≠ {d.doc_type}",
        "later": f"dated {d.date}, after the citing document ({c.src_date})",
        "local": f"local code {c.issuer_code or d.issuer_code} without issuer or exact date",
        "unconfirmed": "no issuer to confirm it",
        "near": "same locality as the citing document ({})".format(next(iter(sorted(set(c.src_places) & set(d.places))), "")),
        "recent": f"undated: the latest document of this number before the citing one ({c.src_date})",
    }
    head = f"number {d.number_text}" if c.number_text else f"name {c.key}"
    return [head] + [words[e] for e in ev]


@lru_cache(maxsize=1 << 16)
def _issuer_match(cited: tuple[str, ...], doc: tuple[str, ...], cited_places: tuple[str, ...], doc_places: tuple[str, ...]) -> str:
    return issuer_match(cited, doc, cited_places, doc_places)


def far_bound(c: Cited, exact: bool = True) -> float:
    """The most a far candidate can score (see ``Group.near``): one of none of the citation's places and none of its
    citing document's (no ``near``) and, for a citation with a full date, of another date (``date:other``).  Number,
    year, issuer and type count only when the citation gives them; the issuer only for a citation without a place
    (one that names its place conflicts with every issuer of another place: ``facts.issuer_match``), and as a partial
    match only when no far candidate shares a name with it (``exact`` False, ``Group.far_exact``).  Caps: a local code
    (``UBND``, ``TU``) at 0.6 unless the issuer can match exactly (there is no exact date); another date without an
    issuer to confirm it at 0.45."""
    s = 0.55
    if c.year:
        s += 0.15
    issuer = bool(c.issuer_slugs and not c.places)
    exact = exact and issuer
    if issuer:
        s += 0.2 if exact else 0.1
    if c.doc_type and c.doc_type not in _GENERIC_TYPES:
        s += 0.05
    if c.date and len(c.date) == 10:
        s -= 0.2
        if not issuer:
            s = min(s, 0.45)
    if c.issuer_code in LOCAL_CODES and not exact:
        s = min(s, 0.6)
    return round(s, 3)
