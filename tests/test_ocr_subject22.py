"""Issue 12, session 22: an OCR'd trích yếu read in part is left out, never given shortened.

ld_060 (Lâm Đồng dev, a phone photo of a tờ trình) as tesseract read it, every word at its own box: the photo's
lines rise 11 pt across the page, so each line's box is two lines tall and the gap between boxes hid a lost line
(scripts/ocr_text_variants.py subj_drop_first); read without its last three lines it ended on ``… thực hiện Chiến
lược`` (subj_drop_all).  ld_051's ``Họp`` read ``Hóp`` at a middling confidence stood as a soft doubt
(subj_tone_soft); vbai_27's ``Khuyến`` at 83 (a known pair with ``học``) still does.
"""
from __future__ import annotations

from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument

Word = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom

HEAD: list[list[Word]] = [
    [("BỘ", 95, 40, 112, 52), ("CÔNG", 116, 40, 150, 52), ("AN", 154, 40, 172, 52)],
    [("CÔNG", 70, 56, 104, 68), ("AN", 108, 56, 126, 68), ("TỈNH", 130, 56, 160, 68), ("LÂM", 164, 56, 190, 68), ("ĐỒNG", 194, 56, 230, 68)],
    [("Số:", 80, 80, 100, 92), ("416/TTr-CAT(PC04)", 104, 80, 210, 92)],
    [("CỘNG", 300, 40, 336, 52), ("HÒA", 340, 40, 366, 52), ("XÃ", 370, 40, 388, 52), ("HỘI", 392, 40, 416, 52), ("CHỦ", 420, 40, 446, 52), ("NGHĨA", 450, 40, 490, 52), ("VIỆT", 494, 40, 524, 52), ("NAM", 528, 40, 556, 52)],
    [("Độc", 330, 56, 352, 68), ("lập", 356, 56, 376, 68), ("-", 380, 56, 384, 68), ("Tự", 388, 56, 402, 68), ("do", 406, 56, 420, 68), ("-", 424, 56, 428, 68), ("Hạnh", 432, 56, 462, 68), ("phúc", 466, 56, 496, 68)],
    [("Lâm", 320, 100, 344, 112), ("Đồng,", 348, 100, 380, 112), ("ngày", 384, 100, 410, 112), ("28", 414, 100, 428, 112), ("tháng", 432, 100, 464, 112), ("11", 468, 100, 480, 112), ("năm", 484, 100, 510, 112), ("2025", 514, 100, 544, 112)],
    [("TỜ", 270, 155.0, 290, 170.6), ("TRÌNH", 294, 155.0, 340, 170.6)],
]
# ld_060's trích yếu, the words' boxes as tesseract gave them (the photo's skew kept)
SUBJECT: list[list[Word]] = [
    [("Về", 76.1, 169.2, 94.1, 184.3), ("việc", 94.3, 173.0, 125.8, 194.2), ("đề", 130.6, 170.2, 145.9, 185.3), ("nghị", 151.4, 174.5, 181.0, 189.1),
     ("ban", 186.2, 174.7, 211.2, 196.1), ("hành", 216.2, 175.2, 249.4, 187.0), ("văn", 254.2, 176.6, 278.2, 197.3), ("bản", 283.9, 176.6, 307.4, 188.2),
     ("báo", 313.2, 177.1, 336.0, 188.6), ("cáo", 341.0, 177.6, 363.1, 188.9), ("tổng", 368.2, 174.5, 396.0, 199.0), ("kết", 401.5, 175.2, 421.2, 189.8),
     ("thực", 425.8, 179.0, 454.8, 193.7), ("hiện", 460.1, 179.0, 486.5, 193.7), ("Chiến", 492.0, 176.4, 529.7, 191.3), ("lược", 535.4, 180.2, 563.0, 194.6)],
    [("quốc", 74.9, 187.9, 107.8, 205.9), ("gia", 112.6, 192.0, 131.8, 213.1), ("phòng,", 137.8, 191.5, 184.1, 208.3), ("chống", 189.1, 189.8, 229.4, 214.8),
     ("và", 233.5, 193.7, 248.6, 205.2), ("kiểm", 254.4, 190.8, 286.3, 215.5), ("soát", 291.4, 194.9, 318.2, 206.4), ("ma", 323.0, 198.7, 342.2, 206.6),
     ("túy", 347.3, 195.6, 368.6, 210.2), ("đến", 373.2, 192.7, 396.2, 207.4), ("năm", 401.8, 197.0, 429.4, 207.8), ("2020", 434.4, 197.3, 464.9, 208.6),
     ("và", 469.0, 197.5, 483.6, 208.6), ("định", 488.9, 197.8, 517.4, 211.9), ("hướng", 523.0, 198.2, 564.5, 212.4)],
    [("đến", 108.7, 206.9, 132.5, 221.5), ("năm", 138.5, 211.0, 167.3, 222.0), ("2030,", 172.8, 210.2, 208.8, 226.6), ("gắn", 213.1, 211.9, 236.9, 232.8),
     ("với", 241.4, 212.2, 262.8, 223.4), ("tổng", 267.8, 209.0, 296.6, 227.3), ("kết", 301.7, 209.8, 321.8, 224.2), ("thực", 326.2, 213.6, 355.7, 227.8),
     ("hiện", 360.7, 213.6, 387.6, 228.2), ("Chương", 392.9, 214.3, 446.6, 229.4), ("trình", 451.4, 215.3, 483.4, 226.6), ("phòng,", 488.9, 215.8, 532.8, 230.2)],
    [("chống", 205.0, 226.6, 245.3, 244.8), ("ma", 250.3, 233.8, 270.0, 241.9), ("túy", 275.3, 230.9, 296.4, 245.5), ("giai", 301.0, 231.1, 324.5, 245.8),
     ("đoạn", 329.5, 231.8, 361.4, 246.0), ("2021", 366.5, 232.1, 406.3, 243.4), ("-", 407.0, 236.0, 409.0, 238.0), ("2025", 410.6, 232.8, 441.1, 244.1)],
]
BODY: list[list[Word]] = [
    [("Kính", 150, 262, 180, 276), ("gửi:", 184, 262, 210, 276), ("Văn", 214, 263, 240, 277), ("phòng", 244, 263, 282, 277), ("Ủy", 286, 264, 302, 278),
     ("ban", 306, 264, 328, 278), ("nhân", 332, 264, 362, 278), ("dân", 366, 265, 390, 279), ("tỉnh", 394, 265, 420, 279), ("Lâm", 424, 265, 450, 279), ("Đồng", 454, 266, 490, 280)],
    [("Thực", 100, 296, 130, 310), ("hiện", 134, 296, 160, 310), ("Kế", 164, 297, 180, 311), ("hoạch", 184, 297, 222, 311), ("số", 226, 297, 240, 311),
     ("5474/KH-UBND", 244, 298, 330, 312), ("ngày", 334, 298, 362, 312), ("17/10/2025", 366, 298, 430, 312), ("của", 434, 299, 456, 313), ("UBND", 460, 299, 500, 313), ("tỉnh", 504, 299, 530, 313)],
]


