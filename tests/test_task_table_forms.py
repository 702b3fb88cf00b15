"""Task tables in the forms plans print them (issue 13), GENERATED: the header forms the issue describes and the
forms plans use (``Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành``, ``Nhiệm vụ | Cơ quan chủ
trì | Cơ quan phối hợp | Thời hạn``, a ``Sản phẩm`` column, a two-row header ``Cơ quan thực hiện`` over ``Chủ
trì | Phối hợp``), group rows with roman numerals, merged cells, lists of bodies in one cell, with bodies and
contents from the development set's plans and directives (qngai_ct16_2021, qngai_ct2020_apr, qngai_tb660_2025).
Each form is rendered as an HTML table, a DOCX table (python-docx, merged cells merged) and a Markdown pipe
table, and read through the readers: one task per data row, lead and support from their columns, the deadline
from its column."""
from __future__ import annotations

import html
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from vnadmin_nlp import parse_file

HEAD = ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Số: 25/KH-UBND", "Quảng Ngãi, ngày 10 tháng 3 năm 2025", "KẾ HOẠCH",
        "Triển khai thực hiện công tác cải cách hành chính năm 2025", "I. MỤC ĐÍCH, YÊU CẦU",
        "Bảo đảm triển khai đồng bộ, hiệu quả.", "II. NHIỆM VỤ CỤ THỂ",
        "(Chi tiết tại Phụ lục kèm theo)"]
