"""What a tờ trình, báo cáo or biên bản reads as tasks and deadlines that are none (issue 13, session 18;
extractors/tasking/genre.py, data/genres.yaml), on documents GENERATED from lines of the development set: ld_023 (a
list of associations under capital headings, then the proposals ``Cho phép hợp nhất …``), ld_021, ld_052 and ld_055
(the submission to the addressee), vbai_01, vbai_32 and qngai_bc22 (requests reported from other documents), ld_045
and ld_071 (a report's narration and the year it accounts for), ld_051 and vbai_25 (a meeting's own time, chair and
speakers), ld_042 and ld_052 (counts), ld_002 (a giấy mời's chair), ld_071 and vbai_01 (``Giao <issuer>``).  Each
rule is checked both ways: the same line in a recommendation section, as a request to a body not addressed, or in
a công văn stays a task (session 17's filter, fa6f233, lost those)."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

CLOSING = """Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn B
"""


def _doc(kind: str, code: str, subject: str, body: str, date: str) -> dict:
    return parse_text(f"""UBND TỈNH LÂM ĐỒNG
SỞ NỘI VỤ
Số: 120/{code}-SNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, {date}
{kind}
{subject}
Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh
{body}{CLOSING}""").model_dump()


def _tt(body: str, date: str = "ngày 04 tháng 12 năm 2025") -> dict:
    return _doc("TỜ TRÌNH", "TTr", "Về việc hợp nhất các hội", body, date)


def _bc(body: str, date: str = "ngày 19 tháng 12 năm 2025") -> dict:
    return _doc("BÁO CÁO", "BC", "Kết quả công tác năm 2025", body, date)


def _cv(body: str, date: str = "ngày 19 tháng 12 năm 2025") -> dict:
    return _doc("", "SNV", "V/v triển khai công tác hội", body, date)


def _leads(doc: dict) -> list[list[str]]:
    return [t["lead"] for t in doc["tasks"]]


LISTS = """A. CÁC HỘI CÓ CÙNG LĨNH VỰC HOẠT ĐỘNG
I. CÁC HỘI DO ĐẢNG, NHÀ NƯỚC
GIAO NHIỆM VỤ CỦA CÁC TỈNH BÌNH THUẬN, ĐẮK NÔNG VÀ LÂM ĐỒNG (TRƯỚC SẮP XẾP)
TỈNH LÂM ĐỒNG (trước sắp xếp)
1. Liên minh Hợp tác xã tỉnh Lâm Đồng;
2. Liên Hiệp các hội Khoa học và Kỹ thuật tỉnh Lâm Đồng;
3. Câu lạc bộ Hưu trí tỉnh Lâm Đồng. Ngoài ra, có Hội Kiến trúc sư tỉnh Lâm Đồng là hội quần chúng.
B. PHƯƠNG ÁN HỢP NHẤT
Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, cho phép hợp nhất các hội, cụ thể:
1. Cho phép hợp nhất Hội Nhà báo tỉnh Lâm Đồng; Hội Nhà báo tỉnh Bình Thuận và Hội Nhà báo tỉnh Đắk Nông thành \
Hội Nhà báo tỉnh Lâm Đồng (mới).
2. Cho phép đổi tên Câu lạc bộ Hưu trí tỉnh Bình Thuận thành Câu lạc bộ Hưu trí tỉnh Lâm Đồng (mới).
"""


def test_a_list_of_names_and_the_proposals_are_no_tasks_an_assignment_is() -> None:
    assert _tt(LISTS + "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.\n")["tasks"] == []
    doc = _tt(LISTS + "3. Giao Sở Tài chính theo dõi việc thực hiện các nội dung trên, hoàn thành trước ngày 31/12/2025.\n")
    assert _leads(doc) == [["Sở Tài chính"]]
    assert doc["tasks"][0]["deadline"]["date"] == "2025-12-31"


@pytest.mark.parametrize("line", [
    "Do đó, việc Hội đồng quản lý Quỹ đề nghị Chủ tịch UBND tỉnh xem xét, cho phép hợp nhất Quỹ Khuyến học tỉnh Đắk Nông.",
    "Hiệp hội xin báo cáo và đề nghị Ủy ban nhân dân tỉnh và các Sở ngành của tỉnh cho ý kiến: 1/ Cho phép tổ chức Đại hội.",
    "Kính đề nghị Văn phòng UBND tỉnh thẩm định, trình Chủ tịch UBND tỉnh ký duyệt, ban hành.",
])
def test_the_submission_to_the_addressee_is_no_task(line: str) -> None:
    assert _tt(f"1. Về hồ sơ\nHồ sơ đầy đủ theo quy định.\n2. {line}\n")["tasks"] == []


def test_the_same_request_to_a_body_not_addressed_is_a_task() -> None:
    doc = _tt("1. Về hồ sơ\nHồ sơ đầy đủ theo quy định.\n2. Đề nghị Sở Tư pháp xem xét, cho ý kiến đối với hồ sơ của Hội.\n")
    assert _leads(doc) == [["Sở Tư pháp"]]


@pytest.mark.parametrize("line", [
    "Ngày 21/10/2024, Sở Nội vụ có Công văn số 2903/SNV-TCCC đề nghị các sở rà soát, tổng hợp danh sách các hội.",
    "Tại Kết luận, Ban Thường vụ Tỉnh ủy đề nghị Ban Cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo Hội Khuyến học tỉnh rà soát Điều lệ.",
    "Tỉnh Lâm Đồng yêu cầu các sở, ban, ngành tiếp tục rà soát thủ tục hành chính nội bộ (Công văn số 85/VP-TTHC ngày 08/01/2025).",
])
def test_a_request_reported_from_another_document_is_no_task(line: str) -> None:
    assert _bc(f"I. KẾT QUẢ THỰC HIỆN\n1. {line}\n")["tasks"] == []


def test_a_quoted_request_is_no_task_the_reports_own_is() -> None:
    doc = _tt("""1. Về Hội Làm vườn
