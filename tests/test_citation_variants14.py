"""Citations on forms the development documents do not print (issue 13, session 14): real sentences of dev
documents (qngai_ct16, qngai_cv575, bgddt_qd2827, ld_061, nd29) turned into variants — another cue verb, a line
break or OCR spaces inside the number, an en dash for the hyphen, a code read without the bar of its Đ, the
mentions in another order — to test that the relation and the number come from the mechanism, not the file."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 16/CT-UBND\n\nQuảng Ngãi, ngày 22 tháng 12 năm 2021\n\nCHỈ THỊ\nVề việc tổ chức Tết\n\n"


def _cits(body: str) -> list[tuple[str | None, str | None, str]]:
    return [(c.number or c.text, c.doc_type, c.relation) for c in parse_text(HEAD + body).citations]


# qngai_ct16, 14.b: "Tiếp tục rà soát và triển khai thực hiện hiệu quả Chỉ thị số 02/CT-BTC … của Bộ trưởng Bộ Tài
# chính và chỉ đạo của UBND tỉnh tại Công văn số 6658/UBND-KTTH …"
CT16 = ("b) Tiếp tục rà soát và {cue} Chỉ thị số 02/CT-BTC ngày 25/11/2021 của Bộ trưởng Bộ Tài chính và chỉ đạo của UBND\n"
        "tỉnh tại Công văn số {num} ngày 08/12/2021 về tăng cường công tác quản lý, điều hành giá.")


@pytest.mark.parametrize("cue,rel", [("triển khai thực hiện hiệu quả", "implements"), ("thực hiện nghiêm", "implements"),
                                     ("quán triệt", "implements"), ("triển khai", "implements")])
@pytest.mark.parametrize("num", ["6658/UBND-KTTH", "6658/UBND- KTTH", "6658/UBND-\nKTTH", "6658 / UBND – KTTH"])
def test_a_second_document_followed_takes_the_cue_of_the_first(cue: str, rel: str, num: str) -> None:
    got = _cits(CT16.format(cue=cue, num=num))
    assert got == [("02/CT-BTC", "Chỉ thị", rel), ("6658/UBND-KTTH", "Công văn", rel)]


def test_the_issuer_stops_before_what_else_is_followed() -> None:
    doc = parse_text(HEAD + CT16.format(cue="thực hiện", num="6658/UBND-KTTH"))
    assert doc.citations[0].issuer == "Bộ trưởng Bộ Tài chính"
    assert doc.citations[0].key == "02/CT-BTC@2021"


# qngai_ct16, 2.d: the trích yếu of the first Quy định, then "và" and the second (OCR: "vê", "sô")
CT16_D = ("d) {cue} Quy định số 08-QĐ/TW ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII {ve} trách nhiệm nêu gương của\n"
          "cán bộ, đảng viên và Quy định {so} 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.")


@pytest.mark.parametrize("ve,so", [("về", "số"), ("vê", "sô"), ("về", "sô")])
@pytest.mark.parametrize("cue,rel", [("Thực hiện nghiêm", "implements"), ("Quán triệt", "implements")])
def test_a_list_joined_after_a_trich_yeu_keeps_the_relation(ve: str, so: str, cue: str, rel: str) -> None:
    got = _cits(CT16_D.format(cue=cue, ve=ve, so=so))
    assert got == [("08-QĐ/TW", "Quy định", rel), ("37-QĐ/TW", "Quy định", rel)]


def test_the_other_order_of_the_list() -> None:
    body = ("d) Thực hiện nghiêm Quy định số 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về những điều "
            "đảng viên không được làm và Quy định số 08-QĐ/TW ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII.")
    assert [r for _, _, r in _cits(body)] == ["implements", "implements"]


@pytest.mark.parametrize("printed", ["1766/QĐ-BGDDT", "1766/QD-BGDĐT", "1766/QD-BGDDT", "1766/QĐ - BGDĐT", "1766 /QĐ-BGDĐT"])
def test_a_code_read_without_its_bar_keys_as_the_code(printed: str) -> None:
    # bgddt_qd2827: OCR reads "BGDĐT" as "BGDDT"; the text keeps what is printed, the key is the code's
    doc = parse_text(HEAD + f"Bãi bỏ Quyết định số {printed} ngày 01/7/2024 của Bộ trưởng Bộ Giáo dục và Đào tạo.")
    c = doc.citations[0]
    assert printed in c.text
    assert c.key == "1766/QĐ-BGDĐT@2024"
    assert c.relation == "repeals" or c.relation == "refers"  # (a chỉ thị repeals nothing: not_amending_types aside)


@pytest.mark.parametrize("cue,rel", [("Căn cứ", "basis"), ("Thực hiện", "implements"), ("Triển khai", "implements"),
                                     ("Trả lời", "responds_to")])
def test_the_cue_of_the_clause_reaches_a_list_broken_over_lines(cue: str, rel: str) -> None:
    # qngai_cv575's list of the Bộ Tài chính's letters, cue swapped
    body = (f"{cue} các Công văn số 1060/BTC-QLGCS ngày 23/01/2025 và số\n1187/BTC-ĐT ngày 24/01/2025 của Bộ Tài chính, "
            "Ủy ban nhân dân tỉnh có ý kiến như sau:")
    assert [(n, r) for n, _, r in _cits(body)] == [("1060/BTC-QLGCS", rel), ("1187/BTC-ĐT", rel)]


@pytest.mark.parametrize("sentence,expected", [
    # ld_061: Party resolutions by their number alone
    ("Tích hợp Nghị quyết 57 và Nghị quyết 68 của Bộ Chính trị vào các chỉ số thành phần.",
     [("57", "Nghị quyết", "refers"), ("68", "Nghị quyết", "refers")]),
    ("Thực hiện Nghị quyết 57 của Bộ Chính trị, các sở xây dựng kế hoạch.", [("57", "Nghị quyết", "implements")]),
    ("Tiếp tục triển khai Chỉ thị 05, Nghị quyết 68.", [("05", "Chỉ thị", "implements"), ("68", "Nghị quyết", "implements")]),
])
def test_a_document_named_by_its_number_alone(sentence: str, expected: list) -> None:
    assert _cits(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Nghị quyết 57 điểm mới được nêu.",  # a count, not a number
    "Thực hiện Điều 5 Nghị định 30 năm nay.",  # no boundary after the number
    "Có 2 Quyết định 15 ngày qua được ban hành.",  # a type not cited so
    "Điều 1. Bãi bỏ toàn bộ các Thông tư\n1. Thông tư số 15/2010/TT-BTC ngày 29/01/2010.",  # vbpl_175: a list's label
])
def test_a_number_alone_that_is_no_mention(sentence: str) -> None:
    assert [c for c in parse_text(HEAD + sentence).citations if c.number in ("57", "30", "15", "1")] == []


def test_the_constitution_named_alone() -> None:
    # nd29: "trong khuôn khổ của Hiến pháp và pháp luật", "vi phạm Hiến pháp, pháp luật"
    body = ("Điều 3. Dân chủ trong khuôn khổ của Hiến pháp và pháp luật; kiên quyết xử lý những hành vi lợi dụng dân chủ vi "
            "phạm Hiến pháp, pháp luật. Bảo đảm quyền làm chủ của nhân dân trên các lĩnh vực đã được ghi trong Hiến pháp, Luật và "
            "các văn bản pháp luật.")
    got = _cits(body)
    assert got == [("Hiến pháp", "Hiến pháp", "refers")] * 3


CV575 = ("Kính gửi: Sở Tài chính\n"
         "{cue} tại nội dung các Công văn: Số\n1060/BTC-QLGCS ngày 23/01/2025 về việc xin ý kiến dự thảo Nghị định sửa đổi "
         "Nghị định số 103/2024/NĐ-CP ngày 30/7/2024 và Nghị định số 104/2024/NĐ-CP ngày 31/7/2024 của Chính phủ; số 1187/BTC-ĐT "
         "ngày 24/01/2025 về việc xin ý kiến dự thảo Nghị định, Ủy ban nhân dân tỉnh có ý kiến như sau:")


@pytest.mark.parametrize("cue,rel", [
    ("Theo đề nghị của Bộ Tài chính", "implements"),  # a third party's request, carried out by the addressee
    ("Theo đề nghị của Sở Tài chính", "responds_to"),  # the addressee's own request: answered
    ("Thực hiện chỉ đạo của Bộ Tài chính", "implements"),
])
def test_a_numbered_list_after_a_colon_continues_past_the_trich_yeu(cue: str, rel: str) -> None:
    # qngai_cv575: the colon opens the list; "số 1187" continues the Công văn list, not the Nghị định of 1060's subject
    got = _cits(CV575.format(cue=cue))
    assert [(n, r) for n, _, r in got] == [("1060/BTC-QLGCS", rel), ("103/2024/NĐ-CP", "refers"),
                                           ("104/2024/NĐ-CP", "refers"), ("1187/BTC-ĐT", rel)]


@pytest.mark.parametrize("addressee,rel", [("Sở Nội vụ", "refers"), ("Hội Công chứng viên tỉnh Lâm Đồng", "responds_to")])
def test_a_document_received_from_a_third_party_is_passed_on(addressee: str, rel: str) -> None:
    # ld_016: "Sở Tư pháp nhận được Tờ trình … của Hội Công chứng viên", written to Sở Nội vụ
    body = (f"Kính gửi: {addressee}\nSở Tư pháp nhận được Tờ trình số 59/TTr-HCCV ngày 28/11/2025 của Hội Công chứng viên "
            "tỉnh Lâm Đồng về việc đề nghị hợp nhất Hội.")
    assert [r for _, _, r in _cits(body)] == [rel]


def test_an_opinion_on_the_request_answered_is_referred_to() -> None:
    # vbai_43 (also vbai_20, vbai_56, vbai_61): "… nhận được Công văn số 02/BC-LĐQV … về việc báo cáo kết quả đại hội …
    # và ý kiến của Sở Nội vụ tại Tờ trình số 478/TTr-SNV …": the letter answers the request; the opinion is referred to
    body = ("Kính gửi: Liên đoàn Quần vợt tỉnh Bình Thuận\nỦy ban nhân dân tỉnh nhận được Công văn số 02/BC-LĐQV ngày 24/01/2025 "
            "của Liên đoàn Quần vợt tỉnh Bình Thuận về việc báo cáo kết quả đại hội, nhiệm kỳ VII (2025 - 2030) và ý kiến của "
            "Sở Nội vụ tại Tờ trình số 478/TTr-SNV ngày 21/02/2025 về việc thông báo kết quả đại hội.")
    assert [r for _, _, r in _cits(body)] == ["responds_to", "refers"]
    # a directive followed after a document followed keeps the cue ("… và chỉ đạo của UBND tỉnh tại Công văn số …")
    body = ("Thực hiện Kế hoạch số 119/KH-BCĐ389 ngày 02/12/2021 của Ban Chỉ đạo 389 quốc gia về cao điểm chống buôn lậu "
            "và chỉ đạo của Ban Chỉ đạo 389 tỉnh tại Kế hoạch số 01/KH-BCĐ389 ngày 10/12/2021, các sở triển khai.")
    assert [r for _, _, r in _cits(body)] == ["implements", "implements"]


def test_a_request_of_an_addressee_named_with_its_head_or_in_a_list_is_answered() -> None:
    # vbai_04: "Kính gửi: - Các sở: Thông tin và Truyền thông, …, Nội vụ;" then "Xét đề nghị của Giám đốc Sở Nội vụ tại
    # Tờ trình số 3367/TTr-SNV …"
    body = ("Kính gửi:\n- Các sở: Thông tin và Truyền thông, Xây dựng, Nội vụ;\n- Các hội: Hội Nghề cá, Hội Tin học.\n"
            "Xét đề nghị của Giám đốc Sở {who} tại Tờ trình số 3367/TTr-SNV ngày 28 tháng 11 năm 2024 về việc báo cáo, Chủ "
            "tịch Ủy ban nhân dân tỉnh có ý kiến như sau:")
    assert [r for _, _, r in _cits(body.format(who="Nội vụ"))] == ["responds_to"]
    assert [r for _, _, r in _cits(body.format(who="Tài chính"))] == ["implements"]
