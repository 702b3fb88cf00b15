#!/usr/bin/env python
"""Detect the text reuse of a kept index again: CPU per document and per phase, pairs aligned, and a digest of the
passages (issue 15: per-document reuse cost at 100k within 1.2× of 1k).

    .venv/bin/python benchmarks/linking_benchmark.py --worker scale --docs 100000 --keep --worker-out /tmp/s.json
    .venv/bin/python benchmarks/linking_reuse_rerun.py benchmarks/_work/linking/scale100000/index.sqlite

Works on a temporary copy of the index: its passages are removed and every document marked as not compared (and the
``lsh`` index emptied, where the code fills it when comparing: ``index bands``), then
``detect.detect_pending`` runs as at the end of an indexing run, its token cache filled first (untimed) the way the
writer fills it (``TokenCache.keep``, in the order the documents were stored, while there is room).  A change to
detection must leave the digest unchanged (or say which passages it lost or gained and why); the phases say where
the time goes: ``candidates`` (band keys → pairs, SQLite), ``capped``, ``read back`` (documents whose tokens were not
kept, cut again), ``align`` (``reuse.token_passages``), ``spans`` (offsets of the passages found).
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnadmin_nlp.linking import detect, reuse, store  # noqa: E402


class Phases:
    """CPU per phase (``time.process_time`` around the wrapped functions) and calls."""

    def __init__(self) -> None:
        self.cpu: collections.Counter = collections.Counter()
        self.calls: collections.Counter = collections.Counter()
        self.undo: list = []

    def wrap(self, owner, name: str, label: str) -> None:  # type: ignore[no-untyped-def]
        real = getattr(owner, name)

        def timed(*a, **k):  # type: ignore[no-untyped-def]
            t = time.process_time()
            try:
                return real(*a, **k)
            finally:
                self.cpu[label] += time.process_time() - t
                self.calls[label] += 1

        setattr(owner, name, timed)
        self.undo.append((owner, name, real))

    def restore(self) -> None:
        for owner, name, real in reversed(self.undo):
            setattr(owner, name, real)


def reset(conn) -> None:
    """The state after storing: no passages, nothing compared; where the band keys enter the ``lsh`` index when the
    documents are compared (``detect.index_bands``), not yet in it either (main's code before it put them there
    while storing)."""
    with store.transaction(conn):
        conn.execute("DELETE FROM reuse")
        conn.execute("UPDATE documents SET reuse_done = 0")
        if hasattr(detect, "index_bands"):
            conn.execute("DELETE FROM lsh")


def filled_cache(conn, words: int | None) -> detect.TokenCache:
    """The cache as the writer leaves it: each document's tokens kept while there is room, in the order stored."""
    cache = detect.TokenCache(conn, words)
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        if cache.words >= cache.limit:
            break
        text, zones, subject = cache._row(doc_id)
        cache.keep(doc_id, reuse.tokenize(text, reuse.reuse_ranges(zones, subject, len(text))))
    return cache


def bands_again(conn) -> dict:
    """Every document's band keys computed again from its stored text (tokens, then the keys by the loops of
    ``reuse.band_keys`` and by the writer's arrays when it has them), CPU of each; the keys must be the stored ones."""
    from vnadmin_nlp.linking import bands as arrays  # the writer's band keys over arrays (session 19)

    cpu = collections.Counter()
    differ = docs = shingles = keys = 0
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        text, zones, subject = detect.TokenCache(conn)._row(doc_id)
        t = time.process_time()
        toks = reuse.tokenize(text, reuse.reuse_ranges(zones, subject, len(text)))
        t1 = time.process_time()
        loops = reuse.band_keys(toks)
        t2 = time.process_time()
        fast = arrays.band_keys(toks.shingles)
        t3 = time.process_time()
        cpu["tokens"] += t1 - t
        cpu["keys (loops)"] += t2 - t1
        cpu["keys (arrays)"] += t3 - t2
        stored = conn.execute("SELECT bands FROM documents WHERE id=?", (doc_id,)).fetchone()[0]
        differ += (loops != fast) or (stored is not None and store.unpack_bands(stored) != fast)
        docs += 1
        shingles += len(toks.shingles)
        keys += len(fast)
    return {"docs": docs, "cpu": cpu, "differ": differ, "shingles": shingles, "keys": keys}


def digest(conn) -> tuple[int, str]:
    h, n = hashlib.sha256(), 0
    for r in conn.execute("SELECT * FROM reuse ORDER BY src, dst, src_start, dst_start"):
        h.update(repr(tuple(r)).encode())
        n += 1
    return n, h.hexdigest()


def run(path: Path, words: int | None) -> dict:
    conn = store.connect(path)
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    reset(conn)
    cache = filled_cache(conn, words)
    kept = len(cache.items)
    ph = Phases()
    if hasattr(detect, "index_bands"):
        ph.wrap(detect, "index_bands", "index bands")
    ph.wrap(detect, "candidates", "candidates")
    ph.wrap(detect, "capped", "capped")
    ph.wrap(detect, "token_passages", "align")
    ph.wrap(detect, "with_spans", "spans")
    ph.wrap(detect.TokenCache, "_row", "read back")
    ph.wrap(detect, "tokenize", "read back: cut")
    pairs_found: collections.Counter = collections.Counter()
    real_tp = detect.token_passages

    def counted(sa, sb, set_a=None, set_b=None):  # type: ignore[no-untyped-def]
        out = real_tp(sa, sb, set_a, set_b)
        pairs_found["with a passage" if out else "without"] += 1
        return out

    detect.token_passages = counted
    try:
        t = time.process_time()
        found = detect.detect_pending(conn, cache)
        cpu = time.process_time() - t
    finally:
        detect.token_passages = real_tp
        ph.restore()
    n, h = digest(conn)
    conn.close()
    return {"docs": docs, "cpu": cpu, "found": found, "kept": kept, "phases": ph.cpu, "calls": ph.calls,
            "pairs": pairs_found, "passages": n, "digest": h}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--words", type=int, help="token cache size in shingles (default detect.CACHE_WORDS)")
    ap.add_argument("--bands", action="store_true", help="first, every document's band keys again (loops and arrays)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    try:
        path = tmp / args.index.name
        shutil.copy(args.index, path)
        if args.bands:
            conn = store.connect(path)
            b = bands_again(conn)
            conn.close()
            n = max(b["docs"], 1)
            print(f"band keys of {b['docs']:,} documents ({b['shingles']:,} shingles, {b['keys']:,} keys; "
                  f"{b['differ']} differing from the loops' or the stored ones): " + ", ".join(
                      f"{k} {v:.3f} s ({1e3 * v / n:.2f} ms/doc)" for k, v in b["cpu"].items()), flush=True)
        for i in range(args.rounds):
            r = run(path, args.words)
            print(f"round {i + 1}: {r['docs']:,} documents, {r['cpu']:.3f} s CPU, {1e3 * r['cpu'] / r['docs']:.4f} ms/doc; "
                  f"tokens of {r['kept']:,} documents kept", flush=True)
            for label in ("index bands", "candidates", "capped", "read back", "read back: cut", "align", "spans"):
                print(f"  {label}: {r['phases'][label]:.3f} s ({1e3 * r['phases'][label] / r['docs']:.4f} ms/doc), "
                      f"{r['calls'][label]:,} calls")
            print(f"  pairs aligned: {sum(r['pairs'].values()):,} ({r['pairs']['with a passage']:,} with a passage)")
            print(f"passages {r['passages']:,} sha256 {r['digest']}")
        print(f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
