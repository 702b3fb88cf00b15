"""The Markdown reader: what a person sees, header tables as cells, blocks pointing into the file."""
from __future__ import annotations

from pathlib import Path

import pytest

from vnadmin_nlp import parse_file
from vnadmin_nlp.readers import pick_reader, read_file

pytest.importorskip("markdown_it")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "markdown"


def _texts(path: Path) -> list[str]:
    return [b.text for b in read_file(path).blocks]


def _write(tmp_path: Path, text: str, name: str = "doc.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_issue_example_lone_pipe_cells_give_the_header_fields() -> None:
    doc = parse_file(FIXTURES / "lone_pipe_cells_example.md")
    assert doc.source.format == "md"
    assert doc.number.text == "2770/QĐ-UBND"
    assert doc.date == "2025-11-18"
    assert doc.place == "Đồng Nai"
    assert doc.doc_type.name == "Quyết định"
    assert doc.issuer.name == "Ủy ban nhân dân tỉnh Đồng Nai"  # no Quốc hiệu glued on


def test_issue_example_blocks() -> None:
    raw = read_file(FIXTURES / "lone_pipe_cells_example.md")
    cells = [b for b in raw.blocks if b.kind == "cell"]
    # the 2×2 header table read column by column, as the DOCX and HTML readers do
    assert [b.text for b in cells] == [
        "ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI", "Số: 2770/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đồng Nai, ngày 18 tháng 11 năm 2025",
    ]
    assert {(b.row, b.col) for b in cells} == {(0, 0), (0, 1), (1, 0), (1, 1)}
    texts = [b.text for b in raw.blocks]
    assert "QUYẾT ĐỊNH" in texts  # a bold line stays a line of its own
    assert any(t.startswith("VỀ VIỆC CÔNG BỐ DANH MỤC") for t in texts)  # hard wraps joined
    # a citation broken over two lines is one line again
    assert any("Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010" in t for t in texts)
    assert not any("*" in t or t.strip() == "|" for t in texts)


def test_offsets_point_into_the_file() -> None:
    path = FIXTURES / "lone_pipe_cells_example.md"
    source = path.read_text(encoding="utf-8")
    lines = source.split("\n")
    for block in read_file(path).blocks:
        first, last = block.style["source_lines"]
        start, end = block.style["source_span"]
        assert 1 <= first <= last <= len(lines)
        assert source[start:end] == "\n".join(lines[first - 1:last])
        first_word = block.text.split()[0]
        assert first_word in source[start:end]
    number = next(b for b in read_file(path).blocks if b.text.startswith("Số:"))
    assert number.style["source_lines"] == (12, 12)


def test_pipe_table_escapes_links_images_html(tmp_path: Path) -> None:
    path = _write(tmp_path, (
        "| STT | Nội dung |\n|---|---|\n| 1 | Sửa đổi \\*khoản 2\\* |\n| 2 | Bãi bỏ [Điều 5](http://x/5) |\n\n"
        "Văn bản số 12\\-CV, mục 3\\. ![logo](logo.png) ![](x.png) <span>xem</span> tại &amp; <b>đây</b>\n"
    ))
    raw = read_file(path)
    cells = [(b.row, b.col, b.text) for b in raw.blocks if b.kind == "cell"]
    assert (1, 0, "1") in cells and (1, 1, "Sửa đổi *khoản 2*") in cells and (2, 1, "Bãi bỏ Điều 5") in cells
    assert raw.blocks[-1].text == "Văn bản số 12-CV, mục 3. logo xem tại & đây"


def test_broken_emphasis_is_repaired(tmp_path: Path) -> None:
    path = _write(tmp_path, (
        "**BỘ TÀI CHÍNH\n**\n\n*Hà Nội, ngày 5 tháng 3 năm 2025 *\n\n_ Căn cứ Luật Ngân sách nhà nước;_\n\n"
        "**** Số: 12/2025/TT-BTC\n"
    ))
    assert _texts(path) == [
        "BỘ TÀI CHÍNH", "Hà Nội, ngày 5 tháng 3 năm 2025", "Căn cứ Luật Ngân sách nhà nước;", "Số: 12/2025/TT-BTC",
    ]


def test_hard_wraps_joined_breaks_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, (
        "Căn cứ Nghị định số\n63/2010/NĐ-CP ngày 08 tháng 6 năm 2010;\n\n"
        "**THÔNG TƯ**\nHướng dẫn một số điều\n\nKính gửi: Sở Tài chính  \nSố: 15/BC-UBND\\\nngày 3 tháng 2\n"
    ))
    assert _texts(path) == [
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010;",
        "THÔNG TƯ", "Hướng dẫn một số điều",
        "Kính gửi: Sở Tài chính", "Số: 15/BC-UBND", "ngày 3 tháng 2",
    ]


