"""Cell agreement of a ruled PDF's tables read from its text layer and from a scan of it (issue 13).

A dev text-layer PDF with ruled tables (``ld_035``: a plan whose tasks are three tables over five pages) is read
twice: from its text layer (:mod:`vnadmin_nlp.readers.pdf.table_cells`, the glyphs set in the ruling grid) and as
an image-only scan under a condition of ``scan_conditions.py`` (its rulings found in the image,
:mod:`vnadmin_nlp.readers.ocr_rulings`, tesseract's words set in the cells).  Each text-layer cell is matched to the
scan's cell at the same (table, row, column) of the tables taken in page order: it agrees when the two texts are
alike (``difflib`` ratio at least ``--ratio`` after lower-casing and dropping spaces: OCR noise allowed, a cell
merged with its neighbour or split off not).  Printed per condition: text cells, cells that agree, scan cells with
no text cell, and the tables each reading found.

    python scripts/scan_cells.py --out /tmp/scan_cells --variants orig,jpeg150,skew+1 [--only ld_035] [--show 5]

Dev documents only.  Use ``VNADMIN_TESSERACT=scripts/tesseract_cache.sh`` (and its cache variable) to re-run
cheaply."""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
from vnadmin_nlp.evaluation.gold import default_shared_dir  # noqa: E402

LAMDONG = default_shared_dir() / "devset" / "lamdong"
Cells = dict[tuple[int, int, int], str]


def cells(path: Path) -> Cells:
    """The document's table cells by (table in reading order, row, column)."""
    from vnadmin_nlp.readers import read_file

    raw = read_file(path)
    order: dict[int, int] = {}
    out: Cells = {}
    for b in raw.blocks:
        if b.kind != "cell" or b.table is None:
            continue
        t = order.setdefault(b.table, len(order))
        key = (t, b.row or 0, b.col or 0)
        out[key] = (out.get(key, "") + " " + b.text).strip()
    return out


def _norm(text: str) -> str:
    return "".join(text.lower().split())


def agree(text: Cells, scan: Cells, ratio: float) -> tuple[int, list[tuple]]:
    """How many text-layer cells the scan reads alike, and the ones it does not (key, text, scan)."""
    ok, bad = 0, []
    for key, t in text.items():
        s = scan.get(key, "")
        if difflib.SequenceMatcher(None, _norm(t), _norm(s), autojunk=False).ratio() >= ratio:
            ok += 1
        else:
            bad.append((key, t, s))
    return ok, bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variants", default="orig,jpeg150,skew+1")
    ap.add_argument("--only", action="append", help="document ids (default: ld_035)")
    ap.add_argument("--ratio", type=float, default=0.8)
    ap.add_argument("--show", type=int, default=0, help="print this many disagreeing cells per condition")
    ap.add_argument("--lamdong", type=Path, default=LAMDONG)
    args = ap.parse_args()
    import scan_variants

    for gid in args.only or ["ld_035"]:
        gold = json.loads((ROOT / "fixtures" / "gold" / "devset" / "lamdong" / f"{gid}.json").read_text(encoding="utf-8"))
        if gold.get("split", "dev") != "dev":
            sys.exit(f"{gid}: not a dev document")
        src = args.lamdong / f"{gid}.pdf"
        text = cells(src)
        print(f"## {gid}: {len(text)} cells in {len({k[0] for k in text})} tables from the text layer")
        for cond in args.variants.split(","):
            scan_pdf = scan_variants.make(src, cond, args.out)
            assert scan_pdf is not None
            scan = cells(scan_pdf)
            ok, bad = agree(text, scan, args.ratio)
            extra = sum(1 for k in scan if k not in text)
            print(f"{cond:10} agree {ok}/{len(text)} ({ok / max(1, len(text)):.0%}); scan cells {len(scan)} in "
                  f"{len({k[0] for k in scan})} tables, {extra} with no text cell")
            for key, t, s in bad[: args.show]:
                print(f"   {key}: text {t[:70]!r}\n   {' ' * len(str(key))}  scan {s[:70]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
