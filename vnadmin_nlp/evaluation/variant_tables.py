"""The tables of a :class:`~.variants.VariantReport` (``vnadmin-nlp eval --variants DIR``): agreement with the
original per variant and field, wrong values against the gold (original -> variant), and the disagreements with
the lines around them on both sides."""
from __future__ import annotations

import json
from typing import Any, Iterable

from .match import show
from .tables import _fmt, table
from .variants import FIELD_EXCLUDED, VARIANT_FIELDS, VariantReport, VariantResult

LEGEND = """\
Each variant is parsed and its header fields compared with what the original file gives (lenient: case, tone
placement, spaces around `/` and `-`, trailing punctuation ignored; both null agrees). *Agreement*: the share of
documents on which the variant gives the original's value, disagreements in parentheses. *Against the gold*:
both sides scored on the same documents (lenient), `wrong` original -> variant; a variant with more wrong values
than the original is flagged, so agreeing on a wrong value does not pass."""


def agreement_table(report: VariantReport) -> list[str]:
    rows = []
    for name, v in report.variants.items():
        cells = [f"{_fmt(v.share(f))} ({v.disagree[f]})" for f in VARIANT_FIELDS]
        agree, total = sum(v.agree.values()), sum(v.agree.values()) + sum(v.disagree.values())
        rows.append((name, len(v.results), len(v.not_read), *cells, f"{_fmt(agree / total if total else None)} ({total - agree})"))
    return table(("variant", "docs", "not read", *VARIANT_FIELDS, "all"), rows)


def gold_table(report: VariantReport) -> list[str]:
    rows = []
    for name, v in report.variants.items():
        o, t = v.tallies(original=True), v.tallies()
        cells = [f"{o[f].wrong}->{t[f].wrong}" if f in o else "–" for f in VARIANT_FIELDS]
        right = (sum(x.right for x in o.values()), sum(x.right for x in t.values()))
        missing = (sum(x.missing for x in o.values()), sum(x.missing for x in t.values()))
        verdict = f"MORE WRONG (+{v.wrong() - v.wrong(True)})" if v.more_wrong else "no more wrong"
        rows.append((name, len(v.results), *cells, f"{v.wrong(True)}->{v.wrong()}", f"{missing[0]}->{missing[1]}",
                     f"{right[0]}->{right[1]}", verdict))
    head = ("variant", "docs", *(f"wrong {f}" for f in VARIANT_FIELDS), "wrong", "missing", "right", "verdict")
    return table(head, rows)


def detail_table(v: VariantResult) -> list[str]:
    """Right / wrong / missing / spurious per field against the gold, original -> variant."""
    o, t = v.tallies(original=True), v.tallies()
    rows = []
    for f in VARIANT_FIELDS:
        if f in o:
            rows.append((f, o[f].n, *(f"{getattr(o[f], k)}->{getattr(t[f], k)}" for k in ("right", "wrong", "missing", "spurious")),
                         f"{_fmt(o[f].accuracy)}->{_fmt(t[f].accuracy)}", f"{_fmt(v.share(f))}"))
    return table(("field", "n", "right", "wrong", "missing", "spurious", "accuracy", "agreement"), rows)


def _value(x: Any) -> str:
    return json.dumps(show(x), ensure_ascii=False)


def disagreement_report(report: VariantReport, markdown: bool = False, fields: Iterable[str] | None = None) -> list[str]:
    wanted = set(fields) if fields else None
    out: list[str] = []
    for name, v in report.variants.items():
        ds = [d for d in v.disagreements if wanted is None or d.field in wanted]
        if not ds:
            continue
        out += ["", f"{'### ' if markdown else '## '}{name}: {len(ds)} disagreements", ""]
        for r in v.not_read:
            out.append(f"- {r.id}: not read ({r.error})")
        for d in ds:
            out.append(f"- {d.id} {d.field}  {d.file}")
            out.append(f"    original: {_value(d.original)}")
            out.append(f"    variant:  {_value(d.variant)}")
            for label, lines in (("original", d.original_lines), ("variant", d.variant_lines)):
                if lines:
                    out.append(f"    {label} text:")
                    out += ["    ```"] if markdown else []
                    out += [f"    {line}" for line in lines]
                    out += ["    ```"] if markdown else []
    return out


def render(report: VariantReport, markdown: bool = False, mismatches: bool = False,
           fields: Iterable[str] | None = None) -> str:
    def head(text: str, level: int = 2) -> list[str]:
        return ["", f"{'#' * level} {text}", ""] if markdown else ["", f"== {text} ==", ""]

    n = len(report.original.docs)
    out = [f"Documents: {n} with variants under {report.meta.get('variants')} "
           f"({len(report.original.not_read)} originals could not be read; {len(report.without_variant)} gold "
           f"documents have no variant); variants: {', '.join(report.variants) or 'none'}."]
    if report.excluded:
        whys = sorted({why for _, why in report.excluded})
        out.append(f"Excluded: {len(report.excluded)} gold documents, {'; '.join(whys)}: "
                   f"{', '.join(i for i, _ in report.excluded)}.")
    if report.excluded_fields:
        out.append(f"Excluded per field: {len(report.excluded_fields)} values, {FIELD_EXCLUDED}: "
                   f"{', '.join(f'{i} {f}' for i, f in report.excluded_fields)}.")
    if markdown:
        out += ["", LEGEND]
    out += head("Agreement with the original (share, disagreements)") + agreement_table(report)
    out += head("Wrong values against the gold, original -> variant (lenient)") + gold_table(report)
    for name, v in report.variants.items():
        out += head(f"{name} against the gold, original -> variant ({len(v.results)} documents)", 3) + detail_table(v)
    if mismatches:
        out += head("Disagreements") + disagreement_report(report, markdown, fields)
    return "\n".join(out) + "\n"
