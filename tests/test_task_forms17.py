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


ALL17 = FORMS17 + [FIGURES]


@pytest.fixture(scope="module")
def pdfs17(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return forms.ruled_folder(tmp_path_factory, "pdf_tables17_forms", ALL17)


@pytest.mark.parametrize("form", ALL17, ids=[f.name for f in ALL17])
@pytest.mark.parametrize("render", ["html", "docx", "md", "pdf"])
def test_generated_task_table17(form: Form, render: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if render == "pdf":  # ruled, printed by LibreOffice (one conversion for all the forms)
        path = request.getfixturevalue("pdfs17") / f"{form.name}.pdf"
    else:
        path = forms.written(form, render, tmp_path)
    assert forms._read(path) == forms._expected(form)


# Prose forms of reports, submissions and plans, GENERATED from dev lines (ld_061's closing, qngai_tb660_2025's bodies
# and times): recommendations opened by "Kiến nghị" / "Đề xuất", "Đối với X:" headings and inline, and the request
# after the paragraph that sums the body up.
from vnadmin_nlp import parse_text  # noqa: E402

REPORT = """ỦY BAN NHÂN DÂN
HUYỆN BÌNH SƠN
Số: 45/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Sơn, ngày 05 tháng 5 năm 2025
BÁO CÁO
Kết quả thực hiện Chương trình xóa nhà tạm, nhà dột nát
Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.
I. KẾT QUẢ THỰC HIỆN
Huyện đã hoàn thành hỗ trợ 120 hộ; Sở Xây dựng đã hướng dẫn thiết kế mẫu nhà ở.
"""
CLOSE = """Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


def _prose(body: str) -> list[tuple[list[str], list[str], str | None]]:
    doc = parse_text(REPORT + body + CLOSE)
    return [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in doc.tasks]


def test_recommendations_opened_by_kien_nghi_de_xuat() -> None:
    assert _prose("""II. KIẾN NGHỊ, ĐỀ XUẤT
1. Kiến nghị Ủy ban nhân dân tỉnh chỉ đạo Sở Tài chính bố trí kinh phí hỗ trợ cho các hộ còn lại trước ngày 30/6/2025.
2. Đề xuất Sở Xây dựng hướng dẫn thiết kế mẫu nhà ở cho các hộ gia đình.
3. Ủy ban nhân dân huyện kính kiến nghị Sở Tài nguyên và Môi trường hướng dẫn giải quyết vướng mắc về đất đai.
""") == [(["Ủy ban nhân dân tỉnh"], [], "trước ngày 30/6/2025"), (["Sở Xây dựng"], [], None),
         (["Sở Tài nguyên và Môi trường"], [], None)]


def test_de_xuat_inside_a_sentence_is_the_subjects_verb() -> None:
    # "Sở Tài chính tham mưu, đề xuất UBND tỉnh …": Sở Tài chính's task, not UBND tỉnh's
    assert _prose("""II. KIẾN NGHỊ
1. Giao Sở Tài chính tham mưu, đề xuất UBND tỉnh phân bổ nguồn vốn hỗ trợ trước ngày 30/6/2025.
""") == [(["Sở Tài chính"], [], "trước ngày 30/6/2025")]


def test_doi_voi_headings() -> None:
    assert _prose("""II. KIẾN NGHỊ
1. Đối với Sở Nội vụ:
a) Chủ trì, phối hợp với các cơ quan liên quan hướng dẫn triển khai Chương trình.
b) Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 15/12/2025.
2. Đối với UBND các xã, thị trấn: Tổ chức rà soát các hộ còn lại trong tháng 7/2025.
""") == [(["Sở Nội vụ"], ["các cơ quan liên quan"], None), (["Sở Nội vụ"], [], "trước ngày 15/12/2025"),
         (["UBND các xã, thị trấn"], [], "trong tháng 7/2025")]


def test_doi_voi_describing_is_no_task() -> None:
    # a report's account of a body (vbai_01's form): no verb after the colon, no task
    assert _prose("""II. ĐỀ XUẤT
