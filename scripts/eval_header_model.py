#!/usr/bin/env python3
"""Score the header model against the rules on the devset gold, per field: rules alone, model alone, combined.

    python scripts/eval_header_model.py --split dev -j 2             # tune on dev
    python scripts/eval_header_model.py --split test -j 2 --markdown # the model card's table (run once)

Right / wrong (of which flagged: confidence under 0.5, what the register asks to check) / missing per field (lenient matcher, as ``vnadmin-nlp eval``), on the vbpl pages and the Lâm Đồng
PDFs.  ``--changes`` lists the documents where the combined reading differs from the rules' (dev only).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnadmin_nlp.evaluation.gold import Gold, collect, default_shared_dir  # noqa: E402
from vnadmin_nlp.evaluation.match import ACCURACY_HEADER  # noqa: E402
from vnadmin_nlp.evaluation.run import score_document  # noqa: E402

MODES = ("rules", "model", "combined")
_CONF = {"issuer_parent": "issuer", "signer_name": "signers"}


def one(gold: Gold) -> dict[str, Any]:
    from vnadmin_nlp.header_model import readings
    from vnadmin_nlp.header_model.analysis import analyse_file

    try:
        r = readings(analyse_file(gold.path))
    except Exception as exc:
        return {"id": gold.id, "error": f"{type(exc).__name__}: {exc}"}
    out: dict[str, Any] = {"id": gold.id, "set": gold.gold_file.parent.name}
    for mode, doc in zip(MODES, r):
        res = score_document(gold, doc)
        out[mode] = {f: res.outcomes[f]["lenient"] for f in ACCURACY_HEADER if f in res.outcomes}
        # a wrong value the register asks to check (confidence under 0.5)
        out[mode + "_flagged"] = [
            f for f, o in out[mode].items() if o in ("wrong", "spurious") and doc.confidence.get(_CONF.get(f, f), 1.0) < 0.5
        ]
    out["warnings"] = [w.message for w in r.combined.warnings if w.code == "model_disagrees"]
    return out


def table(results: list[dict[str, Any]], markdown: bool) -> str:
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for res in results:
        for mode in MODES:
            for f, o in res.get(mode, {}).items():
                counts[(f, mode)][o] += 1
                counts[("all", mode)][o] += 1
            for f in res.get(mode + "_flagged", []):
                counts[(f, mode)]["flagged"] += 1
                counts[("all", mode)]["flagged"] += 1
    lines = ["| field | rules alone | model alone | combined |", "|---|---|---|---|"] if markdown else [
        f"{'field':<14}" + "".join(f"{m + ' R/W(flagged)/M':>24}" for m in MODES)]
    for f in (*ACCURACY_HEADER, "all"):
        if not any((f, m) in counts for m in MODES):
            continue
        cells = []
        for m in MODES:
            c = counts[(f, m)]
            flagged = f" ({c['flagged']})" if c["flagged"] else ""
            cells.append(f"{c['right']} / {c['wrong'] + c['spurious']}{flagged} / {c['missing']}")
        lines.append(f"| {f} | " + " | ".join(cells) + " |" if markdown else f"{f:<14}" + "".join(f"{x:>24}" for x in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--vbpl", type=Path, default=Path("/tmp/devset/vbpl"))
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--changes", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    shared = default_shared_dir()
    gold_dirs = [ROOT / "fixtures" / "gold" / "devset" / "vbpl", ROOT / "fixtures" / "gold" / "devset" / "lamdong"]
    golds = collect(gold_dirs, shared, [args.vbpl, shared / "devset" / "lamdong"], False, args.split, None).golds
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(one, golds, chunksize=2))
    else:
        results = [one(g) for g in golds]
    for s in ("vbpl", "lamdong", None):
        part = [r for r in results if s is None or r.get("set") == s]
        print(f"\n{s or 'both'} ({args.split} split, {len(part)} documents)\n")
        print(table(part, args.markdown))
    errors = [r for r in results if "error" in r]
    for e in errors:
        print(f"error {e['id']}: {e['error']}", file=sys.stderr)
    if args.changes and args.split == "dev":
        for r in results:
            diff = {f: (r["rules"][f], r["combined"][f]) for f in r.get("rules", {}) if r["rules"][f] != r["combined"].get(f)}
            if diff or r.get("warnings"):
                print(r["id"], diff, *r.get("warnings", []), sep="\n  ")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
