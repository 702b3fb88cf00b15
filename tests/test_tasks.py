"""Tasks (issue 13): the assignment forms on real lines of the corpus and the development set, the headings that
name the body for the items below them, the implementation articles of a regulation, and what is not a task."""
from __future__ import annotations

from vnadmin_nlp import parse_text

UBND = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 01/CT-UBND

Quảng Ngãi, ngày 04 tháng 01 năm 2021

CHỈ THỊ
Về việc triển khai hóa đơn điện tử

"""

NGHI_DINH = """CHÍNH PHỦ
Số: 03/2026/NĐ-CP

Hà Nội, ngày 05 tháng 01 năm 2026

NGHỊ ĐỊNH
Về tổ chức, hoạt động của quỹ xã hội, quỹ từ thiện

"""


def _tasks(text: str) -> list[tuple[list[str], list[str], str | None]]:
    return [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in parse_text(text).tasks]


def test_heading_names_the_body_of_its_items() -> None:
    # qngai_ct2021_05jan item 1, and qngai_ct16_2021 item 2 (a heading with an announcing phrase)
    body = UBND + (
        "1. Cục Thuế tỉnh:\n"
        "- Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan triển khai áp dụng hóa đơn điện tử.\n"
        "- Tổ chức tập huấn, hướng dẫn các tổ chức, cá nhân kinh doanh trên địa bàn về hóa đơn điện tử.\n"
        "2. Sở Công Thương chủ trì, phối hợp thực hiện:\n"
        "a) Tiếp tục rà soát và triển khai thực hiện hiệu quả Chỉ thị số 12/CT-BCT.\n"
        "b) Theo dõi, đánh giá thường xuyên nguồn cung, nhu cầu hàng hóa, báo cáo trước ngày 26/01/2021.\n"
    )
    assert _tasks(body) == [
        (["Cục Thuế tỉnh"], ["các cơ quan, đơn vị có liên quan"], None),
        (["Cục Thuế tỉnh"], [], None),
        (["Sở Công Thương"], [], None),
        (["Sở Công Thương"], [], "trước ngày 26/01/2021"),  # the deadline of its own item, not of a)
    ]


def test_lead_after_a_colon_and_support_anywhere_in_the_item() -> None:
    body = UBND + (
        "2. Sở Thông tin và Truyền thông: Theo chức năng, nhiệm vụ của mình có trách nhiệm phối hợp với Cơ quan"
        " Thuế trong việc tuyên truyền chính sách.\n"
        "3. Sở Lao động - Thương binh và Xã hội chịu trách nhiệm hướng dẫn.\n"
    )
    assert _tasks(body) == [(["Sở Thông tin và Truyền thông"], ["Cơ quan Thuế"], None), (["Sở Lao động - Thương binh và Xã hội"], [], None)]


def test_request_with_a_name_list_over_a_semicolon() -> None:
    body = UBND + (
        "Yêu cầu Thủ trưởng các Sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã Đức Phổ và thành phố Quảng"
        " Ngãi khẩn trương triển khai thực hiện Chỉ thị này.\n"
    )
    assert _tasks(body) == [(["Thủ trưởng các Sở, ban, ngành tỉnh", "Chủ tịch UBND các huyện, thị xã Đức Phổ và thành phố Quảng Ngãi"], [], None)]


def test_regulation_assigns_work_only_in_its_implementation_articles() -> None:
    body = NGHI_DINH + (
        "Chương II\nTỔ CHỨC THANH TRA\n"
        "Điều 7. Thanh tra Bộ\n"
        "1. Thanh tra Bộ có trách nhiệm giúp Bộ trưởng Bộ Công an quản lý nhà nước về công tác thanh tra.\n"
        "2. Chậm nhất vào ngày 10 tháng 11 hằng năm, Công an đơn vị, địa phương gửi dự thảo kế hoạch thanh tra.\n"
        "Chương VI\nTỔ CHỨC THỰC HIỆN\n"
        "Điều 48. Trách nhiệm của Bộ Nội vụ\n"
        "1. Xây dựng trình hoặc ban hành các văn bản quy phạm pháp luật về quỹ.\n"
        "2. Thực hiện các nhiệm vụ khác theo quy định của pháp luật.\n"
        "Điều 56. Trách nhiệm thi hành\n"
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các"
        " cấp và tổ chức, cá nhân khác có liên quan chịu trách nhiệm thi hành Nghị định này.\n"
    )
    doc = parse_text(body)
    assert [(t.lead, t.provision) for t in doc.tasks] == [
        # "Điều 48. Trách nhiệm của Bộ Nội vụ" allocates standing duties, even under "TỔ CHỨC THỰC HIỆN": no task
        # (body gold README, session 12); only the execution article assigns work
        (["Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ", "Chủ tịch Ủy ban nhân dân các cấp",
          "tổ chức, cá nhân khác có liên quan"], "VI.56"),
    ]
    assert any(d.text.startswith("Chậm nhất vào ngày 10 tháng 11") for d in doc.deadlines)  # a rule's limit is still a deadline


def test_not_tasks_issuer_speaking_intro_and_things_named_like_bodies() -> None:
    body = UBND + (
        "1. Trung tâm dự kiến tổ chức Hội thảo vào ngày 18/11/2025, mời Lãnh đạo UBND tỉnh, các chuyên gia.\n"  # ld_061
        "2. Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban ngành, Chủ tịch UBND các huyện thực hiện các nhiệm"
        " vụ sau:\n"
        "3. Bộ tiêu chí xác định Chỉ số CCHC cấp bộ được nêu chi tiết tại Bảng 1.\n"  # ld_064: "Bộ" + a common noun
        "4. Các tiêu chí, tiêu chí thành phần đánh giá qua điều tra xã hội học được thể hiện tại cột Ghi chú.\n"
        "5. Người đứng đầu các cơ quan, đơn vị, địa phương chịu trách nhiệm trước UBND tỉnh nếu để xảy ra sai phạm.\n"
    )
    assert _tasks(body) == []


def test_issuer_asks_the_addressee() -> None:
    body = UBND.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", "SỞ TÀI CHÍNH TỈNH LÂM ĐỒNG\nTRUNG TÂM XÚC TIẾN ĐẦU TƯ") + (
        "Trung tâm kính trình UBND tỉnh xem xét, chỉ đạo; đồng thời, đề nghị Sở Nội vụ xem xét, tổng hợp./.\n"
    )
    assert [t.lead for t in parse_text(body).tasks] == [["Sở Nội vụ"]]


def test_unclear_request_keeps_the_task_without_a_lead() -> None:
    body = UBND + "1. Đề nghị nghiên cứu, góp ý dự thảo và gửi về Sở Tài chính trước ngày 30/01/2021.\n"
    doc = parse_text(body)
    assert [(t.lead, t.deadline.text if t.deadline else None) for t in doc.tasks] == [([], "trước ngày 30/01/2021")]
    assert [w.code for w in doc.warnings if w.code.startswith("task")] == ["task_assignee_unclear"]


CONG_VAN = """BỘ NỘI VỤ
Số: 5211/BNV-CCHC

