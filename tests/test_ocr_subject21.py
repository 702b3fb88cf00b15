"""Issue 12, session 21: the trích yếu of a scan read whole when its doubted words are mended by the closed
vocabulary around them or confirmed by the language's word pairs, and ended where the body's first paragraph
starts; a doubted word outside that vocabulary still leaves it out.

The headers are those of corpus scans as tesseract read them (qngai_bc22_2025, qngai_ct44_2024,
qngai_ct2020_apr, bgddt_qd2605_2025; ld_042 of the Lâm Đồng dev scans), set on the page as their OCR boxes stand.
"""
from __future__ import annotations

from vnadmin_nlp.extractors.ocr_names import mend_names, mend_opener
from vnadmin_nlp.extractors.ocr_word_doubt import Doubt
from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument

HEAD = [
    ("ỦY BAN NHÂN DÂN", 100, 40),
    ("TỈNH QUẢNG NGÃI", 100, 56),
    ("Số: 23 /BC-UBND", 100, 80),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 40),
    ("Độc lập - Tự do - Hạnh phúc", 330, 56),
    ("Quảng Ngãi, ngày 23 tháng 01 năm 2025", 320, 80),
]


JUSTIFIED = 530.0  # the right edge of a justified body line


def _scan(lines: list[tuple[str, float, float]], low: dict[str, int] | None = None, body: int = 99) -> RawDocument:
    """A one-page OCR'd document: each line (text, left edge, top) of 12-pt words 6 pt wide a letter, the words at
    confidence 95 but those of ``low``; lines from index ``body`` on set justified to :data:`JUSTIFIED`."""
    record, blocks = [], []
    for i, (text, left, top) in enumerate(lines):
        words, x = [], float(left)
        letter = 6.0 if i < body else (JUSTIFIED - left - 4.0 * (len(text.split()) - 1)) / sum(map(len, text.split()))
        for w in text.split():
            words.append([w, (low or {}).get(w, 95), x, float(top), x + letter * len(w), float(top) + 12.0])
            x += letter * len(w) + 4.0
        record.append(words)
        blocks.append(Block(text=text, kind="line", page=1, confidence=95.0))
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata={"ocr_words": [{"page": 1, "lines": record}]})


def _codes(doc) -> list[str]:  # noqa: ANN001
    return [f"{w.code}: {w.message}" for w in doc.warnings if "subject" in w.message[:40]]


BC22 = HEAD + [
    ("BÁO CÁO", 278, 115),
    ("Tình hình, kết quả thực hiện công tác", 199, 131),
    ("cải cách thủ tục hành chính tháng 01/2025 của tỉnh Quảng Nøãi", 122, 145),
    ("Kính gửi: Văn phòng Chính phủ", 179, 188),
    ("Thực hiện nội dung Công văn số 5633/VPCP-KSTT ngày 25/7/2023 của", 115, 259),
]


def test_a_misread_letter_in_a_place_name_is_mended_and_said() -> None:
    doc = parse_raw(_scan(BC22))
    assert doc.subject == "Tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 01/2025 của tỉnh Quảng Ngãi"
    assert any("'Nøãi' → 'Ngãi'" in c for c in _codes(doc))


def test_a_doubted_word_outside_the_vocabulary_still_leaves_the_subject_out() -> None:
    lines = [(t.replace("thủ tục", "thủ tøc"), x, y) for t, x, y in BC22]  # "tøc": no name around it
    doc = parse_raw(_scan(lines))
    assert doc.subject is None and any(c.startswith("subject_unreadable") for c in _codes(doc))


def test_two_letters_off_a_name_are_not_mended() -> None:
    assert mend_names("tỉnh Quảng Nøøi", [(0, 15)], [Doubt("Nøøi", "not a Vietnamese syllable")]) == []


