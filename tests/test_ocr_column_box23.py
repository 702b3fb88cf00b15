"""The boxes of a scan's two-column blocks read again on their own (readers/layout/columns.column_regions, issue 13
session 23): a box is padded by 0.4 of its tallest row, and a closing's tall row (a position line in bold capitals,
or a row tesseract boxed with the line below) padded it into the body's last line above, whose words under the box
were then replaced by the column's reading and lost (vbai_61 printed and scanned: ``… hoàn thành theo thời gian
tại`` / ``khoản 1 Công văn này`` came out ``theo thời`` / ``tại``, and the task lost its deadline).  The geometry of
that page, built as tesseract's lines."""
from __future__ import annotations

from vnadmin_nlp.readers.layout.columns import column_regions
from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord


def _line(y: int, spans: list[tuple[int, int, str]], h: int = 40) -> OcrLine:
    words = []
    for x0, x1, text in spans:
        step = (x1 - x0) / len(text.split())
        for k, t in enumerate(text.split()):
            words.append(OcrWord(t, 95.0, (int(x0 + k * step), y, int(x0 + (k + 1) * step - 12), y + h)))
    return OcrLine(words, (words[0].bbox[0], y, words[-1].bbox[2], y + h))


def test_a_closing_box_stops_below_the_bodys_last_line() -> None:
    body = "hỗ trợ việc tổ chức đại hội Hiệp hội Doanh nghiệp tỉnh đảm bảo hoàn thành theo thời gian tại"
    lines = [_line(2300 + 56 * k, [(315, 2193, body)]) for k in range(3)]
    lines.append(_line(2468, [(315, 900, "khoản 1 Công văn này./.")]))
    y = 2524
    for left, right in [("Nơi nhận:", "KT. CHỦ TỊCH"), ("- Như trên;", "PHÓ CHỦ TỊCH"), ("- Ban Dân vận Tỉnh ủy;", ""), ("- Lưu: VT, KT.", "")]:
        tall = right == "KT. CHỦ TỊCH"
        lines.append(_line(y, [(315, 800, left)] + ([(1600, 2100, right)] if right else []), 100 if tall else 34))
        y += 104 if tall else 48
    lines.append(_line(y + 150, [(1600, 2100, "Nguyễn Hồng Hải")]))
    boxes = column_regions(OcrPage(lines, 2480, 3508, 0.0), 1)
    assert len(boxes) == 2
    above = lines[2]  # the body's last full line: no word of it may be read again with a column
    for box in boxes:
        assert box[1] > above.box[3]
        assert not any(box[1] <= (w.bbox[1] + w.bbox[3]) / 2 < box[3] for w in above.words)
    assert boxes[0][1] <= lines[3].box[1]  # (the block's own first line is still inside)
