"""A slice of the generated deadline variants (issue 13, session 20; ``scripts/deadline_variants.py``): every form of
scripts/deadline_variants.yaml typed in its first assignment sentence, wrapped over a PDF's line inside it, and a
numeric date in each rendering (spaced, dotted, dashed, OCR'd digits, a two-digit year); each variant's deadline
found with its kind and value, attached to its task, and no ISO date for a duration counted from an event."""
from __future__ import annotations

from typing import Any

import pytest

from .script_module import load_script

dv = load_script("deadline_variants")

SPEC = dv.load_spec()
ALL = dv.variants(SPEC)


def _pick() -> list[Any]:
    """Per form: its first variant typed, the wrapped one breaking the form in its middle, and for a numeric date
    the first of each rendering."""
    out, seen = [], set()
    for v in ALL:
        placement, how, *wrap = v.layout.split("/")
        key = (v.form, how, bool(wrap))
        if wrap and wrap[0] != f"wrapped{max(1, len(_printed(v.form, how).split()) // 2)}":
            continue
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _printed(form: str, how: str) -> str:
    entry = next(f for f in SPEC["forms"] if f["name"] == form)
    return dv.render(entry["printed"], how)


SLICE = _pick()


@pytest.mark.parametrize("v", SLICE, ids=[f"{v.form}-{v.layout}" for v in SLICE])
def test_variant_reads_as_its_gold(v: Any) -> None:
    res = dv.score(v, SPEC["doc_date"])
    wrong = [m for m in res.mismatches if m["list"] == "deadlines"
             or (m["list"] == "tasks" and (m.get("gold") or {}).get("deadline") != (m.get("parser") or {}).get("deadline"))]
    assert dv._exact(res), (v.body, wrong)


def test_every_form_is_generated_and_sourced() -> None:
    forms = {v.form for v in ALL}
    for entry in SPEC["forms"]:
        assert entry["name"] in forms
        assert entry["source"]["doc"] and entry["source"]["line"]


def test_renderings() -> None:
    assert dv.render("trước ngày 15/12/2025", "spaced") == "trước ngày 15 / 12 / 2025"
    assert dv.render("trước ngày 30/11/2025", "ocr") == "trước ngày 3O/11/2025"
    assert dv.render("trước ngày 15/12/2025", "ocr") == "trước ngày l5/12/2025"
    assert dv.render("trước ngày 15/12/2025", "short_year") == "trước ngày 15/12/25"
