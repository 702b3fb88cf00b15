"""PDF column blocks as LibreOffice prints a two-cell header and closing (issue 17): a narrow gap beside a column
anchor, cell lines wrapped at the cell's width joined back, a block broken by the page, a descender not a new run.

Synthetic glyphs pin each mechanism; the committed slice of the devset's variants (fixtures/variants/pdf) shows it
on real copies.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from vnadmin_nlp import parse_file, parse_text
from vnadmin_nlp.readers.layout import PageText, layout_pages
from vnadmin_nlp.readers.layout.text import glyph_text
from vnadmin_nlp.readers.lines import cell_join, number_label_cut
from vnadmin_nlp.readers.pdf.lines import glyph_lines
from vnadmin_nlp.readers.text_columns import unwrap

SLICE = Path(__file__).resolve().parents[1] / "fixtures" / "variants" / "pdf"
H = 15.5
STYLE = (False, False, H, 0, "LiberationSerif")


def word(text: str, x: float, y: float, *, index: int = 0, w: float = 7.0, h: float = H):
    return [(x + k * w, y, x + (k + 1) * w, y + h, ch, index + k, STYLE) for k, ch in enumerate(text)]


def texts(*pages: list) -> list[str]:
    built = [PageText(n, 600.0, 800.0, glyph_lines(chars)) for n, chars in enumerate(pages, 1)]
    blocks, _, _ = layout_pages(built, [])
    return [b.text for b in blocks]


# ------------------------------------------------------------------------------------------- the joining rule


def test_cell_lines_wrapped_at_the_cells_width_are_joined() -> None:
    assert cell_join("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", fits=True) == " "
    assert cell_join("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", fits=True) == " "
    assert cell_join("Nghị quyết số:", "106/2025/UBTVQH15", fits=True) == " "
    assert cell_join("Số: 21/2025/TT-", "BNV", fits=False) == ""
    assert cell_join("ỦY BAN THƯỜNG VỤ QUỐC", "HỘI", fits=False) == " "
    assert cell_join("- HĐND, UBND các tỉnh, thành phố", "trực thuộc trung ương;", fits=False, names=False) == " "


def test_the_documents_own_breaks_stay() -> None:
    assert cell_join("BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ", fits=False) is None  # a parent body above its issuer
    assert cell_join("ỦY BAN NHÂN DÂN", "TỈNH", fits=True) is None  # "TỈNH" would have fitted: set by hand
    assert cell_join("PHÓ GIÁM ĐỐC", "VVV", fits=False) is None  # stamp residue, not a syllable
    assert cell_join("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", fits=False) is None
    assert cell_join("Số:", "V/v góp ý dự thảo", fits=False) is None
    # in a PDF the width is only the widest line's: a mixed-case line goes on only in lower case
    assert cell_join("Bùi Thanh", "Sơn", fits=False) == " "
    assert cell_join("Bùi Thanh", "Sơn", fits=False, names=False) is None
    assert not number_label_cut("Số:", "/2025/TT-BNV")


def test_the_text_columns_reader_uses_the_same_rule() -> None:
    assert unwrap(["BỘ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH", "Số: 15/2025/TT-", "BVHTTDL"]) == [
        "BỘ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH", "Số: 15/2025/TT-BVHTTDL"]


# ------------------------------------------------------------------------------------------- synthetic glyphs


def test_a_narrow_gap_beside_the_quoc_hieu_cuts_the_header() -> None:
    # two table cells that each fill their half: the issuer and the Quốc hiệu 20 pt apart (1.3 line heights)
    page = (word("ỦY BAN THƯỜNG VỤ QUỐC", 60, 700) + word("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 227, 700, index=100)
            + word("HỘI", 100, 683, index=200) + word("VIỆT NAM", 260, 683, index=300))
    assert texts(page) == ["ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_a_narrow_gap_without_an_anchor_is_a_word_space() -> None:
    page = word("Căn cứ Luật Tổ chức chính quyền địa", 60, 700) + word("phương", 327, 700, index=100)
    assert texts(page) == ["Căn cứ Luật Tổ chức chính quyền địa phương"]


def test_a_closing_broken_by_the_page_goes_on_on_the_next() -> None:
    first = (word("Điều 3. Quyết định này có hiệu lực từ ngày ký.", 60, 700)
             + word("Nơi nhận:", 60, 650, index=100) + word("TM. ỦY BAN NHÂN DÂN", 300, 650, index=200)
             + word("- Như trên;", 60, 634, index=300) + word("CHỦ TỊCH", 330, 634, index=400))
    second = (word("- Lưu: VT.", 60, 780) + word("Nguyễn Văn An", 320, 780, index=100)
              + word("- Các phòng;", 60, 764, index=200))
    out = texts(first, second)
    # the Nơi nhận list first, across the page, then the signer's column (as the DOCX and HTML readers read it)
    assert out[-7:] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "- Các phòng;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                        "Nguyễn Văn An"]


def test_a_descender_does_not_cut_the_run() -> None:
    # "- Thủ tướng": the dash's box is short, the "g" sits lower; the signer's "TM. CHÍNH PHỦ" half a line higher
    dash = [(60.0, 700.0, 67.0, 706.6, "-", 0, STYLE), (67.0, 700.0, 74.0, 706.6, " ", 1, STYLE)]
    rest = word("Thủ tướn", 74, 700, index=2)
    g = [(130.0, 697.5, 137.0, 706.6, "g", 10, STYLE)]
    tail = word(", các Phó", 137, 700, index=11)
    signer = word("TM. CHÍNH PHỦ", 300, 702.5, index=100)
    lines = [glyph_text(line.chars)[0] for line in glyph_lines(dash + rest + g + tail + [None] + signer)]
    assert any(t.startswith("- Thủ tướng, các Phó") for t in lines), lines


# ------------------------------------------------------------------------------------------- real copies


@pytest.mark.parametrize("name, issuer", [("doc_000113.pdf", "Ủy ban Thường vụ Quốc hội"),
                                          ("doc_000145.pdf", "Bộ Nội vụ")])
def test_libreoffice_header_cells_read_apart(name: str, issuer: str) -> None:
    doc = parse_file(SLICE / name)
    assert doc.issuer is not None and doc.issuer.name == issuer
    lines = doc.text.split("\n")
    assert any(ln.startswith("CỘNG H") and ln.endswith("CHỦ NGHĨA VIỆT NAM") for ln in lines)
    assert doc.subject and "VIỆT NAM" != doc.subject


def test_a_number_label_left_without_its_number_gives_null_and_a_warning() -> None:
    # the cell's "Số:" stays apart from a line that is no number: no number is made up
    out = texts(word("BỘ NỘI VỤ", 60, 700) + word("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 700, index=100)
                + word("Số:", 60, 684, index=200) + word("Độc lập - Tự do - Hạnh phúc", 300, 684, index=300)
                + word("/2025/TT-BNV", 60, 668, index=400))
    assert "Số:" in out and "/2025/TT-BNV" in out
    doc = parse_text("\n".join(out + ["THÔNG TƯ", "Quy định chi tiết một số điều", "Căn cứ Luật Tổ chức Chính phủ;"]))
    assert doc.number is None
    assert {w.code for w in doc.warnings} & {"number_missing", "number_unreadable", "number_blank"}
