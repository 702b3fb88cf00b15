"""Whole-document variants of a kế hoạch and a chỉ thị, with the gold each must give (issue 13): the structures plans
and directives use and the development set barely shows (it holds no kế hoạch): parts I. MỤC ĐÍCH, YÊU CẦU / II. NỘI
DUNG / III. TỔ CHỨC THỰC HIỆN, a body as a heading with its tasks as items below, headings naming several bodies, a
task line followed by its ``Cơ quan chủ trì:`` / ``Cơ quan phối hợp:`` / ``Thời gian thực hiện:`` lines, dotted numbers
(``1.1.``, ``2.3.1.``), a directive's ``Để …, Chủ tịch UBND tỉnh yêu cầu:`` with its addressees' items (or the
addressees in the request and numbered items naming none), a plan attached
to its quyết định; typed, with the lines broken as a PDF's text layer gives them, with a scan's damage to those
lines (``ocr``), and as real scans (``scan``: typeset, printed by LibreOffice, each page an image under a scan
condition, read by tesseract: ``scripts/plan_scans.py``; ``--scan-per`` variants a structure, ``--conditions``).

    python scripts/plan_variants.py                       # tasks, lead, support, deadline attached P/R per structure
    python scripts/plan_variants.py --by option           # … per heading form / item marker
    python scripts/plan_variants.py --show body_headings --limit 2   # the variants that go wrong, with the mismatches
    python scripts/plan_variants.py --render ocr --by option         # the lines as a scan damages a plan's structure
    python scripts/plan_variants.py --render scan --by render        # typeset, printed, scanned and OCR'd (plan_scans.py)

The structures and their phrasing are data (``scripts/plan_variants.yaml``, each form with the dev line it came
from); bodies, actions and deadlines are the pools of ``scripts/task_variants.yaml``; the scoring is
``task_variants.score`` (the body eval's ``score_body``, the variant's task list complete).
"""
from __future__ import annotations

import argparse
import random
import sys
import textwrap
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import plan_scans  # noqa: E402  (the scan rendering)
import task_variants as tv  # noqa: E402  (the pools, the Variant, the scoring and the table)

SPEC = Path(__file__).with_suffix(".yaml")
LETTERS = "abcdđeghik"
Gold = dict[str, Any]


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    """This script's structures with the pools of task_variants.yaml under ``pools``."""
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["pools"] = tv.load_spec()
    return spec


class _Draw:
    """One document's draws: bodies (task_variants' lists, no repeats), actions (no repeats), deadlines."""

    def __init__(self, spec: dict[str, Any], rng: random.Random) -> None:
        self.rng, self.spec = rng, spec
        self.lists = tv._Lists(spec["pools"], rng)
        self.actions = list(spec["pools"]["actions"]) + list(spec["plan_actions"])
        rng.shuffle(self.actions)

    def body(self) -> str:
        return str(self.lists.take()["name"])

    def action(self) -> str:
        return self.actions.pop()

    def support(self) -> tuple[str, list[str]]:
        return self.lists.render(self.rng.choice(["comma", "related", "one"]), self.rng.randint(1, 2))

    def deadline(self, action: str, p: float = 0.4) -> str | None:
        """A deadline for ``action`` or none; a report's ``trong tháng …`` is left out (it may be the period the
        report covers, which is no deadline: fixtures/gold/body/README.md, session 20)."""
        pool = [x for x in self.spec["pools"]["deadlines"] if "báo cáo" not in action or not x.startswith("trong")]
        return str(self.rng.choice(pool)) if self.rng.random() < p else None


def _task(lead: list[str], action: str, support: list[str] | None = None, deadline: str | None = None) -> Gold:
    return {"lead": lead, "support": support or [], "deadline": deadline, "line": action[:40]}


def _item(d: _Draw, lead: list[str], own_body: bool = False, support: list[str] | None = None) -> tuple[str, Gold]:
    """One task item under a heading (its marker added by the caller): plain, ``Chủ trì, phối hợp với …``,
    ``Phối hợp với …``, or (``own_body``) naming its own lead, which overrides the heading's."""
    a = d.action()
    dl = d.deadline(a)
    tail = f" {dl}" if dl else ""
    if own_body:
        b = d.body()
        s_text, s = d.support()
        return f"{b} chủ trì, phối hợp với {s_text} {a}{tail}.", _task([b], a, s, dl)
    kind = "plain" if support is not None else d.rng.choice(["plain", "plain", "chu_tri", "phoi_hop"])
    if kind == "plain":  # (under a request that names the support, the heading's)
        return f"{tv._cap(a)}{tail}.", _task(lead, a, support or [], dl)
    s_text, s = d.support()
    if kind == "chu_tri":
        return f"Chủ trì, phối hợp với {s_text} {a}{tail}.", _task(lead, a, s, dl)
    return f"Phối hợp với {s_text} {a}{tail}.", _task(lead, a, s, dl)


