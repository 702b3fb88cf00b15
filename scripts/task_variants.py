"""Variants of the development set's assignment forms, with the gold each must give (issue 13): where the task
extractor breaks on layouts and wordings our dev documents show only once or not at all (lead lists of several
bodies, ``X chủ trì, phối hợp với Y``, ``Đề nghị``/``Yêu cầu``/``Thống nhất giao``, a conclusion's ``Đồng ý …;
giao …``, a plan's section per body, deadlines before / after / in a sentence of their own).

    python scripts/task_variants.py                 # the table: tasks, lead, support, deadline attached P/R per form
    python scripts/task_variants.py --per-form 20 --seed 3
    python scripts/task_variants.py --show giao_members --limit 2   # the variants of a form and what went wrong
    python scripts/task_variants.py --tables --by render     # task tables: DOCX, ruled / half-ruled / unruled PDFs
    python scripts/task_variants.py --tables --show pdf_none --limit 2
    python scripts/task_variants.py --tables --scan orig,jpeg150,skew+1,photo,faint --image -j 2   # scanned tables
    python scripts/task_variants.py --ocr 0.5    # each body read as OCR'd text, half its toned circumflexes misread

The forms are data (``scripts/task_variants.yaml``): a template per real form with the dev line it was taken
from, filled from pools of the dev documents' bodies, actions and deadlines.  Generation is rule-based and seeded
(``random.Random(seed, form)``); scoring is the body eval's own (``evaluation.body_score.score_body``), so a
variant is scored as a gold document whose task list is complete.
"""
from __future__ import annotations

import argparse
import random
import textwrap
import sys
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEC = Path(__file__).with_suffix(".yaml")
METRICS = ("tasks", "task_lead", "task_support", "task_deadline")


@dataclass
class Variant:
    form: str
    placement: str
    text: str
    body: str  # the generated part of the text
    tasks: list[dict[str, Any]] = field(default_factory=list)  # the gold (lead, support, deadline, line)


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class _Lists:
    """Body lists drawn without repeats within one variant."""

    def __init__(self, spec: dict[str, Any], rng: random.Random) -> None:
        self.spec, self.rng = spec, rng
        self.bodies = list(spec["bodies"])
        rng.shuffle(self.bodies)

    def take(self, bare: bool = False) -> dict[str, Any]:
        for i, b in enumerate(self.bodies):
            if not bare or b.get("bare"):
                return self.bodies.pop(i)
        raise ValueError("no body left")

    def render(self, style: str, k: int) -> tuple[str, list[str]]:
        """The list as written and its gold items."""
        rng, spec = self.rng, self.spec
        if style == "one":
            k = 1
        elif style == "va":
            k = 2
        if style in ("members", "members_open"):
            picked = [self.take(bare=True) for _ in range(max(2, k))]
            bare = [b["bare"] for b in picked]
            head = "các sở" if style == "members" else rng.choice(["Các sở", "Các sở, ban, ngành"])
            return f"{head}: {', '.join(bare)}", [b["name"] for b in picked]
        if style in ("semicolon", "semicolon_collective"):
            names = [self.take()["name"] for _ in range(max(1, k - (style == "semicolon_collective")))]
            names += [rng.choice(spec["collectives"])] if style == "semicolon_collective" else []
            return "; ".join(names), names
        if style == "holders":  # office-holders: "Giám đốc Sở Y tế, Thủ trưởng các sở, ban, ngành, Chủ tịch UBND …"
            picked = [self.take(bare=True) for _ in range(max(1, k - 1))]
            names = [f"Giám đốc {b['name']}" for b in picked] + [rng.choice(spec["holder_collectives"])]
            return ", ".join(names), names
        if style == "members_then_collective":  # "các sở: Nội vụ, Tài chính và UBND các huyện, thị xã, thành phố"
            picked = [self.take(bare=True) for _ in range(max(2, k))]
            last = rng.choice(spec["collectives"])
            return f"các sở: {', '.join(b['bare'] for b in picked)} và {last}", [b["name"] for b in picked] + [last]
        if style == "holder_members":  # "Giám đốc các Sở: Tài chính, Xây dựng, Nội vụ": the title goes with the category
            picked = [self.take(bare=True) for _ in range(max(2, k))]
            head = rng.choice(["Giám đốc các Sở", "Giám đốc các sở", "Thủ trưởng các sở"])
            return f"{head}: {', '.join(b['bare'] for b in picked)}", [b["name"] for b in picked]
        if style == "place_members":  # "UBND các huyện: Bình Sơn, Sơn Tịnh, Tư Nghĩa": the members take the category's head
            kind, places = rng.choice(spec["place_members"])
            head = rng.choice(["UBND", "Ủy ban nhân dân"])
            chosen = places[: max(2, min(k, len(places)))]
            return f"{head} các {kind}: {', '.join(chosen)}", [f"{head} {kind} {p}" for p in chosen]
        if style == "abbrev":  # "Sở Kế hoạch và Đầu tư (Sở KHĐT)": kept as printed, parenthesis and all
            picked = rng.sample(spec["abbreviated"], max(2, min(k, len(spec["abbreviated"]))))
            return ", ".join(picked[:-1]) + rng.choice([", ", " và "]) + picked[-1], picked
        if style == "semicolon_break":  # a semicolon list whose lines break after a semicolon, as a PDF's do
            names = [self.take()["name"] for _ in range(max(2, k - 1))] + [rng.choice(spec["holder_collectives"])]
            return ";\n".join(names), names
        if style == "slash":  # a collective whose kinds are joined by "/": one item
            names = [self.take()["name"] for _ in range(max(1, k - 1))] + [rng.choice(spec["slash_collectives"])]
            return ", ".join(names[:-1]) + rng.choice([", ", " và "]) + names[-1], names
        if style == "officials":  # an execution clause: officials, one item each, as printed
            picked = [self.take(bare=True) for _ in range(max(1, k - 2))]
            names = ["Chánh Văn phòng UBND tỉnh"] + [f"Giám đốc {b['name']}" for b in picked] + [rng.choice(spec["closing_parties"])]
            return ", ".join(names[:-1]) + " và " + names[-1], names
        if style == "officials_members":  # "Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch …"
            picked = [self.take(bare=True) for _ in range(max(2, k - 2))]
            mayor = rng.choice(spec["mayors"])
            last = rng.choice(spec["closing_parties"])
            text = f"Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: {', '.join(b['bare'] for b in picked)}; {mayor} và {last}"
            return text, ["Chánh Văn phòng UBND tỉnh"] + [b["name"] for b in picked] + [mayor, last]
        if style == "collective":
            names = [self.take()["name"] for _ in range(max(0, k - 1))] + [rng.choice(spec["collectives"])]
            return ", ".join(names), names
        if style == "related":
            names = [self.take()["name"] for _ in range(max(0, k - 1))] + [rng.choice(spec["related"])]
            return ", ".join(names), names
        names = [self.take()["name"] for _ in range(k)]
        if style in ("va", "comma_va") and len(names) >= 2:
            return ", ".join(names[:-1]) + " và " + names[-1], names
        return ", ".join(names), names


