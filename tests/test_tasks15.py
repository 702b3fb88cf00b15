"""Tasks (issue 13, session 15), on real lines of the development set and the corpus: a time put first gives itself
to the name after it (nd29_1998, btc_tt40_2000), lower-case bodies of legacy-font texts (nd29_1998, ld_040), a task
to be done ``trước Hội nghị`` dated by the meeting (ld_030), a regulation's dated duty followed by a clause with its
own verb and date (nd99_2022), OCR's misread point labels (qngai_ct16_2021), a later paragraph's time limit with no
one named (btc_tt40_2000), the lines of a table the reader gave as cells (ld_035); and where no task or no date is
read (null, with a warning where a request is left without its assignee)."""
from __future__ import annotations

from vnadmin_nlp import parse_text
from vnadmin_nlp.pipeline import _parse

NGHI_DINH = """CHÍNH PHỦ
Số: 29/1998/NĐ-CP

Hà Nội, ngày 11 tháng 5 năm 1998

NGHỊ ĐỊNH
Về việc ban hành Quy chế thực hiện dân chủ ở xã

"""

CONG_VAN = """VĂN PHÒNG CHÍNH PHỦ
Số: 9557/VPCP-KGVX

Hà Nội, ngày 03 tháng 10 năm 2025

Kính gửi: Các Bộ, cơ quan, địa phương

"""

CLOSING = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn A
"""


def _tasks(text: str) -> list[tuple[list[str], str | None]]:
    return [(t.lead, t.deadline.text if t.deadline else None) for t in parse_text(text).tasks]


def test_time_put_first_is_the_next_names() -> None:
    # nd29_1998 Điều 22 (TCVN3: "ủy ban" lost its capital)
    text = NGHI_DINH + """Chương VII
TỔ CHỨC THỰC HIỆN
Điều 22. Chủ tịch Uỷ ban nhân dân các cấp có trách nhiệm chỉ đạo thực hiện Quy chế này. Hàng quý, Chủ tịch ủy ban \
nhân dân cấp dưới báo cáo kết quả thực hiện với Chủ tịch ủy ban nhân dân cấp trên, sáu tháng một lần, Chủ tịch ủy ban \
nhân dân tỉnh, thành phố trực thuộc Trung ương báo cáo Chính phủ kết quả thực hiện Quy chế.
Điều 24. Đề nghị ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, các đoàn thể chỉ đạo hướng dẫn, kiểm tra cấp dưới \
thực hiện tốt nhiệm vụ được quy định trong Quy chế này.
""" + CLOSING
    assert _tasks(text) == [
        (["Chủ tịch Uỷ ban nhân dân các cấp"], None),  # not "Hàng quý": that is the next sentence's
        (["Chủ tịch ủy ban nhân dân cấp dưới"], "Hàng quý"),
        (["Chủ tịch ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương"], "sáu tháng một lần"),
        (["ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "các đoàn thể"], None),
    ]


def test_lower_case_department_name() -> None:
    # ld_040
    doc = parse_text(CONG_VAN + "Ban chấp hành Hội công chứng viên các tỉnh sáp nhập, đề nghị Sở tư pháp phối hợp Sở "
                     "Nội vụ trình UBND tỉnh Lâm Đồng xem xét quyết định.\n" + CLOSING)
    assert [(t.lead, t.support) for t in doc.tasks] == [(["Sở tư pháp"], ["Sở Nội vụ"])]
    # "Bộ tiêu chí …" is no body all the same
    assert _tasks(CONG_VAN + "1. Bộ tiêu chí được cấu trúc thành 7 lĩnh vực, thực hiện từ năm 2026.\n" + CLOSING) == []


MEETING = CONG_VAN + """Văn phòng Chính phủ trân trọng kính mời Lãnh đạo các Bộ, cơ quan, địa phương tham dự Hội nghị \
triển khai Chương trình như sau:
I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm).
II. Văn phòng Chính phủ trân trọng đề nghị:
1. Bộ Công an:
- Chuẩn bị 60 bộ tài liệu báo cáo phát tại điểm cầu Trụ sở Chính phủ; Gửi tài liệu đến các điểm cầu địa phương \
trước Hội nghị.
2. Các Bộ, cơ quan, địa phương dự Hội nghị đúng thành phần được mời; xác nhận đại biểu tham dự Hội nghị trước 14 giờ, \
ngày 08 tháng 10 năm 2025.
""" + CLOSING


def test_before_the_meeting_is_the_meetings_date() -> None:
    # ld_030
    doc = parse_text(MEETING)
    due = {t.lead[0]: t.deadline for t in doc.tasks}
    assert due["Bộ Công an"] is not None and due["Bộ Công an"].text == "trước Hội nghị"
    assert due["Bộ Công an"].date == "2025-10-09" and due["Bộ Công an"] in doc.deadlines
    assert due["Các Bộ, cơ quan, địa phương"] is not None and due["Các Bộ, cơ quan, địa phương"].date == "2025-10-08"
    # two meeting times: which one is meant cannot be told, no date
    two = MEETING.replace("I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm).",
                          "I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm).\nThời gian: 14 giờ, ngày 10 "
                          "tháng 10 năm 2025 (phiên chiều).")
    assert {t.lead[0]: t.deadline for t in parse_text(two).tasks}["Bộ Công an"] is None


def test_dated_duty_then_a_clause_of_its_own() -> None:
    # nd99_2022 Điều 58.2
    text = NGHI_DINH.replace("29/1998/NĐ-CP", "99/2022/NĐ-CP") + """Chương V
