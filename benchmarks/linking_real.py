"""The linking benchmark's ``--real`` run: the real documents indexed in a child process of their own, the generated
corpus at the ``--scale`` sizes, each phase's CPU per document, peak memory, and the '## Linking' block of
docs/performance.md they make.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import tempfile
import random
import shutil
import sqlite3
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared"))
WORK = ROOT / "benchmarks" / "_work" / "linking"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks
from perf_doc import put_block  # noqa: E402
from linking_corpus import choose_held, evaluate, evaluate_reuse, generate, write_corpus  # noqa: E402

from vnadmin_nlp import __version__  # noqa: E402
from vnadmin_nlp.linking import Corpus  # noqa: E402
from vnadmin_nlp.pipeline import parse_file  # noqa: E402
from vnadmin_nlp.files import worker  # noqa: E402

PERF_MD = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- BEGIN linking -->", "<!-- END linking -->"
NOT_DOCUMENTS = {"SOURCES.jsonl", "README.md", "index.jsonl"}


def real_files(vbpl: Path) -> list[Path]:
    files = sorted(p for p in vbpl.iterdir() if p.is_file()) if vbpl.is_dir() else []
    return files + sorted(p for p in (SHARED / "corpus").rglob("*") if p.is_file() and p.name not in NOT_DOCUMENTS)


def _cpu_children() -> float:
    """CPU of the children that ended (tesseract, forked parses) and of the reused parse worker's answers
    (``parse_file`` goes to it since session 16: ``RUSAGE_CHILDREN`` does not count a child still alive)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + worker.workers_cpu()


def real_worker(vbpl: Path, out: Path, limit: int = 0, index: Optional[Path] = None,
                profile: Optional[Path] = None) -> None:
    """Index the real documents (parsing included) into a new index; write the figures as JSON.  ``limit``: every
    k-th file, so that about that many are indexed (vbpl pages and corpus files alike, a subset to work with);
    ``index``: keep the index there (to measure band keys and reuse detection again on it); ``profile``: a cProfile
    of the whole run there (its linking stages: ``benchmarks/linking_profile.py``)."""
    files = real_files(vbpl)
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(k * step)] for k in range(limit)]
    per_file: dict[str, float] = {}
    ocr: set[str] = set()  # the files OCR read (a page at least)

    def timed(path: Path):  # parse_file parses in the parse worker (its limits): its CPU is the worker's
        c = time.process_time() + _cpu_children()
        try:
            doc = parse_file(path)
            if doc.source.ocr:
                ocr.add(path.name)
            return doc
        finally:
            per_file[path.name] = time.process_time() + _cpu_children() - c

    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = index or Path(tmp) / "index.sqlite"
        for old in db.parent.glob(db.name + "*"):
            old.unlink()
        prof = None
        if profile:
            import cProfile
            prof = cProfile.Profile(time.process_time)
            prof.enable()
        ch0, c0, t0 = _cpu_children(), time.process_time(), time.perf_counter()
        with Corpus.open(db, parser=timed) as corpus:
            rep = corpus.index([str(f) for f in files])
            stats = corpus.stats()
            pairs = corpus.conn.execute("SELECT count(*) FROM (SELECT DISTINCT min(src, dst), max(src, dst) FROM reuse)").fetchone()[0]
        cpu, wall, children = time.process_time() - c0, time.perf_counter() - t0, _cpu_children() - ch0
        if prof is not None:
            prof.disable()
            prof.dump_stats(str(profile))
    parse = sorted(per_file.values())
    kinds = {}
    for kind, names in (("text", [n for n in per_file if n not in ocr]), ("ocr", sorted(ocr))):
        cpu_of = sorted(per_file[n] for n in names)
        kinds[kind] = {"files": len(names), "parse": sum(cpu_of), "median_ms": 1e3 * statistics.median(cpu_of) if cpu_of else 0.0,
                       "worst_ms": 1e3 * cpu_of[-1] if cpu_of else 0.0}
    json.dump({"kinds": kinds,
        "files": len(files), "vbpl": sum(1 for f in files if f.parent == vbpl), "indexed": rep.stored,
        "digests": digests(db) if index else None,
        "failed": [[Path(p).name, m] for p, m in rep.failed], "cpu": cpu, "children_cpu": children, "wall": wall,
        "parse_cpu": rep.parse_cpu, "bands_cpu": rep.bands_cpu, "resolve_cpu": rep.resolve_cpu, "reuse_cpu": rep.reuse_cpu,
        "parse_median_ms": 1e3 * statistics.median(parse) if parse else 0.0, "parse_worst_ms": 1e3 * parse[-1] if parse else 0.0,
        "parse_worst_file": max(per_file, key=per_file.__getitem__) if per_file else "",
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "stats": stats, "reuse_pairs": pairs,
        "child_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "parse_total": sum(parse),
        "load": [load0, os.getloadavg()[0]],
    }, out.open("w"))


