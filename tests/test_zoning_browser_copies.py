"""Issue 17: the header read from a browser's copy of a page (lynx, w3m -dump) or a hard-wrapped text.

A browser prints each paragraph of the page apart with a blank line, and a line break inside the trích yếu too;
it wraps long lines at about 72 columns, also inside the header's cells.  The lines below are taken from lynx's
copies of development-set pages (vbpl_004, vbpl_237, vbpl_125, vbpl_623, vbpl_130, vbpl_083).
"""
from __future__ import annotations

from vnadmin_nlp import parse_text
from vnadmin_nlp.readers.text import browser_marks

HEAD = """\
   CHÍNH PHỦ

                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

                    Độc lập - Tự do - Hạnh phúc

                            Số: 43/2026/NĐ-CP

                   Hà Nội, ngày 26 tháng 01 năm 2026

                               {title}

"""


def _doc(title: str, body: str):
    return parse_text(HEAD.format(title=title) + body)


def test_subject_goes_on_over_one_blank_line_in_lower_case_and_stops_at_can_cu():
    doc = _doc("NGHỊ ĐỊNH", """\
    Sửa đổi, bổ sung một số điều của các nghị định

    trong lĩnh vực bảo tồn thiên nhiên và đa dạng sinh học

    Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
""")
    assert doc.subject == "Sửa đổi, bổ sung một số điều của các nghị định trong lĩnh vực bảo tồn thiên nhiên và đa dạng sinh học"


def test_subject_goes_on_after_a_line_that_cannot_end_it():
    doc = _doc("THÔNG TƯ", """\
    Bãi bỏ một số văn bản quy phạm pháp luật thuộc thẩm quyền của

    Bộ trưởng Bộ Công Thương

    Căn cứ Luật Ban hành văn bản quy phạm pháp luật;
""")
    assert doc.subject == "Bãi bỏ một số văn bản quy phạm pháp luật thuộc thẩm quyền của Bộ trưởng Bộ Công Thương"


def test_capital_subject_goes_on_but_not_into_the_enacting_body_or_the_authority():
    law = _doc("LUẬT", """\
    SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT CÔNG NGHIỆP

    QUỐC PHÒNG, AN NINH VÀ ĐỘNG VIÊN CÔNG NGHIỆP

    QUỐC HỘI

    Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
""")
    assert law.subject == "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT CÔNG NGHIỆP QUỐC PHÒNG, AN NINH VÀ ĐỘNG VIÊN CÔNG NGHIỆP"
    decision = _doc("QUYẾT ĐỊNH", """\
    VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC

    CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

    Căn cứ Luật Tổ chức chính quyền địa phương;
""")
    assert decision.subject == "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC"


def test_two_blank_lines_or_a_closed_sentence_still_end_the_subject():
    doc = _doc("THÔNG BÁO", """\
    Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp


    về tình hình thực hiện dự án
""")
    assert doc.subject == "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp"
    doc = _doc("THÔNG BÁO", """\
    Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp.

    a) các sở, ngành triển khai ngay
""")
    assert doc.subject == "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp."


def test_a_date_wrapped_in_its_cell_is_read_and_one_cut_by_a_blank_line_is_not():
    text = """\
   BỘ TƯ PHÁP
   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   Độc lập - Tự do - Hạnh phúc
   Số: 22/2025/TT-BTP

   Hà Nội, ngày 14
   tháng 11 năm 2025

   THÔNG TƯ
   Quy định về trang phục, phù hiệu, cấp hiệu, thẻ Chấp hành viên,

   thẻ Thẩm tra viên trong hệ thống thi hành án dân sự

   Căn cứ Luật Thi hành án dân sự;
"""
    doc = parse_text(text)
    assert (doc.date, doc.place) == ("2025-11-14", "Hà Nội")
    assert doc.subject.endswith("thẻ Chấp hành viên, thẻ Thẩm tra viên trong hệ thống thi hành án dân sự")
    year = parse_text(text.replace("ngày 14\n   tháng 11 năm 2025", "ngày 14 tháng 11 năm\n   2025"))  # w3m, vbpl_608
    assert year.date == "2025-11-14"
    cut = parse_text(text.replace("ngày 14\n", "ngày 14\n\n"))  # two paragraphs: no date is guessed
    assert cut.date is None
    assert any(w.code == "date_missing" for w in cut.warnings)


