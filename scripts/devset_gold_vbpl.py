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
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

import lxml.html

TYPES = ["Thông tư liên tịch", "Văn bản hợp nhất", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư",
         "Pháp lệnh", "Luật", "Chỉ thị", "Lệnh", "Hiến pháp"]
TYPE_UP = {t.upper(): t for t in TYPES}

# look-alike letters that show up inside symbols: Cyrillic and the Icelandic eth
LOOKALIKE = str.maketrans({
    "\u0410": "A", "\u0412": "B", "\u0421": "C", "\u0415": "E", "\u041d": "H", "\u041a": "K", "\u041c": "M",
    "\u041e": "O", "\u0420": "P", "\u0422": "T", "\u0425": "X", "\u0423": "Y", "\u0430": "a", "\u0441": "c",
    "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0445": "x", "\u00d0": "\u0110", "\u0189": "\u0110",
})

# issuing bodies: the header's caps line(s) -> the name in normal case (read from the pages)
ISSUERS = {
    "CHÍNH PHỦ": "Chính phủ",
    "QUỐC HỘI": "Quốc hội",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI": "Ủy ban Thường vụ Quốc hội",
    "UỶ BAN THƯỜNG VỤ QUỐC HỘI": "Ủy ban Thường vụ Quốc hội",
    "THỦ TƯỚNG CHÍNH PHỦ": "Thủ tướng Chính phủ",
    "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM": "Ngân hàng Nhà nước Việt Nam",
    "BỘ TÀI CHÍNH": "Bộ Tài chính",
    "BỘ CÔNG THƯƠNG": "Bộ Công Thương",
    "BỘ CÔNG AN": "Bộ Công an",
    "BỘ QUỐC PHÒNG": "Bộ Quốc phòng",
    "BỘ TƯ PHÁP": "Bộ Tư pháp",
    "BỘ Y TẾ": "Bộ Y tế",
    "BỘ XÂY DỰNG": "Bộ Xây dựng",
    "BỘ NỘI VỤ": "Bộ Nội vụ",
    "BỘ GIÁO DỤC VÀ ĐÀO TẠO": "Bộ Giáo dục và Đào tạo",
    "BỘ KHOA HỌC VÀ CÔNG NGHỆ": "Bộ Khoa học và Công nghệ",
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": "Bộ Nông nghiệp và Môi trường",
    "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH": "Bộ Văn hóa, Thể thao và Du lịch",
    "BỘ VĂN HOÁ, THỂ THAO VÀ DU LỊCH": "Bộ Văn hóa, Thể thao và Du lịch",
    "BỘ DÂN TỘC VÀ TÔN GIÁO": "Bộ Dân tộc và Tôn giáo",
    "BỘ NGOẠI GIAO": "Bộ Ngoại giao",
    "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG": "Bộ Tài nguyên và Môi trường",
    "BỘ GIAO THÔNG VẬN TẢI": "Bộ Giao thông vận tải",
    "BỘ KẾ HOẠCH VÀ ĐẦU TƯ": "Bộ Kế hoạch và Đầu tư",
    "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI": "Bộ Lao động - Thương binh và Xã hội",
    "BỘ THÔNG TIN VÀ TRUYỀN THÔNG": "Bộ Thông tin và Truyền thông",
    "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN": "Bộ Nông nghiệp và Phát triển nông thôn",
    "THANH TRA CHÍNH PHỦ": "Thanh tra Chính phủ",
    "KIỂM TOÁN NHÀ NƯỚC": "Kiểm toán Nhà nước",
    "TÒA ÁN NHÂN DÂN TỐI CAO": "Tòa án nhân dân tối cao",
    "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO": "Viện kiểm sát nhân dân tối cao",
    "ỦY BAN DÂN TỘC": "Ủy ban Dân tộc",
}

BLOCK = {"p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead", "ul", "ol",
         "section", "article", "blockquote"}