def _scan(lines: list[list[Word]], conf: dict[str, int] | None = None) -> RawDocument:
    record, blocks = [], []
    for line in lines:
        record.append([[t, (conf or {}).get(t, 95), x0, y0, x1, y1] for t, x0, y0, x1, y1 in line])
        blocks.append(Block(text=" ".join(w[0] for w in line), kind="line", page=1, confidence=95.0))
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata={"ocr_words": [{"page": 1, "lines": record}]})


def _subject_warnings(doc) -> list[str]:  # noqa: ANN001
    return [w.message for w in doc.warnings if w.code == "subject_unreadable"]


def test_a_skewed_photo_s_trich_yeu_is_read_whole() -> None:
    doc = parse_raw(_scan(HEAD + SUBJECT + BODY))
    assert doc.subject is not None and doc.subject.startswith("Về việc đề nghị ban hành") and doc.subject.endswith("2021 - 2025")


def test_a_line_lost_on_a_skewed_photo_leaves_it_out() -> None:
    doc = parse_raw(_scan(HEAD + SUBJECT[:1] + SUBJECT[2:] + BODY))
    assert doc.subject is None
    assert any("a line lost" in m for m in _subject_warnings(doc))


def test_a_trich_yeu_ending_on_a_name_s_head_leaves_it_out() -> None:
    doc = parse_raw(_scan(HEAD + SUBJECT[:1] + BODY))
    assert doc.subject is None
    assert any("the head of a name" in m for m in _subject_warnings(doc))


MINUTES_HEAD: list[list[Word]] = [
    [("BIÊN", 260, 150, 292, 164), ("BẢN", 296, 150, 326, 164)],
]


def _minutes(first: str) -> list[list[Word]]:
    words = f"{first} thống nhất liên quan đến đề xuất cho phép thành lập".split()
    line, x = [], 90.0
    for w in words:
        line.append((w, x, 170.0, x + 7 * len(w), 184.0))
        x += 7 * len(w) + 5
    tail = "Hội Ái hữu Pháp ngữ Đà Lạt - Lâm Đồng".split()
    line2, x = [], 170.0
    for w in tail:
        line2.append((w, x, 188.0, x + 7 * len(w), 202.0))
        x += 7 * len(w) + 5
    return HEAD[:6] + MINUTES_HEAD + [line, line2] + BODY[1:]


def test_a_soft_doubt_with_a_tone_rival_and_no_known_pair_leaves_it_out() -> None:
    doc = parse_raw(_scan(_minutes("Hóp"), {"Hóp": 75}))  # ld_051 subj_tone_soft: Họp read Hóp at 75
    assert doc.subject is None
    assert any("'Hóp' (OCR confidence 75)" in m for m in _subject_warnings(doc))
