"""The closing zone and the date (issue 11): signature blocks as printed on vbpl.vn pages and Lâm Đồng PDFs, the
date of adoption of a law, stamped date digits.  Lines are quoted from the devset, no more than the field needs."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

HEAD = """BỘ QUỐC PHÒNG
Số: 12/2025/TT-BQP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 12 năm 2025
THÔNG TƯ
Quy định về đấu thầu
Điều 1. Thông tư này có hiệu lực thi hành kể từ ngày ký./.
"""


def signers(closing: str, head: str = HEAD):
    doc = parse_text(head + closing)
    return [(s.authority, s.position, s.name) for s in doc.signers], doc


def codes(doc) -> set[str]:
    return {w.code for w in doc.warnings}


@pytest.mark.parametrize(
    "name_line, name",
    [
        ("Thượng tướng Vũ Hải Sản", "Vũ Hải Sản"),  # vbpl_012
        ("Đại tướng Lương Tam Quang", "Lương Tam Quang"),  # vbpl_189
        ("TS. Nguyễn Văn Hùng", "Nguyễn Văn Hùng"),
        ("Vướn tướng Nguyễn Văn Long", "Nguyễn Văn Long"),  # ld_062, OCR of "Trung tướng"
    ],
)
def test_rank_kept_out_of_the_name(name_line, name):
    got, doc = signers(f"KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\n{name_line}\n")
    assert got == [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", name)]
    span = doc.signers[0].span
    assert doc.text[span[0] : span[1]].endswith(name_line)  # the block's span still covers the rank


@pytest.mark.parametrize("note", ["[daky]", "( đã kí)", "( đã ký )", "(Đã ký và đóng dấu)", "(ký, ghi rõ họ tên)", "Đã ký"])
def test_signed_notes_between_position_and_name(note):
    got, _ = signers(f"TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n(Đã ký)\n{note}\nBùi Thanh Sơn\n")
    assert got == [(["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG"], "PHÓ THỦ TƯỚNG", "Bùi Thanh Sơn")]


@pytest.mark.parametrize(
    "block, expected",
    [
        ("THỐNG ĐỐC\nPHÓ THỐNG ĐỐC\n( đã ký )\nĐoàn Thái Sơn\n", (["THỐNG ĐỐC"], "PHÓ THỐNG ĐỐC", "Đoàn Thái Sơn")),  # vbpl_352
        ("THỐNG ĐỐC\nPhó Thống Đốc\nPhạm Thanh Hà\n", (["THỐNG ĐỐC"], "Phó Thống Đốc", "Phạm Thanh Hà")),  # vbpl_524
        ("K.T THỐNG ĐỐC\nPHÓ THỐNG ĐỐC\n(Đã ký)\nPhạm Thanh Hà\n", (["K.T THỐNG ĐỐC"], "PHÓ THỐNG ĐỐC", "Phạm Thanh Hà")),  # vbpl_317
    ],
)
def test_deputy_under_the_head_without_kt(block, expected):
    got, _ = signers(block)
    assert got == [expected]


def test_a_prefix_inside_a_distribution_item_is_no_signature():
    got, doc = signers("Nơi nhận:\n- Như trên;\n- Lưu: VT, PC, DKT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Hoàng Long\n")  # vbpl_608
    assert got == [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", "Nguyễn Hoàng Long")]
    got, _ = signers("Nơi nhận:\n- Như trên;\n- Lưu: VT, PC, KT. Hùng\nBỘ TRƯỞNG\nNguyễn Văn A\n")
    assert got == [([], "BỘ TRƯỞNG", "Nguyễn Văn A")]
    got, _ = signers("Nơi nhận:\n- Như trên; KT. CHỦ TỊCH\n- Lưu: VT. PHÓ CHỦ TỊCH\nTrần Văn B\n")  # a flattened two-column row
    assert got[0][0] == ["KT. CHỦ TỊCH"] and got[0][2] == "Trần Văn B"


def test_an_unmarked_item_line_does_not_end_the_list_before_the_signature():
    got, _ = signers(  # ld_030: an item runs on without its dash
        "Nơi nhận:\n- Như trên;\n- VPCP: BTCN, PCN Đỗ Ngọc Huỳnh;\nTrợ lý, Thư ký của: TTg, PTTg Lê Thành Long;\n"
        "- Lưu: VT, TH(2). H\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nĐỗ Ngọc Huỳnh\n"
    )
    assert got == [(["KT. BỘ TRƯỞNG, CHỦ NHIỆM"], "PHÓ CHỦ NHIỆM", "Đỗ Ngọc Huỳnh")]


def test_lines_between_authority_position_and_name():
    got, _ = signers("TM.BCH HIỆP HỘI DOANH NGHIỆP\nNhiệm kỳ 2019 -2025\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\nLê Văn Lợi\n")  # ld_045
    assert got == [(["TM.BCH HIỆP HỘI DOANH NGHIỆP"], "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Văn Lợi")]
    got, _ = signers("TM.HỘI ĐỒNG THẨM ĐỊNH\nCHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\nĐỗ Văn Chung\n")  # ld_054
    assert got == [(["TM.HỘI ĐỒNG THẨM ĐỊNH"], "CHỦ TỊCH", "Đỗ Văn Chung")]


def test_an_annex_heading_is_never_a_name():
    got, doc = signers("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nDANH SÁCH\nCác đơn vị nhận công văn\n")  # ld_062
    assert got == [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", None)]
    assert "signer_name_missing" in codes(doc)


def test_two_signers_side_by_side_read_row_by_row():
    got, _ = signers("KT. BỘ TRƯỞNG BỘ TÀI CHÍNH\nTHỨ TRƯỞNG\nKT. BỘ TRƯỞNG BỘ NỘI VỤ\nTHỨ TRƯỞNG\nNguyễn Văn A\nTrần Thị B\n")
    assert got == [
        (["KT. BỘ TRƯỞNG BỘ TÀI CHÍNH"], "THỨ TRƯỞNG", "Nguyễn Văn A"),
        (["KT. BỘ TRƯỞNG BỘ NỘI VỤ"], "THỨ TRƯỞNG", "Trần Thị B"),
    ]


LAW = """QUỐC HỘI
Luật số: 120/2025/QH15
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
LUẬT
Chuyển giao người đang chấp hành án phạt tù
Điều 1. Phạm vi điều chỉnh
Luật này quy định việc chuyển giao.
{closing}
CHỦ TỊCH QUỐC HỘI
Trần Thanh Mẫn
"""


def test_date_of_adoption_in_the_closing_sentence():
    line = "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, Kỳ họp thứ 10 thông qua ngày 26 tháng 11 năm 2025."  # vbpl_083
    doc = parse_text(LAW.format(closing=line))
    assert doc.date == "2025-11-26" and doc.place is None
    assert "date_missing" not in codes(doc)
    assert doc.signers[0].name == "Trần Thanh Mẫn"


def test_an_impossible_date_of_adoption_is_null_with_a_warning():
    line = "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, Kỳ họp thứ 10 thông qua ngày 32 tháng 12 năm 2025."
    doc = parse_text(LAW.format(closing=line))
    assert doc.date is None
    warning = next(w for w in doc.warnings if w.code == "date_invalid")
    assert "ngày 32 tháng 12" in warning.message


def test_an_impossible_header_date_is_null_with_a_warning():
    doc = parse_text(HEAD.replace("ngày 12 tháng 12 năm 2025", "ngày 32 tháng 12 năm 2024"))  # vbpl_234
    assert doc.date is None
    assert any(w.code == "date_invalid" and "ngày 32 tháng 12 năm 2024" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "date_line, date",
    [
        ("Lâm Đồng, ngày tháng năm 2026154", "2026-04-15"),  # ld_043
        ("Lâm Đồng, ngày tháng 01 năm 202615", "2026-01-15"),  # ld_050
        ("Lâm Đồng, ngày 16tháng năm 202601", "2026-01-16"),  # ld_059
        ("Hà Nội, ngày tháng 1510 năm 2025", "2025-10-15"),  # ld_064
        ("Hà Nội, ngày       tháng 02 năm 2025", "2025-02"),  # a blank day: partial, never null
    ],
)
def test_stamped_date_digits(date_line, date):
    doc = parse_text(HEAD.replace("Hà Nội, ngày 12 tháng 12 năm 2025", date_line))
    assert doc.date == date
    assert doc.place == date_line.split(",")[0]


def test_stamped_digits_that_read_two_ways_keep_the_year_only():
    doc = parse_text(HEAD.replace("Hà Nội, ngày 12 tháng 12 năm 2025", "Lâm Đồng, ngày tháng năm 2026112"))
    assert doc.date == "2026"  # 1/12 or 11/2
    assert "date_ambiguous" in codes(doc)


@pytest.mark.parametrize("stamp", ["SAO Y", "SAO LỤC", "TRÍCH SAO"])
def test_a_copy_stamp_under_the_position_is_no_name(stamp):
    got, doc = signers(f"KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n{stamp}\n")  # ld_039: the OCR'd "SAO Y" stamp of a copy
    assert got == [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", None)]
