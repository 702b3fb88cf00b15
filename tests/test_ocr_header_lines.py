"""Header lines as OCR leaves them (issue 12): a day it could not read keeps the date line (the place is read, the
date is null with ``date_unreadable``); a trích yếu read by OCR whose shape is wrong is left out."""
from __future__ import annotations

from vnadmin_nlp import parse_text
from vnadmin_nlp.extractors.subject import _ocr_shape_flaw

# qngai_ct07_2018.pdf as OCR reads its header: the day 20 is handwritten and comes out "|2"
CT07 = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 07/CT-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày |2 tháng 3 năm 2018
CHỈ THỊ
Về việc tăng cường công tác thi hành án hành chính
trên địa bàn tỉnh Quảng Ngãi
Trong thời gian qua, công tác triển khai thi hành Luật tố tụng hành chính đạt những kết quả tích cực.
"""


def test_unreadable_day_keeps_the_date_line() -> None:
    doc = parse_text(CT07)
    assert doc.place == "Quảng Ngãi"
    assert doc.date is None  # never the month alone, never a guessed day
    assert doc.doc_type is not None and doc.doc_type.name == "Chỉ thị"
    assert doc.subject is not None and doc.subject.startswith("Về việc tăng cường")
    warning = next(w for w in doc.warnings if w.code == "date_unreadable")
    assert "'|2'" in warning.message


def test_readable_day_unchanged() -> None:
    doc = parse_text(CT07.replace("ngày |2", "ngày 20"))
    assert (doc.place, doc.date) == ("Quảng Ngãi", "2018-03-20")
    assert not any(w.code == "date_unreadable" for w in doc.warnings)


def test_ocr_subject_shapes() -> None:
    # ld_037 (dev), its trích yếu as OCR read it: a speck read as a full stop, the rest of the line lost
    assert _ocr_shape_flaw("Về việc cho phép đổi tên Câu lạc bộ Mô tô Thể thao và phê duyệt. Điều lệ") == "a full stop inside it"
    # ld_071 (dev): a heading taken for the trích yếu
    assert _ocr_shape_flaw("BÁO CÁO ĐÈ XUẤT") == "all in capitals"
    assert _ocr_shape_flaw("Về việc cử đại diện lãnh đạo tham gia Ban Vì sự tiến bộ của phụ nữ.") is None
    assert _ocr_shape_flaw("Về việc thu hồi đất tại TP. Đà Lạt") is None  # an abbreviation's point
