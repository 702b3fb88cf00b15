"""Variants of the deadline forms of the development set and the corpus, with the gold each must give (issue 13):
where the deadline extractor breaks on wordings and layouts our documents show once or not at all (a date printed
dotted, dashed, with spaced slashes, with OCR'd digits or a two-digit year; a form wrapped over a PDF's lines at any
of its words; in parentheses, after a dash, opening the sentence, as a label of its own; apart from the task's
sentence: a time line under its item, a sentence of its own, a heading over it).

    python scripts/deadline_variants.py                   # the table: deadlines found, kind + value, attached, per form
    python scripts/deadline_variants.py --by layout       # … per layout / rendering instead
    python scripts/deadline_variants.py --show no_year    # the variants of a form that go wrong, with the mismatches

The forms are data (``scripts/deadline_variants.yaml``): each with the real line it came from and its gold; each
is set in the assignment sentences of real dev lines at every placement, typed and wrapped (a line break before
each of its words in turn), and a numeric date in every rendering.  Generation is deterministic; scoring is the
body eval's own (``evaluation.body_score.score_body``), the variant scored as a gold document whose deadline and
task lists are complete: a variant's deadline found and its value (``deadlines``, ``deadline_values``), the task's
deadline (``task_deadline``) and ISO dates given to event durations (must stay 0).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEC = Path(__file__).with_suffix(".yaml")
METRICS = ("deadlines", "deadline_values", "task_deadline")
PLACEMENTS = ("after", "before", "paren", "dash", "separate")
# Placements apart from the task's sentence (the attachment step, tasking.attach), typed with the date as printed
# only: a time line under the item ("- Thời gian hoàn thành: …", "- Tiến độ: …"), a sentence of its own after it
# ("Hoàn thành …"), a heading over the item ("1. Hoàn thành …:" then "a) <sentence>").
ATTACH = ("dash_label", "progress", "finish", "heading")
RENDERINGS = ("slash", "spaced", "dotted", "dashed", "ocr", "short_year")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_OCR = str.maketrans({"0": "O", "1": "l"})


@dataclass
class Variant:
    form: str
    layout: str  # placement, rendering and "/wrapped"
    text: str
    body: str
    deadlines: list[dict[str, Any]] = field(default_factory=list)  # the gold
    tasks: list[dict[str, Any]] = field(default_factory=list)


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def render(printed: str, how: str) -> str:
    """A numeric date of the form as another layout prints it (OCR: a 0 read as O and a 1 as l, one digit only)."""
    def sub(m: re.Match[str]) -> str:
        d, mo, y = m.groups()
        if how == "spaced":
            return f"{d} / {mo} / {y}"
        if how == "dotted":
            return f"{d}.{mo}.{y}"
        if how == "dashed":
            return f"{d}-{mo}-{y}"
        if how == "short_year":
            return f"{d}/{mo}/{y[2:]}"
        if how == "ocr":
            day_month = f"{d}/{mo}"
            for i, c in enumerate(day_month):  # the first 0 or 1 of the day or month misread
                if c in "01":
                    return day_month[:i] + c.translate(_OCR) + day_month[i + 1 :] + "/" + y
            return m.group()
        return m.group()
    return _NUMERIC.sub(sub, printed)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _place(sentence: str, printed: str, placement: str) -> str:
    if placement == "after":
        return f"{sentence} {printed}."
    if placement == "before":
        # (the item's label kept: "4. Trước ngày …, Sở Tài chính chủ trì …"; without it the sentence is a paragraph
        # outside the numbered structure, where a name with no "Giao"/"Đề nghị" before it assigns nothing)
        return f"{sentence[:3]}{_cap(printed)}, {sentence[3:]}." if sentence[:1].isdigit() else f"{_cap(printed)}, {sentence}."
    if placement == "paren":
        return f"{sentence} ({printed})."
    if placement == "dash":
        return f"{sentence} - {printed}."
    if placement == "separate":
        return f"{sentence}. Thời hạn hoàn thành: {printed}."
    if placement == "dash_label":
        return f"{sentence}.\n- Thời gian hoàn thành: {printed}."
    if placement == "progress":
        return f"{sentence}.\n- Tiến độ: {printed}."
    if placement == "finish":
        return f"{sentence}. Hoàn thành {printed}."
    if placement == "heading":
        label, rest = (sentence[:3], sentence[3:]) if sentence[:1].isdigit() else ("1. ", sentence)
        return f"{label}Hoàn thành {printed}:\na) {rest}."
    if placement == "label":
        return f"{sentence}.\n{printed}."
    if placement == "separate_bare":  # a label form in the sentence after the assignment
        return f"{sentence}. {printed}."
    raise ValueError(placement)


def _wrap_at(body: str, start: int, k: int) -> str | None:
    """The body with the line broken before the ``k``-th word of the form (which starts at ``start``)."""
    spaces = [m.start() for m in re.finditer(r" ", body[start:])]
    if k == 0:
        at = start - 1
    elif k - 1 < len(spaces):
        at = start + spaces[k - 1]
    else:
        return None
    if at <= 0 or body[at] != " " or "\n" in body[start:at]:
        return None
    return body[:at] + "\n" + body[at + 1 :]


def variants(spec: dict[str, Any], forms: list[str] | None = None, wrapped: bool = True) -> list[Variant]:
    """Every form at each placement in each sentence (cycled), each numeric rendering, typed and wrapped."""
    out: list[Variant] = []
    sentences = spec["sentences"]
    for form in spec["forms"]:
        if forms and form["name"] not in forms:
            continue
        placements = form.get("placements") or PLACEMENTS + ATTACH
        renderings = RENDERINGS if form.get("numeric") else ("slash",)
        n = 0
        for placement in placements:
            for how in (renderings if placement not in ATTACH else ("slash",)):
                s = sentences[n % len(sentences)]
                n += 1
                printed = render(form["printed"], how)
                text = render(form.get("text", form["printed"]), how)
                if form.get("sentence"):  # a form in a sentence of its own (a target, a report's range): no task scored
                    s = {"text": form["sentence"], "lead": None}
                body = form["sentence"].replace("{D}", printed) + "." if form.get("sentence") else _place(s["text"], printed, placement)
                at = body.find(printed)
                gold = form["gold"]
                dls = [] if gold is None else [{"text": text, **gold}]
                tasks = [] if s["lead"] is None else [{"lead": s["lead"], "support": s["support"], "deadline": text if gold is not None else None, "line": s["line"]}]
                layouts = [(body, "")]
                if wrapped:
                    for k in range(len(printed.split()) + 1):
                        w = _wrap_at(body, at, k)
                        if w is not None:
                            layouts.append((w, f"/wrapped{k}"))
                for b, tag in layouts:
                    out.append(Variant(form["name"], f"{placement}/{how}{tag}", spec["skeleton"].replace("{body}", b), b, dls, tasks))
    return out


def score(v: Variant, doc_date: str | None = None) -> Any:
    """The body eval's result for one variant (its deadline and task lists complete)."""
    from vnadmin_nlp import parse_text
    from vnadmin_nlp.evaluation.body_gold import BodyGold
    from vnadmin_nlp.evaluation.body_score import score_body

    gold = BodyGold(id=v.form, file=v.form, path=Path(v.form), gold_file=Path(v.form), kind=None, doc_date=doc_date,
                    split="variant", complete={"tasks": bool(v.tasks), "deadlines": True}, deadlines=v.deadlines,
                    tasks=v.tasks or None)
    return score_body(gold, parse_text(v.text))


