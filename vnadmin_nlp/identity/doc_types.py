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
