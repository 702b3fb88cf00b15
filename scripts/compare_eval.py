"""Compare two runs of `vnadmin-nlp eval --json`: before (A) and after (B) a change.

    vnadmin-nlp eval ... --json before.json      # on the old code
    vnadmin-nlp eval ... --json after.json       # on the new code
    python scripts/compare_eval.py before.json after.json [--strict] [--subset split=dev] [--fail-on-regression]

Prints, per field, right / wrong / missing / spurious before -> after (lenient matcher unless --strict), then the
documents that regressed (right -> wrong / missing / spurious, or missing -> wrong: a wrong value is worse
than none) and those that improved, with the gold and parser values of the after run.

Body evals (`eval --body --json`) are compared too: per metric tp / fn / fp and P / R / F1 (or right / n for the
accuracies) before -> after, the documents whose counts got worse (fewer found, more false), and the mismatches
that are new in the after run (what a change broke) and those that are gone.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

OUTCOMES = ("right", "wrong", "missing", "spurious")


def regressed(before: str, after: str) -> bool:
    return (before == "right" and after != "right") or (before == "missing" and after == "wrong")


def improved(before: str, after: str) -> bool:
    return regressed(after, before)


def _arrow(a: Any, b: Any) -> str:
    if a == b:
        return str(a)
    return f"{a} → {b}"


def field_table(a: dict, b: dict, subset: str, matcher: str) -> list[str]:
    ta, tb = a["totals"].get(subset, {}), b["totals"].get(subset, {})
    fields = list(dict.fromkeys([*ta, *tb]))
    rows = [("field", "n", *OUTCOMES, "accuracy")]
    for f in fields:
        ca, cb = ta.get(f, {}).get(matcher, {}), tb.get(f, {}).get(matcher, {})
        if "right" not in ca and "right" not in cb:
            continue

        def acc(c: dict) -> str:
            return "–" if c.get("accuracy") is None else f"{c['accuracy']:.3f}"

        rows.append((f, _arrow(ca.get("n", 0), cb.get("n", 0)), *(_arrow(ca.get(o, 0), cb.get(o, 0)) for o in OUTCOMES), _arrow(acc(ca), acc(cb))))
    width = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, width))) for r in rows]


def _in_subset(doc: dict, subset: str) -> bool:
    if subset == "all":
        return True
    key, _, value = subset.partition("=")
    have = doc.get(key)
    if key == "ocr":
        have = "not read" if have is None else "yes" if have else "no"
    return str(have) == value


def changes(a: dict, b: dict, subset: str, matcher: str) -> tuple[list[tuple], list[tuple], list[str], list[str]]:
    da = {d["id"]: d for d in a["documents"]}
    db = {d["id"]: d for d in b["documents"]}
    mism = {(m["id"], m["field"]): m for m in b.get("mismatches", [])}
    worse, better = [], []
    for doc_id, d in db.items():
        if doc_id not in da or not _in_subset(d, subset):
            continue
        before, after = da[doc_id]["outcomes"], d["outcomes"]
        for f, by in after.items():
            if f not in before:
                continue
            oa, ob = before[f].get(matcher), by.get(matcher)
            if regressed(oa, ob):
                worse.append((doc_id, f, oa, ob, mism.get((doc_id, f))))
            elif improved(oa, ob):
                better.append((doc_id, f, oa, ob, None))
    only_a = sorted(set(da) - set(db))
    only_b = sorted(set(db) - set(da))
    return worse, better, only_a, only_b


def is_body(run: dict) -> bool:
    if "tool" in run:
        return str(run["tool"]).endswith("--body")
    return any("counts" in d and "outcomes" not in d for d in run.get("documents", [])[:1])


def _num(v: Any) -> str:
    return "–" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def body_table(a: dict, b: dict, subset: str) -> list[str]:
    ta, tb = a["totals"].get(subset, {}), b["totals"].get(subset, {})
    rows = [("metric", "tp", "fn", "fp", "P", "R", "F1 / acc")]
    for m in dict.fromkeys([*ta, *tb]):
        ca, cb = ta.get(m), tb.get(m)
        if not isinstance(ca, dict) and not isinstance(cb, dict):
            rows.append((m, _arrow(ca, cb), "", "", "", "", ""))
            continue
        ca, cb = ca or {}, cb or {}
        if "accuracy" in ca or "accuracy" in cb:
            rows.append((m, _arrow(ca.get("right"), cb.get("right")), _arrow(ca.get("n", 0) - ca.get("right", 0), cb.get("n", 0) - cb.get("right", 0)), "", "", "", _arrow(_num(ca.get("accuracy")), _num(cb.get("accuracy")))))
            continue
        rows.append((m, *(_arrow(ca.get(k), cb.get(k)) for k in ("tp", "fn", "fp")), *(_arrow(_num(ca.get(k)), _num(cb.get(k))) for k in ("precision", "recall", "f1"))))
    width = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, width))) for r in rows]


def _mismatch_key(m: dict) -> str:
    return json.dumps({k: m.get(k) for k in ("id", "list", "what", "gold", "parser")}, ensure_ascii=False, sort_keys=True)


def body_changes(a: dict, b: dict, subset: str) -> tuple[list[str], list[dict], list[dict]]:
    """Documents whose counts got worse (a metric found fewer, or more false), and the mismatches new in / gone
    from the after run, for the documents of the subset present in both runs."""
    da = {d["id"]: d for d in a["documents"]}
    db = {d["id"]: d for d in b["documents"]}
    both = {i for i, d in db.items() if i in da and _in_subset(d, subset)}
    worse = []
    for i in sorted(both):
        ca, cb = da[i].get("counts", {}), db[i].get("counts", {})
        bad = [f"{m} tp {ca[m].get('tp')}→{cb[m].get('tp')} fp {ca[m].get('fp')}→{cb[m].get('fp')}" for m in cb
               if m in ca and isinstance(cb[m], dict) and "tp" in cb[m]
               and (cb[m].get("tp", 0) < ca[m].get("tp", 0) or cb[m].get("fp", 0) > ca[m].get("fp", 0))]
        if bad:
            worse.append(f"{i}: " + "; ".join(bad))
    ma = {_mismatch_key(m): m for m in a.get("mismatches", []) if m.get("id") in both}
    mb = {_mismatch_key(m): m for m in b.get("mismatches", []) if m.get("id") in both}
    return worse, [mb[k] for k in mb if k not in ma], [ma[k] for k in ma if k not in mb]


def body_main(a: dict, b: dict, args: argparse.Namespace) -> int:
    subset = args.subset
    print(f"{args.before} → {args.after} (body, {subset}; documents {len(a['documents'])} → {len(b['documents'])})")
    print()
    print("\n".join(body_table(a, b, subset)))
    worse, new, gone = body_changes(a, b, subset)
    print(f"\nDocuments with fewer found or more false ({len(worse)}):")
    for line in worse:
        print(f"- {line}")
    print(f"\nNew mismatches ({len(new)}):")
    for m in new:
        print(f"- {json.dumps(m, ensure_ascii=False)}")
    print(f"\nGone mismatches ({len(gone)}):")
    for m in gone:
        print(f"- {m.get('id')} {m.get('list')} {m.get('what')}: {json.dumps(m.get('gold') or m.get('parser'), ensure_ascii=False)[:160]}")
    return 1 if worse and args.fail_on_regression else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--strict", action="store_true", help="Compare the strict outcomes (default lenient).")
    ap.add_argument("--subset", default="all", help="all (default), split=dev, format=pdf, ocr=yes…")
    ap.add_argument("--fail-on-regression", action="store_true", help="Exit 1 when some document regressed.")
    args = ap.parse_args(argv)
    a = json.loads(args.before.read_text(encoding="utf-8"))
    b = json.loads(args.after.read_text(encoding="utf-8"))
    if is_body(a) or is_body(b):
        if not (is_body(a) and is_body(b)):
            print("error: one run is a body eval and the other is not", file=sys.stderr)
            return 2
        return body_main(a, b, args)
    matcher = "strict" if args.strict else "lenient"
    print(f"{args.before} → {args.after} ({matcher}, {args.subset}; documents {len(a['documents'])} → {len(b['documents'])})")
    print()
    print("\n".join(field_table(a, b, args.subset, matcher)))
    worse, better, only_a, only_b = changes(a, b, args.subset, matcher)
    print(f"\nRegressed ({len(worse)}):")
    for doc_id, f, oa, ob, m in worse:
        print(f"- {doc_id} {f}: {oa} → {ob}")
        if m:
            print(f"    gold:   {json.dumps(m['gold'], ensure_ascii=False)}")
            print(f"    parser: {json.dumps(m['parser'], ensure_ascii=False)}")
    print(f"\nImproved ({len(better)}):")
    for doc_id, f, oa, ob, _ in better:
        print(f"- {doc_id} {f}: {oa} → {ob}")
    if only_a or only_b:
        print(f"\nOnly before: {', '.join(only_a) or '–'}; only after: {', '.join(only_b) or '–'}")
    return 1 if worse and args.fail_on_regression else 0


if __name__ == "__main__":
    raise SystemExit(main())
