"""What a tờ trình, báo cáo or biên bản can hold as tasks and deadlines (issue 13, session 17;
extractors/tasking/genre.py, data/genres.yaml), on documents GENERATED from the development set's: ld_023 (a list of
associations under capital headings, then proposals ``Cho phép hợp nhất …``), ld_021 and ld_052 (the submission to
the superior), ld_045 and ld_005 (a report's work done and periods), ld_051 and vbai_25 (a meeting's own time and
chair), vbai_01 (a tờ trình's proposed assignments and its proposals' dates), ld_059 (a time limit after the
submission), ld_071 (a report's ``Giao …`` with its date).  The same lines in a công văn are read as before: the
genre decides."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

CLOSING = """Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn B
"""


def _doc(kind: str, code: str, subject: str, body: str, date: str = "ngày 04 tháng 12 năm 2025") -> str:
    return f"""UBND TỈNH LÂM ĐỒNG
SỞ NỘI VỤ
Số: 120/{code}-SNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, {date}
{kind}
{subject}
Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh
{body}{CLOSING}"""


def _tt(body: str, date: str = "ngày 04 tháng 12 năm 2025") -> dict:
    return parse_text(_doc("TỜ TRÌNH", "TTr", "Về việc hợp nhất các hội", body, date)).model_dump()


def _bc(body: str, date: str = "ngày 19 tháng 12 năm 2025") -> dict:
    return parse_text(_doc("BÁO CÁO", "BC", "Kết quả công tác năm 2025", body, date)).model_dump()


def _leads(doc: dict) -> list[list[str]]:
    return [t["lead"] for t in doc["tasks"]]


# ld_023: the associations of each former province under a capital heading, then what the tờ trình proposes
LISTS = """I. CÁC HỘI DO ĐẢNG, NHÀ NƯỚC
GIAO NHIỆM VỤ CỦA CÁC TỈNH BÌNH THUẬN, ĐẮK NÔNG VÀ LÂM ĐỒNG (TRƯỚC SẮP XẾP)
TỈNH LÂM ĐỒNG (trước sắp xếp)
1. Liên minh Hợp tác xã tỉnh Lâm Đồng;
2. Liên Hiệp các hội Khoa học và Kỹ thuật tỉnh Lâm Đồng;
3. Hội Kiến trúc sư tỉnh Lâm Đồng.
II. ĐỀ XUẤT
1. Cho phép hợp nhất Hội Nhà báo tỉnh Lâm Đồng; Hội Nhà báo tỉnh Bình Thuận và Hội Nhà báo tỉnh Đắk Nông thành \
Hội Nhà báo tỉnh Lâm Đồng (mới).
2. Cho phép đổi tên Câu lạc bộ Hưu trí tỉnh Bình Thuận thành Câu lạc bộ Hưu trí tỉnh Lâm Đồng (mới).
"""
# vbai_01: what the tờ trình proposes to assign, and the date of the time it proposes to grant
PROPOSED = """3. Từ các nội dung trên, Sở Nội vụ tham mưu Chủ tịch Ủy ban nhân dân tỉnh các nội dung sau:
a) Văn bản yêu cầu các hội: Hiệp hội Vận tải ô tô, Hội Nghề cá và Hội Tin học hoàn thành tổ chức đại hội nhiệm kỳ \
chậm nhất ngày 31/12/2025.
Giao Sở Tài chính theo dõi việc thực hiện các nội dung trên và tổng hợp báo cáo Chủ tịch Ủy ban nhân dân tỉnh.
"""


def test_a_list_under_a_capital_heading_and_the_proposals_are_no_tasks() -> None:
    doc = _tt(LISTS + "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.\n")
    assert doc["tasks"] == []
    # the same tờ trình with its proposed assignments: those, and only those, are tasks
    doc = _tt(LISTS + PROPOSED)
    assert _leads(doc) == [["Hiệp hội Vận tải ô tô", "Hội Nghề cá", "Hội Tin học"], ["Sở Tài chính"]]
    assert doc["tasks"][0]["deadline"]["date"] == "2025-12-31"


@pytest.mark.parametrize("line", [
    # ld_021, ld_052, the routing of the submission (README, session 17)
    "Đề nghị Chủ tịch UBND tỉnh xem xét, cho phép hợp nhất Quỹ Khuyến học tỉnh Đắk Nông và Quỹ Khuyến học tỉnh Bình Thuận.",
    "Kính đề nghị Văn phòng UBND tỉnh thẩm định, trình Chủ tịch UBND tỉnh ký duyệt, ban hành.",
    "Đề nghị UBND tỉnh và các Sở ngành của tỉnh cho ý kiến đối với Đại hội lần thứ V của Hiệp hội.",
    # reported requests and narrated work (vbai_32, ld_045)
    "Tại Kết luận, Ban Thường vụ Tỉnh ủy đề nghị Ban Cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo Hội Khuyến học tỉnh rà soát Điều lệ Quỹ.",
    "Ban Chấp hành duy trì các cuộc họp định kỳ, các cuộc hội ý trong Ban Thường trực Hiệp hội.",
])
def test_the_submission_and_narration_are_no_tasks(line: str) -> None:
    assert _tt(f"1. Về hồ sơ\nHồ sơ đầy đủ theo quy định.\n2. {line}\n")["tasks"] == []


def test_a_proposal_sets_a_deadline_a_description_does_not() -> None:
    doc = _tt("""1. Về thời gian
