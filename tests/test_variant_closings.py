"""Issue 17: the signature block read from converted copies of a page (w3m and lynx dumps, Markdown written by
html2text and markdownify).  Lines are taken from development-set copies (vbpl_524, vbpl_183, vbpl_607, vbpl_231,
vbpl_542, vbpl_461, vbpl_419), no more than the block needs."""
from __future__ import annotations

import tempfile
from pathlib import Path

from vnadmin_nlp import parse_file

HEAD = """\
BỘ QUỐC PHÒNG       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
-------             Độc lập - Tự do - Hạnh phúc

Số: 130/2025/TT-BQP Hà Nội, ngày 25 tháng 11 năm 2025

                                   THÔNG TƯ

Sửa đổi, bổ sung một số điều của Thông tư số 67/2024/TT-BQP

Điều 3. Thông tư này có hiệu lực từ ngày 26 tháng 11 năm 2025./.

"""


def signers(closing: str, head: str = HEAD):
    """The copy read as a browser's .txt dump is (the text reader: its columns found)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dump.txt"
        path.write_text(head + closing, encoding="utf-8")
        doc = parse_file(path)
    return [(s.authority, s.position, s.name) for s in doc.signers], doc


def test_w3m_signature_column_opening_above_the_list_over_blank_lines():
    # vbpl_524: w3m sets a blank line between the rows; the position stands above "Nơi nhận:"
    got, _ = signers("""\
                                                                   THỐNG ĐỐC

Nơi nhận:                                                        Phó Thống Đốc

- Như Điều 9;                                                       (đã ký)

- Ban Lãnh đạo NHNN;                                             Phạm Thanh Hà

- Văn phòng Chính phủ;
""")
    assert got == [(["THỐNG ĐỐC"], "Phó Thống Đốc", "Phạm Thanh Hà")]


def test_w3m_name_one_space_after_a_full_line_of_the_list():
    # vbpl_183: the list's line fills its cell, one space is left before the name
    got, _ = signers("""\
Nơi nhận:
- Văn phòng Chính phủ;
- Hội đồng Dân tộc;                                                 KT. BỘ
- Viện Kiểm sát nhân dân tối cao;                                   TRƯỞNG
- Tòa án nhân dân tối cao;                                          THỨ TRƯỞNG
- Kiểm toán nhà nước;
- Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam;                      (Đã ký)
- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;
- Cơ quan Trung ương của các Hội và Đoàn thể;
- Hội đồng nhân dân, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Lê Tấn Cận
Trung ương;
- Công báo; Cổng Thông tin điện tử Chính phủ;
""")
    assert got == [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", "Lê Tấn Cận")]


def test_w3m_authority_one_space_after_a_list_item_with_a_footnote_mark():
    # vbpl_607
    got, doc = signers("""\
Nơi nhận:
- Lãnh đạo Bộ Quốc phòng;
- Các cơ quan, đơn vị trực thuộc BQP^67; KT. BỘ TRƯỞNG
- Cục Kiểm tra VBQPPL/Bộ Tư pháp;        THỨ TRƯỞNG
- Cục Pháp chế/BQP;
- Các Cục: C55, C56, C63, C75^03;        (Đã ký)
- Cổng TTĐT Chính phủ;
- Công báo Chính phủ;                    Thượng tướng Lê Huy Vịnh
- Cổng TTĐT BQP;
""")
    assert got == [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", "Lê Huy Vịnh")]
    assert "trực thuộc BQP67;" in doc.text and "^" not in doc.text  # w3m's superscript mark goes, as on the page


def test_running_text_at_the_column_edge_is_not_a_column():
    # a body line that happens to have a space one column before the right column's edge stays running text
    got, doc = signers("""\
Nơi nhận:                                                        THỨ TRƯỞNG
- Như Điều 9;                                                    Lê Văn An
Các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành về việc thực hiện
""")
    assert got == [([], "THỨ TRƯỞNG", "Lê Văn An")]
    assert "Các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành về việc thực hiện" in doc.text


def test_w3m_name_over_two_lines_in_a_closing_without_an_authority():
    # vbpl_231: position alone (no KT.), every row apart, the name wrapped at the cell's width
    got, _ = signers("""\
Nơi nhận:

- Văn phòng Quốc hội;
                                                                  BỘ TRƯỞNG
- Văn phòng Chủ tịch nước;
                                                                  (Đã ký)
- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;
                                                                  Nguyễn Mạnh
