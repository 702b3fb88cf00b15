"""Task tables for ``scripts/task_variants.py --tables`` (issue 13): a plan's tasks printed as a table, one task per
row, rendered the ways plans reach us, each with the gold its rows must give.

Renders: ``docx`` (a Word table, read as cells by the DOCX reader), and PDFs printed from it by LibreOffice:
``pdf_grid`` (every ruling), ``pdf_hrules`` (the horizontal rulings only), ``pdf_none`` (no ruling: the columns by
the words' positions only).  Sizes: ``short`` (a few rows, one body a cell) and ``long`` (rows enough to run over a
page break with the header row repeated, contents wrapping over 2–4 lines, lead cells listing several bodies).
The headings, time cells and scopes are data (``task_variants.yaml``, section ``tables``); bodies and actions are
the assignment forms' pools.  Generation is seeded (``random.Random``); scoring is the body eval's ``score_body``.
"""
from __future__ import annotations

import random
import shutil
import subprocess
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RENDERS = ("docx", "pdf_grid", "pdf_hrules", "pdf_none")
SIZES = {"short": 5, "long": 22}
_WIDTH_CM = {"label": 1.0, "content": 5.4, "lead": 3.2, "support": 3.2, "deadline": 2.3, "product": 2.2, "note": 1.8}


@dataclass
class TableVariant:
    name: str  # heading/size/render/index
    render: str
    font: tuple[str | None, float | None]
    columns: list[tuple[str, str]]  # (heading, role)
    rows: list[list[str]]  # cells as printed ("\n" between a cell's lines)
    tasks: list[dict[str, Any]] = field(default_factory=list)  # the gold
    path: Path | None = None


def _bodies(rng: random.Random, pool: list[str], k: int) -> list[str]:
    return rng.sample(pool, k)


def _cell(rng: random.Random, names: list[str], long: bool) -> str:
    """A list of bodies as a cell prints it: one a line with dashes, or after commas or semicolons."""
    if len(names) == 1:
        return names[0]
    style = rng.choice(["dash", "semicolon", "comma"] if long else ["semicolon", "comma"])
    if style == "dash":
        return "\n".join(f"- {x}" for x in names)
    return ("; " if style == "semicolon" or any("," in x for x in names) else ", ").join(names)


