"""What ``run_benchmarks.py`` measures: its inputs (the shared corpus's files, synthetic documents from the seeds),
each baseline beside vnadmin-nlp on the same file, the batch with 1 and 2 workers, the stages' share of a parse and
the peak memory of a whole ``vnadmin-nlp parse`` run.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared"))
WORK = ROOT / "benchmarks" / "_work"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks

from vnadmin_nlp.batch.runner import BatchOptions, run_batch  # noqa: E402
from vnadmin_nlp.pipeline import parse_file  # noqa: E402
from vnadmin_nlp.readers import read_file  # noqa: E402

SEEDS = [SHARED / "seeds" / "000_ea5bb4c4d0a24df5.txt", SHARED / "seeds" / "002_0d8ffa68764b30fb.txt"]
TEXT_LAYER_CHARS_PER_PAGE = 200  # below this on average a PDF is a scan (OCR), benchmarked apart


def vary(text: str, rng: random.Random) -> str:
    """Another document of the same shape: its number and dates changed."""
    text = re.sub(r"(Số:?\s*)\d+", lambda m: m.group(1) + str(rng.randint(1, 9999)), text, count=1)
    return re.sub(
        r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(\d{4})",
        lambda m: f"ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {rng.randint(2015, 2025)}",
        text,
    )


def resize(text: str, target_bytes: int) -> str:
    """Keep the header (first fifth) and the closing (last sixth); drop or repeat body lines to reach the size."""
    lines = text.splitlines()
    head, tail = lines[: len(lines) // 5], lines[-(len(lines) // 6) :]
    body = lines[len(head) : len(lines) - len(tail)]
    fixed = len("\n".join(head + tail).encode("utf-8")) + 2
    out: list[str] = []
    size, i = fixed, 0
    while body and size < target_bytes:
        line = body[i % len(body)]
        size += len(line.encode("utf-8")) + 1
        out.append(line)
        i += 1
    while out and size > target_bytes:
        size -= len(out.pop().encode("utf-8")) + 1
    return "\n".join(head + out + tail) + "\n"


def synthetic_texts(folder: Path, n: int, size: int, seed: int = 30) -> list[Path]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"d{i // 1000:03d}" / f"doc_{i:05d}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text(resize(vary(seeds[i % len(seeds)], rng), size), encoding="utf-8")
        paths.append(p)
    return paths


def corpus(suffix: str) -> list[Path]:
    return sorted(p for p in (SHARED / "corpus").rglob(f"*{suffix}") if p.is_file())


def pdf_text_layer(path: Path) -> bool:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        chars = sum(pdf[i].get_textpage().count_chars() for i in range(len(pdf)))
        return chars >= TEXT_LAYER_CHARS_PER_PAGE * len(pdf)
    finally:
        pdf.close()


# ------------------------------------------------------------------------------------------ side by side
def baseline_txt(path: Path) -> None:
    path.read_text(encoding="utf-8", errors="replace")


def baseline_docx(path: Path) -> None:
    import docx

    d = docx.Document(str(path))
    for p in d.paragraphs:
        p.text
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                cell.text


def baseline_pdf(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


@dataclass
class SideBySide:
    """Seconds per file for each contender (best of the rounds), and the pages of each file."""

    names: list[str]
    seconds: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    pages: dict[str, int] = field(default_factory=dict)

    def total(self, name: str) -> float:
        return sum(self.seconds[name].values())

    @property
    def files(self) -> int:
        return len(self.pages)


def side_by_side(files: list[Path], contenders: dict[str, Callable[[Path], object]], rounds: int) -> SideBySide:
    result = SideBySide(list(contenders))
    for f in files:  # warm-up: imports, caches, page cache
        for fn in contenders.values():
            fn(f)
        result.pages[str(f)] = parse_file(f).source.pages or 0
    for _ in range(rounds):
        for f in files:
            for name, fn in contenders.items():
                t0 = time.perf_counter()
                fn(f)
                dt = time.perf_counter() - t0
                best = result.seconds[name].get(str(f))
                result.seconds[name][str(f)] = dt if best is None else min(best, dt)
    return result


def ours() -> dict[str, Callable[[Path], object]]:
    return {"read_file": read_file, "parse_file": parse_file}


# ---------------------------------------------------------------------------------------------- batches
def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the batch's workers)."""
    import resource

    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def batch_seconds(folder: Path, jobs: int, out_root: Path = WORK) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its workers) of one batch over ``folder``."""
    out = Path(tempfile.mkdtemp(dir=out_root, prefix="out-"))
    try:
        t0, c0 = time.perf_counter(), cpu_seconds()
        res = run_batch(BatchOptions(inputs=[str(folder)], out_dir=out, jobs=jobs, quiet=True, progress=False, include_text=False))
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        assert res.failed == 0, res.summary()
        return wall, cpu
    finally:
        shutil.rmtree(out, ignore_errors=True)


def workers_speedup(folder: Path, rounds: int, out_root: Path = WORK) -> dict[int, tuple[float, float]]:
    """The fastest of ``rounds`` batches with 1 and with 2 workers, run alternately (outputs under ``out_root``)."""
    best: dict[int, tuple[float, float]] = {}
    for _ in range(rounds):
        for jobs in (1, 2):
            run = batch_seconds(folder, jobs, out_root)
            if jobs not in best or run[0] < best[jobs][0]:
                best[jobs] = run
    return best


CONTROL_LOOP = "s = 0\nfor i in range({n}): s += i * i"


def cpu_control(n: int, rounds: int = 3) -> float:
    """The machine's own 1 → 2 process speed-up on a pure-Python loop, at this moment (other load included)."""
    code = CONTROL_LOOP.format(n=n)
    one = two = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code + "\n" + code], check=True)
        one = min(one, time.perf_counter() - t0)
        t0 = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
        for p in procs:
            p.wait()
        two = min(two, time.perf_counter() - t0)
    return one / two


def stage_breakdown(files: list[Path]) -> list[tuple[str, float]]:
    """Milliseconds per document in each stage of ``parse_file`` (under cProfile, so proportions, not speeds)."""
    import cProfile
    import pstats

    from vnadmin_nlp.extractors import EXTRACTORS

    prof = cProfile.Profile()
    prof.enable()
    for f in files:
        parse_file(f)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    wanted = {("readers/__init__.py", "read_file"): "read_file", ("normalize/clean.py", "normalize"): "normalise",
              ("zoning/__init__.py", "zone"): "zoning", ("pipeline.py", "parse_file"): "total"}
    for name, fn in EXTRACTORS.items():
        wanted[(fn.__module__.replace(".", "/").split("vnadmin_nlp/", 1)[1] + ".py", fn.__name__)] = f"extractor {name}"
    found: dict[str, float] = {}
    for (filename, _, func), (_, _, _, cumulative, _) in stats.items():
        for (suffix, name), label in wanted.items():
            if func == name and filename.endswith(suffix):
                found[label] = found.get(label, 0.0) + cumulative
    return sorted(((k, v / len(files) * 1000) for k, v in found.items()), key=lambda kv: -kv[1])


def tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def peak_memory(folder: Path, jobs: int) -> tuple[float, float]:
    """(peak MB of the process tree, seconds) for the CLI batch over ``folder``."""
    out = Path(tempfile.mkdtemp(dir=WORK, prefix="mem-"))
    cmd = [sys.executable, "-m", "vnadmin_nlp", "parse", str(folder), "-o", str(out), "-j", str(jobs), "-q", "--no-text"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.05)
    dt = time.perf_counter() - t0
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise RuntimeError(f"batch failed with exit code {proc.returncode}")
    return peak / 2**20, dt