Hà Nội, ngày 12 tháng 9 năm 2025

Kính gửi: Các bộ, cơ quan ngang bộ

"""


def test_a_paragraph_that_only_says_by_when_belongs_to_the_request_above() -> None:
    # ld_014: the request, then a paragraph whose only news is the date
    body = CONG_VAN + (
        "Để tiếp tục hoàn thiện dự thảo Báo cáo, Bộ Nội vụ đề nghị các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ,"
        " Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương nghiên cứu, tham gia góp ý đối với dự thảo Báo cáo.\n"
        "Văn bản tham gia ý kiến của các bộ đề nghị gửi về Bộ Nội vụ trước ngày 30/9/2025 để tổng hợp./.\n"
    )
    assert _tasks(body) == [
        (["các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], [], "trước ngày 30/9/2025"),
    ]


def test_a_closing_formula_restates_the_requests_above() -> None:
    # ld_080's closing line, after a request to the same bodies
    body = CONG_VAN + (
        "Bộ Tư pháp đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo Sở Tư pháp rà soát các Hội Công chứng viên.\n"
        "Bộ Tư pháp trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm chỉ đạo thực hiện./.\n"
    )
    assert _tasks(body) == [(["Ủy ban nhân dân các tỉnh, thành phố"], [], None)]


def test_accountability_item_and_adverb_that_ends_a_name() -> None:
    body = UBND + (
        "1. Các sở, ban, ngành:\n"
        "a) Chủ trì, phối hợp với các Ngân hàng thương mại trên địa bàn tỉnh, VNPT Quảng Ngãi xây dựng Kế hoạch"
        " triển khai thực hiện nộp thuế điện tử.\n"  # qngai_ct2020_apr: "Ngân hàng" is no "hàng năm"
        "b) Người đứng đầu các cơ quan, đơn vị, địa phương chịu trách nhiệm trước UBND tỉnh, Chủ tịch UBND tỉnh nếu"
        " để xảy ra tình trạng vi phạm pháp luật.\n"  # qngai_ct16_2021 đ): accountability, no task
        "2. Yêu cầu Thủ trưởng các cơ quan, đơn vị và địa phương nghiêm túc triền khai thực hiện.\n"  # OCR's "triền"
        "3. Các cơ quan, tổ chức, đơn vị có liên quan có trách nhiệm phối hợp với Ban Thường trực Ủy ban Mặt trận"
        " Tổ quốc Việt Nam các cấp thực hiện những nhiệm vụ được quy định.\n"
    )
    found = _tasks(body)
    assert found[0][1][0].startswith("các Ngân hàng thương mại trên địa bàn tỉnh")  # not cut at "hàng"
    assert found[1:] == [
        (["Thủ trưởng các cơ quan, đơn vị và địa phương"], [], None),
        (["Các cơ quan, tổ chức, đơn vị có liên quan"], ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam các cấp"], None),
    ]


def test_a_decision_that_reads_as_a_regulation() -> None:
    # vbpl 36/2025/QĐ-TTg: a Quyết định whose articles are a regulation's ("Phạm vi điều chỉnh …")
    body = """THỦ TƯỚNG CHÍNH PHỦ