Ủy ban nhân dân tỉnh Bình Thuận có ý kiến: “Hội không có khả năng tiến hành đại hội. Vậy đề nghị Ủy ban nhân dân \
tỉnh Bình Thuận xử lý Hội theo quy định”.
2. Đề nghị Sở Tài chính hướng dẫn các hội quyết toán kinh phí.
""")
    assert _leads(doc) == [["Sở Tài chính"]]


NARRATION = """I. KẾT QUẢ ĐẠT ĐƯỢC
1. Trong năm 2025, tỉnh chưa thực hiện tuyển dụng công chức; Cuộc thi diễn ra từ ngày 12/11/2025 đến ngày 25/12/2025.
2. Ban Chấp hành Hiệp hội triển khai vận động các Hội viên tham gia thực hiện trách nhiệm xã hội.
3. Trong năm 2025, Công an tỉnh đã hoàn thiện nội dung, chương trình Hội nghị.
"""


def test_a_reports_narration_goes_its_recommendations_stay() -> None:
    doc = _bc(NARRATION + """II. KIẾN NGHỊ, ĐỀ XUẤT
1. Phê duyệt thống nhất về thời gian tổ chức Hội nghị.
2. Giao Công an tỉnh chủ trì, phối hợp Văn phòng Ủy ban nhân dân tỉnh phát hành giấy mời trước ngày 05/01/2026.
3. Sở Tài chính bố trí kinh phí tổ chức Hội nghị.
- Thời gian, địa điểm:
+ Thời gian: Dự kiến tổ chức 1/2 ngày, từ ngày 13/01/2026 đến ngày 16/01/2026.
""")
    assert [(t["lead"], t["support"]) for t in doc["tasks"]] == [
        (["Công an tỉnh"], ["Văn phòng Ủy ban nhân dân tỉnh"]), (["Sở Tài chính"], [])]
    assert [d["text"] for d in doc["deadlines"]] == ["trước ngày 05/01/2026", "từ ngày 13/01/2026 đến ngày 16/01/2026"]


def test_the_genre_decides_the_same_lines_in_a_cong_van_are_tasks() -> None:
    body = "1. Sở Tư pháp chủ trì rà soát hồ sơ của Hội, hoàn thành trước ngày 31/12/2025.\n"
    assert _leads(_cv(body)) == [["Sở Tư pháp"]]
    assert [d["text"] for d in _cv(body)["deadlines"]] == ["trước ngày 31/12/2025"]
    assert _bc(body)["tasks"] == [] and _bc(body)["deadlines"] == []  # narrated, with its time


def test_a_meeting_record_has_no_deadline_in_its_own_time_nor_a_task_in_its_chair_and_speakers() -> None:
    doc = parse_text(f"""UBND TỈNH LÂM ĐỒNG
