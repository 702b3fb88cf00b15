"""What ``text_benchmark.py`` measures: text throughput on the development set's vbpl bodies, the stages' share of a
parse, the import cost in fresh interpreters, the batch's speed-up with workers beside a control loop, and the
cost of ``parse_file``'s limits.
"""
from __future__ import annotations

import cProfile
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks
VBPL = Path(os.environ.get("VNADMIN_VBPL", ROOT / "build" / "devset" / "vbpl"))
WORK = Path(tempfile.gettempdir()) / f"vnadmin-text-benchmark-{os.getpid()}"  # removed at the end
BEGIN, END = "<!-- BEGIN perf-text -->", "<!-- END perf-text -->"
SEED = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared")) / "seeds" / "000_ea5bb4c4d0a24df5.txt"

from vnadmin_nlp import parse_file, parse_text  # noqa: E402
from vnadmin_nlp import pipeline  # noqa: E402
from vnadmin_nlp.files import worker  # noqa: E402
from vnadmin_nlp.batch.runner import BatchOptions, run_batch  # noqa: E402
from vnadmin_nlp.extractors import DEFAULT_EXTRACTORS  # noqa: E402
from vnadmin_nlp.readers import read_file  # noqa: E402
from vnadmin_nlp.readers import bounded  # noqa: E402


cpu = time.process_time


def cpu_with_children() -> float:
    """CPU of this process, its finished children and its live parse workers (files/worker.py: their answers say)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime + worker.workers_cpu()


def load_texts(limit: int | None) -> dict[str, str]:
    pages = sorted(VBPL.glob("*.html"))[:limit]
    out = {}
    for p in pages:
        text = read_file(p).joined()[0]
        if text.strip():
            out[p.name] = text
    return out


def kb(text: str) -> float:
    return len(text.encode("utf-8")) / 1000


# ------------------------------------------------------------------------------------------ 1. throughput
def throughput(texts: dict[str, str], rounds: int, folder: Path) -> dict[str, Any]:
    """Best-of-rounds CPU per document: read+NFC of the text from a file (baseline), then ``parse_text``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / (name + ".txt")
        paths[name].write_text(text, encoding="utf-8")
    base: dict[str, float] = {}
    ours: dict[str, float] = {}
    for name, text in texts.items():  # warm: every pattern compiled, every table loaded
        parse_text(text)
        break
    for _ in range(rounds):
        for name, text in texts.items():
            t0 = cpu()
            unicodedata.normalize("NFC", paths[name].read_text(encoding="utf-8"))
            t1 = cpu()
            parse_text(text)
            t2 = cpu()
            base[name] = min(base.get(name, 1e9), t1 - t0)
            ours[name] = min(ours.get(name, 1e9), t2 - t1)
    total, total_base = sum(ours.values()), sum(base.values())
    total_kb = sum(kb(t) for t in texts.values())
    per = sorted(ours.values())
    worst = max(ours, key=lambda n: ours[n])
    per_kb = {n: ours[n] / kb(texts[n]) for n in texts}
    return {
        "docs": len(texts), "kb": total_kb, "cpu": total, "base_cpu": total_base,
        "docs_per_s": len(texts) / total, "docs10_per_s": total_kb / 10 / total,
        "median_ms": statistics.median(per) * 1000, "worst_ms": ours[worst] * 1000, "worst": worst,
        "worst_kb": kb(texts[worst]), "median_ms_per_10kb": statistics.median(per_kb.values()) * 10000,
        "worst_ms_per_10kb": max(per_kb.values()) * 10000, "ratio": total / total_base if total_base else 0.0,
    }


