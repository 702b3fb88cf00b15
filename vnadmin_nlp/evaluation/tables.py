"""The tables of a :class:`~.report.Report`: plain text for the terminal, Markdown for ``docs/accuracy.md``
(both are pipe tables; Markdown adds headings and the legend), and the list of mismatches."""
from __future__ import annotations

import json
from typing import Any, Iterable, Sequence

from .match import ACCURACY_FIELDS, EXTRA_FIELDS, FIELDS, LIST_FIELDS, show

from .report import Report
from .score import DocResult

LEGEND = """\
Accuracy per document: for each field, `n` documents whose gold gives it; `right` (the gold's value, or null
where the gold says null), `wrong` (a value, not the gold's), `missing` (null where the gold has a value),
`spurious` (a value where the gold says null); a document that could not be read counts as missing throughout.
*Strict* compares exactly (NFC, spaces collapsed); *lenient* also ignores case, tone placement, the spaces
around `/` and `-`, and trailing punctuation (missing and spurious are the same under both). `signers` is right
when every signature block matches; `signer_name` is the **first** signer's name; `header` sums doc_type,
number, issuer, issuer_parent, place, date, subject, signers and signer_name. List fields are also scored item
by item (precision / recall / F1 below; `signer_names` is every signer's name, as a multiset)."""


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def table(head: Sequence[str], rows: Sequence[Sequence[Any]], right_from: int = 1) -> list[str]:
    """A padded pipe table (Markdown reads it too); columns from ``right_from`` on are right-aligned."""
    cells = [[str(c) for c in r] for r in [head, *rows]]
    width = [max(len(r[i]) for r in cells) for i in range(len(head))]

    def line(r: list[str]) -> str:
        return "| " + " | ".join(c.rjust(w) if i >= right_from else c.ljust(w) for i, (c, w) in enumerate(zip(r, width))) + " |"

    sep = "|" + "|".join("-" * (w + 1) + ":" if i >= right_from else "-" * (w + 2) for i, w in enumerate(width)) + "|"
    return [line(cells[0]), sep, *(line(r) for r in cells[1:])]


