"""Citations per mention (issue 13): the relation of each mention's own clause, the type its symbol names, the laws
inside an amending law, the document naming itself, short mentions tied to their full mention, printed typos.
The lines are from the development documents (vbpl_101, vbpl_135, ld_027, ld_046, ld_080, qngai_cv575,
bgddt_qd2827, cucthue_cv2191)."""
from __future__ import annotations

from vnadmin_nlp import parse_file, parse_text
from vnadmin_nlp.identity import citation_key, fix_symbol, key_symbol, lookup_key

from .conftest import FIXTURES


def _cits(text: str):
    return [(c.number, c.doc_type, c.relation) for c in parse_text(text).citations]


def test_split_term_is_mended_in_the_number_and_kept_in_the_text():
    [c] = parse_text("Căn cứ Luật hải quan số 54/2014/QH-13 ngày 23 tháng 6 năm 2014;").citations
    assert (c.number, c.key, c.doc_type, c.relation) == ("54/2014/QH13", "54/2014/QH13", "Luật", "basis")
    assert c.text.endswith("54/2014/QH-13 ngày 23 tháng 6 năm 2014")


def test_keys_of_dotted_numbers_and_typos():
    assert fix_symbol("54/2014/QH-13") == "54/2014/QH13"
    assert key_symbol("1.234/QĐ-UBND") == "1234/QĐ-UBND"
    assert key_symbol("66.12/2026/NQ-CP") == "66.12/2026/NQ-CP"  # the Government's numbered series: not thousands
    assert citation_key("1.234/QĐ-UBND", 2020, None, "UBND", None) == citation_key("1234/QĐ-UBND", 2020, None, "UBND", None)
    assert lookup_key("1.234/QĐ-UBND") == lookup_key("1234/QĐ-UBND") == "1234/qd-ubnd"
    [c] = parse_text("Công văn số 1393/CAT-PA05 ngày 16/9/2025").citations
    assert c.number == "1393/CAT-PA05"  # a numbered unit, not a footnote marker


def test_a_law_named_inside_an_amending_law_is_its_own_mention_without_the_number():
    d = parse_text(
        "Căn cứ Luật Sở hữu trí tuệ số 50/2005/QH11 ngày 29 tháng 11 năm 2005; Luật Sửa đổi, bổ sung một số Điều "
        "của Luật Sở hữu trí tuệ số 36/2009/QH12 ngày 19 tháng 06 năm 2009;"
    )
    got = [(c.text, c.number, c.relation) for c in d.citations]
    assert got[1] == ("Luật Sửa đổi, bổ sung một số Điều của Luật Sở hữu trí tuệ số 36/2009/QH12 ngày 19 tháng 06 năm 2009",
                      "36/2009/QH12", "basis")
    assert got[2] == ("Luật Sở hữu trí tuệ", None, "refers")
    assert d.citations[2].date is None and d.citations[2].key == "law:luat-so-huu-tri-tue"


def test_relation_of_each_mentions_own_clause():
    # the "Căn cứ" governs the first mention; the second sits in the document's own clause (ld_027)
    d = parse_text(
        "Căn cứ khoản 10 Điều 49 Nghị định số 126/2024/NĐ-CP ngày 08/10/2024\ncủa Chính phủ quy định về tổ chức, "
        "hoạt động và quản lý hội, Bộ Nội vụ đề nghị Ủy ban nhân dân tỉnh, thành phố khẩn trương xây dựng báo cáo "
        "theo Mẫu số 14 Phụ lục III ban hành\nkèm theo Nghị định số 126/2024/NĐ-CP (đính kèm theo)."
    )
    assert [c.relation for c in d.citations] == ["basis", "refers"]
    assert d.citations[1].refers_to == d.citations[0].text  # named again in full: the first full mention
    # a "Căn cứ" list of items, one of them described in parentheses (ld_080)
    assert _cits(
        "Căn cứ quy định của Luật Luật sư năm 2006 (được sửa đổi, bổ sung năm\n2012), Điều lệ Liên đoàn Luật sư Việt "
        "Nam ban hành kèm theo Quyết định số\n856/QĐ-TTg ngày 19/7/2022 của Thủ tướng Chính phủ phê duyệt Điều lệ"
    )[-1] == ("856/QĐ-TTg", "Quyết định", "basis")
    # the cue in a cited document's trích yếu is that document's, not this one's
    assert _cits(
        "Căn cứ Luật sở hữu trí tuệ số 50/2005/QH11 ngày 29 tháng 11 năm 2005 và Luật số 36/2009/QH12 ngày 19 tháng 6 "
        "năm 2009 sửa đổi, bổ sung một số điều của Luật sở hữu trí tuệ;"
    ) == [("50/2005/QH11", "Luật", "basis"), ("36/2009/QH12", "Luật", "basis"), (None, "Luật", "refers")]
    # a request answered (ld_046); an everyday verb in mid-sentence only refers (cucthue_cv2191)
    assert _cits("Trên cơ sở đề nghị của Công an tỉnh tại Công văn số 1393/CAT-PA05 ngày 16/9/2025, Sở có ý kiến")[0][2] == "responds_to"
    assert _cits("nếu Giấy vẫn thực hiện theo quy định tại Nghị định số 13/2019/NĐ-CP. Do đó")[0][2] == "refers"