Số: 36/2025/QĐ-TTg

Hà Nội, ngày 29 tháng 9 năm 2025

QUYẾT ĐỊNH
Ban hành Hệ thống ngành kinh tế Việt Nam

Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
Quyết định này quy định Hệ thống ngành kinh tế Việt Nam.
Điều 2. Trách nhiệm của Bộ Tài chính
Bộ Tài chính có trách nhiệm hướng dẫn các cơ quan thống kê áp dụng Hệ thống ngành kinh tế.
Điều 3. Trách nhiệm thi hành
Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ chịu trách nhiệm thi hành Quyết định này.
"""
    assert [t.provision for t in parse_text(body).tasks] == ["3"]


def test_a_semicolon_ends_an_item_of_a_name_list() -> None:
    from vnadmin_nlp.extractors.tasking.names import items

    # qngai_ct16_2021's closing request
    assert items("Thủ trưởng các sở, ban ngành, Chủ tịch UBND các huyện, thị xã, thành phố, các cơ quan, đơn vị; các"
                 " doanh nghiệp trên địa bàn tỉnh")[-2:] == ["các cơ quan, đơn vị", "các doanh nghiệp trên địa bàn tỉnh"]
    assert items("Các bộ, các tỉnh") == ["Các bộ, các tỉnh"]  # a comma does not


QD_TTG = """THỦ TƯỚNG CHÍNH PHỦ
Số: 33/2025/QĐ-TTg

Hà Nội, ngày 15 tháng 9 năm 2025

QUYẾT ĐỊNH
Về Mạng truyền số liệu chuyên dùng phục vụ các cơ quan Đảng, Nhà nước

