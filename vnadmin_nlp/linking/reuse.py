"""Text reuse: passages a document repeats from another, with their spans on both sides.

1. The body (and appendix) of each document is cut into word tokens on a folded copy of the text that keeps
   every offset (lower case, no diacritics: ``CĐS``/``CDS``, ``trí``/``tri`` and ``cái``/``cài`` meet, as they do
   between a scan and its retyped copy), then into hashed word 5-grams (shingles).
2. Passages of ``CHUNK`` shingles start at anchors chosen by winnowing (the smallest hash of each window), so
   the same text gets the same passages in two documents wherever it stands, and any shared stretch of about 31
   words or more holds a whole one.  Each passage gets a one-permutation MinHash signature (``K`` bins, empty
   bins filled from their neighbour), whose ``B`` bands of ``R`` values are hashed into band keys and stored in
   the ``lsh`` table (an index; a document's keys enter it, in key order with the other new documents', just before
   they are compared): an exact copy collides in every band, an edited one in some.
3. Documents sharing a band key are candidate pairs: found by index probes, never by comparing all pairs.  A band
   key shared by more than ``MAX_BUCKET`` documents is boilerplate and makes no pairs; each document is aligned
   with the ``detect.MAX_CANDIDATES`` documents sharing the most band keys with it (``detect``).
4. Each candidate pair is aligned exactly: shared shingles chained along diagonals, runs merged across small
   gaps (an inserted word, a bookmark), and every passage of at least ``MIN_TOKENS`` words, most of whose
   shingles match (``MIN_SIMILARITY``), is kept with its character spans in both texts.  Long texts are folded and
   hashed over arrays, their band keys computed over arrays (``bands``) and the runs of pairs sharing many shingles
   found over arrays (``runs``): the same keys and passages as the loops here, which stay the reference.

The reusing document (``src``) is the later one by date; ``directed`` is 0 when the dates do not tell.
"""
from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from itertools import compress, count
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import Zones
from . import runs as run_arrays
from .shingles import (  # noqa: F401  (the text -> keys side, named here as before: bands, detect and tests use them)
    B, CHUNK, K, N, R, WINDOW, _FOLD, _M64, Tokens, _mix, anchors, band_keys, chunks, fold, signature, tokenize,
)
from .store import pack_bands

MAX_BUCKET = 50
MIN_TOKENS = 30  # shortest passage reported, in words
MIN_SIMILARITY = 0.75  # share of a passage's shingles found on both sides
MAX_GAP = 12  # words that may differ inside one passage
PER_VALUE = 4  # positions in b a shared shingle is matched with at most (its first ones)
ARRAYS_FROM = 200  # shared shingles from which a pair's runs are found over arrays (``runs``)


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
    """Exact passages shared by two token sequences (see module docstring, step 4), with their character spans."""
    return with_spans(token_passages(ta.shingles, tb.shingles), ta, tb, text_a, text_b)


def with_spans(found: list[tuple[int, int, int, int, int, float]], ta: Tokens, tb: Tokens, text_a: str, text_b: str,
               folded_a: Optional[str] = None, folded_b: Optional[str] = None) -> list[Passage]:
    if not found:
        return []
    off_a = ta.offsets(text_a, [x for p in found for x in (p[0], p[1])], folded_a)
    off_b = tb.offsets(text_b, [x for p in found for x in (p[2], p[3])], folded_b)
    out = [Passage(a_tok=(a0, a_end + 1), b_tok=(b0, b_end + 1),
                   a_span=(off_a[a0][0], _end(text_a, off_a[a_end][1])), b_span=(off_b[b0][0], _end(text_b, off_b[b_end][1])),
                   tokens=length, similarity=similarity)
           for a0, a_end, b0, b_end, length, similarity in found]
    return sorted(out, key=lambda p: p.a_span)


def token_passages(sa: Sequence[int], sb: Sequence[int], set_a: Optional[set[int]] = None,
                   set_b: Optional[set[int]] = None) -> list[tuple[int, int, int, int, int, float]]:
    """The passages of ``align`` in word positions: (first, last word in a, first, last word in b, words,
    similarity).  Only the shingles the two share are visited one by one (``set_a`` or ``set_b``: a shingle set
    when known; the other side is only scanned)."""
    if set_a is not None:
        common = set_a.intersection(sb)
    elif set_b is not None:
        common = set_b.intersection(sa)
    else:
        common = set(sa).intersection(sb)
    if not common:
        return []
    if len(common) >= ARRAYS_FROM:  # many shared shingles: the runs over arrays, those that cannot chain dropped
        found = run_arrays.chainable(run_arrays.shared_runs(sa, sb, common, PER_VALUE), N, MAX_GAP + N, MIN_TOKENS - N)
        if not run_arrays.may_hold_passage(found, MIN_TOKENS - N, MIN_SIMILARITY):
            return []
        return _chained(found.tolist())
    # chain runs across small gaps into passages (monotonic in both documents)
    return _chained(loop_runs(sa, sb, common))


