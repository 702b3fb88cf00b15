"""The linking benchmark's synthetic corpus (``linking_benchmark.py`` says how it is made): bodies over the provinces
and years, documents citing each other and quoting earlier ones, written as text files; and the links and
reuse the index found, scored against the known ones.
"""
from __future__ import annotations

import os
import random
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks

from vnadmin_nlp.identity import lookup_key  # noqa: E402
from vnadmin_nlp.pipeline import parse_file  # noqa: E402

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
