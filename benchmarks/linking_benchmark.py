#!/usr/bin/env python
"""Linking at scale: index a synthetic corpus with known links, measure throughput, precision and recall.

    .venv/bin/python benchmarks/linking_benchmark.py                 # 100,000 documents; writes docs/performance-linking.md
    .venv/bin/python benchmarks/linking_benchmark.py --docs 2000 --no-write   # a quick check of the script
    .venv/bin/python benchmarks/linking_benchmark.py --real                   # real documents + 1k/100k scaling:
                                                                      # the "## Linking" block of docs/performance.md

``--real`` indexes the real documents (the vbpl.vn pages of the devset, unpacked in build/devset/vbpl, and every
file of the shared corpus, provincial/ included) with parsing, in a child process of its own (its peak memory is
its own), then the generated corpus at ``--scale`` sizes (default 1,000 and 100,000 documents), and reports CPU
time (``time.process_time``, and the OCR children's apart: the host is shared) per phase, documents per
CPU-second, peak memory (RSS), and the resolution and reuse cost per document at each size.

The corpus is made from the real documents: the issuing bodies, symbols, types and subjects seen in the shared
corpus (the provincial folder and the seeds), multiplied over the provinces and five years; numbers restart each
year for each body and type, as they do in real registers, so every number (``5/KH-UBND``, ``09-NQ/TU``,
``12/TTr-SNV``) recurs across provinces and years.  Each document is written as a text file the parser reads like
a real one (header, Căn cứ / Thực hiện / Trả lời lines, a paragraph of words drawn from the real bodies, Nơi
nhận, signature) and cites 0–4 documents:

* earlier documents of its own province (issuer written out, without the place, with a signer's title, or not
  at all; 70% from the last year), of another province (always with the place) and national ones (decrees with
  the year in the symbol);
* documents that are not in the corpus: new numbers, and hard negatives: the number of an indexed document of
  the same body but another year, or of another province's body named with its place;
* dates as "ngày dd/mm/yyyy", "ngày d tháng m năm y", only "năm yyyy", none; 1% with a wrong day;
* 3% of documents quote a paragraph of an earlier one (the known reuse).

One document cited by others is held back, then added alone: the re-index of the whole folder must parse only it
and resolve its citers.  Precision and recall are counted over the citations the parser extracted (matched to the
known ones by number and order in the citing document); the extraction coverage is reported apart.
Work files go to benchmarks/_work/linking (ignored by git) and are removed unless --keep.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import platform
import random
import re
import shutil
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared"))
WORK = ROOT / "benchmarks" / "_work" / "linking"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks
from perf_doc import put_block  # noqa: E402

from vnadmin_nlp import __version__  # noqa: E402
from vnadmin_nlp.linking import Corpus  # noqa: E402
from vnadmin_nlp.identity import lookup_key  # noqa: E402
from vnadmin_nlp.pipeline import parse_file  # noqa: E402
from vnadmin_nlp.files import worker  # noqa: E402

PERF_MD = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- BEGIN linking -->", "<!-- END linking -->"
NOT_DOCUMENTS = {"SOURCES.jsonl", "README.md", "index.jsonl"}

PROVINCES = [
    "An Giang", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước",
    "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
    "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]
YEARS = range(2020, 2025)

# The bodies of a province and what they issue, as the real files show them (symbol templates: {n} number).
PROVINCIAL_BODIES = {
    "ubnd": ("Ủy ban nhân dân tỉnh {p}", None, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
             [("Công văn", "{n}/UBND-NCKS"), ("Công văn", "{n}/UBND-KGVX"), ("Quyết định", "{n}/QĐ-UBND"),
              ("Kế hoạch", "{n}/KH-UBND"), ("Thông báo", "{n}/TB-UBND"), ("Báo cáo", "{n}/BC-UBND")]),
    "snv": ("Sở Nội vụ", "UBND tỉnh {p}", "GIÁM ĐỐC", [("Tờ trình", "{n}/TTr-SNV"), ("Công văn", "{n}/SNV-TCCC")]),
    "stttt": ("Sở Thông tin và Truyền thông", "UBND tỉnh {p}", "GIÁM ĐỐC",
              [("Công văn", "{n}/STTTT-CNTT"), ("Kế hoạch", "{n}/KH-STTTT")]),
    "stp": ("Sở Tư pháp", "UBND tỉnh {p}", "GIÁM ĐỐC", [("Công văn", "{n}/STP-HCBT"), ("Báo cáo", "{n}/BC-STP")]),
    "hdnd": ("Hội đồng nhân dân tỉnh {p}", None, "TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH", [("Nghị quyết", "{n}/NQ-HĐND")]),
    "tu": ("Tỉnh ủy {p}", None, "T/M BAN THƯỜNG VỤ\nBÍ THƯ", [("Nghị quyết", "{n:02d}-NQ/TU"), ("Kết luận", "{n}-KL/TU")]),
}
NATIONAL_BODIES = {
    "cp": ("Chính phủ", "TM. CHÍNH PHỦ\nTHỦ TƯỚNG", [("Nghị định", "{n}/{y}/NĐ-CP")]),
    "ttg": ("Thủ tướng Chính phủ", "THỦ TƯỚNG", [("Quyết định", "{n}/QĐ-TTg")]),
    "bnv": ("Bộ Nội vụ", "BỘ TRƯỞNG", [("Thông tư", "{n}/{y}/TT-BNV"), ("Công văn", "{n}/BNV-TCPCP")]),
    "btttt": ("Bộ Thông tin và Truyền thông", "BỘ TRƯỞNG", [("Công văn", "{n}/BTTTT-THH"), ("Thông báo", "{n}/TB-BTTTT")]),
}
ABSENT_BODIES = [("Sở Y tế", "{n}/SYT-NV", "Công văn"), ("Sở Tài chính", "{n}/STC-QLNS", "Công văn"),
                 ("Sở Xây dựng", "{n}/SXD-QLXD", "Công văn")]
RELATIONS = [("Căn cứ", "basis"), ("Thực hiện", "implements"), ("Trả lời", "responds_to"), ("Theo đề nghị tại", "refers")]
CLOSINGS = ["Đề nghị các cơ quan, đơn vị triển khai thực hiện.", "Kính trình xem xét, quyết định.",
            "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh để được hướng dẫn."]


@dataclass
class Body:
    key: str
    name: str
    parent: Optional[str]
    sign: str
    series: list[tuple[str, str]]
    place: Optional[str]  # province, None for a national body


@dataclass
class Cite:
    target: Optional[int]  # generated id of the cited document, None when it is not in the corpus
    number: str
    doc_type: str = ""
    day: Optional[date] = None
    style: int = 0  # 0 dd/mm/yyyy, 1 "ngày d tháng m năm y", 2 "năm yyyy", 3 no date
    issuer: str = ""  # " của …" or ""

    @property
    def text(self) -> str:
        if not self.doc_type:
            return ""
        d = self.day
        when = ("" if d is None else [f" ngày {d.day:02d}/{d.month:02d}/{d.year}", f" ngày {d.day} tháng {d.month} năm {d.year}",
                                      f" năm {d.year}", ""][self.style])
        return f"{self.doc_type} số {self.number}{when}{self.issuer}"


@dataclass
class Doc:
    gid: int
    body: Body
    doc_type: str
    number: str
    day: date
    subject: str
    words: str
    cites: list[Cite] = field(default_factory=list)
    quote_of: Optional[int] = None
    path: Optional[Path] = None


def real_material() -> tuple[list[str], list[str]]:
    """Subjects and body words of the real documents (the provincial folder without its scans, and the seeds)."""
    files = [p for p in sorted((SHARED / "corpus" / "provincial").iterdir()) if p.suffix != ".pdf" or p.stat().st_size < 400_000]
    files += sorted((SHARED / "seeds").iterdir())
    subjects, words = [], Counter()
    for f in files:
        try:
            d = parse_file(f)
        except Exception:
            continue
        if d.subject and 10 < len(d.subject) < 160 and not re.search(r"\d", d.subject):
            subjects.append(d.subject.rstrip("."))
        body = d.text[slice(*d.zones.body)] if d.zones.body else ""
        words.update(w for w in re.findall(r"[^\W\d_]+", body) if w.islower() and len(w) > 1)
    return sorted(set(subjects)), sorted(words)


def make_bodies() -> tuple[list[Body], dict[str, list[Body]]]:
    bodies: list[Body] = []
    by_place: dict[str, list[Body]] = defaultdict(list)
    for key, (name, sign, series) in NATIONAL_BODIES.items():
        bodies.append(Body(key, name, None, sign, series, None))
    for p in PROVINCES:
        for key, (name, parent, sign, series) in PROVINCIAL_BODIES.items():
            b = Body(key, name.format(p=p), parent.format(p=p) if parent else None, sign, series, p)
            bodies.append(b)
            by_place[p].append(b)
    return bodies, by_place


def date_style(rng: random.Random) -> int:
    return rng.choices([0, 1, 2, 3], [55, 35, 7, 3])[0]


def issuer_text(target: Body, citing: Body, rng: random.Random) -> str:
    """How a citation names the issuer: written out, short, with a signer's title, or not at all."""
    if target.place is None:
        return f" của {target.name}" if rng.random() < 0.5 else ""
    short = "UBND tỉnh" if target.key == "ubnd" else "HĐND tỉnh" if target.key == "hdnd" else (
        "Ban Thường vụ Tỉnh ủy" if target.key == "tu" else target.name)
    if target.place != citing.place:  # another province is always named
        return f" của {short} {target.place}" if target.key in ("ubnd", "hdnd") else f" của {target.name}" + (
            f" tỉnh {target.place}" if target.parent else "")
    r = rng.random()
    if r < 0.40:
        return ""
    if r < 0.65:
        return f" của {target.name}"
    if r < 0.85:
        return f" của {short}"
    title = {"ubnd": "Chủ tịch ", "snv": "Giám đốc ", "stttt": "Giám đốc ", "stp": "Giám đốc "}.get(target.key, "")
    return f" của {title}{short}"


