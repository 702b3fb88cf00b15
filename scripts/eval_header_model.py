#!/usr/bin/env python3
"""Score the header model against the rules on the devset gold, per field: rules alone, model alone, combined.

    python scripts/eval_header_model.py --split dev -j 2             # tune on dev
    python scripts/eval_header_model.py --split test -j 2 --markdown # the model card's table (run once)
    python scripts/eval_header_model.py --split dev --cv 5 --train-dump /tmp/train.jsonl --fields /tmp/f.json
        # honest dev numbers: each document read by a model trained without it (5 folds of the dev documents,
        # the sequences from `train_header_model.py --dump`); --fields keeps, per document and field, what the
        # rules, the model and a null score and how sure the model is, to tune the combination on

Right / wrong (of which flagged: confidence under 0.5, what the register asks to check) / missing per field (lenient matcher, as ``vnadmin-nlp eval``), on the vbpl pages and the Lâm Đồng
PDFs.  ``--changes`` lists the documents where the combined reading differs from the rules' (dev only).
"""
from __future__ import annotations

import argparse
import hashlib
import tempfile
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
SCORED = {"issuer": ("issuer", "issuer_parent"), "signers": ("signers", "signer_name")}  # combined field -> scored
_CONF = {"issuer_parent": "issuer", "signer_name": "signers"}


def fold_of(doc_id: str, k: int) -> int:
    """The cross-validation fold of a dev document (fixed by its id, independent of the dev/test rule)."""
    return (int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) // 4) % k


def train_folds(dump: Path, k: int, out_dir: Path) -> list[Path]:
    """One model per fold, trained on the dumped sequences of the other folds' documents (the corpus gold,
    never scored here, in every fold)."""
    from vnadmin_nlp.header_model.crf import train

    seqs = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines() if line.strip()]
    paths = []
    for i in range(k):
        path = out_dir / f"fold{i}.crfsuite"
        train(((s["x"], s["y"]) for s in seqs if s["source"] == "corpus" or fold_of(s["id"], k) != i), path)
        paths.append(path)
    return paths


def one(job: tuple[Gold, str | None]) -> dict[str, Any]:
    from vnadmin_nlp.header_model import Readings, load
    from vnadmin_nlp.header_model.analysis import analyse_file
    from vnadmin_nlp.header_model.combine import FIELDS, combine
    from vnadmin_nlp.header_model.reading import model_layout, read_with_layout, tag

    gold, model_path = job
    try:
        a = analyse_file(gold.path)
        t = tag(load(Path(model_path) if model_path else None), a)
        layout = model_layout(a, t)
        model = read_with_layout(a, layout)
        r = Readings(a.doc, model, combine(a.doc, model, a.layout, layout, t))
    except Exception as exc:
        return {"id": gold.id, "error": f"{type(exc).__name__}: {exc}"}
    out: dict[str, Any] = {"id": gold.id, "set": gold.gold_file.parent.name}
    # per combined field: the two readings' support and what rules, model and a null score (to tune on)
    blank = r.rules.model_copy(update={a_: ([] if isinstance(getattr(r.rules, a_), list) else None) for f in FIELDS for a_ in f.attrs})
    nulls = score_document(gold, blank).outcomes
    out["fields"] = {}
    from vnadmin_nlp.header_model.combine import _empty, _units, _value

    for f in FIELDS:
        r_idx = _units(t, f.segs(a.layout))
        m_idx = [i for i in t.of(*f.roles) if i in _units(t, f.segs(layout))]
        out["fields"][f.name] = {
            "same": _value(r.rules, f) == _value(r.model, f), "r_empty": _empty(r.rules, f), "m_empty": _empty(r.model, f),
            "p_rules": round(t.support(r_idx, *f.roles), 4), "p_model": round(t.support(m_idx, *f.roles), 4),
            "c_rules": r.rules.confidence.get(f.name), "doubt": f.doubt is not None and f.doubt(r.rules, r.model),
            "null": {g: nulls[g]["lenient"] for g in SCORED.get(f.name, (f.name,)) if g in nulls},
        }
    for mode, doc in zip(MODES, r):
        res = score_document(gold, doc)
        out[mode] = {f: res.outcomes[f]["lenient"] for f in ACCURACY_HEADER if f in res.outcomes}
        # a wrong value the register asks to check (confidence under 0.5)
        out[mode + "_flagged"] = [
            f for f, o in out[mode].items() if o in ("wrong", "spurious") and doc.confidence.get(_CONF.get(f, f), 1.0) < 0.5
        ]
    out["warnings"] = [w.message for w in r.combined.warnings if w.code == "model_disagrees"]
    return out