CELL = {"td", "th"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def clean(s):
    return re.sub(r"\s+", " ", nfc(s).replace("\u00a0", " ")).strip()


def body_lines(el):
    """The text of the body, one line per block element (table cells in reading order, row by row)."""
    out = []
    cur = []

    def flush():
        s = clean("".join(cur))
        if s:
            out.append(s)
        cur.clear()

    def walk(e):
        if not isinstance(e.tag, str):
            if e.tail:
                cur.append(e.tail)
            return
        tag = e.tag.lower()
        if tag in ("script", "style"):
            if e.tail:
                cur.append(e.tail)
            return
        blk = tag in BLOCK or tag in CELL
        if tag == "br":
            flush()
        if blk:
            flush()
        if e.text:
            cur.append(e.text)
        for c in e:
            walk(c)
        if blk:
            flush()
        if e.tail:
            cur.append(e.tail)

    walk(el)
    flush()
    return out


def norm_number(s):
    if s is None:
        return None
    s = clean(s).translate(LOOKALIKE)
    s = re.sub(r"\s*([/\-–])\s*", r"\1", s).replace("–", "-")
    return s.strip(" .;:,")


def iso(d, m, y):
    """ISO date; YYYY-MM / YYYY when the day or month is left blank (a copy before dating)."""
    if not m:
        return f"{int(y):04d}"
    if not d:
        return f"{int(y):04d}-{int(m):02d}"
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def parse_title(title):
    """'Nghị định số 43/2026/NĐ-CP Sửa đổi…' or 'Luật Quản lý thuế số 108/2025/QH15' -> (type, number, subject)."""
    t = clean(title)
    low = t.lower()
    typ = None
    for name in TYPES:
        if low.startswith(name.lower()):
            typ = name
            break
    m = re.search(r"\b(?:số|SỐ)\s*(?:Số:\s*)?([0-9][0-9A-Za-zĐđÐ.\u0400-\u04ff]*(?:\s*/\s*[0-9A-Za-zĐđÐ\u0400-\u04ff.]+)*"
                  r"(?:\s*-\s*[A-Za-zĐđÐ\u0400-\u04ff0-9]*)*)", t)
    if not m:  # 'Thông tư 32/2022/TT-BCT …'
        m = re.search(r"^\S+(?:\s+\S+)?\s+([0-9]+/[0-9A-Za-zĐđ\-/\u0400-\u04ff]+)", t)
    number = m.group(1) if m else None
    subject = None
    if typ and m:
        before = t[len(typ):m.start()].strip()
        after = t[m.end():].strip()
        if typ in ("Luật", "Pháp lệnh") and before:
            subject = before          # Luật <name> số …
        else:
            subject = after or before or None
    return typ, number, subject


def attr_table(root):
    attrs = {}
    for c in root.xpath('//div[contains(@class,"ant-descriptions-item-container")]'):
        lab = c.xpath('.//span[contains(@class,"ant-descriptions-item-label")]')
        val = c.xpath('.//span[contains(@class,"ant-descriptions-item-content")]')
        if lab and val:
            v = clean(val[0].text_content())
            attrs[clean(lab[0].text_content())] = None if v in ("--", "") else v
    return attrs


DATE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
PLACE_DATE_RE = re.compile(r"^([^\d,]{2,40}?)\s*,\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})", re.I)
NUM_RE = re.compile(r"^(?:(?:Luật|Nghị quyết|Pháp lệnh|Lệnh)\s+)?[Ss][ốôo]\s*:?\s*(\S.*)$")
AUTH_RE = re.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\s*\.\s*\S|K\.T\s+\S|(?:T/M|K/T|T/L)\s+\S)")
SIGNPOS = re.compile(r"^(BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|PHÓ THỦ TƯỚNG|THỐNG ĐỐC|PHÓ THỐNG ĐỐC|CHỦ TỊCH|PHÓ CHỦ TỊCH|"
                     r"TỔNG KIỂM TOÁN|TỔNG THANH TRA|CHÁNH ÁN|VIỆN TRƯỞNG|BỘ TRƯỞNG, CHỦ NHIỆM|CHỦ NHIỆM|"
                     r"PHÓ TỔNG KIỂM TOÁN|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG)\b")
