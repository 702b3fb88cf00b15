"""Fields a web page states about the document (vbpl.vn's "thuộc tính"), used only where the text has none.

A page saved from vbpl.vn whose body starts at "QUYẾT ĐỊNH" has no Số line; the page's attributes still give the
number-symbol and type.  They are taken only when the page's trích yếu agrees with the one read from the text,
since saved pages are sometimes mislabelled; the values carry no span and a warning says where they came from.
"""
from __future__ import annotations

from ..identity import parse_symbol, type_for_code
from ..lexicon.fold import fold
from ..lexicon.spaces import squash
from ..model import DocType
from .base import Context
from .fields import PageMetadataFields
from .registry import extractor


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and squash(fold(a)).rstrip(".") == squash(fold(b)).rstrip("."))


@extractor("page_metadata", requires=("source_metadata", "subject", "number", "doc_type"), assigns=("number", "doc_type", "subject"))
def extract(ctx: Context) -> PageMetadataFields:
    page = (ctx.source_metadata or {}).get("page_attributes") or {}
    if not page:
        return {}
    out: PageMetadataFields = {}
    subject = ctx.fields.get("subject")
    if subject and page.get("trich_yeu") and not _same(subject, page["trich_yeu"]):
        ctx.warn("page_metadata_mismatch", f"the page describes another document: {page.get('title', '')[:120]}")
        return {}
    if ctx.fields.get("number") is None and page.get("so_ky_hieu"):
        p = parse_symbol(page["so_ky_hieu"])
        out["number"] = p.to_number()
        ctx.warn("from_page_metadata", f"number {p.text} taken from the page's attributes, not from the text")
        if ctx.fields.get("doc_type") is None:
            row = type_for_code(p.type_code, normative=bool(p.year))
            name = page.get("loai_van_ban") or (row["name"] if row else None)
            if name:
                out["doc_type"] = DocType(name=name, code=p.type_code, kind=row["kind"] if row else "other")
    if subject is None and page.get("trich_yeu"):
        out["subject"] = page["trich_yeu"]
        ctx.warn("from_page_metadata", "subject taken from the page's attributes, not from the text")
    return out