def generate(n: int, seed: int) -> tuple[list[Doc], list[str], list[str]]:
    rng = random.Random(seed)
    subjects, vocab = real_material()
    bodies, by_place = make_bodies()
    national = [b for b in bodies if b.place is None]
    openers = [w for w in vocab if w not in ("luật", "bộ", "pháp", "hiến")]  # "Luật …" would read as a law cited
    # dates first, then numbers in date order per body, type and year (registers restart each year)
    plan = []
    for gid in range(n):
        body = rng.choice(national) if rng.random() < 0.03 else rng.choice(by_place[rng.choice(PROVINCES)])
        doc_type, template = rng.choice(body.series)
        day = date(rng.choice(YEARS), 1, 1) + timedelta(days=rng.randrange(365))
        plan.append((day, gid, body, doc_type, template))
    plan.sort(key=lambda x: (x[0], x[1]))
    counters: Counter = Counter()
    docs: list[Doc] = []
    for day, _, body, doc_type, template in plan:
        counters[(body.name, body.place, template, day.year)] += 1
        number = template.format(n=counters[(body.name, body.place, template, day.year)], y=day.year)
        words = [rng.choice(openers)] + [rng.choice(vocab) for _ in range(rng.randint(34, 69))]
        docs.append(Doc(len(docs), body, doc_type, number, day, rng.choice(subjects), " ".join(words).capitalize() + "."))
    by_body: dict[tuple, list[int]] = defaultdict(list)
    for d in docs:
        by_body[(d.body.place, d.body.key)].append(d.gid)
    for d in docs:
        for _ in range(rng.choices([0, 1, 2, 3, 4], [10, 30, 30, 20, 10])[0]):
            d.cites.append(cite(d, docs, by_place, by_body, national, rng))
        # a document citing two documents of one number dates both: a bare second mention means the first one
        same = Counter(c.number for c in d.cites if c.text)
        for c in d.cites:
            if same[c.number] > 1 and c.day is not None:
                c.style = min(c.style, 1)
        if d.gid > 100 and rng.random() < 0.03:
            d.quote_of = rng.randrange(d.gid - 100, d.gid)
    return docs, subjects, vocab


