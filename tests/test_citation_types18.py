"""Citation types from the symbol's code and laws kept apart from the documents that name them (issue 13, session
18).  The lines are from development documents (vbpl_170, vbpl_271, vbpl_417, vbai_08, vbai_34, ld_033) and
variants of them (other numbers, codes, issuers, law names)."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text


def _cits(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(c.text, c.number, c.doc_type, c.relation) for c in parse_text(text).citations]


@pytest.mark.parametrize(("number", "doc_type"), [
    ("01/BC-HHDN-K5", "Báo cáo"), ("01/BC-HNDN", "Báo cáo"), ("15/KH-UBND", "Kế hoạch"), ("120/UBND-KT", "Công văn"),
])
def test_van_ban_takes_the_type_its_code_names(number: str, doc_type: str) -> None:
    got = _cits(f"Theo đề nghị của Chủ tịch Hiệp hội tại Văn bản số {number} ngày 28 tháng 6 năm 2025.")
    assert [(n, t) for _, n, t, _ in got] == [(number, doc_type)]


@pytest.mark.parametrize(("words", "number", "doc_type"), [
    ("Kết luận thanh tra số", "2852/KL-TTCP", "Kết luận"),
    ("Kết luận thanh tra số", "45/KL-TTr", "Kết luận"),
    ("Báo cáo kết quả số", "17/BC-SNV", "Báo cáo"),
])
def test_a_type_word_with_words_of_its_own_when_the_code_agrees(words: str, number: str, doc_type: str) -> None:
    text, got_number, got_type, _ = _cits(f"1. Đối với 06 trường hợp tại {words} {number} ngày 02 tháng 11 năm 2012 "
                                          "của Thanh tra Chính phủ mà chưa điều chỉnh thời hạn sử dụng đất.")[0]
    assert (text.split(" số ")[0], got_number, got_type) == (words.removesuffix(" số"), number, doc_type)


def test_a_type_word_the_code_contradicts_is_not_read_through_other_words() -> None:
    # "Báo cáo kết quả số 12/QĐ-UBND": the code names a quyết định, so "Báo cáo kết quả" is not its type
    text, number, doc_type, _ = _cits("Căn cứ Báo cáo kết quả số 12/QĐ-UBND ngày 02/3/2025 của UBND tỉnh.")[0]
    assert (number, doc_type) == ("12/QĐ-UBND", "Quyết định") and not text.startswith("Báo cáo")


@pytest.mark.parametrize("name", [
    "Luật Đầu tư theo phương thức đối tác công tư", "Luật Hỗ trợ doanh nghiệp nhỏ và vừa theo chuỗi giá trị",
])
def test_a_law_name_runs_on_to_its_own_number(name: str) -> None:
    got = _cits(f"Căn cứ {name} số 64/2020/QH14;")
    assert got == [(f"{name} số 64/2020/QH14", "64/2020/QH14", "Luật", "basis")]


def test_a_law_name_does_not_run_on_to_another_documents_number() -> None:
    got = _cits("Thực hiện Luật Đầu tư theo quy định số 12/QĐ-UBND ngày 02/3/2025 của UBND tỉnh.")
    assert got[0][0] == "Luật Đầu tư" and got[1][1] == "12/QĐ-UBND"


def test_a_long_amending_law_keeps_its_number_and_its_laws_refer() -> None:
    got = _cits("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương thức đối tác công "
                "tư, Luật Hải quan, Luật Thuế giá trị gia tăng, Luật Thuế xuất khẩu, thuế nhập khẩu, Luật Đầu tư, Luật "
                "Đầu tư công, Luật Quản lý, sử dụng tài sản công số 90/2025/QH15;")
    assert got[0][1:] == ("90/2025/QH15", "Luật", "basis") and got[0][0].endswith("tài sản công số 90/2025/QH15")
    inner = got[1:]
    assert len(inner) == 8 and all(n is None and r == "refers" for _, n, _, r in inner)
    assert inner[-1][0] == "Luật Quản lý, sử dụng tài sản công"


@pytest.mark.parametrize(("doc", "subject"), [
    ("Nghị định số 08/2022/NĐ-CP ngày 10 tháng 01 năm 2022 của Chính phủ", "quy định chi tiết một số điều của"),
    ("Thông tư số 05/2021/TT-BTP ngày 24 tháng 6 năm 2021 của Bộ trưởng Bộ Tư pháp",
     "hướng dẫn một số điều và biện pháp thi hành"),
])
def test_a_law_in_a_cited_documents_subject_refers(doc: str, subject: str) -> None:
    got = _cits(f"Căn cứ {doc} {subject} Luật Bảo vệ môi trường;")
    assert [r for *_, r in got] == ["basis", "refers"]


def test_the_subject_goes_on_through_a_comma_to_the_next_law_it_names() -> None:
    got = _cits("Căn cứ Thông tư số 05/2021/TT-BTP ngày 24 tháng 6 năm 2021 của Bộ trưởng Bộ Tư pháp hướng dẫn một số "
                "điều và biện pháp thi hành Luật Luật sư, Nghị định quy định chi tiết một số điều và biện pháp thi hành "
                "Luật Luật sư;\nCăn cứ Luật Công chứng số 46/2024/QH15;")
    assert [r for *_, r in got] == ["basis", "refers", "refers", "basis"]