Tại Đề án dự kiến thời gian Đại hội trong 02 ngày (ngày 11/4/2026 và ngày 12/4/2026).
2. Về gia hạn
Căn cứ quy định tại điểm c khoản 2 Điều 30 Nghị định số 126/2024/NĐ-CP, Sở Nội vụ đề xuất Chủ tịch Ủy ban nhân dân \
tỉnh thống nhất gia hạn thời gian tổ chức đại hội của Hiệp hội Nhà thầu xây dựng đến ngày 31/12/2025.
Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, ký duyệt.
(Thời hạn yêu cầu gửi báo cáo tự đánh giá về Bộ Nội vụ trước ngày 23/01/2026)./.
""")
    assert [d["text"] for d in doc["deadlines"]] == ["đến ngày 31/12/2025", "trước ngày 23/01/2026"]
    assert doc["tasks"] == []


def test_a_report_keeps_its_assignment_and_its_date_not_its_year_of_work() -> None:
    body = """I. KẾT QUẢ ĐẠT ĐƯỢC
1. Trong năm 2025, tỉnh chưa thực hiện tuyển dụng công chức; Cuộc thi diễn ra từ ngày 12/11/2025 đến ngày 25/12/2025.
2. Ban Chấp hành Hiệp hội triển khai vận động các Hội viên tham gia thực hiện trách nhiệm xã hội.
II. ĐỀ XUẤT
1. Phê duyệt thống nhất về thời gian tổ chức Hội nghị.
2. Giao Công an tỉnh chủ trì, phối hợp Văn phòng Ủy ban nhân dân tỉnh phát hành giấy mời trước ngày 05/01/2026.
"""
    doc = _bc(body)
    assert _leads(doc) == [["Công an tỉnh"]]
    assert [d["text"] for d in doc["deadlines"]] == ["trước ngày 05/01/2026"]
    assert doc["tasks"][0]["deadline"]["date"] == "2026-01-05"


def test_a_meeting_record_has_no_deadline_in_its_own_time_nor_a_task_in_its_chair() -> None:
    doc = parse_text(f"""UBND TỈNH LÂM ĐỒNG
SỞ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
BIÊN BẢN
Họp thống nhất liên quan đến đề xuất cho phép thành lập Hội Ái hữu Pháp ngữ Đà Lạt - Lâm Đồng
Vào lúc 14 giờ 00 phút, ngày 09 tháng 12 năm 2025 tại Hội trường của Sở Nội vụ tỉnh Lâm Đồng đã diễn ra cuộc họp \
với thành phần, nội dung như sau:
I. NỘI DUNG
1. Lãnh đạo Sở Nội vụ - chủ trì cuộc họp trình bày về nội dung liên quan đến quy định quản lý nhà nước về hội.
2. Các thành viên khác: Thống nhất với nội dung đề xuất.
{CLOSING}""").model_dump()
    assert doc["tasks"] == [] and doc["deadlines"] == []


def test_the_genre_decides_the_same_lines_in_a_cong_van_are_tasks() -> None:
    body = "1. Sở Tư pháp chủ trì rà soát hồ sơ của Hội, hoàn thành trước ngày 31/12/2025.\n"
    cong_van = parse_text(_doc("", "SNV", "V/v hợp nhất các hội", body).replace("Số: 120/SNV-SNV", "Số: 120/SNV-TCBC")).model_dump()
    assert _leads(cong_van) == [["Sở Tư pháp"]]
    assert _bc(body)["tasks"] == [] and _bc(body)["deadlines"] == []


def test_a_labelled_time_stays_in_a_report() -> None:
    """ld_071 (``BÁO CÁO ĐÈ XUẤT``): the meeting's time under its label is kept, the year of work narrated is not.
    (The real scan's type is read from no line, its title left to the body: genre.genre's fallback to a line in
    capitals, measured on ld_071 and ld_060 in the body eval.)"""
    text = """BỘ CÔNG AN
CÔNG AN TỈNH LÂM ĐỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 19 tháng 12 năm 2025
BÁO CÁO ĐÈ XUẤT
Phê duyệt thời gian tổ chức Hội nghị công bố xã, phường, đặc khu không ma túy
1. Trong năm 2025, Công an tỉnh đã hoàn thiện nội dung, chương trình liên quan; Cuộc thi diễn ra từ ngày 12/11/2025 \
đến ngày 25/12/2025.
- Thời gian, địa điểm:
+ Thời gian: Dự kiến tổ chức 1/2 ngày, từ ngày 13/01/2026 đến ngày 16/01/2026.
2. Giao Văn phòng Ủy ban nhân dân tỉnh ban hành giấy mời.
""" + CLOSING
    doc = parse_text(text).model_dump()
    assert [d["text"] for d in doc["deadlines"]] == ["từ ngày 13/01/2026 đến ngày 16/01/2026"]
    assert _leads(doc) == [["Văn phòng Ủy ban nhân dân tỉnh"]]
