"""Citation relations in generated variants of the development documents' clauses (issue 13, session 19): every cue
of scripts/citation_variants.yaml in every layout (one line, cue then citation on the next line, the cue's words
split over two lines, lists after one cue joined by commas, semicolons over lines or ``và``, the cue after a comma
in a longer sentence); and the dev mismatches the session fixed, as small documents."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text

from .script_module import load_script

citation_variants = load_script("citation_variants")
VARIANTS = citation_variants.variants()


def test_the_forms_cover_every_cue_and_layout() -> None:
    cues = {v.cue for v in VARIANTS}
    layouts = {v.layout for v in VARIANTS}
    assert len(cues) >= 18 and layouts == {"one_line", "cue_then_line", "cue_split", "list_commas", "list_semicolons",
                                           "list_and", "after_comma", "no_blank_line"}
    assert {r for v in VARIANTS for _, r in v.expected} == {"basis", "implements", "responds_to", "amends", "replaces",
                                                           "repeals", "guides", "refers"}


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: f"{v.cue[:24]}-{v.layout}")
def test_each_citation_takes_its_cue(variant) -> None:
    assert citation_variants.read(variant) == variant.expected


TO_PROVINCE = ("SỞ NỘI VỤ\nTỈNH BÌNH THUẬN\nSố: 123/TTr-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
               "Bình Thuận, ngày 05 tháng 5 năm 2025\nTỜ TRÌNH\nVề việc thông báo kết quả đại hội\nKính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n")


def _rels(body: str) -> list[tuple[str | None, str]]:
    return [(c.number or c.text, c.relation) for c in parse_text(TO_PROVINCE + body).citations]


@pytest.mark.parametrize("sender,rel", [("Hội\nNữ doanh nhân tỉnh", "refers"), ("Ủy ban\nnhân dân tỉnh", "responds_to"),
                                        ("Hội Nữ doanh nhân tỉnh", "refers")])
def test_a_receipt_from_a_sender_whose_name_wraps(sender: str, rel: str) -> None:
    """ld_033, ld_069: the issuer read on over the line break decides whether the sender is the addressee."""
    body = f"Sở Nội vụ nhận được Văn bản số 01/BC-HNDN ngày 14/4/2025 của {sender} về việc báo cáo kết quả Đại hội.\n"
    assert _rels(body)[0] == ("01/BC-HNDN", rel)


def test_a_list_after_a_trich_yeu_whose_issuer_wraps() -> None:
    """ld_054: the second decision continues the list of the first even though its issuer wraps onto the next line."""
    body = ("Thực hiện Quyết định số 820/QĐ-UBND ngày 27/8/2025 của Chủ tịch\nUBND tỉnh về việc ban hành Bộ tiêu chí đánh giá "
            "công tác cải cách hành chính\n(CCHC) đối với các cơ quan chuyên môn\nthuộc UBND tỉnh; Quyết định số 1234/QĐ-UBND "
            "ngày 08/9/2025 của Chủ tịch\nUBND tỉnh ban hành Bộ tiêu chí, Sở Nội vụ báo cáo như sau:\n")
    assert _rels(body) == [("820/QĐ-UBND", "implements"), ("1234/QĐ-UBND", "implements")]


@pytest.mark.parametrize("body,expected", [
    # vbai_01: a heading's noun, then a fact told
    ("1. Căn cứ pháp lý liên quan\nNgày 08/10/2024, Chính phủ ban hành Nghị định số 126/2024/NĐ-CP quy định về hội.\n",
     [("126/2024/NĐ-CP", "refers")]),
    # cucthue_cv2191: what follows "thì" is the main clause
    ("Căn cứ các quy định nêu trên thì doanh nghiệp được hưởng ưu đãi theo Luật Thuế TNDN số 67/2025/QH15.\n",
     [("67/2025/QH15", "refers")]),
    # vbai_63: the rule a request is made under
    ("Việc gia hạn theo đề nghị của Hiệp hội Doanh nghiệp được quy định tại điểm b khoản 4 Điều 19 Nghị định số "
     "126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ.\n", [("126/2024/NĐ-CP", "refers")]),
    # ld_034: "căn cứ quy định tại …" in the middle of a sentence
    ("Đoàn Luật sư có 278 Luật sư, do đó căn cứ quy định tại khoản 12 Điều 21 Quyết định số 856/QĐ-TTg ngày 19/7/2022 "
     "của Thủ tướng Chính phủ để tổ chức Đại hội toàn thể.\n", [("856/QĐ-TTg", "basis")]),
    # ld_049: the work named, not this document's act
    ("1. Công tác tham mưu triển khai thực hiện Kết luận số 132-KL/TW ngày 18/3/2025 của Bộ Chính trị.\n",
     [("132-KL/TW", "refers")]),
    # ld_071: what is related to it
    ("- Tổng quan chương trình: công bố danh sách xã; triển\nkhai một số nội dung chính liên quan đến Quyết định số "
     "28/2025/QĐ-TTg ngày 24/8/2025 của Thủ tướng Chính phủ.\n", [("28/2025/QĐ-TTg", "refers")]),
    # qngai_tb565: a directive's adverbial verb leads in
    ("a) Tập trung thực hiện các nội dung, nhiệm vụ đã được UBND tỉnh,\nChủ tịch UBND tỉnh chỉ đạo tại Chỉ thị số 01/CT-UBND "
     "ngày 03/01/2024 Về\nviệc đẩy nhanh tiến độ, Chỉ thị số 03/CT-UBND ngày 23/01/2024 về việc tập trung thực hiện.\n",
     [("01/CT-UBND", "implements"), ("03/CT-UBND", "implements")]),
])
def test_dev_clauses(body: str, expected: list) -> None:
    assert _rels(body) == expected
