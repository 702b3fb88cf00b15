"""Fields a web page states about the document (vbpl.vn's "thuộc tính"), used only where the text has none.

A page saved from vbpl.vn whose body starts at "QUYẾT ĐỊNH" has no Số line; a page that shows only the site's
attribute table has no text at all.  The page's attributes (``metadata["page_attributes"]``, read by the HTML
reader) still give the number-symbol, type, issuing body, date, signer and, from the title line with its type
and number stripped, the trích yếu.  They fill only the fields the text did not give: the body is the document,
and the site's title line is sometimes wrong.  They are not used at all when the page's trích yếu, number or date
disagrees with the one read from the text (saved pages are sometimes mislabelled); a disagreement on the number
or the date is warned (``page_metadata_conflict``, on the text's value, which is kept).  A field taken from the
attributes carries no span, and one ``from_page_metadata`` warning names the fields so taken.
"""
from __future__ import annotations

import re

from ..identity import lookup_key, parse_symbol, type_for_code
from ..lexicon.fold import fold
from ..lexicon.spaces import squash
from ..model import Body, DocType, Signer
from ..normalize import normalize
from .base import Context
from .date_place import iso_date
from .fields import PageMetadataFields
from .registry import extractor
from ..lexicon.lazy import lazy_re

# The attribute giving the document's date: its signing date, or (a văn bản hợp nhất) the date the
# consolidation was authenticated.  "Ngày có hiệu lực" (entry into force) is another date and is never used.
DATE_ATTRIBUTES = ("ngay_ban_hanh", "ngay_ky_xac_thuc")
_DMY = lazy_re(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and squash(fold(a)).rstrip(".") == squash(fold(b)).rstrip("."))


def page_date(page: dict[str, str]) -> str | None:
    """The document's date among the page's attributes, as an ISO date (``28/01/2026`` -> ``2026-01-28``)."""
    for key in DATE_ATTRIBUTES:
        m = _DMY.match(page.get(key) or "")
        if m:
            date, valid = iso_date(m.group(1), m.group(2), m.group(3))
            if date and valid:
                return date
    return None


def _same_number(text: str, page_number: str) -> bool:
    a, b = parse_symbol(text), parse_symbol(page_number)
    if lookup_key(a.text, a) != lookup_key(b.text, b) or lookup_key(a.text, a) is None:
        return False
    return a.year is None or b.year is None or a.year == b.year


def _conflicts(ctx: Context, page: dict[str, str]) -> bool:
    """Warn where the text's number or date disagrees with the page's; True when one does."""
    conflict = False
    number = ctx.fields.get("number")
    if number is not None and number.number and page.get("so_ky_hieu") and not _same_number(number.text, page["so_ky_hieu"]):
        ctx.warn("page_metadata_conflict",
                 f"number: the text reads {number.text}, the page's attributes {page['so_ky_hieu']}; the text's is kept",
                 number.span)
        conflict = True
    date, theirs = ctx.fields.get("date"), page_date(page)
    if date and theirs and not theirs.startswith(date):
        ctx.warn("page_metadata_conflict",
                 f"date: the text reads {date}, the page's attributes {theirs}; the text's is kept")
        conflict = True
    return conflict


@extractor(
    "page_metadata",
    requires=("source_metadata", "subject", "number", "doc_type", "issuer", "date", "signers"),
    assigns=("number", "doc_type", "issuer", "date", "signers", "subject"),
)
def extract(ctx: Context) -> PageMetadataFields:
    page = (ctx.source_metadata or {}).get("page_attributes") or {}
    if not page:
        return {}
    # normalised like the text (look-alikes: a Cyrillic "С" in "TT-BTС"), so that they compare with it
    page = {k: normalize(v, page_numbers=False).text.strip() for k, v in page.items() if isinstance(v, str)}
    out: PageMetadataFields = {}
    subject = ctx.fields.get("subject")
    if subject and page.get("trich_yeu") and not _same(subject, page["trich_yeu"]):
        ctx.warn("page_metadata_mismatch", f"the page describes another document: {page.get('title', '')[:120]}")
        return {}
    if _conflicts(ctx, page):
        return {}  # the text's values kept; the page's attributes may be of another document
    if ctx.fields.get("number") is None and page.get("so_ky_hieu"):
        out["number"] = parse_symbol(page["so_ky_hieu"]).to_number()
    number = out.get("number") or ctx.fields.get("number")
    if ctx.fields.get("doc_type") is None:
        p = parse_symbol(page.get("so_ky_hieu") or "")
        row = type_for_code(p.type_code, normative=bool(p.year))
        name = page.get("loai_van_ban") or (row["name"] if row else None)
        if name and (number is None or "number" in out or not page.get("so_ky_hieu")
                     or _same_number(number.text, page["so_ky_hieu"])):
            out["doc_type"] = DocType(name=name, code=p.type_code, kind=row["kind"] if row else "other")
    if ctx.fields.get("issuer") is None and page.get("co_quan_ban_hanh"):
        name = page["co_quan_ban_hanh"]
        out["issuer"] = Body(name=name, text=name)
    if ctx.fields.get("date") is None and (date := page_date(page)):
        out["date"] = date
    if not ctx.fields.get("signers") and page.get("nguoi_ky"):
        out["signers"] = [Signer(position=page.get("chuc_danh"), name=page["nguoi_ky"], span=None)]
    if subject is None and page.get("trich_yeu"):
        out["subject"] = page["trich_yeu"]
    if out:
        ctx.warn("from_page_metadata", f"{', '.join(out)}: taken from the web page's attributes, not from the text")
    return out
