"""Task tables with no ruling grid on SCANNED pages (issue 13, session 23): the generated plans of
tests/fixtures/task_tables (rows from the development set's plans, printed by LibreOffice with the row rules only or
no ruling at all) rendered as image-only PDFs, clean or turned by a degree (scripts/scan_conditions.py), and read
through tesseract: the columns come from the OCR'd words' positions (readers/pdf/aligned_tables.py), the rows from
the row numbers or the row rules found in the image (readers/ocr_rulings.py ``_rules_only``), a skewed page's words
set upright by the rules' slope.  The row-rule finder itself is checked on drawn pages without tesseract."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from vnadmin_nlp.readers.ocr_rulings import find_rulings

FOLDER = Path(__file__).parent / "fixtures" / "task_tables"


def _rules_image(angle: float, rules: int, dpi: int = 200):  # type: ignore[no-untyped-def]
    """A page with ``rules`` rules across it (a table printed with its row rules only), an underline, letters'
    strokes between the rules, turned by ``angle`` degrees."""
    from PIL import Image, ImageDraw

    pt = dpi / 72
    img = Image.new("L", (round(595 * pt), round(842 * pt)), 255)
    draw = ImageDraw.Draw(img)
    w = max(1, round(0.5 * pt))
    draw.line((round(200 * pt), round(120 * pt), round(400 * pt), round(120 * pt)), fill=0, width=w)  # an underline
    for k in range(rules):
        y = round((300 + 50 * k) * pt)
        draw.line((round(70 * pt), y, round(530 * pt), y), fill=0, width=w)
        for x in (80, 120, 260, 370):  # letters' stems in the row under the rule
            draw.line((round(x * pt), y + round(6 * pt), round(x * pt), y + round(16 * pt)), fill=0, width=round(1.2 * pt))
    return img.rotate(angle, fillcolor=255), pt


@pytest.mark.parametrize("angle", [0.0, 1.0, -1.5])
def test_row_rules_without_a_grid_are_kept_with_their_slope(angle: float) -> None:
    pytest.importorskip("numpy")
    import math

    image, pt = _rules_image(angle, 5)
    found = find_rulings(image, pt, 842.0)
    assert found is not None
    assert [s[0] for s in found.segs] == ["h"] * 5  # the underline is no rule across the page
    assert abs(found.slope + math.tan(math.radians(angle))) < 0.004
    ys = sorted(s[1] for s in found.segs)
    assert all(abs(b - a - 50) < 1.5 for a, b in zip(ys, ys[1:]))


def test_two_rules_are_no_table() -> None:
    pytest.importorskip("numpy")
    image, pt = _rules_image(0.0, 2)
    assert find_rulings(image, pt, 842.0) is None


needs_tesseract = pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract not installed")


def _scan(src: Path, dst: Path, angle: float) -> Path:
    import pypdfium2
    from PIL import Image

    pdf = pypdfium2.PdfDocument(str(src))
    pages = [p.render(scale=300 / 72).to_pil().convert("RGB").rotate(angle, resample=Image.Resampling.BICUBIC,
                                                                         fillcolor="white") for p in pdf]
    pdf.close()
    pages[0].save(dst, format="PDF", resolution=300, save_all=True, append_images=pages[1:])
    return dst


@needs_tesseract
@pytest.mark.parametrize("name,angle", [("row_rules_cut_row", 1.0), ("unruled_times", 0.0)])
def test_scanned_table_without_grid_rows_are_tasks(tmp_path: Path, name: str, angle: float) -> None:
    """Every row a task from the table, in order (a row the page break cut joined), its lead as printed in all rows
    but at most one (an OCR misreading of a name)."""
    from vnadmin_nlp import parse_file
    from vnadmin_nlp.evaluation.body_gold import BodyGold
    from vnadmin_nlp.evaluation.body_score import score_body

    gold: dict[str, Any] = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))[name]
    scan = _scan(FOLDER / f"{name}.pdf", tmp_path / f"{name}.pdf", angle)
    doc = parse_file(scan)
    res = score_body(BodyGold(id=name, file=name, path=scan, gold_file=scan, kind=None, split="variant",
                              complete={"tasks": True}, tasks=gold["tasks"]), doc)
    from vnadmin_nlp.evaluation.body_match import body_key

    n = len(gold["tasks"])
    table = [t for t in doc.tasks if t.source == "table"]
    assert len(table) == n  # one task per row, in order (a row cut by the page break joined)
    got = [sorted(body_key(x) for x in t.lead) for t in table]
    want = [sorted(body_key(x) for x in t["lead"]) for t in gold["tasks"]]
    assert sum(g == w for g, w in zip(got, want)) >= n - 1, (got, want)  # (OCR may misread one name)
    assert res.metric("tasks").tp >= n - 1  # (a content misread, "Tổ chúc", may not be located)
    assert res.metric("task_deadline").fp <= 1, res.mismatches
