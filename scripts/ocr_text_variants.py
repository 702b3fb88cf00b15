"""Variants of what tesseract read from real scans, to test the header's doubt checks (issue 12): the scan is read as
usual (through the tesseract cache: no new OCR for a word-level change), and every page tesseract returns is changed
the way a worse scan would read — a date line whose day and month break apart, the date words themselves misread, a
word of the trích yếu misread with a wrong tone or as no syllable, a line of it lost under a seal, the whole trích yếu
lost, the line under it lost, the gap between it and the body closed.  Each variant is scored against the original's
gold (a value where the gold has none is wrong): the point is that the subject is never wrong — right or missing.

    python scripts/ocr_text_variants.py --gold fixtures/gold/devset/lamdong --corpus ../shared/devset/lamdong \\
        --only ld_049 --only ld_057 -j 2 [--variants orig,date_broken,...] [--json out.json]

The changes are data (scripts/ocr_text_variants.yaml), each with the real dev line its form came from.  Use dev
documents only (the corpus gold has no split).  Set VNADMIN_TESSERACT to scripts/tesseract_cache.sh to reuse the
cached readings.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from scan_variants import _load, table  # noqa: E402  (the gold and the table of a scan's variants, shared)

FIELDS = ("doc_type", "date", "place", "subject")
DATA = ROOT / "scripts" / "ocr_text_variants.yaml"
HEADER_PART = 0.5  # the trích yếu's lines are looked for in this top share of page 1
LOW = 30.0  # the confidence given to a word the change broke (tesseract reads broken marks at 0-47)


def _variants() -> dict[str, dict[str, Any]]:
    import yaml

    return {v["name"]: v for v in yaml.safe_load(DATA.read_text(encoding="utf-8"))["variants"]}


def _key(text: str) -> str:
    from vnadmin_nlp.lexicon.fold import bare, fold

    return "".join(ch for ch in bare(fold(unicodedata.normalize("NFC", text))) if ch.isalnum())


def _box(words: list[Any]) -> tuple[int, int, int, int]:
    return (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words), max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))


def _split(word: Any, texts: list[str], conf: float) -> list[Any]:
    """``word`` replaced by words of ``texts`` side by side in its box."""
    from vnadmin_nlp.readers.ocr_result import OcrWord

    x0, y0, x1, y1 = word.bbox
    step = max(1, (x1 - x0) // max(1, len(texts)))
    return [OcrWord(t, conf, (x0 + k * step, y0, x0 + (k + 1) * step - 1, y1)) for k, t in enumerate(texts)]


_DATE_WORDS = ("ngay", "thang", "nam")


def _date(page: Any, spec: dict[str, Any]) -> None:
    """The date line's day and month (and, with ``words``, the three date words) read as ``spec`` says."""
    for line in page.lines:
        keys = [_key(w.text) for w in line.words]
        at = [next((i for i, k in enumerate(keys) if k.startswith(d) and len(k) <= len(d) + 2), -1) for d in _DATE_WORDS]
        if min(at) < 0 or not at[0] < at[1] < at[2] or at[2] + 1 >= len(keys) or not keys[at[2] + 1][:4].isdigit():
            continue
        words = list(line.words)
        new: list[Any] = []
        for k, word in enumerate(words):
            if k in at and spec.get("words"):
                text = spec["words"][at.index(k)]
                new += _split(word, [text], LOW) if text != word.text else [word]
            elif at[0] < k < at[1] and "day" in spec:
                new += _split(word, spec["day"].split(), LOW) if k == at[0] + 1 else []
            elif at[1] < k < at[2] and "month" in spec:
                new += _split(word, spec["month"].split(), LOW) if k == at[1] + 1 else []
            else:
                new.append(word)
        if at[1] == at[0] + 1 and "day" in spec:  # no day read: the broken one put in a sliver after ngày
            new[at[0] + 1 : at[0] + 1] = _split(words[at[0]], spec["day"].split(), LOW)
        line.words = new
        return


def _subject_lines(page: Any, subject: str) -> list[Any]:
    """page 1's lines that are the gold trích yếu's (their letters without marks inside its letters), top down."""
    want = _key(subject)
    out = []
    for line in page.lines:
        key = _key(line.text)
        key = key[2:] if key.startswith("vv") and not want.startswith("vv") else key  # the V/v line's own words
        if len(line.words) >= 3 and len(key) >= 8 and key in want and _box(line.words)[1] < HEADER_PART * page.height:
            out.append(line)
    return sorted(out, key=lambda ln: _box(ln.words)[1])


_TONES = "\u0300\u0301\u0309\u0303\u0323"


def _retoned(text: str) -> str | None:
    """The word with its tone changed to another that still makes a syllable (``tổ`` → ``tồ``), or None."""
    from vnadmin_nlp.lexicon.syllables import is_vietnamese_word

    parts = unicodedata.normalize("NFD", text)
    at = next((k for k, ch in enumerate(parts) if ch in _TONES), None)
    if at is None:
        return None
    rest = parts[:at] + parts[at + 1 :]
    end = at  # the tone goes after every mark of its vowel (a circumflex, a breve, a horn), as NFC composes them
    while end < len(rest) and unicodedata.combining(rest[end]):
        end += 1
    for tone in _TONES:
        other = unicodedata.normalize("NFC", rest[:end] + tone + rest[end:])
        if tone != parts[at] and is_vietnamese_word(other):
            return other
    return None


