"""Text reuse, steps 1 and 2 (:mod:`.reuse`): a document's body as folded word tokens, hashed word 5-grams
(shingles), the passages that start at winnowing anchors, their one-permutation MinHash signatures and the LSH
band keys the ``lsh`` index holds.  The text → keys side; :mod:`.reuse` aligns the candidate pairs.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from collections import deque
from typing import Any, Iterable, Optional, Sequence


N = 5  # words per shingle
K, B, R = 16, 2, 8  # MinHash bins, LSH bands, rows per band (K = B * R)
WINDOW = 12  # winnowing: every WINDOW consecutive shingles hold an anchor
CHUNK = 16  # shingles per passage signature, from an anchor (20 words)
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
# The characters that fold to a word's character: a word of the folded text has the same span in the text itself,
# so word offsets are found without folding the text again.
_RAW_TOKEN = re.compile("[" + "".join(sorted({re.escape(chr(k)) for k, v in _FOLD.items() if _TOKEN.fullmatch(v)}
                                              | {"a-z", "0-9"})) + "]+")
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


class Tokens:
    """The words of a document's body and the hash of the 5-gram starting at each word (compact arrays); the
    words' character offsets are found again only for the passages reported (``offsets``)."""

    __slots__ = ("shingles", "ranges", "count")

    def __init__(self, shingles: Sequence[int], ranges: Sequence[tuple[int, int]] = (), count: int = 0) -> None:
        self.shingles = shingles if isinstance(shingles, array) else array("Q", shingles)
        self.ranges = tuple(ranges)
        self.count = count  # words

    def offsets(self, text: str, wanted: Iterable[int], folded: Optional[str] = None) -> dict[int, tuple[int, int]]:
        """The (start, end) of the words numbered in ``wanted``: one pass over the text up to the last one (the
        words of ``fold(text)`` have the same spans in the text: ``folded`` is not needed)."""
        want = set(wanted)
        out: dict[int, tuple[int, int]] = {}
        if not want:
            return out
        last = max(want)
        i = 0
        for a, b in self.ranges:
            for m in _RAW_TOKEN.finditer(text, a, b):
                if i in want:
                    out[i] = m.span()
                    if i == last:
                        return out
                i += 1
        return out


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one (offsets are kept)."""
    if len(text) < _ARRAY_FOLD:
        return text.translate(_FOLD)
    import numpy as np  # a long text: one table look-up per character over an array (``translate`` is a dict's)

    global _FOLD_TABLE
    if _FOLD_TABLE is None:
        _FOLD_TABLE = np.arange(_FOLD_SPAN, dtype=np.uint32)
        for k, v in _FOLD.items():
            _FOLD_TABLE[k] = ord(v)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.where(codes < _FOLD_SPAN, _FOLD_TABLE[np.minimum(codes, _FOLD_SPAN - 1)], codes).tobytes().decode(
        "utf-32-le", "surrogatepass")


_ARRAY_FOLD = 2000  # characters from which ``fold`` works over an array
_FOLD_SPAN = max(_FOLD) + 1  # the code points ``_FOLD`` changes are all below it
_FOLD_TABLE: Any = None  # code point -> folded code point below _FOLD_SPAN (built at the first long text)


def tokenize(text: str, ranges: Sequence[tuple[int, int]]) -> Tokens:
    folded = fold(text)
    ids: list[int] = []
    get = _TOKEN_IDS.get
    for a, b in ranges:
        ids.extend([get(t) or _token_id(t) for t in _TOKEN.findall(folded, a, b)])
    if len(ids) >= _ARRAY_HASHES:
        return Tokens(_hashes_over_arrays(ids), ranges, len(ids))
    p, q = 0x100000001B3, 0xBF58476D1CE4E5B9
    raw = [((((((a * p) ^ b) * p ^ c) * p ^ d) * p ^ e) & _M64) for a, b, c, d, e in zip(ids, ids[1:], ids[2:], ids[3:], ids[4:])]
    return Tokens([((h ^ (h >> 29)) * q & _M64) ^ (h >> 32) for h in raw], ranges, len(ids))  # spread the bits


_ARRAY_HASHES = 256  # words from which the shingles' hashes are computed over arrays


def _hashes_over_arrays(ids: list[int]) -> array:
    """The hashes of ``tokenize``'s loop over numpy arrays, bit for bit: uint64 products wrap at 2**64, which is
    the loop's mask (a xor with a value below 2**64 changes no higher bit)."""
    import numpy as np

    v = np.array(ids, dtype=np.uint64)
    p, n = np.uint64(0x100000001B3), len(ids) - N + 1
    h = v[:n] * p
    for k in range(1, N - 1):
        h = (h ^ v[k:k + n]) * p
    h ^= v[N - 1:N - 1 + n]
    out = ((h ^ (h >> np.uint64(29))) * np.uint64(0xBF58476D1CE4E5B9)) ^ (h >> np.uint64(32))
    return array("Q", out.tobytes())


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
    """One-permutation MinHash: the smallest value in each of ``K`` bins, empty bins densified by rotation (each
    takes the mixed value of the next filled bin, cyclically)."""
    mins = [_M64] * K
    for h in hashes:
        b = h & (K - 1)
        v = h >> 4
        if v < mins[b]:
            mins[b] = v
    if _M64 in mins:
        j = next((i for i, v in enumerate(mins) if v != _M64), -1)
        if j < 0:
            return mins
        for i in range(K - 1, -1, -1):  # j: the next filled bin after i (cyclically)
            if mins[i] == _M64:
                mins[i] = _mix(mins[j] + (j - i) % K)
            else:
                j = i
    return mins


def band_keys(tokens: Tokens) -> list[int]:
    """The LSH band keys of a document's passages (signed 64-bit, for SQLite), without repeats.  The reference:
    the writer computes the same keys over arrays (``bands.band_keys``)."""
    keys: set[int] = set()
    sh = tokens.shingles
    width = R * 8
    for a, b in chunks(sh):
        sig = array("Q", signature(sh[a:b])).tobytes()
        for band in range(B):
            part = sig[band * width:(band + 1) * width]
            keys.add((zlib.crc32(part, band + 1) << 31) ^ zlib.crc32(part, 0x5BD1E995 + band))  # < 2**63: an SQLite integer
    return sorted(keys)
