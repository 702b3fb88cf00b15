"""Resolution: which indexed document each citation points to, how sure that is, and why.

Candidates are the documents with the citation's lookup key (number and symbol, see ``identity.keys``), found
through the ``doc_lookup`` index, and scored by ``scoring.score`` on what the citation says besides the number (year,
issuer, date, type, locality, time).  When the two best candidates are within ``MARGIN`` of each other the citation
stays unresolved with both listed, unless they are copies of one document (same number, issuer and date in two
files), when the first path is taken, or the citation gives neither date nor year, when the latest of them dated
before the citing document is taken with ``RECENT_CONFIDENCE``.
Only the lookup keys and years queued in ``pending`` are resolved, so a new document re-resolves the citations
of its number and year and nothing else; the candidates of a citation with a year are that year's documents.
"""
from __future__ import annotations

import gc
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Iterator, Optional, cast

from ..identity import places
from .facts import Cited
from .scoring import Candidate, explain, far_bound, score
from .store import FACT_COLUMNS, FACTS, dumps, split_slugs, transaction

__all__ = ["Candidate", "Group", "Resolution", "explain", "far_bound", "iter_links", "resolve_in", "resolve_one",
           "resolve_pending", "score"]

MIN_CONFIDENCE = 0.5
MAX_CONFIDENCE = 0.99
RECENT_CONFIDENCE = 0.6  # an undated citation taken as the latest document of its number
MARGIN = 0.1
_CHUNK = 400
_SRC_IDX = itemgetter(0, 1)


def cited_from_row(r: sqlite3.Row) -> Cited:
    """A ``citations`` row joined with its citing document's places and date, as the resolver sees it."""
    return Cited(key=r["key"], lookup=r["lookup"], number_text=r["number_text"], issuer_code=r["issuer_code"],
                 year=r["year"], date=r["date"], doc_type=r["doc_type"], issuer=r["issuer"],
                 issuer_slugs=split_slugs(r["issuer_slugs"]), relation=r["relation"], src=r["doc_id"], idx=r["idx"],
                 src_places=split_slugs(r["src_places"]), places=places([r["issuer"]]), src_date=r["src_date"])


@dataclass
class Resolution:
    dst: Optional[int]
    dangling: Optional[str]
    confidence: float
    reason: str
    candidates: list[int] = field(default_factory=list)
    score: Optional[float] = None  # the best candidate's score, before the confidence's cap (None: none scored)




_FEW = 4  # candidates scored at once: sorting out the near ones costs more


class Group:
    """The candidates of one lookup key and year, indexed by date, place and issuer so that a citation is scored
    against the documents of its date, its places and its issuer only (``resolve_one`` on all of them gives the same
    link: see ``far_bound``).  Without this a common number (``1/QĐ-UBND``) is scored against every
    province, and the work per citation grows with the corpus."""

    def __init__(self) -> None:
        self.all: list[Candidate] = []
        self.by_date: dict[str, list[Candidate]] = {}
        self.by_place: dict[str, list[Candidate]] = {}
        self.loose: list[Candidate] = []  # no full date or no place: always scored for a dated citation
        self.placeless: list[Candidate] = []  # no place or no issuer: always scored
        self.by_slug: dict[str, list[Candidate]] = {}  # those with a place and an issuer, by the issuer's names

    def add(self, d: Candidate) -> None:
        self.all.append(d)
        for p in d.places:
            self.by_place.setdefault(p, []).append(d)
        if not d.places or not d.issuer_slugs:
            self.placeless.append(d)
        else:
            for slug in d.issuer_slugs:
                self.by_slug.setdefault(slug, []).append(d)
        if d.date and len(d.date) == 10 and d.places:
            self.by_date.setdefault(d.date, []).append(d)
        else:
            self.loose.append(d)

    def near(self, c: Cited) -> list[Candidate]:
        """The candidates that may score above the bound of the others (``far_bound``): those of the citation's
        date, of its places or its citing document's, and those without a place or an issuer (or, for a dated
        citation, without a full date)."""
        dated = bool(c.date and len(c.date) == 10)
        out = {d.id: d for d in self.placeless}
        if dated:
            out.update((d.id, d) for d in self.loose)
            out.update((d.id, d) for d in self.by_date.get(cast(str, c.date), ()))
        for p in (*c.places, *c.src_places):
            out.update((d.id, d) for d in self.by_place.get(p, ()))
        return list(out.values())

    def far_exact(self, c: Cited, near: set[int]) -> bool:
        """Whether a candidate outside ``near`` bears one of the citation's issuer names (an exact issuer: ``Sở Tư
        pháp`` of another province).  Most often the first one tells; when none does, the ones looked at are near."""
        return any(d.id not in near for slug in c.issuer_slugs for d in self.by_slug.get(slug, ()))