def make(spec: dict[str, Any], heading: dict[str, Any], size: str, render: str, index: int, seed: int = 1) -> TableVariant:
    """One table of ``heading``'s columns (its rows drawn from the pools, seeded by heading, size and index; the
    same rows for every render)."""
    rng = random.Random(seed * 1_000_003 + zlib.crc32(f"{heading['name']}/{size}".encode()) + index)
    tables = spec["tables"]
    columns = [(h, r) for h, r in heading["columns"]]
    roles = [r for _, r in columns]
    singles = [b["name"] for b in spec["bodies"]]
    long = size == "long"
    rows: list[list[str]] = []
    gold: list[dict[str, Any]] = []
    # distinct contents, none the start of another (each row's gold line is its whole content)
    pairs = [(a, t) for a in spec["actions"] for t in spec["topics"]] if long else [(a, None) for a in spec["actions"]]
    group_at = {0: 0, SIZES[size] // 2: 1} if long else {}  # row index -> group
    n = 0
    for k, (action, topic) in enumerate(rng.sample(pairs, SIZES[size])):
        if k in group_at and roles[0] == "label":
            label, title = tables["groups"][group_at[k]]
            rows.append([label, title] + [""] * (len(roles) - 2))
            n = 0
        n += 1
        content = action[:1].upper() + action[1:] + (f" về {topic}" if topic else "")
        if topic and rng.random() < 0.6:
            content += " " + rng.choice(tables["scopes"])
        lead = _bodies(rng, singles, 2 if long and rng.random() < 0.3 else 1)
        pool = [x for x in singles if x not in lead]
        support = _bodies(rng, pool, rng.randint(0, 3 if long else 2))
        if support and rng.random() < 0.2:
            support[-1] = rng.choice(spec["collectives"] + spec["related"])
        deadline = rng.choice(tables["deadlines"])
        cells = {"label": str(n), "content": content, "lead": _cell(rng, lead, long), "support": _cell(rng, support, long),
                 "deadline": deadline, "product": rng.choice(tables["products"]), "note": rng.choice(tables["notes"])}
        rows.append([cells[r] for r in roles])
        has_support = "support" in roles
        gold.append({"lead": lead, "support": support if has_support else [], "deadline": deadline, "line": content})
    name = f"{heading['name']}/{size}/{render}/{index}"
    font = tables["fonts"][index % len(tables["fonts"])]
    return TableVariant(name, render, (font[0], font[1]), columns, rows, gold)


def variants(spec: dict[str, Any], per_heading: int = 1, seed: int = 1, renders: tuple[str, ...] = RENDERS,
             headings: list[str] | None = None, sizes: tuple[str, ...] = tuple(SIZES)) -> list[TableVariant]:
    out = []
    for heading in spec["tables"]["headings"]:
        if headings and heading["name"] not in headings:
            continue
        for size in sizes:
            for i in range(per_heading):
                out += [make(spec, heading, size, r, i, seed) for r in renders]
    return out


def _docx(spec: dict[str, Any], v: TableVariant, path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    before, _, after = spec["skeletons"]["ke_hoach"].partition("{body}")
    d = docx.Document()
    if v.font[0]:
        d.styles["Normal"].font.name = v.font[0]
        d.styles["Normal"].font.size = Pt(v.font[1])
    for x in before.strip().split("\n") + ["II. NHIỆM VỤ CỤ THỂ", "Các nhiệm vụ cụ thể như sau:"]:
        d.add_paragraph(x)
    grid = d.add_table(rows=1 + len(v.rows), cols=len(v.columns))
    if v.render == "pdf_grid":
        grid.style = d.styles["Table Grid"]
    elif v.render == "pdf_hrules":
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "bottom", "insideH"):
            el = OxmlElement(f"w:{edge}")
            for k, val in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
                el.set(qn(f"w:{k}"), val)
            borders.append(el)
        grid._tbl.tblPr.append(borders)
    grid.autofit = False
    for r, cells in enumerate([[h for h, _ in v.columns]] + v.rows):
        if r and not any(cells[2:]):  # a group row: its title across the table
            grid.cell(r, 0).text = cells[0]
            grid.cell(r, 1).merge(grid.cell(r, len(cells) - 1)).text = cells[1]
            continue
        for c, text in enumerate(cells):
            cell = grid.cell(r, c)
            cell.width = Cm(_WIDTH_CM[v.columns[c][1]])
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for c, (_, role) in enumerate(v.columns):
        grid.columns[c].width = Cm(_WIDTH_CM[role])
    mark = OxmlElement("w:tblHeader")  # the header row repeated on each page a long table runs over
    mark.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(mark)
    for x in after.strip().split("\n"):
        d.add_paragraph(x)
    d.save(str(path))


def render(spec: dict[str, Any], vs: list[TableVariant], folder: Path, reuse: bool = False) -> None:
    """Each variant written into ``folder`` (its ``path`` set); the PDFs printed by LibreOffice in one run
    (``reuse``: the files a run before wrote are kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    todo = []
    for k, v in enumerate(vs):
        stem = f"t{k:03d}_" + v.name.replace("/", "_")
        path = folder / f"{stem}.docx"
        if reuse and path.with_suffix(".docx" if v.render == "docx" else ".pdf").exists():
            v.path = path.with_suffix(".docx" if v.render == "docx" else ".pdf")
            continue
        _docx(spec, v, path)
        if v.render == "docx":
            v.path = path
        else:
            todo.append(path)
            v.path = path.with_suffix(".pdf")
    if todo:
        if not shutil.which("soffice"):
            raise SystemExit("LibreOffice (soffice) is needed to print the PDFs")
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, todo)],
                       check=True, capture_output=True, timeout=1200)


def score(v: TableVariant) -> Any:
    """The body eval's result for one rendered table (its task list complete)."""
    from vnadmin_nlp import parse_file
    from vnadmin_nlp.evaluation.body_gold import BodyGold
    from vnadmin_nlp.evaluation.body_score import score_body

    assert v.path is not None
    gold = BodyGold(id=v.name, file=v.name, path=v.path, gold_file=v.path, kind=None, split="variant",
                    complete={"tasks": True}, tasks=v.tasks)
    return score_body(gold, parse_file(v.path))
