"""A slice of the generated assignment variants (issue 13, session 19; ``scripts/task_variants.py``): the forms of the
development set's conclusions, plans and directives with several lead bodies, partners named before their ``phối
hợp``, a heading's remit, labels and names broken over a PDF's lines; each variant's lead, support and deadline as
its gold says."""
from __future__ import annotations

import hashlib

import pytest

from .task_variant_check import SPEC, check_variant, tv

# (form, variant index, wrapped): one or two of each form a fix of session 19 is for, and the common ones
SLICE = [
    ("chu_tri_then_phoi_hop_subject", 0, False), ("chu_tri_then_phoi_hop_subject", 3, True),
    ("list_colon_dash", 0, False), ("list_colon_dash", 1, True),
    ("labelled_inline", 0, True), ("labelled_inline", 2, True), ("labelled_parenthesized", 1, True),
    ("ubnd_tinh_giao", 0, True), ("heading_no_number_dash", 0, True), ("body_colon_inline", 1, True),
    ("dash_conclusion_items", 0, False), ("dong_y_giao", 0, True),
    ("giao_list_chu_tri_phoi_hop", 1, False), ("de_nghi_list", 0, False), ("giao_members", 1, False),
    ("section_per_body_chu_tri_phoi_hop", 0, False), ("giao_semicolon_list", 0, False), ("office_notifies_closing", 0, False),
    ("giao_members", 0, True), ("thong_nhat_giao", 1, False), ("x_cung_y", 0, False),
]


@pytest.mark.parametrize("form,i,wrap", SLICE, ids=[f"{f}-{i}{'-wrapped' if w else ''}" for f, i, w in SLICE])
def test_variant_reads_as_its_gold(form: str, i: int, wrap: bool) -> None:
    check_variant(form, i, wrap)


def test_generation_is_seeded() -> None:
    a = tv.variants(SPEC, per_form=2, seed=5, forms=["de_nghi_list"])
    b = tv.variants(SPEC, per_form=2, seed=5, forms=["de_nghi_list"])
    c = tv.variants(SPEC, per_form=2, seed=6, forms=["de_nghi_list"])
    assert [v.text for v in a] == [v.text for v in b] != [v.text for v in c]


def test_every_form_names_a_dev_example() -> None:
    # each form is taken from a development-set document (never a test one): its id and the line it copies
    for f in SPEC["forms"]:
        doc = f["example"]["doc"]
        assert int(hashlib.sha256(doc.encode()).hexdigest(), 16) % 4 != 0, f["name"]
        assert f["example"]["line"], f["name"]
        assert {"name", "skeleton", "template", "tasks", "lead", "support", "counts", "placements"} <= set(f), f["name"]
