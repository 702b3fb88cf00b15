"""A slice of the whole-document plan and directive variants of session 21 (issue 13, ``scripts/plan_variants.py``):
a plan attached to the quyết định that issues it (main read only the decision's execution clause: its plan was left
as an appendix), a body's name on a line of its own over its items (main gave every item the first heading's body),
``*`` items under ``- Tỉnh đoàn:`` (main ran them into one task), ``1. Trách nhiệm của Sở …`` and ``a) Sở … chủ trì,
phối hợp với … thực hiện các nhiệm vụ sau:`` over items (main read none), a directive whose opening request names the
addressees of its numbered items (main read none but the item naming its own body), and structures that already
read right (group headings, labelled lines, dotted numbers, a directive's addressees), typed and as a PDF's lines."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.zoning import zone
from vnadmin_nlp.zoning.segments import Page

from .script_module import load_script
from .task_variant_check import check_reading

pv = load_script("plan_variants")
SPEC = pv.load_spec()

# (structure, variant index, rendering): body_headings' index picks the heading form (0 num_colon, 1 num_bare,
# 2 letter, 3 dash_colon, 4 alone, 5 trach_nhiem, 6 announce, 7 request), then (index // 8) the item marker
SLICE = [
    ("attached", 0, "typed"), ("attached", 3, "pdf"), ("attached", 7, "typed"),
    ("body_headings", 4, "typed"), ("body_headings", 12, "pdf"), ("body_headings", 11, "typed"),
    ("body_headings", 5, "pdf"), ("body_headings", 6, "typed"), ("body_headings", 7, "typed"), ("body_headings", 15, "pdf"),
    ("directive_intro", 0, "pdf"), ("directive_intro", 1, "pdf"), ("directive_intro", 2, "typed"),
    ("group_headings", 1, "pdf"), ("labelled_content", 0, "pdf"), ("dotted", 1, "pdf"), ("directive", 2, "pdf"),
]


@pytest.mark.parametrize("structure,i,render", SLICE, ids=[f"{s}-{i}-{r}" for s, i, r in SLICE])
def test_variant_reads_as_its_gold(structure: str, i: int, render: str) -> None:
    check_reading(pv.variant(SPEC, structure, i, render))


DECISION = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 1234/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 02 tháng 6 năm 2025
QUYẾT ĐỊNH
Ban hành {kind_lower} về công tác chuyển đổi số
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này {kind_lower} về công tác chuyển đổi số.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh và Thủ trưởng các sở, ban, ngành tỉnh chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn D
{kind}
Về công tác chuyển đổi số
(Ban hành kèm theo Quyết định số 1234/QĐ-UBND
ngày 02 tháng 6 năm 2025 của Chủ tịch UBND tỉnh)
{body}
"""
PLAN = "I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ:\n- Chủ trì rà soát hồ sơ cán bộ trước ngày 30/6/2025.\n- Tổng hợp danh sách.\n"


def test_an_attached_plan_is_read_for_tasks_its_note_wrapped() -> None:
    text = DECISION.format(kind="KẾ HOẠCH", kind_lower="Kế hoạch", body=PLAN)
    layout = zone(Page(text))
    assert layout.attached is not None and text[layout.attached[0] :].startswith("I. TỔ CHỨC")
    tasks = parse_text(text).tasks
    assert [(t.lead, t.deadline.text if t.deadline else None) for t in tasks[1:]] == [
        (["Sở Nội vụ"], "trước ngày 30/6/2025"), (["Sở Nội vụ"], None)]


def test_an_attached_regulation_stays_an_appendix() -> None:
    # a Quy chế's duties are standing ones (README, session 12): only the plan kinds of tasks.yaml are read
    text = DECISION.format(kind="QUY CHẾ", kind_lower="Quy chế", body=PLAN)
    assert zone(Page(text)).attached is None
    assert len(parse_text(text).tasks) == 1


@pytest.mark.parametrize("line,lead,support", [
    # a trigger's word inside a body's name is none (main read "thông vận tải" after "Giao")
    ("Giao Sở Giao thông vận tải chủ trì, phối hợp với các cơ quan, đơn vị liên quan thực hiện các nhiệm vụ sau:",
     ["Sở Giao thông vận tải"], ["các cơ quan, đơn vị liên quan"]),
    # no trigger: the request opens with its body; the announcing words wrapped over a PDF's lines
    ("a) Sở Y tế chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn, Tỉnh đoàn thực hiện các\nnhiệm vụ sau:",
     ["Sở Y tế"], ["Sở Nông nghiệp và Phát triển nông thôn", "Tỉnh đoàn"]),
    ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố thực hiện tốt các nhiệm vụ sau:",
     ["Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các huyện, thị xã, thành phố"], []),
])
def test_a_request_over_items_names_its_lead_and_support(line: str, lead: list[str], support: list[str]) -> None:
    from vnadmin_nlp.extractors.tasking import scope
    from vnadmin_nlp.lexicon.fold import fold
    start = 3 if line.startswith("a) ") else 0
    assert scope.request_heading(line, fold(line), start, len(line)) == (lead, support)
