"""DOCX / DOCM reader: the body XML walked with lxml, in the order Word lays it out.

Why not python-docx: ``Document()`` parses every part eagerly (styles.xml alone is 1 MB in some decrees) and its
``paragraphs`` skip tables, text boxes and automatic numbering, which is where a Vietnamese document keeps its
header (issuer | Quốc hiệu table), its "1.", "a)" labels and its Nơi nhận / signer table.  Here:

- paragraphs and tables come in body order; a header or signature *layout* table is read column by column
  (the whole issuer column, then the whole Quốc hiệu column), a data table row by row;
- Word's automatic numbering is rebuilt from numbering.xml so that the text is what a reader sees;
- text boxes (one branch of ``mc:AlternateContent`` only), footnotes and endnotes become their own blocks;
- deleted revision text is skipped, inserted text kept; soft breaks are "\\n", tabs "\\t".

styles.xml is parsed only when a paragraph names a style, which keeps small decrees fast.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Any

from lxml import etree

from .base import Block, CorruptFile, EncryptedFile, RawDocument, Reader, ReaderWarning, UnsupportedFormat

# ----------------------------------------------------------------------------------------------- data tables

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: legacy .doc, or an encrypted OOXML package
ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
MAX_PART_BYTES = 512 * 1024 * 1024  # a part that inflates beyond this is a zip bomb, not a document

# w:sym characters (symbol fonts map letters to private-use code points) -> what the page shows.
SYMBOL_CHARS: dict[tuple[str, str], str] = {
    ("webdings", "F063"): "□",
    ("wingdings", "F06F"): "□",
    ("wingdings", "F0A8"): "□",
    ("wingdings", "F071"): "❑",
    ("wingdings", "F0FE"): "☑",
    ("wingdings", "F0FD"): "☒",
    ("wingdings", "F0FC"): "✓",
    ("wingdings", "F0A7"): "▪",
    ("wingdings", "F0D8"): "➢",
    ("wingdings", "F076"): "❖",
    ("wingdings", "F0E0"): "→",
    ("symbol", "F0B7"): "•",
    ("symbol", "F02D"): "-",
    ("symbol", "F0AE"): "→",
    ("symbol", "F0B3"): "≥",
    ("symbol", "F0A3"): "≤",
}

# Bullet glyphs of numbering levels (lvlText in a symbol font) -> the character written in the text.
# Dashes become "-" so that a recipient list reads "- Như trên;" as on paper.
BULLET_CHARS: dict[str, str] = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf06e": "■", "\uf0a8": "□",
    "\uf02d": "-", "\uf0be": "-", "–": "-", "—": "-", "‒": "-", "−": "-", "\uf0e0": "→", "\uf0f0": "⇒",
    "o": "o", "§": "▪", "\uf071": "❑", "\uf0de": "⇒",
}

# Text of a small table that marks it as a page-layout table (header block, signature block) rather than data.
LAYOUT_TABLE_CUES = re.compile(
    r"CỘNG\s+H[OÒ][ÀA]\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]|^\s*Số\s*[:.]|Nơi\s+nhận|Kính\s+gửi"
    r"|^\s*(TM|KT|TL|TUQ|Q|UQ)\s*\.\s*\S|ngày\s*\S*\s*tháng",
    re.MULTILINE | re.IGNORECASE,
)

# Word's own limits: nine list levels.
_LEVELS = 9
_FALSE = {"0", "false", "off", "none"}


def _tags(ns: str) -> SimpleNamespace:
    """Clark names of the WordprocessingML elements and attributes used here, for one namespace."""
    w = "{%s}" % ns
    names = (
        "body p pPr pStyle numPr ilvl numId jc r rPr rStyle b bCs i vanish webHidden t tab ptab br cr "
        "noBreakHyphen softHyphen sym drawing pict object footnoteReference endnoteReference hyperlink ins "
        "moveTo smartTag fldSimple customXml dir bdo sdt sdtContent sdtPr showingPlcHdr tbl tr tc tcPr "
        "gridSpan vMerge trPr gridBefore tblGrid gridCol txbxContent footnote endnote style basedOn "
        "abstractNum abstractNumId num lvl start numFmt lvlText lvlRestart isLgl suff lvlOverride "
        "startOverride numStyleLink styleLink del moveFrom"
    ).split()
    tags = SimpleNamespace(**{n: w + n for n in names})
    tags.val = w + "val"
    tags.type = w + "type"
    tags.id = w + "id"
    tags.font = w + "font"
    tags.char = w + "char"
    tags.styleId = w + "styleId"
    tags.ilvl_attr = w + "ilvl"
    tags.abstractNumId_attr = w + "abstractNumId"
    tags.numId_attr = w + "numId"
    return tags


MC_ALT = "{%s}AlternateContent" % MC_NS
MC_CHOICE = "{%s}Choice" % MC_NS
MC_FALLBACK = "{%s}Fallback" % MC_NS
M_OMATH = "{%s}oMath" % MATH_NS
M_OMATHPARA = "{%s}oMathPara" % MATH_NS
M_T = "{%s}t" % MATH_NS


def _parser() -> etree.XMLParser:
    # No entity expansion and no network: a hostile package cannot make the parser fetch or explode anything.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def _on(elem: etree._Element | None, val_attr: str) -> bool | None:
    """A Word on/off property (``<w:b/>``, ``<w:b w:val="0"/>``): None when absent."""
    if elem is None:
        return None
    val = elem.get(val_attr)
    return val is None or val.lower() not in _FALSE


def _choose(alt: etree._Element) -> etree._Element | None:
    """One branch of ``mc:AlternateContent``: the first Choice (what Word shows), else the Fallback."""
    fallback = None
    for child in alt:
        if child.tag == MC_CHOICE:
            return child
        if child.tag == MC_FALLBACK:
            fallback = child
    return fallback


# ------------------------------------------------------------------------------------------- the package


class _Package:
    """The zip: finds the main document part and its related parts through the relationship files."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise CorruptFile(path, f"not a valid DOCX (damaged zip: {exc})") from None
        except (ValueError, OSError, EOFError) as exc:
            raise CorruptFile(path, f"not a valid DOCX (damaged zip: {exc})") from None
        self.names = {info.filename: info for info in self.zip.infolist()}
        self.main = self._main_part()
        self.rels = self._rels(self.main)

    def read(self, name: str) -> bytes | None:
        info = self.names.get(name)
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise EncryptedFile(self.path, f"the zip entry {name} is password-protected")
        if info.file_size > MAX_PART_BYTES:
            raise CorruptFile(self.path, f"{name} would inflate to {info.file_size} bytes; refusing (zip bomb?)")
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, OSError) as exc:
            raise CorruptFile(self.path, f"cannot decompress {name}: {exc}") from None
        except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
            raise EncryptedFile(self.path, f"{name}: {exc}") from None

    def parse(self, name: str, *, required: bool = False) -> etree._Element | None:
        blob = self.read(name)
        if blob is None:
            if required:
                raise CorruptFile(self.path, f"not a Word document: the package has no {name}")
            return None
        try:
            return etree.fromstring(blob, _parser())
        except etree.XMLSyntaxError as exc:
            if required:
                raise CorruptFile(self.path, f"{name} is not well-formed XML: {exc}") from None
            return None

    def _main_part(self) -> str:
        rels = self._rels("")
        for rel_type, target in rels:
            if rel_type.endswith("/officeDocument"):
                if target in self.names:
                    return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        if any(n.startswith("xl/") for n in self.names) or any(n.startswith("ppt/") for n in self.names):
            raise UnsupportedFormat(self.path, "an Excel or PowerPoint package, not a Word document")
        raise CorruptFile(self.path, "not a Word document: the zip has no word/document.xml")

    def _rels(self, part: str) -> list[tuple[str, str]]:
        """(relationship type, target part name) pairs of a part ("" for the package)."""
        base = PurePosixPath(part).parent if part else PurePosixPath("")
        rels_name = str(base / "_rels" / (PurePosixPath(part).name + ".rels")) if part else "_rels/.rels"
        blob = self.names.get(rels_name) and self.read(rels_name)
        if not blob:
            return []
        try:
            root = etree.fromstring(blob, _parser())
        except etree.XMLSyntaxError:
            return []
        out = []
        for rel in root.iter("{%s}Relationship" % PKG_RELS_NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = _normpath(base / target)
            out.append((rel.get("Type") or "", name))
        return out

    def related(self, suffix: str, default: str) -> str | None:
        for rel_type, target in self.rels:
            if rel_type.endswith(suffix) and target in self.names:
                return target
        return default if default in self.names else None


def _normpath(p: PurePosixPath) -> str:
    parts: list[str] = []
    for piece in p.parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts)


