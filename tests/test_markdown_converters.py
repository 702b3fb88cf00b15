"""Issue 17: what html2text and markdownify do to a vbpl.vn page that the Markdown reader undoes.

The lines are taken from the converters' copies of development-set pages (html2text: vbpl_261, vbpl_135,
vbpl_113, vbpl_280, vbpl_461, vbpl_009, vbpl_734; markdownify: vbpl_561, vbpl_616).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from vnadmin_nlp import parse_file
from vnadmin_nlp.readers import read_file
from vnadmin_nlp.readers.markdown.respace import rejoin

pytest.importorskip("markdown_it")


def _cells(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return [b.text for b in read_file(path).blocks]


@pytest.mark.parametrize("cut, whole", [
    ("CHÍNH PH Ủ", "CHÍNH PHỦ"),  # <b><span>CHÍNH PH</span>Ủ</b>
    ("Hà N ội, ng ày 31 tháng 12 năm 2025", "Hà Nội, ngày 31 tháng 12 năm 2025"),
    ("CH Ủ TỊCH QUỐC HỘI", "CHỦ TỊCH QUỐC HỘI"),
    ("Hà Nội, ngày 13 tháng 02 năm 20 26", "Hà Nội, ngày 13 tháng 02 năm 2026"),
    ("thông qua ngày 10 tháng 1 2 năm 2025", "thông qua ngày 10 tháng 12 năm 2025"),
    ("Thông tư số18/2024/TT-NHNN", "Thông tư số 18/2024/TT-NHNN"),
])
def test_words_and_date_numbers_cut_by_a_space_are_joined(cut: str, whole: str) -> None:
    assert rejoin(cut) == whole


@pytest.mark.parametrize("text", [
    "ông A và B", "UBND tỉnh", "Phòng GD ĐT", "khoản 1 2 và 3", "năm 20 26 27", "Luật số 59/2020/QH14", "ô tô",
])
def test_words_that_are_words_stay_apart(text: str) -> None:
    assert rejoin(text) == text


def test_signature_cell_with_empty_bold_runs_gives_one_line_per_paragraph(tmp_path: Path) -> None:
    cells = _cells(tmp_path, (
        "Các Bộ trưởng chịu trách nhiệm thi hành Quyết định này./.\n\n"
        "|  **KT. THỦ TƯỚNG** **PHÓ THỦ TƯỚNG** **(Đã ký)********Bùi Thanh Sơn**  \n---|---\n"
    ))
    assert cells[-4:] == ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "(Đã ký)", "Bùi Thanh Sơn"]
    cells = _cells(tmp_path, "\\- Lưu: VT, ĐĐBĐ. |  **KT.****BỘ********TRƯỞNG********THỨ TRƯỞNG********_(Đã ký)_** "
                             "**Nguyễn Hoàng Hiệp** ****  \n---|---\n")
    assert cells[1:] == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "(Đã ký) Nguyễn Hoàng Hiệp"]


def test_runs_side_by_side_keep_a_space_but_not_before_a_comma(tmp_path: Path) -> None:
    assert _cells(tmp_path, "**thuộc thẩm quyền của Bộ trưởng Bộ Văn hóa****, Thể thao và Du lịch**\n") == [
        "thuộc thẩm quyền của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"]
    assert _cells(tmp_path, "|  |  |\n| --- | --- |\n| **CHÍNH PHỦ****\\_\\_\\_\\_\\_\\_\\_** | x |\n")[0] == "CHÍNH PHỦ _______"


def test_an_empty_strikethrough_is_no_code_fence(tmp_path: Path) -> None:
    cells = _cells(tmp_path, (
        "**THÔNG TƯ**  \n**Sửa đổi, bổ sung một số điều của Thông tư số 13/2015/TT-BTC**\n\n~~~~\n\n"
        "_Căn cứ Luật Hải quan số 54/2014/QH13 được sửa đổi, bổ sung bởi Luật số\n90/2025/QH15._\n"
    ))
    assert cells == ["THÔNG TƯ", "Sửa đổi, bổ sung một số điều của Thông tư số 13/2015/TT-BTC",
                     "Căn cứ Luật Hải quan số 54/2014/QH13 được sửa đổi, bổ sung bởi Luật số 90/2025/QH15."]


HTML2TEXT_HEADER = """\
**CHÍNH PH Ủ  
\\-------** |  **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc  
\\---------------**  
---|---  
Số: 309/2025/NĐ-CP |  _Hà N ội, ngày 29 tháng 11 năm 2025_  
  
**NGHỊ ĐỊNH**

**Sửa đổi, bổ sung một số điều của Nghị định số 26/2019/NĐ-CP**

_Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;_

Nghị định này có hiệu lực thi hành từ ngày ký ban hành./.

|  **TM. CHÍNH PH Ủ  
KT. TH Ủ TƯỚNG  
PHÓ TH Ủ TƯỚNG  
(Đã ký)  
Trần Hồng Hà**  
---|---
"""


def test_html2text_copy_gives_the_header_fields(tmp_path: Path) -> None:
    path = tmp_path / "doc_000261.md"
    path.write_text(HTML2TEXT_HEADER, encoding="utf-8")
    doc = parse_file(path)
    assert (doc.issuer.name, doc.number.text, doc.date, doc.place) == ("Chính phủ", "309/2025/NĐ-CP", "2025-11-29", "Hà Nội")
    assert doc.signers[0].name == "Trần Hồng Hà"
    assert doc.signers[0].position == "PHÓ THỦ TƯỚNG"
