"""The header and closing fields ``devset_gold_vbpl.py`` reads from a vbpl.vn page's body with regexes of its own
(issuer lines, "Số:", the place-and-date line, the type line and the lines under it, the signature block), and
:func:`derive`: one page's candidate reading (title line, attribute table, body).
"""
import hashlib
import re

import lxml.html

from vbpl_page import ISSUERS, TYPE_UP, attr_table, body_lines, clean, iso, norm_number, parse_title

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
