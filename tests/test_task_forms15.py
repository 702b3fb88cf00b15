"""More task tables in the forms plans print them (issue 13, session 15), GENERATED with bodies and contents from the
development set's plans, directives and conclusions (qngai_ct16_2021, qngai_tb660_2025, qngai_ct2020_apr, ld_030):
a ``Kết quả`` column, ``Thời gian`` cells ``Quý II/2025`` / ``Thường xuyên`` / ``Tháng 6/2025``, lead cells marked
``(chủ trì)``, support cells listing collectives over a semicolon, the lead and the support in ONE ``Cơ quan thực
hiện`` cell (``Sở A chủ trì, phối hợp Sở B``), group rows, and a table long enough to continue over a page.  Each is
read as HTML, DOCX and Markdown (tests/test_task_table_forms.py renders them) and, ruled, through LibreOffice as a
PDF (tests/test_pdf_tables.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from . import test_task_table_forms as forms
from .test_task_table_forms import Form, _g, _r

_BODIES = [  # (lead, support) as the dev set's directives name them
    ("Sở Công Thương", "Cục Quản lý thị trường tỉnh"),
    ("Sở Tài chính", "Cục Thuế tỉnh"),
    ("Sở Y tế", "UBND các huyện, thị xã, thành phố"),
    ("Sở Giao thông vận tải", "Công an tỉnh"),
    ("Thanh tra tỉnh", "Ban Tiếp công dân tỉnh"),
    ("Sở Thông tin và Truyền thông", "Đài Phát thanh - Truyền hình tỉnh"),
]
_CONTENTS = [
    "Tiếp tục rà soát và triển khai thực hiện hiệu quả các giải pháp bảo đảm cân đối cung cầu hàng hóa",
    "Tăng cường kiểm soát chặt chẽ thu, chi ngân sách nhà nước",
    "Tổ chức tốt công tác khám chữa bệnh, trực cấp cứu",
    "Tăng cường công tác điều tiết, tổ chức quản lý chặt chẽ hoạt động vận tải",
    "Phối hợp chuẩn bị chu đáo nội dung phục vụ lãnh đạo tỉnh tổ chức tiếp công dân",
    "Đẩy mạnh thông tin, tuyên truyền đầy đủ, chính xác các chủ trương của tỉnh",
]
_TIMES = ["Quý II/2025", "Tháng 6/2025", "Quý III/2025", "Tháng 9/2025", "Quý IV/2025", "Tháng 12/2025"]


def _long_rows(n: int) -> list[forms.Row]:
    rows = []
    for i in range(n):
        lead, support = _BODIES[i % len(_BODIES)]
        time = _TIMES[i % len(_TIMES)]
        rows.append(_r([str(i + 1), f"{_CONTENTS[i % len(_CONTENTS)]} (đợt {i + 1})", lead, support, time],
                       [lead], [support], time))
    return rows


FORMS15 = [
    Form("ket_qua_thoi_gian", [["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả", "Thời gian"]], [
        _g("I", "BẢO ĐẢM CUNG ỨNG HÀNG HÓA DỊP TẾT", 6),
        _r(["1", "Theo dõi, đánh giá thường xuyên nguồn cung, nhu cầu hàng hóa trên địa bàn tỉnh", "Sở Công Thương", "Cục Quản lý thị trường tỉnh", "Báo cáo UBND tỉnh", "Quý II/2025"],
           ["Sở Công Thương"], ["Cục Quản lý thị trường tỉnh"], "Quý II/2025"),
        _r(["2", "Kiểm tra, kiểm soát thị trường, chống buôn lậu, gian lận thương mại", "Ban Chỉ đạo 389 của tỉnh", "Công an tỉnh; Cục Hải quan tỉnh", "Kế hoạch kiểm tra", "Thường xuyên"],
           ["Ban Chỉ đạo 389 của tỉnh"], ["Công an tỉnh", "Cục Hải quan tỉnh"], None),
        _g("II", "AN SINH XÃ HỘI", 6),
        _r(["1", "Rà soát và thực hiện đầy đủ, kịp thời các chế độ, chính sách cho các đối tượng", "Sở Lao động - Thương binh và Xã hội", "UBND các huyện, thị xã, thành phố", "Danh sách đối tượng", "Tháng 6/2025"],
           ["Sở Lao động - Thương binh và Xã hội"], ["UBND các huyện, thị xã, thành phố"], "Tháng 6/2025"),
    ]),
    Form("chu_tri_marked", [["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]], [
        _r(["1", "Tổ chức tiếp công dân, giải quyết kịp thời các vụ việc khiếu nại, tố cáo", "Thanh tra tỉnh (chủ trì)", "Ban Tiếp công dân tỉnh; các cơ quan, đơn vị liên quan", "Thường xuyên"],
           ["Thanh tra tỉnh"], ["Ban Tiếp công dân tỉnh", "các cơ quan, đơn vị liên quan"], None),
        _r(["2", "Hướng dẫn UBND cấp huyện giải quyết vướng mắc về đất đai của các hộ gia đình", "Sở Tài nguyên và Môi trường (chủ trì)", "Các sở, ngành liên quan; UBND các huyện, thị xã, thành phố", "Quý III/2025"],
           ["Sở Tài nguyên và Môi trường"], ["Các sở, ngành liên quan", "UBND các huyện, thị xã, thành phố"], "Quý III/2025"),
    ]),
    Form("one_cell_lead_support", [["STT", "Nội dung", "Cơ quan thực hiện", "Thời gian hoàn thành"]], [
        _r(["1", "Tham mưu UBND tỉnh ban hành Kế hoạch triển khai", "Sở Nội vụ chủ trì, phối hợp Sở Tài chính", "Tháng 6/2025"],
           ["Sở Nội vụ"], ["Sở Tài chính"], "Tháng 6/2025"),
        _r(["2", "Đẩy mạnh thông tin, tuyên truyền về Chương trình", "Sở Thông tin và Truyền thông chủ trì, phối hợp với Đài Phát thanh - Truyền hình tỉnh, Báo Quảng Ngãi", "Quý II/2025"],
           ["Sở Thông tin và Truyền thông"], ["Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Ngãi"], "Quý II/2025"),
        _r(["3", "Theo dõi sát tình hình thực hiện Chương trình xóa nhà tạm, nhà dột nát", "Ban Chỉ đạo xoá nhà tạm, nhà dột nát huyện Bình Sơn", "Tháng 9/2025"],
           ["Ban Chỉ đạo xoá nhà tạm, nhà dột nát huyện Bình Sơn"], [], "Tháng 9/2025"),
    ]),
    Form("long_over_a_page", [["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]],
         _long_rows(24)),
]


@pytest.mark.parametrize("form", FORMS15, ids=[f.name for f in FORMS15])
@pytest.mark.parametrize("render", ["html", "docx", "md"])
def test_generated_task_table15(form: Form, render: str, tmp_path: Path) -> None:
    assert forms._read(forms.written(form, render, tmp_path)) == forms._expected(form)


@pytest.fixture(scope="module")
def pdfs15(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return forms.ruled_folder(tmp_path_factory, "pdf_tables15", FORMS15)


@pytest.mark.parametrize("form", FORMS15, ids=[f.name for f in FORMS15])
def test_task_table15_pdf(form: Form, pdfs15: Path) -> None:
    assert forms._read(pdfs15 / f"{form.name}.pdf") == forms._expected(form)


# Conclusions (thông báo kết luận), GENERATED from real dev lines (qngai_tb660_2025, qngai_cv99_2025, ld_030, nd29_1998):
# a heading that names the body then its points, an approval that goes on to an assignment, a time put first.
from .test_tasks_conclusions import _tasks  # noqa: E402

CONCLUSION15 = """1. Ban Chỉ đạo xoá nhà tạm, nhà dột nát huyện Bình Sơn
a) Khẩn trương hoàn thành phê duyệt đối tượng hỗ trợ nhà ở thuộc 02 Chương trình.
b) Phối hợp chặt chẽ với Ủy ban MTTQ Việt Nam tỉnh, các cơ quan, đơn vị liên quan để tăng cường công tác huy động.
c) Theo dõi sát tình hình thực hiện Chương trình; định kỳ hằng tháng báo cáo UBND tỉnh kết quả thực hiện.
2. Đồng ý chủ trương hỗ trợ kinh phí xóa nhà tạm, nhà dột nát; giao Sở Tài chính tham mưu UBND tỉnh bố trí kinh phí \
trước ngày 30/6/2025.
3. Sở Tài nguyên và Môi trường chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dân UBND cấp huyện giải quyết \
vướng mắc về đất đai.
4. Hằng quý, Sở Xây dựng báo cáo UBND tỉnh tiến độ thực hiện; trước ngày 15/12/2025, Sở Xây dựng tổng hợp, báo cáo \
kết quả cả năm.
5. Giao Sở Nông nghiệp và Phát triển nông thôn rà soát Danh mục thủ tục hành chính. Thời hạn hoàn thành: trước ngày \
31/7/2025.
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết./.
"""


def test_conclusion_forms15() -> None:
    ban = ["Ban Chỉ đạo xoá nhà tạm, nhà dột nát huyện Bình Sơn"]
    assert _tasks(CONCLUSION15) == [
        (ban, [], None),
        (ban, ["Ủy ban MTTQ Việt Nam tỉnh", "các cơ quan, đơn vị liên quan"], None),
        (ban, [], "định kỳ hằng tháng"),
        (["Sở Tài chính"], [], "trước ngày 30/6/2025"),
        (["Sở Tài nguyên và Môi trường"], ["các cơ quan, đơn vị liên quan"], None),  # ("hướng dân": OCR, tb660)
        (["Sở Xây dựng"], [], "Hằng quý"),
        (["Sở Xây dựng"], [], "trước ngày 15/12/2025"),
        (["Sở Nông nghiệp và Phát triển nông thôn"], [], "trước ngày 31/7/2025"),
    ]


def test_lead_cell_with_prose_gives_no_task_and_a_warning(tmp_path: Path) -> None:
    # "chủ trì, phối hợp" then no body but what is to be done: who supports cannot be read, the row gives no task
    form = Form("prose_cell", [["STT", "Nội dung", "Cơ quan thực hiện", "Thời gian hoàn thành"]], [
        _r(["1", "Tham mưu UBND tỉnh ban hành Kế hoạch triển khai", "Sở Nội vụ chủ trì, phối hợp tham mưu UBND tỉnh", "Tháng 6/2025"], None),
        _r(["2", "Rà soát thủ tục hành chính nội bộ", "Văn phòng UBND tỉnh chủ trì, phối hợp Sở Tư pháp", "Quý III/2025"],
           ["Văn phòng UBND tỉnh"], ["Sở Tư pháp"], "Quý III/2025"),
    ])
    path = tmp_path / "kh.html"
    path.write_text(forms._html(form), encoding="utf-8")
    assert forms._read(path) == forms._expected(form)
    from vnadmin_nlp import parse_file
    warned = [w.message for w in parse_file(path).warnings if w.code == "task_assignee_unclear"]
    assert any("Sở Nội vụ chủ trì, phối hợp tham mưu UBND tỉnh" in m for m in warned)