def _marker(spec: dict[str, Any], kind: str, k: int) -> str:
    return str(spec["item_markers"][kind]).replace("{l}", LETTERS[k])


def _items(spec: dict[str, Any], d: _Draw, lead: list[str], marker: str, n: int, own_at: int = -1,
           support: list[str] | None = None) -> tuple[list[str], list[Gold]]:
    lines, gold = [], []
    for k in range(n):
        text, g = _item(d, lead, own_body=k == own_at, support=support)
        lines.append(_marker(spec, marker, k) + text)
        gold.append(g)
    return lines, gold


def _heading(spec: dict[str, Any], form: str, k: int, name: str, support: str = "") -> str:
    h = spec["body_headings"][form]
    label = {"numbers": str(k + 1), "letters": LETTERS[k], "none": ""}[h["labels"]]
    return str(h["template"]).replace("{h}", label).replace("{B}", name).replace("{S}", support)


def _close(spec: dict[str, Any], d: _Draw, n: int, lines: list[str], gold: list[Gold], which: int = 1) -> None:
    """The follow-up assignment (a task) as item ``n``, and a closing line that assigns nothing."""
    f = spec["follow_up"][which]
    lines.append(f"{n}. {f['text']}")
    gold.append({"lead": f["lead"], "support": [], "deadline": None, "line": f["line"]})
    lines.append(d.rng.choice(spec["closings"]))


