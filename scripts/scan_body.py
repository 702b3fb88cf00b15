"""Tasks, deadlines and citations read from scans of documents whose text we know (issues 12 and 13).

The held-out body gold is mostly in scanned or stamp-only PDFs, read by OCR, while the development split's task
documents are mostly text-layer PDFs: the rules are measured on clean text and judged on OCR'd text.  This script
closes the gap with documents we may read: every development-split Lâm Đồng PDF with a text layer and a body gold
is rendered page by page as an image-only PDF (``scan_variants.make``, any of the scan conditions), so the parser
must OCR it, and the body eval scores both readings against the same gold.  The difference is what OCR noise in
the body costs (tone marks on trigger words and names, lists broken by a misread mark, digits of numbers).

    .venv/bin/python scripts/scan_body.py --out /tmp/scan_body            # the `orig` condition (a clean scan)
    .venv/bin/python scripts/scan_body.py --out /tmp/scan_body --variants orig,photo
    .venv/bin/python scripts/scan_body.py --out /tmp/scan_corpus --set corpus --variants orig,jpeg150,skew+1
    .venv/bin/python scripts/scan_body.py --out /tmp/scans --set scans    # the dev documents that are scans already

Sets (``--set``, :mod:`scan_sets`): ``lamdong`` (the default: the ten Lâm Đồng PDFs above), ``corpus`` (the
development corpus and seed documents of the kinds the held-out split has, DOCX/DOC/RTF/TXT printed to PDF by
LibreOffice, text-layer PDFs as they are; documents over ``--max-pages`` left out and listed), ``scans`` (the
development documents that are already scans, the parser OCRs them: their scores as they are, nothing rendered).

It prints ``scripts/compare_eval.py``'s table (text layer → scan) per condition.  OCR goes through tesseract (or
the development cache, ``VNADMIN_TESSERACT=scripts/tesseract_cache.sh``); a first run of ten documents, 29 pages,
takes about a minute on two cores.  Development split only.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
from vnadmin_nlp.evaluation.gold import default_shared_dir  # noqa: E402  (VNADMIN_SHARED, else ../shared)

LAMDONG = default_shared_dir() / "devset" / "lamdong"
BODY = ROOT / "fixtures" / "gold" / "body"


def documents(lamdong: Path = LAMDONG) -> list[str]:
    """The development split's Lâm Đồng PDFs with a text layer and a body gold that lists tasks or deadlines."""
    layers = {row["id"]: row["layer"] for row in map(json.loads, (lamdong / "index.jsonl").read_text().splitlines())}
    out = []
    for path in sorted(BODY.glob("ld_*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["split"] == "dev" and layers.get(gold["id"]) == "text" and (gold.get("tasks") or gold.get("deadlines")):
            out.append(gold["id"])
    return out


def _eval(ids: list[str], corpus: Path, out: Path) -> None:
    only = [a for i in ids for a in ("--only", i)]
    subprocess.run([sys.executable, "-m", "vnadmin_nlp", "eval", "-q", "-j", "2", "--body", "--split", "dev", *only,
                    "--corpus", str(corpus), "--json", str(out)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="where the image-only PDFs and eval JSON go")
    ap.add_argument("--variants", default="orig", help="comma-separated scan conditions (scan_conditions.py)")
    ap.add_argument("--set", dest="which", choices=("lamdong", "corpus", "scans"), default="lamdong",
                    help="which documents (lamdong: the old default)")
    ap.add_argument("--max-pages", type=int, default=12, help="with --set corpus: longer documents are left out")
    ap.add_argument("--lamdong", type=Path, default=LAMDONG)
    args = ap.parse_args()
    import scan_variants

    args.out.mkdir(parents=True, exist_ok=True)
    if args.which != "lamdong":
        import scan_sets

        scan_sets.run(args.which, args.out, args.variants.split(","), args.max_pages)
        return
    ids = documents(args.lamdong)
    text_json = args.out / "text.json"
    _eval(ids, args.lamdong, text_json)
    for name in args.variants.split(","):
        for i in ids:
            scan_variants.make(args.lamdong / f"{i}.pdf", name, args.out)
        scan_json = args.out / f"{name}.json"
        _eval(ids, args.out / name, scan_json)
        print(f"## {name}: {len(ids)} documents, text layer → scan")
        subprocess.run([sys.executable, str(ROOT / "scripts" / "compare_eval.py"), str(text_json), str(scan_json)],
                       check=True)


if __name__ == "__main__":
    main()
