"""docs/performance.md is written by several benchmarks: each owns one block between ``<!-- BEGIN name -->`` and
``<!-- END name -->`` and replaces only that block (benchmarks/run_benchmarks.py keeps the others when it rewrites
the file)."""
from __future__ import annotations

import re
from pathlib import Path

MARKED_BLOCK = re.compile(r"<!-- BEGIN (\S+) -->.*?<!-- END \1 -->", re.S)


def put_block(doc: Path, name: str, block: str, new_at: str = "") -> None:
    """Replace the block ``name`` (``block`` carries its markers) in ``doc``; a new block goes before the heading
    ``new_at`` when the document has it, else at the end."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    pattern = re.compile(rf"<!-- BEGIN {re.escape(name)} -->.*?<!-- END {re.escape(name)} -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text, count=1)
    elif new_at and "\n" + new_at in text:
        text = text.replace("\n" + new_at, "\n" + block + "\n\n" + new_at, 1)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")
