"""Rewrite docs/accuracy.md from measurements: `vnadmin-nlp eval` on fixtures/gold and on the development set's
gold (fixtures/gold/devset: the vbpl.vn pages, unpacked by scripts/devset.py, and the Lâm Đồng PDFs), and the
legacy-encoding character accuracy (benchmarks/legacy_accuracy.py).  Run after any change to extraction or the
readers (the development set takes a few minutes: every scan is OCR'd):

    .venv/bin/python scripts/update_accuracy.py [--no-devset] [-j N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnadmin_nlp import __version__  # noqa: E402
from vnadmin_nlp.evaluation import default_shared_dir, evaluate  # noqa: E402
from vnadmin_nlp.evaluation.report import Report  # noqa: E402
from vnadmin_nlp.evaluation.tables import legacy_markdown, render  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import devset  # noqa: E402

INTRO = """# Accuracy

Measured, not assumed. Regenerate with `.venv/bin/python scripts/update_accuracy.py` (it runs `vnadmin-nlp eval`
and `benchmarks/legacy_accuracy.py`); this file is its output. vnadmin-nlp {version}, {date}, Python {python}.

## Field-level scores on the gold set

The gold set is `fixtures/gold/` ({n} documents: the two seeds and real documents of every format from
`../shared/corpus`, annotated by reading them; see its README). Every field a gold file gives is scored: a
value that matches is a true positive, a wrong or unexpected value a false positive, a missing or wrong
expected value a false negative; list fields are compared as multisets. *Strict* compares exactly (NFC,
spaces collapsed); *lenient* also ignores case, tone placement (`hoá`/`hóa`), whitespace and trailing
punctuation. Lenient matters for legacy .doc files read through antiword: text typed in the capitals font
(.VnTimeH) comes out in lower case, while the gold gives the printed capitals.

