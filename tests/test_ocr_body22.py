"""Issue 13: citation numbers and deadlines in OCR'd bodies (session 22).

The lines are tesseract's readings of the development Lâm Đồng PDFs rendered as scans by scripts/scan_body.py
(ld_080, ld_064, ld_030; conditions orig, jpeg150, skew+1), with the confidences OCR gave them.  A misread number is
mended only where one reading is left and it is well formed; otherwise the citation keeps its type, date and
relation with a null number and ``citation_number_unreadable`` — never a wrong key.
"""
from __future__ import annotations

import datetime as dt

from vnadmin_nlp import parse_text
from vnadmin_nlp.extractors import deadlines
from vnadmin_nlp.extractors.citing.ocr_numbers import read_number, term_fits
from vnadmin_nlp.lexicon.fold import fold
from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument

HEADER = [
    "BỘ TƯ PHÁP",
    "Số: 2190/BTP-PLHSHC",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 20 tháng 6 năm 2025",
    "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",
]


def _scan(body: list[str], conf: dict[str, int] | None = None) -> RawDocument:
    """A one-page OCR'd document of these lines (every word read at confidence 92, those in ``conf`` as given)."""
    conf = conf or {}
    lines = HEADER + body
    record = []
    for i, line in enumerate(lines):
        top = 40.0 + 30 * i
        record.append([[w, conf.get(w, 92), 10.0 + 60 * k, top, 60.0 + 60 * k, top + 12] for k, w in enumerate(line.split())])
    blocks = [Block(text=line, kind="line", page=1, confidence=80.0) for line in lines]
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata={"ocr_words": [{"page": 1, "lines": record}]})


def _cites(doc):
    return [(c.doc_type, c.number, c.relation) for c in doc.citations if not c.short_form]


def test_read_number_mends_only_to_the_term_its_year_fits():
    assert read_number("202/2025/QHI15", 2025) == ("202/2025/QH15", None)  # ld_080 orig, conf 37
    assert read_number("96/2025/UBTVQH15", 2025) == ("96/2025/UBTVQH15", None)
    assert read_number("202/2025/QHI15", 2019)[0] is None  # term 15 did not sit in 2019: no reading is trusted
    assert read_number("80/2015/QH15", 2015)[0] is None
    assert read_number("101S/MTTQ-BTT", None)[0] is None  # ld_080 orig: 1018 or 1015?
    assert read_number("15a/QĐ-UBND", None) == ("15a/QĐ-UBND", None)  # a printed small letter stays
    assert read_number("30/2020/NĐ-CP", 2020) == ("30/2020/NĐ-CP", None)
    assert term_fits(15, 2021) and term_fits(14, 2021) and not term_fits(16, 2021)


def test_ocr_numbers_mended_or_left_null_never_wrong():
    body = [
        "Ngày 12 tháng 6 năm 2025, Quốc hội đã thông qua Nghị quyết số",
        "202/2025/QHI15 về việc sắp xếp đơn vị hành chính cấp tỉnh.",
        "Thực hiện Công văn số 1911/BNV-TCPCP ngày 29/4/2025 của Bộ Nội vụ; Công văn sỐ 101S/MTTQ-BTT",
        "ngày 13/6/2025 của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam.",
        "Việc hợp nhất thực hiện theo Hướng dẫn số 3l1-",
        "HD/BTCTW ngày 23/4/2025 của Ban Tổ chức Trung ương về việc thành lập tổ chức.",
    ]
    doc = parse_raw(_scan(body, {"202/2025/QHI15": 37, "101S/MTTQ-BTT": 60, "3l1-": 22}))
    cites = _cites(doc)
    assert ("Nghị quyết", "202/2025/QH15", "refers") in cites
    assert ("Công văn", "1911/BNV-TCPCP", "implements") in cites
    assert ("Công văn", None, "implements") in cites  # 101S: a letter among the digits
    assert ("Hướng dẫn", None, "refers") in cites  # 3l1-: 31 or 311?
    assert not any(c.number and ("101S" in c.number or "QHI" in c.number or "311" in c.number) for c in doc.citations)
    assert all(c.key is None for c in doc.citations if c.number is None)
    warned = [w.message for w in doc.warnings if w.code == "citation_number_unreadable"]
    assert any("'101S/MTTQ-BTT' (conf 60)" in m for m in warned) and any("3l1-" in m for m in warned)
    # the same words on a text layer are what the author typed: nothing judged
    layer = parse_text("\n".join(HEADER + body))
    assert any(c.number == "202/2025/QHI15" for c in layer.citations)
    assert not any(w.code == "citation_number_unreadable" for w in layer.warnings)


