"""Rewrite docs/accuracy.md from measurements: `vnadmin-nlp eval` on fixtures/gold and on the development set's
gold (fixtures/gold/devset: the vbpl.vn pages, unpacked by scripts/devset.py, and the Lâm Đồng PDFs), and the
legacy-encoding character accuracy (benchmarks/legacy_accuracy.py).  Run after any change to extraction or the
readers (the development set takes a few minutes: every scan is OCR'd):

    .venv/bin/python scripts/update_accuracy.py [--no-devset] [-j N]
    .venv/bin/python scripts/update_accuracy.py --issue12 LD.json GOLD.json   # only issue 12's table, from eval --json runs
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
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
import signing_dates  # noqa: E402

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
  section below): task leads and supports and deadlines on the held-out test split are well below the dev split.
  A text-layer PDF's ruled task tables are read as cells (readers/pdf/table_cells.py: merged cells, tables over
  pages with or without a repeated header, a row the page break cuts); a scanned (OCR'd) page's tables are read
  as cells too: a ruled grid by its rulings found in the image (readers/ocr_rulings.py), a table printed with its
  row rules only or with no ruling by the OCR'd words' positions (readers/pdf/aligned_tables.py; session 23).
  `scripts/task_variants.py --tables --scan` scores generated task tables scanned under five conditions (clean,
  JPEG 150 dpi, 1° skew, phone photo, faint toner; 30 scans of one heading): of 405 rows, tasks 98 → 225, leads
  113 → 268 of 555, supports 120 → 261 of 585, deadlines attached 84 → 196 (the scans with row rules only or no
  ruling gave no table task before; a ruled grid's leads 28 → 33 of 37 on a clean scan); a phone photo's perspective
  still breaks most tables, and an unruled scan keeps about a third of its rows. ld_035's 858 cells read from a
  clean scan agree with its text layer's in 795 (`scripts/scan_cells.py`; skew 1°: 766; at JPEG 150 dpi a table
  splits in two and 142 agree in place). Most of the held-out body gold is in OCR'd PDFs (two kế hoạch, two chỉ
  thị, a thông báo kết luận: about 80 of its 120 tasks), while the dev split's task documents are mostly text
  layers. `scripts/scan_body.py` scans the ten dev text-layer Lâm Đồng PDFs with a body gold (image-only, read by
  OCR) and scores both readings on the same gold (text layer: tasks 38 of 44, task leads 44 of 51 with 2 false,
  citation numbers 44 of 44). Session 21, scans `orig` / `jpeg150` / `skew+1`: tasks 36 / 33 / 16, leads 38 (16
  false) / 32 / 18, citation numbers 39 (3 false) / 40 / 41; session 22 (misread part and item numbers, tone-lost
  part titles and task words, OCR'd citation numbers mended or left null): tasks 38 / 37 / 38, leads 44 (2 false)
  / 43 (3 false) / 44 (2 false), task deadlines 9 / 9 / 9 of 11, citation numbers 41 / 43 / 42 with none false.
  The held-out split's task leads moved (F1 .590 → .660 in session 22); its tasks and supports did not. Session
  23 (task forms and OCR'd times, quarters and supports; main 79390fb): tasks 41 / 39 / 41 of 44, leads 47 (1 false)
  / 45 (4 false) / 47 (1 false), task deadlines 9 / 9 / 9, the text layer's tasks 41 and leads 47 (1 false); the
  held-out leads F1 .667, its tasks (79 of 120) and supports (23 of 50) unchanged.
- The gold set is small (about two dozen documents); figures move by several points when one document changes.
- Development set: scans and damaged text layers (Lâm Đồng `layer` none / stamp_only / garbage, all OCR'd by
  default now) are far below the text documents (see "Header accuracy by subset" in the Lâm Đồng section): a
  number or day filled in by hand mostly comes out null with `number_unreadable` / `date_unreadable`; tone-only
  OCR errors in valid syllables of a trích yếu are doubted where the body reads the same words otherwise (`tô
  chức` / `tổ chức`), but not where it does not (`vôn NSTW`: still a wrong value; issue 12).
- Converted copies (Markdown from html2text, markdownify or pandoc, lynx and w3m dumps, DOCX, PDF printed by
  LibreOffice, `pdftotext -layout`): see "Converted copies" below and `accuracy-variants.md` (issue 17; the
  variants' test split was read in session 12).
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


ISSUE12_FIELDS = ("doc_type", "number", "issuer", "date", "signer_name", "place", "subject")
HAND_FIELDS = ("number", "date")  # split by the gold's hand_filled: printed values apart from those written by hand
ISSUE12_BEGIN, ISSUE12_END = "<!-- BEGIN issue12 -->", "<!-- END issue12 -->"
Record = tuple[str, str | None, dict[str, str], frozenset[str]]  # (text kind, split, field -> lenient outcome, hand-filled fields)


def _kind(layer: str | None, ocr: bool | None) -> str:
    """Which text a document's fields came from: its text layer, OCR of a scan (no layer, or only a signature
    stamp's), or OCR of a damaged layer (garbage) read again."""
    if layer == "garbage":
        return "re-OCR'd damaged layer" if ocr else "damaged layer kept"
    if layer in ("none", "stamp_only"):
        return "OCR (scan)"
    if layer == "text" or not ocr:
        return "text layer"
    return "OCR (scan)"


