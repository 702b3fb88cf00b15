"""HTML reader, tuned for vbpl.vn pages saved whole (1 MB of site chrome around the document).

The document body is found first (vbpl.vn marks it ``data-vbpl-content-root``; older vbpl.vn, TVPL and Word
"Save as HTML" pages have their own containers), so menus, scripts, breadcrumbs and footers never reach the
text.  Inside it, one block per block-level element or ``<br>``-separated line; inline tags are joined without
adding spaces, so ``1<i>0</i>/2018`` stays ``10/2018``.  Tables are read like the DOCX reader reads them: a
header/signature table column by column, a data table row by row.  What the page says *about* the document
(title, number, dates, status) goes to ``metadata["page_attributes"]``: the only source of the issuer and
number on pages whose body starts at "QUYẾT ĐỊNH", and the only source of every field on a page that shows
the attribute table and no document text (``content_root`` reports it as ``attributes_only``).

Modules: ``content_root`` (the document element, site chrome left out), ``walker`` (blocks, tables, list
labels), ``page_attributes`` (what the page says about the document), ``language``; tables are put in reading
order by :mod:`vnadmin_nlp.readers.tables`, shared with the DOCX reader.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from ..base import Block, CorruptFile, RawDocument, Reader, ReaderWarning
from ..decoding import decode_text
from ..split_number import join_split_number
from .content_root import ATTRIBUTES_ONLY, find_content_root
from .language import detect_language
from .page_attributes import page_attributes
from .walker import Walker

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_HEAD_SKIP = re.compile(rb"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.DOTALL)


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
    return decode_text(data)


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
            parser = lxml.html.HTMLParser(huge_tree=True)
            doc = lxml.html.document_fromstring(text, parser=parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
            raise CorruptFile(path, f"cannot parse the HTML: {exc}") from None
        for error in parser.error_log:
            if error.type_name == "ERR_RESOURCE_LIMIT":  # libxml2 stopped (nesting over 2048 deep): the rest is gone
                warnings.append(ReaderWarning(
                    "reader_limit",
                    f"the HTML parser stopped at line {error.line} ({error.message.strip()}): "
                    "the rest of the page was dropped",
                ))
                break
        root, rule = find_content_root(doc)
        attrs = page_attributes(doc, root)
        walker = Walker()
        blocks: list[Block] = []
        walker.container(root, blocks)
        blocks = join_split_number(blocks)
        if rule == ATTRIBUTES_ONLY:
            warnings.append(ReaderWarning(
                "attributes_only",
                "the page shows no document text, only the site's attribute table: fields come from the attributes",
            ))
        elif not blocks:
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
