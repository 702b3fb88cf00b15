"""Citation relations read from the clause of each mention (issue 13, session 13): an amending cue that is another
document's act (a passive, a proposal), quotations, lists under an article heading or a 'hết hiệu lực' intro,
items of a Căn cứ line after a semicolon, capitalised law names.  The lines are from development documents
(vbpl_019, vbpl_075, vbpl_237, vbpl_261, vbpl_452, vbpl_484, vbpl_574, vbpl_744, btc_tt40)."""
from __future__ import annotations

from vnadmin_nlp import parse_text


def _rels(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(c.number or c.text, c.doc_type, c.relation) for c in parse_text(text).citations]


def test_an_amending_act_in_a_can_cu_line_is_basis():
    got = _rels("Căn cứ Luật Công an nhân dân số 37/2018/QH14 được sửa đổi, bổ sung bởi Luật số 21/2023/QH15;")
    assert got == [("37/2018/QH14", "Luật", "basis"), ("21/2023/QH15", "Luật", "basis")]
    # a run of cues after the passive ("được sửa đổi, bổ sung một số điều bởi") and a list of amending laws
    got = _rels("Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung một số điều bởi các Luật số "
                "43/2024/QH15, số 47/2024/QH15;")
    assert [r for _, _, r in got] == ["basis", "basis", "basis"]


def test_the_passive_outside_can_cu_only_refers():
    got = _rels("Nghị định này quy định điều kiện tài sản bảo đảm của khoản nợ xấu được thu giữ theo điểm đ khoản 2 "
                "Điều 198a Luật Các tổ chức tín dụng số 32/2024/QH15 được sửa đổi, bổ sung bởi Luật số 96/2025/QH15.")
    assert got[-2:] == [("32/2024/QH15", "Luật", "refers"), ("96/2025/QH15", "Luật", "refers")]
    # this document amends Nghị định 156; Nghị định 91 and 27 amended it before: refers
    got = _rels("1. Sửa đổi, bổ sung khoản 6, khoản 9 Điều 3 Nghị định số 156/2018/NĐ-CP được sửa đổi, bổ sung tại "
                "khoản 1 Điều 1 Nghị định số 91/2024/NĐ-CP và khoản 1 Điều 1 Nghị định số 27/2024/NĐ-CP như sau:")
    assert [r for _, _, r in got] == ["amends", "refers", "refers"]
    # "đã được bổ sung" (no cue word of its own) after a repeal
    got = _rels("Điều 2. Bãi bỏ điểm c khoản 6 Điều 70b Nghị định số 26/2019/NĐ-CP đã được bổ sung tại khoản 36 "
                "Điều 1 Nghị định số 37/2024/NĐ-CP.")
    assert [r for _, _, r in got] == ["repeals", "refers"]


def test_a_proposal_to_amend_is_no_amendment():
    got = _rels("3. Bộ Nông nghiệp và Môi trường có trách nhiệm tham mưu Chính phủ rà soát, đề xuất sửa đổi, bổ "
                "sung khoản 1 Điều 5 Luật Đất đai.")
    assert got == [("Luật Đất đai", "Luật", "refers")]


def test_mentions_in_quoted_new_wording_refer():
    d = parse_text(
        "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 156/2018/NĐ-CP như sau:\n"
        "1. Sửa đổi khoản 2 Điều 5 như sau:\n"
        "“a) Dự án được Quốc hội chấp thuận chủ trương đầu tư theo quy định của Luật Đầu tư công, Luật Đầu tư;\n"
        "b) Hồ sơ theo Mẫu số 02 ban hành kèm theo Nghị định này.”"
    )
    got = [(c.text, c.relation) for c in d.citations]
    assert got[0] == ("Nghị định số 156/2018/NĐ-CP", "amends")
    assert got[1:] == [("Luật Đầu tư công", "refers"), ("Luật Đầu tư", "refers"), ("Nghị định này", "refers")]


def test_items_under_a_repealing_article_heading_without_a_colon():
    got = _rels(
        "Điều 1. Bãi bỏ toàn bộ một số văn bản quy phạm pháp luật thuộc thẩm quyền của Bộ trưởng Bộ Công Thương\n"
        "1. Quyết định số 69/2003/QĐ-BCN ngày 25 tháng 4 năm 2003 của Bộ trưởng Bộ Công nghiệp về việc ban hành "
        "quy định kiểm kê than tồn kho.\n"
        "2. Thông tư số 13/2017/TT-BCT ngày 03 tháng 8 năm 2017 của Bộ trưởng Bộ Công Thương sửa đổi, bổ sung một "
        "số điều của Thông tư số 56/2014/TT-BCT quy định phương pháp xác định giá phát điện.\n"
        "Điều 2. Điều khoản thi hành\n1. Thông tư số 40/2010/TT-BCT được dẫn chiếu."
    )
    assert got[:3] == [("69/2003/QĐ-BCN", "Quyết định", "repeals"), ("13/2017/TT-BCT", "Thông tư", "repeals"),
                       ("56/2014/TT-BCT", "Thông tư", "refers")]
    assert got[3] == ("40/2010/TT-BCT", "Thông tư", "refers")  # another article's heading names no repeal