def digests(db: Path) -> dict[str, str]:
    """SHA-256 of the reused passages and of the links, by path (passages: both paths, both spans, words,
    similarity; links: citing path and index, cited path or dangling key, confidence, reason): a change to linking
    must leave them unchanged, or say what it lost or gained."""
    import hashlib
    conn = sqlite3.connect(db)
    out = {}
    for name, sql in (("reuse", "SELECT a.path, b.path, r.src_start, r.src_end, r.dst_start, r.dst_end, r.tokens, r.similarity,"
                                " r.directed FROM reuse r JOIN documents a ON a.id = r.src JOIN documents b ON b.id = r.dst"
                                " ORDER BY 1, 2, 3, 5"),
                      ("links", "SELECT a.path, l.idx, b.path, l.dangling, l.confidence, l.reason FROM links l"
                                " JOIN documents a ON a.id = l.src LEFT JOIN documents b ON b.id = l.dst ORDER BY 1, 2")):
        h, n = hashlib.sha256(), 0
        for row in conn.execute(sql):
            h.update(repr(row).encode())
            n += 1
        out[name] = f"{n} {h.hexdigest()[:16]}"
    conn.close()
    return out


def scale_worker(n: int, seed: int, out: Path, keep: bool = False) -> None:
    """Index ``n`` generated documents; write the CPU of each phase per document as JSON (``keep``: the corpus and
    its index stay in benchmarks/_work/linking/scale<n>, to be measured again)."""
    work = WORK / f"scale{n}"
    shutil.rmtree(work, ignore_errors=True)
    load0 = os.getloadavg()[0]
    docs, _, _ = generate(n, seed)
    held = choose_held(docs)
    write_corpus(docs, work / "corpus", held, random.Random(seed + 1))
    docs_mb = _rss_mb()  # the interpreter, the package and the generated documents, held for the evaluation
    gen_peak = _peak_mb()
    reset = _peak_reset()
    with Corpus.open(work / "index.sqlite") as corpus:
        rep = corpus.index([work / "corpus"])
    index_peak = _peak_mb() if reset else None
    quality, reuse_q = evaluate(work / "index.sqlite", docs), evaluate_reuse(work / "index.sqlite", docs)
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    json.dump({"docs": rep.parsed, "cpu": rep.cpu_seconds, "parse_cpu": rep.parse_cpu, "bands_cpu": rep.bands_cpu,
               "resolve_cpu": rep.resolve_cpu, "reuse_cpu": rep.reuse_cpu, "resolved": rep.resolved,
               "passages": rep.reuse_passages, "precision": quality["precision"], "recall": quality["recall"],
               "reuse_recall": reuse_q["recall"], "peak_mb": max(gen_peak, _peak_mb()), "docs_mb": docs_mb, "index_peak_mb": index_peak, "load": [load0, os.getloadavg()[0]]}, out.open("w"))