def test_garbled_number_keeps_the_citation_and_a_lost_slash_needs_the_document_to_confirm_it():
    body = [
        "Căn cứ Nghị quyết số ZữNG-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình;",  # ld_064 orig, conf 0
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ;",
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành tại Nghị quyết sô 76NQ-CP ngày 15/7/2021 của Chính phủ.",  # skew+1, conf 58
        "Điều 2. Các bộ chủ trì theo phân công tại Nghị quyết số 76/NQ-CP của Chính phủ.",
    ]
    doc = parse_raw(_scan(body, {"ZữNG-CP": 0, "76NQ-CP": 58}))
    cites = _cites(doc)
    assert cites[0] == ("Nghị quyết", None, "basis")
    assert ("Nghị quyết", "76/NQ-CP", "refers") in cites and sum(1 for c in cites if c[1] == "76/NQ-CP") == 2
    unconfirmed = parse_raw(_scan(body[:3] + ["Điều 1. Ban hành tại Nghị quyết số 70NQ-CP ngày 15/7/2021 của Chính phủ."]))
    assert [c[1] for c in _cites(unconfirmed) if c[0] == "Nghị quyết"] == [None, None]  # jpeg150: 76 read 70, conf 14


def test_a_clock_time_read_with_letters_keeps_its_deadline():
    anchor = dt.date(2025, 10, 7)
    for line, date in [
        ("gửi Văn phòng Chính phủ trước l4 giờ ngày 08 tháng 10 năm 2025 để tổng hợp", "2025-10-08"),  # ld_030 skew+1
        ("qua hộp thư điện tử trước L4 giờ, ngày 08 tháng 10 năm 2025", "2025-10-08"),  # ld_030 jpeg150
        ("Căn cứ … trước ngày 2l tháng 10 năm 2025", "2025-10-21"),  # ld_064 orig: "ngày 2l tháng 02"
    ]:
        key = fold(line)
        assert [f.date for f in deadlines.find(key, 0, len(key), anchor)] == [date], line


def test_legislature_term_examples_fit_their_years():
    from vnadmin_nlp.data import load
    from vnadmin_nlp.identity import parse_symbol

    for number in load("citations")["legislature_term_examples"]:
        parts = parse_symbol(number)
        term = int("".join(c for c in number.rsplit("/", 1)[1] if c.isdigit()))
        assert term_fits(term, parts.year), number
        assert read_number(number, parts.year) == (number, None)


def test_body_eval_matches_an_ocr_d_deadline_by_its_words_not_its_misread_hour():
    from vnadmin_nlp.evaluation.body_match import overlap

    assert overlap("trước 14 giờ ngày 08 tháng 10 năm 2025", "trước l4 giờ ngày 08 tháng 10 năm 2025") >= 0.8
    assert overlap("trước 15 giờ 00 ngày 05/02/2022", "trước 1Š giờ 00 ngày 05/02/2022") >= 0.8  # qngai_ct16_2021
    assert overlap("trước ngày 30/9/2025", "trước ngày 30/2/2025") == 0.0  # a digit read as another: no match
    assert overlap("trước 14 giờ ngày 08/10/2025", "trước 16 giờ ngày 08/10/2025") == 0.0


def test_a_stray_stroke_in_a_code_is_dropped_only_for_a_code_the_document_prints():
    from collections import Counter

    from vnadmin_nlp.extractors.citing.ocr_numbers import codes_of, mend_codes

    printed = Counter(codes_of("428/TTXT-ĐTDN") + codes_of("78/BC-TTXT") + codes_of("173/KH-TTIXT"))  # ld_061 jpeg150
    assert mend_codes("173/KH-TTIXT", printed) == "173/KH-TTXT"
    alone = Counter(codes_of("173/KH-TTIXT"))
    assert mend_codes("173/KH-TTIXT", alone) == "173/KH-TTIXT"  # nothing to confirm it: as read
    assert mend_codes("12/QĐ-UBND", printed) == "12/QĐ-UBND"


def test_a_date_that_does_not_exist_is_warned_never_read():
    """ld_014 scanned (orig): ``trước ngày 30/9/2025`` read ``30/2/2025``: no deadline, a ``deadline_date_invalid``
    warning quoting the words (it was dropped unsaid); the same request with a real date keeps its deadline."""
    body = ["Đề nghị Ủy ban nhân dân các tỉnh gửi báo cáo về Bộ Tư pháp trước ngày 30/2/2025.",
            "Đề nghị Sở Tư pháp các tỉnh gửi ý kiến trước ngày 30/9/2025."]
    doc = parse_raw(_scan(body))
    assert [d.date for d in doc.deadlines] == ["2025-09-30"]
    warned = [w.message for w in doc.warnings if w.code == "deadline_date_invalid"]
    assert len(warned) == 1 and "30/2/2025" in warned[0]
    key = fold("trước ngày 31/4/2025")
    unclear: list[tuple[int, int, str]] = []
    assert deadlines.find(key, 0, len(key), dt.date(2025, 3, 1), unclear=unclear) == []
    assert [form for _, _, form in unclear] == ["invalid"]