# ---------------------------------------------------------------------------------------------- styles


@dataclass
class _StyleInfo:
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: str | None = None


class _Styles:
    """styles.xml, parsed on first use: only paragraph/run styles named in the body cost anything."""

    def __init__(self, package: _Package, tags: SimpleNamespace) -> None:
        self._package = package
        self._t = tags
        self._styles: dict[str, _StyleInfo] | None = None
        self._cache: dict[str, _StyleInfo] = {}

    def _load(self) -> dict[str, _StyleInfo]:
        t = self._t
        styles: dict[str, _StyleInfo] = {}
        name = self._package.related("/styles", "word/styles.xml")
        root = self._package.parse(name) if name else None
        if root is not None:
            for st in root.iter(t.style):
                info = _StyleInfo()
                based = st.find(t.basedOn)
                if based is not None:
                    info.based_on = based.get(t.val)
                ppr = st.find(t.pPr)
                if ppr is not None:
                    num_pr = ppr.find(t.numPr)
                    if num_pr is not None:
                        nid = num_pr.find(t.numId)
                        lvl = num_pr.find(t.ilvl)
                        info.num_id = nid.get(t.val) if nid is not None else None
                        info.ilvl = _int(lvl.get(t.val)) if lvl is not None else None
                    jc = ppr.find(t.jc)
                    if jc is not None:
                        info.align = jc.get(t.val)
                rpr = st.find(t.rPr)
                if rpr is not None:
                    info.bold = _on(rpr.find(t.b), t.val)
                    info.italic = _on(rpr.find(t.i), t.val)
                styles[st.get(t.styleId) or ""] = info
        return styles

    def get(self, style_id: str | None) -> _StyleInfo | None:
        """The style with inherited (basedOn) properties folded in."""
        if not style_id:
            return None
        hit = self._cache.get(style_id)
        if hit is not None:
            return hit
        if self._styles is None:
            self._styles = self._load()
        chain: list[_StyleInfo] = []
        seen: set[str] = set()
        sid: str | None = style_id
        while sid and sid not in seen and sid in self._styles:
            seen.add(sid)
            chain.append(self._styles[sid])
            sid = self._styles[sid].based_on
        merged = _StyleInfo()
        for info in reversed(chain):  # base first, derived styles override
            for attr in ("num_id", "ilvl", "bold", "italic", "align"):
                value = getattr(info, attr)
                if value is not None:
                    setattr(merged, attr, value)
        self._cache[style_id] = merged
        return merged


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# ------------------------------------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart; None = restart after any higher level
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass
class _List:
    """One abstractNum: the level definitions and the counters Word keeps for it."""

    levels: dict[int, _Level] = field(default_factory=dict)
    counters: list[int | None] = field(default_factory=lambda: [None] * _LEVELS)