def _rss_mb() -> Optional[float]:
    """Resident memory now (Linux ``/proc/self/status``), MB."""
    try:
        return next(int(line.split()[1]) / 1024 for line in open("/proc/self/status") if line.startswith("VmRSS"))
    except (OSError, StopIteration):
        return None


def _peak_reset() -> bool:
    """Reset the process's peak resident memory (Linux: ``clear_refs`` 5), so that the indexing's own peak is
    measured apart from the generation's and the evaluation's (False where it cannot be reset)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _mb(v: Optional[float]) -> str:
    return "–" if v is None else f"{v:,.0f}"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(args: list[str]) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run([sys.executable, str(Path(__file__).with_name("linking_benchmark.py")), *args, "--worker-out", f.name], check=True)
        return json.load(open(f.name))


def kind_rows(real: dict, link_per_doc: float) -> list[str]:
    """The text documents (read without OCR) and the OCR'd ones apart: their parsing, and the run's linking cost
    per document added (linking does not depend on the reader)."""
    out = []
    for kind, what in (("text", "text documents (vbpl pages, corpus text layers, DOCX, HTML…: no OCR)"),
                       ("ocr", "OCR'd documents (scans, damaged text layers)")):
        k = real.get("kinds", {}).get(kind)
        if not k or not k["files"]:
            continue
        total = k["parse"] + link_per_doc * k["files"]
        out.append(f"| {k['files']} {what}: parsing (median {k['median_ms']:,.1f} ms, worst {k['worst_ms']:,.0f} ms) "
                   f"+ linking at the run's {1e3 * link_per_doc:,.1f} ms per document | {total:,.1f} | "
                   f"{1e3 * total / k['files']:,.1f} ms | **{k['files'] / max(total, 1e-9):,.1f}** |")
    return out


def real_report(real: dict, scale: list[dict]) -> str:
    docs = real["indexed"]
    total = real["cpu"] + real["children_cpu"]
    linking = total - real["parse_total"]
    st = real["stats"]
    lines = [
        BEGIN,
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d} with `benchmarks/linking_benchmark.py --real` (vnadmin-nlp {__version__}); "
        "CPU time (`time.process_time`), the host being shared (load average, 1 min, at the start and the end of each run).",
        "",
        f"**Real documents**: {real['vbpl']} vbpl.vn pages of the devset and {real['files'] - real['vbpl']} files of the shared corpus "
        f"(provincial/ included), indexed from the files in one process (parsing, storing, resolution, reuse), "
        f"load {real['load'][0]:.1f} → {real['load'][1]:.1f}:",
        "",
        "| | CPU s | per document | documents per CPU-second |", "|---|---:|---:|---:|",
        f"| Whole run, parsing included ({docs} documents indexed, {len(real['failed'])} not) | {total:,.1f} | "
        f"{1e3 * total / max(docs, 1):,.1f} ms | **{docs / max(total, 1e-9):,.1f}** |",
        f"| of which parsing (`parse_file`, in the parse worker, with OCR's tesseract; per file median "
        f"{real['parse_median_ms']:,.1f} ms, worst {real['parse_worst_ms']:,.0f} ms: {real['parse_worst_file']}) | "
        f"{real['parse_total']:,.1f} | {1e3 * real['parse_total'] / max(docs, 1):,.1f} ms | {docs / max(real['parse_total'], 1e-9):,.1f} |",
        f"| of which linking (storing, band keys, resolution, reuse) | {linking:,.1f} | {1e3 * linking / max(docs, 1):,.1f} ms | **{docs / max(linking, 1e-9):,.1f}** |",
        f"| … band keys (MinHash of the passages) | {real['bands_cpu']:,.1f} | {1e3 * real['bands_cpu'] / max(docs, 1):,.1f} ms | |",
        f"| … resolution ({st['citations']:,} citations, {st['resolved']:,} resolved) | {real['resolve_cpu']:,.1f} | {1e3 * real['resolve_cpu'] / max(docs, 1):,.1f} ms | |",
        f"| … reuse detection ({st['reuse_passages']:,} passages in {real['reuse_pairs']:,} pairs) | {real['reuse_cpu']:,.1f} | {1e3 * real['reuse_cpu'] / max(docs, 1):,.1f} ms | |",
        *kind_rows(real, linking / max(docs, 1)),
        "",
        f"Peak memory (RSS) of the indexing process: **{real['peak_mb']:,.0f} MB** (of the largest parse child: "
        f"{real['child_peak_mb']:,.0f} MB)." + (
            " Not indexed: " + "; ".join(f"{n} ({m[:80]})" for n, m in real["failed"]) + "." if real["failed"] else ""),
        "",
    ]
    if scale:
        lines += ["**Generated corpus** (the synthetic corpus of [`performance-linking.md`](performance-linking.md)): CPU per "
                  "document of resolution and of reuse detection (band keys + candidate pairs + alignment), against the smallest size:", "",
                  "| Documents | load | resolution ms/doc | × | reuse ms/doc | × | precision | recall | reuse recall | peak MB "
                  "(indexing; documents held) |",
                  "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        base = scale[0]
        per = lambda r, k: 1e3 * r[k] / max(r["docs"], 1)  # noqa: E731
        reuse_of = lambda r: 1e3 * (r["reuse_cpu"] + r["bands_cpu"]) / max(r["docs"], 1)  # noqa: E731
        for r in scale:
            lines.append(f"| {r['docs']:,} | {r['load'][0]:.1f} → {r['load'][1]:.1f} | {per(r, 'resolve_cpu'):.3f} | "
                         f"{per(r, 'resolve_cpu') / max(per(base, 'resolve_cpu'), 1e-9):.2f} | {reuse_of(r):.3f} | "
                         f"{reuse_of(r) / max(reuse_of(base), 1e-9):.2f} | {r['precision']:.4f} | {r['recall']:.4f} | "
                         f"{r['reuse_recall']:.4f} | {r['peak_mb']:,.0f} ({_mb(r.get('index_peak_mb'))}; {_mb(r.get('docs_mb'))}) |")
        lines.append("")
    lines += [
        "How the work per document is bounded: the band keys of the new documents enter the `lsh` index just before "
        "they are compared, sorted, a million at a time (`detect.index_bands`), not one document at a time on random "
        "pages of a growing index; reuse detection reads only the band keys shared by 2 to 50 documents "
        "(a probe of at most 51 index entries tells; the batch's keys drive the join), aligns each new document with at most `detect.MAX_CANDIDATES` "
        "(50) others, those sharing the most band keys with it, visits one by one only the shingles the two share, "
        "and finds words' character offsets again only for the passages reported (on the text, not folded again); the tokens kept in memory "
        "are bounded (6 million shingles, 8 bytes each; those the writer cut for the band keys are kept), and so are the texts (8 million characters), and the writer holds at most 8 million characters of parsed "
        "text before its transaction.  Resolution reads each queued number's citations once and scores a citation "
        "first against the candidates of its places and its citing document's (and, dated, of its date), those "
        "without a place or issuer, and a number of at most `resolve._FEW` (4) candidates at once; the others "
        "(another province's document of the same number) are scored only when the best near one is not `MARGIN` above "
        "what they can score (`resolve.far_bound`: an issuer's name counts as a partial match when no far candidate bears it, "
        "`Group.far_exact`), and never for a citation naming its "
        "issuer and place (every other place's issuer conflicts): the link is the one of scoring them all.", "",
        END]
    return "\n".join(lines)


def write_section(block: str, path: Path = PERF_MD) -> None:
    """Put the block under ``## Linking`` in docs/performance.md, replacing the previous one."""
    if not path.exists() or BEGIN not in path.read_text(encoding="utf-8"):
        block = f"## Linking\n\n{block}"  # a first run: the section's heading comes with it
    put_block(path, "linking", block)
