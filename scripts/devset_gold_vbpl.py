#!/usr/bin/env python3
"""Derive gold header fields for the vbpl.vn pages of the development set (issue 11).

Independent of the parser: reads each saved page with lxml and takes
  - the site's title line (h1 above the body: type, number, trích yếu),
  - the site's attribute table ("Thuộc tính") where the page has one (the stubs),
  - a simple reading of the body's header and closing lines with a few regexes of its own
    (issuer lines, "Số:", place/date line, the type line and the lines under it, the signature block).
Writes one candidate JSON per page (--out, default /tmp/gold_work/derived) that the hand review turns into
fixtures/gold/devset/vbpl/<id>.json (see scripts/devset_gold_vbpl_review.py for the verdicts).

    python scripts/devset_gold_vbpl.py --pages /tmp/devset/vbpl --index ../shared/devset/vbpl_index.jsonl
"""
import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from vbpl_fields import derive
from vbpl_page import iso, norm_number

# ---------------------------------------------------------------------------------------------------------------
# Gold files: fields from the derived reading + the hand review, verdicts against the parser's dumped output

SCORED = ["doc_type", "number", "issuer", "issuer_parent", "place", "date", "subject", "signers"]
FOREIGN = re.compile(r"[\u0400-\u04ff\u00d0\u0189]")


def lenient(v):
    if v is None:
        return None
    s = unicodedata.normalize("NFC", str(v)).lower()
    s = re.sub(r"\s*([/\-–])\s*", r"\1", s)
    s = re.sub(r"\s+", " ", s).strip(" .;:,")
    return s or None


def candidate(d):
    """Fields from the derived record: body first, then the title line; stubs: the attribute table."""
    c, src = {}, {}
    a = d.get("attrs") or {}
    if d["class"] == "stub":
        lt = a.get("Loại văn bản")
        c["doc_type"] = lt[:1].upper() + lt[1:].lower() if lt else d["title_type"]
        c["number"] = norm_number(a.get("Số hiệu")) or d["title_number"]
        c["issuer"] = a.get("Cơ quan ban hành")
        dt = a.get("Ngày ban hành") or a.get("Ngày ký xác thực")
        if dt:
            dd, mm, yy = dt.split("/")
            c["date"] = iso(dd, mm, yy)
        for k in ("doc_type", "number", "issuer", "date"):
            src[k] = "attribute table"
        if d.get("title_subject"):
            c["subject"] = d["title_subject"]
            src["subject"] = "title line"
        if a.get("Người ký"):
            c["signers"] = [{"position": a.get("Chức danh"), "name": a.get("Người ký")}]
            src["signers"] = "attribute table"
        return c, src
    c["doc_type"] = d.get("body_type") or d["title_type"]
    src["doc_type"] = "body, script" if d.get("body_type") else "title line"
    c["number"] = d.get("body_number") or d["title_number"]
    src["number"] = "body, script" if d.get("body_number") else "title line (not in the body)"
    if d.get("body_issuer"):
        c["issuer"] = d["body_issuer"]
        src["issuer"] = "body, script"
        c["issuer_parent"] = None
        src["issuer_parent"] = "body, script"
    if d.get("body_date"):
        c["date"] = d["body_date"]
        src["date"] = "body, script"
    elif d.get("adoption_date"):
        c["date"] = d["adoption_date"]
        src["date"] = "body, script (closing 'thông qua ngày …')"
    if d.get("body_place"):
        c["place"] = d["body_place"]
        src["place"] = "body, script"
    elif d.get("body_issuer_lines"):
        c["place"] = None
        src["place"] = "body, script (the header prints no place)"
    c["subject"] = d.get("body_subject") or d["title_subject"]
    src["subject"] = "body, script" if d.get("body_subject") else "title line"
    if d.get("body_signers"):
        c["signers"] = [{"authority": x["authority"], "position": x["position"], "name": x["name"]}
                        for x in d["body_signers"]]
        src["signers"] = "body, script"
    return c, src


def parser_view(p):
    def g(x, k):
        return x.get(k) if isinstance(x, dict) else x
    iss = p.get("issuer")
    par = g(iss, "parent")
    return {"doc_type": g(p.get("doc_type"), "name"), "number": g(p.get("number"), "text"),
            "issuer": g(iss, "name"), "issuer_parent": g(par, "name") if isinstance(par, dict) else par,
            "place": p.get("place"), "date": p.get("date"), "subject": p.get("subject"),
            "signers": [{"authority": x.get("authority") or [], "position": x.get("position"), "name": x.get("name")}
                        for x in p.get("signers") or []]}


def sig_key(S, full=True):
    if S is None:
        return None
    return [((tuple(lenient(a) for a in x.get("authority") or []), lenient(x.get("position"))) if full else ())
            + (lenient(x.get("name")),) for x in S]


