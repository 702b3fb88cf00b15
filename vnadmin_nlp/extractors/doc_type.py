"""Document type: from the type line (``THÔNG BÁO``), else from the symbol's type code, else a công văn; a văn
bản hợp nhất from its authentication block (``zoning.consolidation``), whatever title it keeps.

A công văn has no type line and no type code; it is recognised by its ``V/v`` trích yếu and its ``Kính gửi``.
The table of type codes is ``identity.doc_types`` (citations read a cited symbol's type with it too).
"""
from __future__ import annotations

from ..identity.doc_types import type_for_code
from ..model import DocKind, DocType
from .base import Context
from .fields import DocTypeFields
from .registry import extractor


@extractor("doc_type", requires=("number",), assigns=("doc_type",))
def extract(ctx: Context) -> DocTypeFields:
    h = ctx.layout.header
    number = ctx.fields.get("number")
    block = ctx.layout.consolidation
    if block is not None:  # a văn bản hợp nhất keeps its source's title: its end block says what it is
        row = type_for_code("VBHN", normative=True)
        if row is not None:
            return {"doc_type": DocType(name=row["name"], code=row["code"], kind="normative", span=(block.line.start, block.line.end))}
    party = h.party or bool(number and number.text[:1].isdigit() and "-" in number.text.split("/")[0])
    normative = bool(number and number.year)
    from_code = type_for_code(number.type_code if number else None, normative=normative, party=party)
    if h.title_type is not None and h.title is not None:
        row = dict(h.title_type)
        if party and row["kind"] != "party":
            row = type_for_code(from_code["code"] if from_code else None, party=True) or {**row, "kind": "party"}
            row["name"] = h.title_type["name"]
        elif normative and row["kind"] == "administrative":
            row = type_for_code(row["code"], normative=True) or row
        if from_code and number and number.type_code and from_code["name"] != h.title_type["name"]:
            ctx.warn(
                "type_symbol_mismatch",
                f"the title says {h.title_type['name']} but the symbol {number.text} has type code {number.type_code}",
                number.span,
            )
        code = number.type_code if (number and number.type_code and from_code and from_code["name"] == row["name"]) else row["code"]
        return {"doc_type": DocType(name=row["name"], code=code, kind=row["kind"], span=(h.title.start, h.title.end))}
    if from_code and number is not None:  # a code (so a number) was read
        return {"doc_type": DocType(name=from_code["name"], code=number.type_code, kind=from_code["kind"], span=number.span)}
    if h.vv or h.kinh_gui is not None or (number and number.symbol and not number.type_code and not number.year and not party):
        kind: DocKind = "party" if party else "administrative"
        span = (h.subject[0].start, h.subject[0].end) if h.vv and h.subject else None
        return {"doc_type": DocType(name="Công văn", code=None, kind=kind, span=span)}
    return {}
