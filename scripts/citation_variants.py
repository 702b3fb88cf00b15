"""Variants of the citation clauses of our development documents (issue 13): every relation cue of
``scripts/citation_variants.yaml`` (Căn cứ, Thực hiện, Triển khai, Theo đề nghị, Phúc đáp, nhận được, sửa đổi, thay
thế, bãi bỏ, hướng dẫn thi hành …, each with the real example it came from) in every layout a clause takes there: on
one line, the cue on one line and the citation on the next, the cue's words split by a line break, lists of several
citations after one cue (commas, semicolons over lines, ``và``), the cue after a comma in a longer sentence, the
clause right under the Kính gửi line or the title with no blank line (a PDF's text).  Each
variant is parsed alone and every citation it holds must carry the cue's relation.

    python scripts/citation_variants.py            # right / total per cue and layout, then the misses
    python scripts/citation_variants.py --json -   # every variant with the relations read

``variants()`` is what tests/test_citation_variants19.py asserts."""
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--forms", type=Path, default=FORMS, help="the forms (default: scripts/citation_variants.yaml)")
    ap.add_argument("--json", metavar="FILE", help="write every variant and what was read ('-': standard output)")
    args = ap.parse_args(argv)
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