"""


def test_standing_duties_under_an_implementation_chapter_and_a_bodys_functions() -> None:
    # vbpl 33/2025/QĐ-TTg (doc_000629): "Trách nhiệm của Bộ …" articles in "Chương III TỔ CHỨC THỰC HIỆN"
    body = QD_TTG + (
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuyết định này quy định về hoạt động của Mạng.\n"
        "Chương III\nTỔ CHỨC THỰC HIỆN\n"
        "Điều 14. Trách nhiệm của Bộ Khoa học và Công nghệ\n"
        "1. Xây dựng chiến lược, quy hoạch, kế hoạch hoặc đề án phát triển Mạng truyền số liệu chuyên dùng.\n"
        "Điều 15. Trách nhiệm của Bộ Công an\n"
        "1. Chủ trì, phối hợp Bộ Khoa học và Công nghệ rà soát, hướng dẫn triển khai các biện pháp bảo đảm an ninh mạng.\n"
        "Chương IV\nĐIỀU KHOẢN THI HÀNH\nĐiều 20. Điều khoản thi hành\n"
        "1. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
        "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các cấp"
        " và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert [t.provision for t in parse_text(body).tasks] == ["IV.20.2"]
    # ld_057 (a decision that names a working group's members and states its function): the function is no
    # task, nor is a member named in a list; the execution clause, wrapped over lines, is one
    body = QD_TTG.replace("Về Mạng truyền số liệu chuyên dùng phục vụ các cơ quan Đảng, Nhà nước", "Về việc phê duyệt danh sách thành viên") + (
        "Điều 1. Phê duyệt thành viên Tổ Công tác cải cách hành chính, gồm:\n"
        "1. Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Tra, Tổ trưởng.\n"
        "6. Các thành viên Tổ Công tác:\n"
        "- Thứ trưởng Bộ Quốc phòng Thượng tướng Lê Huy Vịnh.\n"
        "- Phó Tổng Thanh tra Chính phủ Nguyễn Văn Cường.\n"
        "Điều 2. Chức năng, nhiệm vụ của Tổ Công tác cải cách hành chính\n"
        "Nghiên cứu, đề xuất với Chính phủ, Thủ tướng Chính phủ triển khai các nhiệm vụ về cải cách hành chính.\n"
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký ban hành.\n"
        "Các thành viên Tổ Công tác, Bộ trưởng, Thủ trưởng cơ quan ngang bộ,\n"
        "Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành\n"
        "phố trực thuộc trung ương, Thủ trưởng cơ quan, tổ chức có liên quan chịu trách\n"
        "nhiệm thi hành Quyết định này.\n"
    )
    tasks = parse_text(body).tasks
    assert [t.provision for t in tasks] == ["3"]
    assert tasks[0].lead[:2] == ["Các thành viên Tổ Công tác", "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ"]


def test_execution_clauses_with_long_or_semicolon_lists_and_a_wrapped_first_line() -> None:
    # vbpl_081 (Điều 17.4, 260 characters before the verb), vbai_12 (leads separated by ";"), bgddt_qd2605 (PDF:
    # the article's first line wraps: it is no title)
    body = QD_TTG + (
        "Điều 17. Điều khoản thi hành\n"
        "4. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân"
        " tỉnh, thành phố trực thuộc trung ương, Chủ tịch Hội đồng quản trị và Tổng Giám đốc Ngân hàng Chính sách xã hội"
        " chịu trách nhiệm thi hành Quyết định này.\n"
    )
    assert [t.lead[-1] for t in parse_text(body).tasks] == ["Chủ tịch Hội đồng quản trị và Tổng Giám đốc Ngân hàng Chính sách xã hội"]
    body = UBND + (
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành.\n"
        "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Nội vụ; Chủ tịch Hội Thiện nguyện Lan tỏa yêu thương Bình Thuận"
        " tỉnh Lâm Đồng; Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert [t.lead for t in parse_text(body).tasks] == [["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ",
        "Chủ tịch Hội Thiện nguyện Lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng", "Thủ trưởng các cơ quan, đơn vị có liên quan"]]
    body = UBND + (
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
        "Điều 3. Chánh Văn phòng, Thủ trưởng các đơn vị liên quan và các ông, bà có\n"
        "tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.\n"
    )
    assert [t.lead for t in parse_text(body).tasks] == [["Chánh Văn phòng", "Thủ trưởng các đơn vị liên quan", "các ông, bà có tên tại Điều 1"]]


CV_BINH_THUAN = """ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số: 253/UBND-NCKSTTHC
V/v gia hạn thời gian tổ chức Đại hội của Hiệp hội Doanh nghiệp tỉnh

