"""A saved vbpl.vn page as ``devset_gold_vbpl.py`` reads it, apart from the parser: the type names and issuers it
knows, the page's text lines, the site's title line and its attribute table ("Thuộc tính").
"""
import re
import unicodedata


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
