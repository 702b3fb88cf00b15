"""Issue 17, the PDF copies: what `pdftotext -layout` and a PDF printed by LibreOffice do to a header and a closing,
and how the readers and the zoning read them back.  The lines are real lines of converted dev pages (vbpl_023,
vbpl_274, vbpl_280, vbpl_357, vbpl_630, vbpl_029, vbpl_524, vbpl_322, vbpl_594, vbpl_618, vbpl_330), shortened."""
from __future__ import annotations

from pathlib import Path

from vnadmin_nlp import parse_file
from vnadmin_nlp.readers.lines import column_gap, value_cut
from vnadmin_nlp.readers.text_columns import column_blocks
from vnadmin_nlp.zoning.closing_lines import is_authority

BODY = "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 1. Phạm vi điều chỉnh\nNghị quyết này quy định chi tiết.\n"


def _cells(text: str) -> list[tuple[int, str]]:
    return [(b.col, b.text) for b in column_blocks(text) if b.kind == "cell"]


def _parse(tmp_path: Path, text: str):
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


# -- the header -------------------------------------------------------------------------------------------------

NUMBER_BELOW_LABEL = (  # vbpl_023: the label ends the left column beside the motto, the number under it
    "ỦY BAN THƯỜNG VỤ QUỐC              CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
    "HỘI                                VIỆT NAM\n"
    "\n"
    "Nghị quyết số:                     Độc lập - Tự do - Hạnh phúc\n"
    "115/2025/UBTVQH15\n"
    "\n"
    "NGHỊ QUYẾT\n"
    "Quy định chi tiết và hướng dẫn thi hành Luật Hoạt động giám sát\n"
    "\n"
)


def test_a_number_label_beside_the_motto_ends_its_column_and_takes_the_number_below(tmp_path):
    assert column_gap("Nghị quyết số:", "Độc lập - Tự do - Hạnh phúc")
    assert not column_gap("Số:", "/QĐ-UBND") and not column_gap("ngày", "tháng 3 năm 2025")  # blanks stay
    assert _cells(NUMBER_BELOW_LABEL) == [
        (0, "ỦY BAN THƯỜNG VỤ QUỐC HỘI"), (0, "Nghị quyết số: 115/2025/UBTVQH15"),
        (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1, "Độc lập - Tự do - Hạnh phúc")]
    doc = _parse(tmp_path, NUMBER_BELOW_LABEL + BODY)
    assert doc.number.text == "115/2025/UBTVQH15" and doc.doc_type.name == "Nghị quyết"
    assert doc.subject.startswith("Quy định chi tiết")


def test_a_number_label_and_its_number_on_the_next_line_outside_the_columns(tmp_path):
    text = ("ỦY BAN THƯỜNG VỤ QUỐC HỘI             CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"  # vbpl_072
            "                                                VIỆT NAM\n"
            "                                       Độc lập - Tự do - Hạnh phúc\n\n\n"
            "          Nghị quyết số:\n"
            "       106/2025/UBTVQH15\n\n"
            "NGHỊ QUYẾT\nQUY ĐỊNH SỐ LƯỢNG PHÓ CHỦ TỊCH HỘI ĐỒNG NHÂN DÂN\n\n")
    doc = _parse(tmp_path, text + BODY)
    assert doc.number.text == "106/2025/UBTVQH15" and doc.doc_type.name == "Nghị quyết"
    assert doc.subject == "QUY ĐỊNH SỐ LƯỢNG PHÓ CHỦ TỊCH HỘI ĐỒNG NHÂN DÂN"