def test_items_of_a_colon_introduced_list_take_the_intros_cue():
    d = parse_text(
        "Bãi bỏ các nội dung liên quan đến thủ tục hành chính nội bộ tại Quyết định này\nđã được công bố tại các "
        "Quyết định:\n- Quyết định số 2344/QĐ-BGDDT ngày 14/8/2023 của Bộ trưởng Bộ Giáo dục\nvà Đào tạo về việc "
        "công bố thủ tục hành chính nội bộ;\n- Quyết định số 1709/QĐ-BGDĐT ngày 27/6/2025 của Bộ trưởng Bộ Giáo "
        "dục và Đào tạo về việc công bố thủ tục hành chính nội bộ.\n"
    )
    assert [(c.number, c.relation) for c in d.citations if c.number] == [("2344/QĐ-BGDDT", "repeals"), ("1709/QĐ-BGDĐT", "repeals")]


def test_type_from_the_symbol_with_a_warning_when_the_text_says_otherwise():
    d = parse_text(
        "và Nghị định số 104/2024/NĐ- CP ngày\n31/7/2024 của Chính phủ; số 1187/BTC-ĐT ngày 24/01/2025 về việc xin ý "
        "kiến dự thảo Nghị định"
    )
    assert [(c.number, c.doc_type) for c in d.citations] == [("104/2024/NĐ-CP", "Nghị định"), ("1187/BTC-ĐT", "Công văn")]
    [w] = [w for w in d.warnings if w.code == "citation_type_mismatch"]
    assert "1187/BTC-ĐT" in w.message and w.span == d.citations[1].span
    # an administrative type printed without its code keeps its word (provincial vbai_41)
    assert _cits("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 519/SNV-TCCC ngày 24/02/2025")[0][1] == "Tờ trình"


def test_the_document_naming_itself():
    d = parse_file(FIXTURES / "samples" / "quyet_dinh_snv_binh_thuan.docx")
    selves = [c for c in d.citations if c.refers_to == "self"]
    assert selves and all(c.text == "Quyết định này" and c.number is None and c.relation == "refers" for c in selves)
    assert {c.key for c in selves} == {None}  # the sample's number is left blank: no key of its own
    d = parse_file(FIXTURES / "samples" / "thong_tu_40_2000_btc_tcvn3.rtf")
    assert {c.key for c in d.citations if c.refers_to == "self"} == {"40/2000/TT/BTC"}  # keyed as the document


def test_quoted_and_other_type_mentions_name_the_cited_document():
    d = parse_text(
        "NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 06/2005/NĐ-CP ngày 19 tháng 01 năm 2005 của "
        "Chính phủ\n1. Điều 1 được sửa đổi, bổ sung như sau:\n“Điều 1. Nghị định này quy định việc lập và hoạt động "
        "của Văn phòng đại diện.”.\nĐiều 3. Nghị định này có hiệu lực thi hành kể từ ngày ký."
    )
    inner, own = [c for c in d.citations if c.text == "Nghị định này"]
    assert inner.refers_to == d.citations[0].text and inner.key == "06/2005/NĐ-CP" and inner.number is None
    assert own.refers_to == "self"


def test_a_this_mention_of_another_type_or_of_an_attachment(shared):
    d = parse_file(shared / "corpus" / "cucthue_cv2191_2026.pdf")  # a công văn quoting a nghị định
    nd = [c for c in d.citations if c.text == "Nghị định này"]
    assert nd and all(c.refers_to and c.refers_to.startswith("Nghị định số 268/2025/NĐ-CP") for c in nd)
    # "Quy chế này" in a quyết định names the quy chế it issues: no citation at all (null, not a guess)
    d = parse_text("QUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\nQuy chế này áp dụng cho các phòng.")
    assert [c.text for c in d.citations] == ["Quyết định này"]

