"""Assignments with no cue word in a resolution's implementation articles (issue 13, session 18; tasking/names.py,
tasking/execution.py, data/tasks.yaml ``unique_bodies``, ``execution_phrases``), on resolutions GENERATED from the
lines of the development set: vbpl_541 (``Chính phủ hướng dẫn …``; ``Bộ Giáo dục và Đào tạo là cơ quan đầu mối, chịu
trách nhiệm trước Chính phủ; chủ trì, phối hợp với … hướng dẫn …``; ten bodies ``… giám sát việc thực hiện``),
vbpl_170 (``Kiểm toán nhà nước có trách nhiệm …``), vbpl_417 (``… là cơ quan đầu mối giúp Chính phủ …``, ``… và chính
quyền địa phương đề cao trách nhiệm``), vbpl_023 and vbpl_732 (execution clauses).  Each is checked both ways: the
same line in a regulation's own article (a rule for every case) gives no task."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

from .resolution_text import RESOLUTION_HEAD as HEAD, RESOLUTION_TAIL as TAIL


LINES = {
    "Chính phủ hướng dẫn thực hiện Nghị quyết này.": [["Chính phủ"]],
    "Kiểm toán nhà nước có trách nhiệm thực hiện kiểm toán việc xác định giá đất đối với các dự án.": [["Kiểm toán nhà nước"]],
    "Bộ Giáo dục và Đào tạo là cơ quan đầu mối, chịu trách nhiệm trước Chính phủ; chủ trì, phối hợp với các Bộ, cơ quan ngang Bộ hướng dẫn, theo dõi việc thực hiện Nghị quyết này.": [["Bộ Giáo dục và Đào tạo"]],
    "Bộ Nông nghiệp và Môi trường là cơ quan đầu mối giúp Chính phủ tiếp nhận, tổng hợp, xử lý các vấn đề liên quan.": [["Bộ Nông nghiệp và Môi trường"]],
    "Các Bộ, cơ quan ngang Bộ, cơ quan trung ương khác và chính quyền địa phương đề cao trách nhiệm trong lãnh đạo, chỉ đạo tổ chức triển khai thực hiện.":
        [["Các Bộ, cơ quan ngang Bộ, cơ quan trung ương khác", "chính quyền địa phương"]],
    "Quốc hội, Ủy ban Thường vụ Quốc hội, Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội, đại biểu Quốc hội, Hội đồng nhân dân, Ban của Hội đồng nhân dân, đại biểu Hội đồng nhân dân, Mặt trận Tổ quốc Việt Nam, trong phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc thực hiện Nghị quyết này.":
        [["Quốc hội", "Ủy ban Thường vụ Quốc hội", "Hội đồng Dân tộc", "các Ủy ban của Quốc hội", "Đoàn đại biểu Quốc hội", "đại biểu Quốc hội", "Hội đồng nhân dân", "Ban của Hội đồng nhân dân", "đại biểu Hội đồng nhân dân", "Mặt trận Tổ quốc Việt Nam"]],
    "Hội đồng Dân tộc, các Ủy ban của Quốc hội, các cơ quan, tổ chức và cá nhân có liên quan theo trách nhiệm thi hành Nghị quyết này.":
        [["Hội đồng Dân tộc", "các Ủy ban của Quốc hội", "các cơ quan, tổ chức và cá nhân có liên quan"]],
    "Ủy ban Thường vụ Quốc hội, Hội đồng Dân tộc, Ủy ban của Quốc hội, Tổng Thư ký Quốc hội - Chủ nhiệm Văn phòng Quốc hội, Văn phòng Quốc hội, Đoàn đại biểu Quốc hội, đại biểu Quốc hội, Hội đồng nhân dân, Thường trực Hội đồng nhân dân, Ban của Hội đồng nhân dân, đại biểu Hội đồng nhân dân, cơ quan, tổ chức, cá nhân có liên quan có trách nhiệm thi hành Nghị quyết này.":
        [["Ủy ban Thường vụ Quốc hội", "Hội đồng Dân tộc", "Ủy ban của Quốc hội", "Tổng Thư ký Quốc hội - Chủ nhiệm Văn phòng Quốc hội", "Văn phòng Quốc hội", "Đoàn đại biểu Quốc hội", "đại biểu Quốc hội", "Hội đồng nhân dân", "Thường trực Hội đồng nhân dân", "Ban của Hội đồng nhân dân", "đại biểu Hội đồng nhân dân"]],
}


def _leads(article: str, line: str) -> list[list[str]]:
    doc = parse_text(f"{HEAD}Điều 2. {article}\n1. Nghị quyết này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.\n2. {line}\n{TAIL}").model_dump()
    return [t["lead"] for t in doc["tasks"]]


@pytest.mark.parametrize("line", list(LINES))
def test_implementation_article_assigns_with_no_cue(line: str) -> None:
    got = _leads("Tổ chức thực hiện", line)
    want = LINES[line]
    if "cơ quan, tổ chức, cá nhân có liên quan có trách nhiệm" in line:
        assert len(got) == 1 and got[0][: len(want[0])] == want[0]  # (the parties concerned: how names.items splits them)
    else:
        assert got == want


@pytest.mark.parametrize("line", list(LINES))
def test_regulation_article_rule_is_no_task(line: str) -> None:
    assert _leads("Phát triển chương trình giáo dục", line) == []


def test_accountability_alone_is_no_task() -> None:
    assert _leads("Tổ chức thực hiện", "Bộ Giáo dục và Đào tạo chịu trách nhiệm trước Chính phủ về kết quả thực hiện Nghị quyết này.") == []


def test_execution_clause_of_a_decision() -> None:
    """vbai_08: ``Điều 3. Chánh Văn phòng …, các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này``
    (46 words: more than a name may run to elsewhere)."""
    doc = parse_text("""ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN
Số: 12/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Thuận, ngày 05 tháng 3 năm 2025
QUYẾT ĐỊNH
Phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
QUYẾT ĐỊNH:
Điều 1. Phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh Bình Thuận nhiệm kỳ 2025 - 2030.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp, Giám đốc Sở Nội vụ, Ban Chủ nhiệm Đoàn Luật sư tỉnh Bình Thuận, Thủ trưởng các cơ quan, đơn vị có liên quan và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Đỗ Hữu Huy
""").model_dump()
    assert [t["lead"] for t in doc["tasks"]] == [["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Tư pháp", "Giám đốc Sở Nội vụ", "Ban Chủ nhiệm Đoàn Luật sư tỉnh Bình Thuận", "Thủ trưởng các cơ quan, đơn vị có liên quan", "các ông, bà có tên tại Điều 1"]]
