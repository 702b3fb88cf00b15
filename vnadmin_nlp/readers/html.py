"""HTML reader, tuned for vbpl.vn pages saved whole (1 MB of site chrome around the document).

The document body is found first (vbpl.vn marks it ``data-vbpl-content-root``; older vbpl.vn, TVPL and Word
"Save as HTML" pages have their own containers), so menus, scripts, breadcrumbs and footers never reach the
text.  Inside it, one block per block-level element or ``<br>``-separated line; inline tags are joined without
adding spaces, so ``1<i>0</i>/2018`` stays ``10/2018``.  Tables are read like the DOCX reader reads them: a
header/signature table column by column, a data table row by row.  What the page says *about* the document
(title, number, dates, status) goes to ``metadata["page_attributes"]``: the only source of the issuer and
number on pages whose body starts at "QUYẾT ĐỊNH".
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from .base import Block, CorruptFile, RawDocument, Reader, ReaderWarning
from .docx import format_number, join_split_number, order_table

# ----------------------------------------------------------------------------------------------- data tables

# Containers that hold the document itself, tried in order (XPath).  The first with real text wins.
CONTENT_ROOTS: tuple[str, ...] = (
    "//*[@data-vbpl-content-root]",  # vbpl.vn (2025 site)
    "//*[@id='toanvancontent']",  # vbpl.vn (old ASP.NET site)
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' toanvancontent ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' fulltext ')]",
    "//*[@id='divContentDoc']",  # thuvienphapluat.vn
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' content1 ')]",
    "//article",
    "//main",
    "//*[@role='main']",
)
MIN_ROOT_TEXT = 200  # characters: a container with less is a stub, not the document

# Never text: scripts, styles, form controls, embedded media.
SKIP_TAGS = frozenset(
    "script style noscript template svg iframe object embed button select input textarea option canvas video "
    "audio map head title meta link base".split()
)
# Site chrome, dropped only when no content container was found and the whole body is read.  Class and id
# names are matched by whole token ("main-menu" -> "menu"), so a "document-header" div is kept.
CHROME_TAGS = frozenset(("nav", "aside"))
CHROME_OUTSIDE_ARTICLE = frozenset(("header", "footer"))
CHROME_TOKENS = frozenset(
    "menu menubar navbar nav navigation breadcrumb breadcrumbs footer sidebar banner cookie cookies share social "
    "search searchbox login advert ads popup modal toolbar recaptcha".split()
)
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote pre section article header footer aside nav main address "
    "center figure figcaption caption ul ol dl form fieldset legend hr details summary tbody thead tfoot tr "
    "td th body html".split()
)
BOLD_TAGS = frozenset(("b", "strong"))
ITALIC_TAGS = frozenset(("i", "em"))
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# <ol type="…"> -> number format; the browser draws these labels, so they are not in the markup.
TYPED_BULLETS = frozenset("-–—•+*·▪o")
OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}

# vbpl.vn marks provisions with classes; the zoner can use them as hints.
VBPL_ROLES = {
    "prov-chapter": "chapter", "prov-section": "section", "prov-article": "article", "prov-clause": "clause",
    "prov-item": "item", "prov-content": "content", "prov-part": "part", "prov-appendix": "appendix",
}

# "thuộc tính" labels a page shows beside the document -> key in metadata["page_attributes"].
ATTRIBUTE_LABELS: dict[str, str] = {
    "số ký hiệu": "so_ky_hieu",
    "số hiệu": "so_ky_hieu",
    "ký hiệu": "so_ky_hieu",
    "ngày ban hành": "ngay_ban_hanh",
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

# Letters only Vietnamese uses among Latin scripts (plus tone-marked vowels): their share tells the language.
VIETNAMESE_LETTERS = frozenset(
    "ăâđêôơư"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
VIETNAMESE_MIN_SHARE = 0.05  # Vietnamese prose runs at 20-35 %; English is ~0
LANGUAGE_MIN_LETTERS = 100

_WS = re.compile(r"[ \t\n\r\f\v]+")
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_HEAD_SKIP = re.compile(rb"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.DOTALL)
_MAX_DEPTH = 150  # real pages nest < 60 deep; deeper is flattened to keep the recursion bounded


# ------------------------------------------------------------------------------------------------ decoding


def _decode(data: bytes) -> tuple[str, str, list[ReaderWarning]]:
    """BOM, then UTF-8, then the page's declared charset, then the legacy-aware text decoder."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec.replace("-sig", ""), []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:8192])
    if match:
        name = match.group(1).decode("ascii", "ignore").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            name = ""
        if name and name not in ("utf-8", "utf8"):
            text = data.decode(name, errors="replace")
            return text, name, []
    from .text import decode_text

    return decode_text(data)