SỞ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
BIÊN BẢN
Họp thống nhất liên quan đến đề xuất cho phép thành lập Hội Ái hữu Pháp ngữ Đà Lạt - Lâm Đồng
Hôm nay, vào lúc 14 giờ 00 phút, ngày 09 tháng 12 năm 2025 tại Hội trường của Sở Nội vụ tỉnh Lâm Đồng đã diễn ra \
cuộc họp với thành phần, nội dung như sau:
I. NỘI DUNG
1. Lãnh đạo Sở Nội vụ - chủ trì cuộc họp trình bày về nội dung liên quan đến quy định quản lý nhà nước về hội.
2. Đồng chí Nguyễn Đình Trung - Chủ tịch Hội Khuyến học tỉnh phát biểu thống nhất với nội dung đề xuất.
3. Các thành viên khác: Thống nhất với nội dung đề xuất.
II. KẾT LUẬN
Giao Phòng Tổ chức hành chính hoàn thiện hồ sơ trình Chủ tịch Ủy ban nhân dân tỉnh trước ngày 20/12/2025.
{CLOSING}""").model_dump()
    assert _leads(doc) == [["Phòng Tổ chức hành chính"]]
    assert [d["text"] for d in doc["deadlines"]] == ["trước ngày 20/12/2025"]


@pytest.mark.parametrize("make", [_tt, _cv])
def test_a_count_is_no_task(make) -> None:  # type: ignore[no-untyped-def]
    doc = make("""1. Về số lượng đại biểu
+ Đại biểu chính thức triệu tập: 50 người.
- Đại biểu khách mời trong và ngoài tỉnh: 100 người.
""")
    assert doc["tasks"] == []


def test_an_invitations_chair_is_no_task() -> None:
    doc = parse_text(f"""ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 45/GM-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 03 tháng 11 năm 2025
GIẤY MỜI
Họp đánh giá kết quả cải cách hành chính
1. Chủ trì: Đồng chí Nguyễn Ngọc Phúc - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh.
2. Thời gian: từ 08h00 ngày 07/11/2025.
3. Giao Sở Nội vụ chuẩn bị nội dung để trình chiếu số liệu.
{CLOSING}""").model_dump()
    assert _leads(doc) == [["Sở Nội vụ"]]


def test_giao_the_issuer_assigns_the_issuer() -> None:
    # a report proposing what its superior assigns it (ld_071: Công an tỉnh's "2. Giao Công an tỉnh chủ trì …")
    doc = _bc("II. ĐỀ XUẤT\n1. Giao Sở Nội vụ theo dõi việc thực hiện các nội dung trên và tổng hợp báo cáo.\n")
    assert _leads(doc) == [["Sở Nội vụ"]]
    # the issuer speaking is none all the same
    assert _cv("Sở Nội vụ thông báo kết quả rà soát các hội như sau.\n")["tasks"] == []