def _broken(text: str) -> str:
    """The word as no syllable: its first vowel read as ``ø``."""
    for k, ch in enumerate(text):
        if ch.lower() in "aăâeêioôơuưy" or unicodedata.normalize("NFD", ch)[0].lower() in "aeiouy":
            return text[:k] + "ø" + text[k + 1 :]
    return text + "ø"


def _subject(page: Any, spec: dict[str, Any], subject: str) -> None:
    lines = _subject_lines(page, subject)
    if not lines:
        return
    op = spec["op"]
    if op in ("drop_all", "drop_last", "drop_first"):
        gone = lines if op == "drop_all" else [lines[-1] if op == "drop_last" else lines[0]]
        page.lines = [ln for ln in page.lines if all(ln is not g for g in gone)]
        return
    if op in ("drop_next", "close_gap"):
        bottom = _box(lines[-1].words)[3]
        below = sorted((ln for ln in page.lines if _box(ln.words)[1] > bottom), key=lambda ln: _box(ln.words)[1])
        if not below:
            return
        if op == "drop_next":
            page.lines = [ln for ln in page.lines if ln is not below[0]]
            return
        gap = _box(below[0].words)[1] - bottom
        inner = _box(lines[-1].words)[1] - _box(lines[-2].words)[3] if len(lines) > 1 else 2
        shift = max(0, gap - max(0, inner))
        for ln in below:  # the body moved up under the trích yếu: no wider gap than between its own lines
            for w in ln.words:
                w.bbox = (w.bbox[0], w.bbox[1] - shift, w.bbox[2], w.bbox[3] - shift)
            if ln.box is not None:
                ln.box = (ln.box[0], ln.box[1] - shift, ln.box[2], ln.box[3] - shift)
        return
    line = lines[min(int(spec.get("line", 0)), len(lines) - 1)]
    toned = [k for k, w in enumerate(line.words) if _retoned(w.text)] if op == "tone" else list(range(len(line.words)))
    if not toned:
        return
    k = toned[min(int(spec.get("word", 0)), len(toned) - 1)]
    word = line.words[k]
    if op == "set" and spec.get("only") and word.text != spec["only"]:
        return  # the word is set only where it read as `only` (the opening Về of a Về việc)
    word.text = spec["text"] if op == "set" else (_retoned(word.text) or word.text) if op == "tone" else _broken(word.text)
    word.conf = float(spec.get("conf", LOW))


def _change(page: Any, spec: dict[str, Any], subject: str | None) -> Any:
    if "date" in spec:
        _date(page, spec["date"])
    if "subject" in spec and subject:
        _subject(page, spec["subject"], subject)
    return page


def _verdicts(want: dict[str, Any], path: Path, spec: dict[str, Any]) -> dict[str, Any]:
    """right / wrong / missing per field of the document read with its OCR changed by ``spec``."""
    from vnadmin_nlp import parse_file
    from vnadmin_nlp.evaluation.match import lenient, predicted
    from vnadmin_nlp.evaluation.score import outcome
    from vnadmin_nlp.readers import ocr

    real = ocr.parse_tsv
    subject = want.get("subject")
    ocr.parse_tsv = lambda *a, **k: _change(real(*a, **k), spec, subject)  # type: ignore[assignment]
    try:
        doc = parse_file(path)
        values = predicted(doc)
    except Exception as exc:  # noqa: BLE001 - a failed parse is every field missing, and said
        print(f"{path}: {exc}", file=sys.stderr)
        values, doc = {}, None
    finally:
        ocr.parse_tsv = real  # type: ignore[assignment]
    found = {f: outcome(want.get(f), values.get(f), lenient) for f in FIELDS}
    out: dict[str, Any] = {f: "wrong" if v == "spurious" else v for f, v in found.items()}
    if out["subject"] == "wrong":
        out["got"] = values.get("subject")
    elif out["subject"] == "missing" and doc is not None:
        out["why"] = next((w.message[:160] for w in doc.warnings if w.code == "subject_unreadable"), "")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, action="append", required=True, help="gold directories (repeatable)")
    ap.add_argument("--corpus", type=Path, action="append", required=True, help="where the gold's files are (repeatable)")
    ap.add_argument("--only", action="append", required=True, help="gold ids (dev split only)")
    ap.add_argument("--variants", default=",".join(_variants()))
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from concurrent.futures import ProcessPoolExecutor
    from vnadmin_nlp.evaluation.match import gold_values

    specs = _variants()
    jobs = []
    for gid in args.only:
        gold_dir = next(g for g in args.gold if (g / f"{gid}.json").exists())
        gold, source = _load(gold_dir, gid, args.corpus)
        want = gold_values(gold["fields"])
        for name in args.variants.split(","):
            jobs.append((gid, name, want, source, specs[name]))
    rows = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [(gid, name, pool.submit(_verdicts, want, path, spec)) for gid, name, want, path, spec in jobs]
        for gid, name, future in futures:
            row = {"id": gid, "variant": name, **future.result()}
            rows.append(row)
            got = f" got={row['got']!r}" if "got" in row else (f" why={row['why']!r}" if row.get("why") else "")
            print(gid, name, " ".join(f"{f}={row[f]}" for f in FIELDS) + got, flush=True)
    print(table(rows, FIELDS, label="variant", width=15))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