def resolve_in(c: Cited, groups: list[Group]) -> Resolution:
    """``resolve_one`` over the candidates of these groups, scoring the far ones only when they could matter: when
    the best of the near ones is not ``MARGIN`` above what a far one can score, all are scored.  A citation naming
    its issuer and place rules out every far candidate (another place's issuer, see ``facts.issuer_match``), so the
    near ones settle it; when none of them matches, the first candidates give the reason's examples."""
    total = sum(len(g.all) for g in groups)
    near = [d for g in groups for d in g.near(c)] if total > _FEW else []
    if total > _FEW and len(near) < total:
        res = resolve_one(c, near, total=total)
        if c.issuer_slugs and c.places:
            return res if res.score is not None else resolve_one(c, [d for g in groups for d in g.all][:6])
        if res.score is not None and not res.reason.startswith("too weak"):
            ids = {d.id for d in near}
            exact = bool(c.issuer_slugs) and any(g.far_exact(c, ids) for g in groups)
            if res.score - far_bound(c, exact) >= MARGIN - 1e-9:
                return res
    return resolve_one(c, [d for g in groups for d in g.all])


def resolve_one(c: Cited, candidates: list[Candidate], *, total: int | None = None) -> Resolution:
    """Pick the document a citation points to among the candidates of its lookup key (see module docstring)."""
    scored = []
    rejected = []
    for d in candidates:
        if d.id == c.src:
            continue
        s, ev = score(c, d)
        if s is None:
            rejected.append((d, ev))
        else:
            scored.append((s, ev, d))
    if not scored:
        what = c.number_text or c.key
        if rejected:
            reason = f"no matching document {what}: " + "; ".join(f"{d.key}: {explain(c, d, ev)[-1]}" for d, ev in rejected[:5])
        else:
            reason = f"no document {what}{f' of {c.year}' if c.year else ''} in the corpus"
        return Resolution(None, c.key, 0.0, reason)
    scored.sort(key=lambda x: (-x[0], x[2].path))
    best_s, best_ev, best = scored[0]
    confidence = min(best_s, MAX_CONFIDENCE)
    close = [x for x in scored[1:] if best_s - x[0] < MARGIN - 1e-9]
    copies = [x for x in close if _same_document(x[2], best)]
    recent = _latest_before(c, [scored[0], *close]) if len(close) > len(copies) else None
    if recent is not None:  # an undated citation: the latest document of that number before the citing one
        best_s, best_ev, best = recent
        best_ev = (*best_ev, "recent")
        confidence = min(best_s, RECENT_CONFIDENCE)
        close = [x for x in close if x[2] is not best]
        copies = [x for x in close if _same_document(x[2], best)]
        close = copies
    if len(close) > len(copies):
        names = ", ".join(f"{x[2].key} ({x[2].path})" for x in [scored[0], *close][:6])
        return Resolution(None, c.key, confidence, f"ambiguous: {len(close) + 1} candidates score alike: {names}",
                          [x[2].id for x in [scored[0], *close]], scored[0][0])
    reason = "; ".join(explain(c, best, best_ev))
    if copies:
        reason += f"; same document in {len(copies) + 1} files"
    weaker = (total if total is not None else len(candidates)) - len(copies) - 1
    if weaker > 0:
        reason += f"; {weaker} other candidate(s)"
    if confidence < MIN_CONFIDENCE:
        return Resolution(None, c.key, confidence, f"too weak: {reason}", [x[2].id for x in scored[:6]], scored[0][0])
    return Resolution(best.id, None, confidence, reason, [x[2].id for x in copies], scored[0][0])


def _latest_before(c: Cited, tied: list[tuple]) -> Optional[tuple]:
    """For a citation with neither date nor year: of the candidates that score alike, the latest one dated before
    the citing document, if one date is the latest (the number recurs each year; an undated mention is of the
    last one).  None when the citation is dated or nothing can be ordered."""
    if c.year or c.date or not c.src_date:
        return None
    before = [x for x in tied if x[2].date and len(x[2].date) == 10 and x[2].date <= c.src_date]
    if not before:
        return None
    latest = max(x[2].date for x in before)
    top = [x for x in before if x[2].date == latest]
    return top[0] if all(_same_document(x[2], top[0][2]) for x in top) else None


