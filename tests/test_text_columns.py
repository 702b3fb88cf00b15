"""Issue 17: plain text copies that set the header and closing blocks in columns (pdftotext -layout, w3m) or
draw them in boxes (w3m, lynx) are read column by column, like a DOCX layout table (readers/text_columns.py).
The lines are real lines of converted dev pages (vbpl_004, vbpl_035, vbpl_113), shortened."""
from __future__ import annotations

from pathlib import Path

from vnadmin_nlp import parse_file
from vnadmin_nlp.readers.lines import split_layout_gaps
from vnadmin_nlp.readers.text_columns import column_blocks, unwrap

PDFTOTEXT_HEADER = (
    "CHÍNH PHỦ                             CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
    "                                      VIỆT NAM\n"
    "\n"
    "                                      Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 43/2026/NĐ-CP                     Hà Nội, ngày 26 tháng 01 năm 2026\n"
    "\n"
    "NGHỊ ĐỊNH\n"
    "Sửa đổi, bổ sung một số điều của các nghị định\n"
)

W3M_BOX = (
    "┌──────────────────┬──────────────────────────────────┐\n"
    "│BỘ Y TẾ           │CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM│\n"
    "│                  │Độc lập - Tự do - Hạnh phúc       │\n"
    "├──────────────────┼──────────────────────────────────┤\n"
    "│Số: 01/2026/TT-BYT│Hà Nội, ngày 09 tháng 01 năm 2026 │\n"
    "└──────────────────┴──────────────────────────────────┘\n"
    "\n"
    "THÔNG TƯ\n"
)


def _cells(blocks):
    return [(b.col, b.text) for b in blocks if b.kind == "cell"]


def test_a_header_laid_out_with_spaces_is_read_column_by_column():
    blocks = column_blocks(PDFTOTEXT_HEADER)
    assert _cells(blocks) == [
        (0, "CHÍNH PHỦ"), (0, "Số: 43/2026/NĐ-CP"),
        (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1, "Độc lập - Tự do - Hạnh phúc"),
        (1, "Hà Nội, ngày 26 tháng 01 năm 2026"),
    ]
    # the title after a blank line stays running text, never part of the issuer's column
    assert blocks[-1].kind == "paragraph" and "NGHỊ ĐỊNH" in blocks[-1].text


def test_a_box_drawn_header_loses_its_box_characters_and_reads_by_column():
    cells = _cells(column_blocks(W3M_BOX))
    assert [t for _, t in cells] == ["BỘ Y TẾ", "Số: 01/2026/TT-BYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                     "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 09 tháng 01 năm 2026"]


def test_the_issuer_is_not_glued_to_the_quoc_hieu(tmp_path: Path):
    for name, text in (("layout.txt", PDFTOTEXT_HEADER), ("box.txt", W3M_BOX)):
        path = tmp_path / name
        path.write_text(text + "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n", encoding="utf-8")
        doc = parse_file(path)
        assert doc.issuer is not None and "CỘNG" not in doc.issuer.text.upper(), (name, doc.issuer)


def test_a_signer_column_wrapped_by_the_converter_is_joined_back():
    # w3m wraps a narrow signer column (vbpl_035): "TM. CHÍNH" | "PHỦ", "Bùi Thanh" | "Sơn"
    assert unwrap(["TM. CHÍNH", "PHỦ", "KT. THỦ", "TƯỚNG", "PHÓ THỦ", "TƯỚNG", "(Đã ký)", "Bùi Thanh", "Sơn"]) == [
        "TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "(Đã ký)", "Bùi Thanh Sơn"]
    # a parent body above its issuer stays two lines
    assert unwrap(["BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ", "Số: 1234/TCT-CS"]) == [
        "BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ", "Số: 1234/TCT-CS"]


def test_text_without_a_column_layout_stays_one_block():
    # a blank to fill in ("Số:        /TB-BTTTT") is no column gap (lines.column_gap, shared with split_layout_gaps)
    text = " BỘ THÔNG TIN VÀ TRUYỀN THÔNG \n\nSố:        /TB-BTTTT\n\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    blocks = column_blocks(text)
    assert len(blocks) == 1 and blocks[0].text == text
    assert split_layout_gaps("Số:        /TB-BTTTT") == ["Số:        /TB-BTTTT"]
    prose = "Căn cứ Luật   Tổ chức Chính phủ;\nTheo đề nghị của Bộ trưởng.\n"
    assert column_blocks(prose)[0].text == prose and len(column_blocks(prose)) == 1


def test_a_name_w3m_wrapped_in_its_box_cell_is_one_line() -> None:
    text = "\n".join([
        "┌──────────────────────────────┬──────────────┐",
        "│Nơi nhận:                     │KT. BỘ TRƯỞNG │",
        "│- Như Điều 3;                 │THỨ TRƯỞNG    │",
        "│                              │              │",
        "│- Lưu: VT, VI.                │Trần Quốc     │",
        "│                              │Phương        │",
        "└──────────────────────────────┴──────────────┘",
    ])
    cells = [b.text for b in column_blocks(text)]
    assert "Trần Quốc Phương" in cells
    assert "- Như Điều 3;" in cells and "- Lưu: VT, VI." in cells  # paragraphs of a cell stay apart


def test_the_quoc_hieu_two_spaces_after_the_issuer_is_its_own_column() -> None:
    # w3m leaves two spaces between the cells of the first row; the block is found on the row below
    text = "NGÂN HÀNG NHÀ NƯỚC  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nVIỆT NAM            Độc lập - Tự do - Hạnh phúc\n"
    cells = [b.text for b in column_blocks(text)]
    assert cells[:4] == ["NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc"]
    # two spaces before anything else are a typing slip, not a column
    assert [b.text for b in column_blocks("Căn cứ Luật  Tổ chức Chính phủ;\n")] == ["Căn cứ Luật  Tổ chức Chính phủ;\n"]
