"""Cited numbers and symbols in the forms documents print them (issue 13, session 20): every form of
scripts/citation_variants.yaml ``number_forms`` (spaces and dashes around separators, a doubled separator, a symbol
broken over two lines, ``Ð``/``D`` for ``Đ``, OCR's letters for digits, lists sharing a type or a symbol, Party
symbols, the date first, laws by name, a draft's blank number, parentheses and quotes) read with its number, type,
relation and key in each clause; and the issuer of a citation read on over a PDF's line end."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.extractors.citing.numbers import ocr_digits

from .script_module import load_script

citation_variants = load_script("citation_variants")
VARIANTS = citation_variants.number_variants()


def test_the_forms_cover_the_issue_list() -> None:
    forms = {v.form for v in VARIANTS}
    assert {"space_before_slash", "colon_after_so", "en_dash_spaced", "broken_line", "eth_for_dj", "ascii_d",
            "ocr_letter_digit", "list_shared_type", "list_repeated_so", "list_shared_symbol", "dotted_number", "party",
            "date_before_number", "law_by_name", "law_with_number", "blank_number", "in_parentheses", "in_quotes"} <= forms
    assert any(v.place.endswith("+wrapped") for v in VARIANTS)


@pytest.mark.parametrize("variant", [v for v in VARIANTS if not v.open], ids=lambda v: f"{v.form}-{v.place}-{v.mention[:20]}")
def test_each_form_is_read(variant) -> None:
    got = citation_variants.read_numbers(variant)
    assert got["extra"] == []
    for row in got["rows"]:
        e = row["expected"]
        assert row["found"], e
        assert (row.get("number"), row["type"], row["relation"]) == (e.get("number"), e["type"], e["relation"])
        assert row.get("key_right", True)


def test_the_scores_count_a_wrong_number_as_missed_and_false() -> None:
    """The harness itself: a number read otherwise is one miss and one false number."""
    v = citation_variants.NumberVariant("f", "p", "", "", ({"number": "1/QĐ-UBND", "type": "Quyết định", "relation": "basis"},))
    r = {"rows": [{"expected": v.expected[0], "found": True, "number": "1/QĐ", "type": "Quyết định", "relation": "basis"}], "extra": []}
    s = citation_variants.score_numbers([(v, r)])["all"]
    assert (s["tp"], s["fn"], s["fp"], s["type"], s["rel"]) == (0, 1, 1, 1, 1)


@pytest.mark.parametrize("text,mended", [
    ("Quyết định số I195/QD-BGDĐT", "Quyết định số 1195/QD-BGDĐT"),  # bgddt_qd2827
    ("Nghị quyết số 202/2025/QHI5 ngày", "Nghị quyết số 202/2025/QH15 ngày"),  # ld_001
    ("Quyết định số 1O5/QĐ-UBND", "Quyết định số 105/QĐ-UBND"),
    ("Ông Lê Văn I, số IO/QĐ, Luật số 10/2012/QH13", "Ông Lê Văn I, số IO/QĐ, Luật số 10/2012/QH13"),  # no digit, nothing to mend
    ("Hồ sơ số lOl tập 2", "Hồ sơ số lOl tập 2"),  # no symbol after it
])
def test_ocr_letters_in_numbers(text: str, mended: str) -> None:
    assert ocr_digits(text) == mended and len(ocr_digits(text)) == len(text)


LETTER = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 1234/UBND-TH\nV/v triển khai nhiệm vụ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 15 tháng 10 năm 2025\n\nKính gửi: Sở Tài chính\n\n")


@pytest.mark.parametrize("tail,issuer", [
    ("của Hội\nNữ doanh nhân tỉnh về việc báo cáo", "Hội Nữ doanh nhân tỉnh"),  # ld_033: a body kind alone
    ("của Chủ tịch\nUBND tỉnh về việc ban hành", "Chủ tịch Ủy ban nhân dân tỉnh"),  # ld_054: a position alone
    ("của Thủ tướng\nChính phủ phê duyệt", "Thủ tướng Chính phủ"),  # ld_048: a known body completed
    ("của Bộ trưởng Bộ Giáo dục\nvà Đào tạo về việc công bố", "Bộ trưởng Bộ Giáo dục và Đào tạo"),  # bgddt_qd2827
    ("của UBND\ntỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Lâm Đồng"),  # a continuation line
    ("của UBND tỉnh\nSở Tài chính đề nghị", "Ủy ban nhân dân tỉnh"),  # a finished name: the next line is a sentence
    ("của Bộ Tài chính\nvề việc hướng dẫn", "Bộ Tài chính"),  # the trích yếu on the next line
    ("của Chính phủ\nCăn cứ Luật Tổ chức Chính phủ", "Chính phủ"),  # vbpl_261: a whole name (also a kind), then a cue
])
def test_an_issuer_read_on_over_a_line_end(tail: str, issuer: str) -> None:
    cits = parse_text(LETTER + f"Thực hiện Quyết định số 12/QĐ-UBND ngày 08/9/2025 {tail}, Sở Tài chính báo cáo.\n").citations
    assert cits[0].issuer == issuer


def test_a_drafts_own_blank_number_is_no_citation() -> None:
    """vbai_48: the draft decision's own blank number in its annex line is itself, the tờ trình it answers a citation."""
    draft = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN\nSố:      /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
             "Bình Thuận, ngày      tháng 3 năm 2025\nQUYẾT ĐỊNH\nVề việc phê duyệt Điều lệ\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
             "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số     /TTr-SNV ngày     tháng 3 năm 2025.\nQUYẾT ĐỊNH:\n"
             "Điều 1. Phê duyệt Điều lệ ban hành kèm theo Quyết định số      /QĐ-UBND ngày    tháng 3 năm 2025.\n")
    cits = [(c.doc_type, c.number, c.relation) for c in parse_text(draft).citations if c.refers_to != "self"]
    assert cits == [("Tờ trình", None, "responds_to")]