def _same_document(a: Candidate, b: Candidate) -> bool:
    """Two files of one document (a .docx and its signed .pdf): same number, date, issuer and place."""
    return (a.number_text, a.date, set(a.issuer_slugs), set(a.places)) == (b.number_text, b.date, set(b.issuer_slugs), set(b.places))


@contextmanager
def cycles_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a batch (and resumed after, if it ran before).  A batch makes tens of
    thousands of small objects (rows, candidates, links) that form no cycles and are freed by their reference counts;
    each collection the allocations set off walks every object alive, and the larger the corpus the more of them a
    batch holds: the collector's share grew from 4% of resolution at 1,000 documents to 9% at 10,000."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def resolve_pending(conn: sqlite3.Connection, *, batch: int = _CHUNK) -> int:
    """Resolve the citations of every queued lookup key and year; returns how many citations were resolved."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS resolving(lookup TEXT NOT NULL, year INTEGER NOT NULL)")
    done = 0
    while True:  # whole lookup keys per batch, so that a citation is resolved once
        rows = conn.execute("SELECT lookup, year FROM pending WHERE lookup IN (SELECT DISTINCT lookup FROM pending LIMIT ?)",
                            (batch,)).fetchall()
        if not rows:
            return done
        with transaction(conn), cycles_paused():
            conn.execute("DELETE FROM resolving")
            conn.executemany("INSERT INTO resolving VALUES(?,?)", [tuple(r) for r in rows])
            done += _resolve_batch(conn, sorted({r[0] for r in rows}))
            conn.executemany("DELETE FROM pending WHERE lookup=? AND year=?", [tuple(r) for r in rows])


def _resolve_batch(conn: sqlite3.Connection, lookups: list[str]) -> int:
    marks = ",".join("?" * len(lookups))
    cands: dict[str, dict[Optional[int], Group]] = {}
    for r in conn.execute(
        f"SELECT l.lookup AS lookup, {', '.join('d.' + c for c in FACT_COLUMNS)}"
        f" FROM doc_lookup l JOIN {FACTS} ON d.id = l.doc_id WHERE l.lookup IN ({marks})",
        lookups,
    ):
        cands.setdefault(r["lookup"], {}).setdefault(r["year"], Group()).add(Candidate.from_row(r))
    rows = []
    years: dict[str, set[int]] = {}
    for lookup, year in conn.execute("SELECT lookup, year FROM resolving"):
        years.setdefault(lookup, set()).add(year)
    # the citations of a queued (lookup, year): that year's, those without a year; year 0 queues them all.  Each
    # lookup's citations are read once, whatever the number of its queued years.
    for r in conn.execute(
        "SELECT c.*, d.places AS src_places, d.date AS src_date FROM (SELECT DISTINCT lookup FROM resolving) p"
        f" JOIN citations c ON c.lookup = p.lookup JOIN {FACTS} ON d.id = c.doc_id"
    ):
        queued = years[r["lookup"]]
        if not (0 in queued or r["year"] is None or r["year"] in queued):
            continue
        c = cited_from_row(r)
        by_year = cands.get(cast(str, c.lookup), {})  # joined on c.lookup: never NULL
        if c.year:  # numbers restart each year: only that year's documents (and those without one) can match
            groups = [g for g in (by_year.get(c.year), by_year.get(None)) if g is not None]
        else:
            groups = list(by_year.values())
        res = resolve_in(c, groups)
        rows.append((c.src, c.idx, res.dst, res.dangling, c.relation, res.confidence, res.reason,
                     dumps(res.candidates) if res.candidates else None))
    rows.sort(key=_SRC_IDX)  # in the order of the table's key: each page of it is written once, not once a citation
    conn.executemany("INSERT OR REPLACE INTO links VALUES(?,?,?,?,?,?,?,?)", rows)
    return len(rows)


def iter_links(conn: sqlite3.Connection, where: str, params: tuple) -> Iterator[sqlite3.Row]:
    """Links joined with their citation (for the queries and the export)."""
    yield from conn.execute(
        "SELECT l.src, l.idx, l.dst, l.dangling, l.relation, l.confidence, l.reason, l.candidates,"
        " c.text, c.number_text, c.key, c.year, c.date, c.issuer, c.doc_type, c.span_start, c.span_end, c.short_form"
        f" FROM links l JOIN citations c ON c.doc_id = l.src AND c.idx = l.idx WHERE {where}"
        " ORDER BY l.src, l.idx",
        params,
    )
