"""Citations in forms the development documents do not print (issue 13, session 15): the relation read from the
clause of each mention (Căn cứ, Thực hiện, Triển khai, Theo đề nghị, Phúc đáp / Trả lời, sửa đổi, thay thế, bãi bỏ,
hết hiệu lực, theo quy định tại, a document issued or sent told as a fact), lists of several documents of mixed types
in one clause, and the number forms (spaces around ``/``, ``Số``, ``số:``, ``QĐ-UB``, Party ``09-NQ/TU``, a dotted
symbol, OCR's ``sô``, a line break inside the symbol), in a letter and a decision of a province."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

LETTER = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 1234/UBND-TH\nV/v triển khai nhiệm vụ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 15 tháng 10 năm 2025\n\nKính gửi: Sở Nội vụ\n\n")
DECISION = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 123/QĐ-UBND\n"
            "Lâm Đồng, ngày 15 tháng 10 năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\n\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n\n")


def _cits(head: str, body: str) -> list[tuple[str, str | None, str]]:
    return [(c.number or c.title or c.text, c.doc_type, c.relation) for c in parse_text(head + body).citations]


def test_the_preamble_of_a_decision() -> None:
    body = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 "
            "tháng 3 năm 2020 của Chính phủ về công tác văn thư;\nTheo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV "
            "ngày 10 tháng 10 năm 2025.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.")
    assert _cits(DECISION, body) == [("Luật Tổ chức chính quyền địa phương", "Luật", "basis"), ("30/2020/NĐ-CP", "Nghị định", "basis"),
                                     ("45/TTr-SNV", "Tờ trình", "responds_to"), ("Quyết định này", "Quyết định", "refers")]


@pytest.mark.parametrize("cue,rel", [("Thực hiện", "implements"), ("Triển khai", "implements"), ("Căn cứ", "basis"),
                                     ("Phúc đáp", "responds_to"), ("Trả lời", "responds_to")])
@pytest.mark.parametrize("printed", ["321/SNV-TCBC", "321 / SNV - TCBC", "321/SNV–TCBC", "321/SNV-\nTCBC"])
def test_the_opening_cue_of_a_letter(cue: str, rel: str, printed: str) -> None:
    body = f"{cue} Công văn số {printed} ngày 08/10/2025 của Sở Nội vụ, UBND tỉnh có ý kiến như sau:"
    assert _cits(LETTER, body) == [("321/SNV-TCBC", "Công văn", rel)]


@pytest.mark.parametrize("so", ["số", "Số", "số:", "sô", "số :"])
def test_the_word_so_as_printed_or_read(so: str) -> None:
    body = f"Thực hiện Kế hoạch {so} 123/KH-UBND ngày 01/6/2025 của UBND tỉnh, các đơn vị báo cáo."
    assert _cits(LETTER, body) == [("123/KH-UBND", "Kế hoạch", "implements")]


@pytest.mark.parametrize("number,kind", [("1024/QĐ-UB", "Quyết định"), ("09-CT/TU", "Chỉ thị"), ("57-NQ/TW", "Nghị quyết"),
                                         ("123/KH.UBND", "Kế hoạch"), ("1.234/QĐ-UBND", "Quyết định"), ("12-HD/BTCTW", "Hướng dẫn")])
def test_number_forms(number: str, kind: str) -> None:
    body = f"Thực hiện {kind} số {number} ngày 05/5/2025 của cơ quan cấp trên, các đơn vị báo cáo."
    assert _cits(LETTER, body) == [(number, kind, "implements")]


def test_a_list_of_mixed_types_in_one_clause() -> None:
    body = ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Kế hoạch số 01-KH/TU ngày 05/01/2025 của "
            "Tỉnh ủy và Quyết định số 200/QĐ-UBND ngày 10/01/2025 của UBND tỉnh, Sở Khoa học và Công nghệ đề nghị:")
    assert _cits(LETTER, body) == [("57-NQ/TW", "Nghị quyết", "implements"), ("01-KH/TU", "Kế hoạch", "implements"),
                                   ("200/QĐ-UBND", "Quyết định", "implements")]


def test_a_list_of_numbers_after_one_type_word() -> None:
    body = "Thực hiện các Công văn: số 4567/UBND-TH ngày 10/10/2025, số 4568/UBND-TH ngày 11/10/2025 của UBND tỉnh, Sở Tài chính báo cáo."
    assert _cits(LETTER, body) == [("4567/UBND-TH", "Công văn", "implements"), ("4568/UBND-TH", "Công văn", "implements")]


def test_a_list_after_a_trich_yeu_and_a_semicolon() -> None:
    body = ("Thực hiện Quyết định số 1024/QĐ-TTg ngày 05/5/2025 của Thủ tướng Chính phủ phê duyệt Đề án; Công văn số "
            "55/BNV-CCVC ngày 06/5/2025 của Bộ Nội vụ, UBND tỉnh đề nghị:")
    assert _cits(LETTER, body) == [("1024/QĐ-TTg", "Quyết định", "implements"), ("55/BNV-CCVC", "Công văn", "implements")]


@pytest.mark.parametrize("body,expected", [
    ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 45/2020/QĐ-UBND ngày 12 tháng 5 năm 2020 của UBND tỉnh.",
     [("Quyết định này", "Quyết định", "refers"), ("45/2020/QĐ-UBND", "Quyết định", "replaces")]),
    ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Bãi bỏ Quyết định số 45/2020/QĐ-UBND ngày 12 tháng 5 năm 2020 của UBND tỉnh.",
     [("Quyết định này", "Quyết định", "refers"), ("45/2020/QĐ-UBND", "Quyết định", "repeals")]),
    ("Điều 1. Sửa đổi, bổ sung một số điều của Quyết định số 45/2020/QĐ-UBND ngày 12 tháng 5 năm 2020 của UBND tỉnh như sau:",
     [("45/2020/QĐ-UBND", "Quyết định", "amends")]),
    # the repealing words after the mention, the issuer stopping before them
    ("Điều 3. Quyết định số 12/2018/QĐ-UBND ngày 02/3/2018 của UBND tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
     [("12/2018/QĐ-UBND", "Quyết định", "repeals"), ("Quyết định này", "Quyết định", "refers")]),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Quyết định số 12/2018/QĐ-UBND ngày 02/3/2018 của UBND tỉnh hết hiệu lực thi hành.",
     [("Quyết định này", "Quyết định", "refers"), ("12/2018/QĐ-UBND", "Quyết định", "repeals")]),
    ("Điều 3. Bãi bỏ các Quyết định sau:\na) Quyết định số 12/2018/QĐ-UBND ngày 02/3/2018 của UBND tỉnh;\nb) Quyết định số "
     "34/2019/QĐ-UBND ngày 05/4/2019 của UBND tỉnh.",
     [("12/2018/QĐ-UBND", "Quyết định", "repeals"), ("34/2019/QĐ-UBND", "Quyết định", "repeals")]),
])
def test_what_a_decision_does_to_another(body: str, expected: list) -> None:
    assert _cits(DECISION, body) == expected


@pytest.mark.parametrize("body,expected", [
    ("Các đơn vị thực hiện chế độ báo cáo theo quy định tại Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ.",
     [("09/2019/NĐ-CP", "Nghị định", "refers")]),
    ("Thực hiện theo hướng dẫn tại Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ, các đơn vị trình bày văn bản.",
     [("01/2011/TT-BNV", "Thông tư", "implements")]),
    ("UBND tỉnh nhận được Công văn số 321/SNV-TCBC ngày 08/10/2025 của Sở Nội vụ về việc tuyển dụng. Về việc này, UBND tỉnh có ý kiến như sau:",
     [("321/SNV-TCBC", "Công văn", "responds_to")]),
    # a document a body has issued or sent, told as a fact, whatever cue opens the sentence (ld_061's form)
    ("Thực hiện Công văn số 5678/BNV-CCVC ngày 01/10/2025 của Bộ Nội vụ, ngày 10/10/2025 Sở Nội vụ đã có Công văn số 321/SNV-TCBC đề nghị các đơn vị báo cáo.",
     [("5678/BNV-CCVC", "Công văn", "implements"), ("321/SNV-TCBC", "Công văn", "refers")]),
    ("Để phối hợp trong công tác triển khai, Sở Tài chính đã ban hành Công văn số 4567/STC-NS ngày 10/10/2025 hướng dẫn các đơn vị.",
     [("4567/STC-NS", "Công văn", "refers")]),
    ("Căn cứ Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ (được sửa đổi, bổ sung tại Nghị định số 67/2025/NĐ-CP ngày 15/3/2025), UBND tỉnh đề nghị:",
     [("178/2024/NĐ-CP", "Nghị định", "basis"), ("67/2025/NĐ-CP", "Nghị định", "basis")]),
    ("Thực hiện Công văn số 5678/BNV-CCVC ngày 01/10/2025 của Bộ Nội vụ về việc hướng dẫn thực hiện Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ, UBND tỉnh đề nghị:",
     [("5678/BNV-CCVC", "Công văn", "implements"), ("178/2024/NĐ-CP", "Nghị định", "refers")]),
])
def test_relations_in_running_text(body: str, expected: list) -> None:
    assert _cits(LETTER, body) == expected


def test_a_citation_in_a_table_cell_and_none_in_the_distribution() -> None:
    body = ("| TT | Nội dung | Căn cứ |\n|---|---|---|\n| 1 | Rà soát thủ tục | Quyết định số 200/QĐ-UBND ngày 10/01/2025 |\n\n"
            "Đề nghị các đơn vị thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, TH.\n")
    assert [(n, t) for n, t, _ in _cits(LETTER, body)] == [("200/QĐ-UBND", "Quyết định")]


def test_a_symbol_of_another_type_keeps_its_type_with_a_warning() -> None:
    doc = parse_text(LETTER + "Thực hiện Nghị định số 1187/BTC-ĐT ngày 24/01/2025 của Bộ Tài chính, các đơn vị báo cáo.")
    assert [(c.number, c.doc_type) for c in doc.citations] == [("1187/BTC-ĐT", "Công văn")]
    assert any(w.code == "citation_type_mismatch" for w in doc.warnings)


AMENDING = ("CHÍNH PHỦ\nSố: 140/2025/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 16 tháng 8 năm 2025\nNGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 156/2018/NĐ-CP\n"
            "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 156/2018/NĐ-CP ngày 16 tháng 11 năm 2018 của Chính phủ\n"
            "1. Sửa đổi, bổ sung khoản 6 Điều 3 Nghị định số 156/2018/NĐ-CP được sửa đổi, bổ sung tại khoản 1 Điều 1 "
            "Nghị định số {earlier} như sau:\n“6. Khai thác tận dụng theo quy định tại Điều 42a Nghị định này.”\n"
            "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày ký ban hành.\n")


@pytest.mark.parametrize("earlier", ["91/2024/NĐ-CP", "27/2024/NĐ-CP"])
def test_this_decree_in_the_new_wording_is_the_amended_one(earlier: str) -> None:
    # vbpl_452's form: the quoted "Nghị định này" names the decree amended, not the earlier amendment beside it
    cits = parse_text(AMENDING.format(earlier=earlier)).citations
    this = [c.refers_to for c in cits if c.text == "Nghị định này"]
    assert this[0] is not None and "156/2018/NĐ-CP" in this[0]
    assert this[1] == "self"


def test_a_joint_resolution_names_itself_by_its_family() -> None:
    text = ("ỦY BAN THƯỜNG VỤ QUỐC HỘI - CHÍNH PHỦ - ĐOÀN CHỦ TỊCH ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM\n"
            "Số: 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN\nHà Nội, ngày 18 tháng 7 năm 2025\nNGHỊ QUYẾT LIÊN TỊCH\n"
            "Quy định chi tiết quy trình hiệp thương\nCăn cứ Nghị quyết số 101/2025/UBTVQH15 ngày 10 tháng 7 năm 2025;\n"
            "Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định chi tiết quy trình hiệp thương.\n"
            "4. Hội nghị thông qua biên bản (theo Mẫu số 01 ban hành kèm theo Nghị quyết này).\n")
    cits = parse_text(text).citations
    assert [c.refers_to for c in cits if c.text == "Nghị quyết này"] == ["self", "self"]
