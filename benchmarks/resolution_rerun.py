#!/usr/bin/env python
"""Resolve every citation of a kept index again: CPU per document, where the candidates scored go, and a digest
of the links (issue 15: per-document resolution at 100k within 1.2× of 1k).

    .venv/bin/python benchmarks/linking_benchmark.py --worker scale --docs 100000 --keep --worker-out /tmp/s.json
    .venv/bin/python benchmarks/resolution_rerun.py benchmarks/_work/linking/scale100000/index.sqlite --rounds 3

Works on a copy when ``--copy`` is given (the links are written again: the same ones, unless the code changed).
A change to resolution must leave the digest of every kept size unchanged; the counts say what the change saved:
``few`` (at most ``resolve._FEW`` candidates, all scored), ``near`` (the near ones settle it), ``issuer+place``,
``fallback`` (the near ones did not settle it: every candidate scored) with their candidates, and the calls of
``resolve.score`` in all.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnadmin_nlp.linking import resolve, store  # noqa: E402


def queue_all(conn) -> None:
    with store.transaction(conn):
        conn.execute("DELETE FROM pending")
        conn.execute("INSERT INTO pending SELECT DISTINCT lookup, 0 FROM citations WHERE lookup IS NOT NULL")


def digest(conn) -> tuple[int, str]:
    h, n = hashlib.sha256(), 0
    for r in conn.execute("SELECT src, idx, dst, dangling, confidence, reason, candidates FROM links ORDER BY src, idx"):
        h.update(repr(tuple(r)).encode())
        n += 1
    return n, h.hexdigest()


def paths_counted(conn) -> collections.Counter:
    """Which way each citation was settled, and the candidates scored on each way (one more resolution)."""
    counts: collections.Counter = collections.Counter()
    real_in, real_one = resolve.resolve_in, resolve.resolve_one

    scoring = [True]  # the classification's own scoring below is not counted

    def resolve_in(c, groups):  # type: ignore[no-untyped-def]
        scoring[0] = False
        total = sum(len(g.all) for g in groups)
        if total <= resolve._FEW:
            way = "few"
        else:
            near = [d for g in groups for d in g.near(c)]
            if len(near) >= total:
                way = "near is all"
            elif c.issuer_slugs and c.places:
                way = "issuer+place"
            else:
                res = real_one(c, near, total=total)
                ids = {d.id for d in near}
                exact = bool(c.issuer_slugs) and any(g.far_exact(c, ids) for g in groups)
                settled = (res.score is not None and not res.reason.startswith("too weak")
                           and res.score - resolve.far_bound(c, exact) >= resolve.MARGIN - 1e-9)
                way = "near" if settled else "fallback"
        counts[way] += 1
        counts[f"{way}: candidates"] += total
        scoring[0] = True
        return real_in(c, groups)

    real_score = resolve.score

    def score(c, d):  # type: ignore[no-untyped-def]
        counts["score calls"] += scoring[0]
        return real_score(c, d)

    resolve.resolve_in, resolve.score = resolve_in, score
    try:
        queue_all(conn)
        resolve.resolve_pending(conn)
    finally:
        resolve.resolve_in, resolve.resolve_one, resolve.score = real_in, real_one, real_score
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--copy", action="store_true", help="work on a temporary copy of the index")
    args = ap.parse_args()
    path, tmp = args.index, None
    if args.copy:
        tmp = Path(tempfile.mkdtemp())
        path = tmp / args.index.name
        shutil.copy(args.index, path)
    try:
        conn = store.connect(path)
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        best = float("inf")
        for i in range(args.rounds):
            queue_all(conn)
            t = time.process_time()
            n = resolve.resolve_pending(conn)
            dt = time.process_time() - t
            best = min(best, dt)
            print(f"round {i + 1}: {n:,} citations, {dt:.3f} s CPU, {1e3 * dt / docs:.4f} ms/doc", flush=True)
        print(f"{docs:,} documents: best {1e3 * best / docs:.4f} ms/doc")
        for way, k in sorted(paths_counted(conn).items()):
            print(f"  {way}: {k:,}")
        n, h = digest(conn)
        print(f"links {n:,} sha256 {h}")
        conn.close()
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