NOISE = re.compile(r"^[(\[]?\s*(đã\s*k[ýí]|daky|ký|ký tên|ký, ghi rõ họ tên)[^)\]]*[)\]]?\.?$|^\[?\s*(chữ ký|con dấu)[^\]]*\]?$",
                   re.I)
RANK = re.compile(r"^((?:Đại|Thượng|Trung|Thiếu)\s+tướng|(?:Đại|Thượng|Trung|Thiếu)\s+tá|GS\.?\s*TS\.?|PGS\.?\s*TS\.?|TS\.?|ThS\.?)\s+(.+)$")


def split_rank(s):
    m = RANK.match(s.strip())
    return (m.group(1), m.group(2)) if m else (None, s.strip())


def is_name(s):
    s = split_rank(s)[1]
    if NOISE.match(s) or len(s) > 40:
        return False
    w = s.split()
    if not (2 <= len(w) <= 5):
        return False
    return all(x[:1].isupper() and not x.isupper() or len(x) == 1 for x in w) and not re.search(r"[\d:;,()]", s)


def header_fields(lines):
    """Issuer lines, number, place, date, type line and subject lines from the first lines of the body."""
    res = {"issuer_lines": [], "number_raw": None, "place": None, "date": None, "type_line": None,
           "subject_lines": [], "type_idx": None}
    head = lines[:60]
    # type line: first line that is exactly a type name in caps
    for i, l in enumerate(head):
        u = l.strip(" .").upper()
        if u in TYPE_UP and l.strip(" .") == l.strip(" .").upper():
            res["type_line"] = TYPE_UP[u]
            res["type_idx"] = i
            break
    stop = res["type_idx"] if res["type_idx"] is not None else len(head)
    for i, l in enumerate(head[:stop]):
        m = NUM_RE.match(l)
        if m and res["number_raw"] is None and re.search(r"\d", m.group(1)):
            res["number_raw"] = m.group(1)
            continue
        m = PLACE_DATE_RE.match(l)
        if m and res["date"] is None:
            res["place"] = clean(m.group(1))
            res["date"] = iso(m.group(2), m.group(3), m.group(4))
            continue
        if re.match(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập)", l) or re.match(r"^[-_=*\s]+$", l):
            continue
        if res["number_raw"] is None and res["date"] is None and l == l.upper() and re.search(r"[A-ZĐ]", l):
            res["issuer_lines"].append(l)
    if res["type_idx"] is not None:
        for l in lines[res["type_idx"] + 1: res["type_idx"] + 12]:
            if re.match(r"^(Căn cứ|Theo đề nghị|Xét đề nghị|Chương\s|Điều\s+\d|Phần\s|_{2,}|-{3,}|\*)", l) or \
               re.match(r"^[-_=*\s\u2012-\u2015]+$", l):
                break
            if re.match(r"^(CHÍNH PHỦ|QUỐC HỘI|ỦY BAN THƯỜNG VỤ|BỘ TRƯỞNG|THỐNG ĐỐC|THỦ TƯỚNG)", l) and \
               res["subject_lines"]:
                break
            m = re.match(r"^(?:(?:Luật|Nghị quyết|Pháp lệnh)\s+)?Số\s*:\s*(\S.*)$", l)
            if m:
                if res["number_raw"] is None:
                    res["number_raw"] = m.group(1)
                continue
            res["subject_lines"].append(l)
    return res


def is_caps(x):
    return x == x.upper() and re.search(r"[A-ZĐ]", x) and len(x) < 80 and not re.search(r"[;:]", x)


