"""Text reuse: passages a document repeats from another, with their spans on both sides.

1. The body (and appendix) of each document is cut into word tokens on a folded copy of the text that keeps
   every offset (lower case, no diacritics: ``CĐS``/``CDS``, ``trí``/``tri`` and ``cái``/``cài`` meet, as they do
   between a scan and its retyped copy), then into hashed word 5-grams (shingles).
2. Passages of ``CHUNK`` shingles start at anchors chosen by winnowing (the smallest hash of each window), so
   the same text gets the same passages in two documents wherever it stands, and any shared stretch of about 31
   words or more holds a whole one.  Each passage gets a one-permutation MinHash signature (``K`` bins, empty
   bins filled from their neighbour), whose ``B`` bands of ``R`` values are hashed into band keys and stored in
   the ``lsh`` table (an index): an exact copy collides in every band, an edited one in some.
3. Documents sharing a band key are candidate pairs: found by index probes, never by comparing all pairs.  A band
   key shared by more than ``MAX_BUCKET`` documents is boilerplate and makes no pairs.
4. Each candidate pair is aligned exactly: shared shingles chained along diagonals, runs merged across small
   gaps (an inserted word, a bookmark), and every passage of at least ``MIN_TOKENS`` words, most of whose
   shingles match (``MIN_SIMILARITY``), is kept with its character spans in both texts.

The reusing document (``src``) is the later one by date; ``directed`` is 0 when the dates do not tell.
"""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import zlib
from array import array
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..model import Document, Zones
from .store import load_text, pack_bands, transaction, unpack_bands

N = 5  # words per shingle
K, B, R = 16, 2, 8  # MinHash bins, LSH bands, rows per band (K = B * R)
WINDOW = 12  # winnowing: every WINDOW consecutive shingles hold an anchor
CHUNK = 16  # shingles per passage signature, from an anchor (20 words)
MAX_BUCKET = 50
MIN_TOKENS = 30  # shortest passage reported, in words
MIN_SIMILARITY = 0.75  # share of a passage's shingles found on both sides
MAX_GAP = 12  # words that may differ inside one passage
_M64 = (1 << 64) - 1
_TOKEN = re.compile(r"[a-z0-9]+")


def _fold_table() -> dict[int, str]:
    """Lower case without diacritics, one character for one (so offsets in the folded text are offsets in the
    text; ``extractors.citations.slug`` folds the same way but changes lengths)."""
    table = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base.isascii() and base.isalpha():
            table[cp] = base.lower()
    table[ord("đ")] = table[ord("Đ")] = "d"
    return table


_FOLD = _fold_table()
_TOKEN_IDS: dict[str, int] = {}


def _mix(h: int) -> int:
    """splitmix64's finaliser: every output bit depends on every input bit."""
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & _M64
    return h ^ (h >> 31)


def _token_id(t: str) -> int:
    v = _TOKEN_IDS.get(t)
    if v is None:
        v = zlib.crc32(t.encode("ascii")) + 1
        if len(_TOKEN_IDS) < 1_000_000:
            _TOKEN_IDS[t] = v
    return v


@dataclass
class Tokens:
    """The words of a document's body with their offsets, and the hash of the 5-gram starting at each word."""

    starts: list[int]
    ends: list[int]
    shingles: list[int]


