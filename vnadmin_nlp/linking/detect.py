"""Reuse detection over the index: candidate pairs from the LSH band keys (``reuse``), then exact alignment.

Work per document is bounded whatever the size of the corpus: only band keys shared by 2 to ``MAX_BUCKET``
documents are read (a bounded probe counts each), each new document is aligned with at most ``MAX_CANDIDATES``
others (those sharing the most band keys with it), and the tokens and texts kept in memory are bounded
(``CACHE_WORDS``, ``CACHE_CHARS``).
The reusing document (``src``) is the later one by date; ``directed`` is 0 when the dates do not tell.
"""
from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from typing import Optional

from ..model import Zones
from .reuse import MAX_BUCKET, reuse_ranges, token_passages, with_spans
from .shingles import Tokens, tokenize
from .store import load_text, transaction, unpack_bands

MAX_CANDIDATES = 50  # documents aligned with each new one at most (those sharing the most band keys)
CACHE_WORDS = 6_000_000  # shingles of the documents kept in memory while aligning (8 bytes each)
CACHE_CHARS = 8_000_000  # characters of the texts kept for the passages' offsets (2 bytes each in Vietnamese)
LSH_ROWS = 1_000_000  # band keys put in the index at once, sorted (about 45 MB while they are)
_ID_MASK = (1 << 40) - 1


class TokenCache:
    """Tokens of recently stored or aligned documents, at most ``words`` shingles in all (8 bytes each), the texts
    of the last ones a passage was found in (``CACHE_CHARS``), and the shingle set of the document being compared:
    a document with many candidates is read and cut once.  The writer puts the tokens it cut for the band keys
    (``keep``), so a new document is not cut again to be aligned."""

    def __init__(self, conn: sqlite3.Connection, words: Optional[int] = None) -> None:
        self.conn = conn
        self.limit = CACHE_WORDS if words is None else words
        self.words = 0
        self.items: OrderedDict[int, Tokens] = OrderedDict()
        self.set_of: tuple[int, set[int]] = (-1, set())
        self.texts: OrderedDict[int, str] = OrderedDict()
        self.chars = 0

    def put(self, doc_id: int, toks: Tokens) -> None:
        old = self.items.pop(doc_id, None)
        if old is not None:
            self.words -= len(old.shingles)
        if self.set_of[0] == doc_id:
            self.set_of = (-1, set())
        self.items[doc_id] = toks
        self.words += len(toks.shingles)
        while self.words > self.limit and len(self.items) > 1:
            _, gone = self.items.popitem(last=False)
            self.words -= len(gone.shingles)

    def keep(self, doc_id: int, toks: Tokens) -> None:
        """The writer's tokens, kept while there is room (never evicting): ``detect_pending`` compares the documents
        in the order they were stored, so the first ones are needed first; evicting the oldest instead, in a corpus
        whose tokens overflow the cache, could make the first batches' read-back evict the next ones' tokens before
        their turn."""
        if self.words + len(toks.shingles) <= self.limit or doc_id in self.items:
            self.put(doc_id, toks)

    def get(self, doc_id: int) -> Tokens:
        hit = self.items.get(doc_id)
        if hit is not None:
            self.items.move_to_end(doc_id)
            return hit
        text, zones, subject = self._row(doc_id)
        toks = tokenize(text, reuse_ranges(zones, subject, len(text)))
        self.put(doc_id, toks)
        return toks

    def shingle_set(self, doc_id: int, toks: Tokens) -> set[int]:
        """The shingle set of one document at a time (the pairs come grouped by their first document)."""
        if self.set_of[0] != doc_id:
            self.set_of = (doc_id, set(toks.shingles))
        return self.set_of[1]

    def text(self, doc_id: int) -> str:
        """The text (the last ones' are kept: a document found in many pairs is read once)."""
        hit = self.texts.get(doc_id)
        if hit is None:
            self.texts[doc_id] = hit = load_text(self.conn, doc_id)
            self.chars += len(hit)
            while self.chars > CACHE_CHARS and len(self.texts) > 2:
                _, gone = self.texts.popitem(last=False)
                self.chars -= len(gone)
        else:
            self.texts.move_to_end(doc_id)
        return hit

    def _row(self, doc_id: int) -> tuple[str, Zones, Optional[tuple[int, int]]]:
        row = self.conn.execute("SELECT json_extract(json, '$.zones') AS zones, json_extract(json, '$.spans.subject') AS subject"
                                " FROM documents WHERE id=?", (doc_id,)).fetchone()
        zones = Zones.model_validate_json(row["zones"]) if row and row["zones"] else Zones()
        subject = tuple(json.loads(row["subject"])) if row and row["subject"] else None
        return load_text(self.conn, doc_id), zones, subject


def detect_pending(conn: sqlite3.Connection, cache: Optional[TokenCache] = None, *, batch: int = 2000) -> int:
    """Find the reuse of every document not yet compared (``reuse_done = 0``); returns the passages stored."""
    cache = cache or TokenCache(conn)
    pending = {r[0] for r in conn.execute("SELECT id FROM documents WHERE reuse_done = 0")}
    found = 0
    order = sorted(pending)
    index_bands(conn, order)
    for k in range(0, len(order), batch):
        ids = order[k:k + batch]
        with transaction(conn):
            found += _detect(conn, cache, ids, pending)
            conn.executemany("UPDATE documents SET reuse_done = 1 WHERE id=?", [(i,) for i in ids])
        pending.difference_update(ids)
    return found