def test_a_place_starts_a_word_not_inside_the_symbol_before_it():
    doc = parse_text("THỦ TƯỚNG CHÍNH PHỦ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "Số: 01/2026/QĐ-TTg Hà Nội, ngày 01 tháng 01 năm 2026\n\nQUYẾT ĐỊNH\n\n"
                     "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng\n\nCăn cứ Luật Tổ chức Chính phủ;\n")
    assert (doc.number.text, doc.date, doc.place) == ("01/2026/QĐ-TTg", "2026-01-01", "Hà Nội")
    assert doc.subject == "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"


def test_the_adoption_sentence_of_a_law_is_read_across_a_wrap():
    text = """\
                                QUỐC HỘI

                          Luật số: 127/2025/QH15

                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

                    Độc lập - Tự do - Hạnh phúc

                                   LUẬT

                          THI HÀNH ÁN HÌNH SỰ


   Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;

   Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV,
   Kỳ họp thứ 10 thông qua ngày 10 tháng 12 năm 2025.
"""
    doc = parse_text(text)
    assert doc.subject == "THI HÀNH ÁN HÌNH SỰ"
    assert doc.date == "2025-12-10"  # a law prints no date line: its closing sentence dates it
    cut = parse_text(text.replace("khóa XV,\n", "khóa XV,\n\n"))  # two paragraphs: not one sentence
    assert cut.date is None


def test_lynx_marks_are_not_text():
    assert browser_marks("   [] Luật số: 127/2025/QH15") == "      Luật số: 127/2025/QH15"
    assert browser_marks("    [DEL:    :DEL]") == "    " + "-" * 14
    assert browser_marks("lưu giữ mẫu vật củ[DEL: a :DEL] địa phương") == "lưu giữ mẫu vật của địa phương"
    assert browser_marks("   CHÍNH PHỦ^\n   dự án^1: a") == "   CHÍNH PHỦ \n   dự án^1: a"
    assert browser_marks("[1] điểm [a]") == "[1] điểm [a]"
    # w3m: "[S: … :S]"; struck spaces wrapped over two lines leave no line behind
    assert browser_marks("BỘ TÀI CHÍNH\n   [S:\n   :S]\nSố 06/2026/TT-BTC") == "BỘ TÀI CHÍNH\nSố 06/2026/TT-BTC"
    assert browser_marks("   [S:      :S]") == "   " + "-" * 12


def test_a_signature_flattened_onto_one_line_is_cut_at_the_signed_note():
    doc = _doc("THÔNG TƯ", """\
    Quy định về hoạt động thanh toán

    Căn cứ Luật Ngân hàng Nhà nước Việt Nam;

    Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026./.

    KT. THỐNG ĐỐC
    PHÓ THỐNG ĐỐC ( đã ký ) Đoàn Thái Sơn
""")
    (signer,) = doc.signers
    assert (signer.position, signer.name) == ("PHÓ THỐNG ĐỐC", "Đoàn Thái Sơn")


def test_a_name_wrapped_onto_the_next_line_is_one_name():
    doc = _doc("THÔNG TƯ", """\
    Quy định về quản lý dữ liệu

    Căn cứ Luật Dữ liệu;

    Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026./.

    BỘ TRƯỞNG
    (Đã ký)
    Nguyễn Mạnh
    Hùng
""")
    assert doc.signers[0].name == "Nguyễn Mạnh Hùng"


def test_the_quoc_hieu_in_the_next_column_is_not_named_inside_a_sentence():
    doc = parse_text("""\
   NGÂN HÀNG NHÀ NƯỚC  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   VIỆT NAM
   -------             Độc lập - Tự do - Hạnh phúc
   Số: 50/2025/TT-NHNN Hà Nội, ngày 30 tháng 12 năm 2025

   THÔNG TƯ
   Quy định về hoạt động cho vay

   Căn cứ Luật Ngân hàng Nhà nước Việt Nam;
""")
    assert doc.issuer.name == "Ngân hàng Nhà nước Việt Nam"
    sentence = parse_text("Hiệp định giữa Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam và Chính phủ Nhật Bản\n")
    assert sentence.issuer is None
