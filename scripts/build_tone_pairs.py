"""Build ``vnadmin_nlp/data/tone_pairs.json``: the word pairs (two adjacent syllables) of clean text-layer
documents that have a tone variant, for the tone check of OCR'd header text (:mod:`vnadmin_nlp.lexicon.tone_pairs`).

Tesseract reads some syllables with the wrong tone at high confidence (``Tô chức`` for ``Tổ chức``); each syllable
is valid, only the pair is not a pair of the language.  The table is the pairs seen at least :data:`MIN_COUNT`
times in the text-layer documents of ``../shared/corpus`` and the dev-split vbpl pages (the split is read from
``fixtures/gold/devset/vbpl/*.json``; test-split pages are never read; a copy typed without marks is left out).
Pairs seen once are left out (half the pairs: names, numbers' words); a pair the table lacks is "unknown", so
the check that uses it asks more of a variant (:data:`vnadmin_nlp.extractors.ocr_tone.MIN_VARIANT`).

    python scripts/build_tone_pairs.py [--check]

``--check`` rebuilds the table in memory and fails when the committed file differs (tests/test_tone_pairs.py).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnadmin_nlp.lexicon.tone_pairs import OUT, count_pairs  # noqa: E402

MIN_COUNT = 2
MIN_MARKED = 0.3  # Vietnamese text: over half its words carry a mark; a text under this share lost them
CORPUS = ROOT.parent / "shared" / "corpus"
VBPL_GOLD = ROOT / "fixtures" / "gold" / "devset" / "vbpl"
VBPL_PAGES = ROOT / "build" / "devset" / "vbpl"


def sources() -> list[Path]:
    """The corpus files and the dev-split vbpl pages, sorted (a missing folder gives none of its files)."""
    files = sorted(p for p in CORPUS.glob("*") if p.is_file()) if CORPUS.is_dir() else []
    for gold in sorted(VBPL_GOLD.glob("*.json")):
        rec = json.loads(gold.read_text(encoding="utf-8"))
        if rec.get("split") == "dev" and (VBPL_PAGES / rec["file"]).is_file():
            files.append(VBPL_PAGES / rec["file"])
    return files


def clean_text(path: Path) -> str | None:
    """The text of a document read from its text layer, or None (a scan, a file that cannot be read)."""
    from vnadmin_nlp.readers import read_file

    try:
        raw = read_file(path)
    except Exception:  # a file the readers refuse adds nothing
        return None
    if raw.ocr or raw.metadata.get("ocr_words"):
        return None
    text = raw.joined()[0]
    words = text.split()
    marked = sum(1 for w in words if any(ord(c) > 127 and c.isalpha() for c in w))
    return text if words and marked >= MIN_MARKED * len(words) else None  # a copy typed without marks: its pairs
    # would be variants of every marked pair (``ve viec``)


def build() -> dict[str, object]:
    os.environ["VNADMIN_OCR"] = "off"  # scanned pages are left unread: only text layers count
    counts: Counter[tuple[str, str]] = Counter()
    docs = 0
    for path in sources():
        text = clean_text(path)
        if text:
            docs += 1
            counts.update(count_pairs(text))
    pairs = {p: n for p, n in counts.items() if n >= MIN_COUNT}
    return {
        "about": "word pairs of clean text-layer documents (corpus + dev vbpl) seen >= %d times; built by "
                 "scripts/build_tone_pairs.py from %d documents" % (MIN_COUNT, docs),
        "pairs": {f"{a} {b}": n for (a, b), n in sorted(pairs.items())},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="fail when the committed table differs")
    args = ap.parse_args()
    table = build()
    text = json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("tone_pairs.json is in step" if same else "tone_pairs.json differs: run scripts/build_tone_pairs.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(table['pairs'])} pairs -> {OUT}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