# -------------------------------------------------------------------------------------------- 2. stages
def stages(texts: list[str], rounds: int) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(stage, ms per document) measured by wrapping each stage; cProfile's top functions (share of its total)."""
    acc: dict[str, float] = defaultdict(float)

    def wrap(name: str, fn: Callable) -> Callable:
        def timed(*a: Any, **k: Any) -> Any:
            t0 = cpu()
            try:
                return fn(*a, **k)
            finally:
                acc[name] += cpu() - t0
        timed.__module__ = getattr(fn, "__module__", "")
        return timed

    saved = pipeline.normalize, pipeline.zone, pipeline.Page
    pipeline.normalize, pipeline.zone = wrap("normalise", pipeline.normalize), wrap("zoning", pipeline.zone)
    pipeline.Page = wrap("fold key (Page)", pipeline.Page)  # type: ignore[misc]
    extractors = [wrap("extractor " + e.__module__.rsplit(".", 1)[-1], e) for e in DEFAULT_EXTRACTORS]
    try:
        t0 = cpu()
        for _ in range(rounds):
            for t in texts:
                parse_text(t, extractors=extractors)
        whole = cpu() - t0
    finally:
        pipeline.normalize, pipeline.zone, pipeline.Page = saved
    n = rounds * len(texts)
    rows = sorted(((k, v / n * 1000) for k, v in acc.items()), key=lambda kv: -kv[1])
    rows.append(("other (pipeline, output model)", (whole - sum(acc.values())) / n * 1000))
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        parse_text(t)
    prof.disable()
    st = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in st.values())
    top = sorted(((f"{Path(f).name}:{ln}({fn})", v[2] / total) for (f, ln, fn), v in st.items()), key=lambda kv: -kv[1])[:12]
    return rows, top


# -------------------------------------------------------------------------------------------- 3. import
IMPORT_CODE = """
import resource, sys
def used():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
start = used()
{body}
print(used(), start)
"""


BREAKDOWN = """
import time
pt = time.process_time
t0 = pt()
import regex, re, yaml, pydantic
libs = pt() - t0
acc = {"regex": 0.0, "re": 0.0, "yaml": 0.0, "models": 0.0}
def timed(name, fn):
    def run(*a, **k):
        t = pt()
        try:
            return fn(*a, **k)
        finally:
            acc[name] += pt() - t
    return run
from pydantic._internal import _model_construction as mc
regex._main._compile = timed("regex", regex._main._compile)
re._compile = timed("re", re._compile)
yaml.load = timed("yaml", yaml.load)
mc.ModelMetaclass.__new__ = timed("models", mc.ModelMetaclass.__new__)
t1 = pt()
import vnadmin_nlp
print(libs, pt() - t1, acc["regex"], acc["re"], acc["yaml"], acc["models"])
"""
BREAKDOWN_NAMES = ("libraries the harness imports first (regex, re; yaml and pydantic, which the package itself no "
                   "longer imports at import)", "the package's own import", "regex patterns compiled",
                   "re patterns compiled", "YAML tables loaded", "pydantic models built")


