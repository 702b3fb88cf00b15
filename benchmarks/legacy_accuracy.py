"""Character and diacritic accuracy of the readers on legacy-encoded (TCVN3/VNI) corpus files.

Each corpus file that has a Unicode transcript in ``fixtures/transcripts/`` (see SOURCES.json there) is read
through the project readers (``vnadmin_nlp.readers.read_file``); the block texts joined by newlines are
compared with the transcript.  Prints a Markdown table for docs/accuracy.md.

Metrics (the definitions of the transcripts' own collection, METRIC.md, re-implemented here):

* both sides NFC, whitespace runs collapsed to one space, nothing else;
* ``char``: characters of the transcript matched by an alignment (words aligned first, then the characters of
  the unmatched stretches), divided by the transcript length;
* ``char (no case)``: the same after lower-casing both sides, because TCVN3 ".VnTimeH" capitals are stored as
  lowercase codes and the transcripts' case for such headings is marked "unverified";
* ``diacritic``: of the transcript characters that carry a diacritic (NFD has a combining mark, or đ/Đ), the
  share recovered exactly: both sides reduced to base letters, aligned, and the original characters compared;
* ``syllable``: whitespace tokens matched exactly.

A ``partial`` transcript holds only the beginning of the document; the reader output is cut where the
alignment of the transcript's end falls.  CAVEAT: the transcripts were made by the collection's own conversion
scripts and then read through by a person, so this measures agreement with that process, not independent
truth; errors found by eye are in ``fixtures/transcripts/corrections.json`` (not applied with ``--raw``).

Usage: ``python benchmarks/legacy_accuracy.py [--raw] [--json]``
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared")) / "corpus"
TRANSCRIPTS = ROOT / "fixtures" / "transcripts"

_MARKS = re.compile(r"[\u0300-\u036f]")
_CHAR_LIMIT = 4_000_000  # above len(a) * len(b) a stretch is compared with the faster junk heuristic


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _base_char(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    decomposed = unicodedata.normalize("NFD", ch)
    base = _MARKS.sub("", decomposed)
    return base[:1] if base else ch


def base_letters(text: str) -> str:
    """One base letter per character (so positions stay aligned): 'Việt' -> 'Viet', 'đ' -> 'd'."""
    return "".join(_base_char(ch) for ch in text)


def has_diacritic(ch: str) -> bool:
    return ch in "đĐ" or bool(_MARKS.search(unicodedata.normalize("NFD", ch)))


def _tokens(text: str) -> tuple[list[str], list[int]]:
    tokens, starts = [], []
    for m in re.finditer(r"\S+", text):
        tokens.append(m.group(0))
        starts.append(m.start())
    return tokens, starts


def align(a: str, b: str) -> list[tuple[int, int]]:
    """Matched character positions (i in a, j in b): words first, then characters of unmatched stretches."""
    ta, sa = _tokens(a)
    tb, sb = _tokens(b)
    pairs: list[tuple[int, int]] = []
    ops = SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        a_from = sa[i1] if i1 < len(sa) else len(a)
        a_to = sa[i2] if i2 < len(sa) else len(a)
        b_from = sb[j1] if j1 < len(sb) else len(b)
        b_to = sb[j2] if j2 < len(sb) else len(b)
        if tag == "equal" and a_to - a_from == b_to - b_from:
            pairs.extend((a_from + k, b_from + k) for k in range(a_to - a_from))
            continue
        seg_a, seg_b = a[a_from:a_to], b[b_from:b_to]
        if not seg_a or not seg_b:
            continue
        junk = len(seg_a) * len(seg_b) > _CHAR_LIMIT
        for blk in SequenceMatcher(None, seg_a, seg_b, autojunk=junk).get_matching_blocks():
            pairs.extend((a_from + blk.a + k, b_from + blk.b + k) for k in range(blk.size))
    return pairs


def trim_to_prefix(truth: str, hyp: str) -> str:
    """The beginning of ``hyp`` that a transcript of the beginning of the document corresponds to."""
    window = hyp[: int(len(truth) * 1.6) + 2000]
    ta, _ = _tokens(truth)
    tb, sb = _tokens(window)
    blocks = [b for b in SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return window
    last = blocks[-1]
    end_token = last.b + last.size + (len(ta) - (last.a + last.size))
    return window if end_token >= len(tb) else window[: sb[end_token]].rstrip()


def score(truth: str, hyp: str) -> dict[str, float]:
    truth, hyp = normalise(truth), normalise(hyp)
    if not truth:
        return {"char": 1.0, "char_nocase": 1.0, "diacritic": 1.0, "syllable": 1.0, "chars": 0}
    char = len(align(truth, hyp)) / len(truth)
    char_nocase = len(align(truth.lower(), hyp.lower())) / len(truth)
    marked = [i for i, ch in enumerate(truth) if has_diacritic(ch)]
    pairs = dict(align(base_letters(truth), base_letters(hyp)))
    good = sum(1 for i in marked if i in pairs and hyp[pairs[i]] == truth[i])
    diacritic = good / len(marked) if marked else 1.0
    ta, tb = truth.split(" "), hyp.split(" ")
    syll = sum(b.size for b in SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks()) / len(ta)
    return {"char": char, "char_nocase": char_nocase, "diacritic": diacritic, "syllable": syll,
            "chars": len(truth), "marked": len(marked)}


def load_sources() -> list[dict]:
    return json.loads((TRANSCRIPTS / "SOURCES.json").read_text(encoding="utf-8"))["files"]


def load_truth(entry: dict, *, raw: bool = False) -> str:
    text = (TRANSCRIPTS / f"{entry['stem']}.txt").read_text(encoding="utf-8")
    if not raw:
        fixes = json.loads((TRANSCRIPTS / "corrections.json").read_text(encoding="utf-8"))["corrections"]
        for fix in fixes:
            if fix["stem"] == entry["stem"]:
                text = re.sub(rf"(?<!\w){re.escape(fix['from'])}(?!\w)", fix["to"], text)
    return text


def evaluate(entry: dict, *, raw: bool = False) -> dict:
    """Read one corpus file and score it against its transcript."""
    from vnadmin_nlp.readers import read_file

    truth = load_truth(entry, raw=raw)
    start = time.perf_counter()
    doc = read_file(CORPUS / entry["corpus_file"])
    seconds = time.perf_counter() - start
    hyp = "\n".join(block.text for block in doc.blocks)
    if entry.get("partial"):
        hyp = trim_to_prefix(normalise(truth), normalise(hyp))
    result = score(truth, hyp)
    result.update(file=entry["corpus_file"], encoding=doc.encoding, expected=entry["encoding"], seconds=seconds,
                  partial=bool(entry.get("partial")), format=doc.format)
    return result


def _row(name: str, r: dict) -> str:
    return (f"| {name} | {r['expected']} | {r.get('encoding') or '-'} | {r['chars']:,} | {r['char']:.4f} | "
            f"{r['char_nocase']:.4f} | {r['diacritic']:.4f} | {r['syllable']:.4f} | {r.get('seconds', 0):.2f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", action="store_true", help="score against the transcripts as published")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from vnadmin_nlp.readers import ReaderError

    results, failures = [], []
    for entry in load_sources():
        if not (CORPUS / entry["corpus_file"]).is_file():
            failures.append((entry["corpus_file"], "corpus file missing"))
            continue
        try:
            results.append(evaluate(entry, raw=args.raw))
        except ReaderError as exc:
            failures.append((entry["corpus_file"], f"{exc.code}: {exc.message}"))
    if args.json:
        print(json.dumps({"results": results, "failures": failures}, ensure_ascii=False, indent=1))
        return 0
    print("| file | encoding | detected | transcript chars | char | char (no case) | diacritic | syllable | s |")
    print("|---|---|---|--:|--:|--:|--:|--:|--:|")
    for r in results:
        print(_row(r["file"] + (" (partial)" if r["partial"] else ""), r))
    if results:
        total = sum(r["chars"] for r in results)
        marked = sum(r["marked"] for r in results)
        overall = {
            "expected": "", "encoding": "", "chars": total, "seconds": sum(r["seconds"] for r in results),
            "char": sum(r["char"] * r["chars"] for r in results) / total,
            "char_nocase": sum(r["char_nocase"] * r["chars"] for r in results) / total,
            "diacritic": sum(r["diacritic"] * r["marked"] for r in results) / max(marked, 1),
            "syllable": sum(r["syllable"] * r["chars"] for r in results) / total,
        }
        print(_row("**overall** (weighted by characters)", overall))
    for name, why in failures:
        print(f"\nFAILED {name}: {why}")
    print(f"\n{len(results)} files scored, {len(failures)} failed; transcripts "
          f"{'as published' if args.raw else 'with corrections.json applied'}.")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