def cite(d: Doc, docs: list[Doc], by_place, by_body, national, rng: random.Random) -> Cite:
    r = rng.random()
    earlier = d.gid  # documents are in date order: a citation points back
    target: Optional[Doc] = None
    if r < 0.10:
        pool = by_body[(None, rng.choice(national).key)]
        k = _before(pool, earlier)
        target = docs[pool[rng.randrange(k)]] if k else None
    elif r < 0.65:
        b = rng.choice(by_place[d.body.place]) if d.body.place else rng.choice(national)
        pool = by_body[(b.place, b.key)]
        k = _before(pool, earlier)
        if k and rng.random() < 0.7:  # most citations are of the last year's documents
            lo = k
            while lo > 0 and (d.day - docs[pool[lo - 1]].day).days <= 365:
                lo -= 1
            target = docs[pool[rng.randrange(lo, k)]] if lo < k else docs[pool[k - 1]]
        else:
            target = docs[pool[rng.randrange(k)]] if k else None
    elif r < 0.75:
        b = rng.choice(by_place[rng.choice(PROVINCES)])
        pool = by_body[(b.place, b.key)]
        k = _before(pool, earlier)
        target = docs[pool[rng.randrange(k)]] if k else None
    if target is not None:
        day = target.day
        if rng.random() < 0.01:  # a wrong day, same year
            day = min(max(day + timedelta(days=rng.choice([-10, -3, 3, 10])), date(day.year, 1, 1)), date(day.year, 12, 31))
        typ = target.doc_type if rng.random() < 0.93 else "Văn bản"
        return Cite(target.gid, target.number, typ, day, date_style(rng), issuer_text(target.body, d.body, rng))
    return absent(d, docs, by_place, by_body, rng)


def absent(d: Doc, docs: list[Doc], by_place, by_body, rng: random.Random) -> Cite:
    """A document that is not in the corpus: a new number, or the number of an indexed one with another year or
    another province's issuer (a hard negative: it must not be linked)."""
    place = d.body.place or rng.choice(PROVINCES)
    day = d.day - timedelta(days=rng.randrange(1, 400))
    r = rng.random()
    if r < 0.4:
        name, template, typ = rng.choice(ABSENT_BODIES)
        return Cite(None, template.format(n=rng.randint(1, 3000)), typ, day, 0, f" của {name}")
    b = rng.choice(by_place[place])
    pool = by_body[(b.place, b.key)]
    if not pool:
        return Cite(None, "1/XX")
    other = docs[rng.choice(pool)]
    if r < 0.7:  # same body, same number, a year with no such document
        day = date(rng.choice(range(2010, 2020)), other.day.month, min(other.day.day, 28))
        return Cite(None, other.number.replace(f"/{other.day.year}/", f"/{day.year}/"), other.doc_type, day, 0)
    # the same number and year in another province, named with its place
    far = rng.choice([p for p in PROVINCES if p != other.body.place])
    named = f"UBND tỉnh {far}" if other.body.key == "ubnd" else f"HĐND tỉnh {far}" if other.body.key == "hdnd" else (
        f"Tỉnh ủy {far}" if other.body.key == "tu" else f"{other.body.name} tỉnh {far}")
    if any(docs[g].number == other.number and docs[g].day.year == other.day.year for g in by_body[(far, other.body.key)]):
        return Cite(None, "1/XX")  # the far province has that number too: not a negative, left out
    return Cite(None, other.number, other.doc_type, other.day, 0, f" của {named}")


def _before(pool: list[int], gid: int) -> int:
    lo, hi = 0, len(pool)
    while lo < hi:
        mid = (lo + hi) // 2
        if pool[mid] < gid:
            lo = mid + 1
        else:
            hi = mid
    return lo


