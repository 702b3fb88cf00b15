"""Document properties saved beside the body: title, author, dates (docProps/core.xml) and the page count and
application (docProps/app.xml)."""
from __future__ import annotations

from typing import Any

from .package import Package
from .wordml import to_int

CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def read_properties(package: Package) -> tuple[dict[str, Any], int | None]:
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
            pages = to_int((el.text or "").strip()) or None
        el = app.find("{%s}Application" % APP_NS)
        if el is not None and el.text:
            meta["application"] = el.text.strip()
    return meta, pages