# ------------------------------------------------------------------------------------------------ the walk


class _Flow:
    """Inline text gathered until the next block boundary, with how much of it was bold/italic."""

    __slots__ = ("parts", "bold", "italic")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.bold = 0
        self.italic = 0

    def add(self, text: str, bold: bool, italic: bool) -> None:
        self.parts.append(text)
        if bold or italic:
            n = len(text) - text.count(" ")
            if bold:
                self.bold += n
            if italic:
                self.italic += n


class _Walker:
    def __init__(self) -> None:
        self.n_tables = 0

    def container(self, root: etree._Element, out: list[Block], kind: str = "paragraph",
                  cell: tuple[int, int, int] | None = None, depth: int = 0) -> None:
        flow = _Flow()
        ctx = {"bold": False, "italic": False, "align": None, "role": None, "heading": None, "list": None}
        self._children(root, out, flow, ctx, kind, cell, depth)
        self._flush(out, flow, ctx, kind, cell)

    def _children(self, el: etree._Element, out: list[Block], flow: _Flow, ctx: dict[str, Any], kind: str,
                  cell: tuple[int, int, int] | None, depth: int) -> None:
        if el.text:
            flow.add(el.text, ctx["bold"], ctx["italic"])
        for child in el:
            self._node(child, out, flow, ctx, kind, cell, depth + 1)
            if child.tail:
                flow.add(child.tail, ctx["bold"], ctx["italic"])

    def _node(self, el: etree._Element, out: list[Block], flow: _Flow, ctx: dict[str, Any], kind: str,
              cell: tuple[int, int, int] | None, depth: int) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # comment, processing instruction
            return
        tag = tag.lower()
        if tag in SKIP_TAGS or _hidden(el):
            return
        if tag == "br":
            self._flush(out, flow, ctx, kind, cell)
            return
        if depth > _MAX_DEPTH:  # pathological nesting: keep the text, stop recursing
            flow.add(el.text_content(), ctx["bold"], ctx["italic"])
            return
        if tag == "table":
            self._flush(out, flow, ctx, kind, cell)
            out.extend(self.table(el, depth))
            return
        block = tag in BLOCK_TAGS
        if block:
            self._flush(out, flow, ctx, kind, cell)
        saved = dict(ctx)
        if tag in BOLD_TAGS:
            ctx["bold"] = True
        elif tag in ITALIC_TAGS:
            ctx["italic"] = True
        style = el.get("style")
        if style:
            low = style.lower()
            if "font-weight" in low and re.search(r"font-weight\s*:\s*(bold|[6-9]00)", low):
                ctx["bold"] = True
            if "font-style" in low and "italic" in low:
                ctx["italic"] = True
        if block:
            align = (el.get("align") or "").lower()
            if not align and style and "text-align" in style:
                m = re.search(r"text-align\s*:\s*(\w+)", style, re.IGNORECASE)
                align = m.group(1).lower() if m else ""
            if align:
                ctx["align"] = align
            if tag in HEADINGS:
                ctx["heading"] = HEADINGS[tag]
            if tag in ("ol", "ul"):
                ctx["list"] = _list_state(el, tag)
            elif tag == "li" and ctx["list"] is not None:
                label = _list_label(el, ctx["list"])
                if label:
                    flow.add(label, False, False)
            classes = el.get("class")
            if classes and "prov-" in classes:
                for name in classes.split():
                    if name in VBPL_ROLES:
                        ctx["role"] = VBPL_ROLES[name]
        self._children(el, out, flow, ctx, kind, cell, depth)
        if block:
            self._flush(out, flow, ctx, kind, cell)
        ctx.clear()
        ctx.update(saved)

    @staticmethod
    def _flush(out: list[Block], flow: _Flow, ctx: dict[str, Any], kind: str,
               cell: tuple[int, int, int] | None) -> None:
        if not flow.parts:
            return
        raw = "".join(flow.parts)
        text = _WS.sub(" ", raw).strip()
        bold, italic = flow.bold, flow.italic
        flow.parts.clear()
        flow.bold = flow.italic = 0
        if not text or text.isspace():
            return
        hints: dict[str, Any] = {}
        visible = len(text) - text.count(" ")
        if visible and bold >= visible:
            hints["bold"] = True
        if visible and italic >= visible:
            hints["italic"] = True
        if ctx["align"] in ("center", "right"):
            hints["align"] = ctx["align"]
        if ctx["heading"]:
            hints["heading"] = ctx["heading"]
        if ctx["role"]:
            hints["vbpl_role"] = ctx["role"]
        if cell is not None:
            out.append(Block(text=text, kind="cell", table=cell[0], row=cell[1], col=cell[2],
                             style=hints or None))
        else:
            out.append(Block(text=text, kind=kind, style=hints or None))

    def table(self, table: etree._Element, depth: int = 0) -> list[Block]:
        index = self.n_tables
        self.n_tables += 1
        occupied: set[tuple[int, int]] = set()
        rows: list[list[tuple[int, int, list[Block]]]] = []
        for ri, tr in enumerate(_rows(table)):
            col = 0
            cells: list[tuple[int, int, list[Block]]] = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th") or _hidden(td):
                    continue
                while (ri, col) in occupied:
                    col += 1
                colspan = _span(td.get("colspan"), 100)
                rowspan = _span(td.get("rowspan"), 1000)
                blocks: list[Block] = []
                self.container(td, blocks, "cell", (index, ri, col), depth + 2)
                cells.append((col, colspan, blocks))
                for r in range(ri + 1, ri + rowspan):
                    for c in range(col, col + colspan):
                        occupied.add((r, c))
                col += colspan
            rows.append(cells)
        return order_table(rows, 0, index)


