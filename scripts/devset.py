"""The development set of ``../shared/devset`` (see its README): unpack the vbpl.vn pages where eval can read them.

    python scripts/devset.py unpack [DIR]     # DIR default build/devset; prints DIR/vbpl
    python scripts/devset.py paths            # where the vbpl pages, the Lâm Đồng PDFs and the gold are

Then, for instance:

    vnadmin-nlp eval --gold fixtures/gold/devset -r --corpus "$(python scripts/devset.py unpack)" \\
        --corpus ../shared/devset/lamdong --split dev --mismatches --json dev.json

The archive is unpacked once: a second run finds every page of ``vbpl_index.jsonl`` in place (with the same
size) and does nothing (``--force`` unpacks again, ``--verify`` also checks every page's sha256).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnadmin_nlp.evaluation import default_shared_dir  # noqa: E402

DEFAULT_DIR = ROOT / "build" / "devset"


def _index(devset: Path) -> list[dict]:
    path = devset / "vbpl_index.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _complete(dest: Path, index: list[dict], verify: bool) -> list[str]:
    """The pages of the index missing (or different) under ``dest``; [] when all are there."""
    bad = []
    for entry in index:
        p = dest / entry["path"]
        if not p.is_file() or ("bytes" in entry and p.stat().st_size != entry["bytes"]):
            bad.append(entry["path"])
        elif verify and hashlib.sha256(p.read_bytes()).hexdigest() != entry.get("sha256"):
            bad.append(entry["path"])
    return bad


def unpack(dest: Path, devset: Path, force: bool = False, verify: bool = False) -> Path:
    archive = devset / "vbpl.tar.xz"
    if not archive.is_file():
        raise SystemExit(f"no {archive} (set VNADMIN_SHARED to the shared folder)")
    index = _index(devset)
    out = dest / "vbpl"
    if not force and index and out.is_dir() and not _complete(dest, index, verify):
        return out
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:xz") as tar:
        try:
            tar.extractall(dest, filter="data")
        except TypeError:  # Python without extraction filters
            tar.extractall(dest)
    bad = _complete(dest, index, verify)
    if bad:
        raise SystemExit(f"unpacked into {dest}, but {len(bad)} pages of the index are missing or differ: {bad[:5]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    up = sub.add_parser("unpack", help="Unpack vbpl.tar.xz into DIR (default build/devset); print DIR/vbpl.")
    up.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    up.add_argument("--force", action="store_true", help="Unpack even if every page is there.")
    up.add_argument("--verify", action="store_true", help="Check every page's sha256 against vbpl_index.jsonl.")
    sub.add_parser("paths", help="Print the devset's folders.")
    args = ap.parse_args(argv)
    devset = default_shared_dir() / "devset"
    if args.cmd == "unpack":
        print(unpack(args.dir, devset, args.force, args.verify))
    else:
        print(f"vbpl pages:    {DEFAULT_DIR / 'vbpl'}{'' if (DEFAULT_DIR / 'vbpl').is_dir() else ' (not unpacked: scripts/devset.py unpack)'}")
        print(f"lamdong PDFs:  {devset / 'lamdong'}")
        print(f"gold:          {ROOT / 'fixtures' / 'gold' / 'devset'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
