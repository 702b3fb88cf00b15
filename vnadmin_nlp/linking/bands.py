"""The band keys of a document's passages computed over whole arrays (numpy): the same keys as ``shingles.band_keys``'
loops, bit for bit, at a fraction of the CPU on long documents.

A real body of 7,500 words has about 1,150 winnowing anchors; the loops spent a Python step per shingle choosing
them (the deque of ``shingles.anchors``) and per shingle again hashing every passage into its MinHash bins
(``shingles.signature``): 60% of the CPU of the band keys, and the band keys were a fifth of linking's CPU on the real
documents.  Here each step is one array operation for the whole document; only the CRCs of the band keys stay a
Python call each (two per band, 4 per passage).  The keys must not change (an index keeps them: a new document's
keys meet the stored ones), so tests/test_linking_bands.py compares both on real and random token sequences.
"""
from __future__ import annotations

import zlib
from typing import Any, Sequence, cast

from ..model import Document
from .reuse import reuse_ranges
from .shingles import B, CHUNK, K, R, WINDOW, _M64, Tokens, tokenize
from .shingles import band_keys as loop_band_keys

_SMALL = 64  # shorter sequences go through the loops (numpy's set-up would cost more than they do)


def anchors(shingles: Any) -> Any:
    """``shingles.anchors`` as an array: the rightmost smallest value of every window of ``WINDOW`` shingles, each
    position once."""
    import numpy as np

    h = np.frombuffer(memoryview(cast(Any, shingles)), dtype=np.uint64) if not isinstance(shingles, np.ndarray) else shingles
    vals = (h * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(32)  # the product wraps at 2**64, as the loop's mask does
    win = np.lib.stride_tricks.sliding_window_view(vals, WINDOW)
    pos = np.arange(len(win)) + (WINDOW - 1 - np.argmin(win[:, ::-1], axis=1))  # argmin: the first; reversed: rightmost
    keep = np.empty(len(pos), dtype=bool)
    keep[0] = True
    np.not_equal(pos[1:], pos[:-1], out=keep[1:])
    return pos[keep]


def _mix(h: Any) -> Any:
    """``shingles._mix`` on an array (uint64 products wrap at 2**64)."""
    import numpy as np

    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def signatures(h: Any, starts: Any) -> Any:
    """``shingles.signature`` of the passages ``[a, a + CHUNK)`` for every ``a`` in ``starts``: one row of ``K`` bins
    each, the empty bins filled from the next filled one (cyclically) as the loop fills them."""
    import numpy as np

    rows = h[starts[:, None] + np.arange(CHUNK)]  # (passages, CHUNK)
    bins = (rows & np.uint64(K - 1)).astype(np.intp)
    vals = rows >> np.uint64(4)
    mins = np.full((len(starts), K), np.uint64(_M64), dtype=np.uint64)
    np.minimum.at(mins, (np.repeat(np.arange(len(starts)), CHUNK), bins.ravel()), vals.ravel())
    empty = mins == np.uint64(_M64)
    if empty.any():
        # the next filled bin at or after each bin, over two turns: (j - i) % K is its distance, j % K its bin
        col = np.arange(2 * K)
        idx = np.where(np.tile(~empty, 2), col, 2 * K)
        nxt = np.minimum.accumulate(idx[:, ::-1], axis=1)[:, ::-1][:, :K]
        r, i = np.nonzero(empty)
        j = nxt[r, i]
        mins[r, i] = _mix(mins[r, j % K] + (j - i).astype(np.uint64))
    return mins


def band_keys(shingles: Sequence[int]) -> list[int]:
    """``shingles.band_keys`` (sorted, without repeats) of a document's shingles."""
    n = len(shingles)
    if n < _SMALL:
        return loop_band_keys(Tokens(shingles))
    import numpy as np

    h = np.frombuffer(memoryview(cast(Any, shingles)), dtype=np.uint64)  # an array('Q'): Tokens
    starts = anchors(h)
    starts = starts[starts + CHUNK <= n]
    if not len(starts):
        return loop_band_keys(Tokens(shingles))
    sig = signatures(h, starts).astype("<u8").tobytes()
    width = R * 8
    crc = zlib.crc32
    keys: set[int] = set()
    for band in range(B):  # the band's rows of every passage: the bytes [band * width, (band + 1) * width) of each
        parts = [sig[k:k + width] for k in range(band * width, len(sig), K * 8)]
        seed_a, seed_b = band + 1, 0x5BD1E995 + band
        keys.update([(crc(part, seed_a) << 31) ^ crc(part, seed_b) for part in parts])
    return sorted(keys)


def document_bands(doc: Document) -> tuple[Tokens, list[int]]:
    """A document's tokens (kept for the alignment) and band keys."""
    text = doc.text or ""
    toks = tokenize(text, reuse_ranges(doc.zones, doc.spans.get("subject"), len(text)))
    return toks, band_keys(toks.shingles)