def test_items_after_a_het_hieu_luc_intro_and_pinpoint_lists():
    got = _rels("2. Kể từ ngày Thông tư này có hiệu lực thi hành, các văn bản, quy định sau đây hết hiệu lực thi "
                "hành:\na) Thông tư số 26/2012/TT-NHNN ngày 13 tháng 9 năm 2012 của Thống đốc Ngân hàng Nhà nước;")
    assert got[-1] == ("26/2012/TT-NHNN", "Thông tư", "repeals")
    got = _rels("Thông tư này có hiệu lực thi hành sau 15 ngày kể từ ngày ký và thay thế các qui định tại điểm 1.3, "
                "mục III, phần B Thông tư số 63/1998/TT-BTC ngày 13/5/1998; điểm 1.b, mục II, phần thứ hai Thông tư "
                "số 89/1999/TT-BTC ngày 16/7/1999 của Bộ Tài chính.")
    assert got[-2:] == [("63/1998/TT-BTC", "Thông tư", "replaces"), ("89/1999/TT-BTC", "Thông tư", "replaces")]


def test_a_can_cu_line_item_after_a_semicolon_is_basis():
    got = _rels("Căn cứ Nghị định số 78/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều và biện pháp để tổ "
                "chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật; Nghị định số 79/2025/NĐ-CP ngày "
                "01 tháng 4 năm 2025 của Chính phủ về kiểm tra, rà soát văn bản quy phạm pháp luật;")
    assert [r for _, _, r in got] == ["basis", "refers", "basis"]


def test_a_capital_makes_a_law_name_of_a_word_that_never_starts_one():
    got = _rels("Căn cứ Luật Các tổ chức tín dụng số 32/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;")
    assert got[0] == ("32/2024/QH15", "Luật", "basis")
    assert parse_text("Căn cứ Luật Các tổ chức tín dụng số 32/2024/QH15;").citations[0].text == \
        "Luật Các tổ chức tín dụng số 32/2024/QH15"
    # lower case: still no name ("theo luật các quy định …" names no law)
    assert _rels("Các bên thực hiện theo luật các quy định hiện hành.") == []


def test_no_deadline_from_a_rate_or_a_reports_results_and_none_with_a_warning_for_an_unnamed_cycle():
    # vbpl_629, qngai_bc22: a rate and what was done are no deadlines
    assert parse_text("phải bảo đảm cung cấp dịch vụ liên tục 24/7 (24 giờ trong 01 ngày và 07 ngày trong một "
                      "tuần, kể cả ngày nghỉ lễ, Tết).").deadlines == []
    assert parse_text("UBND tỉnh Quảng Ngãi báo cáo kết quả thực hiện trong tháng 01 năm 2025 về công tác cải "
                      "cách hành chính.").deadlines == []
    # vbpl_135: the day of a reporting cycle the text does not name: null, and a warning quoting it
    d = parse_text("b) Thời hạn gửi báo cáo: chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo.")
    assert d.deadlines == []
    assert any(w.code == "deadline_cycle_unclear" and "tháng cuối kỳ báo cáo" in w.message for w in d.warnings)


def test_a_letter_amends_nothing_and_a_rule_followed_is_a_reference():
    # ld_077: a công văn on a draft decree; vbpl_075: the rule an act follows
    d = parse_text("CÔNG VĂN\nV/v góp ý dự thảo\nBộ Tư pháp đề nghị cho ý kiến về Nghị định sửa đổi, bổ sung một số "
                   "điều của Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ.")
    assert [(c.number, c.relation) for c in d.citations if c.number] == [("118/2025/NĐ-CP", "refers")]
    got = _rels("2. Việc tạm dừng cuộc thanh tra, đình chỉ cuộc thanh tra thực hiện theo quy định của Luật Thanh tra.")
    assert got == [("Luật Thanh tra", "Luật", "refers")]


def test_the_type_code_names_a_report_called_a_letter():
    # vbai_20: "Công văn số 01/BC-HHNM" is a báo cáo; "55/TC-TCT" keeps the word (TC: an old issuer code)
    assert _rels("Ủy ban nhân dân tỉnh nhận được Công văn số 01/BC-HHNM ngày 24/12/2024 của Hiệp hội Nước mắm "
                 "Phan Thiết")[0][:2] == ("01/BC-HHNM", "Báo cáo")
    assert _rels("theo Công văn số 55/TC-TCT")[0][:2] == ("55/TC-TCT", "Công văn")