class _Numbering:
    """Rebuilds automatic list labels ("1.", "a)", "II.", "-") from numbering.xml.

    Counters belong to the abstract list, as in Word: two w:num instances of one abstractNum continue each
    other, and a w:lvlOverride/w:startOverride restarts the count the first time its instance is used.
    """

    def __init__(self, root: etree._Element | None, tags: SimpleNamespace, styles: _Styles) -> None:
        self._t = tags
        self._styles = styles
        self._abstract: dict[str, _List] = {}
        self._abstract_style_link: dict[str, str] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self._started: set[tuple[str, int]] = set()
        self._instance_lists: dict[str, _List] = {}
        self.missing: set[str] = set()
        if root is not None:
            self._load(root)

    def _load(self, root: etree._Element) -> None:
        t = self._t
        for ab in root.iter(t.abstractNum):
            aid = ab.get(t.abstractNumId_attr) or ""
            lst = _List()
            for lvl in ab.iter(t.lvl):
                lst.levels[_int(lvl.get(t.ilvl_attr), 0) or 0] = self._level(lvl)
            link = ab.find(t.numStyleLink)
            if link is not None and link.get(t.val):
                self._abstract_style_link[aid] = link.get(t.val) or ""
            self._abstract[aid] = lst
        for num in root.iter(t.num):
            nid = num.get(t.numId_attr) or ""
            ref = num.find(t.abstractNumId)
            aid = ref.get(t.val) if ref is not None else None
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for ov in num.iter(t.lvlOverride):
                ilvl = _int(ov.get(t.ilvl_attr), 0) or 0
                so = ov.find(t.startOverride)
                if so is not None:
                    starts[ilvl] = _int(so.get(t.val), 1) or 0
                lvl = ov.find(t.lvl)
                if lvl is not None:
                    levels[ilvl] = self._level(lvl)
            if aid is not None:
                self._nums[nid] = (aid, starts, levels)

    def _level(self, lvl: etree._Element) -> _Level:
        t = self._t
        level = _Level()
        el = lvl.find(t.start)
        if el is not None:
            level.start = _int(el.get(t.val), 1) or 0
        el = lvl.find(t.numFmt)
        if el is not None:
            level.fmt = el.get(t.val) or "decimal"
        el = lvl.find(t.lvlText)
        if el is not None:
            level.text = el.get(t.val)
        el = lvl.find(t.lvlRestart)
        if el is not None:
            level.restart = _int(el.get(t.val))
        level.legal = bool(_on(lvl.find(t.isLgl), t.val))
        el = lvl.find(t.suff)
        if el is not None:
            level.suffix = el.get(t.val) or "tab"
        el = lvl.find(t.pStyle)
        if el is not None:
            level.style = el.get(t.val)
        return level

    def _resolve(self, num_id: str) -> tuple[str, _List] | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        link = self._abstract_style_link.get(aid)
        if link:  # abstractNum that only points at a numbering style: follow the style's own w:num
            style = self._styles.get(link)
            if style is not None and style.num_id and style.num_id != num_id and style.num_id in self._nums:
                aid = self._nums[style.num_id][0]
        lst = self._abstract.get(aid)
        return (aid, lst) if lst is not None else None

    def ilvl_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle is this paragraph style (style-linked outline numbering)."""
        resolved = self._resolve(num_id)
        if resolved is None or not style_id:
            return None
        for ilvl, level in resolved[1].levels.items():
            if level.style == style_id:
                return ilvl
        return None

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list counter for this paragraph and return the label Word shows ("" for none)."""
        resolved = self._resolve(num_id)
        if resolved is None:
            self.missing.add(num_id)
            return None
        _aid, lst = resolved
        _, starts, overrides = self._nums[num_id]
        ilvl = min(max(ilvl, 0), _LEVELS - 1)
        level = overrides.get(ilvl) or lst.levels.get(ilvl) or _Level()
        counters = lst.counters
        key = (num_id, ilvl)
        if ilvl in starts and key not in self._started:
            self._started.add(key)
            counters[ilvl] = starts[ilvl]
        elif counters[ilvl] is None:
            counters[ilvl] = starts.get(ilvl, level.start)
        else:
            counters[ilvl] += 1  # type: ignore[operator]
        for lower in range(ilvl + 1, _LEVELS):
            lower_level = lst.levels.get(lower)
            restart = lower_level.restart if lower_level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[lower] = None
        return self._render(level, lst, overrides, ilvl)

    def _render(self, level: _Level, lst: _List, overrides: dict[int, _Level], ilvl: int) -> str:
        if level.fmt == "bullet":
            glyph = level.text or ""
            label = "".join(BULLET_CHARS.get(ch, ch) for ch in glyph)
            if label and all("\ue000" <= ch <= "\uf8ff" for ch in label):
                label = "•"  # an unknown symbol-font glyph: a bullet is what the reader sees
        elif level.text is None:
            label = format_number(lst.counters[ilvl] or 0, level.fmt)
        else:
            label = level.text
            if "%" in label:
                label = _PLACEHOLDER.sub(lambda m: self._field(m, lst, overrides, level.legal), label)
        if not label.strip():
            return ""
        return label if level.suffix == "nothing" else label + " "

    def _field(self, match: re.Match[str], lst: _List, overrides: dict[int, _Level], legal: bool) -> str:
        k = int(match.group(1)) - 1
        lvl = overrides.get(k) or lst.levels.get(k) or _Level()
        value = lst.counters[k]
        if value is None:
            value = lvl.start
        fmt = "decimal" if legal and lvl.fmt not in ("decimalZero",) else lvl.fmt
        return format_number(value, fmt)