`citation_numbers` are the number-bearing citations (issue 4's bar: precision and recall ≥ 0.95); `deadlines`
are the tasks' ISO deadlines (bar ≥ 0.90). Header fields are type, number, issuer, place, date, subject and
signers (bar F1 ≥ 0.95; ≥ 0.80 on scans).

"""

LEGACY = """
## Legacy encodings: character accuracy against Unicode transcripts

`benchmarks/legacy_accuracy.py` reads each TCVN3/VNI corpus file through the project's readers and aligns the
text with a Unicode transcript from the public collection the file comes from (`fixtures/transcripts/`, with
their provenance). Caveat: that collection made its transcripts with its own conversion scripts and then read
them through, so this measures agreement with that process; errors found by eye are corrected in
`fixtures/transcripts/corrections.json`. Bar: ≥ 0.99 character accuracy.

"""

KNOWN = """
## Known gaps

- The two TCVN3 PDFs score below 0.99 against their transcripts for reasons outside the encoding: qd115 prints
  its title in the capitals font (.VnTimeH) and the transcript writes it in lower case (0.999 ignoring case);
  nhnn's transcript interleaves the two header and closing columns the way plain text extraction does, while
  the PDF reader keeps the columns apart (0.975 ignoring case, every difference a moved line). The encoding
  conversion itself is right in both.

- Scans: handwritten numbers and days (several Quảng Ngãi scans) are not read by tesseract; such documents
  carry a `number_unreadable` warning instead of a wrong number.
- Tasks, deadlines and citations per mention are scored on their own gold (`fixtures/gold/body/`, the Body
  section below): task leads and supports and deadlines on the held-out test split are well below the dev split,
  and a PDF's task tables are not read as tables (the layout reader gives lines, not cells; issue 13).
- The gold set is small (about two dozen documents); figures move by several points when one document changes.
- Development set: scans and damaged text layers (Lâm Đồng `layer` none / stamp_only / garbage, all OCR'd by
  default now) are far below the text documents (see "Header accuracy by subset" in the Lâm Đồng section): a
  number or day filled in by hand mostly comes out null with `number_unreadable` / `date_unreadable`; tone-only
  OCR errors in valid syllables (`phô`, `vôn`) are still wrong values (issue 12).
- Converted copies (Markdown from html2text or markdownify, text dumps, PDF printed by LibreOffice, `pdftotext
  -layout`) agree with the original in ≥ 0.97 of documents on every field, most ≥ 0.986; see
  `accuracy-variants.md` (issue 17).
"""


DEVSET = """
# The development set

`fixtures/gold/devset/` (format in its README): gold for every document of `../shared/devset`, built for
issue 11 — the vbpl.vn pages from the site's title line and attribute table by `scripts/devset_gold_vbpl.py`
(not the parser), every disagreement with the parser read and given a verdict; the Lâm Đồng PDFs read by people
from the rendered pages. Each document is in a fixed `dev` split or the held-out `test` split (a quarter, by a
hash of its id; rules are written from dev documents only). Accuracy per document and field: `right`, `wrong`
(a value that is not the gold's), `missing` (null where the gold has a value) and `spurious` counted apart —
a wrong value is worse than a null. Scans and damaged text layers (`layer` none / stamp_only / garbage, and
`ocr=yes`) are issue 12's. Copies of the vbpl pages made by other tools (Markdown converters, text
dumps, DOCX, PDF) are measured by `eval --variants`: [`accuracy-variants.md`](accuracy-variants.md).
"""


TARGET_FIELDS = (("number", 0.97), ("doc_type", 0.97), ("issuer", 0.97), ("date", 0.97), ("signer_name", 0.97), ("subject", 0.95))


def targets_table(reports: list[Report]) -> str:
    """Issue 11's bars on the documents with a readable text (the vbpl pages and the text-layer PDFs; scans and
    damaged layers are issue 12's): accuracy per field and split, wrong and missing apart, lenient matching."""
    docs = [d for r in reports for d in r.docs if d.tags.get("layer") in (None, "text")]
    lines = [
        "\n## Targets of issue 11: vbpl pages and text-layer PDFs\n",
        f"{len(docs)} documents (every vbpl page, and the Lâm Đồng PDFs whose page-1 layer is `text`). Bars: each"
        " field ≥ 0.97 (subject ≥ 0.95); wrong values ≤ 1% for number and date. Lenient matching.\n",
        "| field | split | n | right | wrong | missing | spurious | accuracy | wrong share | bar |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for field, bar in TARGET_FIELDS:
        for split in ("dev", "test", "all"):
            part = [d for d in docs if split == "all" or d.split == split]
            t = reports[0].tallies(part).get(field, {}).get("lenient")
            if t is None or not t.n:
                continue
            lines.append(
                f"| {field} | {split} | {t.n} | {t.right} | {t.wrong} | {t.missing} | {t.spurious} | "
                f"{t.right / t.n:.3f} | {t.wrong / t.n:.1%} | {bar:.2f} |"
            )
    return "\n".join(lines) + "\n"


def devset_sections(shared: Path, jobs: int) -> str:
    out = [DEVSET]
    sets = [
        ("vbpl.vn pages", ROOT / "fixtures" / "gold" / "devset" / "vbpl", devset.unpack(devset.DEFAULT_DIR, shared / "devset")),
        ("Lâm Đồng PDFs", ROOT / "fixtures" / "gold" / "devset" / "lamdong", shared / "devset" / "lamdong"),
    ]
    reports = []
    for title, gold, corpus in sets:
        report = evaluate(gold, shared, corpus=[corpus], jobs=jobs)
        reports.append(report)
        body = render(report, markdown=True).replace("\n## ", "\n### ").replace("\n# ", "\n## ")
        out.append(f"\n## {title}\n\n{body.strip()}\n")
    out.insert(1, targets_table(reports))
    return "".join(out)


BODY = """
# Body: tasks, deadlines and citations per mention (issue 13)

Gold written by reading (`fixtures/gold/body/`, format and decisions in its README), scored by
`vnadmin-nlp eval --body --corpus <vbpl pages> --corpus ../shared/devset/lamdong --split dev|test --markdown`.
Deadlines and citations are matched in reading order; precision counts only the lists a gold file marks complete.
"""


def body_sections(shared: Path, jobs: int) -> str:
    """The body eval's own tables, per split (the CLI renders them; this only runs it)."""
    vbpl = devset.unpack(devset.DEFAULT_DIR, shared / "devset")
    out = [BODY]
    for split in ("dev", "test"):
        run = subprocess.run(
            [sys.executable, "-m", "vnadmin_nlp", "eval", "--body", "--split", split, "--markdown", "-q", "-j", str(jobs),
             "--shared", str(shared), "--corpus", str(vbpl), "--corpus", str(shared / "devset" / "lamdong")],
            capture_output=True, text=True, check=True, cwd=ROOT,
        ).stdout
        body = run.replace("\n## ", "\n### ").replace("\n# ", "\n### ")
        out.append(f"\n## Split {split}\n\n{body.strip()}\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-devset", action="store_true", help="only the fixtures gold and the legacy benchmark")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    report = evaluate(ROOT / "fixtures" / "gold", default_shared_dir(), jobs=args.jobs)
    legacy = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "legacy_accuracy.py")], capture_output=True, text=True, check=True
    ).stdout
    text = (
        INTRO.format(version=__version__, date=dt.date.today().isoformat(), python=platform.python_version(), n=len(report.docs))
        + legacy_markdown(report)
        + LEGACY
        + legacy.strip()
        + "\n"
        + KNOWN
        + ("" if args.no_devset else devset_sections(default_shared_dir(), args.jobs))
        + ("" if args.no_devset else body_sections(default_shared_dir(), args.jobs))
    )
    out = ROOT / "docs" / "accuracy.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
