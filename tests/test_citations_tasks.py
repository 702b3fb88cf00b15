"""Citations, their relations and keys; tasks with assignees and deadlines (issue 4's cases and the seeds)."""
from __future__ import annotations

import datetime as dt

import pytest

from vnadmin_nlp import parse_file, parse_text
from vnadmin_nlp.extractors import DEFAULT_NAMES, extractors_by_name
from vnadmin_nlp.extractors.deadlines import find as find_deadlines
from vnadmin_nlp.normalize import fold

from .conftest import SEED_CONG_VAN, SEED_THONG_BAO


def test_seed_cong_van_citations(shared):
    d = parse_file(SEED_CONG_VAN)
    got = [(c.number, c.doc_type, c.date, c.issuer) for c in d.citations]
    assert got == [
        ("2286/STTTT-CNTT", "Công văn", "2022-10-10", "Sở Thông tin và Truyền thông"),
        ("09-NQ/TU", "Nghị quyết", "2022-02-05", None),
        ("59/KH-UBND", "Kế hoạch", "2022-03-01", "Ủy ban nhân dân tỉnh Quảng Ninh"),
        ("125/KH-UBND", "Kế hoạch", "2022-04-05", "Ủy ban nhân dân thành phố Cẩm Phả"),
    ]
    assert d.citations[0].relation == "basis"
    assert d.citations[0].key == "2286/STTTT-CNTT@2022"
    assert d.citations[2].key == "59/KH-UBND@2022#uy-ban-nhan-dan-tinh-quang-ninh"
    for c in d.citations:
        assert d.text[slice(*c.span)].startswith(c.doc_type)


def test_seed_thong_bao_tasks(shared):
    d = parse_file(SEED_THONG_BAO)
    got = [(t.provision, t.assignee, t.deadline.date if t.deadline else None) for t in d.tasks]
    assert got == [
        ("II.1", "Viện Công nghiệp phần mềm và nội dung số Việt Nam", "2022-10-31"),
        ("II.2", "Cục Chuyển đổi số quốc gia", "2022-10-01"),
        ("II.3", "Cục Chuyển đổi số quốc gia", "2022-10-01"),
        ("II.4", "Cục Chuyển đổi số quốc gia", "2022-10-01"),
        # the closing "… thông báo kết luận … để các cơ quan, … quán triệt và triển khai thực hiện" (body gold, session 14)
        (None, "các cơ quan, đơn vị doanh nghiệp thuộc Bộ, Sở TTTT, cơ quan, đơn vị chuyên trách về CNTT thuộc các Bộ, "
               "cơ quan ngang Bộ", None),
    ]
    assert d.tasks[0].deadline.text == "Thời hạn hoàn thành: 31/10/2022"
    assert d.tasks[0].action.startswith("tổ chức đánh giá")


CITATIONS = [
    # text, number, doc_type, date, issuer, relation
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
     "30/2020/NĐ-CP", "Nghị định", "2020-03-05", "Chính phủ", "basis"),
    ("Thực hiện Thông tư 38/2015/TT-BTC ngày 25 tháng 3 năm 2015 của Bộ Tài chính, Sở hướng dẫn như sau.",
     "38/2015/TT-BTC", "Thông tư", "2015-03-25", "Bộ Tài chính", "implements"),
    ("Trả lời Công văn số 12/SNV-TCCB ngày 02/01/2025 của Sở Nội vụ, UBND tỉnh có ý kiến như sau.",
     "12/SNV-TCCB", "Công văn", "2025-01-02", "Sở Nội vụ", "responds_to"),
    ("Quyết định này thay thế Quyết định số 1234/QĐ-UBND ngày 01/6/2020 của UBND tỉnh.",
     "1234/QĐ-UBND", "Quyết định", "2020-06-01", "Ủy ban nhân dân tỉnh", "replaces"),
    ("Bãi bỏ Chỉ thị số 05/CT-UBND ngày 10/4/2019 của Chủ tịch UBND tỉnh.",
     "05/CT-UBND", "Chỉ thị", "2019-04-10", "Chủ tịch Ủy ban nhân dân tỉnh", "repeals"),
    ("Thông tư này hướng dẫn thi hành Nghị định số 15/2021/NĐ-CP của Chính phủ.",
     "15/2021/NĐ-CP", "Nghị định", None, "Chính phủ", "guides"),
    ("Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 99/2016/NĐ-CP.",
     "99/2016/NĐ-CP", "Nghị định", None, None, "amends"),
    ("Theo Nghị quyết số 09-NQ/TU ngày 05/02/2022 của Tỉnh ủy Quảng Ninh.",
     "09-NQ/TU", "Nghị quyết", "2022-02-05", "Tỉnh ủy Quảng Ninh", "refers"),
    ("Căn cứ Nghị định số 101/CP ngày 23/9/1997 của Chính phủ;", "101/CP", "Nghị định", "1997-09-23", "Chính phủ", "basis"),
    ("Thông tư số 155/1998/TT/BTC của Bộ Tài chính.", "155/1998/TT/BTC", "Thông tư", None, "Bộ Tài chính", "refers"),
]


@pytest.mark.parametrize("text,number,doc_type,date,issuer,relation", CITATIONS)
def test_citation_forms(text, number, doc_type, date, issuer, relation):
    cits = [c for c in parse_text(text).citations if not c.short_form]
    assert len(cits) == 1, cits
    c = cits[0]
    assert (c.number, c.doc_type, c.date, c.issuer, c.relation) == (number, doc_type, date, issuer, relation)


