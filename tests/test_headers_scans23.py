"""Session 23 (issue 12): two header lines of an old scanned quyết định that ended or misread its header
(caobang_qd157_1999, corpus, OCR'd): a mark written between the Quốc hiệu and the date (``Ch.9``) ended the header
before the date line, and the old title ``QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH`` gave ``CỦA ỦY BAN NHÂN DÂN TỈNH`` as
the trích yếu.  Variants of that header (its OCR'd lines, as the reader gives them) with other marks and titles."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 157/QĐ-NĐ-UB\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
DATE = "Cao Bằng, ngày 22 tháng 2 năm 1999.\n"
TITLE = "QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH\nVề việc : Giao quyền sử dụng đất ở dân cư\n"
BODY = "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\n- Căn cứ Luật Tổ chức HĐND và UBND các cấp ngày 21/6/1994.\nQUYẾT ĐỊNH:\nĐiều 1. Giao quyền sử dụng đất.\n"


@pytest.mark.parametrize("mark", ["Ch.9", "HT", "x/2 Kt", "Zz"])
def test_a_mark_between_the_quoc_hieu_and_the_date_does_not_end_the_header(mark: str) -> None:
    doc = parse_text(HEAD + mark + "\n" + DATE + TITLE + BODY)
    assert doc.date == "1999-02-22" and doc.place == "Cao Bằng"
    assert doc.subject == "Về việc : Giao quyền sử dụng đất ở dân cư"


@pytest.mark.parametrize("line", ["Căn cứ Luật Đất đai;", "1. Giao đất", "Điều 1"])
def test_a_line_with_words_or_a_label_still_starts_the_body(line: str) -> None:
    doc = parse_text(HEAD + line + "\n" + DATE + TITLE + BODY)
    assert doc.date is None  # the header ended at the line, as before


@pytest.mark.parametrize("title,subject", [
    ("QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH\nVề việc : Giao quyền sử dụng đất ở dân cư", "Về việc : Giao quyền sử dụng đất ở dân cư"),
    ("QUYẾT ĐỊNH CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nVề việc giao đất", "Về việc giao đất"),
    ("CHỈ THỊ CỦA ỦY BAN NHÂN DÂN TỈNH\nVỀ VIỆC TĂNG CƯỜNG QUẢN LÝ ĐẤT ĐAI", "VỀ VIỆC TĂNG CƯỜNG QUẢN LÝ ĐẤT ĐAI"),
])
def test_an_old_title_naming_its_issuer_is_no_trich_yeu(title: str, subject: str) -> None:
    doc = parse_text(HEAD + DATE + title + "\n" + BODY)
    assert doc.subject == subject