def closing_fields(lines, start):
    """Signature blocks after `start`: a run of caps lines (authority lines: TM./KT./…, or a bare
    'THỐNG ĐỐC' above 'PHÓ THỐNG ĐỐC' where the copy dropped the 'KT.'), the last caps line is the position,
    then '(Đã ký)' noise, then the name. The first block (and a joint block right after it) is taken."""
    signers = []
    i = start
    n = len(lines)
    while i < n:
        l = lines[i]
        if AUTH_RE.match(l) or (SIGNPOS.match(l) and is_caps(l)):
            caps, name = [], None
            j = i
            while j < n and j < i + 9:
                x = lines[j]
                if NOISE.match(x):
                    pass
                elif is_caps(x) and not is_name(x):
                    if name is None and not any(NOISE.match(y) for y in lines[i:j]):
                        caps.append(x)
                    else:
                        break
                elif is_name(x) and caps:
                    name = x
                    break
                else:
                    break
                j += 1
            if name:
                rank, nm = split_rank(name)
                signers.append({"authority": caps[:-1], "position": caps[-1], "name": nm, "rank": rank,
                                "printed": name, "line": i})
                i = j + 1
                if i < n and any(AUTH_RE.match(y) or SIGNPOS.match(y) for y in lines[i:i + 3]):
                    continue
                break
        i += 1
    return signers


def adoption_date(lines):
    """Luật / Pháp lệnh / Nghị quyết of the Quốc hội: '… thông qua ngày 10 tháng 12 năm 2025.'"""
    for l in lines:
        m = re.search(r"thông qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", l)
        if m:
            return iso(*m.groups()), l
    return None, None


def issuer_name(lines):
    if not lines:
        return None
    joined = clean(" ".join(lines)).upper()
    if joined in ISSUERS:
        return ISSUERS[joined]
    for l in lines:  # a parent line above the body
        if clean(l).upper() in ISSUERS:
            pass
    return None


def split_of(id_):
    return "test" if int(hashlib.sha256(id_.encode()).hexdigest(), 16) % 4 == 0 else "dev"


def derive(path, rec):
    root = lxml.html.parse(str(path)).getroot()
    h = root.xpath('//h1[contains(@class,"lawDocumentHeader_title")]')
    title = clean(h[0].text_content()) if h else None
    out = {"id": rec["id"], "file": path.name, "class": rec["class"], "split": split_of(rec["id"]),
           "title": title}
    out["title_type"], out["title_number_raw"], out["title_subject"] = parse_title(title) if title else (None,) * 3
    out["title_number"] = norm_number(out["title_number_raw"])
    out["attrs"] = attr_table(root)
    pc = root.xpath('//div[contains(@class,"preview-content")]')
    lines = body_lines(pc[0]) if pc else []
    out["n_lines"] = len(lines)
    if lines:
        hf = header_fields(lines)
        out["body_issuer_lines"] = hf["issuer_lines"]
        out["body_issuer"] = issuer_name(hf["issuer_lines"])
        out["body_number_raw"] = hf["number_raw"]
        out["body_number"] = norm_number(hf["number_raw"])
        out["body_place"] = hf["place"]
        out["body_type"] = hf["type_line"]
        out["body_date"] = hf["date"]
        subj = clean(" ".join(hf["subject_lines"])) or None
        if subj and out.get("body_type"):  # 'NGHỊ ĐỊNH / Nghị định sửa đổi, …': the type word is not part of it
            subj = re.sub(r"^" + re.escape(out["body_type"]) + r"\s+", "", subj, flags=re.I)
        out["body_subject"] = subj.rstrip(" .") if subj else None
        out["adoption_date"], out["adoption_line"] = adoption_date(lines)
        start = (hf["type_idx"] or 0) + 1
        # the issuing signature comes after the enacting articles: start at 'Điều 1'
        for k in range(start, len(lines)):
            if re.match(r"^Điều\s+1\s*[.:]", lines[k]):
                start = k
                break
        out["body_signers"] = closing_fields(lines, start)
        out["head"] = lines[:40]
        out["tail"] = lines[-40:]
    return out


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
