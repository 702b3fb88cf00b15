"""Plans and directives as real scans (issue 13, session 23: scripts/plan_variants.py --render scan, the generated
documents typeset, printed, scanned and read by tesseract).  What the scans broke that the text did not:

- a quarter's numeral as tesseract prints it: the two strokes of ``II`` joined by a serif read ``H`` (``trong quý
  IH/2025``, ``quý HI/2025`` for quarter III on skew+1 scans of the body_headings, group_headings, directive and
  directive_intro variants): main found no deadline, so the task had none attached; strokes that make no quarter
  (``HH``) are no reading, and said;
- ``để`` read ``đề`` after a support list (qngai_ct16_2021 scanned: ``… địa phương có liên quan đề chuẩn bị …``): the
  list ends there, as before ``để``, unless the word is a name's (``Đề án``, ``đề nghị``)."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 45/KH-UBND\nQuảng Ngãi, ngày 02 tháng 6 năm 2025\nKẾ HOẠCH\nTriển khai thực hiện Chương trình chuyển đổi số\n"


@pytest.mark.parametrize("item,text,start", [
    ("- Triển khai các giải pháp bảo đảm trật tự an toàn giao thông dịp Tết trong quý IH/2025.", "trong quý IH/2025", "2025-07-01"),
    ("- Hướng dẫn việc lập dự toán, thanh quyết toán kinh phí thực hiện trong quý HI/2025.", "trong quý HI/2025", "2025-07-01"),
    ("- Tổ chức tập huấn cho cán bộ, công chức trong quý H/2025.", "trong quý H/2025", "2025-04-01"),
    ("- Tổ chức tập huấn cho cán bộ, công chức trong quý III/2025.", "trong quý III/2025", "2025-07-01"),
])
def test_a_quarter_numeral_as_ocr_prints_it_is_the_items_deadline(item: str, text: str, start: str) -> None:
    doc = parse_text(HEAD + "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n" + item + "\n")
    assert [(t.lead, t.deadline.text if t.deadline else None) for t in doc.tasks] == [(["Sở Y tế"], text)]
    assert [(d.kind, d.start) for d in doc.deadlines] == [("period", start)]


def test_strokes_that_make_no_quarter_are_no_deadline_and_said() -> None:
    doc = parse_text(HEAD + "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Tổ chức tập huấn cho cán bộ trong quý HH/2025.\n")
    assert doc.deadlines == [] and doc.tasks[0].deadline is None
    assert any(w.code == "deadline_date_invalid" and "quý HH/2025" in w.message for w in doc.warnings)


@pytest.mark.parametrize("item,support", [
    # qngai_ct16_2021 scanned: "để" read "đề"; main ran the support on into the action ("… có liên quan đề")
    ("a) Phối hợp với Ban Tiếp công dân tỉnh và các cơ quan, đơn vị, địa phương có liên quan đề chuẩn bị chu đáo nội dung phục vụ lãnh đạo tỉnh tiếp công dân.",
     ["Ban Tiếp công dân tỉnh", "các cơ quan, đơn vị, địa phương có liên quan"]),
    ("a) Phối hợp với Ban Chỉ đạo Đề án 06 tỉnh rà soát dữ liệu dân cư.", ["Ban Chỉ đạo Đề án 06 tỉnh"]),
])
def test_a_support_list_ends_before_an_ocr_read_de(item: str, support: list[str]) -> None:
    doc = parse_text(HEAD.replace("KẾ HOẠCH", "CHỈ THỊ") + "1. Thanh tra tỉnh:\n" + item + "\n")
    assert [(t.lead, t.support) for t in doc.tasks] == [(["Thanh tra tỉnh"], support)]