- Đối với Hiệp hội Nhà thầu xây dựng: Nhiệm kỳ III (2018-2023) của Hiệp hội đã kết thúc từ ngày 28/12/2023.
""") == []


def test_request_after_the_summary_paragraph() -> None:
    # ld_061's closing: the last item of "Trung tâm kính đề xuất UBND tỉnh:" ends at "Trên đây là …"; the request
    # to Sở Nội vụ after it is Sở Nội vụ's
    got = _prose("""II. KIẾN NGHỊ, ĐỀ XUẤT
Ủy ban nhân dân huyện kính đề xuất UBND tỉnh:
- Tiếp tục chỉ đạo các sở, ngành tháo gỡ vướng mắc cho các hộ gia đình.
- Quan tâm bố trí kinh phí hỗ trợ cho các hộ còn lại.
Trên đây là báo cáo kết quả thực hiện Chương trình xóa nhà tạm, nhà dột nát.
Ủy ban nhân dân huyện kính trình UBND tỉnh xem xét, chỉ đạo; đồng thời, đề nghị Sở
Nội vụ xem xét, tổng hợp./.
""")
    assert got == [(["UBND tỉnh"], [], None), (["UBND tỉnh"], [], None), (["Sở Nội vụ"], [], None)]


LETTER = """SỞ KHOA HỌC VÀ CÔNG NGHỆ
TỈNH LÂM ĐỒNG
Số: 120/SKHCN-VP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 05 tháng 11 năm 2025
V/v góp ý dự thảo Kế hoạch kiểm tra công tác cải cách hành chính năm 2026
Kính gửi: {to}
Sở Khoa học và Công nghệ nhận được dự thảo Kế hoạch kiểm tra công tác cải cách hành chính năm 2026. Sau khi nghiên
cứu, Sở Khoa học và Công nghệ góp ý như sau:
- Đề nghị bổ sung nội dung sau: “Kiểm tra việc cập nhật, công khai thông tin trên Trang Thông tin điện tử”.
Trên đây là nội dung góp ý của Sở Khoa học và Công nghệ./.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn B
"""


def test_request_naming_no_one_asks_the_one_addressee() -> None:
    # ld_077's form: "Đề nghị <verb> …" in a letter to one body asks that body
    doc = parse_text(LETTER.format(to="Sở Nội vụ."))
    assert [(t.lead, t.action[:20]) for t in doc.tasks] == [(["Sở Nội vụ"], "bổ sung nội dung sau")]
    assert not any(w.code == "task_assignee_unclear" for w in doc.warnings)


def test_request_naming_no_one_with_several_addressees_stays_unclear() -> None:
    doc = parse_text(LETTER.format(to="\n- Sở Nội vụ;\n- Sở Tư pháp."))
    assert [t.lead for t in doc.tasks] == [[]]
    assert any(w.code == "task_assignee_unclear" for w in doc.warnings)


def test_assignee_after_a_condition() -> None:
    # nd99_2022's "Trường hợp …, Bộ trưởng Bộ Tư pháp có trách nhiệm chủ trì, phối hợp …" in a plan; a condition
    # with no one after it asks nothing
    doc = parse_text(REPORT.replace("BÁO CÁO", "KẾ HOẠCH").replace("/BC-", "/KH-") + """II. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành triển khai thực hiện Kế hoạch này.
Trường hợp cần bảo đảm sự thống nhất trong thực hiện thủ tục, Sở Tư pháp có trách nhiệm chủ trì, phối hợp với các cơ \
quan liên quan hướng dẫn theo thẩm quyền.
2. Trường hợp cơ quan, tổ chức không thực hiện đúng quy định thì bị xử lý theo quy định của pháp luật.
""" + CLOSE)
    assert [(t.lead, t.support) for t in doc.tasks] == [(["Các sở, ban, ngành"], []),
                                                        (["Sở Tư pháp"], ["các cơ quan liên quan"])]