def _list_state(el: etree._Element, tag: str) -> list[Any]:
    """[number format, "bullet" or "none"; next value] of a list; "list-style: none" shows no label."""
    style = (el.get("style") or "").replace(" ", "").lower()
    if "list-style:none" in style or "list-style-type:none" in style:
        return ["none", 0]
    if tag == "ul":
        return ["bullet", 0]
    return [OL_TYPES.get(el.get("type") or "1", "decimal"), _span(el.get("start"), 10**6) if el.get("start") else 1]


def _list_label(li: etree._Element, state: list[Any]) -> str:
    """The label a browser draws before this <li>, unless the text already types one itself."""
    fmt = state[0]
    if fmt == "none":
        return ""
    typed = (li.text or "").lstrip() or li.text_content().lstrip()
    if fmt == "bullet":
        return "" if typed[:1] in TYPED_BULLETS else "• "
    if li.get("value"):
        state[1] = _span(li.get("value"), 10**6)
    label = format_number(state[1], fmt) + "."
    state[1] += 1
    return "" if typed.startswith(label) else label + " "


def _rows(table: etree._Element):
    """The table's own rows (directly, or under thead/tbody/tfoot), never those of a nested table."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag.lower() == "tr":
                    yield tr


def _span(value: str | None, cap: int) -> int:
    try:
        return min(max(int(str(value).strip()), 1), cap) if value else 1
    except ValueError:
        return 1


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and ("none" in style or "hidden" in style):
        low = style.replace(" ", "").lower()
        return "display:none" in low or "visibility:hidden" in low
    return False


# ------------------------------------------------------------------------------------ body and attributes


def _find_root(doc: etree._Element) -> tuple[etree._Element, str]:
    """The element holding the document, and which rule found it."""
    for xpath in CONTENT_ROOTS:
        best = None
        best_len = 0
        for el in doc.xpath(xpath):
            n = len(_WS.sub("", el.text_content()))
            if n > best_len:
                best, best_len = el, n
        if best is not None and best_len >= MIN_ROOT_TEXT:
            return best, xpath
    body = doc.find(".//body")
    root = body if body is not None else doc
    doomed = []
    for el in root.iter():
        if el is root or not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        ident = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if (tag in CHROME_TAGS
                or (tag in CHROME_OUTSIDE_ARTICLE and not any(a.tag in ("article", "main")
                                                              for a in el.iterancestors()))
                or (ident.strip() and CHROME_TOKENS.intersection(_TOKEN_SPLIT.split(ident)))):
            doomed.append(el)
    for el in doomed:
        _drop_keep_tail(el)
    return root, "body"


def _drop_keep_tail(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


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
        title = _clean(h1.text_content())
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
            value = _clean(sibling.text_content())
            if value and len(value) < 500:
                return value
        if label.tail and label.tail.strip(" :\n\t"):
            return _clean(label.tail.strip(" :"))
        node = node.getparent()
        if node is None:
            break
    return ""


def detect_language(text: str) -> tuple[str, float]:
    """("vi" | "en" | "und", share of Vietnamese-specific letters among letters)."""
    sample = unicodedata.normalize("NFC", text[:200_000]).lower()
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < LANGUAGE_MIN_LETTERS:
        return "vi", 0.0
    vietnamese = sum(ch in VIETNAMESE_LETTERS for ch in letters)
    share = vietnamese / len(letters)
    if share >= VIETNAMESE_MIN_SHARE:
        return "vi", share
    ascii_share = sum(ch.isascii() for ch in letters) / len(letters)
    return ("en" if ascii_share > 0.95 else "und"), share


# ------------------------------------------------------------------------------------------- the reader


class HtmlReader(Reader):
    """Saved web pages (.html, .htm), vbpl.vn first among them."""

    name = "html"
    extensions = ("html", "htm")

    def sniff(self, head: bytes, path: Path) -> bool:
        if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
            head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
        elif head.startswith(codecs.BOM_UTF8):
            head = head[3:]
        start = _HEAD_SKIP.match(head)
        rest = head[start.end() if start else 0:][:64].lower()
        return rest.startswith(b"<!doctype html") or rest.startswith(b"<html")

    def read(self, path: Path, data: bytes) -> RawDocument:
        text, encoding, warnings = _decode(data)
        text = _XML_DECL.sub("", text, count=1)
        if not text.strip():
            raise CorruptFile(path, "the HTML file is empty")
        try:
            # huge_tree: without it libxml2 silently drops everything below 256 levels of nesting
            doc = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
        except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
            raise CorruptFile(path, f"cannot parse the HTML: {exc}") from None
        root, rule = _find_root(doc)
        attrs = page_attributes(doc, root)
        walker = _Walker()
        blocks: list[Block] = []
        walker.container(root, blocks)
        blocks = join_split_number(blocks)
        if not blocks:
            warnings.append(ReaderWarning("no_text", "no document text found in the page"))
        language, share = detect_language("\n".join(b.text for b in blocks))
        if language != "vi":
            warnings.append(ReaderWarning(
                "not_vietnamese",
                f"the page is not in Vietnamese (language {language}: {share:.1%} Vietnamese letters); "
                "Vietnamese field extraction will find little",
            ))
        if rule == "body":
            warnings.append(ReaderWarning("no_content_container",
                                          "no known document container; read the page body minus navigation"))
        metadata: dict[str, Any] = {
            "language": language,
            "page_attributes": attrs,
            "content_root": rule,
            "tables": walker.n_tables,
        }
        return RawDocument(blocks=blocks, format="html", encoding=encoding, metadata=metadata,
                           warnings=warnings)