def loop_runs(sa: Sequence[int], sb: Sequence[int], common: set[int]) -> list[list[int]]:
    """The maximal runs of consecutive matches on one diagonal, as rows ``[a0, a1, b0, b1, length]`` sorted, found
    by loops (a pair sharing few shingles; ``runs.shared_runs`` gives the same rows over arrays)."""
    # the positions of the shared shingles, found in C (``compress``): the loops below visit only those
    shared = common.__contains__
    where_b: dict[int, list[int]] = {}
    for j in compress(count(), map(shared, sb)):
        lst = where_b.setdefault(sb[j], [])
        if len(lst) < PER_VALUE:
            lst.append(j)
    # runs of consecutive matches on one diagonal: [a0, a1] x [b0, b1] in shingle positions
    # (a run is kept as [a0, a1, diagonal]: its b positions and length follow)
    runs: dict[int, list[int]] = {}
    ended: list[list[int]] = []
    for i in compress(count(), map(shared, sa)):
        for j in where_b[sa[i]]:
            d = i - j
            r = runs.get(d)
            if r is not None and r[1] == i - 1:
                r[1] = i
            else:
                if r is not None:
                    ended.append(r)
                runs[d] = [i, i, d]
    ended.extend(runs.values())
    done = [[a0, a1, a0 - d, a1 - d, a1 - a0 + 1] for a0, a1, d in ended]
    done.sort()
    return done


def _chained(done: list[list[int]]) -> list[tuple[int, int, int, int, int, float]]:
    """Runs (sorted) chained across gaps of at most ``MAX_GAP`` words into passages, those long and similar enough
    kept (the longest first; a passage overlapping a kept one in ``a`` is not).  The passages that may still grow
    are kept in order of their last shingle in ``a`` (``ends``, found by bisection): a run is tried only against those
    ending within reach of it, and the ones out of reach are closed as a block."""
    open_: list[list[int]] = []  # [a0, a1, b0, b1, matched]: passages that may still grow, in order of a1 (stable)
    ends: list[int] = []  # their a1
    closed: list[list[int]] = []
    reach = MAX_GAP + N
    for a0, a1, b0, b1, m in done:
        if ends and ends[0] < a0 - reach:  # runs come in order of a0: these can grow no more
            k = bisect_left(ends, a0 - reach)
            closed.extend(open_[:k])
            del open_[:k], ends[:k]
        best = -1
        gap = 0
        for i in range(bisect_left(ends, a0 + N)):  # those with -N < a0 - a1 <= reach
            p = open_[i]
            gb = b0 - p[3]
            if -N < gb <= reach and (best < 0 or a0 - p[1] + gb < gap):
                best, gap = i, a0 - p[1] + gb
        if best >= 0:
            p = open_[best]
            p[3] = max(p[3], b1)
            p[4] += m
            if a1 > p[1]:  # its end moved: to the front of those ending there (a stable sort's place)
                p[1] = a1
                del open_[best], ends[best]
                k = bisect_left(ends, a1)
                open_.insert(k, p)
                ends.insert(k, a1)
        else:  # a new one: after those ending where it ends
            k = bisect_right(ends, a1)
            open_.insert(k, [a0, a1, b0, b1, m])
            ends.insert(k, a1)
    out = []
    taken_a: list[tuple[int, int]] = []
    shortest = MIN_TOKENS - N  # length >= MIN_TOKENS on both sides, in shingles
    long_enough = [p for p in closed + open_ if p[1] - p[0] >= shortest and p[3] - p[2] >= shortest]
    for a0, a1, b0, b1, m in sorted(long_enough, key=lambda p: p[0] - p[1]):
        a_end, b_end = a1 + N - 1, b1 + N - 1  # last token of the last shingle
        length = min(a_end - a0, b_end - b0) + 1
        similarity = min(1.0, m / max(1, a1 - a0 + 1, b1 - b0 + 1))
        if length < MIN_TOKENS or similarity < MIN_SIMILARITY or any(a0 < y and x < a_end for x, y in taken_a):
            continue
        taken_a.append((a0, a_end))
        out.append((a0, a_end, b0, b_end, length, round(similarity, 3)))
    return out


def _end(text: str, pos: int) -> int:
    """A passage ends after the punctuation that closes its last word (``số.``)."""
    while pos < len(text) and text[pos] in ".,;:!?)”\"'…/":
        pos += 1
    return pos


def store_bands(conn: sqlite3.Connection, doc_id: int, bands: list[int]) -> None:
    """The band keys kept with the document; they enter the ``lsh`` index when it is compared (``detect``)."""
    conn.execute("UPDATE documents SET bands=? WHERE id=?", (pack_bands(bands), doc_id))
