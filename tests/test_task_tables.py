"""Task tables (issue 13): the readers' table cells reach the extractors in the normalised text's offsets
(``ctx.cells``), and a plan's table that assigns tasks is read one task per row and lead column.  The header and
the cells are quoted from the development set (vbpl.vn doc_000113, a resolution of the Ủy ban Thường vụ Quốc
hội: ``Tên dự án | Cơ quan trình | Cơ quan chủ trì thẩm tra | Cơ quan tham gia thẩm tra | Tiến độ trình UBTVQH``)
and from the issue's plan header (``Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn
thành``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from vnadmin_nlp import parse_file
from vnadmin_nlp.extractors.base import Context
from vnadmin_nlp.extractors.tasking import table

ROOT = Path(__file__).resolve().parent.parent
HEADER = """<p>ỦY BAN THƯỜNG VỤ QUỐC HỘI</p><p>Nghị quyết số: 94/2025/UBTVQH15</p>
<p>Hà Nội, ngày 14 tháng 8 năm 2025</p><p>NGHỊ QUYẾT</p>
<p>Điều 2. Tổ chức thực hiện</p>
<p>Phân công cơ quan trình, cơ quan chủ trì thẩm tra, tham gia thẩm tra và tiến độ trình Ủy ban Thường vụ Quốc hội
cho ý kiến đối với 02 dự án Luật được bổ sung vào Chương trình lập pháp năm 2025 như sau:</p>"""
PROGRAMME = """<table>
<tr><td>STT</td><td>Tên dự án</td><td>Cơ quan trình</td><td>Cơ quan chủ trì thẩm tra</td>
<td>Cơ quan tham gia thẩm tra</td><td>Tiến độ trình UBTVQH</td></tr>
<tr><td>1</td><td>Luật sửa đổi, bổ sung một số điều của Luật Điều ước quốc tế</td><td>Chính phủ</td>
<td>Ủy ban  Quốc phòng, An ninh và Đối ngoại</td><td>Hội đồng Dân tộc, các Ủy ban khác của Quốc hội</td>
<td>Phiên họp tháng 9/2025</td></tr>
</table>"""


def _html(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "doc.html"
    path.write_text(f"<html><body>{HEADER}{body}<p>Điều 3. Hiệu lực thi hành</p></body></html>", encoding="utf-8")
    return path


def test_cells_reach_the_extractors_in_normalised_offsets(tmp_path):
    seen: list[tuple[str, int, int]] = []

    def spy(ctx: Context) -> dict:
        seen.extend((ctx.text[c.span[0]:c.span[1]], c.row, c.col) for c in ctx.cells if c.table == 0)
        return {}

    from vnadmin_nlp.extractors import DEFAULT_EXTRACTORS

    parse_file(_html(tmp_path, PROGRAMME), extractors=[*DEFAULT_EXTRACTORS, spy], limits=None)  # in this process
    assert ("Cơ quan chủ trì thẩm tra", 0, 3) in seen
    assert ("Phiên họp tháng 9/2025", 1, 5) in seen
    assert any(t.startswith("Ủy ban") and t.endswith("Đối ngoại") and r == 1 and c == 3 for t, r, c in seen)


def test_legislative_programme_one_task_per_lead_column(tmp_path):
    doc = parse_file(_html(tmp_path, PROGRAMME))
    tasks = [(t.lead, t.support, t.deadline.text if t.deadline else None, t.source) for t in doc.tasks]
    # "Tiến độ trình" goes with "Cơ quan trình"; "Cơ quan tham gia thẩm tra" with "Cơ quan chủ trì thẩm tra"
    assert tasks == [
        (["Chính phủ"], [], "Phiên họp tháng 9/2025", "table"),
        (["Ủy ban Quốc phòng, An ninh và Đối ngoại"], ["Hội đồng Dân tộc", "các Ủy ban khác của Quốc hội"], None, "table"),
    ]
    assert doc.tasks[0].action.startswith("trình Luật sửa đổi")
    [due] = doc.deadlines
    assert (due.kind, due.start, due.end) == ("period", "2025-09-01", "2025-09-30")
    assert doc.text[due.span[0]:due.span[1]] == "Phiên họp tháng 9/2025"
    assert doc.tasks[0].deadline_index == 0


PLAN = """<table>
<tr><td>TT</td><td>Nội dung nhiệm vụ</td><td>Cơ quan chủ trì</td><td>Cơ quan phối hợp</td><td>Thời gian hoàn thành</td></tr>
<tr><td>1</td><td>Luật sửa đổi, bổ sung một số điều của Luật Điều ước quốc tế</td><td rowspan="2">Chính phủ</td>
<td>Hội đồng Dân tộc, các Ủy ban khác của Quốc hội</td><td>Phiên họp tháng 9/2025</td></tr>
<tr><td>2</td><td>Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự</td>
<td></td><td>Kỳ họp thứ 10 (tháng 10/2025)</td></tr>
<tr><td colspan="5">II. NHIỆM VỤ KHÁC</td></tr>
<tr><td>3</td><td>Luật sửa đổi, bổ sung một số điều của Luật Điều ước quốc tế</td><td>theo chức năng</td>
<td></td><td>Phiên họp tháng 9/2025</td></tr>
</table>"""


def test_plan_table_merged_lead_and_unclear_cell(tmp_path):
    doc = parse_file(_html(tmp_path, PLAN))
    tasks = [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in doc.tasks]
    assert tasks == [
        (["Chính phủ"], ["Hội đồng Dân tộc", "các Ủy ban khác của Quốc hội"], "Phiên họp tháng 9/2025"),
        (["Chính phủ"], [], "Kỳ họp thứ 10 (tháng 10/2025)"),  # the lead cell merged with the one above (rowspan)
    ]
    # a lead cell that names no body gives no task (a wrong assignee is worse than none), and says so
    unclear = [w for w in doc.warnings if w.code == "task_assignee_unclear"]
    assert len(unclear) == 1 and "theo chức năng" in unclear[0].message
    assert len(doc.deadlines) == 3  # every time cell is a deadline of the document, task or not


def test_markdown_pipe_table(tmp_path):
    path = tmp_path / "kh.md"
    path.write_text(
        "Hà Nội, ngày 14 tháng 8 năm 2025\n\n"
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Luật sửa đổi, bổ sung một số điều của Luật Điều ước quốc tế | Ủy ban Quốc phòng, An ninh và Đối ngoại "
        "| Hội đồng Dân tộc, các Ủy ban khác của Quốc hội | Phiên họp tháng 9/2025 |\n",
        encoding="utf-8",
    )
    [task] = parse_file(path).tasks
    assert (task.lead, task.support, task.deadline.text, task.source) == (
        ["Ủy ban Quốc phòng, An ninh và Đối ngoại"], ["Hội đồng Dân tộc", "các Ủy ban khác của Quốc hội"], "Phiên họp tháng 9/2025", "table")


def test_docx_table(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Hà Nội, ngày 14 tháng 8 năm 2025")
    grid = d.add_table(rows=2, cols=4)
    for i, cell in enumerate(["Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]):
        grid.rows[0].cells[i].text = cell
    for i, cell in enumerate(["Luật sửa đổi, bổ sung một số điều của Luật Điều ước quốc tế", "Chính phủ",
                              "Hội đồng Dân tộc, các Ủy ban khác của Quốc hội", "Phiên họp tháng 9/2025"]):
        grid.rows[1].cells[i].text = cell
    path = tmp_path / "kh.docx"
    d.save(str(path))
    [task] = parse_file(path).tasks
    assert (task.lead, task.support, task.deadline.text) == (["Chính phủ"], ["Hội đồng Dân tộc", "các Ủy ban khác của Quốc hội"], "Phiên họp tháng 9/2025")


@pytest.mark.parametrize("header,expected", [
    ("Cơ quan chủ trì thẩm tra", "lead"), ("Cơ quan trình", "lead"), ("Cơ quan tham gia thẩm tra", "support"),
    ("Tiến độ trình UBTVQH", "deadline"), ("Tên dự án", "content"), ("STT", None),
    ("Họ và tên", None), ("Số khung", None),  # a form's table (nd99_2022) assigns nothing
])
def test_column_roles(header, expected):
    assert table.role(header) == expected


def test_tables_without_a_lead_column_give_no_task(tmp_path):
    body = """<table><tr><td>STT</td><td>Họ và tên</td><td>Chức danh</td><td>Thời gian</td></tr>
<tr><td>1</td><td>Trần Thanh Mẫn</td><td>Chủ tịch</td><td>tháng 9/2025</td></tr></table>"""
    assert [t for t in parse_file(_html(tmp_path, body)).tasks if t.source == "table"] == []


def test_devset_resolution_with_a_task_table():
    page = ROOT / "build" / "devset" / "vbpl" / "doc_000113.html"
    if not page.exists():
        pytest.skip("the development set is not unpacked under build/")
    doc = parse_file(page)
    rows = [(t.lead, t.deadline.text if t.deadline else None) for t in doc.tasks if t.source == "table"]
    assert rows == [
        (["Chính phủ"], "Phiên họp tháng 9/2025"), (["Ủy ban Quốc phòng, An ninh và Đối ngoại"], None),
        (["Chính phủ"], "Phiên họp tháng 9/2025"), (["Ủy ban Quốc phòng, An ninh và Đối ngoại"], None),
    ]
    assert {t.provision for t in doc.tasks if t.source == "table"} == {"2"}