def _hand(tag: str | None) -> frozenset[str]:
    """The gold's ``hand_filled`` fields (a person wrote the value into the printed blank)."""
    return frozenset(f for f in (tag or "").split(",") if f)


def issue12_records(reports: list[Report]) -> list[Record]:
    """The Lâm Đồng PDFs and the PDFs of the gold set, as issue 12's table counts them."""
    out = []
    for report in reports:
        for d in report.docs:
            if d.source_format != "pdf" and "layer" not in d.tags:
                continue
            out.append((_kind(d.tags.get("layer"), d.ocr), d.split or "corpus",
                        {f: by.get("lenient", "") for f, by in d.outcomes.items()}, _hand(d.tags.get("hand_filled"))))
    return out


def issue12_records_json(paths: list[Path]) -> list[Record]:
    """The same, from ``vnadmin-nlp eval --json`` files."""
    out = []
    for path in paths:
        for d in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            if d.get("format") != "pdf" and not d.get("layer"):
                continue
            out.append((_kind(d.get("layer"), d.get("ocr")), d.get("split") or "corpus",
                        {f: o.get("lenient", "") for f, o in d.get("outcomes", {}).items()}, _hand(d.get("hand_filled"))))
    return out


def field_rows(records: list[Record]) -> list[str]:
    """The table's rows: per field, kind of text (number and date also printed / hand-filled) and set."""
    kinds = ("text layer", "OCR (scan)", "re-OCR'd damaged layer", "damaged layer kept")
    sets = ("dev", "test", "corpus")
    lines = [
        "| field | text | set | n | right | wrong | missing | accuracy | wrong share |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for field in ISSUE12_FIELDS:
        for kind in kinds:
            for hand in ((False, True) if field in HAND_FIELDS else (None,)):
                for split in sets:
                    outs = [o[field] for k, sp, o, hf in records
                            if k == kind and sp == split and o.get(field) and (hand is None or (field in hf) == hand)]
                    n = len(outs)
                    if not n:
                        continue
                    right, wrong, missing = (sum(1 for o in outs if o == x) for x in ("right", "wrong", "missing"))
                    wrong += sum(1 for o in outs if o == "spurious")
                    text = kind if hand is None else f"{kind}, {'hand-filled' if hand else 'printed'}"
                    lines.append(f"| {field} | {text} | {split} | {n} | {right} | {wrong} | {missing} | {right / n:.3f} | {wrong / n:.1%} |")
    return lines


def issue12_table(records: list[Record]) -> str:
    """Issue 12's figures: per field and kind of text (text layer / OCR of a scan / re-OCR'd damaged layer) and
    set (Lâm Đồng dev and test, the corpus PDFs of the gold set), right / wrong / missing of n, lenient."""
    lines = [
        ISSUE12_BEGIN,
        "\n## Issue 12: scans and damaged text layers\n",
        "PDFs only: the Lâm Đồng set (dev and test splits, by the gold's `layer`) and the PDFs of the gold set"
        " (`corpus`: `ocr` as the reader reported it). Wrong counts a value where the gold has none too. Lenient"
        " matching. Bars of issue 12 on scans and damaged layers: each field ≥ 0.85, wrong values ≤ 2% for number"
        " and date. Number and date are split by the gold's `hand_filled` (the value a person wrote into the printed"
        " blank, read by the annotator; the issue asks for null with `number_unreadable` / `date_unreadable` there,"
        " never a wrong value): `missing` on a hand-filled row is that null, `wrong` a value read wrong.\n",
        *field_rows(records),
        "\n### The signing day against the printed date\n",
        "Signed PDFs whose gold gives a full date: the first digital signature's day minus the printed day"
        " (`scripts/signing_dates.py`). The signing day is never before the printed date, but the Quảng Ngãi PDFs are"
        " signed when published, often a day later: the signing day stands in for an unreadable date line only with"
        " `VNADMIN_OCR_SIGNING_DATE=on` (`date_from_signature`; off by default, so the eval above does not count it)."
        " Measured with it on (session 15), where it applies: Lâm Đồng dev 3 dates right, 0 wrong; corpus 3 right, 6"
        " wrong (a day or four late).\n",
        signing_dates.table(signing_dates.measure()),
    ]
    lines.append(ISSUE12_END)
    return "\n".join(lines) + "\n"


def put_issue12(doc: Path, table: str) -> None:
    """Replace issue 12's block in ``doc`` (or add it before the Known gaps)."""
    text = doc.read_text(encoding="utf-8")
    block = re.compile(re.escape(ISSUE12_BEGIN) + ".*?" + re.escape(ISSUE12_END) + "\n?", re.S)
    if block.search(text):
        text = block.sub(lambda _m: table, text, count=1)
    else:
        text = text.replace("\n## Known gaps", "\n" + table + "\n## Known gaps", 1)
    doc.write_text(text, encoding="utf-8")


def devset_sections(shared: Path, jobs: int) -> tuple[str, list[Report]]:
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
    return "".join(out), reports


def variant_sections() -> str:
    """Issue 17's whole-set tables, as `accuracy-variants.md` holds them (written from `eval --variants`, which
    takes ~40 minutes of conversions to prepare; this only copies its tables so both pages agree)."""
    src = ROOT / "docs" / "accuracy-variants.md"
    if not src.exists():
        return ""
    text = src.read_text(encoding="utf-8")
    measured = re.search(r"^Measured on [^(]*\([^)]*\)", text, re.M)
    tables = re.findall(r"^## (Whole set: .*?)\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    out = ["\n# Converted copies (issue 17)\n\nFrom [`accuracy-variants.md`](accuracy-variants.md) (method, exclusions"
           " and the nulls left are there). " + (measured.group(0).replace("\n", " ") + "." if measured else "") + "\n"]
    out += [f"\n## {title}\n\n{body.strip()}\n" for title, body in tables]
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
    ap.add_argument("--issue12", nargs="+", type=Path, metavar="EVAL_JSON",
                    help="only rewrite issue 12's table, from these `eval --json` files (Lâm Đồng, gold set)")
    args = ap.parse_args(argv)
    out = ROOT / "docs" / "accuracy.md"
    if args.issue12:
        put_issue12(out, issue12_table(issue12_records_json(args.issue12)))
        print(f"wrote issue 12's table in {out}")
        return 0
    report = evaluate(ROOT / "fixtures" / "gold", default_shared_dir(), jobs=args.jobs)
    devset_text, devset_reports = ("", []) if args.no_devset else devset_sections(default_shared_dir(), args.jobs)
    legacy = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "legacy_accuracy.py")], capture_output=True, text=True, check=True
    ).stdout
    text = (
        INTRO.format(version=__version__, date=dt.date.today().isoformat(), python=platform.python_version(), n=len(report.docs))
        + legacy_markdown(report)
        + LEGACY
        + legacy.strip()
        + "\n"
        + ("" if args.no_devset else "\n" + issue12_table(issue12_records([report, *devset_reports[1:]])))
        + KNOWN
        + devset_text
        + variant_sections()
        + ("" if args.no_devset else body_sections(default_shared_dir(), args.jobs))
    )
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
