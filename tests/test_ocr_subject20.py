"""Issue 12, session 20: a trích yếu read from a scan whose lines OCR lost is left out, never given in part; the date
words misread by OCR around a broken day still make the date line.

The header is ld_057's (dev) as tesseract read it (QUYẾT ĐỊNH of the Prime Minister: a two-line trích yếu, then the
authority line and the Căn cứ block), set on the page as printed: words 12 pt tall, lines 14 pt apart under the title.  The variants
are those of scripts/ocr_text_variants.py (a line taken out of OCR's reading), which gave a wrong trích yếu on main.
"""
from __future__ import annotations

import pytest

from vnadmin_nlp.lexicon.ocr_vocabulary import correct_line
from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument

LD_057 = [
    "THỦ TƯỚNG CHÍNH PHỦ",
    "Số: 932/QĐ-TTg",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 15 tháng 5 năm 2025",
    "QUYẾT ĐỊNH",
    "Về việc phê duyệt danh sách thành viên và chức năng, nhiệm vụ",
    "của Tổ Công tác cải cách hành chính",
    "THỦ TƯỚNG CHÍNH PHỦ",
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    "Căn cứ Quyết định số 929/QĐ-TTg ngày 15 tháng 5 năm 2025 của Thủ tướng Chính phủ;",
    "QUYẾT ĐỊNH:",
    "Điều 1. Phê duyệt danh sách thành viên của Tổ Công tác cải cách hành chính.",
]
SUBJECT = "Về việc phê duyệt danh sách thành viên và chức năng, nhiệm vụ của Tổ Công tác cải cách hành chính"
HEIGHT, PITCH, GAP = 12.0, 14.0, 30.0  # a word's height, its lines' pitch, the gap between the header's parts


def _scan(lines: list[str], lost: set[int] = frozenset(), pitch: float = PITCH) -> RawDocument:  # type: ignore[assignment]
    """A one-page OCR'd document of these lines at confidence 95, the lines of ``lost`` left out where they stood
    (their place kept empty); the header's parts set apart, the title and every line under it set close."""
    record, blocks, top = [], [], 40.0
    for i, text in enumerate(lines):
        if i not in lost:
            words = text.split()
            record.append([[w, 95, 10.0 + 60 * k, top, 60.0 + 60 * k, top + HEIGHT] for k, w in enumerate(words)])
            blocks.append(Block(text=text, kind="line", page=1, confidence=95.0))
        top += pitch if i >= 5 else GAP
    metadata = {"ocr_words": [{"page": 1, "lines": record}]}
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata=metadata)


def _unreadable(doc) -> list[str]:  # noqa: ANN001
    return [w.message for w in doc.warnings if w.code == "subject_unreadable"]


def test_whole_trich_yeu_is_read() -> None:
    doc = parse_raw(_scan(LD_057))
    assert doc.subject == SUBJECT and not _unreadable(doc)


def test_a_page_set_wide_throughout_has_lost_no_line() -> None:
    """Every line of the page 30 pt apart (a gap of 1.5 word heights): the gaps are the page's own, no line lost."""
    doc = parse_raw(_scan(LD_057, pitch=GAP))
    assert doc.subject == SUBJECT and not _unreadable(doc)


def test_first_line_lost_under_the_title_is_no_trich_yeu() -> None:
    doc = parse_raw(_scan(LD_057, lost={6}))  # main: "của Tổ Công tác cải cách hành chính"
    assert doc.subject is None
    assert any("under the title" in m for m in _unreadable(doc))
    assert doc.doc_type is not None and doc.doc_type.name == "Quyết định"


def test_both_lines_lost_leave_no_trich_yeu_not_the_authority_line() -> None:
    doc = parse_raw(_scan(LD_057, lost={6, 7}))  # main: "THỦ TƯỚNG CHÍNH PHỦ"
    assert doc.subject is None


def test_a_line_lost_inside_the_trich_yeu() -> None:
    three = LD_057[:7] + ["của Tổ Công tác cải cách hành chính và các", "thành viên Tổ giúp việc"] + LD_057[8:]
    doc = parse_raw(_scan(three[:5] + three[5:9] + three[9:], lost=set()))
    assert doc.subject is not None and doc.subject.endswith("thành viên Tổ giúp việc")
    # the middle line lost: what is left ends and begins as a trích yếu may, but a line's gap stands between them
    cut = parse_raw(_scan(three, lost={7}))
    assert cut.subject is None and any("between its lines" in m for m in _unreadable(cut))


@pytest.mark.parametrize("last, why", [
    ("của Tổ Công tác cải cách hành chính và", "cut short"),  # a lost third line after "và"
    ("của Tổ Công tác cải cách hành chính: - Văn phòng Chính phủ; - Bộ Nội vụ", "list's items"),
])
def test_a_trich_yeu_cut_short_or_run_into_a_list(last: str, why: str) -> None:
    doc = parse_raw(_scan(LD_057[:7] + [last] + LD_057[8:]))
    assert doc.subject is None and any(why in m for m in _unreadable(doc))


def test_text_layer_documents_are_not_judged_so() -> None:
    """The same header without OCR words (a text layer): the checks are of OCR's readings only."""
    lines = LD_057[:6] + LD_057[7:]  # the first line lost from a text: nothing says so, the line is kept
    doc = parse_raw(RawDocument(blocks=[Block(text=t, kind="line", page=1) for t in lines], format="pdf", pages=1))
    assert doc.subject == "của Tổ Công tác cải cách hành chính"


@pytest.mark.parametrize("line, fixed", [
    ("Hà Nội, ngảy s Ề thảng 1 ] nãm 2025", "Hà Nội, ngày s Ề tháng 1 ] năm 2025"),  # the date words' marks misread
    ("Lâm Đồng, ngay Ề Ề thang Ệ ị nam 2026", "Lâm Đồng, ngày Ề Ề tháng Ệ ị năm 2026"),  # read without marks
    ("ngảy tháng nãm 2025", "ngày tháng năm 2025"),  # a draft's blank date
])
def test_date_words_around_a_broken_day_are_corrected(line: str, fixed: str) -> None:
    assert correct_line(line)[0] == fixed


@pytest.mark.parametrize("line", [
    "thực hiện ngay từ tháng 5 năm 2025",  # "ngay" (at once) in a sentence: no date line's shape
    "ngay 5 thong bao nam 2025",  # other letters than the marks: "thông" is no "tháng"
    "Lâm Đồng, ngảy s Ề thảng 1 ] nãm 2025 và các năm",  # the year does not end the line
])
def test_other_words_are_not_taken_for_date_words(line: str) -> None:
    assert correct_line(line)[0] == line


def test_garbled_date_with_misread_words_keeps_the_header() -> None:
    """ld_057's date line with its words and day broken, as corrected by the reader: the header reads on."""
    lines = list(LD_057)
    lines[4] = correct_line("Hà Nội, ngảy s Ề thảng 1 ] nãm 2025")[0]
    doc = parse_raw(_scan(lines))
    assert (doc.place, doc.date, doc.subject) == ("Hà Nội", None, SUBJECT)
    assert doc.doc_type is not None and doc.doc_type.name == "Quyết định"