def index_bands(conn: sqlite3.Connection, ids: list[int], *, rows: int = LSH_ROWS) -> None:
    """Put the band keys of these documents (kept with each, ``documents.bands``) in the ``lsh`` index, in key order
    and ``rows`` at a time.  Inserted document by document as they were stored, the keys fell on random pages of an
    index that grows with the corpus (2 million keys at 100,000 documents): each batch of the writer rewrote
    thousands of its pages, and a document's keys cost ×10 at 100,000 documents what they cost at 1,000.  Done just
    before the comparison, they are in the index whenever a document is compared, even after a run that stopped
    between storing and comparing (``OR IGNORE``: keys already there are kept)."""
    keys: list[int] = []  # (band, document) as one integer: a third of the memory of a tuple, sorted alike
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        for doc_id, blob in conn.execute(f"SELECT id, bands FROM documents WHERE id IN ({','.join('?' * len(part))})"
                                         " AND bands IS NOT NULL", part):
            keys.extend((b << 40) | doc_id for b in unpack_bands(blob))  # ids < 2**40; decoded exactly, signs too
        if len(keys) >= rows or k + 500 >= len(ids):
            keys.sort()
            with transaction(conn):
                conn.executemany("INSERT OR IGNORE INTO lsh VALUES(?,?)", ((v >> 40, v & _ID_MASK) for v in keys))
            keys = []


def candidates(conn: sqlite3.Connection, ids: list[int], pending: set[int]) -> dict[tuple[int, int], int]:
    """The candidate pairs of a batch of documents and how many band keys each pair shares.  Only the band keys
    of 2 to ``MAX_BUCKET`` documents are read (counted with a bounded probe each), so a boilerplate key shared by
    thousands costs no more than a rare one."""
    mine = set(ids)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS reuse_bands(band INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM reuse_bands")
    marks = ",".join("?" * len(ids))
    keys: set[int] = set()
    for r in conn.execute(f"SELECT bands FROM documents WHERE id IN ({marks}) AND bands IS NOT NULL", ids):
        keys.update(unpack_bands(r[0]))
    conn.executemany("INSERT INTO reuse_bands VALUES(?)", zip(sorted(keys)))  # in key order: appended to the table
    conn.execute("DELETE FROM reuse_bands WHERE (SELECT count(*) FROM (SELECT 1 FROM lsh l WHERE l.band = reuse_bands.band"
                 " LIMIT ?)) NOT BETWEEN 2 AND ?", (MAX_BUCKET + 1, MAX_BUCKET))
    shared: dict[tuple[int, int], int] = {}
    bucket: list[int] = []
    last = None
    # CROSS JOIN: the batch's few band keys drive the join (SQLite would otherwise scan the whole ``lsh`` table once
    # a batch, its work per document growing with the corpus: 0.005 ms at 1,000 documents, 0.138 at 100,000)
    rows = conn.execute("SELECT l.band, l.doc_id FROM reuse_bands t CROSS JOIN lsh l ON l.band = t.band ORDER BY t.band, l.doc_id")
    for band, doc_id in [*rows, (None, None)]:
        if band != last:
            # the pairs with a document of the batch (a batch holds few of a large bucket's documents): the others
            # of the bucket only when compared already (a pair is compared in the batch of its first pending
            # document, once)
            ours = [a for a in bucket if a in mine]
            if ours:
                done = [b for b in bucket if b not in mine and b not in pending]
                for i, a in enumerate(ours):
                    for b in (*ours[i + 1:], *done):
                        key = (a, b) if a < b else (b, a)
                        shared[key] = shared.get(key, 0) + 1
            bucket = []
            last = band
        if doc_id is not None:
            bucket.append(doc_id)
    return shared


def capped(shared: dict[tuple[int, int], int], mine: set[int]) -> list[tuple[int, int]]:
    """The pairs to align: for each document of the batch, the ``MAX_CANDIDATES`` sharing the most band keys with
    it (ties: the earlier document), so a document's work is bounded however large the corpus."""
    partners: dict[int, list[tuple[int, int]]] = {}
    for (x, y), n in shared.items():
        for d, o in ((x, y), (y, x)):
            if d in mine:
                partners.setdefault(d, []).append((-n, o))
    keep: set[tuple[int, int]] = set()
    for d, lst in partners.items():
        lst.sort()
        keep.update((min(d, o), max(d, o)) for _, o in lst[:MAX_CANDIDATES])
    return sorted(keep)


def _detect(conn: sqlite3.Connection, cache: TokenCache, ids: list[int], pending: set[int]) -> int:
    stored = 0
    pairs = capped(candidates(conn, ids, pending), set(ids))
    dates: dict[int, Optional[str]] = {}
    wanted = sorted({d for p in pairs for d in p})
    for k in range(0, len(wanted), 500):
        part = wanted[k:k + 500]
        dates.update((r[0], r[1]) for r in conn.execute(f"SELECT id, date FROM documents WHERE id IN ({','.join('?' * len(part))})", part))
    for x, y in pairs:  # sorted: the pairs of one document come together, its shingle set is made once
        tx = cache.get(x)
        ty = cache.get(y)
        found = token_passages(tx.shingles, ty.shingles, cache.shingle_set(x, tx))
        if not found:
            continue
        passages = with_spans(found, tx, ty, cache.text(x), cache.text(y))
        date_x, date_y = dates.get(x), dates.get(y)
        # the later document repeats the earlier one; partial dates ("2022") sort first
        directed = int(bool(date_x and date_y and date_x != date_y))
        flip = directed and (date_x or "") < (date_y or "")
        rows_out = []
        for p in passages:
            if flip:
                rows_out.append((y, x, *p.b_span, *p.a_span, p.tokens, p.similarity, directed))
            else:
                rows_out.append((x, y, *p.a_span, *p.b_span, p.tokens, p.similarity, directed))
        conn.executemany("INSERT INTO reuse VALUES(?,?,?,?,?,?,?,?,?)", rows_out)
        stored += len(rows_out)
    return stored