def render(d: Doc, docs: list[Doc], rng: random.Random) -> str:
    b = d.body
    head = (b.parent.upper() + "\n" if b.parent else "") + b.name.upper()
    party = b.key == "tu"
    sep = "\n*\n" if party else "\n"
    quoc_hieu = "ĐẢNG CỘNG SẢN VIỆT NAM" if party else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    place = b.place or "Hà Nội"
    lines = []
    for c in d.cites:
        if not c.text:
            continue
        cue, _ = rng.choice(RELATIONS)
        lines.append(f"{cue} {c.text};")
    quote = f"\n{docs[d.quote_of].words}" if d.quote_of is not None else ""
    return (f"{head}{sep}Số{'' if party else ':'} {d.number}\n{quoc_hieu}\n"
            f"{place}, ngày {d.day.day:02d} tháng {d.day.month:02d} năm {d.day.year}\n{d.doc_type.upper()}\n"
            f"{d.subject}\n" + "\n".join(lines) + f"\n{d.words}{quote}\n{rng.choice(CLOSINGS)}\n"
            f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n{b.sign}\nNguyễn Văn An\n")


def write_corpus(docs: list[Doc], folder: Path, held: int, rng: random.Random) -> None:
    for d in docs:
        d.path = folder / (d.body.place or "national").replace(" ", "_") / f"{d.gid:06d}.txt"
    for sub in {d.path.parent for d in docs}:
        sub.mkdir(parents=True, exist_ok=True)
    for d in docs:
        if d.gid != held:
            d.path.write_text(render(d, docs, rng), encoding="utf-8")


def choose_held(docs: list[Doc]) -> int:
    """A document with several citers in the corpus: added last, alone."""
    citers = Counter(c.target for d in docs for c in d.cites if c.target is not None and c.text)
    return max((g for g, k in citers.items() if docs[g].body.place), key=lambda g: (citers[g], -g))


def evaluate(db: Path, docs: list[Doc]) -> dict:
    """Predicted targets of the extracted citations against the known ones."""
    gid_of = lambda p: int(Path(p).stem)  # noqa: E731
    truth: dict[tuple[int, str], list[Optional[int]]] = defaultdict(list)
    for d in docs:
        for c in d.cites:
            if c.text:
                truth[(d.gid, lookup_key(c.number) or c.number)].append(c.target)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT s.path, c.idx, c.lookup, d.path, c.short_form, l.reason FROM citations c JOIN links l ON l.src = c.doc_id AND l.idx = c.idx"
        " JOIN documents s ON s.id = c.doc_id LEFT JOIN documents d ON d.id = l.dst ORDER BY s.path, c.idx").fetchall()
    seen: Counter = Counter()
    tp = fp = fn = tn = extra = extra_fp = 0
    matched = 0
    missed: Counter = Counter()  # why known links were not made
    wrong: Counter = Counter()  # which links went to another document
    for src, _, lookup, dst, short, reason in rows:
        if short:
            continue
        key = (gid_of(src), lookup)
        i = seen[key]
        seen[key] += 1
        known = truth.get(key, [])
        predicted = gid_of(dst) if dst else None
        if i >= len(known):
            extra += 1
            extra_fp += predicted is not None
            continue
        matched += 1
        want = known[i]
        if predicted is not None:
            if predicted == want:
                tp += 1
            else:
                fp += 1
                wrong["undated, taken as the latest of its number" if "undated" in reason else
                      "of a document not in the corpus" if want is None else "dated"] += 1
                if want is not None:
                    fn += 1
        elif want is not None:
            fn += 1
            missed[reason.split(":")[0] if reason.startswith(("ambiguous", "too weak")) else "no candidate"] += 1
        else:
            tn += 1
    total = sum(len(v) for v in truth.values())
    positives = sum(t is not None for v in truth.values() for t in v)
    return {
        "known": total, "known_in_corpus": positives, "extracted": matched, "extra": extra, "tp": tp, "fp": fp,
        "fn": fn, "tn": tn, "precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn),
        "precision_with_extras": tp / max(1, tp + fp + extra_fp),
        "end_to_end_recall": tp / max(1, positives), "missed": dict(missed), "wrong": dict(wrong),
    }


def evaluate_reuse(db: Path, docs: list[Doc]) -> dict:
    """Planted quotes found; the other pairs found: two quotes of one paragraph, or a shared subject line."""
    planted = {tuple(sorted((d.gid, d.quote_of))) for d in docs if d.quote_of is not None}
    source = {d.gid: d.quote_of for d in docs if d.quote_of is not None}
    conn = sqlite3.connect(db)
    found = {tuple(sorted((int(Path(a).stem), int(Path(b).stem)))) for a, b in conn.execute(
        "SELECT a.path, b.path FROM reuse r JOIN documents a ON a.id = r.src JOIN documents b ON b.id = r.dst")}
    others = found - planted
    same_source = {(a, b) for a, b in others if source.get(a) is not None and source.get(a) == source.get(b)}
    same_subject = {(a, b) for a, b in others - same_source if docs[a].subject == docs[b].subject}
    return {"planted": len(planted), "found": len(found), "found_planted": len(planted & found),
            "recall": len(planted & found) / max(1, len(planted)), "same_source": len(same_source),
            "same_subject": len(same_subject), "unexplained": len(others - same_source - same_subject)}


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "system": f"{platform.system()} {platform.release()}", "load": os.getloadavg()[0]}

# ------------------------------------------------------------------------------------------ real documents
def real_files(vbpl: Path) -> list[Path]:
    files = sorted(p for p in vbpl.iterdir() if p.is_file()) if vbpl.is_dir() else []
    return files + sorted(p for p in (SHARED / "corpus").rglob("*") if p.is_file() and p.name not in NOT_DOCUMENTS)


