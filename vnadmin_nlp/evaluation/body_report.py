"""``vnadmin-nlp eval --body``: parse the documents of the body gold, score them (:mod:`.body_score`), and print
the totals, the figures by document kind, one line per document and, on request, the mismatches."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..model import Document
from ..version import __version__
from .body_gold import BodyGold, collect_body
from .body_score import ACC_METRICS, PR_METRICS, Acc, BodyResult, PR, score_body
from .gold import as_dirs
from .run import in_order
from .tables import table

Parse = Callable[[Path], Document]

LABELS = {
    "deadlines": "deadlines found (text)",
    "deadline_values": "deadlines kind + value",
    "tasks": "tasks found",
    "task_lead": "task lead bodies",
    "task_support": "task support bodies",
    "task_deadline": "task deadline attached",
    "citations": "citations found",
    "citation_number": "citation number",
    "citation_type": "citation type",
    "citation_relation": "citation relation",
    "citation_refers_to": "citation refers_to",
}

LEGEND = """\
Lists are aligned with the gold in reading order. Recall counts every list the gold gives; precision only the
lists it marks `complete`. Deadlines match by their words (kind + value: the date; the duration, working days
and anchor; the rule and day; the start and end). Tasks match where the gold's `line` stands in the parser's
task; lead and support are scored body by body (case, tone placement and abbreviations such as `UBND` aside).
A citation matches by number, then name, then words; type, relation and refers_to are accuracies over the
matched mentions. `ISO dates for event durations` counts dates the parser gave to a time limit counted from an
event (or from nothing written): it must be 0."""


def _one(gold: BodyGold, parse: Parse | None) -> BodyResult:
    from ..pipeline import parse_file
    from ..readers import ReaderError

    if not gold.path.exists():
        return score_body(gold, None, f"file not found: {gold.path}")
    try:
        doc = (parse or parse_file)(gold.path)
    except ReaderError as exc:
        return score_body(gold, None, f"{type(exc).__name__}: {exc.message}")
    except Exception as exc:  # a crash: the document is listed, the run goes on
        return score_body(gold, None, f"{type(exc).__name__}: {exc}")
    return score_body(gold, doc)


def run_body(golds: Sequence[BodyGold], parse: Parse | None = None, jobs: int = 1, progress: bool = False) -> list[BodyResult]:
    def failed(i: int, exc: BaseException) -> BodyResult:  # the worker died
        return score_body(golds[i], None, f"worker failed: {type(exc).__name__}: {exc}")

    return in_order(_one, [(g, parse) for g in golds], failed, jobs, "eval --body", progress)


@dataclass
class BodyReport:
    docs: list[BodyResult]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def totals(self, docs: Iterable[BodyResult] | None = None) -> tuple[dict[str, PR], dict[str, Acc], int]:
        pr: dict[str, PR] = {}
        acc: dict[str, Acc] = {}
        iso = 0
        for d in self.docs if docs is None else docs:
            for k, v in d.pr.items():
                pr.setdefault(k, PR()).add(v)
            for k, a in d.acc.items():
                acc.setdefault(k, Acc()).add(a)
            iso += d.iso_for_event
        return pr, acc, iso

    def groups(self) -> list[tuple[str, list[BodyResult]]]:
        out = []
        for key in ("split", "kind"):
            values = sorted({v for d in self.docs if (v := getattr(d, key))})
            out += [(f"{key}={v}", [d for d in self.docs if getattr(d, key) == v]) for v in values]
        return out

    @property
    def not_read(self) -> list[BodyResult]:
        return [d for d in self.docs if d.error]

    def to_json(self) -> dict[str, Any]:
        def totals(docs: list[BodyResult]) -> dict[str, Any]:
            pr, acc, iso = self.totals(docs)
            return {**{k: v.as_dict() for k, v in pr.items()}, **{k: v.as_dict() for k, v in acc.items()}, "iso_dates_for_event_durations": iso}

        return {
            "tool": "vnadmin-nlp eval --body",
            "version": __version__,
            "created": dt.datetime.now().isoformat(timespec="seconds"),
            **self.meta,
            "documents": [
                {"id": d.id, "file": d.file, "split": d.split, "kind": d.kind, "error": d.error,
                 "counts": {**{k: v.as_dict() for k, v in d.pr.items()}, **{k: v.as_dict() for k, v in d.acc.items()}},
                 "iso_dates_for_event_durations": d.iso_for_event}
                for d in self.docs
            ],
            "totals": {"all": totals(self.docs), **{name: totals(ds) for name, ds in self.groups()}},
            "not_read": [{"id": d.id, "file": d.file, "error": d.error} for d in self.not_read],
            "skipped_gold": [{"file": f, "reason": r} for f, r in self.skipped],
            "mismatches": [{"id": d.id, **m} for d in self.docs for m in d.mismatches],
        }


def evaluate_body(
    gold_dir: Path | Iterable[Path],
    shared_dir: Path | None = None,
    parse: Parse | None = None,
    only: Iterable[str] | None = None,
    *,
    corpus: Sequence[Path] = (),
    recursive: bool = False,
    split: str = "all",
    jobs: int = 1,
    progress: bool = False,
    **_: Any,
) -> BodyReport:
    dirs = as_dirs(gold_dir)
    gold = collect_body(dirs, shared_dir, [Path(c) for c in corpus], recursive, split, only)
    docs = run_body(gold.golds, parse, jobs, progress)
    return BodyReport(docs, gold.skipped, {"gold": [str(d) for d in dirs], "corpus": [str(c) for c in corpus], "split": split})


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def totals_table(report: BodyReport, docs: list[BodyResult] | None = None) -> list[str]:
    pr, acc, iso = report.totals(docs)
    rows: list[tuple[Any, ...]] = []
    for k in PR_METRICS:
        if k in pr:
            c = pr[k]
            rows.append((LABELS[k], c.tp + c.fn, c.tp, c.fn, c.ptp, c.fp, _fmt(c.precision), _fmt(c.recall), _fmt(c.f1)))
    for k in ACC_METRICS:
        if k in acc:
            a = acc[k]
            rows.append((LABELS[k], a.n, a.right, a.n - a.right, "", "", "", "", f"acc {_fmt(a.accuracy)}"))
    if "deadlines" in pr:
        rows.append(("ISO dates for event durations", "", iso, "", "", "", "", "", "must be 0"))
    return table(("metric", "gold", "tp", "fn", "tp (complete)", "fp", "P", "R", "F1"), rows)


def _cell(c: PR | None) -> str:
    return "" if c is None else f"{c.tp}/{c.tp + c.fn}" + (f" +{c.fp}" if c.fp else "")


def documents_table(report: BodyReport) -> list[str]:
    rows = []
    for d in report.docs:
        a = d.acc
        rows.append((
            d.id, d.split or "", d.kind or "", _cell(d.pr.get("deadline_values")), d.iso_for_event or "",
            _cell(d.pr.get("task_lead")), _cell(d.pr.get("task_support")), _cell(d.pr.get("task_deadline")),
            _cell(d.pr.get("citation_number")),
            *(f"{a[k].right}/{a[k].n}" if k in a else "" for k in ("citation_type", "citation_relation")),
            "not read" if d.error else "",
        ))
    head = ("document", "split", "kind", "deadline values", "iso/event", "lead", "support", "deadline attached",
            "cit. number", "cit. type", "cit. relation", "")
    return table(head, rows, right_from=3)


def render(report: BodyReport, markdown: bool = False, mismatches: bool = False, lists: Iterable[str] | None = None) -> str:
    def head(text: str, level: int = 2) -> list[str]:
        return ["", f"{'#' * level} {text}", ""] if markdown else ["", f"== {text} ==", ""]

    splits: dict[str, int] = {}
    for d in report.docs:
        splits[d.split or "none"] = splits.get(d.split or "none", 0) + 1
    out = [f"Body gold documents: {len(report.docs)} ({len(report.not_read)} could not be read); "
           + ", ".join(f"split {k}: {v}" for k, v in sorted(splits.items())) + "."]
    if markdown:
        out += ["", LEGEND, "", "Cells of the document table: right/gold, +false positives (complete lists only)."]
    out += head("Body: totals (all)") + totals_table(report)
    for name, docs in report.groups():
        if len(docs) != len(report.docs):
            out += head(f"Body: {name} ({len(docs)} documents)", 3) + totals_table(report, docs)
    out += head("Body: per document") + documents_table(report)
    if report.not_read:
        out += head("Not read") + [f"- {d.id}: {d.error}" for d in report.not_read]
    if report.skipped:
        out += head("Gold files skipped") + [f"- {f}: {r}" for f, r in report.skipped]
    text = "\n".join(out) + "\n"
    if mismatches:
        text += "\n".join(head("Body mismatches")) + "\n" + mismatch_report(report, markdown, lists)
    return text


def _show(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


def mismatch_report(report: BodyReport, markdown: bool = False, lists: Iterable[str] | None = None) -> str:
    """What is wrong, document by document: each missing, spurious or wrong item with the parser's line."""
    wanted = set(lists) if lists else None
    out = []
    for d in report.docs:
        if d.error:
            out += [f"{'### ' if markdown else '## '}{d.id}: not read ({d.error})", ""]
            continue
        ms = [m for m in d.mismatches if wanted is None or m["list"] in wanted]
        if not ms:
            continue
        out.append(f"{'### ' if markdown else '## '}{d.id} ({d.kind or '?'}, {d.split or '-'}) {d.file}")
        for m in ms:
            out.append(f"- {m['list']} [{m['what']}]")
            if "gold" in m:
                out.append(f"    gold:   {_show(m['gold'])}")
            if "parser" in m:
                out.append(f"    parser: {_show(m['parser'])}")
            if m.get("line"):
                out.append(f"    line:   {m['line']}")
        out.append("")
    return "\n".join(out) + "\n"
