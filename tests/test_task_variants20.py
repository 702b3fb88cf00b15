"""A slice of the generated assignment variants of session 20 (issue 13, ``scripts/task_variants.py``): the forms the
held-out conclusion notices, directives and decisions are known to use and the development set shows once or not at
all: a category's members after another body (``Giao Sở A, UBND các huyện: Bình Sơn, Sơn Tịnh …``), a title before
the category (``Giám đốc các Sở: Tài chính, …``), a semicolon list broken over lines, eight bodies before ``theo
chức năng, nhiệm vụ được giao``, a decision's execution clause with members, wrapped, and before the regulation the
decision issues.  Each variant's lead, support and deadline as its gold says; main read none of these right."""
from __future__ import annotations

import pytest

from .task_variant_check import check_variant

# (form, variant index, wrapped)
SLICE = [
    ("ubnd_huyen_members", 0, False), ("ubnd_huyen_members", 1, True),
    ("place_members_opening", 1, False), ("place_members_giao", 0, True),
    ("holder_members", 1, False), ("holder_members", 2, True),
    ("semicolon_line_breaks", 0, False), ("semicolon_line_breaks", 1, False),
    ("giao_long_list_remit", 2, False),
    ("decision_execution_members", 0, False), ("decision_execution_members", 1, True),
    ("decision_execution_officials", 4, True), ("decision_regulation_annex", 0, False), ("decision_regulation_annex", 1, True),
    ("decision_congress_results", 0, False), ("decision_charter_annex", 1, True),
    ("directive_collective_colon", 2, True), ("co_trach_nhiem_items", 8, True), ("decision_regulation_annex", 2, True),
]


@pytest.mark.parametrize("form,i,wrap", SLICE, ids=[f"{f}-{i}{'-wrapped' if w else ''}" for f, i, w in SLICE])
def test_variant_reads_as_its_gold(form: str, i: int, wrap: bool) -> None:
    check_variant(form, i, wrap)


def test_a_list_item_ending_in_a_semicolon_is_no_table_cell() -> None:
    # "Tỉnh đoàn;" is a short line, but a list's item: the name goes on past it (a table's cells end in no semicolon)
    text = ("1. Yêu cầu Sở Nông nghiệp và Phát triển nông thôn;\nTỉnh đoàn;\nSở Công Thương;\n"
            "Chủ tịch UBND các huyện, thị xã, thành phố triển khai các giải pháp bảo đảm trật tự an toàn giao thông.")
    from vnadmin_nlp.extractors.tasking import names
    from vnadmin_nlp.lexicon.fold import fold
    found = names.name_span(text, fold(text), text.index("Sở"), len(text))
    assert found is not None and names.items(found[0])[-1] == "Chủ tịch UBND các huyện, thị xã, thành phố"
    assert names.broken_at(text, 0, 10) is False and names.broken_at("Sở A.\nSở B", 0, 10) is True