TAIL = ["III. TỔ CHỨC THỰC HIỆN", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp "
        "thời phản ánh về Sở Nội vụ để tổng hợp, báo cáo.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]


@dataclass
class Row:
    cells: list[str]  # one per column; "" for an empty cell
    merged_up: set[int] = field(default_factory=set)  # columns merged with the cell above (rowspan)
    group: bool = False  # a group row: its second cell spans to the end
    lead: list[str] | None = None  # expected
    support: list[str] = field(default_factory=list)
    deadline: str | None = None


@dataclass
class Form:
    name: str
    header: list[list[str]]  # one or two header rows; "" under a spanning cell / "^" merged with the cell above
    rows: list[Row]


def _r(cells: list[str], lead: list[str] | None, support: list[str] | None = None, deadline: str | None = None,
       merged_up: set[int] | None = None) -> Row:
    return Row(cells, merged_up or set(), False, lead, support or [], deadline)


def _g(label: str, title: str, n: int) -> Row:
    return Row([label, title] + [""] * (n - 2), group=True)


FORMS = [
    Form("noi_dung_don_vi", [["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]], [
        _g("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 5),
        _r(["1", "Xây dựng Kế hoạch cải cách hành chính năm 2026", "Sở Nội vụ", "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố", "Tháng 12/2025"],
           ["Sở Nội vụ"], ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"], "Tháng 12/2025"),
        _r(["2", "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Quý III/2025"],
           ["Sở Nội vụ"], ["Văn phòng UBND tỉnh"], "Quý III/2025"),
        _g("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 5),
        _r(["1", "Rà soát, đơn giản hóa thủ tục hành chính nội bộ", "Văn phòng UBND tỉnh", "Các sở, ban, ngành liên quan", "Trước ngày 30/6/2025"],
           ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành liên quan"], "Trước ngày 30/6/2025"),
        _r(["2", "Tăng cường công tác kiểm tra, kiểm soát thị trường", "Sở Công Thương", "Cục Quản lý thị trường tỉnh", "Thường xuyên"],
           ["Sở Công Thương"], ["Cục Quản lý thị trường tỉnh"], None),
    ]),
    Form("nhiem_vu_co_quan", [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]], [
        _r(["1", "Triển khai thực hiện nộp thuế điện tử đối với cá nhân kinh doanh", "Cục Thuế tỉnh", "Các Ngân hàng thương mại trên địa bàn tỉnh, VNPT Quảng Ngãi", "Năm 2025"],
           ["Cục Thuế tỉnh"], ["Các Ngân hàng thương mại trên địa bàn tỉnh", "VNPT Quảng Ngãi"], "Năm 2025"),
        # the lead cell merged with the one above (rowspan): the same body
        _r(["2", "Tuyên truyền chính sách về hóa đơn điện tử", "", "Sở Thông tin và Truyền thông", "Quý II/2025"],
           ["Cục Thuế tỉnh"], ["Sở Thông tin và Truyền thông"], "Quý II/2025", merged_up={2}),
        _r(["3", "Huy động nguồn lực hỗ trợ xóa nhà tạm, nhà dột nát", "Ủy ban MTTQ Việt Nam tỉnh", "", "Trong năm 2025"],
           ["Ủy ban MTTQ Việt Nam tỉnh"], [], "Trong năm 2025"),
    ]),
    Form("san_pham", [["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian hoàn thành"]], [
        _r(["1", "Đẩy mạnh thông tin, tuyên truyền về Chương trình", "Sở Thông tin và Truyền thông", "Đài Phát thanh - Truyền hình tỉnh; Báo Quảng Ngãi", "Tin, bài tuyên truyền", "Tháng 6/2025"],
           ["Sở Thông tin và Truyền thông"], ["Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Ngãi"], "Tháng 6/2025"),
        _r(["2", "Hướng dẫn giải quyết vướng mắc về đất đai", "Sở Tài nguyên và Môi trường", "UBND các huyện, thị xã, thành phố", "Văn bản hướng dẫn", "Trước ngày 31/7/2025"],
           ["Sở Tài nguyên và Môi trường"], ["UBND các huyện, thị xã, thành phố"], "Trước ngày 31/7/2025"),
    ]),
    Form("caps_lists_in_cells", [["TT", "NỘI DUNG CÔNG VIỆC", "CƠ QUAN, ĐƠN VỊ CHỦ TRÌ", "CƠ QUAN, ĐƠN VỊ PHỐI HỢP", "TIẾN ĐỘ THỰC HIỆN", "GHI CHÚ"]], [
        _g("A", "NHIỆM VỤ CHUNG", 6),
        _r(["1", "Rà soát Danh mục thủ tục hành chính thay thế", "Sở Nông nghiệp và Phát triển nông thôn, Sở Giao thông vận tải", "- Sở Tư pháp\n- Văn phòng UBND tỉnh", "Quý IV năm 2025", ""],
           ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải"], ["Sở Tư pháp", "Văn phòng UBND tỉnh"], "Quý IV năm 2025"),
        _r(["2", "Báo cáo kết quả thực hiện", "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố", "Sở Nội vụ", "Trước ngày 15/11/2025", "Gửi Sở Nội vụ"],
           ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"], ["Sở Nội vụ"], "Trước ngày 15/11/2025"),
        _r(["3", "Theo dõi sát tình hình thực hiện Chương trình", "Ban Chỉ đạo xoá nhà tạm, nhà dột nát huyện Bình Sơn", "Các cơ quan, đơn vị liên quan", "Tháng 9 năm 2025", ""],
           ["Ban Chỉ đạo xoá nhà tạm, nhà dột nát huyện Bình Sơn"], ["Các cơ quan, đơn vị liên quan"], "Tháng 9 năm 2025"),
    ]),
    Form("tham_muu_lo_trinh", [["STT", "Nhiệm vụ, giải pháp", "Cơ quan tham mưu", "Cơ quan phối hợp", "Lộ trình thực hiện"]], [
        _g("I", "NHIỆM VỤ TRỌNG TÂM", 5),
        _r(["1", "Tham mưu UBND tỉnh ban hành Quyết định kiện toàn Ban Chỉ đạo", "Sở Nội vụ", "Sở Tư pháp", "Quý I/2026"],
           ["Sở Nội vụ"], ["Sở Tư pháp"], "Quý I/2026"),
        _r(["2", "Theo dõi, đôn đốc việc thực hiện", "Văn phòng UBND tỉnh", "", "Hằng năm"],
           ["Văn phòng UBND tỉnh"], [], "Hằng năm"),
    ]),
    Form("two_row_header", [["STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian thực hiện"],
                            ["^", "^", "Chủ trì", "Phối hợp", "^"]], [
        _r(["1", "Tổ chức tiếp công dân, giải quyết khiếu nại, tố cáo", "Thanh tra tỉnh", "Ban Tiếp công dân tỉnh và các cơ quan, đơn vị liên quan", "Hằng tháng"],
           ["Thanh tra tỉnh"], ["Ban Tiếp công dân tỉnh", "các cơ quan, đơn vị liên quan"], "Hằng tháng"),
        _r(["2", "Bảo đảm trật tự an toàn giao thông dịp Tết", "Công an tỉnh", "Sở Giao thông vận tải", "Tháng 01/2025"],
           ["Công an tỉnh"], ["Sở Giao thông vận tải"], "Tháng 01/2025"),
    ]),
]


def _br(cell: str) -> str:
    """A cell's lines as HTML and Markdown write them (``<br>``)."""
    return "<br>".join(html.escape(x) for x in cell.split("\n"))


def _html(form: Form) -> str:
    n = len(form.header[0])
    out = ["<table>"]
    for hr in form.header:
        cells = []
        for i, c in enumerate(hr):
            if c == "^":
                continue
            if c == "" and i > 0 and hr[i - 1] not in ("", "^"):
                continue  # under the spanning cell before it
            span = 2 if i + 1 < n and hr[i + 1] == "" else 1
            rows = 2 if len(form.header) > 1 and form.header[1][i] == "^" else 1
            cells.append(f'<td colspan="{span}" rowspan="{rows}">{html.escape(c)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    for k, row in enumerate(form.rows):
        if row.group:
            out.append(f'<tr><td>{row.cells[0]}</td><td colspan="{n - 1}">{html.escape(row.cells[1])}</td></tr>')
            continue
        cells = []
        for i, c in enumerate(row.cells):
            if i in row.merged_up:
                continue
            below = k + 1 < len(form.rows) and i in form.rows[k + 1].merged_up
            cells.append(f'<td rowspan="{2 if below else 1}">{_br(c)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    body = "".join(f"<p>{html.escape(x)}</p>" for x in HEAD) + "".join(out) + "".join(f"<p>{html.escape(x)}</p>" for x in TAIL)
    return f"<html><body>{body}</body></html>"


def _docx(form: Form, path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for x in HEAD:
        d.add_paragraph(x)
    n = len(form.header[0])
    grid = d.add_table(rows=len(form.header) + len(form.rows), cols=n)
    for r, hr in enumerate(form.header):
        for i, c in enumerate(hr):
            if c not in ("", "^"):
                grid.cell(r, i).text = c
        for i, c in enumerate(hr):
            if c == "^":
                grid.cell(r - 1, i).merge(grid.cell(r, i))
            elif c == "" and i > 0:
                grid.cell(r, i - 1).merge(grid.cell(r, i))
    base = len(form.header)
    for k, row in enumerate(form.rows):
        r = base + k
        if row.group:
            grid.cell(r, 0).text = row.cells[0]
            grid.cell(r, 1).merge(grid.cell(r, n - 1)).text = row.cells[1]
            continue
        for i, c in enumerate(row.cells):
            if i in row.merged_up:
                top = grid.cell(r - 1, i)
                top.merge(grid.cell(r, i))
            else:
                grid.cell(r, i).text = c
    for x in TAIL:
        d.add_paragraph(x)
    d.save(str(path))


def _markdown(form: Form) -> str:
    n = len(form.header[0])
    header = [" ".join(h[i] for h in form.header if h[i] not in ("", "^")) or form.header[-1][i] for i in range(n)]
    if len(form.header) > 1:  # a pipe table has one header row: the lower row's words
        header = [form.header[1][i] if form.header[1][i] not in ("", "^") else form.header[0][i] for i in range(n)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * n]
    above: list[str] = []
    for row in form.rows:
        cells = list(row.cells) if not row.group else [row.cells[0], row.cells[1]] + [""] * (n - 2)
        cells = [above[i] if i in row.merged_up else c for i, c in enumerate(cells)]  # a pipe table repeats the body
        above = cells
        lines.append("| " + " | ".join(_br(c) for c in cells) + " |")
    return "\n\n".join(HEAD) + "\n\n" + "\n".join(lines) + "\n\n" + "\n\n".join(TAIL) + "\n"


def _expected(form: Form) -> list[tuple[list[str], list[str], str | None]]:
    return [(r.lead, r.support, r.deadline) for r in form.rows if not r.group and r.lead]


def _ruled_pdfs(forms: list[Form], out: Path) -> list[Path]:
    """The forms as ruled DOCX tables ("Table Grid", as plans print their task tables) converted to PDF by LibreOffice
    into ``out`` (skips without LibreOffice): the PDF reader's ruled-table path on known tables."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice not installed")
    docx = pytest.importorskip("docx")
    paths = []
    for form in forms:
        path = out / f"{form.name}.docx"
        _docx(form, path)
        d = docx.Document(str(path))
        d.tables[0].style = d.styles["Table Grid"]
        d.save(str(path))
        paths.append(path)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)
    return [path.with_suffix(".pdf") for path in paths]


def ruled_folder(factory: pytest.TempPathFactory, name: str, forms: list[Form]) -> Path:
    """A temporary folder with the forms as ruled PDFs (:func:`_ruled_pdfs`), for a module's fixture."""
    out = factory.mktemp(name)
    _ruled_pdfs(forms, out)
    return out


def _read(path: Path) -> list[tuple[list[str], list[str], str | None]]:
    doc = parse_file(path)
    return [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in doc.tasks if t.source == "table"]


def written(form: Form, render: str, folder: Path) -> Path:
    """The form written as a plan in ``render`` (html, docx or md) in ``folder``."""
    path = folder / f"kh.{render}"
    if render == "html":
        path.write_text(_html(form), encoding="utf-8")
    elif render == "docx":
        _docx(form, path)
    else:
        path.write_text(_markdown(form), encoding="utf-8")
    return path


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
@pytest.mark.parametrize("render", ["html", "docx", "md"])
def test_generated_task_table(form: Form, render: str, tmp_path: Path) -> None:
    assert _read(written(form, render, tmp_path)) == _expected(form)