def test_ocr_slips_in_numbers():
    # bgddt_qd2605, bgddt_qd2827, qngai_ct16 (OCR of scans): the text keeps what was read
    [c] = parse_text("Căn cứ Nghị định số 1 18/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ;").citations
    assert (c.number, c.text) == ("118/2025/NĐ-CP", "Nghị định số 1 18/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ")
    [c] = parse_text("- Quyết định số 1280/QĐĐ-BGDĐT ngày 12/5/2025 của Bộ trưởng").citations
    assert c.number == "1280/QĐ-BGDĐT" and "QĐĐ" in c.text
    [c] = parse_text("a) Tiếp tục thực hiện nghiêm túc Kế hoạch số 119/KH-BCĐ38§9QNg ngày 02/12/2021").citations
    assert c.number == "119/KH-BCĐ389QNg"
    # a digit run split by junk is unreadable: no number rather than a wrong one ("4/QĐ-BGDĐT")
    assert parse_text("- Quyết định số 12§4/QĐ-BGDĐT ngày 13/5/2025 của Bộ trưởng").citations == []
    # digits split by a space are joined only after "số"
    assert parse_text("Căn cứ Nghị định số 118/2025/NĐ-CP;").citations[0].number == "118/2025/NĐ-CP"


def test_numbers_in_an_amending_laws_title_list_are_the_amended_laws():
    # vbpl_019: the amending law prints no number of its own; the four amended laws keep theirs (refers)
    d = parse_text("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số "
                   "27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15, Luật Các tổ chức tín dụng số "
                   "32/2024/QH15 ngày 29 tháng 6 năm 2024;")
    got = [(c.number, c.relation) for c in d.citations]
    assert got == [(None, "basis"), ("31/2024/QH15", "refers"), ("27/2023/QH15", "refers"),
                   ("29/2023/QH15", "refers"), ("32/2024/QH15", "refers")]
    # one number after the title: the amending law's
    d = parse_text("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức số "
                   "52/2019/QH14;")
    assert [(c.number, c.relation) for c in d.citations] == [("52/2019/QH14", "basis"), (None, "refers"), (None, "refers")]


def test_a_cue_after_the_head_of_a_sentence_and_bo_sung_before_a_provision():
    # nhnn_tt01_2006: the rules of the old circular lapse; the documents in its subject only refer
    got = _rels("Các quy định tại Thông tư số 06/2003/TT-NHNN ngày 10/04/2003 của Thống đốc Ngân hàng Nhà nước về việc "
                "hướng dẫn một số nội dung về góp vốn thành lập Quỹ bảo lãnh tín dụng cho các doanh nghiệp nhỏ và vừa "
                "của tổ chức tín dụng theo Quyết định số 193/2001/QĐ-TTg ngày 20/12/2001 của Thủ tướng Chính phủ và "
                "Nghị quyết số 02/2003/NQ-CP ngày 17/01/2003 của Chính phủ, hết hiệu lực thi hành.")
    assert [r for _, _, r in got] == ["repeals", "refers", "refers"]
    assert parse_text("theo Quyết định số 193/2001/QĐ-TTg ngày 20/12/2001 của Thủ tướng Chính phủ và Nghị quyết số "
                      "02/2003/NQ-CP").citations[0].text.endswith("của Thủ tướng Chính phủ")
    # vbpl_145: "Bổ sung điểm e …" amends; vbpl_618: a cue opening its own line is not the previous title's
    assert _rels("Điều 1. Bổ sung điểm e khoản 2 Điều 5 Thông tư số 28/2021/TT-BLĐTBXH ngày 28/12/2021 của Bộ trưởng "
                 "Bộ Lao động - Thương binh và Xã hội:")[0][2] == "amends"
    got = _rels("Điều 1. Bãi bỏ toàn bộ Thông tư số 31/2015/TT-BYT ngày 14 tháng 10 năm 2015 của Bộ trưởng Bộ Y tế quy "
                "định việc áp dụng chế độ bồi dưỡng, thời gian và số người thực hiện giám định\nBãi bỏ toàn bộ Thông tư "
                "số 31/2015/TT-BYT ngày 14 tháng 10 năm 2015 của Bộ trưởng Bộ Y tế.")
    assert [r for _, _, r in got] == ["repeals", "repeals"]


def test_the_documents_own_number_under_its_head_is_no_citation():
    # vbpl_574: an appendix's "(Ban hành kèm theo Thông tư số …)" line names the document itself
    text = ("NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM\nSố: 47/2025/TT-NHNN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Hà Nội, ngày 15 tháng 12 năm 2025\nTHÔNG TƯ\nQuy định về chấp thuận\nĐiều 1. Phạm vi\n"
            "Thông tư này quy định …\nPhụ lục I\n(Ban hành kèm theo Thông tư số 47/2025/TT-NHNN của Thống đốc Ngân "
            "hàng Nhà nước Việt Nam)\n")
    assert [c.number for c in parse_text(text).citations if c.number] == []