- Tòa án Nhân dân tối cao;                                        Hùng
- Viện Kiểm sát nhân dân tối cao;
""")
    assert got == [([], "BỘ TRƯỞNG", "Nguyễn Mạnh Hùng")]


def test_a_sentence_wrapped_before_ky_thay_is_no_authority():
    # vbpl_542 (lynx): "ký thay đổi" opens a wrapped line of the body; the closing is the real one below
    got, _ = signers("""\
   4. Văn bản xác nhận của ngân hàng cung ứng dịch vụ tài khoản đối với trường hợp đăng
   ký thay đổi kế hoạch thu hồi nợ (thời điểm thực hiện việc xác nhận là
   trong vòng 10 ngày làm việc trước thời điểm gửi hồ sơ).”.

   Nơi nhận:

   - Như Điều 40;
   - Lưu: VP, PC, Cục QLNH (03).

                               THỐNG ĐỐC
                                 (Đã ký)

                              Phạm Thanh Hà
""")
    assert got == [([], "THỐNG ĐỐC", "Phạm Thanh Hà")]


def test_an_authority_prefix_alone_on_its_line_goes_on_below():
    # vbpl_461 (markdownify): "**KT.** **BỘ TRƯỞNG**" read as two lines
    got, _ = signers("Nơi nhận:\n- Lưu: VT, ĐĐBĐ.\nKT.\nBỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Thị Phương Hoa\n")
    assert got == [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", "Nguyễn Thị Phương Hoa")]


def test_position_and_name_on_one_line():
    # vbpl_419 (markdownify): the cell's lines joined into one paragraph
    got, _ = signers("Thông tư này có hiệu lực thi hành kể từ ngày ký./.\nBỘ TRƯỞNG Nguyễn Mạnh Hùng\n")
    assert got == [([], "BỘ TRƯỞNG", "Nguyễn Mạnh Hùng")]


def test_a_lost_name_is_null_with_a_warning_never_a_line_of_the_list():
    # a copy that lost the name (the signature image only): no list item is taken for it
    got, doc = signers("""\
                                                                   THỐNG ĐỐC

Nơi nhận:                                                        Phó Thống Đốc

- Như Điều 9;                                                       (đã ký)

- Ban Lãnh đạo NHNN;

- Văn phòng Chính phủ;
""")
    assert got == [(["THỐNG ĐỐC"], "Phó Thống Đốc", None)]
    assert "signer_name_missing" in {w.code for w in doc.warnings}


MD_HEAD = """\
| **BỘ KHOA HỌC VÀ CÔNG NGHỆ**  Số: 12/2025/TT-BKHCN | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  _Hà Nội, ngày 30 tháng 12 năm 2025_ |
| --- | --- |

**THÔNG TƯ**

**Quy định về tiêu chuẩn**

Thông tư này có hiệu lực thi hành kể từ ngày ký./.

"""


def _md(tmp_path, closing: str):
    path = tmp_path / "doc.md"
    path.write_text(MD_HEAD + closing, encoding="utf-8")
    doc = parse_file(path)
    return [(s.authority, s.position, s.name) for s in doc.signers]


def test_markdown_syllable_cut_between_two_bold_runs(tmp_path):
    # vbpl_419 (html2text): "<b>Nguy</b><b>ễn</b>" is one word, "Nguy" and "ễn" both read as syllables alone
    got = _md(tmp_path, "**B****Ộ TRƯỞNG  \n****  \n  \nNguy****ễn Mạnh H****ùng**\n")
    assert got == [([], "BỘ TRƯỞNG", "Nguyễn Mạnh Hùng")]


def test_markdown_empty_bold_run_between_the_head_and_the_deputy(tmp_path):
    # vbpl_524 (html2text): the change of case says two lines, though "ĐỐC Phó" reads as a title
    got = _md(tmp_path, "**_Nơi nhận:_** \\- Như Điều 9; \\- Lưu: VT, PC. |  **THỐNG ĐỐC********Phó Thống Đốc** "
                        "**(đã ký)** **Phạm Thanh Hà**  \n---|---\n")
    assert got == [(["THỐNG ĐỐC"], "Phó Thống Đốc", "Phạm Thanh Hà")]


def test_markdown_two_tables_with_only_a_line_of_spaces_between_are_two(tmp_path):
    # vbpl_565 (html2text): the closing table, then the annex's header table; the second one's header row used
    # to reach back over the first, and the signature was read twice
    closing = ("** _Nơi nhận:  \n_**_-_ Như Điều 3;  \n_-_ Lưu VT, HTQT. |  **KT. BỘ TRƯỞNG**  \n**THỨ TRƯỞNG**  \n"
               "  \n _**(Đã ký)**_  \n  \n**Lê Quân**  \n---|---  \n  \n"
               "**BỘ GIÁO DỤC VÀ ĐÀO TẠO  \n\\-------** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \n"
               "Độc lập - Tự do - Hạnh phúc  \n\\---------------**  \n---|---  \n  \n**QUY CHẾ**\n")
    assert _md(tmp_path, closing) == [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", "Lê Quân")]
