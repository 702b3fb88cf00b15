#!/usr/bin/env python3
"""Dump the JSON of every file under some folders, to prove a refactor changes no output.

    python scripts/dump_outputs.py OUT [DIR ...]      # default: ../shared/corpus and ../shared/seeds
    diff -r before/ after/                            # a refactor must leave this empty

Each input gives ``OUT/<relative path>.json`` (``source.path`` left out, so two checkouts compare equal) or
``OUT/<relative path>.error`` with the reader's message.  Runs in parallel on all cores.
"""
from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_NOT_DOCUMENTS = {"README.md", "SOURCES.jsonl", "index.jsonl"}
SHARED = Path(os.environ.get("VNADMIN_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))


def _one(args: tuple[str, str]) -> tuple[str, str, str]:
    from vnadmin_nlp import ReaderError, parse_file

    path, rel = args
    try:
        doc = parse_file(path)
    except ReaderError as exc:
        return rel, ".error", f"{type(exc).__name__}: {exc}".replace(str(Path(path).parent), "<dir>")
    data = doc.to_dict()
    data["source"]["path"] = None
    return rel, ".json", json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):  # `--help` is not an output folder
        print(__doc__, file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    out = Path(argv[0])
    roots = [Path(a) for a in argv[1:]] or [SHARED / "corpus", SHARED / "seeds"]
    jobs = []
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.is_file() and not p.name.startswith(".") and p.name not in _NOT_DOCUMENTS:
                jobs.append((str(p), f"{root.name}/{p.relative_to(root)}"))
    with ProcessPoolExecutor() as pool:
        for rel, ext, body in pool.map(_one, jobs, chunksize=1):
            target = out / (rel + ext)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
    print(f"{len(jobs)} files dumped to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