def test_the_quoc_hieu_run_into_the_issuer_with_one_space_is_cut_off(tmp_path):
    text = ("THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n"  # vbpl_280
            "____________\n"
            "                    NAM\n\n"
            "                               Độc lập Tự do - Hạnh phúc\n\n\n\n"
            "   Số: 47/2025/QĐ-TTg                 Hà Nội, ngày 11 tháng 12 năm 2025\n\n"
            "QUYẾT ĐỊNH\nBan hành Quy chế phối hợp hoạt động\n\n")
    assert _cells(text)[:3] == [(0, "THỦ TƯỚNG CHÍNH PHỦ"), (0, "____________"),
                                (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    doc = _parse(tmp_path, text + BODY)
    assert doc.issuer.name == "Thủ tướng Chính phủ" and doc.number.text == "47/2025/QĐ-TTg"


def test_the_quoc_hieu_set_alone_under_the_issuer_opens_the_columns(tmp_path):
    text = ("BỘ NGOẠI GIAO\n"  # vbpl_274
            "                           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n"
            "_____                      NAM\n"
            "                           Độc lập - Tự do - Hạnh phúc\n\n"
            "Số: 12/2025/TT-BNG         _______________________\n\n"
            "                           Hà Nội, ngày 10 tháng 12 năm 2025\n\n"
            "THÔNG TƯ\nBãi bỏ Thông tư liên tịch số 01/2001/TTLT/BNG-TCBĐ\n\n")
    assert _cells(text) == [(0, "BỘ NGOẠI GIAO"), (0, "_____"), (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                            (1, "Độc lập - Tự do - Hạnh phúc")]
    doc = _parse(tmp_path, text + BODY)
    assert doc.issuer.name == "Bộ Ngoại giao" and doc.date == "2025-12-10"


def test_a_column_s_paragraphs_stay_apart_and_a_wrapped_motto_and_date_are_joined():
    text = ("  BỘ NÔNG NGHIỆP VÀ MÔI\n"  # vbpl_357
            "        TRƯỜNG\n"
            "                                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
            "                                              VIỆT NAM\n\n"
            "                                        Độc lập - Tự do - Hạnh phúc\n\n"
            "       Số: /2025/TT-BNNMT               Hà Nội, ngày 31 tháng 12 năm\n"
            "                                                    2025\n\n"
            "THÔNG TƯ\n")
    assert [t for c, t in _cells(text) if c == 1] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 31 tháng 12 năm 2025"]
    assert value_cut("Độc lập - Tự do - Hạnh", "phúc")  # vbpl_452
    assert not value_cut("Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 16 tháng 8 năm 2025")


def test_a_number_symbol_cut_at_its_hyphen_goes_on_though_set_like_a_title():
    text = ("   BỘ NỘI VỤ            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"  # vbpl_630
            "      _______                   Độc lập - Tự do - Hạnh phúc\n\n"
            " Số: 21/2025/TT-             Hà Nội, ngày 12 tháng 10 năm 2025\n"
            "      BNV\n\n"
            "THÔNG TƯ\n")
    assert (0, "Số: 21/2025/TT-BNV") in _cells(text)


# -- the closing ------------------------------------------------------------------------------------------------

NAME_RUN_IN = (  # vbpl_029: the name run into the Nơi nhận item with one space
    "phạm pháp luật có liên quan thì thực hiện theo quy định tại Nghị quyết này.\n"
    "Nơi nhận:\n"
    "- Ban Bí thư Trung ương Đảng;\n"
    "- Thủ tướng, các Phó Thủ tướng         TM. CHÍNH PHỦ\n"
    "Chính phủ;                             THỦ TƯỚNG\n"
    "- Các bộ, cơ quan ngang bộ, cơ quan    (đã ký)\n"
    "thuộc Chính phủ;\n"
    "- HĐND, UBND các tỉnh, thành phố Phạm Minh Chính\n"
    "trực thuộc trung ương;\n"
    "- Lưu: VT, KSTT (2b).\n"
)


def test_a_signer_name_run_into_the_distribution_list_is_cut_at_its_own_column():
    right = [t for c, t in _cells(NAME_RUN_IN) if c == 1]
    assert right == ["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "(đã ký)", "Phạm Minh Chính"]
    left = [t for c, t in _cells(NAME_RUN_IN) if c == 0]
    assert "- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;" in left


def test_an_authority_in_capitals_above_the_closing_columns_joins_them():
    text = ("Thông tư này có hiệu lực từ ngày 31 tháng 12 năm 2025./.\n"  # vbpl_524
            "                                      THỐNG ĐỐC\n\n"
            "Nơi nhận:                             Phó Thống Đốc\n\n"
            "- Như Điều 9;                         (đã ký)\n"
            "- Ban Lãnh đạo NHNN;                  Phạm Thanh Hà\n"
            "- Văn phòng Chính phủ;\n")
    assert [t for c, t in _cells(text) if c == 1] == ["THỐNG ĐỐC", "Phó Thống Đốc", "(đã ký)", "Phạm Thanh Hà"]


def test_a_sentence_wrapped_before_ky_thay_is_no_signing_authority(tmp_path):
    # vbpl_322: "… đăng" / "ký thay đổi đại lý đổi ngoại tệ" in the body made a signature block of its own
    assert not is_authority("ký thay đổi đại lý đổi ngoại tệ")
    assert is_authority("KÝ THAY CHỦ TỊCH") and is_authority("Ký thay Bộ trưởng") and is_authority("Tm. ủy ban nhân dân")
    head = ("NGÂN HÀNG NHÀ NƯỚC                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "VIỆT NAM                              Độc lập - Tự do - Hạnh phúc\n"
            "Số: 17/2025/TT-NHNN                   Hà Nội, ngày 30 tháng 6 năm 2025\n\n"
            "THÔNG TƯ\nSửa đổi một số điều của các thông tư về ngoại hối\n\n"
            "Căn cứ Luật Ngân hàng Nhà nước Việt Nam số 46/2010/QH12;\n"
            "“Điều 7. Hồ sơ đề nghị chấp thuận đăng ký đại lý đổi ngoại tệ; đăng\n"
            "ký thay đổi đại lý đổi ngoại tệ\n"
            "1. Hồ sơ đề nghị chấp thuận đăng ký đại lý đổi ngoại tệ bao gồm các giấy tờ.\n"
            "Điều 37. Thông tư này có hiệu lực từ ngày ký./.\n\n\n")
    doc = _parse(tmp_path, head + "                                      KT. THỐNG ĐỐC\n"
                 "                                      PHÓ THỐNG ĐỐC\n"
                 "                                      (Đã ký)\n"
                 "Phạm Thanh Hà\n")
    assert [(s.authority, s.position, s.name) for s in doc.signers] == [
        (["KT. THỐNG ĐỐC"], "PHÓ THỐNG ĐỐC", "Phạm Thanh Hà")]
    # the same block with no name (an unsigned copy): the name is null, with a warning; the body's line is no signer
    doc = _parse(tmp_path, head + "                                      KT. THỐNG ĐỐC\n"
                 "                                      PHÓ THỐNG ĐỐC\n")
    assert [(s.authority, s.name) for s in doc.signers] == [(["KT. THỐNG ĐỐC"], None)]
    assert "signer_name_missing" in {w.code for w in doc.warnings}


# -- the trích yếu ----------------------------------------------------------------------------------------------


def test_a_trich_yeu_in_capitals_keeps_its_last_words_that_start_like_a_body(tmp_path):
    text = ("NGÂN HÀNG NHÀ NƯỚC                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"  # vbpl_594
            "VIỆT NAM                              Độc lập - Tự do - Hạnh phúc\n"
            "Số: 48/2025/TT-NHNN                   Hà Nội, ngày 16 tháng 12 năm 2025\n\n"
            "THÔNG TƯ\n"
            "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA MỘT SỐ THÔNG TƯ TRONG LĨNH VỰC QUẢN LÝ,\n"
            "GIẢN HÓA THỦ TỤC HÀNH CHÍNH, THAY ĐỔI CƠ CẤU, TỔ CHỨC\n"
            "BỘ MÁY\n"
            "Căn cứ Luật Ngân hàng Nhà nước Việt Nam số 46/2010/QH12;\n"
            "Điều 1. Phạm vi điều chỉnh\n")
    assert _parse(tmp_path, text).subject.endswith("THAY ĐỔI CƠ CẤU, TỔ CHỨC BỘ MÁY")


def test_a_trich_yeu_wrapped_past_twelve_lines_goes_on_after_a_connective(tmp_path):
    lines = ["Sửa đổi, bổ sung một số điều của Nghị định số 162/2018/NĐ-CP", "ngày 30",  # vbpl_330, a PDF's wraps
             "tháng 11 năm 2018 của Chính phủ quy định xử phạt vi phạm hành", "chính",
             " trong lĩnh vực hàng không dân dụng được sửa đổi, bổ sung bởi Nghị", "định",
             "số 123/2021/NĐ-CP ngày 28 tháng 12 năm 2021 của Chính phủ về", "sửa đổi",
             "một số điều của các Nghị định quy định xử phạt vi phạm hành", "chính",
             " trong lĩnh vực hàng hải; giao thông đường bộ, đường sắt; hàng", "không dân",
             " dụng và Nghị định số 282/2025/NĐ-CP ngày 30 tháng 10 năm 2025", "của",
             "Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực an", "ninh,",
             " trật tự, an toàn xã hội về thẩm quyền xử phạt vi phạm hành chính."]
    text = ("CHÍNH PHỦ                             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "                                      Độc lập - Tự do - Hạnh phúc\n"
            "Số: 17/2026/NĐ-CP                     Hà Nội, ngày 14 tháng 01 năm 2026\n\n"
            "NGHỊ ĐỊNH\n" + "\n".join(lines) + "\n" + BODY)
    assert _parse(tmp_path, text).subject.endswith("về thẩm quyền xử phạt vi phạm hành chính.")


def test_a_line_of_digits_in_a_trich_yeu_in_capitals_does_not_end_it(tmp_path):
    text = ("BỘ Y TẾ                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"  # vbpl_618
            "-------                              Độc lập - Tự do - Hạnh phúc\n\n"
            "Số: 45/2025/TT-BYT                   Hà Nội, ngày 25 tháng 11 năm 2025\n\n\n"
            "THÔNG TƯ\n"
            "BÃI BỎ THÔNG TƯ SỐ 31/2015/TT-BYT NGÀY 14 THÁNG 10 NĂM\n"
            "2015\n"
            "CỦA BỘ TRƯỞNG BỘ Y TẾ QUY ĐỊNH VIỆC ÁP DỤNG CHẾ ĐỘ BỒI DƯỠNG\n" + BODY)
    assert _parse(tmp_path, text).subject.endswith("NĂM 2015 CỦA BỘ TRƯỞNG BỘ Y TẾ QUY ĐỊNH VIỆC ÁP DỤNG CHẾ ĐỘ BỒI DƯỠNG")


# -- the PDF reader ---------------------------------------------------------------------------------------------


def test_a_date_s_last_piece_on_the_line_of_the_number_goes_back_to_the_date():
    # vbpl_289 printed by LibreOffice (the places of its lines): "2025" finishes the date above, beside the Số line
    from vnadmin_nlp.readers.layout import PageText, layout_pages
    from vnadmin_nlp.readers.pdf.lines import glyph_lines

    style = (False, False, 12, 0, "LiberationSerif")

    def word(text: str, x: float, y: float, index: int, w: float = 6.0):
        return [(x + k * w, y, x + (k + 1) * w, y + 12, ch, index + k, style) for k, ch in enumerate(text)]

    chars = [*word("BỘ NÔNG NGHIỆP VÀ", 107, 706, 0), *word("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 300, 706, 50),
             *word("MÔI TRƯỜNG", 135, 692, 100), *word("VIỆT NAM", 360, 692, 150),
             *word("Độc lập - Tự do - Hạnh phúc", 319, 678, 200), *word("Hà Nội, ngày 31 tháng 12 năm", 320, 654, 300),
             *word("Số: 99/2025/TT-BNNMT", 109, 642, 400), *word("2025", 400, 642, 500),
             *word("THÔNG TƯ", 72, 607, 600)]
    blocks, _, _ = layout_pages([PageText(1, 600.0, 800.0, glyph_lines(chars))], [])
    assert [b.text for b in blocks][3:] == ["Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 31 tháng 12 năm 2025",
                                            "Số: 99/2025/TT-BNNMT", "THÔNG TƯ"]
    # the same line with a piece that finishes nothing stays as it was
    chars = [c for c in chars if c[5] < 500 or c[5] >= 600] + word("Điều", 400, 642, 500)
    texts = [b.text for b in layout_pages([PageText(1, 600.0, 800.0, glyph_lines(chars))], [])[0]]
    assert "Hà Nội, ngày 31 tháng 12 năm" in texts


def test_a_position_between_the_end_of_the_body_and_the_distribution_list_opens_the_closing(tmp_path):
    # vbpl_524 printed by LibreOffice: the head's title stands above "Nơi nhận:", the deputy's title and name after
    head = ("NGÂN HÀNG NHÀ NƯỚC                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "VIỆT NAM                              Độc lập - Tự do - Hạnh phúc\n"
            "Số: 52/2025/TT-NHNN                   Hà Nội, ngày 31 tháng 12 năm 2025\n\n"
            "THÔNG TƯ\nSửa đổi một số điều của Thông tư số 39/2016/TT-NHNN\n\n"
            "Căn cứ Luật Ngân hàng Nhà nước Việt Nam số 46/2010/QH12;\n"
            "Điều 10. Điều khoản thi hành\n"
            "Thông tư này có hiệu lực từ ngày 31 tháng 12 năm 2025./.\n")
    closing = ("THỐNG ĐỐC\nNơi nhận:\n- Như Điều 9;\n- Ban Lãnh đạo NHNN;\n"
               "Phó Thống Đốc\n(đã ký)\nPhạm Thanh Hà\n- Văn phòng Chính phủ;\n- Lưu: VT, PC, CSTT (03).\n")
    doc = _parse(tmp_path, head + closing)
    assert [s.name for s in doc.signers] == ["Phạm Thanh Hà"]
    # a heading of the body in capitals before the list, without the body's end above it, stays in the body
    doc = _parse(tmp_path, head.replace("./.\n", "\n") + "CHỦ TỊCH\nNơi nhận:\n- Như Điều 9;\n")
    assert doc.signers == []


TITLE_RUNS_PAST_THE_GUTTER = (  # vbpl_120 (pdftotext): the title's lines, in capitals, run past the header's gutter
    "           CHÍNH PHỦ                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
    "              -------                           VIỆT NAM\n"
    "                                       Độc lập - Tự do - Hạnh phúc\n"
    "                                               ---------------\n"
    "\n"
    "        Số: 59/2026/NĐ-CP             Hà Nội, ngày 13 tháng 02 năm 2026\n"
    "\n"
    "NGHỊ ĐỊNH\n"
    "QUY ĐỊNH HÌNH THỨC XỬ PHẠT TRỤC XUẤT, BIỆN PHÁP TẠM GIỮ\n"
    "NGƯỜI, ÁP GIẢI NGƯỜI VI PHẠM THEO THỦ TỤC HÀNH CHÍNH VÀ\n"
    "QUẢN LÝ NGƯỜI NƯỚC NGOÀI VI PHẠM PHÁP LUẬT VIỆT NAM TRONG\n"
    "THỜI GIAN LÀM THỦ TỤC TRỤC XUẤT\n"
)


def test_a_title_in_capitals_that_runs_past_the_gutter_is_no_cell(tmp_path: Path) -> None:
    doc = _parse(tmp_path, TITLE_RUNS_PAST_THE_GUTTER + BODY)
    assert doc.subject is not None
    assert "BIỆN PHÁP TẠM GIỮ NGƯỜI" in doc.subject.upper()
    assert doc.subject.upper().endswith("THỜI GIAN LÀM THỦ TỤC TRỤC XUẤT")
