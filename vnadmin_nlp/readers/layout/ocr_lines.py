"""OCR words → the same lines the text layer gives, so scans share the PDF layout."""
from __future__ import annotations

from ...lexicon.ocr_vocabulary import correct_words
from ..ocr_result import OcrPage, trim_trailing_noise
from .records import Char, Line


def correct_page(result: OcrPage) -> list[tuple[str, str]]:
    """Each tesseract line corrected to the closed vocabulary of headers and closings (bodies, places, the motto…:
    :mod:`vnadmin_nlp.lexicon.ocr_vocabulary`), in place; only marks change, so every word keeps its confidence
    and its box.  A line's trailing underscores and em dashes go first (after the columns were read again: the
    page's lines as tesseract gave them decide the regions).  Returns the corrections (before, after)."""
    fixes: list[tuple[str, str]] = []
    for line in result.lines:
        line.words = trim_trailing_noise(line.words) or line.words
        texts, found = correct_words([w.text for w in line.words])
        if found:
            for word, text in zip(line.words, texts):
                word.text = text
            fixes.extend(found)
    return fixes


def ocr_lines(result: OcrPage, scale: float, height: float) -> list[Line]:
    """OCR words → the same ``Line`` objects as the text layer, so OCR pages get the same column split,
    furniture removal and reading order.  A word is one "glyph" whose index slot holds its confidence.

    Tesseract's own lines are kept (on a skewed scan their boxes overlap the next line, so regrouping words by
    height would mix lines); only lines side by side on the same row (the two header columns, which tesseract
    often finds as separate blocks) are put back into one row, for the column split to cut them again.
    """
    rows: list[list[tuple[list[Char], float, float, float, float]]] = []
    items = []
    for line in result.lines:
        box = line.box or line.bbox
        top, bottom = box[1], box[3]
        style = (False, False, round((bottom - top) / scale, 1), 0, "ocr")
        y0, y1 = height - bottom / scale, height - top / scale
        chars = [(w.bbox[0] / scale, y0, w.bbox[2] / scale, y1, w.text, w.conf, style) for w in line.words]
        items.append((chars, y0, y1, chars[0][0], max(c[2] for c in chars)))
    items.sort(key=lambda it: -it[2])
    for item in items:
        chars, y0, y1, x0, x1 = item
        for row in rows[-3:]:
            overlap = min(y1, max(r[2] for r in row)) - max(y0, min(r[1] for r in row))
            if overlap >= 0.5 * (y1 - y0) and all(x1 <= r[3] or x0 >= r[4] for r in row):
                row.append(item)
                break
        else:
            rows.append([item])
    lines = []
    for row in rows:
        chars = sorted((c for item in row for c in item[0]), key=lambda c: c[0])
        heights = sorted(item[2] - item[1] for item in row)
        lines.append(Line(chars, min(i[1] for i in row), max(i[2] for i in row), heights[len(heights) // 2] or 1.0))
    lines.sort(key=lambda ln: -ln.y1)
    return lines
