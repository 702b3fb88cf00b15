"""The trích yếu of a chỉ thị ends where its body's first paragraph starts, also with the lines wrapped as a PDF's text
layer gives them (scripts/plan_variants.py --render pdf, structure directive): a trích yếu is one phrase, so a
capitalised line whose paragraph holds a sentence's end and another sentence is the body (zoning/subject.py
``opens_paragraph``).  The openings are the provincial directives' (qngai_ct16_2021, qngai_ct2020_apr) and their
variants."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 05/CT-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 02 tháng 6 năm 2025
CHỈ THỊ
Về việc tăng cường công tác chuyển đổi số
trên địa bàn tỉnh
"""
ITEMS = "1. Giám đốc Sở Nội vụ:\na) Theo dõi, đôn đốc các hội tổ chức đại hội.\n"
SUBJECT = "Về việc tăng cường công tác chuyển đổi số trên địa bàn tỉnh"


@pytest.mark.parametrize("opening", [
    "Thời gian qua, các sở, ban, ngành và UBND các huyện, thị xã, thành phố\nđã tích cực triển khai công tác chuyển đổi số, đạt nhiều kết quả quan\n"
    "trọng. Tuy nhiên, việc triển khai ở một số địa phương còn chậm.\nĐể khắc phục những hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu:\n",
    "Trong những năm qua, công tác chuyển đổi số trên địa bàn tỉnh đã đạt\nđược kết quả bước đầu. Tuy nhiên, vẫn còn hạn chế.\nChủ tịch UBND tỉnh yêu cầu:\n",
    "Năm 2024, toàn tỉnh đã hoàn thành 95% chỉ tiêu. Năm 2025 là năm\ncuối của giai đoạn, Chủ tịch UBND tỉnh yêu cầu:\n",
    "Để đẩy mạnh chuyển đổi số trong thời gian tới, Chủ tịch UBND\ntỉnh yêu cầu:\n",
])
def test_a_directives_first_paragraph_is_no_part_of_its_trich_yeu(opening: str) -> None:
    assert parse_text(HEAD + opening + ITEMS).subject == SUBJECT


def test_a_trich_yeu_wrapped_on_a_name_or_before_can_cu_goes_on() -> None:
    # a capitalised line that wraps the trích yếu, with no sentence ended in its paragraph, stays in it
    head = HEAD.replace("trên địa bàn tỉnh\n", "theo Nghị quyết của\nBan Chấp hành Đảng bộ tỉnh Quảng Ngãi\n")
    assert parse_text(head + "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\n" + ITEMS).subject == \
        "Về việc tăng cường công tác chuyển đổi số theo Nghị quyết của Ban Chấp hành Đảng bộ tỉnh Quảng Ngãi"
    law = HEAD.replace("Về việc tăng cường công tác chuyển đổi số\ntrên địa bàn tỉnh\n", "Quy định chi tiết một số điều của Luật\nĐất đai\n")
    assert parse_text(law + "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\nCăn cứ Luật Tổ chức Chính phủ.\n" + ITEMS).subject == \
        "Quy định chi tiết một số điều của Luật Đất đai"