Bình Thuận, ngày 20 tháng 02 năm 2025

Kính gửi: Hiệp hội Doanh nghiệp tỉnh

"""


def test_an_approval_is_no_task_and_a_later_clause_takes_its_date() -> None:
    # vbai_61: "Thống nhất gia hạn … chậm nhất đến ngày 30/9/2025" approves; khoản 2 refers to khoản 1's time
    body = CV_BINH_THUAN + (
        "1. Thống nhất gia hạn thời gian tổ chức đại hội Hiệp hội Doanh nghiệp tỉnh nhiệm kỳ V chậm nhất đến ngày 30/9/2025."
        " Quá thời gian trên, Hiệp hội Doanh nghiệp tỉnh không tổ chức đại hội, Chủ tịch Ủy ban nhân dân tỉnh sẽ xem xét xử lý.\n"
        "2. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Nội vụ làm việc với Ban Chấp hành Hiệp hội Doanh nghiệp tỉnh"
        " về nhân sự; hướng dẫn, hỗ trợ việc tổ chức đại hội Hiệp hội Doanh nghiệp tỉnh đảm bảo hoàn thành theo thời gian"
        " tại khoản 1 Công văn này./.\n"
    )
    doc = parse_text(body)
    assert _tasks(body) == [(["Sở Kế hoạch và Đầu tư"], ["Sở Nội vụ"], "chậm nhất đến ngày 30/9/2025")]
    assert [d.date for d in doc.deadlines] == ["2025-09-30"]


def test_the_issuers_own_plan_is_read_in_the_triggers_clause_only() -> None:
    # ld_070 (OCR'd): a forecast before the request, in another clause; the issuer (with its parent body) thanks
    body = CONG_VAN.replace("BỘ NỘI VỤ", "BỘ CÔNG AN\nCỤC CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY") + (
        "2. Về cơ sở cai nghiện ma tuý\n"
        "Tỉnh Lâm Đồng hiện có 04 cơ sở cai nghiện, dự kiến sẽ được hỗ trợ khoảng 400 tỷ đồng từ ngân sách trung ương;"
        " đề nghị Ủy ban nhân dân tỉnh báo cáo Hội đồng nhân dân cân đối ngân sách địa phương ngay trong năm 2026.\n"
        "Đề nghị Ủy ban nhân dân tỉnh sớm cấp giấy chứng nhận quyền sử dụng đất đối với các cơ sở cai nghiện.\n"
        "3. Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an - Cơ quan Thường trực Chương trình trân trọng cảm ơn"
        " sự quan tâm chỉ đạo của Đồng chí./.\n"
    )
    assert _tasks(body) == [(["Ủy ban nhân dân tỉnh"], [], "trong năm 2026"), (["Ủy ban nhân dân tỉnh"], [], None)]


def test_the_day_of_an_unnamed_period_is_null_with_a_warning() -> None:
    # vbpl_135 (dev): "tháng cuối kỳ báo cáo" names no cycle: no deadline rather than a guessed one
    body = NGHI_DINH + "Điều 12. Tổ chức thực hiện\n1. Bộ Tài chính gửi báo cáo chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo.\n"
    doc = parse_text(body)
    assert not [d for d in doc.deadlines if "20" in d.text]
    assert [w.code for w in doc.warnings if w.code.startswith("deadline")] == ["deadline_cycle_unclear"]
