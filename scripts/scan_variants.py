"""Generated variants of scanned PDFs, to test that a scan mechanism is general (issue 12): each page rendered in
colour and changed the way another scanner, a phone or a clerk would change it (:mod:`scan_conditions`), saved again
as an image-only PDF, read by the parser and scored against the original's gold (lenient match; a value where the
gold has none counts as wrong).

    python scripts/scan_variants.py --gold fixtures/gold/devset/lamdong --corpus ../shared/devset/lamdong \\
        --only ld_040 --only ld_075 --out /tmp/variants --pages ends -j 2 [--variants orig,rot90,grey,...]
    python scripts/scan_variants.py --gold fixtures/gold --corpus ../shared --only qngai_ttr04_2025 --out /tmp/variants

Conditions (scripts/scan_conditions.py): ``orig`` (re-rendered at 300 dpi, the control), ``dpi200``/``dpi150``,
``jpeg`` (quality 40), ``jpeg150`` (150 dpi, quality 30), ``skew±1``, ``skew+2.5``, ``skew-4``, ``blur``, ``shift``,
``rot90``/``rot180``/``rot270``, ``grey`` (mid-grey paper with grain), ``yellow`` (yellowed paper, brown ink),
``faint`` (toner at 40 %), ``photo`` (perspective, a dark table around, light falling off), ``stamp`` (a violet
received-document stamp over the issuer, a blue stroke over the Số line), ``seal`` (a red round seal over the issuer
and the Số line, a blue signature stroke), ``table`` (the header ruled as a table),
``crop`` (margins cut), ``close`` (the header's columns moved closer).  ``--pages ends`` keeps the first and last
pages (the header; the signature as a rule), to spare CPU.  Use dev documents only (the corpus gold has no split).
Signature-block conditions (scripts/signature_conditions.py, ``--variants sig``): the seal and a signature drawn
over the gold signer's lines of a dev PDF with a text layer, the block moved or set larger, dpi/JPEG/ink on top;
each variant holds page 1 and the block's page.
Prints one row per document and condition, then right/wrong/missing per condition and field.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

FIELDS = ("doc_type", "number", "date", "issuer", "place", "signer_name")


def _variants() -> dict[str, tuple[int, Callable[..., Any]]]:
    from scan_conditions import conditions
    from signature_conditions import signature_conditions

    return {**conditions(), **signature_conditions()}


def _signature_page(doc: Any, lines: dict[str, str]) -> int | None:
    """The last page whose text layer holds the gold signer's name (the block's page); None for a scan."""
    from signature_conditions import block_boxes

    for k in reversed(range(len(doc))):
        if "name" in block_boxes(doc[k], 1.0, {"name": lines.get("name", "")}):
            return k
    return None


def make(pdf_path: Path, name: str, out: Path, pages: str = "all", lines: dict[str, str] | None = None) -> Path | None:
    """One variant of a PDF as an image-only PDF (``pages="ends"``: its first and last pages only, to spare CPU;
    the header is on the first, the signature as a rule on the last).  Made once: a variant's bytes depend only on
    its source and condition.  A signature condition (:mod:`signature_conditions`) needs a text layer where the
    gold signer's ``lines`` are found: its variant is page 1 and the block's page (None when not found)."""
    import pypdfium2 as pdfium
    from signature_conditions import block_boxes, signature_conditions

    target = out / name / pdf_path.name
    if target.exists():
        return target
    dpi, change = _variants()[name]
    doc = pdfium.PdfDocument(str(pdf_path))
    numbers = list(range(len(doc)))
    if name in signature_conditions():
        at = _signature_page(doc, lines or {})
        if at is None:
            return None
        images = [doc[0].render(scale=dpi / 72).to_pil().convert("RGB")] if at else []
        block = block_boxes(doc[at], dpi / 72, lines or {})
        images += change(doc[at].render(scale=dpi / 72).to_pil().convert("RGB"), block)
        target.parent.mkdir(parents=True, exist_ok=True)
        images[0].save(target, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
        return target
    if pages == "ends" and len(numbers) > 2:
        numbers = [0, numbers[-1]]
    images = [change(doc[k].render(scale=dpi / 72).to_pil().convert("RGB")) for k in numbers]
    target.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(target, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


def _verdicts(want: dict[str, Any], path: Path) -> dict[str, str]:
    """right / wrong / missing per field (a value where the gold has none is wrong)."""
    from vnadmin_nlp import parse_file
    from vnadmin_nlp.evaluation.match import lenient, predicted
    from vnadmin_nlp.evaluation.score import outcome

    try:
        values = predicted(parse_file(path))
    except Exception as exc:  # noqa: BLE001 - a failed parse is every field missing, and said
        print(f"{path}: {exc}", file=sys.stderr)
        values = {}
    found = {f: outcome(want.get(f), values.get(f), lenient) for f in FIELDS}
    return {f: "wrong" if v == "spurious" else v for f, v in found.items()}


def _load(gold_dir: Path, gid: str, roots: list[Path]) -> tuple[dict[str, Any], Path]:
    gold = json.loads((gold_dir / f"{gid}.json").read_text(encoding="utf-8"))
    if gold.get("split", "dev") != "dev":
        sys.exit(f"{gid}: not a dev document")
    name = gold["file"].split(":", 1)[-1]
    for root in roots:
        for candidate in (root / name, root / Path(name).name):
            if candidate.exists():
                return gold, candidate
    sys.exit(f"{gid}: {name} not found under {', '.join(map(str, roots))}")


def table(rows: list[dict[str, Any]], fields: tuple[str, ...] = FIELDS, label: str = "condition", width: int = 10) -> str:
    """One line per condition (or variant: ocr_text_variants.py): right/wrong/missing per field."""
    out = [f"{label:<{width}} {'n':>2}  " + "  ".join(f"{f[:9]:>9}" for f in fields)]
    for name in dict.fromkeys(r["variant"] for r in rows):
        mine = [r for r in rows if r["variant"] == name]
        cells = []
        for f in fields:
            c = Counter(r[f] for r in mine)
            cells.append(f"{c['right']:>3}/{c['wrong']}/{c['missing']:<3}")
        out.append(f"{name:<{width}} {len(mine):>2}  " + "  ".join(f"{x:>9}" for x in cells))
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, action="append", required=True, help="where the gold's files are (repeatable)")
    ap.add_argument("--only", action="append", required=True, help="gold ids (dev split only)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variants", default="scan", help="comma-separated condition names, or `scan` (the image conditions) or `sig` (the signature-block ones)")
    ap.add_argument("--pages", choices=("all", "ends"), default="all")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from concurrent.futures import ProcessPoolExecutor
    from vnadmin_nlp.evaluation.match import gold_values
    from signature_conditions import signature_conditions

    jobs = []
    for gid in args.only:
        gold, source = _load(args.gold, gid, args.corpus)
        want = gold_values(gold["fields"])
        signers = gold["fields"].get("signers") or [{}]
        lines = {k: str(signers[0].get(k) or "") for k in ("position", "name")}
        names = [n for n in args.variants.split(",") if n]
        if args.variants in ("sig", "scan"):
            names = [n for n in _variants() if (n in signature_conditions()) == (args.variants == "sig")]
        for name in names:
            path = make(source, name, args.out, args.pages, lines)
            if path is None:
                print(f"{gid}: {name} not made (the signer's lines are not in a text layer)", file=sys.stderr)
                continue
            jobs.append((gid, name, want, path))
    rows = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [(gid, name, pool.submit(_verdicts, want, path)) for gid, name, want, path in jobs]
        for gid, name, future in futures:
            row = {"id": gid, "variant": name, **future.result()}
            rows.append(row)
            print(gid, name, " ".join(f"{f}={row[f]}" for f in FIELDS), flush=True)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
