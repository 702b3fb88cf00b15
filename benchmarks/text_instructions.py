#!/usr/bin/env python
"""Instructions per document of ``parse_text``, per stage, counted by valgrind (deterministic, unlike CPU time on
a shared host, which moves by ±15% between runs).

    .venv/bin/python benchmarks/text_instructions.py            # the vbpl bodies of 5–20 KB (some 10 minutes)
    .venv/bin/python benchmarks/text_instructions.py --limit 40  # the first 40 pages only

Inputs as in ``text_benchmark.py``: the vbpl.vn pages of the development set (``build/devset/vbpl`` or
``$VNADMIN_VBPL``), their text extracted once with ``read_file``, the bodies of 5–20 KB kept.  The script runs
itself under ``valgrind --tool=callgrind`` with collection off; in the child every text is parsed once (warm:
patterns compiled, tables loaded), then once more with each stage called through its own C function of
``itertools`` (``starmap`` for normalising, ``takewhile`` for the folding key, ``dropwhile`` for zoning,
``filterfalse`` for the citations extractor, ``groupby`` for the tasks extractor, ``accumulate`` for every other
extractor), which callgrind's ``--toggle-collect`` counts inclusively; the package uses none of them.  What the
second pass costs outside the six (the pipeline's own work, the output model) is the total of a plain pass,
measured by ``--toggle-collect`` on ``filter_next`` around it, less the six.  Prints a table (instructions per
document, millions); needs valgrind and callgrind_annotate.
"""
from __future__ import annotations

import argparse
import itertools
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VBPL = Path(os.environ.get("VNADMIN_VBPL", ROOT / "build" / "devset" / "vbpl"))
STAGES = {  # trampoline -> what it counts
    "starmap": "normalise", "takewhile": "fold key (Page)", "dropwhile": "zoning",
    "filterfalse": "extractor citations", "groupby": "extractor tasks", "accumulate": "other extractors",
}


def _via(kind: str, fn: Callable) -> Callable:
    """``fn`` called inside the C function of ``itertools.<kind>`` (what callgrind toggles on)."""
    def call(*a: Any, **k: Any) -> Any:
        res: list = []

        def run(*_: Any) -> None:
            res.append(fn(*a, **k))
        if kind == "starmap":
            list(itertools.starmap(run, [()]))
        elif kind == "takewhile":
            list(itertools.takewhile(run, [0]))
        elif kind == "dropwhile":
            list(itertools.dropwhile(run, [0]))
        elif kind == "filterfalse":
            list(itertools.filterfalse(run, [0]))
        elif kind == "groupby":
            list(itertools.groupby([0], key=run))
        else:
            list(itertools.accumulate([0, 0], run))
        return res[0]
    call.__module__ = getattr(fn, "__module__", "")
    return call


def child(texts_file: str) -> None:
    from vnadmin_nlp import parse_text, pipeline
    from vnadmin_nlp.extractors import DEFAULT_EXTRACTORS

    texts = pickle.loads(Path(texts_file).read_bytes())
    for t in texts:
        parse_text(t)  # warm
    list(filter(lambda t: parse_text(t) and False, texts))  # the whole of a plain pass, inside filter_next
    pipeline.normalize = _via("starmap", pipeline.normalize)
    pipeline.Page = _via("takewhile", pipeline.Page)  # type: ignore[misc]
    pipeline.zone = _via("dropwhile", pipeline.zone)
    names = {"citations": "filterfalse", "tasks": "groupby"}
    extractors = [_via(names.get(e.__module__.rsplit(".", 1)[-1], "accumulate"), e) for e in DEFAULT_EXTRACTORS]
    for t in texts:
        parse_text(t, extractors=extractors)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="the first N pages only")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return 0
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        print("needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    from vnadmin_nlp.readers import read_file

    texts = []
    for p in sorted(VBPL.glob("*.html"))[: args.limit]:
        t = read_file(p).joined()[0]
        if t.strip() and 5 <= len(t.encode("utf-8")) / 1000 <= 20:
            texts.append(t)
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "texts.pickle", Path(tmp) / "callgrind.out"
        data.write_bytes(pickle.dumps(texts))
        toggles = [f"--toggle-collect={k}_next" for k in [*STAGES, "filter"]]
        subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", *toggles, f"--callgrind-out-file={out}",
                        sys.executable, __file__, "--child", str(data)], check=True, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
        report = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(out)], check=True, capture_output=True,
                                text=True).stdout
    counts = {}
    for line in report.splitlines():
        m = re.match(r"\s*([\d,]+)\s.*:(\w+)_next\s", line)
        if m and m.group(2) in [*STAGES, "filter"]:
            counts[m.group(2)] = int(m.group(1).replace(",", ""))
    n = len(texts)
    total = counts.get("filter", 0) / n
    print(f"{n} documents; {total / 1e6:.1f} M instructions per document\n\n| Stage | M instructions | share |\n|---|---:|---:|")
    rows = [(STAGES[k], counts.get(k, 0) / n) for k in STAGES]
    rows.append(("other (pipeline, output model)", total - sum(v for _, v in rows)))
    for name, v in sorted(rows, key=lambda r: -r[1]):
        print(f"| {name} | {v / 1e6:.2f} | {v / total:.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
