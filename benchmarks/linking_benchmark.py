#!/usr/bin/env python
"""Linking at scale: index a synthetic corpus with known links, measure throughput, precision and recall.

    .venv/bin/python benchmarks/linking_benchmark.py                 # 100,000 documents; writes docs/performance-linking.md
    .venv/bin/python benchmarks/linking_benchmark.py --docs 2000 --no-write   # a quick check of the script
    .venv/bin/python benchmarks/linking_benchmark.py --real                   # real documents + 1k/100k scaling:
                                                                      # the "## Linking" block of docs/performance.md

``--real`` indexes the real documents (the vbpl.vn pages of the devset, unpacked in build/devset/vbpl, and every
file of the shared corpus, provincial/ included) with parsing, in a child process of its own (its peak memory is
its own), then the generated corpus at ``--scale`` sizes (default 1,000 and 100,000 documents), and reports CPU
time (``time.process_time``, and the OCR children's apart: the host is shared) per phase, documents per
CPU-second, peak memory (RSS), and the resolution and reuse cost per document at each size.

The corpus is made from the real documents: the issuing bodies, symbols, types and subjects seen in the shared
corpus (the provincial folder and the seeds), multiplied over the provinces and five years; numbers restart each
year for each body and type, as they do in real registers, so every number (``5/KH-UBND``, ``09-NQ/TU``,
``12/TTr-SNV``) recurs across provinces and years.  Each document is written as a text file the parser reads like
a real one (header, Căn cứ / Thực hiện / Trả lời lines, a paragraph of words drawn from the real bodies, Nơi
nhận, signature) and cites 0–4 documents:

* earlier documents of its own province (issuer written out, without the place, with a signer's title, or not
  at all; 70% from the last year), of another province (always with the place) and national ones (decrees with
  the year in the symbol);
* documents that are not in the corpus: new numbers, and hard negatives: the number of an indexed document of
  the same body but another year, or of another province's body named with its place;
* dates as "ngày dd/mm/yyyy", "ngày d tháng m năm y", only "năm yyyy", none; 1% with a wrong day;
* 3% of documents quote a paragraph of an earlier one (the known reuse).

One document cited by others is held back, then added alone: the re-index of the whole folder must parse only it
and resolve its citers.  Precision and recall are counted over the citations the parser extracted (matched to the
known ones by number and order in the citing document); the extraction coverage is reported apart.
Work files go to benchmarks/_work/linking (ignored by git) and are removed unless --keep.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work" / "linking"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks

from vnadmin_nlp import __version__  # noqa: E402
from vnadmin_nlp.linking import Corpus  # noqa: E402
from vnadmin_nlp.pipeline import parse_file  # noqa: E402

from linking_corpus import (  # noqa: E402
    PROVINCES, YEARS, choose_held, evaluate, evaluate_reuse, generate, render, write_corpus
)
from linking_real import _child, real_report, real_worker, scale_worker, write_section  # noqa: E402


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "system": f"{platform.system()} {platform.release()}", "load": os.getloadavg()[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20221019)
    ap.add_argument("--no-reuse", action="store_true", help="Index without text reuse detection.")
    ap.add_argument("--keep", action="store_true", help="Keep benchmarks/_work/linking afterwards.")
    ap.add_argument("--no-write", action="store_true", help="Print the results; do not rewrite the Markdown.")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance-linking.md")
    ap.add_argument("--real", action="store_true", help="Real documents and the per-document cost at --scale sizes; "
                    "writes the '## Linking' block of docs/performance.md (unless --no-write).")
    ap.add_argument("--vbpl", type=Path, default=ROOT / "build" / "devset" / "vbpl", help="The unpacked vbpl.vn pages.")
    ap.add_argument("--scale", default="1000,100000", help="Generated corpus sizes for --real (comma-separated; '' for none).")
    ap.add_argument("--limit", type=int, default=0, help="--real: about this many real files (every k-th), a subset to work with.")
    ap.add_argument("--index", type=Path, help="--real: keep the real documents' index here.")
    ap.add_argument("--profile", type=Path, help="--real: write a cProfile of the real run here (CPU clock).")
    ap.add_argument("--worker", choices=["real", "scale"], help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker == "real":
        real_worker(args.vbpl, args.worker_out, args.limit, args.index, args.profile)
        return
    if args.worker == "scale":
        scale_worker(args.docs, args.seed, args.worker_out, args.keep)
        return
    if args.real:
        real = _child(["--worker", "real", "--vbpl", str(args.vbpl), "--limit", str(args.limit),
                       *(["--index", str(args.index.resolve())] if args.index else []),
                       *(["--profile", str(args.profile.resolve())] if args.profile else [])])
        scale = [_child(["--worker", "scale", "--docs", n, "--seed", str(args.seed), *(["--keep"] if args.keep else [])])
                 for n in args.scale.split(",") if n]
        block = real_report(real, scale)
        print(json.dumps(real), file=sys.stderr)
        print(block)
        if not args.no_write:
            write_section(block)
        return

    shutil.rmtree(WORK, ignore_errors=True)
    folder, db = WORK / "corpus", WORK / "index.sqlite"
    start_load = os.getloadavg()[0]
    t = time.perf_counter()
    docs, subjects, vocab = generate(args.docs, args.seed)
    held = choose_held(docs)
    write_corpus(docs, folder, held, random.Random(args.seed + 1))
    gen_s = time.perf_counter() - t
    n_cites = sum(1 for d in docs for c in d.cites if c.text)
    print(f"generated {len(docs)} documents, {n_cites} citations in {gen_s:.0f}s", file=sys.stderr)

    progress_every = max(1, args.docs // 20)

    def progress(report, path, _n=[0]):  # noqa: B006
        _n[0] += 1
        if _n[0] % progress_every == 0:
            print(f"  {_n[0]} files, {report.parsed} parsed, {time.perf_counter() - t0:.0f}s", file=sys.stderr)

    with Corpus.open(db, reuse=not args.no_reuse) as corpus:
        t0 = time.perf_counter()
        full = corpus.index([folder], progress=progress)
        print(f"full index: {full.summary()}", file=sys.stderr)
        t0 = time.perf_counter()
        noop = corpus.index([folder])
        docs[held].path.write_text(render(docs[held], docs, random.Random(7)), encoding="utf-8")
        counted: list[str] = []
        corpus.parser = lambda p: (counted.append(str(p)), parse_file(p))[1]
        t0 = time.perf_counter()
        one = corpus.index([folder])
        held_citers = corpus.cited_by(f"doc:{corpus.get(str(docs[held].path)).row}")
        stats = corpus.stats()
    size = sum(f.stat().st_size for f in WORK.glob("index.sqlite*"))
    quality = evaluate(db, docs)
    reuse_q = evaluate_reuse(db, docs) if not args.no_reuse else None
    end_load = os.getloadavg()[0]
    result = {
        "machine": machine() | {"load_start": start_load, "load_end": end_load}, "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"), "version": __version__,
        "docs": len(docs), "citations": n_cites, "generate_s": gen_s, "full": full, "noop": noop, "one": one,
        "one_parsed": [Path(p).name for p in counted], "held": docs[held].number, "held_citers": len(held_citers),
        "held_known_citers": sum(1 for d in docs for c in d.cites if c.target == held and c.text),
        "stats": stats, "db_mb": size / 1e6, "quality": quality, "reuse": reuse_q, "reuse_on": not args.no_reuse,
        "subjects": len(subjects), "vocab": len(vocab),
    }
    md = report(result)
    print(md)
    if not args.no_write:
        args.out.write_text(md, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)


def report(r: dict) -> str:
    m, full, one, noop, q = r["machine"], r["full"], r["one"], r["noop"], r["quality"]
    store_s = full.seconds - full.parse_seconds - full.resolve_seconds - full.reuse_seconds
    rows = [
        ("Documents indexed (files parsed)", f"{full.parsed:,}"),
        ("Citations stored / resolved", f"{r['stats']['citations']:,} / {full.resolved:,}"),
        ("Whole index run", f"{full.seconds:,.0f} s: **{full.parsed / full.seconds:,.0f} documents/s**"),
        ("of which parsing (`parse_file`)", f"{full.parse_seconds:,.0f} s ({full.parsed / max(full.parse_seconds, 1e-9):,.0f} documents/s)"),
        ("of which storing (SQLite, keys, MinHash bands)", f"{store_s:,.0f} s ({full.parsed / max(store_s, 1e-9):,.0f} documents/s)"),
        ("of which resolution", f"{full.resolve_seconds:,.1f} s: **{full.resolved / max(full.resolve_seconds, 1e-9):,.0f} citations/s**"),
        ("of which reuse detection", f"{full.reuse_seconds:,.0f} s ({full.reuse_passages:,} passages)" if r["reuse_on"] else "off"),
        ("Index size", f"{r['db_mb']:,.0f} MB"),
        ("Re-index, nothing changed", f"{noop.seconds:,.1f} s ({noop.unchanged:,} files unchanged, {noop.parsed} parsed)"),
        ("Re-index after adding one file", f"{one.seconds:,.2f} s: parsed {one.parsed} file ({', '.join(r['one_parsed'])}), "
                                           f"{one.resolved} citations resolved again, {one.unchanged:,} unchanged"),
        ("Its citers linked to it after the re-index", f"{r['held_citers']} of {r['held_known_citers']} known ({r['held']})"),
    ]
    lines = [
        "# Linking a corpus: performance", "",
        f"Measured {r['date']} with `benchmarks/linking_benchmark.py` (vnadmin-nlp {r['version']}) on {m['nproc']} CPU(s) "
        f"({m['cpu']}), {m['system']}, Python {m['python']}, SQLite {m['sqlite']}. One process: parsing, storing, "
        f"resolution and reuse detection run one after the other. Load average (1 min) {m['load_start']:.1f} at the "
        f"start, {m['load_end']:.1f} at the end (above 1, other processes shared the CPUs and slowed these figures).", "",
        f"The corpus: {r['docs']:,} synthetic documents with {r['citations']:,} citations, generated from the shared "
        f"corpus (bodies, symbols and types of the provincial folder and the seeds, {r['subjects']} real subjects, "
        f"{r['vocab']:,} words of their bodies) over {len(PROVINCES)} provinces, 4 national bodies and the years "
        f"{YEARS[0]}–{YEARS[-1]}; numbers restart each year for each body and type, so every number recurs across "
        "provinces and years (see the script's docstring for the mix of citations).", "",
        "| | |", "|---|---|", *[f"| {a} | {b} |" for a, b in rows], "",
        "## Resolution against the known links", "",
        f"Of {q['known']:,} known citations, the parser extracted {q['extracted']:,} "
        f"({q['extracted'] / max(1, q['known']):.1%}); {q['extra']:,} more citations were extracted that the generator "
        "did not write (e.g. a number read twice).", "",
        "| | |", "|---|---|",
        f"| Precision (resolved to the right document / all resolved) | **{q['precision']:.4f}** ({q['tp']:,} / {q['tp'] + q['fp']:,}) |",
        f"| Recall (resolved to the right document / extracted citations of indexed documents) | **{q['recall']:.4f}** ({q['tp']:,} / {q['tp'] + q['fn']:,}) |",
        f"| Precision counting the extra citations that got a link as errors | {q['precision_with_extras']:.4f} |",
        f"| Recall over all known citations of indexed documents (extraction included) | {q['end_to_end_recall']:.4f} ({q['tp']:,} / {q['known_in_corpus']:,}) |",
        f"| Citations of documents not in the corpus left dangling | {q['tn']:,} of {q['extracted'] - q['tp'] - q['fn']:,} |",
        "",
        f"Errors: {sum(q['missed'].values()):,} known links left unresolved ("
        + ", ".join(f"{k} {v:,}" for k, v in sorted(q["missed"].items())) + f"); {q['fp']:,} links to another document ("
        + ", ".join(f"{k} {v:,}" for k, v in sorted(q["wrong"].items())) + ").",
        "",
    ]
    if r["reuse"]:
        ru = r["reuse"]
        lines += ["## Text reuse", "",
                  f"{ru['planted']:,} documents quote a paragraph (35–70 words) of an earlier one; {ru['found_planted']:,} of "
                  f"these pairs were found (recall {ru['recall']:.4f}). {ru['found']:,} pairs were found in all: besides the "
                  f"planted ones, {ru['same_source']:,} pairs of documents quoting the same paragraph, {ru['same_subject']:,} "
                  f"pairs sharing a subject line of 30 words or more (the generator gives the {r['subjects']} real subjects to "
                  "all documents, and the parser reads a body that starts with \"Trả lời …\" as part of the subject, so "
                  f"the subject of those documents is compared), and {ru['unexplained']:,} other pairs.", ""]
    lines += [
        "## Notes", "",
        "- Parsing is half of the indexing time; documents parsed elsewhere (the batch engine, in parallel) can be "
        "given to `Corpus.index` instead of paths.",
        "- Resolution looks candidates up by number-symbol and year through indexes; a dated citation is scored "
        "against the documents of its date and places only (the others cannot come close), so its cost does not "
        "grow with the corpus, only with how often one number recurs in one year (here up to one per province).",
        "- Where the errors come from: a citation with neither date nor year, of a number its body used in several "
        "years, is taken as the latest document of that number before the citing one (confidence 0.6), which is "
        "wrong when an older one was meant (the generator cites older documents too); a wrong day with no issuer to "
        "confirm the candidate leaves the citation unresolved (too weak); a wrong day that is the exact date of "
        "another province's document of the same number links to that document; two documents of one number and "
        "date that nothing else tells apart leave the citation unresolved (ambiguous).",
        "- The parser leaves out a citation whose number-symbol is the citing document's own number (e.g. "
        "`1/SNV-TCCC` of 2011 cited in `1/SNV-TCCC` of 2020): most of the citations not extracted are of that kind.",
        "",
        "Reproduce: `.venv/bin/python benchmarks/linking_benchmark.py` (the generator is seeded; "
        "`--docs 2000 --no-write` checks the script in a minute).", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