def _fmt(pr: Any) -> str:
    p, r = pr.precision, pr.recall
    if p is None and r is None:
        return "–"
    return f"{'–' if p is None else f'{p:.2f}'}/{'–' if r is None else f'{r:.2f}'} ({pr.tp}/{pr.tp + pr.fn}, fp {pr.fp})"


def _exact(r: Any) -> bool:
    """The variant's deadline read right and attached to its task (the task's lead and support are task_variants'.)"""
    return all(r.metric(m).fn == 0 and r.metric(m).fp == 0 for m in METRICS) and not r.iso_for_event


def table(results: dict[str, list[Any]]) -> str:
    from vnadmin_nlp.evaluation.body_score import PR

    lines = ["| form | n | exact | deadlines found P/R | kind + value P/R | attached P/R | iso/event |", "|---|---|---|---|---|---|---|"]
    total = {m: PR() for m in METRICS}
    exact_all = iso_all = 0
    for name, res in results.items():
        sums = {m: PR() for m in METRICS}
        for r in res:
            for m in METRICS:
                sums[m].add(r.metric(m))
                total[m].add(r.metric(m))
        exact = sum(_exact(r) for r in res)
        iso = sum(r.iso_for_event for r in res)
        exact_all, iso_all = exact_all + exact, iso_all + iso
        lines.append(f"| {name} | {len(res)} | {exact} | " + " | ".join(_fmt(sums[m]) for m in METRICS) + f" | {iso} |")
    n = sum(len(r) for r in results.values())
    lines.append(f"| **all** | {n} | {exact_all} | " + " | ".join(_fmt(total[m]) for m in METRICS) + f" | {iso_all} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--form", action="append", help="only these forms")
    ap.add_argument("--by", choices=("form", "layout", "placement", "rendering"), default="form")
    ap.add_argument("--no-wrap", action="store_true", help="typed only")
    ap.add_argument("--show", help="print the variants of this form that go wrong, with the mismatches")
    ap.add_argument("--limit", type=int, default=5, help="with --show: at most this many variants")
    args = ap.parse_args(argv)
    spec = load_spec()
    forms = [args.show] if args.show else args.form
    results: dict[str, list[Any]] = defaultdict(list)
    shown = 0
    for v in variants(spec, forms, wrapped=not args.no_wrap):
        res = score(v, spec.get("doc_date"))
        placement, how = v.layout.split("/")[:2]
        key = {"form": v.form, "layout": v.layout.split("/wrapped")[0] + ("/wrapped" if "/wrapped" in v.layout else ""),
               "placement": placement, "rendering": how}[args.by]
        results[key].append(res)
        if args.show and not _exact(res) and shown < args.limit:
            shown += 1
            print(f"--- {v.form} ({v.layout})\n{v.body}")
            for m in res.mismatches:
                if m["list"] == "deadlines" or m.get("gold", {}).get("deadline") != m.get("parser", {}).get("deadline"):
                    print("   ", m)
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
