#!/usr/bin/env python
"""Where linking's own CPU goes, by stage, from a cProfile of an indexing run (issue 15).

    .venv/bin/python benchmarks/linking_benchmark.py --real --scale '' --no-write --index /tmp/real.sqlite --profile /tmp/real.prof
    .venv/bin/python benchmarks/linking_profile.py /tmp/real.prof --docs 436

The profile is of the indexing process only (cProfile's clock: ``time.process_time``); the parse worker's CPU is not
in it (the benchmark reports it apart).  Each stage is the cumulative time of the functions that are it (a stage
inside another is also counted in it: the sub-stages are indented); ``facts`` are the document's and citations'
lookup keys, counted inside ``store``.
"""
from __future__ import annotations

import argparse
import pstats
from pathlib import Path

# (label, depth, [(file suffix, function name)]): cumulative times summed over the functions given
STAGES = [
    ("parse (in this process: sending to the parse worker, warm-up, files parsed here)", 0, [("linking/indexing.py", "add_file")]),
    ("store (documents, citations, lookups; one transaction per batch)", 0, [("linking/store.py", "insert_document")]),
    ("facts (lookup keys of the document and its citations)", 1, [("linking/facts.py", "doc_facts"), ("linking/facts.py", "cite_facts"),
                                                              ("linking/facts.py", "merge_mentions")]),
    ("band keys (tokens, winnowing, MinHash)", 0, [("linking/reuse.py", "document_bands"), ("linking/bands.py", "document_bands")]),
    ("tokens", 1, [("linking/reuse.py", "tokenize")]),
    ("resolution", 0, [("linking/resolve.py", "resolve_pending")]),
    ("reuse detection", 0, [("linking/detect.py", "detect_pending")]),
    ("band keys into the lsh index", 1, [("linking/detect.py", "index_bands")]),
    ("candidate pairs (SQLite)", 1, [("linking/detect.py", "candidates")]),
    ("capped", 1, [("linking/detect.py", "capped")]),
    ("documents read back and cut again", 1, [("linking/detect.py", "_row")]),
    ("alignment (shared shingles, runs)", 1, [("linking/reuse.py", "token_passages")]),
    ("chaining runs into passages", 2, [("linking/reuse.py", "_chained")]),
    ("spans of the passages found", 1, [("linking/reuse.py", "with_spans")]),
]


def stages(path: Path) -> tuple[float, list[tuple[str, int, float, int]]]:
    st = pstats.Stats(str(path))
    total = st.total_tt  # type: ignore[attr-defined]
    out = []
    for label, depth, funcs in STAGES:
        cum, calls = 0.0, 0
        for (file, _line, name), (_cc, nc, _tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
            if any(file.endswith(suffix) and name == fn for suffix, fn in funcs):
                cum += ct
                calls += nc
        out.append((label, depth, cum, calls))
    return total, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("profile", type=Path)
    ap.add_argument("--docs", type=int, default=0, help="documents indexed: ms per document too")
    args = ap.parse_args()
    total, rows = stages(args.profile)
    print(f"| stage | CPU s (cProfile) | {'ms/doc | ' if args.docs else ''}calls |")
    print(f"|---|---:|{'---:|' if args.docs else ''}---:|")
    print(f"| whole run (this process) | {total:.2f} | {f'{1e3 * total / args.docs:.1f} | ' if args.docs else ''} |")
    for label, depth, cum, calls in rows:
        per = f"{1e3 * cum / args.docs:.1f} | " if args.docs else ""
        print(f"| {'… ' * depth}{label} | {cum:.2f} | {per}{calls:,} |")


if __name__ == "__main__":
    main()
