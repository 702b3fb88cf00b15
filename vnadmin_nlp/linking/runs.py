"""The runs of shingles two long documents share, found over whole arrays (numpy): the runs ``reuse.token_passages``
finds with its loops, the same list, at a fraction of the CPU when both documents are long.

Long real documents (decrees, laws, reports: up to 72,000 words) share hundreds of short phrases with each other
("theo quy định của pháp luật", a body's name), each repeated within them; the loops spent a Python step per shared
position of one document and per position of the other it was matched with, most of it in pairs where no passage
comes out.  Here the shared positions, their partners (the first ``per_value`` positions of a shingle in ``b``, as
the loops keep them) and the runs along each diagonal are array operations; the runs that cannot take part in any
passage (short, and no other run within reach of either end) are dropped before the chaining, which is the only
loop left.  tests/test_linking_runs.py compares the runs and the passages with the loops' on real and random pairs.
"""
from __future__ import annotations

from typing import Any, Sequence, cast


def shared_runs(sa: Sequence[int], sb: Sequence[int], common: set[int], per_value: int) -> Any:
    """The maximal runs of consecutive matches on one diagonal, as rows ``[a0, a1, b0, b1, length]`` sorted: ``a``'s
    positions whose shingle is in ``common``, each matched with the first ``per_value`` positions of that shingle
    in ``b``."""
    import numpy as np

    a = np.frombuffer(memoryview(cast(Any, sa)), dtype=np.uint64)
    b = np.frombuffer(memoryview(cast(Any, sb)), dtype=np.uint64)
    values = np.fromiter(common, dtype=np.uint64, count=len(common))
    values.sort()
    jb = np.flatnonzero(_member(b, values))
    # the first ``per_value`` positions of each shared shingle in b, grouped by shingle (in order of position)
    order = np.argsort(b[jb], kind="stable")
    jb = jb[order]
    vb = b[jb]
    first = np.flatnonzero(np.r_[True, vb[1:] != vb[:-1]])
    counts = np.diff(np.r_[first, len(vb)])
    rank = np.arange(len(vb)) - np.repeat(first, counts)
    keep = rank < per_value
    jb, vb = jb[keep], vb[keep]
    first = np.flatnonzero(np.r_[True, vb[1:] != vb[:-1]])
    counts = np.diff(np.r_[first, len(vb)])
    uniq = vb[first]
    # every shared position of a with each of its partners in b
    ia = np.flatnonzero(_member(a, uniq))
    g = np.searchsorted(uniq, a[ia])
    c = counts[g]
    i = np.repeat(ia, c)
    k = np.arange(len(i)) - np.repeat(np.cumsum(c) - c, c)
    j = jb[np.repeat(first[g], c) + k]
    d = i.astype(np.int64) - j.astype(np.int64)
    # runs: consecutive positions of a on one diagonal
    o = np.lexsort((i, d))
    i, d = i[o].astype(np.int64), d[o]
    start = np.r_[True, (d[1:] != d[:-1]) | (i[1:] != i[:-1] + 1)]
    starts = np.flatnonzero(start)
    ends = np.r_[starts[1:] - 1, len(i) - 1]
    a0, a1, dd = i[starts], i[ends], d[starts]
    runs = np.stack([a0, a1, a0 - dd, a1 - dd, a1 - a0 + 1], axis=1)
    return runs[np.lexsort(runs.T[::-1])]


def _member(x: Any, values: Any) -> Any:
    """Which of ``x`` are in ``values`` (sorted, not empty): a binary search each (``np.isin`` sorts both)."""
    import numpy as np

    at = np.searchsorted(values, x)
    at[at == len(values)] = 0
    return values[at] == x


def chainable(runs: Any, n: int, reach: int, shortest: int) -> Any:
    """The runs that may take part in a passage: those long enough alone (``shortest`` shingles in ``a`` and ``b``,
    less one), and those another run may chain with (``reuse._chained``: a run joins a passage whose end in ``a`` is
    within ``(a0 - reach, a0 + n)``; a passage ends where one of its runs ends).  A run with no other ending within
    reach before it and none starting within reach after its end stays a passage of its own, too short: it changes
    nothing (the passages it could join or take are none)."""
    import numpy as np

    if not len(runs):
        return runs
    a0, a1 = runs[:, 0], runs[:, 1]
    long_alone = (a1 - a0 >= shortest) & (runs[:, 3] - runs[:, 2] >= shortest)
    ends = np.sort(a1)
    # another run ends in [a0 - reach, a0 + n): this one may join its passage (the run itself counted when it does)
    before = np.searchsorted(ends, a0 + n, "left") - np.searchsorted(ends, a0 - reach, "left")
    before -= (a1 < a0 + n).astype(before.dtype)
    # another run starts in (a1 - n, a1 + reach]: it may join this one's passage (itself counted when it does)
    before_after = np.searchsorted(a0, a1 + reach, "right") - np.searchsorted(a0, a1 - n, "right")
    before_after -= (a0 > a1 - n).astype(before_after.dtype)
    return runs[long_alone | (before > 0) | (before_after > 0)]


def may_hold_passage(runs: Any, shortest: int, similarity: float) -> bool:
    """False when no passage can come out of these runs (sorted): a passage spans ``L >= shortest + 1`` shingles
    of ``a`` from its first run's start past its last run's start, and matches at least ``similarity * L`` of them,
    which are at most the lengths of all the runs starting within it.  So some runs ``p..q`` (in order) must have
    lengths summing to ``similarity * max(shortest + 1, a0[q] - a0[p] + 1)``: checked for every ``q`` against the
    runs starting within ``shortest + 1`` before it, and against the best earlier start (a prefix minimum).  Most
    pairs of long documents share only scattered phrases: their chaining is skipped."""
    import numpy as np

    if not len(runs):
        return False
    a0 = runs[:, 0].astype(np.float64)
    s = np.r_[0.0, np.cumsum(runs[:, 4], dtype=np.float64)]
    tol = 1e-9
    span = shortest + 1
    # p within the window: a0[p] >= a0[q] - shortest
    first = np.searchsorted(a0, a0 - shortest, "left")
    if (s[1:] - s[first] >= similarity * span - tol).any():
        return True
    # p further back: a0[p] <= a0[q] - span; s[q+1] - s[p] >= similarity * (a0[q] - a0[p] + 1)
    g = s[:-1] - similarity * a0  # for each p
    best = np.minimum.accumulate(g)
    upto = np.searchsorted(a0, a0 - span, "right")  # the p with a0[p] <= a0[q] - span are [0, upto)
    q = np.flatnonzero(upto > 0)
    return bool((s[q + 1] - similarity * (a0[q] + 1) >= best[upto[q] - 1] - tol).any())
