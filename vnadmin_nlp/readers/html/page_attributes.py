"""What a page says *about* the document outside its body: title, number, type, dates, status, URL.

On vbpl.vn pages whose body starts at "QUYẾT ĐỊNH" these "thuộc tính" are the only source of the issuer and
the number; on a page that shows no document text at all they are the only source of every field.  vbpl.vn
marks them up as a table of label cell / value cell (``ant-descriptions-item-label`` beside
``ant-descriptions-item-content``: "Số hiệu" | "07/VBHN-BCT"); "--" is the site's "no value".  They go to
``metadata["page_attributes"]`` under the keys of :data:`ATTRIBUTE_LABELS`.
"""
from __future__ import annotations

import re

from lxml import etree

from .spaces import collapse_spaces

# "thuộc tính" labels a page shows beside the document -> key in metadata["page_attributes"].
ATTRIBUTE_LABELS: dict[str, str] = {
    "số ký hiệu": "so_ky_hieu",
    "số hiệu": "so_ky_hieu",
    "ký hiệu": "so_ky_hieu",
    "ngày ban hành": "ngay_ban_hanh",
    "ngày ký xác thực": "ngay_ky_xac_thuc",  # a văn bản hợp nhất: the date its consolidation was authenticated
    "ngành": "nganh",
    "loại văn bản": "loai_van_ban",
    "cơ quan ban hành": "co_quan_ban_hanh",
    "nơi ban hành": "co_quan_ban_hanh",
    "người ký": "nguoi_ky",
    "chức danh": "chuc_danh",
    "ngày có hiệu lực": "ngay_hieu_luc",
    "ngày hiệu lực": "ngay_hieu_luc",
    "ngày hết hiệu lực": "ngay_het_hieu_luc",
    "tình trạng hiệu lực": "tinh_trang_hieu_luc",
    "tình trạng": "tinh_trang_hieu_luc",
    "hiệu lực": "tinh_trang_hieu_luc",
    "ngày cập nhật": "ngay_cap_nhat",
    "lĩnh vực": "linh_vuc",
    "ngày đăng công báo": "ngay_dang_cong_bao",
    "số công báo": "so_cong_bao",
    "trích yếu": "trich_yeu",
    "phạm vi": "pham_vi",
    "nguồn thu thập": "nguon_thu_thap",
}
STATUS_PHRASES = ("Còn hiệu lực", "Hết hiệu lực toàn bộ", "Hết hiệu lực một phần", "Hết hiệu lực",
                  "Chưa có hiệu lực", "Ngưng hiệu lực", "Tạm ngưng hiệu lực")
META_ATTRIBUTES = {"og:url": "url", "vbpl-original-url": "url", "vbpl-crawled-at": "crawled_at"}

# "Nghị định số 249/2025/NĐ-CP Quy định …", "Decree 10/2016/ND-CP" -> type, number, subject.
TITLE_PATTERN = re.compile(
    r"^(?P<type>[^\d]+?)\s+(?:số\s+|No\.?\s*)?(?P<number>\d+[\w.]*(?:\s*/\s*[\w.\-–ĐđÐ]+)+)\s*(?P<subject>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def page_attributes(doc: etree._Element, root: etree._Element) -> dict[str, str]:
    """What the page states about the document outside its body: title, number, type, dates, status, URL."""
    attrs: dict[str, str] = {}
    inside = set(root.iter()) if root is not doc else set()
    for meta in doc.iter("meta"):
        key = META_ATTRIBUTES.get((meta.get("property") or meta.get("name") or "").lower())
        content = meta.get("content")
        if key and content and key not in attrs:
            attrs[key] = content.strip()
    for h1 in doc.iter("h1"):
        if h1 in inside:
            continue
        title = collapse_spaces(h1.text_content())
        if title:
            attrs["title"] = title
            m = TITLE_PATTERN.match(title)
            if m:
                attrs.setdefault("loai_van_ban", m.group("type").strip())
                attrs.setdefault("so_ky_hieu", re.sub(r"\s+", "", m.group("number")))
                if m.group("subject").strip():
                    attrs.setdefault("trich_yeu", m.group("subject").strip())
            break
    labelled: dict[str, str] = {}
    for el in doc.iter():
        if not isinstance(el.tag, str) or el in inside or len(el):
            continue
        raw = (el.text or "").strip()
        if not raw or len(raw) > 40:
            continue
        key = ATTRIBUTE_LABELS.get(raw.rstrip(": ").lower())
        if key is None:
            if raw in STATUS_PHRASES and "tinh_trang_hieu_luc" not in labelled:
                labelled["tinh_trang_hieu_luc"] = raw
            continue
        value = _label_value(el)
        if value and value.strip("-–—. ") and key not in labelled:  # "--" is the site's "no value"
            labelled[key] = value
    # A value shown next to its label beats one parsed from the title.
    attrs.update(labelled)
    return attrs


def _label_value(label: etree._Element) -> str:
    """The value beside a label: its next sibling, or the next cell of the label's cell."""
    node = label
    for _ in range(2):
        sibling = node.getnext()
        while sibling is not None and not isinstance(sibling.tag, str):
            sibling = sibling.getnext()
        if sibling is not None:
            value = collapse_spaces(sibling.text_content())
            if value and len(value) < 500:
                return value
        if label.tail and label.tail.strip(" :\n\t"):
            return collapse_spaces(label.tail.strip(" :"))
        node = node.getparent()
        if node is None:
            break
    return ""
