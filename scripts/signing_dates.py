"""How far a signed PDF's first digital signature is from its printed date (issue 12's signing-time fallback).

    .venv/bin/python scripts/signing_dates.py          # the markdown table (Lâm Đồng dev split and the corpus PDFs)

For every gold PDF that gives a full date (the Lâm Đồng dev split, the PDFs of fixtures/gold; never the test split)
and whose file carries a digital signature with a time: the first signing day minus the printed day, in days.
Only the signature dictionaries are read (pdfium), not the text: a few seconds.  docs/accuracy.md's issue 12 block
includes the table (scripts/update_accuracy.py); extractors/ocr_signing.py says what was decided from it.
"""
from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnadmin_nlp.evaluation import collect, default_shared_dir  # noqa: E402


def _first_signing_day(path: Path) -> dt.date | None:
    import pypdfium2

    from vnadmin_nlp.readers.pdf.signatures import digital_signatures

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - an unreadable file has no signature to measure
        return None
    try:
        times = sorted(str(s["time"]) for s in digital_signatures(pdf) if isinstance(s.get("time"), str) and len(s["time"]) >= 10)
    finally:
        pdf.close()
    return dt.date.fromisoformat(times[0][:10]) if times else None


def measure(shared: Path | None = None) -> dict[str, Counter[int]]:
    """Set ('Lâm Đồng dev', 'corpus') → Counter of (first signing day − printed day) in days."""
    shared = shared or default_shared_dir()
    sets = {
        "Lâm Đồng dev": collect([ROOT / "fixtures/gold/devset/lamdong"], corpus=[shared / "devset/lamdong"], split="dev").golds,
        "corpus": [g for g in collect([ROOT / "fixtures/gold"], shared_dir=shared).golds if g.path.suffix.lower() == ".pdf"],
    }
    out: dict[str, Counter[int]] = {}
    for name, golds in sets.items():
        counts: Counter[int] = Counter()
        for g in golds:
            date = g.fields.get("date")
            if not isinstance(date, str) or len(date) != 10 or not g.path.exists():
                continue
            signed = _first_signing_day(g.path)
            if signed is not None:
                counts[(signed - dt.date.fromisoformat(date)).days] += 1
        out[name] = counts
    return out


def table(measured: dict[str, Counter[int]]) -> str:
    days = sorted({d for c in measured.values() for d in c})
    lines = [
        "| set | signed PDFs with a printed date | " + " | ".join(f"{d:+d} d" if d else "same day" for d in days) + " |",
        "|---|--:|" + "--:|" * len(days),
    ]
    for name, c in measured.items():
        lines.append(f"| {name} | {sum(c.values())} | " + " | ".join(str(c.get(d, 0)) for d in days) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(measure()), end="")