def simulate(results: list[dict[str, Any]], policy: Any) -> dict[str, dict[str, str]]:
    """Per document, the combined outcome of each scored field under ``policy``, from the saved readings (what
    the rules, the model and a null score): tuning without reading the documents again."""
    from vnadmin_nlp.header_model.combine import FIELDS, decide

    out = {}
    for r in results:
        if "fields" not in r:
            continue
        got = dict(r["rules"])
        for f in FIELDS:
            i = r["fields"][f.name]
            what = decide(f, i["same"], i["r_empty"], i["m_empty"], i["p_rules"], i["p_model"], policy, i.get("doubt", False))
            for g in SCORED.get(f.name, (f.name,)):
                if g in got:
                    got[g] = r["model"][g] if what == "take" else i["null"][g] if what == "drop" else got[g]
        out[r["id"]] = got
    return out


def tune(results: list[dict[str, Any]]) -> None:
    """Dev only: right / wrong / missing of the combination for a grid of policies (fields one at a time)."""
    from vnadmin_nlp.header_model.combine import FIELDS, Policy

    def totals(policy: Any) -> tuple[int, int, int]:
        c: dict[str, int] = defaultdict(int)
        for got in simulate(results, policy).values():
            for o in got.values():
                c[o] += 1
        return c["right"], c["wrong"] + c["spurious"], c["missing"]

    print("policy (fields, weak, sure, take): right / wrong / missing; no policy:", totals(Policy()))
    for f in FIELDS:
        print(f.name, "unconfirmed", totals(Policy(unconfirmed=(f.name,))))
        if f.doubt is not None:
            print(f.name, "doubted", totals(Policy(doubted=(f.name,))))
        for take in (False, True):
            for weak in (0.05, 0.1, 0.2, 0.3, 0.5, 1.01):
                for sure in (0.0, 0.5, 0.8, 0.9):
                    print(f.name, weak, sure, take, totals(Policy(fields=(f.name,), weak=weak, sure=sure, take=take)))


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
    ap.add_argument("--cv", type=int, default=0, help="dev only: K folds, each document read by a model trained without it")
    ap.add_argument("--train-dump", type=Path, help="with --cv: the sequences of `train_header_model.py --dump`")
    ap.add_argument("--from-json", type=Path, help="the saved results of a run (--json) instead of reading the documents")
    ap.add_argument("--tune", action="store_true", help="dev only: the combination's totals for a grid of policies")
    args = ap.parse_args(argv)
    shared = default_shared_dir()
    gold_dirs = [ROOT / "fixtures" / "gold" / "devset" / "vbpl", ROOT / "fixtures" / "gold" / "devset" / "lamdong"]
    golds = collect(gold_dirs, shared, [args.vbpl, shared / "devset" / "lamdong"], False, args.split, None).golds
    jobs: list[tuple[Gold, str | None]] = [(g, None) for g in golds]
    if args.cv and not args.from_json:
        if args.split != "dev" or not args.train_dump:
            ap.error("--cv needs --split dev and --train-dump")
        paths = train_folds(args.train_dump, args.cv, Path(tempfile.mkdtemp(prefix="header-cv-")))
        jobs = [(g, str(paths[fold_of(g.id, args.cv)])) for g in golds]
    if args.from_json:  # a saved run of this split, its combination re-done with the current POLICY (unflagged)
        from vnadmin_nlp.header_model.combine import POLICY

        results = [r for r in json.loads(args.from_json.read_text(encoding="utf-8")) if r["id"] in {g.id for g in golds}]
        for r in results:
            r["combined"], r["combined_flagged"] = simulate([r], POLICY).get(r["id"], r.get("combined")), []
    elif args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(one, jobs, chunksize=2))
    else:
        results = [one(j) for j in jobs]
    if args.tune:
        if args.split != "dev":
            ap.error("--tune: on the dev split only")
        tune(results)
        return 0
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
