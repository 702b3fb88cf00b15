"""Task tables with the columns plans also print (issue 13, session 17), GENERATED with bodies and contents from the
development set's plans and conclusions (qngai_tb660_2025, qngai_ct16_2021, qngai_ct2020_apr): ``Đơn vị thực hiện``
| ``Thời hạn``, the lead column first (``Cơ quan chủ trì | Nhiệm vụ | …``), a column headed by a body noun alone
(``TT | Đơn vị | Nhiệm vụ | Thời gian thực hiện``), ``Trách nhiệm thực hiện``.  Each is read as HTML, DOCX, Markdown
and, ruled, as a PDF printed by LibreOffice.  A report's table headed ``Đơn vị`` beside figures assigns nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from . import test_task_table_forms as forms
from .test_task_table_forms import Form, _r

FORMS17 = [
    Form("don_vi_thuc_hien", [["STT", "Nội dung công việc", "Đơn vị thực hiện", "Thời hạn"]], [
        _r(["1", "Rà soát, đơn giản hóa thủ tục hành chính nội bộ", "Văn phòng UBND tỉnh", "Trước ngày 30/6/2025"],
           ["Văn phòng UBND tỉnh"], [], "Trước ngày 30/6/2025"),
        _r(["2", "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị", "Sở Nội vụ", "Quý III/2025"],
           ["Sở Nội vụ"], [], "Quý III/2025"),
    ]),
    Form("lead_first", [["Cơ quan chủ trì", "Nhiệm vụ", "Cơ quan phối hợp", "Thời hạn hoàn thành"]], [
        _r(["Sở Tài chính", "Tham mưu UBND tỉnh bố trí kinh phí thực hiện Chương trình", "Sở Xây dựng", "Trước ngày 30/6/2025"],
           ["Sở Tài chính"], ["Sở Xây dựng"], "Trước ngày 30/6/2025"),
        _r(["Sở Tài nguyên và Môi trường", "Hướng dẫn UBND cấp huyện giải quyết vướng mắc về đất đai", "Các cơ quan, đơn vị liên quan", "Tháng 7/2025"],
           ["Sở Tài nguyên và Môi trường"], ["Các cơ quan, đơn vị liên quan"], "Tháng 7/2025"),
    ]),
    Form("don_vi_first", [["TT", "Đơn vị", "Nhiệm vụ", "Thời gian thực hiện"]], [
        _r(["1", "Sở Công Thương", "Theo dõi, đánh giá thường xuyên nguồn cung, nhu cầu hàng hóa", "Quý II/2025"],
           ["Sở Công Thương"], [], "Quý II/2025"),
        _r(["2", "Cục Thuế tỉnh", "Triển khai thực hiện nộp thuế điện tử đối với cá nhân kinh doanh", "Năm 2025"],
           ["Cục Thuế tỉnh"], [], "Năm 2025"),
    ]),
    Form("trach_nhiem", [["STT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian"]], [
        _r(["1", "Tổ chức tiếp công dân, giải quyết khiếu nại, tố cáo", "Thanh tra tỉnh", "Hằng tháng"],
           ["Thanh tra tỉnh"], [], "Hằng tháng"),
        _r(["2", "Bảo đảm trật tự an toàn giao thông dịp Tết", "Công an tỉnh", "Tháng 01/2025"],
           ["Công an tỉnh"], [], "Tháng 01/2025"),
    ]),
]

# a report's figures by body: "Đơn vị" is no lead column without a column of tasks and one of times
FIGURES = Form("figures", [["STT", "Đơn vị", "Nội dung", "Số lượng"]], [
    _r(["1", "Sở Công Thương", "Hồ sơ tiếp nhận", "120"], None),
    _r(["2", "Cục Thuế tỉnh", "Hồ sơ giải quyết đúng hạn", "98"], None),
])


@pytest.mark.parametrize("form", FORMS17 + [FIGURES], ids=[f.name for f in FORMS17 + [FIGURES]])
@pytest.mark.parametrize("render", ["html", "docx", "md"])
def test_generated_task_table17(form: Form, render: str, tmp_path: Path) -> None:
    assert forms._read(forms.written(form, render, tmp_path)) == forms._expected(form)


@pytest.fixture(scope="module")
def pdfs17(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf_tables17_forms")
    forms._ruled_pdfs(FORMS17 + [FIGURES], out)
    return out


@pytest.mark.parametrize("form", FORMS17 + [FIGURES], ids=[f.name for f in FORMS17 + [FIGURES]])
def test_task_table17_pdf(form: Form, pdfs17: Path) -> None:
    assert forms._read(pdfs17 / f"{form.name}.pdf") == forms._expected(form)
