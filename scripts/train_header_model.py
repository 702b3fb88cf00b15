#!/usr/bin/env python3
"""Train the header model (a CRF line tagger, ``vnadmin_nlp/header_model``) from the development set's gold.

    python scripts/train_header_model.py                 # -> vnadmin_nlp/data/header_model.crfsuite (+ .json)
                                                           #    (models/ links to both)
    python scripts/train_header_model.py -o /tmp/m.crfsuite -j 2
    python scripts/train_header_model.py --dump /tmp/train.jsonl   # also write the labelled sequences

Weak labels: each gold document's values (number, date, type, issuer, parent, trích yếu, signers…) are matched,
folded, to the units of its header and closing windows (``header_model/weak_labels.py``); a window whose values
cannot all be found is left out.  Only documents of the ``dev`` split are used (a gold file's ``split``; the
corpus gold, which has none, by the devset's rule on its id): the test split is never trained on.

Deterministic: the documents are read in the order of their ids, scans are not OCR'd (``VNADMIN_OCR=off``) and
formats that need an outside tool (.doc) are left out, the CRF's training has nothing random; the same repository
and ``../shared`` give the same file, byte for byte (tests/test_header_model.py checks it, marked slow).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["VNADMIN_OCR"] = "off"  # before the readers load: a scan gives no text, so no tesseract version shows

from vnadmin_nlp.evaluation.gold import default_shared_dir, split_of  # noqa: E402
from vnadmin_nlp.header_model import FEATURES_VERSION  # noqa: E402
from vnadmin_nlp.header_model.crf import DEFAULT_PATH, PARAMS, train  # noqa: E402

SKIP_SUFFIXES = {".doc"}  # read through antiword or LibreOffice: the text would depend on the tools installed


def _vbpl_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "devset.py"), "unpack"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip().splitlines()
    return Path(out[-1]) if out else ROOT / "build" / "devset" / "vbpl"


def documents(vbpl: Path, lamdong: Path, shared: Path) -> list[dict[str, Any]]:
    """The dev documents to learn from, in a fixed order: (source, id, path, fields)."""
    out = []
    for source, folder, base in (
        ("vbpl", ROOT / "fixtures" / "gold" / "devset" / "vbpl", vbpl),
        ("lamdong", ROOT / "fixtures" / "gold" / "devset" / "lamdong", lamdong),
        ("corpus", ROOT / "fixtures" / "gold", shared),
    ):
        for f in sorted(folder.glob("*.json")):
            g = json.loads(f.read_text(encoding="utf-8"))
            if (g.get("split") or split_of(g["id"])) != "dev":
                continue
            if source == "lamdong" and g.get("layer") != "text":
                continue  # scans: no text without OCR
            ref = g["file"]
            path = shared / ref.split(":", 1)[1] if ref.startswith("shared:") else base / ref
            if path.suffix.lower() in SKIP_SUFFIXES:
                continue
            out.append({"source": source, "id": g["id"], "path": str(path), "fields": g["fields"]})
    return out


def sequences_of(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The labelled windows of one document (none when it cannot be read or its labels are incomplete)."""
    from vnadmin_nlp.header_model.analysis import analyse_file
    from vnadmin_nlp.header_model.features import sequence_features
    from vnadmin_nlp.header_model.weak_labels import closing_labels, header_labels

    try:
        a = analyse_file(doc["path"])
    except Exception as exc:  # an unreadable file is left out, and said so
        return [{"id": doc["id"], "error": f"{type(exc).__name__}: {exc}"}]
    out = []
    for zone, window, labels in (
        ("header", a.header, header_labels(a.page, a.header, doc["fields"])),
        ("closing", a.closing, closing_labels(a.page, a.closing, doc["fields"])),
    ):
        if window and labels is not None:
            out.append({"id": doc["id"], "source": doc["source"], "zone": zone, "x": sequence_features(a.page, window), "y": labels})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--vbpl", help="the unpacked vbpl pages (default: scripts/devset.py unpack)")
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default ../shared)")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--dump", type=Path, help="also write the labelled sequences here (JSON lines)")
    args = ap.parse_args(argv)
    shared = args.shared or default_shared_dir()
    docs = documents(_vbpl_dir(args.vbpl), shared / "devset" / "lamdong", shared)
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(sequences_of, docs, chunksize=4))
    else:
        results = [sequences_of(d) for d in docs]
    seqs = [s for r in results for s in r if "error" not in s]
    errors = [s for r in results for s in r if "error" in s]
    for e in errors:
        print(f"left out {e['id']}: {e['error']}", file=sys.stderr)
    train(((s["x"], s["y"]) for s in seqs), args.out)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    labels = Counter(y for s in seqs for y in s["y"])
    manifest = {
        "model": args.out.name,
        "sha256": digest,
        "bytes": args.out.stat().st_size,
        "features_version": FEATURES_VERSION,
        "params": PARAMS,
        "documents": {src: len({s["id"] for s in seqs if s["source"] == src}) for src in ("vbpl", "lamdong", "corpus")},
        "documents_read": len(docs),
        "windows": dict(sorted(Counter(s["zone"] for s in seqs).items())),
        "units_per_label": dict(sorted(labels.items())),
    }
    args.out.with_suffix(".json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for s in seqs:
                f.write(json.dumps(s, ensure_ascii=False) + "\n")
    print(f"{args.out}: {manifest['bytes']} bytes, sha256 {digest}; {len(seqs)} windows of {len(docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