def body_headings(spec: dict[str, Any], d: _Draw, i: int) -> tuple[str, list[str], list[Gold]]:
    forms = list(spec["body_headings"])
    form = forms[i % len(forms)]
    markers = spec["body_headings"][form]["items"]
    marker = markers[(i // len(forms)) % len(markers)]
    lines = [spec["purpose"].rstrip(), spec["content"].rstrip(), "III. TỔ CHỨC THỰC HIỆN"]
    gold: list[Gold] = []
    for k in range(3):
        b = d.body()
        s_text, s = d.support() if "{S}" in spec["body_headings"][form]["template"] else ("", None)
        lines.append(_heading(spec, form, k, b, s_text))
        its, g = _items(spec, d, [b], marker, d.rng.randint(2, 3), support=s)
        lines += its
        gold += g
    if spec["body_headings"][form]["labels"] == "numbers":
        _close(spec, d, 4, lines, gold)
    return f"{form}+{marker}", lines, gold


def group_headings(spec: dict[str, Any], d: _Draw, i: int) -> tuple[str, list[str], list[Gold]]:
    groups = d.rng.sample(spec["group_headings"], 3)
    marker = ["dash", "letter", "plus"][i % 3]
    lines = [spec["purpose"].rstrip(), "II. TỔ CHỨC THỰC HIỆN"]
    gold: list[Gold] = []
    for k, grp in enumerate(groups):
        lines.append(f"{k + 1}. {grp['text']}:")
        its, g = _items(spec, d, list(grp["lead"]), marker, d.rng.randint(2, 3), own_at=1 if k == i % 3 else -1)
        lines += its
        gold += g
    _close(spec, d, 4, lines, gold)
    return marker, lines, gold


def labelled_content(spec: dict[str, Any], d: _Draw, i: int) -> tuple[str, list[str], list[Gold]]:
    label_set = [("Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"),
                 ("Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành")][i % 2]
    lines = [spec["purpose"].rstrip(), "II. NỘI DUNG, NHIỆM VỤ"]
    gold: list[Gold] = []
    for k in range(3):
        a = d.action()
        lead = [d.body()]
        s_text, s = d.support() if k != 1 else ("", [])
        dl = str(d.rng.choice(spec["pools"]["deadlines"]))
        lines.append(f"{k + 1}. {tv._cap(a)}.")
        lines.append(f"- {label_set[0]}: {lead[0]}.")
        if s:
            lines.append(f"- {label_set[1]}: {s_text}.")
        lines.append(f"- {label_set[2]}: {dl}.")
        gold.append(_task(lead, a, s, dl))
    lines.append("III. TỔ CHỨC THỰC HIỆN")
    _close(spec, d, 1, lines, gold)
    return "/".join(w.split()[0] for w in label_set[:1]), lines, gold


def dotted(spec: dict[str, Any], d: _Draw, i: int) -> tuple[str, list[str], list[Gold]]:
    lines = [spec["purpose"].rstrip(), "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Nhóm nhiệm vụ về hạ tầng số"]
    gold: list[Gold] = []
    for k in range(2):  # 1.1. X chủ trì, phối hợp với Y …
        a, b = d.action(), d.body()
        dl = d.deadline(a)
        s_text, s = d.support()
        lines.append(f"1.{k + 1}. {b} chủ trì, phối hợp với {s_text} {a}{' ' + dl if dl else ''}.")
        gold.append(_task([b], a, s, dl))
    lines += ["III. TỔ CHỨC THỰC HIỆN", "1. Phân công nhiệm vụ"]
    for k in range(2):  # 1.1. Sở X: then 1.1.1., 1.1.2.
        b = d.body()
        lines.append(f"1.{k + 1}. {b}:" if i % 2 == 0 else f"1.{k + 1}. {b}")
        for j in range(2):
            text, g = _item(d, [b])
            lines.append(f"1.{k + 1}.{j + 1}. {text}")
            gold.append(g)
    _close(spec, d, 2, lines, gold)
    return "colon" if i % 2 == 0 else "bare", lines, gold


def directive(spec: dict[str, Any], d: _Draw, i: int) -> tuple[str, list[str], list[Gold]]:
    opener = spec["directive_openers"][i % len(spec["directive_openers"])]
    lines = [spec["situation"].rstrip(), opener]
    gold: list[Gold] = []
    heads = d.rng.sample(spec["directive_headings"], 3)
    marker = ["letter", "dash"][i % 2]
    for k, h in enumerate(heads):
        lines.append(f"{k + 1}. {h['text']}:")
        its, g = _items(spec, d, list(h["lead"]), marker, d.rng.randint(2, 3))
        lines += its
        gold += g
    f = spec["follow_up"][0]
    lines.append(f"4. {f['text']}")
    gold.append({"lead": f["lead"], "support": [], "deadline": None, "line": f["line"]})
    return f"opener{i % len(spec['directive_openers'])}+{marker}", lines, gold


def directive_intro(spec: dict[str, Any], d: _Draw, i: int) -> tuple[str, list[str], list[Gold]]:
    intro = spec["directive_intros"][i % len(spec["directive_intros"])]
    lines = [spec["situation"].rstrip(), intro["text"]]
    gold: list[Gold] = []
    n = d.rng.randint(3, 5)
    for k in range(n):
        text, g = _item(d, list(intro["lead"]))
        lines.append(f"{k + 1}. {text}")
        gold.append(g)
    f = spec["follow_up"][0]
    lines.append(f"{n + 1}. {f['text']}")
    gold.append({"lead": f["lead"], "support": [], "deadline": None, "line": f["line"]})
    return f"intro{i % len(spec['directive_intros'])}", lines, gold


def attached(spec: dict[str, Any], d: _Draw, i: int) -> tuple[str, list[str], list[Gold]]:
    option, lines, gold = body_headings(spec, d, i)
    ex = spec["decision_execution"]
    return option, lines, [{"lead": ex["lead"], "support": [], "deadline": None, "line": ex["line"]}] + gold


BUILDERS: dict[str, Callable[[dict[str, Any], _Draw, int], tuple[str, list[str], list[Gold]]]] = {
    "body_headings": body_headings, "group_headings": group_headings, "labelled_content": labelled_content,
    "dotted": dotted, "directive": directive, "directive_intro": directive_intro, "attached": attached,
}
SKELETON = {"directive": "chi_thi", "directive_intro": "chi_thi", "attached": "quyet_dinh"}


def _pdf(lines: list[str], rng: random.Random) -> str:
    """The lines broken at a page's width (70–95 characters) as a text layer gives them (the reader drops page
    numbers and running headers: readers/layout/furniture.py, so none is written here)."""
    width = rng.randint(70, 95)
    return "\n".join(w for line in lines for w in textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False).split("\n"))


def _ocr_damage(spec: dict[str, Any], lines: list[str], rng: random.Random) -> list[str]:
    """The lines with the damage a scan does to a document's structure (``ocr_damage``): part and item numbers
    as OCR prints them, part titles with marks lost, and (in a share of the variants) the content part's heading
    lost whole, so that the implementation part's number skips one."""
    dmg = spec["ocr_damage"]
    lost = rng.random() < float(dmg["lost_heading"])
    out = []
    for line in (x for block in lines for x in block.splitlines()):  # (a part's opening lines come as one block)
        if lost and line == spec["content"].splitlines()[0]:
            continue
        label, _, rest = line.partition(" ")
        if label in dmg["labels"] and rng.random() < 0.7:
            line = f"{rng.choice(dmg['labels'][label])} {rest}"
        for title, seen in dmg["titles"].items():
            if title in line and line.isupper():
                line = line.replace(title, rng.choice(seen))
        out.append(line)
    return out


def parse(v: tv.Variant) -> Any:
    """The parser's reading of a variant; an ``ocr`` one as an OCR'd page (the reader's OCR flag and words)."""
    from vnadmin_nlp import parse_text
    from vnadmin_nlp.pipeline import parse_raw
    from vnadmin_nlp.readers.base import Block, RawDocument

    if v.placement != "ocr":
        return parse_text(v.text)
    raw = RawDocument(blocks=[Block(v.text)], format="pdf", ocr=True, metadata={"ocr_words": [{"lines": []}]})
    return parse_raw(raw)


def score(v: tv.Variant, doc: Any = None) -> Any:
    """The body eval's result for one variant (its task list complete), read as :func:`parse` reads it (or ``doc``:
    the parser's reading of its scan)."""
    from vnadmin_nlp.evaluation.body_gold import BodyGold
    from vnadmin_nlp.evaluation.body_score import score_body

    gold = BodyGold(id=v.form, file=v.form, path=Path(v.form), gold_file=Path(v.form), kind=None, split="variant",
                    complete={"tasks": True}, tasks=v.tasks)
    return score_body(gold, parse(v) if doc is None else doc)


def variant(spec: dict[str, Any], structure: str, i: int, render: str, seed: int = 1) -> tv.Variant:
    """Variant ``i`` of ``structure``, typed, as a PDF's lines, or as those lines OCR'd (``ocr_damage``); its ``form``
    is ``structure/option/render``."""
    rng = random.Random(seed * 1_000_003 + zlib.crc32(structure.encode()) + i)
    option, lines, gold = BUILDERS[structure](spec, _Draw(spec, rng), i)
    if render == "ocr":
        lines = _ocr_damage(spec, lines, rng)
    body = _pdf(lines, rng) if render in ("pdf", "ocr") else "\n".join(lines)  # (scan: typeset by plan_scans)
    text = spec["skeletons"][SKELETON.get(structure, "ke_hoach")].replace("{body}", body)
    return tv.Variant(f"{structure}/{option}/{render}", render, text, body, gold)


def variants(spec: dict[str, Any], per: int = 10, seed: int = 1, structures: list[str] | None = None,
             renders: list[str] | None = None) -> list[tv.Variant]:
    return [variant(spec, s, i, r, seed) for s in spec["structures"] if not structures or s in structures
            for r in spec["renders"] if not renders or r in renders for i in range(per)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per", type=int, default=10, help="variants per structure and rendering")
    ap.add_argument("--scan-per", type=int, default=2, help="variants per structure for the scan rendering (OCR: slow)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--structure", action="append", help="only these structures")
    ap.add_argument("--render", action="append", help="only these renderings (typed, pdf, ocr, scan)")
    ap.add_argument("--conditions", default=",".join(plan_scans.CONDITIONS), help="scan conditions (scan_conditions.py)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/plan_scans"), help="where the scan rendering's files go")
    ap.add_argument("--by", choices=("structure", "option", "render"), default="structure")
    ap.add_argument("--show", help="print the variants of this structure that go wrong, with the mismatches")
    ap.add_argument("--limit", type=int, default=3)
    args = ap.parse_args(argv)
    spec = load_spec()
    results: dict[str, list[Any]] = defaultdict(list)
    shown = 0
    structures = [args.show] if args.show else args.structure
    scored = [(v, score(v)) for v in variants(spec, args.per, args.seed, structures, args.render) if v.placement != "scan"]
    scans = [v for v in variants(spec, args.scan_per, args.seed, structures, args.render) if v.placement == "scan"]
    if scans:
        plan_scans.use_tesseract_cache()
        conditions = tuple(args.conditions.split(","))
        files = plan_scans.render(scans, args.out, conditions)
        for v in scans:
            for c in conditions:
                w = tv.Variant(f"{v.form}:{c}", f"scan:{c}", v.text, v.body, v.tasks)
                scored.append((w, score(w, plan_scans.parse(files[f"{plan_scans.key(v)}/{c}"]))))
    for v, res in scored:
        s, option, render = v.form.split("/")
        key = {"structure": s, "option": f"{s}/{option}", "render": render}[args.by]
        results[key].append(res)
        if args.show and res.mismatches and shown < args.limit:
            shown += 1
            print(f"--- {v.form}\n{v.body}")
            for m in res.mismatches:
                print("   ", m)
    print(tv.table(dict(sorted(results.items()))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