def test_a_list_goes_on_after_a_law_named_in_a_trich_yeu() -> None:
    """ld_055: the decision after the decree's trích yếu (which names a law) is one more basis of the list."""
    body = ("Để tổ chức Đại hội, căn cứ quy định\nLuật Công chứng 2024, Nghị định số 104/2025/NĐ-CP ngày 15/5/2025 của\n"
            "Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Công chứng,\nQuyết định số 1178/QĐ-BTP ngày "
            "28/6/2023 của Bộ trưởng Bộ Tư pháp về việc\nphê duyệt Điều lệ Hiệp hội công chứng viên Việt Nam, Sở Tư pháp báo cáo.\n")
    rels = [(c.number or c.title, c.relation) for c in parse_text(LETTER + body).citations]
    assert rels == [("Luật Công chứng 2024", "basis"), ("104/2025/NĐ-CP", "basis"), ("Luật Công chứng", "refers"),
                    ("1178/QĐ-BTP", "basis")]


def test_a_mention_in_a_deeper_trich_yeu_stays_there() -> None:
    """vbpl_237: 79 is named in the trích yếu of 187 (through 78's), not a new item of the Căn cứ list."""
    body = ("Căn cứ Nghị định số 187/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của "
            "Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều và biện pháp "
            "để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật và Nghị định số 79/2025/NĐ-CP ngày 01 "
            "tháng 4 năm 2025 của Chính phủ về kiểm tra, rà soát văn bản;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n")
    decision = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 123/QĐ-UBND\n"
                "Lâm Đồng, ngày 15 tháng 10 năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\n\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n\n")
    rels = {c.number: c.relation for c in parse_text(decision + body).citations if c.number}
    assert rels == {"187/2025/NĐ-CP": "basis", "78/2025/NĐ-CP": "refers", "79/2025/NĐ-CP": "refers"}


def test_a_purpose_word_opening_its_line_under_the_title_leads_in() -> None:
    """nhnn_tt01: "Để triển khai …" right under a circular's title opens the clause (implements); mid-line, "… các Kế
    hoạch để triển khai Kết luận …" (ld_049) says what other work is for (refers)."""
    circular = ("NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM\nSố: 01/2006/TT-NHNN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                "Hà Nội, ngày 20 tháng 02 năm 2006\nTHÔNG TƯ\nHướng dẫn một số nội dung về góp vốn thành lập\nQuỹ bảo lãnh tín "
                "dụng cho các doanh nghiệp nhỏ và vừa\nĐể triển khai Quyết định số 193/2001/QĐ-TTg ngày 20/12/2001, Quyết\nđịnh "
                "số 115/2004/QĐ-TTg ngày 25/6/2004 của Thủ tướng Chính phủ, Ngân hàng Nhà nước hướng dẫn như sau:\n")
    assert [c.relation for c in parse_text(circular).citations] == ["implements", "implements"]
    body = "- Xây dựng các Kế hoạch để triển khai Kết luận số 132-KL/TW ngày 18/3/2025 của Bộ Chính trị.\n"
    assert [c.relation for c in parse_text(LETTER + body).citations] == ["refers"]
