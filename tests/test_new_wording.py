"""The new wording an amending text writes into another document is not the amending document's own: it assigns
no task (``zoning.quotes``; qd115_2004_ttg_tcvn3pdf's quoted new Điều 13 gave three tasks before)."""
from pathlib import Path

import pytest

from vnadmin_nlp.zoning.quotes import in_new_wording

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Lines of qd115_2004_ttg_tcvn3pdf (straight quotes, as the TCVN3 conversion prints them).
STRAIGHT = (
    "2. Điều 13 được sửa đổi như sau:\n"
    "\"Điều 13. Ban điều hành Quỹ bảo lãnh tín dụng gồm Giám đốc, các Phó Giám\n"
    "2. Giao hoặc ủy thác cho Quỹ tài chính địa phương thực hiện nhiệm vụ bảo lãnh\n"
    "và Ban điều hành.\"\n"
    "Điều 2. Quyết định này có hiệu lực sau 15 ngày kể từ ngày đăng Công báo.\n"
)


def test_a_quoted_paragraph_after_a_colon_is_new_wording_until_its_line_closing_quote():
    assert in_new_wording(STRAIGHT, STRAIGHT.index("Ban điều hành Quỹ"))
    assert in_new_wording(STRAIGHT, STRAIGHT.index("Giao hoặc ủy thác"))
    assert not in_new_wording(STRAIGHT, STRAIGHT.index("Điều 2. Quyết định"))
    assert not in_new_wording(STRAIGHT, STRAIGHT.index("2. Điều 13"))


def test_typographic_quotes_close_at_the_closing_mark():
    text = "Khoản 1 Điều 5 được sửa đổi như sau:\n“1. Sở Tài chính chủ trì thẩm định.”\nĐiều 2. Giao Sở Nội vụ theo dõi."
    assert in_new_wording(text, text.index("Sở Tài chính"))
    assert not in_new_wording(text, text.index("Giao Sở Nội vụ"))


def test_a_quote_inside_a_sentence_or_not_after_a_colon_is_not_new_wording():
    # a term quoted in running text; an OCR'd page's lost closing quote does not open new wording
    text = "Sở Nội vụ hướng dẫn việc \"sáp nhập\" các đơn vị;\nGiao Sở Tài chính bố trí kinh phí.\n"
    assert not in_new_wording(text, text.index("Giao Sở Tài chính"))
    text = "Điều 1. Phê duyệt Kế hoạch.\n\"Giao Sở Tài chính bố trí kinh phí.\n"
    assert not in_new_wording(text, text.index("Giao Sở Tài chính"))


def test_a_straight_quote_that_never_closes_is_not_trusted():
    # cucthue_cv2191_2026 (OCR'd): "… quy định:" then a quoted article whose closing quote OCR lost; the letter's
    # own "Căn cứ các quy định nêu trên …" after it is its own words
    text = ("67/2025/QH15 quy định:\n\"Điều 23. Điều kiện áp dụng ưu đãi thuế thu nhập doanh nghiệp\n"
            "nghiệp (số năm đã áp dụng miễn thuế, giảm thuế:\nCăn cứ các quy định nêu trên thì trường hợp doanh nghiệp\n")
    assert not in_new_wording(text, text.index("Căn cứ các quy định"))
    assert in_new_wording(text + "được hưởng ưu đãi.\"\n", text.index("Căn cứ các quy định"))


@pytest.mark.skipif(not (SHARED / "corpus" / "qd115_2004_ttg_tcvn3pdf.pdf").exists(), reason="../shared not beside the clone")
def test_an_amending_decision_has_only_its_own_tasks():
    from vnadmin_nlp import parse_file

    doc = parse_file(SHARED / "corpus" / "qd115_2004_ttg_tcvn3pdf.pdf")
    leads = [t.lead for t in doc.tasks]
    assert leads == [
        ["Bộ trưởng Bộ Tài chính"],
        ["Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ",
         "Chủ tịch Uỷ ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"],
    ]