def _fresh_env() -> dict[str, str]:
    """The environment of an installed package's process: bytecode and the tables' marshal caches written (a
    PYTHONDONTWRITEBYTECODE in the caller's environment would make every run parse the YAML again), after one
    warm-up run that writes them."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    subprocess.run([sys.executable, "-c", "import vnadmin_nlp.batch.workers, vnadmin_nlp.pipeline"], env=env, check=True)
    return env


def import_breakdown(rounds: int) -> dict[str, float]:
    """Where a fresh process's import goes (CPU s, median of the runs): the libraries, then the package's own
    modules, of which compiling patterns, loading the tables and building the output models."""
    env = _fresh_env()
    runs = [[float(x) for x in subprocess.run([sys.executable, "-c", BREAKDOWN], capture_output=True, text=True, env=env,
                                               check=True).stdout.split()] for _ in range(rounds)]
    return {name: statistics.median(r[i] for r in runs) for i, name in enumerate(BREAKDOWN_NAMES)}


def import_cost(rounds: int) -> dict[str, float]:
    sample = SEED.read_text(encoding="utf-8") if SEED.exists() else "Số: 1/QĐ-UBND\nHà Nội, ngày 1 tháng 1 năm 2020\n"
    bodies = {
        "interpreter": "pass",
        "import": "import vnadmin_nlp",
        "ready": f"import vnadmin_nlp\nfrom vnadmin_nlp import parse_text\nparse_text({sample!r})",
        "worker": "import vnadmin_nlp.batch.workers, vnadmin_nlp.pipeline",
    }
    got: dict[str, list[float]] = defaultdict(list)
    env = _fresh_env()
    for _ in range(rounds):
        for name, body in bodies.items():
            out = subprocess.run([sys.executable, "-c", IMPORT_CODE.format(body=body)], capture_output=True, text=True, env=env, check=True)
            got[name].append(float(out.stdout.split()[0]))
    return {k: statistics.median(v) for k, v in got.items()}


# ------------------------------------------------------------------------------------------- 4. workers
CONTROL = "s = 0\nfor i in range({n}): s += i * i"


def control_run(n: int, procs: int) -> float:
    t0 = time.perf_counter()
    if procs == 1:
        subprocess.run([sys.executable, "-c", CONTROL.format(n=n) + "\n" + CONTROL.format(n=n)], check=True)
    else:
        ps = [subprocess.Popen([sys.executable, "-c", CONTROL.format(n=n)]) for _ in range(procs)]
        for p in ps:
            p.wait()
    return time.perf_counter() - t0


def batch_run(folder: Path, jobs: int) -> tuple[float, float]:
    out = Path(tempfile.mkdtemp(dir=WORK, prefix="out-"))
    try:
        t0, c0 = time.perf_counter(), cpu_with_children()
        res = run_batch(BatchOptions(inputs=[str(folder)], out_dir=out, jobs=jobs, quiet=True, progress=False, include_text=False))
        assert res.failed == 0, res.summary()
        return time.perf_counter() - t0, cpu_with_children() - c0
    finally:
        shutil.rmtree(out, ignore_errors=True)


def workers(texts: list[str], copies: int, rounds: int, control_n: int) -> dict[str, Any]:
    """1 and 2 workers and the control's 1 and 2 processes, interleaved in each round; the best wall time of each."""
    folder = WORK / "batch"
    for i in range(copies):
        for j, t in enumerate(texts):
            p = folder / f"c{i}" / f"d{j:04d}.txt"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(t, encoding="utf-8")
    best: dict[str, float] = {}
    cpus: dict[str, float] = {}
    for _ in range(rounds):
        for jobs in (1, 2):
            wall, used = batch_run(folder, jobs)
            if wall < best.get(f"batch{jobs}", 1e9):
                best[f"batch{jobs}"], cpus[f"batch{jobs}"] = wall, used
            best[f"control{jobs}"] = min(best.get(f"control{jobs}", 1e9), control_run(control_n, jobs))
    ours = best["batch1"] / best["batch2"]
    host = best["control1"] / best["control2"]
    return {"files": copies * len(texts), **best, **{f"cpu_{k}": v for k, v in cpus.items()}, "speedup": ours,
            "host_speedup": host, "share": ours / host}


# ------------------------------------------------------------------------------------------ 5. parse_file
def parse_file_cost(texts: list[str], rounds: int) -> dict[str, float]:
    """Per call, ms of CPU (this process and its children) and of wall time, over small .txt files."""
    folder = WORK / "small"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, t in enumerate(texts):
        paths.append(folder / f"s{i:03d}.txt")
        paths[-1].write_text(t, encoding="utf-8")
    ways: dict[str, Callable[[Path], Any]] = {
        "parse_file (default limits)": parse_file,
        "parse_file (default limits, in the worker)": _in_the_worker,
        "parse_file (limits=None)": lambda p: parse_file(p, limits=None),
        "parse_text (text in memory)": None,  # type: ignore[dict-item]
    }
    best: dict[str, list[float]] = {k: [1e9, 1e9] for k in ways}
    parse_file(paths[0])
    for _ in range(rounds):
        for name, fn in ways.items():
            c0, w0 = cpu_with_children(), time.perf_counter()
            for p, t in zip(paths, texts):
                fn(p) if fn is not None else parse_text(t)
            c, w = cpu_with_children() - c0, time.perf_counter() - w0
            best[name] = [min(best[name][0], c / len(paths) * 1000), min(best[name][1], w / len(paths) * 1000)]
    return {f"{k}|{i}": v[i] for k, v in best.items() for i in (0, 1)}


def _in_the_worker(path: Path) -> Any:
    """``parse_file`` of a small text sent to the parse worker, as any other format is (not parsed here)."""
    keep = bounded.IN_PROCESS_MAX_BYTES
    bounded.IN_PROCESS_MAX_BYTES = 0
    try:
        return parse_file(path)
    finally:
        bounded.IN_PROCESS_MAX_BYTES = keep
