"""Variants of the citation clauses of our development documents (issue 13): every relation cue of
``scripts/citation_variants.yaml`` (Căn cứ, Thực hiện, Triển khai, Theo đề nghị, Phúc đáp, nhận được, sửa đổi, thay
thế, bãi bỏ, hướng dẫn thi hành …, each with the real example it came from) in every layout a clause takes there: on
one line, the cue on one line and the citation on the next, the cue's words split by a line break, lists of several
citations after one cue (commas, semicolons over lines, ``và``), the cue after a comma in a longer sentence, the
clause right under the Kính gửi line or the title with no blank line (a PDF's text).  Each
variant is parsed alone and every citation it holds must carry the cue's relation.

Number and symbol forms (session 20, ``number_forms``): each mention as printed (spaces and dashes around the
separators, a symbol broken over two lines, ``Ð`` or ``D`` for ``Đ``, OCR's ``I``/``l``/``O`` for digits, lists
sharing a type or a symbol, Party symbols, the date before the number, laws by name, a draft's blank number, in
parentheses or quotes) in each clause of ``number_places``, and with a line break inside its symbol; scored per form:
number precision and recall, type and relation accuracy.

    python scripts/citation_variants.py            # right / total per cue and layout, then the misses
    python scripts/citation_variants.py --numbers  # per number form: number P/R, type, relation, then the misses
    python scripts/citation_variants.py --json -   # every variant with the relations read

``variants()`` is what tests/test_citation_variants19.py asserts, ``number_variants()`` tests/test_citation_numbers20.py."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FORMS = Path(__file__).with_suffix(".yaml")


@dataclass(frozen=True)
class Variant:
    cue: str
    layout: str
    text: str  # the whole document: frame and clause
    expected: tuple[tuple[str, str], ...]  # (number, relation) of each citation, in order


def variants(forms: Path = FORMS) -> list[Variant]:
    """Every cue in every layout it can take."""
    data = yaml.safe_load(forms.read_text(encoding="utf-8"))
    cits = data["citations"]
    out = []
    for c in data["cues"]:
        pool = [cits[i] for i in c.get("only", range(len(cits)))]
        for lay in data["layouts"]:
            if lay["name"] == "after_comma" and c.get("self"):
                continue  # "Quyết định này …" opens its sentence
            if lay["name"] == "cue_split" and " " not in c["cue"]:
                continue
            chosen = [pool[i % len(pool)] for i in range(lay["list"])]
            if len({x["number"] for x in chosen}) < len(chosen):
                continue  # a list needs different documents
            clause = lay["text"].format(
                cue=c["cue"], cue_split=c["cue"].replace(" ", "\n", 1), cue_lower=c["cue"][0].lower() + c["cue"][1:],
                cit=lay.get("join", "").join(x["text"] for x in chosen), after=c["after"])
            expected = tuple((x["number"], c["relation"]) for x in chosen)
            frame = data["frames"][c["frame"]]
            out.append(Variant(c["cue"], lay["name"], frame + clause, expected))
            if lay["name"] == "one_line" and frame.endswith("\n\n"):  # a PDF's text: no blank line before the body
                out.append(Variant(c["cue"], "no_blank_line", frame[:-1] + clause, expected))
    return out


def read(v: Variant) -> tuple[tuple[str, str | None], ...]:
    """The relation the parser reads for each expected citation (None: not found)."""
    from vnadmin_nlp import parse_text

    got = {c.number: c.relation for c in parse_text(v.text).citations if c.number}
    return tuple((n, got.get(n)) for n, _ in v.expected)


@dataclass(frozen=True)
class NumberVariant:
    form: str
    place: str
    text: str  # the whole document
    mention: str  # the mention as placed
    expected: tuple[dict, ...]  # number or name, type, key_as; relation added from the place
    open: bool = False  # a form not read yet: measured, not asserted


def _wrap(mention: str) -> str | None:
    """The mention with a line break after its first symbol's last separator before a code (a PDF's line end), or
    None when it prints no symbol."""
    import re

    m = re.search(r"\d[\d.]*\s*/[^\s,;]*?([-/])(?=[^\W\d_])", mention)
    if m is None or "\n" in mention:
        return None
    cut = m.end()
    return mention[:cut] + "\n" + mention[cut:]


def number_variants(forms: Path = FORMS) -> list[NumberVariant]:
    """Every number form in every place, and wrapped inside its symbol in the first place."""
    data = yaml.safe_load(forms.read_text(encoding="utf-8"))
    out = []
    for f in data["number_forms"]:
        for i, place in enumerate(data["number_places"]):
            mentions = [("", f["text"])]
            wrapped = _wrap(f["text"]) if i == 0 else None
            if wrapped:
                mentions.append(("+wrapped", wrapped))
            for suffix, mention in mentions:
                text = data["frames"][place["frame"]] + place["text"].format(cit=mention)
                expected = tuple({**e, "relation": place["relation"]} for e in f["expect"])
                out.append(NumberVariant(f["form"], place["name"] + suffix, text, mention, expected, bool(f.get("open"))))
    return out


def read_numbers(v: NumberVariant) -> dict:
    """What the parser reads of each expected mention (found, number, type, relation, key right) and the numbers it
    reads that are not expected (the frame's own number is no citation)."""
    from vnadmin_nlp import parse_text
    from vnadmin_nlp.identity import citation_key, parse_symbol

    cits = [c for c in parse_text(v.text).citations if c.refers_to != "self"]
    rows, used = [], set()
    for e in v.expected:
        hit = None
        for i, c in enumerate(cits):
            if i in used:
                continue
            if e.get("number") and c.number == e["number"] or e.get("name") and (c.title or "") == e["name"] \
                    or not e.get("number") and not e.get("name") and c.doc_type == e["type"] and c.number is None:
                hit = i
                break
        if hit is None and e.get("number"):  # read, but with another number: the one nearest in the text
            near = [i for i, c in enumerate(cits) if i not in used and c.number and c.doc_type == e["type"]]
            hit = near[0] if near else None
        row = {"expected": e, "found": hit is not None}
        if hit is not None:
            used.add(hit)
            c = cits[hit]
            row.update(number=c.number, type=c.doc_type, relation=c.relation, key=c.key)
            if e.get("key_as"):
                p = parse_symbol(e["key_as"])
                year = p.year or (int(c.date[:4]) if c.date else None)
                row["key_right"] = c.key == citation_key(e["key_as"], year, c.issuer, p.issuer_code, c.title)
        rows.append(row)
    extra = [c.number for i, c in enumerate(cits) if i not in used and c.number]
    return {"rows": rows, "extra": extra}


def score_numbers(results: list[tuple[NumberVariant, dict]]) -> dict[str, dict[str, int]]:
    """Per form (and ``all``): number tp / fn / fp, type and relation right / n, keys right / n."""
    out: dict[str, dict[str, int]] = {}
    for v, r in results:
        for name in (v.form, "all"):
            s = out.setdefault(name, dict.fromkeys(("tp", "fn", "fp", "type", "rel", "n", "key", "keys"), 0))
            for row in r["rows"]:
                e = row["expected"]
                if e.get("number"):
                    ok = row.get("number") == e["number"]
                    s["tp"] += ok
                    s["fn"] += not ok
                    s["fp"] += bool(row.get("number")) and not ok
                elif row.get("number"):
                    s["fp"] += 1  # a blank number read as one
                s["n"] += 1
                s["type"] += row.get("type") == e["type"]
                s["rel"] += row.get("relation") == e["relation"]
                if "key_right" in row:
                    s["keys"] += 1
                    s["key"] += row["key_right"]
            s["fp"] += len(r["extra"])
    return out


def _numbers_main(args: argparse.Namespace) -> int:
    results = [(v, read_numbers(v)) for v in number_variants(args.forms)]
    if args.json:
        rows = [{"form": v.form, "place": v.place, "mention": v.mention, **r} for v, r in results]
        out = json.dumps(rows, ensure_ascii=False, indent=1)
        sys.stdout.write(out) if args.json == "-" else Path(args.json).write_text(out, encoding="utf-8")
        return 0
    scores = score_numbers(results)
    print(f"{'form':24} {'number P':>9} {'R':>6} {'type':>7} {'relation':>9} {'keys':>6}")
    for name, s in sorted(scores.items(), key=lambda x: (x[0] == "all", x[0])):
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        rec = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        keys = f"{s['key']}/{s['keys']}" if s["keys"] else "-"
        print(f"{name:24} {p:9.3f} {rec:6.3f} {s['type']:>3}/{s['n']:<3} {s['rel']:>4}/{s['n']:<4} {keys:>6}")
    for v, r in results:
        bad = [row for row in r["rows"] if not row["found"] or row.get("type") != row["expected"]["type"]
               or row.get("relation") != row["expected"]["relation"] or row["expected"].get("number", row.get("number")) != row.get("number")
               or row.get("key_right") is False]
        if bad or r["extra"]:
            got = [(row.get("number"), row.get("type"), row.get("relation")) for row in r["rows"]]
            print(f"  {v.form} {v.place}{' (open)' if v.open else ''}: {v.mention!r} read {got}" + (f", also {r['extra']}" if r["extra"] else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--forms", type=Path, default=FORMS, help="the forms (default: scripts/citation_variants.yaml)")
    ap.add_argument("--json", metavar="FILE", help="write every variant and what was read ('-': standard output)")
    ap.add_argument("--numbers", action="store_true", help="the number and symbol forms (number_forms) instead of the cues")
    args = ap.parse_args(argv)
    if args.numbers:
        return _numbers_main(args)
    rows, right, total = [], 0, 0
    for v in variants(args.forms):
        got = read(v)
        ok = sum(g == e for g, e in zip(got, v.expected))
        right, total = right + ok, total + len(v.expected)
        rows.append({"cue": v.cue, "layout": v.layout, "expected": v.expected, "read": got, "right": ok, "text": v.text})
    if args.json:
        out = json.dumps(rows, ensure_ascii=False, indent=1)
        sys.stdout.write(out) if args.json == "-" else Path(args.json).write_text(out, encoding="utf-8")
        return 0
    print(f"citation relations right: {right}/{total} in {len(rows)} variants")
    for r in rows:
        if r["right"] < len(r["expected"]):
            print(f"  {r['cue']!r} {r['layout']}: expected {[e[1] for e in r['expected']]}, read {[g[1] for g in r['read']]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