def reuse_ranges(zones: Zones, subject: Optional[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Where reused passages are looked for: body and appendix; the header (Quốc hiệu, number, place and date)
    and Nơi nhận are boilerplate.  Without a body zone (the header ran on): from the subject to the closing."""
    out = [tuple(s) for s in (zones.body, zones.appendix) if s]
    if out:
        return out  # type: ignore[return-value]
    end = zones.closing[0] if zones.closing else length
    for start in (subject[0] if subject else None, zones.header[1] if zones.header else None, 0):
        if start is not None and start < end:
            return [(start, end)]
    return [(0, length)]


def tokenize(text: str, ranges: Sequence[tuple[int, int]]) -> Tokens:
    folded = text.translate(_FOLD)
    starts: list[int] = []
    ends: list[int] = []
    ids: list[int] = []
    for a, b in ranges:
        for m in _TOKEN.finditer(folded, a, b):
            starts.append(m.start())
            ends.append(m.end())
            ids.append(_token_id(m.group()))
    p, q = 0x100000001B3, 0xBF58476D1CE4E5B9
    raw = [((((((a * p) ^ b) * p ^ c) * p ^ d) * p ^ e) & _M64) for a, b, c, d, e in zip(ids, ids[1:], ids[2:], ids[3:], ids[4:])]
    return Tokens(starts, ends, [((h ^ (h >> 29)) * q & _M64) ^ (h >> 32) for h in raw])  # spread the bits


def anchors(shingles: Sequence[int]) -> list[int]:
    """Winnowing (Schleimer et al. 2003): the position of the smallest hash of every window of ``WINDOW``
    shingles (the rightmost on ties).  The choice depends only on the window's text, so a passage shared by two
    documents gets the same anchors in both, wherever it stands; a window-long passage always holds one."""
    vals = [((h * 0x9E3779B97F4A7C15) & _M64) >> 32 for h in shingles]  # other bits than the MinHash bins use
    out: list[int] = []
    window: deque[int] = deque()
    for i, v in enumerate(vals):
        while window and vals[window[-1]] >= v:
            window.pop()
        window.append(i)
        if window[0] <= i - WINDOW:
            window.popleft()
        if i >= WINDOW - 1 and (not out or out[-1] != window[0]):
            out.append(window[0])
    if not out and vals:
        out.append(window[0])
    return out


def chunks(shingles: Sequence[int]) -> list[tuple[int, int]]:
    """The passages ``[a, a + CHUNK)`` that start at an anchor: a passage of ``WINDOW + CHUNK - 1`` shingles
    (31 words) or more shared by two documents has at least one of them whole on both sides."""
    n = len(shingles)
    return [(a, a + CHUNK) for a in anchors(shingles) if a + CHUNK <= n] or ([(0, n)] if n >= CHUNK // 2 else [])


def signature(hashes: Iterable[int]) -> list[int]:
    """One-permutation MinHash: the smallest value in each of ``K`` bins, empty bins densified by rotation."""
    mins = [_M64] * K
    for h in hashes:
        b = h & (K - 1)
        v = h >> 4
        if v < mins[b]:
            mins[b] = v
    if _M64 in mins:
        filled = [i for i, v in enumerate(mins) if v != _M64]
        if not filled:
            return mins
        for i in range(K):
            if mins[i] == _M64:
                j = next((f for f in filled if f > i), filled[0])
                mins[i] = _mix(mins[j] + (j - i) % K)
    return mins


def band_keys(tokens: Tokens) -> list[int]:
    """The LSH band keys of a document's passages (signed 64-bit, for SQLite), without repeats."""
    keys: set[int] = set()
    sh = tokens.shingles
    for a, b in chunks(sh):
        sig = array("Q", signature(sh[a:b])).tobytes()
        for band in range(B):
            part = sig[band * R * 8:(band + 1) * R * 8]
            keys.add((zlib.crc32(part, band + 1) << 31) ^ zlib.crc32(part, 0x5BD1E995 + band))  # < 2**63: an SQLite integer
    return sorted(keys)


@dataclass
class Passage:
    """A passage found in both documents: token ranges, character spans, and the share of shingles matched."""

    a_tok: tuple[int, int]
    b_tok: tuple[int, int]
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    tokens: int
    similarity: float


def align(ta: Tokens, tb: Tokens, text_a: str, text_b: str) -> list[Passage]:
    """Exact passages shared by two token sequences (see module docstring, step 4)."""
    common = set(ta.shingles) & set(tb.shingles)
    if not common:
        return []
    where_b: dict[int, list[int]] = {}
    for j, h in enumerate(tb.shingles):
        if h in common:
            lst = where_b.setdefault(h, [])
            if len(lst) < 4:
                lst.append(j)
    # runs of consecutive matches on one diagonal: [a0, a1] x [b0, b1] in shingle positions
    runs: dict[int, list[int]] = {}
    done: list[list[int]] = []
    for i, h in enumerate(ta.shingles):
        for j in where_b.get(h, ()):
            d = i - j
            r = runs.get(d)
            if r is not None and r[1] == i - 1:
                r[1], r[3] = i, j
                r[4] += 1
            else:
                if r is not None:
                    done.append(r)
                runs[d] = [i, i, j, j, 1]
    done.extend(runs.values())
    done.sort()
    # chain runs across small gaps into passages (monotonic in both documents)
    open_: list[list[int]] = []  # [a0, a1, b0, b1, matched]: passages that may still grow
    closed: list[list[int]] = []
    for a0, a1, b0, b1, m in done:
        if open_ and open_[0][1] < a0 - MAX_GAP - N:  # runs come in order of a0: these can grow no more
            closed.extend(p for p in open_ if p[1] < a0 - MAX_GAP - N)
            open_ = [p for p in open_ if p[1] >= a0 - MAX_GAP - N]
        best = None
        for p in open_:
            ga, gb = a0 - p[1], b0 - p[3]
            if -N < ga <= MAX_GAP + N and -N < gb <= MAX_GAP + N and (best is None or ga + gb < best[0]):
                best = (ga + gb, p)
        if best is not None:
            p = best[1]
            p[1], p[3] = max(p[1], a1), max(p[3], b1)
            p[4] += m
        else:
            open_.append([a0, a1, b0, b1, m])
        open_.sort(key=lambda p: p[1])
    out = []
    taken_a: list[tuple[int, int]] = []
    for a0, a1, b0, b1, m in sorted(closed + open_, key=lambda p: p[0] - p[1]):
        a_end, b_end = a1 + N - 1, b1 + N - 1  # last token of the last shingle
        length = min(a_end - a0, b_end - b0) + 1
        similarity = min(1.0, m / max(1, a1 - a0 + 1, b1 - b0 + 1))
        if length < MIN_TOKENS or similarity < MIN_SIMILARITY or any(a0 < y and x < a_end for x, y in taken_a):
            continue
        taken_a.append((a0, a_end))
        out.append(
            Passage(
                a_tok=(a0, a_end + 1),
                b_tok=(b0, b_end + 1),
                a_span=(ta.starts[a0], _end(text_a, ta.ends[a_end])),
                b_span=(tb.starts[b0], _end(text_b, tb.ends[b_end])),
                tokens=length,
                similarity=round(similarity, 3),
            )
        )
    return sorted(out, key=lambda p: p.a_span)


def _end(text: str, pos: int) -> int:
    """A passage ends after the punctuation that closes its last word (``số.``)."""
    while pos < len(text) and text[pos] in ".,;:!?)”\"'…/":
        pos += 1
    return pos


class _TokenCache:
    """Tokens of recently aligned documents: a document with many candidates is read and cut once."""

    def __init__(self, conn: sqlite3.Connection, size: int = 4096) -> None:
        self.conn = conn
        self.size = size
        self.items: OrderedDict[int, tuple[str, Tokens, Optional[str]]] = OrderedDict()

    def get(self, doc_id: int) -> tuple[str, Tokens, Optional[str]]:
        hit = self.items.get(doc_id)
        if hit is not None:
            self.items.move_to_end(doc_id)
            return hit
        row = self.conn.execute("SELECT json_extract(json, '$.zones') AS zones, json_extract(json, '$.spans.subject') AS subject,"
                                " date FROM documents WHERE id=?", (doc_id,)).fetchone()
        text = load_text(self.conn, doc_id)
        zones = Zones.model_validate_json(row["zones"]) if row and row["zones"] else Zones()
        subject = tuple(json.loads(row["subject"])) if row and row["subject"] else None
        toks = tokenize(text, reuse_ranges(zones, subject, len(text)))
        self.items[doc_id] = hit = (text, toks, row["date"] if row else None)
        if len(self.items) > self.size:
            self.items.popitem(last=False)
        return hit


def document_bands(doc: Document) -> tuple[Tokens, list[int]]:
    text = doc.text or ""
    toks = tokenize(text, reuse_ranges(doc.zones, doc.spans.get("subject"), len(text)))
    return toks, band_keys(toks)


def store_bands(conn: sqlite3.Connection, doc_id: int, bands: list[int]) -> None:
    conn.execute("UPDATE documents SET bands=? WHERE id=?", (pack_bands(bands), doc_id))
    conn.executemany("INSERT OR IGNORE INTO lsh VALUES(?,?)", [(b, doc_id) for b in bands])


def detect_pending(conn: sqlite3.Connection, cache: Optional[_TokenCache] = None, *, batch: int = 2000) -> int:
    """Find the reuse of every document not yet compared (``reuse_done = 0``); returns the passages stored."""
    cache = cache or _TokenCache(conn)
    pending = {r[0] for r in conn.execute("SELECT id FROM documents WHERE reuse_done = 0")}
    found = 0
    order = sorted(pending)
    for k in range(0, len(order), batch):
        ids = order[k:k + batch]
        with transaction(conn):
            found += _detect(conn, cache, ids, pending)
            conn.executemany("UPDATE documents SET reuse_done = 1 WHERE id=?", [(i,) for i in ids])
        pending.difference_update(ids)
    return found


def _detect(conn: sqlite3.Connection, cache: _TokenCache, ids: list[int], pending: set[int]) -> int:
    mine = set(ids)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS reuse_bands(band INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM reuse_bands")
    marks = ",".join("?" * len(ids))
    for r in conn.execute(f"SELECT bands FROM documents WHERE id IN ({marks}) AND bands IS NOT NULL", ids).fetchall():
        conn.executemany("INSERT OR IGNORE INTO reuse_bands VALUES(?)", [(b,) for b in unpack_bands(r[0])])
    pairs: set[tuple[int, int]] = set()
    bucket: list[int] = []
    last = None
    rows = conn.execute("SELECT l.band, l.doc_id FROM reuse_bands t JOIN lsh l ON l.band = t.band ORDER BY l.band")
    for band, doc_id in [*rows, (None, None)]:
        if band != last:
            if 1 < len(bucket) <= MAX_BUCKET:
                for i, a in enumerate(bucket):
                    for b in bucket[i + 1:]:
                        x, y = (a, b) if a < b else (b, a)
                        # a pair is compared in the batch of its first pending document, once
                        if (x in mine or y in mine) and not ((x in pending and x not in mine) or (y in pending and y not in mine)):
                            pairs.add((x, y))
            bucket = []
            last = band
        if doc_id is not None:
            bucket.append(doc_id)
    stored = 0
    for x, y in sorted(pairs):
        text_x, tx, date_x = cache.get(x)
        text_y, ty, date_y = cache.get(y)
        passages = align(tx, ty, text_x, text_y)
        if not passages:
            continue
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