def legacy_markdown(report: "Report", by_format: bool = True, extra: bool = False) -> str:
    """Precision / recall / F1 per field (``extra``: also signer_name and signer_names), and the header fields'
    micro average by format: the table of docs/accuracy.md as it always was."""
    lines = [
        f"Documents: {len(report.docs)} ({len(report.not_read)} could not be read).",
        "",
        "| field | gold | P strict | R strict | F1 strict | P lenient | R lenient | F1 lenient |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    tot = report.totals()
    for f in (*FIELDS, *EXTRA_FIELDS) if extra else FIELDS:
        if f not in tot:
            continue
        s, l_ = tot[f]["strict"], tot[f]["lenient"]
        lines.append(
            f"| {f} | {s.tp + s.fn} | {_fmt(s.precision)} | {_fmt(s.recall)} | {_fmt(s.f1)} | "
            f"{_fmt(l_.precision)} | {_fmt(l_.recall)} | {_fmt(l_.f1)} |"
        )
    hs, hl = report.header_micro(matcher="strict"), report.header_micro(matcher="lenient")
    lines.append(
        f"| **header (micro)** | {hs.tp + hs.fn} | {_fmt(hs.precision)} | {_fmt(hs.recall)} | {_fmt(hs.f1)} | "
        f"{_fmt(hl.precision)} | {_fmt(hl.recall)} | {_fmt(hl.f1)} |"
    )
    if by_format:
        lines += ["", "Header fields (type, number, issuer, place, date, subject, signers), micro-averaged, by format:", ""]
        lines += ["| format | documents | read | P lenient | R lenient | F1 lenient | F1 strict |", "|---|--:|--:|--:|--:|--:|--:|"]
        for fmt in report.formats():
            docs = [d for d in report.docs if d.format == fmt]
            c, cs = report.header_micro(docs, "lenient"), report.header_micro(docs, "strict")
            read = sum(1 for d in docs if not d.error)
            lines.append(
                f"| {fmt} | {len(docs)} | {read} | {_fmt(c.precision)} | {_fmt(c.recall)} | {_fmt(c.f1)} | {_fmt(cs.f1)} |"
            )
    return "\n".join(lines) + "\n"


ACC_HEAD = ("field", "n", "right strict", "wrong strict", "right lenient", "wrong lenient", "missing", "spurious", "acc strict", "acc lenient")


def accuracy_table(report: "Report", docs: list["DocResult"] | None = None) -> list[str]:
    tot = report.tallies(docs)
    rows = []
    for f in ACCURACY_FIELDS:
        if f in tot:
            s, l_ = tot[f]["strict"], tot[f]["lenient"]
            rows.append((f, s.n, s.right, s.wrong, l_.right, l_.wrong, l_.missing, l_.spurious, _fmt(s.accuracy), _fmt(l_.accuracy)))
    s, l_ = report.header_accuracy(docs, "strict"), report.header_accuracy(docs, "lenient")
    rows.append(("header", s.n, s.right, s.wrong, l_.right, l_.wrong, l_.missing, l_.spurious, _fmt(s.accuracy), _fmt(l_.accuracy)))
    return table(ACC_HEAD, rows)


def prf_table(report: "Report", docs: list["DocResult"] | None = None) -> list[str]:
    tot = report.totals(docs)
    rows = []
    for f in LIST_FIELDS:
        if f in tot:
            s, l_ = tot[f]["strict"], tot[f]["lenient"]
            rows.append((f, s.tp + s.fn, s.tp, s.fp, s.fn, _fmt(s.precision), _fmt(s.recall), _fmt(s.f1), _fmt(l_.precision), _fmt(l_.recall), _fmt(l_.f1)))
    head = ("field", "gold items", "tp", "fp", "fn", "P strict", "R strict", "F1 strict", "P lenient", "R lenient", "F1 lenient")
    return table(head, rows)


def subsets_table(report: "Report") -> list[str]:
    rows = []
    for key, value, docs in report.groups():
        s, l_ = report.header_accuracy(docs, "strict"), report.header_accuracy(docs, "lenient")
        read = sum(1 for d in docs if not d.error)
        rows.append((f"{key}={value}", len(docs), read, l_.n, l_.wrong, l_.missing, l_.spurious, _fmt(s.accuracy), _fmt(l_.accuracy)))
    head = ("subset", "documents", "read", "header n", "wrong", "missing", "spurious", "acc strict", "acc lenient")
    return table(head, rows)


def render(report: "Report", markdown: bool = False, mismatches: bool = False, fields: Iterable[str] | None = None) -> str:
    """Every table: overall accuracy, P/R/F1, the subsets (split, format, OCR, the gold's class and layer) and
    one accuracy table each."""

    def head(text: str, level: int = 2) -> list[str]:
        return ["", f"{'#' * level} {text}", ""] if markdown else ["", f"== {text} ==", ""]

    splits: dict[str, int] = {}
    for d in report.docs:
        splits[d.split or "none"] = splits.get(d.split or "none", 0) + 1
    out = [
        f"Documents: {len(report.docs)} ({len(report.not_read)} could not be read); "
        + ", ".join(f"split {k}: {v}" for k, v in sorted(splits.items()))
        + "."
    ]
    if markdown:
        out += ["", LEGEND]
    out += head("Accuracy per document (all)") + accuracy_table(report)
    out += head("Precision / recall / F1 per item (all)")
    out += legacy_markdown(report, by_format=False, extra=True).splitlines()[2:]
    out += ["", "List fields, counts:", ""] + prf_table(report)
    groups = report.groups()
    if groups:
        out += head("Header accuracy by subset") + subsets_table(report)
        for key, value, docs in groups:
            if len(docs) == len(report.docs) or not any(not d.error for d in docs):
                continue  # the same as the overall table, or nothing read
            out += head(f"Accuracy per document: {key}={value} ({len(docs)} documents)", 3) + accuracy_table(report, docs)
    if report.not_read:
        out += head("Not read")
        out += [f"- {d.id}: {d.error}" for d in report.not_read]
    if report.skipped:
        out += head("Gold files skipped")
        out += [f"- {f}: {r}" for f, r in report.skipped]
    text = "\n".join(out) + "\n"
    if mismatches:
        text += "\n".join(head("Mismatches")) + "\n" + mismatch_report(report, markdown, fields)
    return text


def _value(v: Any) -> str:
    return json.dumps(show(v), ensure_ascii=False)


def mismatch_report(report: "Report", markdown: bool = False, fields: Iterable[str] | None = None) -> str:
    """Each disagreement: document, field, outcome, gold and parser values, and the text around it."""
    wanted = set(fields) if fields else None
    out = []
    for d in report.docs:
        if d.error:
            out += [f"{'### ' if markdown else '## '}{d.id}: not read ({d.error})", ""]
            continue
        ms = [m for m in d.mismatches if wanted is None or m.field in wanted]
        if not ms:
            continue
        out.append(f"{'### ' if markdown else '## '}{d.id} ({d.source_format}{', OCR' if d.ocr else ''}{', ' + d.split if d.split else ''}) {d.file}")
        for m in ms:
            label = "strict only" if m.strict_only else m.outcome
            out.append(f"- {m.field} [{label}]")
            out.append(f"    gold:   {_value(m.gold)}")
            out.append(f"    parser: {_value(m.parser)}")
            if m.context:
                out.append(f"    text ({m.context_from}):")
                if markdown:
                    out.append("    ```")
                out.extend(f"    {line}" for line in m.context)
                if markdown:
                    out.append("    ```")
        out.append("")
    return "\n".join(out) + "\n"