def build_gold(d, review, parsed):
    c, src = candidate(d)
    rv = review.get(d["id"], {})
    notes = []
    if d["class"] == "stub":
        notes.append("stub page: only the site's attribute table (Thuộc tính) and title line, no document body; "
                     "place and the signer's authority lines are not on the page")
    elif not d.get("body_issuer_lines"):
        notes.append("the body has no header table (it starts at the type line): number from the title line, "
                     "no place/date in the body")
    if d["class"] != "stub" and "signers" not in c:
        notes.append("no signature block in the page's body: signers left out")
    if d["class"] != "stub" and "date" not in c:
        notes.append("no issue date in the body: date left out")
    if rv.get("_notes"):
        notes.append(rv["_notes"])
    verdicts = []
    for f in SCORED:
        r = rv.get(f, {})
        if "value" in r:
            c[f] = r["value"]
            src[f] = "read"
        if "fix" in r and c.get(f):
            for old, new in r["fix"]:
                c[f] = c[f].replace(old, new)
            src[f] = src.get(f, "") + ", read"
        if "fixname" in r:
            c[f][0]["name"] = r["fixname"]
            src[f] = src.get(f, "") + ", read"
        if "fixauth" in r:
            c[f][0]["authority"] = r["fixauth"]
            src[f] = src.get(f, "") + ", read"
    for f in SCORED:
        if f not in c:
            continue
        r = rv.get(f, {})
        gv, pv = c[f], parsed.get(f)
        tv = {"doc_type": d.get("title_type"), "number": d.get("title_number_raw"),
              "subject": d.get("title_subject")}.get(f)
        if d["class"] == "stub" and f in ("number", "doc_type", "issuer", "date", "signers"):
            tv = None
        if f == "signers":
            agree = sig_key(gv) == sig_key(pv)
        else:
            agree = lenient(gv) == lenient(pv)
        title_bad = tv is not None and lenient(norm_number(tv) if f == "number" else tv) != lenient(gv)
        title_foreign = f == "number" and tv is not None and FOREIGN.search(tv)
        if agree and not title_bad and not title_foreign and "verdict" not in r:
            continue
        body = {"number": d.get("body_number_raw"), "subject": d.get("body_subject"), "doc_type": d.get("body_type"),
                "date": d.get("body_date") or d.get("adoption_date"), "place": d.get("body_place"),
                "issuer": " / ".join(d.get("body_issuer_lines") or []) or None,
                "issuer_parent": None,
                "signers": [{"authority": x["authority"], "position": x["position"], "name": x["printed"]}
                            for x in d.get("body_signers") or []] or None}.get(f)
        if "verdict" in r:
            verdict, note = r["verdict"], r.get("note", "")
            if not agree and verdict != "parser wrong":
                note += "; the parser's value is wrong too" if pv not in (None, []) else "; the parser gives nothing"
        elif not agree:
            if d["class"] == "stub":
                verdict, note = "not in the body", "stub page: the value is the site's attribute table/title line"
            elif src.get(f, "").startswith("title line"):
                verdict, note = "not in the body", "not printed in the page's body; value from the title line"
            else:
                verdict, note = "parser wrong", ""
        elif title_foreign:
            verdict, note = "title wrong", "the title line's symbol has a look-alike (Cyrillic/Ð) letter"
        else:
            verdict, note = "title wrong", ""
        verdicts.append({"field": f, "title": tv, "body": body, "parser": pv, "verdict": verdict, "note": note})
    return {"id": d["id"], "file": d["file"], "format": "html", "class": d["class"], "split": d["split"],
            "gold_source": src, "notes": "; ".join(notes), "fields": {k: c[k] for k in SCORED if k in c},
            "verdicts": verdicts}


def write_all(a):
    review = json.load(open(a.review, encoding="utf-8"))
    gold_dir = Path(a.gold)
    gold_dir.mkdir(parents=True, exist_ok=True)
    for line in open(a.index, encoding="utf-8"):
        rec = json.loads(line)
        p = Path(a.pages) / Path(rec["path"]).name
        d = derive(p, rec)
        pj = Path(a.parser) / (p.name + ".json")
        parsed = parser_view(json.load(open(pj, encoding="utf-8"))) if pj.exists() else {}
        g = build_gold(d, review, parsed)
        (gold_dir / f"{rec['id']}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", default="/tmp/devset/vbpl")
    ap.add_argument("--index", default="/work/shared/devset/vbpl_index.jsonl")
    ap.add_argument("--out", default="/tmp/gold_work/derived")
    ap.add_argument("--write", action="store_true", help="write the gold files (fields + verdicts)")
    ap.add_argument("--review", default=str(Path(__file__).with_name("devset_gold_vbpl_review.json")))
    ap.add_argument("--parser", default="/tmp/baseline/devset/vbpl", help="the parser's JSON per page, for verdicts")
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parent.parent / "fixtures/gold/devset/vbpl"))
    ap.add_argument("ids", nargs="*")
    a = ap.parse_args()
    if a.write:
        write_all(a)
        return 0
    outdir = Path(a.out)
    outdir.mkdir(parents=True, exist_ok=True)
    for line in open(a.index, encoding="utf-8"):
        rec = json.loads(line)
        if a.ids and rec["id"] not in a.ids:
            continue
        p = Path(a.pages) / Path(rec["path"]).name
        d = derive(p, rec)
        (outdir / f"{rec['id']}.json").write_text(json.dumps(d, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
