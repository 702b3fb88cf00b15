"""Generated variants of scanned PDFs, to test that a scan mechanism is general (issue 12): each page rendered in
colour and changed the way another scanner or another clerk would change it, saved again as an image-only PDF, read
by the parser and scored against the original's gold (header fields: lenient match).

    python scripts/scan_variants.py --gold fixtures/gold/devset/lamdong --corpus ../shared/devset/lamdong \\
        --only ld_062 --only ld_072 --out /tmp/variants [--variants dpi200,skew+1,skew-1,jpeg,blur,shift]

Variants: ``dpi200`` (rendered at 200 dpi), ``skew+1`` / ``skew-1`` (turned a degree), ``jpeg`` (JPEG quality 40),
``blur`` (Gaussian radius 1.2 at 300 dpi), ``shift`` (the page moved 4 % right and down, its far edges cut).
Use dev documents only.  Prints one row per document and variant, and the counts per field.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIELDS = ("doc_type", "number", "date", "issuer", "subject", "signer_name")


def _variants() -> dict[str, tuple[int, Callable[[Any], Any]]]:
    from PIL import Image, ImageFilter

    def turn(angle: float) -> Callable[[Any], Any]:
        return lambda im: im.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white", expand=False)

    def jpeg(im: Any) -> Any:
        buf = io.BytesIO()
        im.save(buf, format="JPEG", quality=40)
        return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")

    def shift(im: Any) -> Any:
        dx, dy = int(im.width * 0.04), int(im.height * 0.04)
        out = Image.new("RGB", im.size, "white")
        out.paste(im, (dx, dy))
        return out

    return {
        "dpi200": (200, lambda im: im),
        "skew+1": (300, turn(1.0)),
        "skew-1": (300, turn(-1.0)),
        "jpeg": (300, jpeg),
        "blur": (300, lambda im: im.filter(ImageFilter.GaussianBlur(1.2))),
        "shift": (300, shift),
    }


def make(pdf_path: Path, name: str, out: Path) -> Path:
    """One variant of a PDF as an image-only PDF."""
    import pypdfium2 as pdfium

    dpi, change = _variants()[name]
    doc = pdfium.PdfDocument(str(pdf_path))
    pages = [change(doc[k].render(scale=dpi / 72).to_pil().convert("RGB")) for k in range(len(doc))]
    target = out / name / pdf_path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(target, format="PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--only", action="append", required=True, help="gold ids (dev split only)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variants", default=",".join(_variants()))
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from vnadmin_nlp import parse_file
    from vnadmin_nlp.evaluation.match import gold_values, lenient, predicted

    counts: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    rows = []
    for gid in args.only:
        gold = json.loads((args.gold / f"{gid}.json").read_text(encoding="utf-8"))
        if gold.get("split") != "dev":
            sys.exit(f"{gid}: not a dev document")
        want = gold_values(gold["fields"])
        for name in args.variants.split(","):
            path = make(args.corpus / gold["file"], name, args.out)
            values = predicted(parse_file(path))
            row = {"id": gid, "variant": name}
            for f in FIELDS:
                g, p = want.get(f), values.get(f)
                verdict = "right" if g is not None and p is not None and lenient(str(p)) == lenient(str(g)) else (
                    "missing" if p is None and g is not None else "wrong" if p is not None else "none")
                counts[f][verdict] += 1
                row[f] = verdict
            rows.append(row)
            print(gid, name, " ".join(f"{f}={row[f]}" for f in FIELDS), flush=True)
    for f in FIELDS:
        print(f, dict(counts[f]))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "counts": {f: dict(c) for f, c in counts.items()}}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