def _variant(spec: dict[str, Any], form: dict[str, Any], i: int, seed: int, wrap: bool = False) -> Variant | None:
    rng = random.Random(seed * 1_000_003 + zlib.crc32(form["name"].encode()) + i)
    lists = _Lists(spec, rng)
    lead_style = form["lead"][i % len(form["lead"])]
    support_style = form["support"][(i // len(form["lead"])) % len(form["support"])]
    placement = form["placements"][i % len(form["placements"])]
    lo, hi = form["counts"]["L"]
    slo, shi = form["counts"]["S"]
    lead_text, lead = lists.render(lead_style, rng.randint(lo, hi))
    support_text, support = ("", []) if shi == 0 else lists.render(support_style, rng.randint(slo, shi))
    l1, l2 = lists.take()["name"], lists.take()["name"]
    if lead_style == "one":  # (a form with L1/L2 only: L is L1)
        l1 = lead[0]
    actions = rng.sample(spec["actions"], 4)
    deadline = rng.choice(spec["deadlines"])
    slots = {"n": "1", "m": "2", "L": lead_text, "S": support_text, "L1": l1, "L2": l2, "topic": rng.choice(spec["topics"]),
             "A": actions[0], "A1": actions[0], "A2": actions[1], "A3": actions[2],
             "A1c": _cap(actions[0]), "A2c": _cap(actions[1]), "A3c": _cap(actions[2]),
             "D_after": "", "D_before": "", "D_sep": "", "D": deadline}
    template: str = form["template"]
    if placement == "after":
        slots["D_after"] = " " + deadline
    elif placement == "before":
        if "{D_before}" not in template:
            return None
        slots["D_before"] = _cap(deadline) + ", "
    elif placement == "separate":
        if "{D_sep}" not in template:
            return None
        slots["D_sep"] = f" Thời hạn hoàn thành: {deadline}."
    elif placement == "label" and "{D}" not in template:
        return None
    body = template.format(**slots)
    if wrap:  # a PDF's text layer: the lines of a paragraph broken at the page's width, names and all
        width = rng.randint(70, 95)
        body = "\n".join(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) for line in body.split("\n"))
    if form.get("section"):
        body = form["section"] + "\n" + body
    text = spec["skeletons"][form["skeleton"]].replace("{body}", body)
    named = {"L": lead, "S": support, "L1": [l1], "L2": [l2],
             "huyen": ["UBND huyện Bình Sơn", "UBND huyện Sơn Tịnh", "UBND huyện Tư Nghĩa"]}  # (ubnd_huyen_members)
    gold = []
    for t in form["tasks"]:
        gold.append({
            "lead": named[t["lead"]] if isinstance(t["lead"], str) else [x for k in t["lead"] for x in named.get(k, [k])],
            "support": named[t["support"]] if isinstance(t["support"], str) else [x for k in t["support"] for x in named.get(k, [k])],
            "deadline": deadline if t.get("deadline") and placement != "none" else None,
            "line": str(slots.get(t["line"], t["line"]))[:40],
        })
    return Variant(form["name"] + ("/wrapped" if wrap else ""), placement, text, body, gold)


def variants(spec: dict[str, Any], per_form: int = 12, seed: int = 1, forms: list[str] | None = None, wrapped: bool = True) -> list[Variant]:
    """``per_form`` variants of each form as typed, and (``wrapped``) as many with the lines broken as a PDF's are."""
    out = []
    for form in spec["forms"]:
        if forms and form["name"] not in forms:
            continue
        for wrap in (False, True) if wrapped else (False,):
            for i in range(per_form):
                v = _variant(spec, form, i, seed, wrap)
                if v is not None:
                    out.append(v)
    return out


# What tesseract's Vietnamese model does to a syllable with a circumflex and a tone (the dev scans of
# scan_body.py, ld_046 "lây ý kiên thông nhât trước khi trình câp có thâm quyên", ld_080 "thành phó", ld_064 "phôi
# hợp"): the tone lost (most), or the circumflex lost with the tone kept.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def ocr_damage(text: str, rate: float, seed: int) -> str:
    """``text`` with ``rate`` of its syllables that carry a circumflex and a tone read as tesseract misreads them; a
    syllable is misread the same way wherever it occurs (so the gold's lines can be found in the damaged text)."""
    import unicodedata
    import regex

    def change(m: Any) -> str:
        word = unicodedata.normalize("NFD", m.group())
        rng = random.Random(seed * 7919 + zlib.crc32(m.group().encode()))
        if "\u0302" not in word or not any(t in word for t in _TONES) or rng.random() >= rate:
            return m.group()
        drop = "\u0302" if rng.random() < 0.3 else _TONES
        return unicodedata.normalize("NFC", "".join(c for c in word if c not in drop))

    return regex.sub(r"\p{L}+", change, text)


def score(v: Variant, ocr: float | None = None, seed: int = 1) -> Any:
    """The body eval's result for one variant (its task list complete); with ``ocr``, its body damaged as tesseract
    damages words (``ocr_damage``) and parsed as an OCR'd text (the gold stays as printed)."""
    from vnadmin_nlp import parse_text
    from vnadmin_nlp.evaluation.body_gold import BodyGold
    from vnadmin_nlp.evaluation.body_score import score_body
    from vnadmin_nlp.pipeline import _parse

    gold = BodyGold(id=v.form, file=v.form, path=Path(v.form), gold_file=Path(v.form), kind=None, split="variant",
                    complete={"tasks": True}, tasks=v.tasks)
    if ocr is None:
        return score_body(gold, parse_text(v.text))
    at = v.text.index(v.body)
    text = v.text[:at] + ocr_damage(v.body, ocr, seed) + v.text[at + len(v.body):]
    gold.tasks = [{**t, "line": ocr_damage(t["line"], ocr, seed)} for t in v.tasks]  # (where the task is found, as read)
    doc = _parse(text, source=None, extractors=None, page_numbers=True, metadata=None, cells=None, ocr_ranges=[(0, len(text))])[0]
    return score_body(gold, doc)


def _fmt(pr: Any) -> str:
    p, r = pr.precision, pr.recall
    if p is None and r is None:
        return "–"
    return f"{'–' if p is None else f'{p:.2f}'}/{'–' if r is None else f'{r:.2f}'} ({pr.tp}/{pr.tp + pr.fn})"


def table(results: dict[str, list[Any]]) -> str:
    from vnadmin_nlp.evaluation.body_score import PR

    lines = ["| form | n | tasks P/R | lead P/R | support P/R | deadline attached P/R |", "|---|---|---|---|---|---|"]
    total = {m: PR() for m in METRICS}
    for form, res in results.items():
        sums = {m: PR() for m in METRICS}
        for r in res:
            for m in METRICS:
                sums[m].add(r.metric(m))
                total[m].add(r.metric(m))
        lines.append(f"| {form} | {len(res)} | " + " | ".join(_fmt(sums[m]) for m in METRICS) + " |")
    lines.append(f"| **all** | {sum(len(r) for r in results.values())} | " + " | ".join(_fmt(total[m]) for m in METRICS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-form", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--form", action="append", help="only these forms")
    ap.add_argument("--show", help="print the variants of this form that go wrong, with the mismatches")
    ap.add_argument("--limit", type=int, default=3, help="with --show: at most this many variants")
    ap.add_argument("--ocr", type=float, metavar="RATE", help="read each body as OCR'd text, RATE of its toned circumflex "
                    "syllables misread as tesseract does (ocr_damage; VNADMIN_OCR_TASK_WORDS=off for the words as printed)")
    ap.add_argument("--tables", action="store_true", help="task tables (scripts/task_tables.py) instead of the forms")
    ap.add_argument("--by", default="render", help="with --tables: rows of the table, one of variant, heading, size, "
                    "render, condition (a scan's), kind (the render without its condition), or several joined by commas")
    ap.add_argument("--scan", nargs="?", const="orig,jpeg150,skew+1,photo,faint", metavar="CONDITIONS",
                    help="with --tables: the PDFs also scanned under these conditions (scripts/task_table_scans.py)")
    ap.add_argument("--only-scans", action="store_true", help="with --scan: score the scans only")
    ap.add_argument("--image", action="store_true", help="with --scan: the scans also as image files (PNG/JPEG/TIFF)")
    ap.add_argument("--heading", action="append", help="with --tables: only these headings (task_variants.yaml tables)")
    ap.add_argument("--size", action="append", help="with --tables: only these sizes (short, long)")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="with --tables: parse this many documents at a time")
    ap.add_argument("--out", type=Path, default=Path("/tmp/task_tables"), help="with --tables: where the documents are written")
    ap.add_argument("--reuse", action="store_true", help="with --tables: keep the documents a run before wrote in --out")
    args = ap.parse_args(argv)
    spec = load_spec()
    if args.tables:
        return _tables(spec, args)
    forms = [args.show.removesuffix("/wrapped")] if args.show else args.form
    results: dict[str, list[Any]] = defaultdict(list)
    shown = 0
    for v in variants(spec, args.per_form, args.seed, forms):
        if args.show and v.form != args.show:
            continue
        res = score(v, args.ocr, args.seed)
        results[v.form].append(res)
        if args.show and res.mismatches and shown < args.limit:
            shown += 1
            print(f"--- {v.form} ({v.placement})\n{v.body}")
            for m in res.mismatches:
                print("   ", m)
    print(table(results))
    return 0


def _tables(spec: dict[str, Any], args: argparse.Namespace) -> int:
    import task_table_scans
    import task_tables

    sizes = tuple(args.size) if args.size else tuple(task_tables.SIZES)
    vs = task_tables.variants(spec, max(1, args.per_form // 12), args.seed, headings=args.heading, sizes=sizes)
    task_tables.render(spec, vs, args.out, args.reuse)
    if args.scan:
        scans = task_table_scans.scanned(vs, args.scan.split(","), args.out / "scans", args.image)
        vs = scans if args.only_scans else vs + scans
    results: dict[str, list[Any]] = defaultdict(list)
    shown = 0
    for v, res in zip(vs, task_table_scans.score_all(vs, args.jobs)):
        heading, size, render, _ = v.name.split("/")
        keys = {"variant": v.name, "heading": heading, "size": size, "render": render,
                "condition": render.partition("@")[2] or "text", "kind": render.partition("@")[0]}
        results[" ".join(keys[k] for k in args.by.split(","))].append(res)
        if args.show and args.show in v.name and res.mismatches and shown < args.limit:
            shown += 1
            print(f"--- {v.name} ({v.path})")
            for m in res.mismatches:
                print("   ", m)
    print(table(dict(sorted(results.items()))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