def _cpu_children() -> float:
    """CPU of the children that ended (tesseract, forked parses) and of the reused parse worker's answers
    (``parse_file`` goes to it since session 16: ``RUSAGE_CHILDREN`` does not count a child still alive)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + worker.workers_cpu()


def real_worker(vbpl: Path, out: Path, limit: int = 0, index: Optional[Path] = None,
                profile: Optional[Path] = None) -> None:
    """Index the real documents (parsing included) into a new index; write the figures as JSON.  ``limit``: every
    k-th file, so that about that many are indexed (vbpl pages and corpus files alike, a subset to work with);
    ``index``: keep the index there (to measure band keys and reuse detection again on it); ``profile``: a cProfile
    of the whole run there (its linking stages: ``benchmarks/linking_profile.py``)."""
    files = real_files(vbpl)
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(k * step)] for k in range(limit)]
    per_file: dict[str, float] = {}
    ocr: set[str] = set()  # the files OCR read (a page at least)

    def timed(path: Path):  # parse_file parses in the parse worker (its limits): its CPU is the worker's
        c = time.process_time() + _cpu_children()
        try:
            doc = parse_file(path)
            if doc.source.ocr:
                ocr.add(path.name)
            return doc
        finally:
            per_file[path.name] = time.process_time() + _cpu_children() - c

    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = index or Path(tmp) / "index.sqlite"
        for old in db.parent.glob(db.name + "*"):
            old.unlink()
        prof = None
        if profile:
            import cProfile
            prof = cProfile.Profile(time.process_time)
            prof.enable()
        ch0, c0, t0 = _cpu_children(), time.process_time(), time.perf_counter()
        with Corpus.open(db, parser=timed) as corpus:
            rep = corpus.index([str(f) for f in files])
            stats = corpus.stats()
            pairs = corpus.conn.execute("SELECT count(*) FROM (SELECT DISTINCT min(src, dst), max(src, dst) FROM reuse)").fetchone()[0]
        cpu, wall, children = time.process_time() - c0, time.perf_counter() - t0, _cpu_children() - ch0
        if prof is not None:
            prof.disable()
            prof.dump_stats(str(profile))
    parse = sorted(per_file.values())
    kinds = {}
    for kind, names in (("text", [n for n in per_file if n not in ocr]), ("ocr", sorted(ocr))):
        cpu_of = sorted(per_file[n] for n in names)
        kinds[kind] = {"files": len(names), "parse": sum(cpu_of), "median_ms": 1e3 * statistics.median(cpu_of) if cpu_of else 0.0,
                       "worst_ms": 1e3 * cpu_of[-1] if cpu_of else 0.0}
    json.dump({"kinds": kinds,
        "files": len(files), "vbpl": sum(1 for f in files if f.parent == vbpl), "indexed": rep.stored,
        "digests": digests(db) if index else None,
        "failed": [[Path(p).name, m] for p, m in rep.failed], "cpu": cpu, "children_cpu": children, "wall": wall,
        "parse_cpu": rep.parse_cpu, "bands_cpu": rep.bands_cpu, "resolve_cpu": rep.resolve_cpu, "reuse_cpu": rep.reuse_cpu,
        "parse_median_ms": 1e3 * statistics.median(parse) if parse else 0.0, "parse_worst_ms": 1e3 * parse[-1] if parse else 0.0,
        "parse_worst_file": max(per_file, key=per_file.__getitem__) if per_file else "",
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "stats": stats, "reuse_pairs": pairs,
        "child_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "parse_total": sum(parse),
        "load": [load0, os.getloadavg()[0]],
    }, out.open("w"))


def digests(db: Path) -> dict[str, str]:
    """SHA-256 of the reused passages and of the links, by path (passages: both paths, both spans, words,
    similarity; links: citing path and index, cited path or dangling key, confidence, reason): a change to linking
    must leave them unchanged, or say what it lost or gained."""
    import hashlib
    conn = sqlite3.connect(db)
    out = {}
    for name, sql in (("reuse", "SELECT a.path, b.path, r.src_start, r.src_end, r.dst_start, r.dst_end, r.tokens, r.similarity,"
                                " r.directed FROM reuse r JOIN documents a ON a.id = r.src JOIN documents b ON b.id = r.dst"
                                " ORDER BY 1, 2, 3, 5"),
                      ("links", "SELECT a.path, l.idx, b.path, l.dangling, l.confidence, l.reason FROM links l"
                                " JOIN documents a ON a.id = l.src LEFT JOIN documents b ON b.id = l.dst ORDER BY 1, 2")):
        h, n = hashlib.sha256(), 0
        for row in conn.execute(sql):
            h.update(repr(row).encode())
            n += 1
        out[name] = f"{n} {h.hexdigest()[:16]}"
    conn.close()
    return out


def scale_worker(n: int, seed: int, out: Path, keep: bool = False) -> None:
    """Index ``n`` generated documents; write the CPU of each phase per document as JSON (``keep``: the corpus and
    its index stay in benchmarks/_work/linking/scale<n>, to be measured again)."""
    work = WORK / f"scale{n}"
    shutil.rmtree(work, ignore_errors=True)
    load0 = os.getloadavg()[0]
    docs, _, _ = generate(n, seed)
    held = choose_held(docs)
    write_corpus(docs, work / "corpus", held, random.Random(seed + 1))
    docs_mb = _rss_mb()  # the interpreter, the package and the generated documents, held for the evaluation
    gen_peak = _peak_mb()
    reset = _peak_reset()
    with Corpus.open(work / "index.sqlite") as corpus:
        rep = corpus.index([work / "corpus"])
    index_peak = _peak_mb() if reset else None
    quality, reuse_q = evaluate(work / "index.sqlite", docs), evaluate_reuse(work / "index.sqlite", docs)
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    json.dump({"docs": rep.parsed, "cpu": rep.cpu_seconds, "parse_cpu": rep.parse_cpu, "bands_cpu": rep.bands_cpu,
               "resolve_cpu": rep.resolve_cpu, "reuse_cpu": rep.reuse_cpu, "resolved": rep.resolved,
               "passages": rep.reuse_passages, "precision": quality["precision"], "recall": quality["recall"],
               "reuse_recall": reuse_q["recall"], "peak_mb": max(gen_peak, _peak_mb()), "docs_mb": docs_mb, "index_peak_mb": index_peak, "load": [load0, os.getloadavg()[0]]}, out.open("w"))


def _rss_mb() -> Optional[float]:
    """Resident memory now (Linux ``/proc/self/status``), MB."""
    try:
        return next(int(line.split()[1]) / 1024 for line in open("/proc/self/status") if line.startswith("VmRSS"))
    except (OSError, StopIteration):
        return None


def _peak_reset() -> bool:
    """Reset the process's peak resident memory (Linux: ``clear_refs`` 5), so that the indexing's own peak is
    measured apart from the generation's and the evaluation's (False where it cannot be reset)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _mb(v: Optional[float]) -> str:
    return "–" if v is None else f"{v:,.0f}"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(args: list[str]) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run([sys.executable, __file__, *args, "--worker-out", f.name], check=True)
        return json.load(open(f.name))


def kind_rows(real: dict, link_per_doc: float) -> list[str]:
    """The text documents (read without OCR) and the OCR'd ones apart: their parsing, and the run's linking cost
    per document added (linking does not depend on the reader)."""
    out = []
    for kind, what in (("text", "text documents (vbpl pages, corpus text layers, DOCX, HTML…: no OCR)"),
                       ("ocr", "OCR'd documents (scans, damaged text layers)")):
        k = real.get("kinds", {}).get(kind)
        if not k or not k["files"]:
            continue
        total = k["parse"] + link_per_doc * k["files"]
        out.append(f"| {k['files']} {what}: parsing (median {k['median_ms']:,.1f} ms, worst {k['worst_ms']:,.0f} ms) "
                   f"+ linking at the run's {1e3 * link_per_doc:,.1f} ms per document | {total:,.1f} | "
                   f"{1e3 * total / k['files']:,.1f} ms | **{k['files'] / max(total, 1e-9):,.1f}** |")
    return out