def test_list_items_keep_their_markers_headings_lose_theirs(tmp_path: Path) -> None:
    path = _write(tmp_path, "## Điều 2. Trách nhiệm\n\n- Sở Y tế;\n- Sở Tư pháp.\n\n3. Hiệu lực\n\na) điểm a\n")
    raw = read_file(path)
    assert [b.text for b in raw.blocks] == ["Điều 2. Trách nhiệm", "- Sở Y tế;", "- Sở Tư pháp.", "3. Hiệu lực",
                                           "a) điểm a"]
    assert raw.blocks[0].style["heading"] == 2


def test_txt_with_emphasis_is_still_read_as_plain_text(tmp_path: Path) -> None:
    text = "**UBND TỈNH**\nSố: 12/UBND\n"
    path = _write(tmp_path, text, "cong_van.txt")
    assert pick_reader(path, text.encode()).name == "text"
    raw = read_file(path)
    assert raw.format == "txt" and [b.text for b in raw.blocks] == [text]


def test_extensionless_file_with_markdown_structure(tmp_path: Path) -> None:
    md = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert pick_reader(tmp_path / "export", md.encode()).name == "markdown"
    assert pick_reader(tmp_path / "export", b"plain text\nSo: 12\n").name == "text"


@pytest.mark.parametrize("name", [
    "html2text_nghi_dinh_25_2026.md", "markdownify_nghi_dinh_25_2026.md", "pandoc_nghi_dinh_25_2026.md",
])
def test_converter_outputs_of_a_devset_page(name: str) -> None:
    doc = parse_file(FIXTURES / name)
    assert doc.number.text == "25/2026/NĐ-CP"
    assert doc.doc_type.name == "Nghị định"
    assert doc.issuer.name == "Chính phủ"
    assert (doc.place, doc.date) == ("Hà Nội", "2026-01-17")
    assert doc.subject.startswith("Quy định chi tiết và biện pháp để tổ chức, hướng dẫn thi hành một số điều")
    assert [(s.authority, s.position, s.name) for s in doc.signers] == [
        (["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG"], "PHÓ THỦ TƯỚNG", "Bùi Thanh Sơn")]


def test_html2text_row_over_lines_of_spaces_and_markdownify_cell_paragraphs() -> None:
    # html2text writes a cell's <br> as a line of spaces inside the row; markdownify joins a cell's paragraphs
    # with two spaces.  Both signature cells give the position and the name on lines of their own.
    for name in ("html2text_luat_108_2025.md", "markdownify_luat_127_2025.md"):
        doc = parse_file(FIXTURES / name)
        assert [(s.position, s.name) for s in doc.signers] == [("CHỦ TỊCH QUỐC HỘI", "Trần Thanh Mẫn")], name
    texts = _texts(FIXTURES / "markdownify_luat_127_2025.md")
    assert texts[:2] == ["QUỐC HỘI", "Luật số: 127/2025/QH15"]


def test_html2text_table_without_outer_pipes() -> None:
    raw = read_file(FIXTURES / "html2text_nghi_dinh_25_2026.md")
    cells = [b.text for b in raw.blocks if b.kind == "cell" and b.table == 0]
    # "| **Độc lập…**": the leading pipe is an empty first cell, so the motto stays in the Quốc hiệu column
    assert cells == ["CHÍNH PHỦ", "Số: 25/2026/NĐ-CP", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 17 tháng 01 năm 2026"]
