"""Issue 17's second bar over whole folders: no issuer name (parent and joint issuers too) holds the Quốc hiệu or
the motto.  The test suite checks the corpus and the committed variant slice (tests/national_name.py); this
script runs the same check over the development set and all its variants, which are not in git.

    python scripts/national_in_issuers.py build/variants build/devset/vbpl ../shared/devset/lamdong -j 2
"""
from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from national_name import national_in_issuer  # noqa: E402

from vnadmin_nlp import parse_file  # noqa: E402


def _one(path: str) -> tuple[str, list[str] | None, str | None]:
    try:
        doc = parse_file(path, limits=None)
    except Exception as exc:  # a file that cannot be read is reported, not a hit
        return path, None, f"{type(exc).__name__}: {exc}"
    return path, national_in_issuer(doc), None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    files = sorted(str(p) for folder in args.folders for p in folder.rglob("*") if p.is_file())
    bad = errors = 0
    with ProcessPoolExecutor(args.jobs) as pool:
        for path, hits, error in pool.map(_one, files, chunksize=8):
            if error:
                errors += 1
                print(f"not read: {path}: {error}")
            elif hits:
                bad += 1
                print(f"Quốc hiệu in an issuer: {path}: {hits}")
    print(f"checked {len(files)} files: {bad} with the Quốc hiệu or motto in an issuer, {errors} not read")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