def real_report(real: dict, scale: list[dict]) -> str:
    docs = real["indexed"]
    total = real["cpu"] + real["children_cpu"]
    linking = total - real["parse_total"]
    st = real["stats"]
    lines = [
        BEGIN,
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d} with `benchmarks/linking_benchmark.py --real` (vnadmin-nlp {__version__}); "
        "CPU time (`time.process_time`), the host being shared (load average, 1 min, at the start and the end of each run).",
        "",
        f"**Real documents**: {real['vbpl']} vbpl.vn pages of the devset and {real['files'] - real['vbpl']} files of the shared corpus "
        f"(provincial/ included), indexed from the files in one process (parsing, storing, resolution, reuse), "
        f"load {real['load'][0]:.1f} → {real['load'][1]:.1f}:",
        "",
        "| | CPU s | per document | documents per CPU-second |", "|---|---:|---:|---:|",
        f"| Whole run, parsing included ({docs} documents indexed, {len(real['failed'])} not) | {total:,.1f} | "
        f"{1e3 * total / max(docs, 1):,.1f} ms | **{docs / max(total, 1e-9):,.1f}** |",
        f"| of which parsing (`parse_file`, in the parse worker, with OCR's tesseract; per file median "
        f"{real['parse_median_ms']:,.1f} ms, worst {real['parse_worst_ms']:,.0f} ms: {real['parse_worst_file']}) | "
        f"{real['parse_total']:,.1f} | {1e3 * real['parse_total'] / max(docs, 1):,.1f} ms | {docs / max(real['parse_total'], 1e-9):,.1f} |",
        f"| of which linking (storing, band keys, resolution, reuse) | {linking:,.1f} | {1e3 * linking / max(docs, 1):,.1f} ms | **{docs / max(linking, 1e-9):,.1f}** |",
        f"| … band keys (MinHash of the passages) | {real['bands_cpu']:,.1f} | {1e3 * real['bands_cpu'] / max(docs, 1):,.1f} ms | |",
        f"| … resolution ({st['citations']:,} citations, {st['resolved']:,} resolved) | {real['resolve_cpu']:,.1f} | {1e3 * real['resolve_cpu'] / max(docs, 1):,.1f} ms | |",
        f"| … reuse detection ({st['reuse_passages']:,} passages in {real['reuse_pairs']:,} pairs) | {real['reuse_cpu']:,.1f} | {1e3 * real['reuse_cpu'] / max(docs, 1):,.1f} ms | |",
        *kind_rows(real, linking / max(docs, 1)),
        "",
        f"Peak memory (RSS) of the indexing process: **{real['peak_mb']:,.0f} MB** (of the largest parse child: "
        f"{real['child_peak_mb']:,.0f} MB)." + (
            " Not indexed: " + "; ".join(f"{n} ({m[:80]})" for n, m in real["failed"]) + "." if real["failed"] else ""),
        "",
    ]
    if scale:
        lines += ["**Generated corpus** (the synthetic corpus of [`performance-linking.md`](performance-linking.md)): CPU per "
                  "document of resolution and of reuse detection (band keys + candidate pairs + alignment), against the smallest size:", "",
                  "| Documents | load | resolution ms/doc | × | reuse ms/doc | × | precision | recall | reuse recall | peak MB "
                  "(indexing; documents held) |",
                  "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        base = scale[0]
        per = lambda r, k: 1e3 * r[k] / max(r["docs"], 1)  # noqa: E731
        reuse_of = lambda r: 1e3 * (r["reuse_cpu"] + r["bands_cpu"]) / max(r["docs"], 1)  # noqa: E731
        for r in scale:
            lines.append(f"| {r['docs']:,} | {r['load'][0]:.1f} → {r['load'][1]:.1f} | {per(r, 'resolve_cpu'):.3f} | "
                         f"{per(r, 'resolve_cpu') / max(per(base, 'resolve_cpu'), 1e-9):.2f} | {reuse_of(r):.3f} | "
                         f"{reuse_of(r) / max(reuse_of(base), 1e-9):.2f} | {r['precision']:.4f} | {r['recall']:.4f} | "
                         f"{r['reuse_recall']:.4f} | {r['peak_mb']:,.0f} ({_mb(r.get('index_peak_mb'))}; {_mb(r.get('docs_mb'))}) |")
        lines.append("")
    lines += [
        "How the work per document is bounded: the band keys of the new documents enter the `lsh` index just before "
        "they are compared, sorted, a million at a time (`detect.index_bands`), not one document at a time on random "
        "pages of a growing index; reuse detection reads only the band keys shared by 2 to 50 documents "
        "(a probe of at most 51 index entries tells; the batch's keys drive the join), aligns each new document with at most `detect.MAX_CANDIDATES` "
        "(50) others, those sharing the most band keys with it, visits one by one only the shingles the two share, "
        "and finds words' character offsets again only for the passages reported (on the text, not folded again); the tokens kept in memory "
        "are bounded (6 million shingles, 8 bytes each; those the writer cut for the band keys are kept), and so are the texts (8 million characters), and the writer holds at most 8 million characters of parsed "
        "text before its transaction.  Resolution reads each queued number's citations once and scores a citation "
        "first against the candidates of its places and its citing document's (and, dated, of its date), those "
        "without a place or issuer, and a number of at most `resolve._FEW` (4) candidates at once; the others "
        "(another province's document of the same number) are scored only when the best near one is not `MARGIN` above "
        "what they can score (`resolve.far_bound`: an issuer's name counts as a partial match when no far candidate bears it, "
        "`Group.far_exact`), and never for a citation naming its "
        "issuer and place (every other place's issuer conflicts): the link is the one of scoring them all.", "",
        END]
    return "\n".join(lines)


def write_section(block: str, path: Path = PERF_MD) -> None:
    """Put the block under ``## Linking`` in docs/performance.md, replacing the previous one."""
    if not path.exists() or BEGIN not in path.read_text(encoding="utf-8"):
        block = f"## Linking\n\n{block}"  # a first run: the section's heading comes with it
    put_block(path, "linking", block)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20221019)
    ap.add_argument("--no-reuse", action="store_true", help="Index without text reuse detection.")
    ap.add_argument("--keep", action="store_true", help="Keep benchmarks/_work/linking afterwards.")
    ap.add_argument("--no-write", action="store_true", help="Print the results; do not rewrite the Markdown.")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance-linking.md")
    ap.add_argument("--real", action="store_true", help="Real documents and the per-document cost at --scale sizes; "
                    "writes the '## Linking' block of docs/performance.md (unless --no-write).")
    ap.add_argument("--vbpl", type=Path, default=ROOT / "build" / "devset" / "vbpl", help="The unpacked vbpl.vn pages.")
    ap.add_argument("--scale", default="1000,100000", help="Generated corpus sizes for --real (comma-separated; '' for none).")
    ap.add_argument("--limit", type=int, default=0, help="--real: about this many real files (every k-th), a subset to work with.")
    ap.add_argument("--index", type=Path, help="--real: keep the real documents' index here.")
    ap.add_argument("--profile", type=Path, help="--real: write a cProfile of the real run here (CPU clock).")
    ap.add_argument("--worker", choices=["real", "scale"], help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker == "real":
        real_worker(args.vbpl, args.worker_out, args.limit, args.index, args.profile)
        return
    if args.worker == "scale":
        scale_worker(args.docs, args.seed, args.worker_out, args.keep)
        return
    if args.real:
        real = _child(["--worker", "real", "--vbpl", str(args.vbpl), "--limit", str(args.limit),
                       *(["--index", str(args.index.resolve())] if args.index else []),
                       *(["--profile", str(args.profile.resolve())] if args.profile else [])])
        scale = [_child(["--worker", "scale", "--docs", n, "--seed", str(args.seed), *(["--keep"] if args.keep else [])])
                 for n in args.scale.split(",") if n]
        block = real_report(real, scale)
        print(json.dumps(real), file=sys.stderr)
        print(block)
        if not args.no_write:
            write_section(block)
        return

    shutil.rmtree(WORK, ignore_errors=True)
    folder, db = WORK / "corpus", WORK / "index.sqlite"
    start_load = os.getloadavg()[0]
    t = time.perf_counter()
    docs, subjects, vocab = generate(args.docs, args.seed)
    held = choose_held(docs)
    write_corpus(docs, folder, held, random.Random(args.seed + 1))
    gen_s = time.perf_counter() - t
    n_cites = sum(1 for d in docs for c in d.cites if c.text)
    print(f"generated {len(docs)} documents, {n_cites} citations in {gen_s:.0f}s", file=sys.stderr)

    progress_every = max(1, args.docs // 20)

    def progress(report, path, _n=[0]):  # noqa: B006
        _n[0] += 1
        if _n[0] % progress_every == 0:
            print(f"  {_n[0]} files, {report.parsed} parsed, {time.perf_counter() - t0:.0f}s", file=sys.stderr)

    with Corpus.open(db, reuse=not args.no_reuse) as corpus:
        t0 = time.perf_counter()
        full = corpus.index([folder], progress=progress)
        print(f"full index: {full.summary()}", file=sys.stderr)
        t0 = time.perf_counter()
        noop = corpus.index([folder])
        docs[held].path.write_text(render(docs[held], docs, random.Random(7)), encoding="utf-8")
        counted: list[str] = []
        corpus.parser = lambda p: (counted.append(str(p)), parse_file(p))[1]
        t0 = time.perf_counter()
        one = corpus.index([folder])
        held_citers = corpus.cited_by(f"doc:{corpus.get(str(docs[held].path)).row}")
        stats = corpus.stats()
    size = sum(f.stat().st_size for f in WORK.glob("index.sqlite*"))
    quality = evaluate(db, docs)
    reuse_q = evaluate_reuse(db, docs) if not args.no_reuse else None
    end_load = os.getloadavg()[0]
    result = {
        "machine": machine() | {"load_start": start_load, "load_end": end_load}, "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"), "version": __version__,
        "docs": len(docs), "citations": n_cites, "generate_s": gen_s, "full": full, "noop": noop, "one": one,
        "one_parsed": [Path(p).name for p in counted], "held": docs[held].number, "held_citers": len(held_citers),
        "held_known_citers": sum(1 for d in docs for c in d.cites if c.target == held and c.text),
        "stats": stats, "db_mb": size / 1e6, "quality": quality, "reuse": reuse_q, "reuse_on": not args.no_reuse,
        "subjects": len(subjects), "vocab": len(vocab),
    }
    md = report(result)
    print(md)
    if not args.no_write:
        args.out.write_text(md, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)


def report(r: dict) -> str:
    m, full, one, noop, q = r["machine"], r["full"], r["one"], r["noop"], r["quality"]
    store_s = full.seconds - full.parse_seconds - full.resolve_seconds - full.reuse_seconds
    rows = [
        ("Documents indexed (files parsed)", f"{full.parsed:,}"),
        ("Citations stored / resolved", f"{r['stats']['citations']:,} / {full.resolved:,}"),
        ("Whole index run", f"{full.seconds:,.0f} s: **{full.parsed / full.seconds:,.0f} documents/s**"),
        ("of which parsing (`parse_file`)", f"{full.parse_seconds:,.0f} s ({full.parsed / max(full.parse_seconds, 1e-9):,.0f} documents/s)"),
        ("of which storing (SQLite, keys, MinHash bands)", f"{store_s:,.0f} s ({full.parsed / max(store_s, 1e-9):,.0f} documents/s)"),
        ("of which resolution", f"{full.resolve_seconds:,.1f} s: **{full.resolved / max(full.resolve_seconds, 1e-9):,.0f} citations/s**"),
        ("of which reuse detection", f"{full.reuse_seconds:,.0f} s ({full.reuse_passages:,} passages)" if r["reuse_on"] else "off"),
        ("Index size", f"{r['db_mb']:,.0f} MB"),
        ("Re-index, nothing changed", f"{noop.seconds:,.1f} s ({noop.unchanged:,} files unchanged, {noop.parsed} parsed)"),
        ("Re-index after adding one file", f"{one.seconds:,.2f} s: parsed {one.parsed} file ({', '.join(r['one_parsed'])}), "
                                           f"{one.resolved} citations resolved again, {one.unchanged:,} unchanged"),
        ("Its citers linked to it after the re-index", f"{r['held_citers']} of {r['held_known_citers']} known ({r['held']})"),
    ]
    lines = [
        "# Linking a corpus: performance", "",
        f"Measured {r['date']} with `benchmarks/linking_benchmark.py` (vnadmin-nlp {r['version']}) on {m['nproc']} CPU(s) "
        f"({m['cpu']}), {m['system']}, Python {m['python']}, SQLite {m['sqlite']}. One process: parsing, storing, "
        f"resolution and reuse detection run one after the other. Load average (1 min) {m['load_start']:.1f} at the "
        f"start, {m['load_end']:.1f} at the end (above 1, other processes shared the CPUs and slowed these figures).", "",
        f"The corpus: {r['docs']:,} synthetic documents with {r['citations']:,} citations, generated from the shared "
        f"corpus (bodies, symbols and types of the provincial folder and the seeds, {r['subjects']} real subjects, "
        f"{r['vocab']:,} words of their bodies) over {len(PROVINCES)} provinces, 4 national bodies and the years "
        f"{YEARS[0]}–{YEARS[-1]}; numbers restart each year for each body and type, so every number recurs across "
        "provinces and years (see the script's docstring for the mix of citations).", "",
        "| | |", "|---|---|", *[f"| {a} | {b} |" for a, b in rows], "",
        "## Resolution against the known links", "",
        f"Of {q['known']:,} known citations, the parser extracted {q['extracted']:,} "
        f"({q['extracted'] / max(1, q['known']):.1%}); {q['extra']:,} more citations were extracted that the generator "
        "did not write (e.g. a number read twice).", "",
        "| | |", "|---|---|",
        f"| Precision (resolved to the right document / all resolved) | **{q['precision']:.4f}** ({q['tp']:,} / {q['tp'] + q['fp']:,}) |",
        f"| Recall (resolved to the right document / extracted citations of indexed documents) | **{q['recall']:.4f}** ({q['tp']:,} / {q['tp'] + q['fn']:,}) |",
        f"| Precision counting the extra citations that got a link as errors | {q['precision_with_extras']:.4f} |",
        f"| Recall over all known citations of indexed documents (extraction included) | {q['end_to_end_recall']:.4f} ({q['tp']:,} / {q['known_in_corpus']:,}) |",
        f"| Citations of documents not in the corpus left dangling | {q['tn']:,} of {q['extracted'] - q['tp'] - q['fn']:,} |",
        "",
        f"Errors: {sum(q['missed'].values()):,} known links left unresolved ("
        + ", ".join(f"{k} {v:,}" for k, v in sorted(q["missed"].items())) + f"); {q['fp']:,} links to another document ("
        + ", ".join(f"{k} {v:,}" for k, v in sorted(q["wrong"].items())) + ").",
        "",
    ]
    if r["reuse"]:
        ru = r["reuse"]
        lines += ["## Text reuse", "",
                  f"{ru['planted']:,} documents quote a paragraph (35–70 words) of an earlier one; {ru['found_planted']:,} of "
                  f"these pairs were found (recall {ru['recall']:.4f}). {ru['found']:,} pairs were found in all: besides the "
                  f"planted ones, {ru['same_source']:,} pairs of documents quoting the same paragraph, {ru['same_subject']:,} "
                  f"pairs sharing a subject line of 30 words or more (the generator gives the {r['subjects']} real subjects to "
                  "all documents, and the parser reads a body that starts with \"Trả lời …\" as part of the subject, so "
                  f"the subject of those documents is compared), and {ru['unexplained']:,} other pairs.", ""]
    lines += [
        "## Notes", "",
        "- Parsing is half of the indexing time; documents parsed elsewhere (the batch engine, in parallel) can be "
        "given to `Corpus.index` instead of paths.",
        "- Resolution looks candidates up by number-symbol and year through indexes; a dated citation is scored "
        "against the documents of its date and places only (the others cannot come close), so its cost does not "
        "grow with the corpus, only with how often one number recurs in one year (here up to one per province).",
        "- Where the errors come from: a citation with neither date nor year, of a number its body used in several "
        "years, is taken as the latest document of that number before the citing one (confidence 0.6), which is "
        "wrong when an older one was meant (the generator cites older documents too); a wrong day with no issuer to "
        "confirm the candidate leaves the citation unresolved (too weak); a wrong day that is the exact date of "
        "another province's document of the same number links to that document; two documents of one number and "
        "date that nothing else tells apart leave the citation unresolved (ambiguous).",
        "- The parser leaves out a citation whose number-symbol is the citing document's own number (e.g. "
        "`1/SNV-TCCC` of 2011 cited in `1/SNV-TCCC` of 2020): most of the citations not extracted are of that kind.",
        "",
        "Reproduce: `.venv/bin/python benchmarks/linking_benchmark.py` (the generator is seeded; "
        "`--docs 2000 --no-write` checks the script in a minute).", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