def test_a_name_with_no_clear_word_around_it_is_not_mended() -> None:
    text = "Quảng Nøãi"
    assert mend_names(text, [(0, len(text))], [Doubt("Quảng", "x"), Doubt("Nøãi", "x")]) == []


def test_a_glued_word_is_mended_only_inside_its_entry() -> None:
    text = "trên địa bàn tỉnh Quảng Nưgãi"  # qngai_ct2020_apr: "Nưgãi", a letter added
    got = mend_names(text, [(0, len(text))], [Doubt("Nưgãi", "not a Vietnamese syllable")])
    assert [m.text for m in got] == ["Ngãi"]


def test_the_opening_ve_viec_is_mended_by_its_place() -> None:
    for read in ("Và việc sáp nhập", "và việc sáp nhập", ",Vêviệc triển khai", "Vê việc triển khai"):
        m = mend_opener(read, (0, len(read)))
        assert m is not None and m.text.lstrip(",") == "Về việc", read
    for read in ("Về việc sáp nhập", "Và các đơn vị", "Việc triển khai"):
        assert mend_opener(read, (0, len(read))) is None, read


CT44 = HEAD + [
    ("CHỈ THỊ", 278, 165),
    ("Về việc tăng cường các biện pháp đảm bảo an toàn công trình cầu", 114, 180),
    ("giao thông trong mùa mưa, bão năm 2024 trên địa bàn tỉnh Quảng Ngãi", 95, 199),
    ("Cơn bão số 3 và mưa lũ sau bão vừa qua đã gây thiệt hại rất lớn về", 122, 236),
    ("người, tài sản của Nhân dân và Nhà nước tại khu vực các tỉnh phía Bắc nước", 94, 252),
    ("ta, trong đó vụ việc sập đổ cầu Phong Châu, sạt lở trên các tuyến", 94, 268),
]


def test_the_body_under_a_chi_thi_is_not_read_into_its_subject() -> None:
    """qngai_ct44_2024: the body's first paragraph, indented under a centred trích yếu after a wider gap."""
    doc = parse_raw(_scan(CT44, body=9))
    assert doc.subject == ("Về việc tăng cường các biện pháp đảm bảo an toàn công trình cầu giao thông trong mùa mưa, "
                           "bão năm 2024 trên địa bàn tỉnh Quảng Ngãi")


def test_a_lost_line_is_still_no_body() -> None:
    """The same gap before a centred line that opens no paragraph: a line of the trích yếu lost, left out."""
    lines = [t for t in CT44 if not t[0].startswith(("Cơn", "người", "ta,"))]
    lines.insert(7, ("trên địa bàn tỉnh Quảng Ngãi", 200, 236))
    doc = parse_raw(_scan(lines, body=9))
    assert doc.subject is None


QD2605 = HEAD[:2] + [("Số: 2605 /QĐ-UBND", 100, 80)] + HEAD[3:] + [
    ("QUYẾT ĐỊNH", 274, 141),
    ("Về việc bổ sung công chức, viên chức làm việc tại Bộ phận Tiếp nhận và Trả kết", 91, 163),
    ("quả giải quyết thủ tục hành chính của Ủy ban nhân dân tỉnh.", 137, 181),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", 181, 227),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", 122, 253),
]


def test_a_low_confidence_word_a_known_pair_confirms_is_taken() -> None:
    """bgddt_qd2605_2025: ``bổ`` read at 65 in ``bổ sung`` (neither ``bồ sung`` nor ``bố sung`` is a pair)."""
    doc = parse_raw(_scan(QD2605, low={"bổ": 65}))
    assert doc.subject is not None and doc.subject.startswith("Về việc bổ sung công chức")


def test_a_low_confidence_word_no_pair_confirms_stays_in_doubt() -> None:
    lines = [(t.replace("Tiếp nhận", "Tiếp nhân"), x, y) for t, x, y in QD2605]  # "Tiếp nhân" makes no pair
    doc = parse_raw(_scan(lines, low={"nhân": 50}))
    assert doc.subject is None
