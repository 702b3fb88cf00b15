"""WordprocessingML names and the small XML helpers every part of the DOCX reader uses.

Tags are resolved once per file (as Clark names) because a document is either transitional or strict OOXML,
and comparing ``elem.tag`` to a prepared string is the fastest test lxml allows.
"""
from __future__ import annotations

from types import SimpleNamespace

from lxml import etree

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC_ALT = "{%s}AlternateContent" % MC_NS
MC_CHOICE = "{%s}Choice" % MC_NS
MC_FALLBACK = "{%s}Fallback" % MC_NS
M_OMATH = "{%s}oMath" % MATH_NS
M_OMATHPARA = "{%s}oMathPara" % MATH_NS
M_T = "{%s}t" % MATH_NS

_FALSE = {"0", "false", "off", "none"}


def word_tags(ns: str) -> SimpleNamespace:
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


def xml_parser() -> etree.XMLParser:
    """A parser for package parts.

    No entity expansion and no network: a hostile package cannot make the parser fetch or explode anything.
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def is_on(elem: etree._Element | None, val_attr: str) -> bool | None:
    """A Word on/off property (``<w:b/>``, ``<w:b w:val="0"/>``): None when absent."""
    if elem is None:
        return None
    val = elem.get(val_attr)
    return val is None or val.lower() not in _FALSE


def choose_branch(alt: etree._Element) -> etree._Element | None:
    """One branch of ``mc:AlternateContent``: the first Choice (what Word shows), else the Fallback."""
    fallback = None
    for child in alt:
        if child.tag == MC_CHOICE:
            return child
        if child.tag == MC_FALLBACK:
            fallback = child
    return fallback


def to_int(value: str | None, default: int | None = None) -> int | None:
    """An integer attribute; the default when it is absent or not a number (hand-edited XML)."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
