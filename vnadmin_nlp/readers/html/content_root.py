"""The element of a saved page that holds the document itself, so that menus, scripts, breadcrumbs and footers
never reach the text.

vbpl.vn marks it ``data-vbpl-content-root``; older vbpl.vn, TVPL and Word "Save as HTML" pages have their own
containers.  When none is found the page body is read minus the site chrome.
"""
from __future__ import annotations

import re

from lxml import etree

from .spaces import HTML_SPACE

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

# vbpl.vn's attribute table ("Thuộc tính": label cell / value cell).  The site's document container never holds
# it: a container that does is the whole page of a document the site shows no text of (an attributes-only page).
ATTRIBUTE_TABLE = "descendant::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-descriptions ')]"
# What such a page shows besides the table: menus, breadcrumbs, tab bars, the title line and its dates.
_PAGE_FURNITURE = (
    "descendant::nav | descendant::h1/.. | "
    "descendant::*[contains(@class, 'tab-nav') or contains(@class, 'tabs-nav') or contains(@class, 'breadcrumb')]"
)
ATTRIBUTES_ONLY = "attributes_only"  # the rule reported for such a page: no document text, only the attributes

# Site chrome, dropped only when no content container was found and the whole body is read.  Class and id
# names are matched by whole token ("main-menu" -> "menu"), so a "document-header" div is kept.
CHROME_TAGS = frozenset(("nav", "aside"))
CHROME_OUTSIDE_ARTICLE = frozenset(("header", "footer"))
CHROME_TOKENS = frozenset(
    "menu menubar navbar nav navigation breadcrumb breadcrumbs footer sidebar banner cookie cookies share social "
    "search searchbox login advert ads popup modal toolbar recaptcha".split()
)
_TOKEN_SPLIT = re.compile(r"[\s_-]+")


def find_content_root(doc: etree._Element) -> tuple[etree._Element, str]:
    """The element holding the document, and which rule found it."""
    for xpath in CONTENT_ROOTS:
        best = None
        best_len = 0
        for el in doc.xpath(xpath):
            n = len(HTML_SPACE.sub("", el.text_content()))
            if n > best_len:
                best, best_len = el, n
        if best is not None and best_len >= MIN_ROOT_TEXT:
            if _attributes_only(best):
                return etree.Element("div"), ATTRIBUTES_ONLY
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


def _attributes_only(root: etree._Element) -> bool:
    """A container holding the site's attribute table and, besides it and the page furniture, next to no text."""
    tables = root.xpath(ATTRIBUTE_TABLE)
    if not tables:
        return False
    skipped: set[etree._Element] = set()
    for el in [*tables, *root.xpath(_PAGE_FURNITURE)]:
        if el is not root:
            skipped.update(el.iter())
    rest = 0
    for el in root.iter():
        if el is not root and el.getparent() not in skipped:  # a tail is the parent's text
            rest += len(HTML_SPACE.sub("", el.tail or ""))
        if el not in skipped and isinstance(el.tag, str):
            rest += len(HTML_SPACE.sub("", el.text or ""))
    return rest < MIN_ROOT_TEXT


def _drop_keep_tail(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it (its tail belongs to the parent's flow)."""
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

