"""Issue 17, session 12: the last places where a converted copy read differently from the original page.

The lines are real lines of the converted copies, shortened: dev pages where the converter's output shows the
same thing (html2text vbpl_009, vbpl_004, vbpl_204; w3m vbpl_283), and the test-split pages whose variant-vs-original
disagreements were read for issue 17 once its variants' test split was spent (session 12; html2text vbpl_328,
lynx/w3m vbpl_011 and vbpl_633, LibreOffice PDF and pdftotext vbpl_016, pdftotext vbpl_085 and vbpl_551, w3m vbpl_229,
vbpl_143 and vbpl_605, html2text vbpl_426, markdownify vbpl_406).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from vnadmin_nlp import parse_file
from vnadmin_nlp.readers import read_file
from vnadmin_nlp.readers.lines import column_gap
from vnadmin_nlp.readers.markdown.respace import rejoin
from vnadmin_nlp.readers.text import browser_marks
from vnadmin_nlp.readers.text_columns import column_blocks

BODY = "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n\nĐiều 1. Phạm vi điều chỉnh\n\nNghị định này quy định chi tiết.\n"


def _blocks(tmp_path: Path, text: str, name: str = "doc.md") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [b.text for b in read_file(path).blocks]


def _parse(tmp_path: Path, text: str, name: str = "copy.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


# -- Markdown: a number-symbol wrapped or cut between runs ----------------------------------------------------------

@pytest.mark.parametrize("cut, whole", [
    ("bởi Thông tư số 13/2020/TT- BTC.", "bởi Thông tư số 13/2020/TT-BTC."),  # html2text vbpl_009, a wrap
    ("Thông tư liên tịch số 01/2001/ TTLT/ BNG-TCBĐ của Bộ", "Thông tư liên tịch số 01/2001/TTLT/BNG-TCBĐ của Bộ"),
    ("số 15/ NQ-HĐND", "số 15/NQ-HĐND"),
])
def test_a_symbol_cut_by_a_space_is_joined(cut: str, whole: str) -> None:
    assert rejoin(cut) == whole


@pytest.mark.parametrize("text", [
    "giai đoạn 2020- 2025", "ngày 12/ Các bộ", "1/ KẾT QUẢ THỰC HIỆN", "tỷ lệ 1/ 2 số", "Nghị quyết 12/2020/ nội dung",
])
def test_what_is_no_symbol_keeps_its_space(text: str) -> None:
    assert rejoin(text) == text


def test_a_symbol_wrapped_in_a_paragraph_reads_as_one_word(tmp_path: Path) -> None:
    text = ("_Căn cứ Luật Sở hữu trí tuệ được sửa đổi, bổ sung bởi Thông tư số 13/2020/TT-\nBTC._\n\n"  # vbpl_009
            "**SỬA ĐỔI NGHỊ ĐỊNH SỐ 123/20****1****8/NĐ-CP****NGÀY 17**\n")  # vbpl_004: digits cut between runs
    assert _blocks(tmp_path, text) == [
        "Căn cứ Luật Sở hữu trí tuệ được sửa đổi, bổ sung bởi Thông tư số 13/2020/TT-BTC.",
        "SỬA ĐỔI NGHỊ ĐỊNH SỐ 123/2018/NĐ-CP NGÀY 17"]


def test_a_syllable_cut_into_three_runs_is_one_word(tmp_path: Path) -> None:
    text = ("**NGHỊ QUYẾT**\n\n**V****ề****các cơ ch****ế****, chính sách phát tri****ể****n năng\n"  # html2text vbpl_328
            "lư****ợ****ng******\n\n"
            "**Kẽm****ở****dạng tấm, lá, dải và lá mỏng.**\n")  # vbpl_204: "ở" is a word of its own
    assert _blocks(tmp_path, text)[1:] == ["Về các cơ chế, chính sách phát triển năng lượng",
                                           "Kẽm ở dạng tấm, lá, dải và lá mỏng."]


# -- browser copies: an image's text -----------------------------------------------------------------------------

def test_an_image_alt_alone_on_its_line_is_no_text() -> None:
    text = "Chi phí vật liệu được xác định theo công thức:\n\n[Screenshot]\n\n\u00a0[blobid0_20]\n[VT]\n[Đã ký]\n"
    assert browser_marks(text).split("\n")[2:] == [" " * 12, "", " " * 13, "[VT]", "[Đã ký]", ""]


def test_an_image_alt_under_the_trich_yeu_stays_out_of_it(tmp_path: Path) -> None:
    text = ("           BỘ CÔNG AN                     CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"  # w3m vbpl_633
            "                                              Độc lập - Tự do - Hạnh phúc\n\n"
            "       Số: 66/2024/TT-BCA                 Hà Nội, ngày 12 tháng 11 năm 2024\n\n"
            " THÔNG TƯ\n\nQuy định về đào tạo, sát hạch, cấp Giấy phép lái xe cho người điều khiển xe máy\n\n"
            "chuyên dùng trong Công an nhân dân\n\n\u00a0[blobid0_20]\n\n")
    doc = _parse(tmp_path, text + BODY)
    assert doc.subject.endswith("xe máy chuyên dùng trong Công an nhân dân")


# -- pdftotext: a number label beside the place and date ------------------------------------------------------------

LABEL_BESIDE_DATE = (  # pdftotext vbpl_085
    "      ỦY BAN THƯỜNG VỤ                CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
    "          QUỐC HỘI                              VIỆT NAM\n"
    "            -------                    Độc lập - Tự do - Hạnh phúc\n"
    "                                               ---------------\n\n"
    "          Nghị quyết số:              Hà Nội, ngày 26 tháng 9 năm 2025\n"
    "       {number}\n\n"
    "NGHỊ QUYẾT\n"
    "BAN HÀNH QUY CHẾ LÀM VIỆC MẪU CỦA HỘI ĐỒNG NHÂN XÃ,\n"
    "PHƯỜNG, ĐẶC KHU\n\n\n"
)


def test_a_number_label_beside_the_place_and_date_ends_its_column(tmp_path: Path) -> None:
    assert column_gap("Nghị quyết số:", "Hà Nội, ngày 26 tháng 9 năm 2025")
    assert not column_gap("Số:", "QĐ-UBND") and not column_gap("Số:", "-CV/TU") and not column_gap("năm", "2025")
    doc = _parse(tmp_path, LABEL_BESIDE_DATE.format(number="104/2025/UBTVQH15") + BODY)
    assert doc.number.text == "104/2025/UBTVQH15" and doc.doc_type.name == "Nghị quyết"
    assert doc.date == "2025-09-26" and doc.subject == "BAN HÀNH QUY CHẾ LÀM VIỆC MẪU CỦA HỘI ĐỒNG NHÂN XÃ, PHƯỜNG, ĐẶC KHU"


def test_a_label_with_no_number_under_it_gives_no_number_and_says_so(tmp_path: Path) -> None:
    doc = _parse(tmp_path, LABEL_BESIDE_DATE.format(number="") + BODY)
    assert doc.number is None and doc.date == "2025-09-26"
    assert [w.message for w in doc.warnings if w.code == "number_unreadable"] == [
        "a Số line that cannot be read: 'Nghị quyết số:'"]


# -- pdftotext: a name run into a Nơi nhận item -------------------------------------------------------------------

def test_a_name_run_into_an_item_ending_with_a_capitalised_word_starts_at_the_family_name() -> None:
    text = ("                                     KT. THỦ TƯỚNG\n"  # pdftotext vbpl_551
            "                                     PHÓ THỦ TƯỚNG\n"
            "Nơi nhận:                            (Đã ký)\n"
            "- Ban Bí thư Trung ương Đảng;\n"
            "- HĐND, UBND các tỉnh, thành phố;\n"
            "- Văn phòng Trung ương và các Ban Trần Hồng Hà\n"
            "của Đảng;\n")
    cells = [b.text for b in column_blocks(text) if b.kind == "cell"]
    assert "Trần Hồng Hà" in cells and "- Văn phòng Trung ương và các Ban" in "\n".join(cells)


# -- the trích yếu: a wrapped line that starts like a type name; a narrow column's wraps ------------------------------

def test_a_capitals_trich_yeu_goes_on_over_a_blank_line_with_a_type_word(tmp_path: Path) -> None:
    text = ("                                CHÍNH PHỦ\n\n"  # lynx vbpl_011
            "                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "                    Độc lập - Tự do - Hạnh phúc\n\n"
            "                            Số: 254/2025/NĐ-CP\n\n"
            "                                    Hà Nội, ngày 26 tháng 9 năm 2025\n\n"
            "    NGHỊ ĐỊNH\n\n"
            "           QUY ĐỊNH VỀ QUẢN LÝ, THANH TOÁN, QUYẾT TOÁN\n\n"
            "                 DỰ ÁN SỬ DỤNG VỐN ĐẦU TƯ CÔNG\n\n")
    doc = _parse(tmp_path, text + BODY)
    assert doc.subject == "QUY ĐỊNH VỀ QUẢN LÝ, THANH TOÁN, QUYẾT TOÁN DỰ ÁN SỬ DỤNG VỐN ĐẦU TƯ CÔNG"
    # a type name alone, or opening its own trích yếu, is a new title: the trích yếu ends above it
    doc = _parse(tmp_path, text.replace("DỰ ÁN SỬ DỤNG VỐN ĐẦU TƯ CÔNG", "QUY CHẾ") + BODY)
    assert doc.subject == "QUY ĐỊNH VỀ QUẢN LÝ, THANH TOÁN, QUYẾT TOÁN"


def test_a_trich_yeu_wrapped_by_a_narrow_column_goes_on_after_a_semicolon_in_lower_case(tmp_path: Path) -> None:
    text = ("BỘ GIÁO DỤC VÀ ĐÀO TẠO               CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"  # pdftotext vbpl_016
            "                                     VIỆT NAM\n"
            "___________________\n"
            "                                     Độc lập - Tự do - Hạnh phúc\n\n"
            "Số: 07/2026/TT-BGDĐT                 Hà Nội, ngày 15 tháng 02 năm\n"
            "                                     2026\n\n\n"
            "THÔNG TƯ\n"
            "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen\n"
            "thưởng và\n"
            "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính\n"
            "phủ\n"
            "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen\n"
            "thưởng;\n"
            "quy định chi tiết và hướng dẫn thi hành một số điều của Luật thi\n"
            "đua,\n"
            "khen thưởng đối với ngành Giáo dục\n"
            "_____________\n")
    doc = _parse(tmp_path, text + BODY)
    assert doc.subject.endswith("khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật thi đua, "
                                "khen thưởng đối với ngành Giáo dục")


# -- w3m: signature cells set off their column ----------------------------------------------------------------------

CLOSE = "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc đề nghị phản ánh về Bộ để xem xét, quyết định./.\n\n"


def test_a_cell_line_written_on_its_rows_rule_is_read(tmp_path: Path) -> None:
    text = CLOSE + ("┌┬──────────────┐\n││              │\n├┤KT. BỘ TRƯỞNG │\n││THỨ TRƯỞNG    │\n"  # w3m vbpl_229
                    "├┤              │\n││              │\n├┤Lê Minh Ngân  │\n││              │\n└┴──────────────┘\n")
    cells = [b.text for b in column_blocks(text) if b.kind == "cell"]
    assert cells == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Minh Ngân"]
    doc = _parse(tmp_path, text)
    assert [(s.authority, s.name) for s in doc.signers] == [(["KT. BỘ TRƯỞNG"], "Lê Minh Ngân")]


def test_a_name_set_inside_the_gutter_belongs_to_the_signature_column(tmp_path: Path) -> None:
    text = CLOSE + (
        "                                                         TM. CHÍNH PHỦ\n"  # w3m vbpl_143
        "Nơi nhận:                                                KT. THỦ TƯỚNG\n"
        "– Ban Bí thư Trung ương Đảng;                            PHÓ THỦ TƯỚNG\n"
        "– Thủ tướng, các Phó Thủ tướng Chính phủ;\n"
        "– Các bộ, cơ quan ngang bộ, cơ quan thuộc                   (Đã ký)\n"
        "Chính phủ;\n"
        "– HĐND, UBND các tỉnh, thành phố trực      Hồ Đức Phớc\n"
        "thuộc trung ương;\n"
        "– Lưu: VT, KTTH (2b).\n")
    doc = _parse(tmp_path, text)
    assert [s.name for s in doc.signers] == ["Hồ Đức Phớc"]
    assert "– HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;" in doc.text


def test_a_name_wrapped_beside_a_list_item_at_its_column_is_one_name(tmp_path: Path) -> None:
    pad = " " * 64
    text = CLOSE + (
        "Nơi nhận:\n\n- Văn phòng Tổng bí thư;\n\n"  # w3m vbpl_605
        f"- Viện Kiểm sát nhân dân tối cao; Tòa án nhân dân tối cao;\n{pad}KT. BỘ TRƯỞNG\n"
        f"- Kiểm toán nhà nước;\n{pad}THỨ TRƯỞNG\n"
        f"- Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam;\n{pad}(Đã ký)\n"
        f"- UBND, HĐND các tỉnh, thành phố trực thuộc trung ương;\n{pad}Nguyễn Hoàng\n"
        "- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính, Bộ  Long\nTư pháp;\n\n- Lưu: VT, PC.\n")
    doc = _parse(tmp_path, text)
    assert [s.name for s in doc.signers] == ["Nguyễn Hoàng Long"]


# -- Markdown: a signature cell html2text wrote over a one-column delimiter; "(đã ký) Name" at the very end ----------

def test_a_row_with_an_empty_first_cell_over_a_one_column_delimiter_is_a_table(tmp_path: Path) -> None:
    text = ("toàn cho trẻ em kể từ ngày 01 tháng 7 năm 2026\n\n"  # html2text vbpl_426
            "|  |  **KT. BỘ TRƯỞNG** **THỨ TRƯỞNG** **_(Đã ký)_** **Lê Anh Tuấn**  \n---\n\n")
    assert _blocks(tmp_path, text)[1:] == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "(Đã ký)", "Lê Anh Tuấn"]
    # a line that does not start with a pipe over "---" stays a setext heading
    assert _blocks(tmp_path, "PHỤ LỤC\n---\n") == ["PHỤ LỤC"]


def test_a_bare_signature_at_the_end_with_the_note_before_the_name(tmp_path: Path) -> None:
    text = ("Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 10 thông qua ngày "
            "11 tháng 12 năm 2025._\n\n|  |  |\n| --- | --- |\n"  # markdownify vbpl_406
            "|  | **CHỦ TỊCH QUỐC HỘI**     (đã ký) **Trần Thanh Mẫn** |\n")
    doc = _parse(tmp_path, text, "law.md")
    assert [(s.position, s.name) for s in doc.signers] == [("CHỦ TỊCH QUỐC HỘI", "Trần Thanh Mẫn")]
