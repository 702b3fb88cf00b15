"""Running the parser on the gold documents: one parse per document, serially or in a process pool."""
from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence, TypeVar

from ..model import Document
from .context import context
from .gold import Gold, as_dirs, collect
from .match import ALL_FIELDS, MATCHERS, gold_values, predicted
from .report import Report
from .score import DocResult, Mismatch, compare, outcome

Parse = Callable[[Path], Document]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def score_document(gold: Gold, doc: Document | None, error: str | None = None, around: int = 2) -> DocResult:
    """Score one parsed document (``doc`` None: it could not be read, and every field counts as missing)."""
    pred = predicted(doc)
    gvals = gold_values(gold.fields)
    fmt = gold.format or gold.path.suffix.lstrip(".")
    if doc is not None and doc.source.ocr:
        fmt = f"{fmt} (OCR)"  # scans are scored apart: their bar is lower
    res = DocResult(
        gold.id,
        fmt,
        error,
        file=str(gold.path),
        source_format=doc.source.format if doc is not None else (gold.format or gold.path.suffix.lstrip(".")),
        ocr=doc.source.ocr if doc is not None else None,
        split=gold.split,
        tags={k: str(v) for k, v in gold.extra.items()},
    )
    for f in ALL_FIELDS:
        if f not in gvals:
            continue
        g, p = gvals[f], pred.get(f)
        for name, norm in MATCHERS.items():
            res.fields.setdefault(f, {})[name] = compare(g, p, norm)
            res.outcomes.setdefault(f, {})[name] = "missing" if doc is None else outcome(g, p, norm)
        if doc is None:
            continue
        lenient, strict = res.outcomes[f]["lenient"], res.outcomes[f]["strict"]
        counts = res.fields[f]["lenient"]
        if lenient != "right" or counts.fp or counts.fn or strict != "right":
            lines, source = context(doc, f, g, p, around)
            only_strict = lenient == "right" and not (counts.fp or counts.fn)
            res.mismatches.append(Mismatch(f, g, p, lenient, only_strict, lines, source))
    return res


def _one(gold: Gold, parse: Parse | None, around: int) -> DocResult:
    from ..pipeline import parse_file
    from ..readers import ReaderError

    parse = parse or parse_file

    if not gold.path.exists():
        return score_document(gold, None, f"file not found: {gold.path}")
    try:
        doc = parse(gold.path)
    except ReaderError as exc:
        return score_document(gold, None, f"{type(exc).__name__}: {exc.message}")
    except Exception as exc:  # an extractor's crash: the document is listed, the run goes on
        return score_document(gold, None, f"{type(exc).__name__}: {exc}")
    return score_document(gold, doc, around=around)


T = TypeVar("T")
R = TypeVar("R")


def in_order(
    work: Callable[..., R],
    items: Sequence[tuple[Any, ...]],
    failed: Callable[[int, BaseException], R],
    jobs: int = 1,
    label: str = "eval",
    progress: bool = False,
) -> list[R]:
    """``work(*item)`` for every item, results in the order of ``items``: serially, or in a process pool when
    ``jobs`` > 1 (``work`` and the items must then pickle).  A worker that dies (memory, a signal) gives
    ``failed(index, exc)`` instead, so one document never stops an evaluation."""
    jobs = max(1, min(jobs, len(items)))
    results: list[R | None] = [None] * len(items)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            print(f"\r{label}: {done}/{len(items)}", end="" if done < len(items) else "\n", file=sys.stderr, flush=True)

    if jobs == 1:
        for i, item in enumerate(items):
            results[i] = work(*item)
            tick()
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(work, *item): i for i, item in enumerate(items)}
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except Exception as exc:
                    results[i] = failed(i, exc)
                tick()
    return [r for r in results if r is not None]


def run(
    golds: Sequence[Gold],
    parse: Parse | None = None,
    jobs: int = 1,
    around: int = 2,
    progress: bool = False,
) -> list[DocResult]:
    """The results in the order of ``golds``.  ``jobs`` > 1: a process pool (``parse`` must then pickle: a
    module-level function)."""

    def failed(i: int, exc: BaseException) -> DocResult:  # the worker died: the document counts as not read
        return score_document(golds[i], None, f"worker failed: {type(exc).__name__}: {exc}")

    return in_order(_one, [(g, parse, around) for g in golds], failed, jobs, "eval", progress)


def evaluate(
    gold_dir: Path | Iterable[Path],
    shared_dir: Path | None = None,
    parse: Parse | None = None,
    only: Iterable[str] | None = None,
    *,
    corpus: Sequence[Path] = (),
    recursive: bool = False,
    split: str = "all",
    jobs: int = 1,
    around: int = 2,
    progress: bool = False,
) -> Report:
    """Parse every gold document and score it.  ``parse`` defaults to :func:`vnadmin_nlp.parse_file`;
    ``gold_dir`` is one folder or several."""
    dirs = as_dirs(gold_dir)
    gold = collect(dirs, shared_dir, [Path(c) for c in corpus], recursive, split, only)
    docs = run(gold.golds, parse, jobs, around, progress)
    return Report(docs, skipped=gold.skipped, meta={"gold": [str(d) for d in dirs], "corpus": [str(c) for c in corpus], "split": split})