def test_laws_by_name_lists_short_forms_and_internal_references():
    text = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Căn cứ Bộ luật Dân sự số 91/2015/QH13;\n"
        "Thực hiện các Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND ngày 02/3/2023 của UBND tỉnh;\n"
        "Theo Kế hoạch 125/KH-UBND ngày 05/4/2022 của UBND thành phố Cẩm Phả (sau đây gọi tắt là Kế hoạch 125).\n"
        "Các đơn vị thực hiện Kế hoạch nêu trên và báo cáo theo khoản 2 Điều 3 Quyết định này; Kế hoạch 125 được triển khai.\n"
    )
    d = parse_text(text)
    full = [c for c in d.citations if not c.short_form]
    law = full[0]
    assert (law.title, law.number, law.date, law.relation) == ("Luật Tổ chức chính quyền địa phương", None, "2015-06-19", "basis")
    assert law.key == "law:luat-to-chuc-chinh-quyen-dia-phuong"
    assert (full[1].title, full[1].number) == ("Bộ luật Dân sự", "91/2015/QH13")
    lst = [c for c in full if c.number and c.number.endswith("/QĐ-UBND")]
    assert [(c.number, c.doc_type, c.date, c.relation) for c in lst] == [
        ("12/QĐ-UBND", "Quyết định", "2023-03-02", "implements"),
        ("13/QĐ-UBND", "Quyết định", "2023-03-02", "implements"),
        ("14/QĐ-UBND", "Quyết định", "2023-03-02", "implements"),
    ]
    shorts = [c for c in d.citations if c.short_form and c.doc_type == "Kế hoạch"]
    plan = next(c for c in full if c.number == "125/KH-UBND")
    # a short mention has its antecedent's key and text; its number is only what it prints ("125", none)
    assert shorts and all(c.key == plan.key and c.refers_to == plan.text for c in shorts)
    assert {c.number for c in shorts} <= {"125", None}
    assert {d.text[slice(*c.span)] for c in shorts} >= {"Kế hoạch nêu trên", "Kế hoạch 125"}
    assert [(r.text, r.article) for r in d.internal_references] == [("khoản 2 Điều 3", "3")]


def test_same_document_cited_two_ways_gets_one_key():
    a = parse_text("Căn cứ Kế hoạch số 59/KH-UBND ngày 01/3/2022 của UBND tỉnh Quảng Ninh;").citations[0]
    b = parse_text("theo Kế hoạch 59/KH-UBND ngày 01/03/2022 của Ủy ban nhân dân tỉnh Quảng Ninh").citations[0]
    assert a.key == b.key


ANCHOR = dt.date(2022, 10, 19)


@pytest.mark.parametrize(
    "text,date,relative",
    [
        ("Thời hạn hoàn thành: 31/10/2022.", "2022-10-31", None),
        ("báo cáo trước ngày 15/02/2023", "2023-02-15", None),  # (a date before the document's is an event: none)
        ("chậm nhất ngày 20 tháng 01 năm 2023", "2023-01-20", None),
        ("trước ngày 15/11", "2022-11-15", None),  # the document's year
        ("trước ngày 15/01", "2023-01-15", None),  # already past in the document's year: the next one
        # schema 1.2: no date follows from the text for a duration (counted from an event, or from the signing
        # with no date written) nor for a recurring deadline
        ("trong 05 ngày làm việc kể từ ngày nhận được văn bản", None, "P5D/working-days"),
        ("trong 10 ngày kể từ ngày ký", None, "P10D"),
        ("trước ngày 20 hằng tháng", None, "R/P1M/day=20"),
        ("hoàn thành trong Quý IV/2022", "2022-12-31", None),
        ("trong quý IV", "2022-12-31", None),  # the document's year ("trong quý I", over before it: none)
    ],
)
def test_deadlines(text, date, relative):
    found = find_deadlines(fold(text), 0, len(text), ANCHOR)
    assert found and (found[0].date, found[0].relative) == (date, relative)


def test_people_on_short_windows_only(shared):
    pytest.importorskip("underthesea")
    d = parse_file(SEED_THONG_BAO, extractors=extractors_by_name([*DEFAULT_NAMES, "people"]))
    assert [(p.role, p.name) for p in d.people][:3] == [
        ("Bộ trưởng", "Nguyễn Mạnh Hùng"),
        ("Thứ trưởng", "Phạm Anh Tuấn"),
        ("Thứ trưởng", "Nguyễn Huy Dũng"),
    ]
    assert parse_file(SEED_THONG_BAO).people == []  # not run by default


def test_own_number_is_not_a_citation_but_another_bodys_same_number_is():
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẨM PHẢ\nSố: 125/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Cẩm Phả, ngày 05 tháng 4 năm 2022\nKẾ HOẠCH\nChuyển đổi số năm 2022\n"
        "Thực hiện Kế hoạch số 125/KH-UBND ngày 01/3/2022 của UBND tỉnh Quảng Ninh, Kế hoạch số 125/KH-UBND này "
        "quy định như sau.\n"
    )
    d = parse_text(text)
    cited = [c for c in d.citations if not c.short_form]
    assert [(c.number, c.issuer) for c in cited] == [("125/KH-UBND", "Ủy ban nhân dân tỉnh Quảng Ninh")]