TỔ CHỨC THỰC HIỆN
Điều 58. Trách nhiệm thi hành
2. Bộ Tư pháp phối hợp với Bộ Công an thực hiện việc kết nối, chia sẻ dữ liệu số về đăng ký biện pháp bảo đảm, hoàn \
thành trước ngày 31 tháng 12 năm 2023; có trách nhiệm hoàn thiện phần mềm đăng ký trực tuyến để thực hiện việc đăng \
ký, hoàn thành trước ngày 31 tháng 12 năm 2023.
""" + CLOSING
    assert _tasks(text) == [(["Bộ Tư pháp"], "trước ngày 31 tháng 12 năm 2023"), (["Bộ Tư pháp"], "trước ngày 31 tháng 12 năm 2023")]


def test_later_paragraphs_time_limit_naming_no_one_is_no_task() -> None:
    # btc_tt40_2000 III: time limits of rules, each on a paragraph of its own that names no one, before the one task
    text = """BỘ TÀI CHÍNH
Số: 40/2000/TT-BTC

Hà Nội, ngày 15 tháng 5 năm 2000

THÔNG TƯ
Hướng dẫn miễn thuế nhập khẩu

III/ Kê khai, quyết toán thuế nhập khẩu và xử lý vi phạm:
Nguyên vật liệu, bán thành phẩm nhập khẩu miễn thuế của các doanh nghiệp phải được sử dụng theo đúng mục đích.
Thời hạn kê khai truy nộp thuế là 02 (hai) ngày kể từ ngày thay đổi mục đích sử dụng ghi trên các văn bản.
Hàng năm chậm nhất đến ngày 31/3 doanh nghiệp phải báo cáo với cơ quan Hải quan tình hình sử dụng nguyên vật liệu.
Cục thuế các tỉnh, thành phố chịu trách nhiệm quyết toán việc sử dụng số nguyên liệu vật tư được miễn thuế nhập khẩu.
""" + CLOSING
    doc = parse_text(text)
    assert [(t.lead, t.deadline) for t in doc.tasks] == [(["Cục thuế các tỉnh, thành phố"], None)]
    assert len(doc.deadlines) == 2  # listed all the same


def _provisions_ocr(body: str) -> list[str]:
    doc = _parse(CONG_VAN + body + CLOSING, source=None, extractors=None, page_numbers=False,
                 metadata={"ocr_words": [{"lines": []}]}, cells=None)[0]
    out: list[str] = []
    stack = list(reversed(doc.provisions))
    while stack:
        p = stack.pop()
        out.append(p.path)
        stack.extend(reversed(p.children))
    return out


ITEMS = """2. Sở Công Thương chủ trì, phối hợp thực hiện
a) Tiếp tục rà soát và triển khai thực hiện hiệu quả Chỉ thị số 12/CT-BCT.
b) Theo dõi, đánh giá thường xuyên nguồn cung, nhu cầu hàng hóa trên địa bàn tỉnh.
e) Phối hợp chặt chẽ với Cục Quản lý thị trường tỉnh, các sở, ban ngành tăng cường công tác kiểm tra.
d) Làm việc với Công ty Điện lực Quảng Ngãi và các doanh nghiệp kinh doanh xăng, dầu.
3. Sở Thông tin và Truyền thông
8) Chủ trì, phối hợp với Đài Phát thanh — Truyền hình tỉnh, các cơ quan thông tấn, báo chí.
b) Tăng cường quản lý thông tin thuê bao, chất lượng dịch vụ.
"""


def test_ocr_point_labels_read_as_the_letter_expected() -> None:
    # qngai_ct16_2021 (OCR'd): "e)" for "c)", "8)" for "a)"
    assert _provisions_ocr(ITEMS) == ["2", "2.a", "2.b", "2.c", "2.d", "3", "3.a", "3.b"]
    # a text layer keeps its labels as printed: "e)" after "b)" breaks the sequence there
    assert "2.c" not in [p.path for p in parse_text(CONG_VAN + ITEMS + CLOSING).provisions[0].children]


def test_table_cells_are_no_flattened_table() -> None:
    # ld_035: a score table read as cells warns nothing about tables read as lines
    from vnadmin_nlp.extractors.tasking.names import flattened
    text = "STT\nĐơn vị\nĐiểm\n1\nSở Tư pháp\n17,00\n2\nSở Nội vụ\n16,50\n"
    assert flattened(text, 0, len(text))
    assert not flattened(text, 0, len(text), [(0, len(text))])


def test_support_of_the_directed_and_long_collective_lists() -> None:
    # vbpl.vn doc_000081 Điều 16 (dev): who the lead directs takes part with others, not the lead; a list of
    # collectives too long for one body is split where a new body starts
    from vnadmin_nlp.extractors.tasking.support import all_support
    from vnadmin_nlp.lexicon.fold import fold
    directed = ("Hướng dẫn các cơ sở giáo dục phối hợp với Ủy ban nhân dân các cấp và Ngân hàng Chính sách xã hội tổ "
                "chức thực hiện chính sách.")
    assert all_support(directed, fold(directed), 0, len(directed)) == []
    own = "Chủ động phối hợp với Sở Nông nghiệp và Phát triển nông thôn triển khai các giải pháp."
    assert all_support(own, fold(own), 0, len(own)) == ["Sở Nông nghiệp và Phát triển nông thôn"]
    long = ("Quản lý và sử dụng nguồn vốn; định kỳ chủ trì, phối hợp với các tổ chức chính trị - xã hội, các cơ sở giáo "
            "dục đại học, cơ sở giáo dục nghề nghiệp và cơ quan liên quan để thực hiện việc kiểm tra")
    assert all_support(long, fold(long), 0, len(long)) == [
        "các tổ chức chính trị - xã hội", "các cơ sở giáo dục đại học, cơ sở giáo dục nghề nghiệp", "cơ quan liên quan"]
