"""The rows of ``data/doc_types.yaml`` by symbol type code (``QĐ``, ``NĐ``, ``CV``…): what a number-symbol's
type code names.  The number parser needs the codes, the type extractor and citations the rows."""
from __future__ import annotations

from ..data import load


def _codes() -> tuple[set[str], set[str]]:
    data = load("doc_types")
    codes = {row["code"] for kind in ("administrative", "normative", "party", "other") for row in data[kind] if row["code"]}
    codes |= {c.upper() for c in codes}
    return codes, set(data["joint_codes"])


TYPE_CODES, JOINT_CODES = _codes()


def _by_code() -> dict[str, dict[str, dict]]:
    data = load("doc_types")
    table: dict[str, dict[str, dict]] = {}
    for kind in ("administrative", "normative", "party", "other"):
        for row in data[kind]:
            if row["code"]:
                table.setdefault(kind, {})[row["code"]] = {**row, "kind": kind}
                table.setdefault(kind, {}).setdefault(row["code"].upper(), {**row, "kind": kind})
    return table


_BY_CODE = _by_code()


def type_for_code(code: str | None, *, normative: bool = False, party: bool = False) -> dict | None:
    """The type row for a symbol's type code, looked up in the family the number's form points to."""
    if not code:
        return None
    order = ["party"] if party else []
    order += ["normative", "administrative"] if normative else ["administrative", "normative"]
    order += ["other"]
    for kind in order:
        row = _BY_CODE.get(kind, {}).get(code)
        if row:
            return row
    return None


def symbol_type(type_code: str | None, year: int | None, issuer_code: str | None, unit_code: str | None,
                party: bool = False) -> str | None:
    """The type a number-symbol names by itself: its type code's row (``QĐ-UBND`` a quyết định, ``NĐ-CP`` a nghị
    định, ``09-NQ/TU`` a Party nghị quyết), or ``Công văn`` for an issuer code and a unit code with no type code
    and no year (``1187/BTC-ĐT``, ``2286/STTTT-CNTT``: Decree 30's form of a công văn).  None when the symbol does
    not say (``54/2014/QH13``: a law or a resolution; ``101/CP``: an old form)."""
    if type_code:
        row = type_for_code(type_code, normative=bool(year), party=party)
        return row["name"] if row else None
    if year is None and issuer_code and unit_code and not party:
        return "Công văn"
    return None
