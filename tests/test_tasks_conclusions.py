"""Tasks of a thông báo kết luận (issue 13): the forms a conclusion prints (``Giao Sở X chủ trì, phối hợp với …``,
``Yêu cầu …``, ``UBND tỉnh giao …``, ``Sở X: Chủ trì …``, ``Đề nghị …``; ``Đồng ý …`` and ``Thống nhất …`` approve,
they assign nothing) in GENERATED sentences, and its closing (``… thông báo để X biết, thực hiện``) on the real
lines of the development set (qngai_tb660_2025, seed_002).  Also the name lists these documents print: ``Giao các
sở: Nông nghiệp và Phát triển nông thôn, …, Xây dựng`` (vbai_04), a kind of body in lower case after a proper name
(vbpl.vn doc_000574), words OCR misreads in a body's name; and a task table a PDF gives line by line, where no
task is read (null, with a warning)."""
from __future__ import annotations

from vnadmin_nlp import parse_text
from vnadmin_nlp.extractors.tasking.names import items

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 120/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 05 tháng 5 năm 2025
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp nghe báo cáo tiến độ dự án Đường ven biển
Ngày 02/5/2025, Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo tiến độ dự án. Sau khi nghe báo cáo và ý kiến \
của các thành viên dự họp, Chủ tịch UBND tỉnh kết luận như sau:
"""
CLOSING = """Nơi nhận:
- CT, PCT UBND tỉnh;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Nguyễn Văn B
"""
BODY = """1. Đồng ý chủ trương đầu tư dự án Đường ven biển Dung Quất - Sa Huỳnh giai đoạn 2.
2. Thống nhất với đề xuất của Sở Kế hoạch và Đầu tư tại Tờ trình số 45/TTr-SKHĐT ngày 20/4/2025.
3. Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Xây dựng và các cơ quan liên quan rà soát, \
tham mưu UBND tỉnh bố trí kinh phí, hoàn thành trước ngày 30/6/2025.
4. Yêu cầu UBND huyện Bình Sơn khẩn trương hoàn thành công tác giải phóng mặt bằng, bàn giao cho chủ đầu tư trong \
tháng 7/2025.
5. UBND tỉnh giao Sở Xây dựng hướng dẫn UBND các huyện thực hiện.
6. Sở Nội vụ: Chủ trì, phối hợp với Sở Tư pháp tham mưu UBND tỉnh ban hành Quyết định kiện toàn Ban Chỉ đạo.
7. Đề nghị Ủy ban MTTQ Việt Nam tỉnh, Tỉnh đoàn phối hợp vận động nguồn lực.
8. Giao các sở: Nông nghiệp và Phát triển nông thôn, Thông tin và Truyền thông, Xây dựng đôn đốc, hướng dẫn các hội \
được phân công quản lý.
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./.
"""


def _tasks(body: str) -> list[tuple[list[str], list[str], str | None]]:
    doc = parse_text(HEAD + body + CLOSING)
    return [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in doc.tasks]


def test_conclusion_forms():
    assert _tasks(BODY) == [
        (["Sở Tài chính"], ["Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "các cơ quan liên quan"], "trước ngày 30/6/2025"),
        (["UBND huyện Bình Sơn"], [], "trong tháng 7/2025"),
        (["Sở Xây dựng"], [], None),
        (["Sở Nội vụ"], ["Sở Tư pháp"], None),
        (["Ủy ban MTTQ Việt Nam tỉnh", "Tỉnh đoàn"], [], None),
        (["Sở Nông nghiệp và Phát triển nông thôn", "Sở Thông tin và Truyền thông", "Sở Xây dựng"], [], None),
        (["các cơ quan, đơn vị, địa phương"], [], None),  # the closing: not the office that speaks
    ]


def test_closing_of_the_devset_notices():
    # qngai_tb660_2025 (OCR: "đê" for "để") and seed_002
    tb660 = ("Nay thông báo kết luận của Chủ tịch UBND tỉnh, kiêm Phó Trưởng\nBan Thường trực Ban Chỉ đạo xoá nhà tạm, "
             "nhà đột nát trên địa bàn tỉnh đê\ncác cơ quan, đơn vị, địa phương biết, triển khai thực hiện ./.\n")
    assert _tasks(tb660) == [(["các cơ quan, đơn vị, địa phương"], [], None)]
    seed = ("Bộ Thông tin và Truyền thông thông báo kết luận của Bộ trưởng Nguyễn Mạnh Hùng tại Hội nghị Giao ban "
            "công tác QLNN Quý III/2022 theo hình thức trực tuyến với các Sở TTTT để các cơ quan, đơn vị doanh nghiệp "
            "thuộc Bộ, Sở TTTT, cơ quan, đơn vị chuyên trách về CNTT thuộc các Bộ, cơ quan ngang Bộ quán triệt và "
            "triển khai thực hiện./.\n")
    [(lead, _, _)] = _tasks(seed)
    assert lead[0] == "các cơ quan, đơn vị doanh nghiệp thuộc Bộ"


def test_notice_for_information_only_asks_nothing():
    assert _tasks("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị, địa phương biết./.\n") == []


def test_name_items():
    # vbpl.vn doc_000574; nd19_2019 (a party after "và"); OCR's "tô chức" (bgddt_qd2827_2025), "Chỉ nhánh" (qngai_ct16)
    assert items("Thủ trưởng các đơn vị thuộc Ngân hàng Nhà nước Việt Nam, tổ chức tín dụng cổ phần") == [
        "Thủ trưởng các đơn vị thuộc Ngân hàng Nhà nước Việt Nam", "tổ chức tín dụng cổ phần"]
    assert items("Chủ tịch Ủy ban nhân dân các cấp và cá nhân, tổ chức có liên quan") == [
        "Chủ tịch Ủy ban nhân dân các cấp", "cá nhân, tổ chức có liên quan"]
    assert items("Chánh Văn phòng, Thủ trưởng các đơn vị liên quan thuộc Bộ và các tô chức, cá nhân có liên quan") == [
        "Chánh Văn phòng", "Thủ trưởng các đơn vị liên quan thuộc Bộ", "các tổ chức, cá nhân có liên quan"]
    assert items("Ngân hàng Nhà nước - Chỉ nhánh Quảng Ngãi") == ["Ngân hàng Nhà nước - Chi nhánh Quảng Ngãi"]
    # unchanged: the collective goes on, a body known by its initials starts an item
    assert items("Thủ trưởng các cơ quan, tổ chức và cá nhân có liên quan") == ["Thủ trưởng các cơ quan, tổ chức và cá nhân có liên quan"]
    assert items("Các Ngân hàng thương mại trên địa bàn tỉnh, VNPT Quảng Ngãi") == [
        "Các Ngân hàng thương mại trên địa bàn tỉnh", "VNPT Quảng Ngãi"]


def test_support_names_with_a_verb_inside():
    # vbpl.vn doc_000545 (a kind of body with "quản lý" inside); qngai_ct2021_05jan (a semicolon ends an item)
    from vnadmin_nlp.extractors.tasking.support import support
    from vnadmin_nlp.lexicon.fold import fold
    line = ("Là đầu mối phối hợp với các đơn vị thuộc Văn phòng Chính phủ và các cơ quan quản lý nhà nước có liên quan "
            "trong tiếp nhận, tổ chức thực hiện chế độ báo cáo định kỳ")
    assert support(line, fold(line), 0, len(line), anywhere=True)[0] == [
        "các đơn vị thuộc Văn phòng Chính phủ", "các cơ quan quản lý nhà nước có liên quan"]
    line = "Phối hợp với các sở, ngành; cơ quan thông tấn, báo chí tô chức tuyên truyền thường xuyên"
    assert support(line, fold(line), 0, len(line), anywhere=True)[0] == ["các sở, ngành", "cơ quan thông tấn, báo chí"]


def test_table_read_as_lines_gives_no_task_and_says_so():
    # a plan's task table as a PDF's text gives it: the cells' lines interleaved (generated from a DOCX table)
    lines = ("1. Nhiệm vụ cụ thể\nRà soát\nSở Nông\n- Sở Tư\nQuý IV\nDanh mục nghiệp và pháp\nnăm 2025\nthủ tục\n"
             "Phát triển - Văn\nhành\nnông thôn, phòng\nchính thay Sở Giao\nUBND\nthế\nthông vận tỉnh\ntải\n")
    doc = parse_text(HEAD + lines + CLOSING)
    assert doc.tasks == []
    assert any(w.code == "task_assignee_unclear" and "table read as lines" in w.message for w in doc.warnings)