_PLACEHOLDER = re.compile(r"%([1-9])")
_BLANK_LINES = re.compile(r"\n(?:[ \t\u00a0]*\n)+")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa.. (the letter repeated), no Vietnamese đ."""
    if n <= 0:
        return ""
    n -= 1
    return chr(ord("a") + n % 26) * (n // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A list counter as Word (or a browser) shows it in this number format."""
    if fmt in ("decimal", "decimalHalfWidth", "decimalFullWidth", "cardinalText", "ordinalText"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "ordinal":
        return f"{n}."
    if fmt == "none":
        return ""
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    return str(n)


# ----------------------------------------------------------------------------------------------- walker


@dataclass
class _Cell:
    table: int
    row: int
    col: int


class _Walker:
    """Turns the body (and note parts) into blocks, in reading order."""

    def __init__(self, tags: SimpleNamespace, styles: _Styles, numbering: _Numbering) -> None:
        self.t = tags
        self.styles = styles
        self.numbering = numbering
        self.n_tables = 0
        self.note_refs: list[tuple[str, str]] = []
        self.tracked_changes = False
        t = tags
        self._inline_containers = {t.hyperlink, t.ins, t.moveTo, t.smartTag, t.fldSimple, t.customXml, t.dir,
                                   t.bdo}
        self._skip_inline = {getattr(t, "del"), t.moveFrom}
        self._graphics = {t.drawing, t.pict, t.object, MC_ALT}

    # --- containers (body, cell, text box, note) ---

    def container(self, elem: etree._Element, kind: str, out: list[Block], cell: _Cell | None) -> None:
        t = self.t
        for child in elem:
            tag = child.tag
            if tag == t.p:
                self.paragraph(child, kind, out, cell)
            elif tag == t.tbl:
                self.table(child, kind, out)
            elif tag == t.sdt:
                content = self._sdt_content(child)
                if content is not None:
                    self.container(content, kind, out, cell)
            elif tag in (t.customXml, t.ins, t.moveTo):
                if tag != t.customXml:
                    self.tracked_changes = True
                self.container(child, kind, out, cell)
            elif tag == MC_ALT:
                branch = _choose(child)
                if branch is not None:
                    self.container(branch, kind, out, cell)
            elif tag in self._skip_inline:
                self.tracked_changes = True

    def _sdt_content(self, sdt: etree._Element) -> etree._Element | None:
        t = self.t
        pr = sdt.find(t.sdtPr)
        if pr is not None and pr.find(t.showingPlcHdr) is not None:
            return None  # "Click here to enter text": a placeholder, not document text
        return sdt.find(t.sdtContent)

    # --- paragraphs ---

    def paragraph(self, p: etree._Element, kind: str, out: list[Block], cell: _Cell | None) -> None:
        t = self.t
        parts: list[str] = []
        state = [0, 0, 0]  # runs with visible text, of which bold, of which italic
        boxes: list[etree._Element] = []
        ppr = p.find(t.pPr)
        style = None
        num_id = ilvl = None
        align = None
        if ppr is not None:
            ps = ppr.find(t.pStyle)
            if ps is not None:
                style = self.styles.get(ps.get(t.val))
            num_pr = ppr.find(t.numPr)
            if num_pr is not None:
                el = num_pr.find(t.numId)
                if el is not None:
                    num_id = el.get(t.val)
                el = num_pr.find(t.ilvl)
                if el is not None:
                    ilvl = _int(el.get(t.val), 0)
            jc = ppr.find(t.jc)
            if jc is not None:
                align = jc.get(t.val)
        style_bold = style.bold if style is not None else None
        style_italic = style.italic if style is not None else None
        self._inline(p, parts, state, boxes, style_bold, style_italic)
        text = "".join(parts)
        if "\n" in text:
            # signature gaps made of empty lines: one break is enough; none at the ends of the block
            text = _BLANK_LINES.sub("\n", text).strip("\n")

        label = None
        if style is not None:
            if num_id is None and style.num_id:
                num_id = style.num_id
                if ilvl is None:
                    ilvl = style.ilvl
            if align is None:
                align = style.align
        if num_id and num_id != "0":
            if ilvl is None:
                ps = ppr.find(t.pStyle) if ppr is not None else None
                ilvl = self.numbering.ilvl_for_style(num_id, ps.get(t.val) if ps is not None else None) or 0
            label = self.numbering.label(num_id, ilvl)
            if label:  # Word shows the label even on an empty paragraph (auto-numbered STT cells)
                text = label + text.lstrip(" ") if text.strip() else label.rstrip()

        if text.strip():
            hints: dict[str, Any] = {}
            if state[0]:
                if state[1] == state[0]:
                    hints["bold"] = True
                if state[2] == state[0]:
                    hints["italic"] = True
            if align in ("center", "right", "end"):
                hints["align"] = "right" if align == "end" else align
            if label:
                hints["list_label"] = label.strip()
            if cell is not None and kind == "cell":
                out.append(Block(text=text, kind="cell", table=cell.table, row=cell.row, col=cell.col,
                                 style=hints or None))
            else:
                out.append(Block(text=text, kind=kind, style=hints or None))
        for box in boxes:
            self.container(box, "textbox", out, None)

    def _inline(self, parent: etree._Element, parts: list[str], state: list[int],
                boxes: list[etree._Element], bold: bool | None, italic: bool | None) -> None:
        t = self.t
        for child in parent:
            tag = child.tag
            if tag == t.r:
                self._run(child, parts, state, boxes, bold, italic)
            elif tag in self._inline_containers:
                if tag == t.ins or tag == t.moveTo:
                    self.tracked_changes = True
                self._inline(child, parts, state, boxes, bold, italic)
            elif tag == t.sdt:
                content = self._sdt_content(child)
                if content is not None:
                    self._inline(content, parts, state, boxes, bold, italic)
            elif tag == MC_ALT:
                branch = _choose(child)
                if branch is not None:
                    self._inline(branch, parts, state, boxes, bold, italic)
            elif tag == M_OMATHPARA or tag == M_OMATH:
                parts.append("".join(child.itertext(M_T)))
            elif tag in self._skip_inline:
                self.tracked_changes = True

    def _run(self, r: etree._Element, parts: list[str], state: list[int], boxes: list[etree._Element],
             bold: bool | None, italic: bool | None) -> None:
        t = self.t
        start = len(parts)
        for c in r:
            tag = c.tag
            if tag == t.t:
                if c.text:
                    parts.append(c.text)
            elif tag == t.rPr:
                for prop in c:  # one pass over the run properties instead of a find() per property
                    ptag = prop.tag
                    if ptag == t.b:
                        bold = _on(prop, t.val)
                    elif ptag == t.i:
                        italic = _on(prop, t.val)
                    elif ptag == t.vanish:
                        if _on(prop, t.val):
                            return  # hidden text: Word neither shows nor prints it
                    elif ptag == t.rStyle:
                        rstyle = self.styles.get(prop.get(t.val))
                        if rstyle is not None:  # direct <w:b>/<w:i> come after rStyle and override it
                            bold = rstyle.bold if rstyle.bold is not None else bold
                            italic = rstyle.italic if rstyle.italic is not None else italic
            elif tag == t.tab or tag == t.ptab:
                parts.append("\t")
            elif tag == t.br:
                kind = c.get(t.type)
                if kind is None or kind == "textWrapping":
                    parts.append("\n")
            elif tag == t.cr:
                parts.append("\n")
            elif tag == t.noBreakHyphen:
                parts.append("-")
            elif tag == t.sym:
                font = (c.get(t.font) or "").lower()
                code = (c.get(t.char) or "").upper()
                if len(code) == 4 and code.startswith("00"):
                    code = "F0" + code[2:]
                parts.append(SYMBOL_CHARS.get((font, code), ""))
            elif tag in self._graphics:
                self._find_boxes(c, boxes)
            elif tag == t.footnoteReference:
                self.note_refs.append(("footnote", c.get(t.id) or ""))
            elif tag == t.endnoteReference:
                self.note_refs.append(("endnote", c.get(t.id) or ""))
        if len(parts) > start:
            if any(not s.isspace() for s in parts[start:]):
                state[0] += 1
                if bold:
                    state[1] += 1
                if italic:
                    state[2] += 1

    def _find_boxes(self, elem: etree._Element, found: list[etree._Element]) -> None:
        """Text boxes under a drawing, without descending into a box (its own walk finds nested ones)."""
        if elem.tag == MC_ALT:
            branch = _choose(elem)
            if branch is not None:
                self._find_boxes(branch, found)
            return
        txbx = self.t.txbxContent
        for child in elem:
            if child.tag == txbx:
                found.append(child)
            elif child.tag == MC_ALT:
                branch = _choose(child)
                if branch is not None:
                    self._find_boxes(branch, found)
            elif len(child):
                self._find_boxes(child, found)

    # --- tables ---

    def table(self, tbl: etree._Element, kind: str, out: list[Block]) -> None:
        t = self.t
        index = self.n_tables
        self.n_tables += 1
        rows: list[list[tuple[int, int, list[Block]]]] = []
        for ri, tr in enumerate(self._children(tbl, t.tr)):
            col = 0
            trpr = tr.find(t.trPr)
            if trpr is not None:
                gb = trpr.find(t.gridBefore)
                if gb is not None:
                    col = _int(gb.get(t.val), 0) or 0
            cells: list[tuple[int, int, list[Block]]] = []
            for tc in self._children(tr, t.tc):
                span = 1
                continued = False
                tcpr = tc.find(t.tcPr)
                if tcpr is not None:
                    gs = tcpr.find(t.gridSpan)
                    if gs is not None:
                        span = max(_int(gs.get(t.val), 1) or 1, 1)
                    vm = tcpr.find(t.vMerge)
                    if vm is not None and (vm.get(t.val) or "continue") == "continue":
                        continued = True
                if not continued:
                    blocks: list[Block] = []
                    self.container(tc, "cell", blocks, _Cell(index, ri, col))
                    cells.append((col, span, blocks))
                col += span
            rows.append(cells)
        grid = tbl.find(t.tblGrid)
        n_cols = len(grid.findall(t.gridCol)) if grid is not None else 0
        out.extend(order_table(rows, n_cols, index))

    def _children(self, parent: etree._Element, tag: str):
        """Direct children with this tag, looking through content controls and custom XML wrappers."""
        t = self.t
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    yield from self._children(content, tag)
            elif child.tag == t.customXml:
                yield from self._children(child, tag)


# ------------------------------------------------------------------------------ table reading order (shared)

CellBlocks = tuple  # (grid column, column span, blocks of the cell)


def order_table(rows: list[list[CellBlocks]], n_cols: int, table: int) -> list[Block]:
    """The blocks of one table in reading order: a layout table by column, a data table by row.

    Shared with the HTML reader, which builds the same (column, span, blocks) rows from <td>s.
    """
    n_cols = max([n_cols] + [c + s for cells in rows for c, s, _ in cells])
    for cells in rows:
        _join_split_number_cells(cells)
    if is_layout_table(rows, n_cols):
        return blocks_by_column(rows, n_cols)
    out: list[Block] = []
    for cells in rows:
        for _col, _span, blocks in cells:
            out.extend(_merge_cell(blocks, table))
    return out


def is_layout_table(rows: list[list[CellBlocks]], n_cols: int) -> bool:
    """A header or signature table (or a one-row box): a few rows, at most three columns with text, and
    header/signature wording when there is more than one row."""
    starts = {c for cells in rows for c, _, blocks in cells if blocks}
    if len(starts) > 3 or n_cols > 6:
        return False
    if len(rows) == 1:
        return True
    if len(rows) > 4:
        return False
    text = "\n".join(b.text for cells in rows for _, _, blocks in cells for b in blocks[:4])
    return bool(LAYOUT_TABLE_CUES.search(text))


def blocks_by_column(rows: list[list[CellBlocks]], n_cols: int) -> list[Block]:
    """Column by column; a row that is one cell across the table ends the band of rows above it."""
    out: list[Block] = []
    band: list[list[CellBlocks]] = []

    def flush() -> None:
        for col in sorted({c for cells in band for c, _, _ in cells}):
            for cells in band:
                for c, _, blocks in cells:
                    if c == col:
                        out.extend(blocks)
        band.clear()

    for cells in rows:
        if len(cells) == 1 and cells[0][1] >= n_cols:
            flush()
            out.extend(cells[0][2])
        else:
            band.append(cells)
    flush()
    return out


SPLIT_NUMBER_LABEL = re.compile(r"^\s*Số\s*(?:ký\s*hiệu|hiệu)?\s*[:.]?\s*$", re.IGNORECASE)
SPLIT_NUMBER_VALUE = re.compile(r"^\s*(?:[\d.…_ ]*/|\d+\s*$|[\d.…_]+\s*[A-ZĐ]{1,}[-/])")


def join_split_number(blocks: list[Block]) -> list[Block]:
    """Put a "Số:" line back together with the number written in the next block ("249/2025/NĐ-CP")."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (prev is not None and SPLIT_NUMBER_LABEL.match(prev.text) and SPLIT_NUMBER_VALUE.match(block.text)
                and prev.table == block.table and prev.kind == block.kind):
            prev.text = prev.text.rstrip() + " " + block.text.strip()
            continue
        out.append(block)
    return out


def _join_split_number_cells(cells: list[CellBlocks]) -> None:
    """Same, across two cells of a row: "Số:" alone in one cell, the number in the next."""
    for i in range(len(cells) - 1):
        left, right = cells[i][2], cells[i + 1][2]
        if left and right and SPLIT_NUMBER_LABEL.match(left[-1].text) and SPLIT_NUMBER_VALUE.match(right[0].text):
            left[-1].text = left[-1].text.rstrip() + " " + right.pop(0).text.strip()
    for k, (col, span, blocks) in enumerate(cells):
        if len(blocks) > 1:
            cells[k] = (col, span, join_split_number(blocks))


def _merge_cell(blocks: list[Block], table: int) -> list[Block]:
    """One block per data-table cell: the cell's own paragraphs joined by newlines (nested content kept)."""
    own = [b for b in blocks if b.kind == "cell" and b.table == table]
    if len(own) <= 1:
        return blocks
    first = own[0]
    styles = [b.style or {} for b in own]
    hints = {k: True for k in ("bold", "italic") if all(s.get(k) for s in styles)}
    merged = Block(text="\n".join(b.text for b in own), kind="cell", table=first.table, row=first.row,
                   col=first.col, style=hints or None)
    result: list[Block] = []
    placed = False
    for b in blocks:
        if b.kind == "cell" and b.table == table:
            if not placed:
                result.append(merged)
                placed = True
        else:
            result.append(b)
    return result


# ------------------------------------------------------------------------------------------- the reader


class DocxReader(Reader):
    """Word 2007+ documents (.docx, macro-enabled .docm)."""

    name = "docx"
    extensions = ("docx", "docm")

    def sniff(self, head: bytes, path: Path) -> bool:
        suffix = path.suffix.lower().lstrip(".")
        if head.startswith(b"PK\x03\x04"):
            if b"word/" in head:
                return True
            if b"xl/" in head or b"ppt/" in head or b"mimetypeapplication/vnd.oasis" in head:
                return False
            return suffix in self.extensions
        # An encrypted .docx is an OLE compound file; so is a .doc renamed .docx: read() tells them apart.
        return head.startswith(CFB_MAGIC) and suffix in self.extensions

    def read(self, path: Path, data: bytes) -> RawDocument:
        if data.startswith(CFB_MAGIC):
            return self._read_compound(path, data)
        if not data.startswith(b"PK"):
            raise CorruptFile(path, "not a DOCX: the file is not a zip package")
        package = _Package(path, data)
        root = package.parse(package.main, required=True)
        assert root is not None
        ns = etree.QName(root).namespace or W_TRANSITIONAL
        if ns not in (W_TRANSITIONAL, W_STRICT):
            raise CorruptFile(path, f"{package.main} is not WordprocessingML (root namespace {ns})")
        tags = _tags(ns)
        styles = _Styles(package, tags)
        num_name = package.related("/numbering", "word/numbering.xml")
        numbering = _Numbering(package.parse(num_name) if num_name else None, tags, styles)
        walker = _Walker(tags, styles, numbering)
        body = root.find(tags.body)
        if body is None:
            raise CorruptFile(path, f"{package.main} has no w:body")
        blocks: list[Block] = []
        walker.container(body, "paragraph", blocks, None)
        blocks.extend(self._notes(package, walker))
        blocks = join_split_number(blocks)

        warnings: list[ReaderWarning] = []
        if walker.tracked_changes:
            warnings.append(ReaderWarning("tracked_changes",
                                          "the document has tracked changes: deleted text skipped, inserted kept"))
        if numbering.missing:
            warnings.append(ReaderWarning("numbering_missing", "paragraphs refer to list definitions that "
                                          f"numbering.xml lacks (numId {', '.join(sorted(numbering.missing))})"))
        metadata, pages = self._properties(package)
        metadata["tables"] = walker.n_tables
        if any(name.lower().endswith("vbaproject.bin") for name in package.names):
            metadata["macros"] = True
        return RawDocument(blocks=blocks, format="docx", encoding="utf-8", pages=pages, metadata=metadata,
                           warnings=warnings)

    # --- parts other than the body ---

    def _notes(self, package: _Package, walker: _Walker) -> list[Block]:
        """Footnotes then endnotes, numbered in order of first reference as Word numbers them."""
        if not walker.note_refs:
            return []
        t = walker.t
        out: list[Block] = []
        for kind, rel, default, tag in (("footnote", "/footnotes", "word/footnotes.xml", t.footnote),
                                        ("endnote", "/endnotes", "word/endnotes.xml", t.endnote)):
            ids: list[str] = []
            for ref_kind, ref_id in walker.note_refs:
                if ref_kind == kind and ref_id not in ids:
                    ids.append(ref_id)
            if not ids:
                continue
            name = package.related(rel, default)
            root = package.parse(name) if name else None
            if root is None:
                continue
            notes = {n.get(t.id): n for n in root.iter(tag) if n.get(t.type) in (None, "normal")}
            for number, note_id in enumerate(ids, 1):
                note = notes.get(note_id)
                if note is None:
                    continue
                mark = str(number) if kind == "footnote" else _roman(number)
                blocks: list[Block] = []
                walker.container(note, "footnote", blocks, None)
                for b in blocks:
                    b.kind = "footnote"
                    b.table = b.row = b.col = None
                    if kind == "endnote":
                        b.style = {**(b.style or {}), "note": "endnote"}
                if blocks:
                    blocks[0].text = f"{mark} {blocks[0].text.lstrip()}"
                out.extend(blocks)
        return out

    @staticmethod
    def _properties(package: _Package) -> tuple[dict[str, Any], int | None]:
        """Core properties (title, author, dates) and the page count Word saved in app.xml."""
        meta: dict[str, Any] = {}
        pages = None
        core = package.parse("docProps/core.xml")
        if core is not None:
            props = {}
            for key, tag in (("title", "dc:title"), ("subject", "dc:subject"), ("creator", "dc:creator"),
                             ("description", "dc:description"), ("keywords", "cp:keywords"),
                             ("last_modified_by", "cp:lastModifiedBy"), ("created", "dcterms:created"),
                             ("modified", "dcterms:modified")):
                prefix, local = tag.split(":")
                el = core.find("{%s}%s" % (CORE_NS[prefix], local))
                if el is not None and el.text and el.text.strip():
                    props[key] = el.text.strip()
            if props:
                meta["core_properties"] = props
        app = package.parse("docProps/app.xml")
        if app is not None:
            el = app.find("{%s}Pages" % APP_NS)
            if el is not None:
                pages = _int((el.text or "").strip()) or None
            el = app.find("{%s}Application" % APP_NS)
            if el is not None and el.text:
                meta["application"] = el.text.strip()
        return meta, pages

    def _read_compound(self, path: Path, data: bytes) -> RawDocument:
        if any(marker in data for marker in ENCRYPTED_MARKERS):
            raise EncryptedFile(path, "the DOCX is password-protected (encrypted OLE package); "
                                      "open it in Word, remove the password and save again")
        from . import get_reader  # late import: the registry imports this module lazily

        doc_reader = get_reader("doc") if "doc" in _registered() else None
        if doc_reader is None:
            raise UnsupportedFormat(path, "a legacy Word 97-2003 (.doc) file named .docx, and no .doc reader "
                                          "is available")
        return doc_reader.read(path, data)


def _registered() -> dict[str, str]:
    from . import READERS

    return READERS
