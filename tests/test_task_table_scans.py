"""Task tables on scanned pages read as cells (issue 13), on GENERATED scans: the plans of test_task_table_forms /
test_task_forms16 (bodies and times from the development set's plans and conclusions) printed ruled by LibreOffice,
rasterised with pypdfium2 and spoiled as a scanner spoils a page (turned by up to 1.5°, blurred, grain, JPEG), then
read through ``parse_file``: each row's lead, support and deadline must be the ones its text version gives.  The
ruling finder itself is checked on drawn grids (turned, with a merged cell, letters' stems and an underline beside
them) without tesseract.  A longer run over all the forms at 200 and 300 dpi: ``benchmarks/table_scans.py``."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from vnadmin_nlp.readers.ocr_rulings import find_rulings
from vnadmin_nlp.readers.pdf.rulings import grids

from . import test_task_table_forms as forms
from .test_task_forms16 import TABLES16


def scan_pdf(src: Path, dst: Path, dpi: int = 300, angle: float = 1.5, blur: float = 0.6, noise: float = 8.0,
             quality: int = 60, seed: int = 0) -> Path:
    """``src`` printed as a scanner gives it: each page an image turned by ``angle`` degrees, blurred, with grain,
    saved as JPEG in an image-only PDF ``dst``."""
    np = pytest.importorskip("numpy")
    import pypdfium2
    from PIL import Image, ImageFilter

    rnd = np.random.default_rng(seed)
    pdf = pypdfium2.PdfDocument(str(src))
    frames = []
    for page in pdf:
        img = page.render(scale=dpi / 72).to_pil().convert("L")
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(blur)) if blur else img
        grain = np.asarray(img, dtype=np.float32) + rnd.normal(0.0, noise, (img.height, img.width))
        img = Image.fromarray(np.clip(grain, 0, 255).astype(np.uint8))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality)
        frames.append(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    pdf.close()
    frames[0].save(dst, "PDF", resolution=dpi, save_all=True, append_images=frames[1:])
    return dst


def _grid_image(angle: float, dpi: int = 200):  # type: ignore[no-untyped-def]
    """A page with a 5-column ruled table of a header row and three rows, the last column's cell merged over the
    last two rows; letter-like stems in the cells, an underline and a heading above; turned by ``angle``."""
    from PIL import Image, ImageDraw

    pt = dpi / 72
    img = Image.new("L", (round(595 * pt), round(842 * pt)), 255)
    draw = ImageDraw.Draw(img)
    xs = [round(v * pt) for v in (70, 110, 250, 360, 450, 530)]
    ys = [round(v * pt) for v in (300, 330, 380, 430, 480)]
    w = max(1, round(0.5 * pt))
    draw.line((round(200 * pt), round(120 * pt), round(400 * pt), round(120 * pt)), fill=0, width=w)  # an underline
    for k, y in enumerate(ys):
        x1 = xs[-1] if k != 3 else xs[-2]  # the last column's cell merged over rows 2 and 3
        draw.line((xs[0], y, x1, y), fill=0, width=w)
        if k == 3:
            draw.line((xs[-2], y, xs[-1], y), fill=255, width=w)
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=0, width=w)
    for r in range(len(ys) - 1):  # stems of letters: tall strokes inside the cells, clear of the rulings
        for c in range(len(xs) - 1):
            x = xs[c] + round(6 * pt)
            draw.line((x, ys[r] + round(5 * pt), x, ys[r] + round(15 * pt)), fill=0, width=round(1.2 * pt))
            draw.line((x, ys[r] + round(19 * pt), x, ys[r] + round(29 * pt)), fill=0, width=round(1.2 * pt))
    return img.rotate(angle, fillcolor=255), pt


@pytest.mark.parametrize("angle", [0.0, 1.5, -1.2])
def test_rulings_of_a_turned_grid(angle: float) -> None:
    pytest.importorskip("numpy")
    image, pt = _grid_image(angle)
    found = find_rulings(image, pt, 842.0)
    assert found is not None
    assert found.slope == pytest.approx(-__import__("math").tan(__import__("math").radians(angle)), abs=0.004)
    (grid,) = grids(found.segs)
    assert (len(grid.xs), len(grid.ys)) == (6, 5)
    assert [x - grid.xs[0] for x in grid.xs] == pytest.approx([0, 40, 180, 290, 380, 460], abs=1.5)
    assert (2, 4, 2, 1) in grid.cells and len(grid.cells) == 19  # the merged cell, the others one unit each


def test_a_page_without_a_table_is_skipped() -> None:
    pytest.importorskip("numpy")
    image, pt = _grid_image(1.0)
    from PIL import ImageDraw

    ImageDraw.Draw(image).rectangle((0, round(280 * pt), image.width, image.height), fill=255)  # the table gone
    assert find_rulings(image, pt, 842.0) is None


needs_tools = pytest.mark.skipif(not shutil.which("tesseract") or not shutil.which("soffice"),
                                 reason="tesseract or LibreOffice not installed")
SCANNED = [f for f in forms.FORMS if f.name == "two_row_header"] + [f for f in TABLES16 if f.name == "merged_time"]


@needs_tools
def test_task_tables_of_scanned_plans(tmp_path: Path) -> None:
    """Two plans (a two-row header over ``Chủ trì | Phối hợp``; a time cell merged over two rows), ruled, printed,
    scanned turned one way and the other: one task per row, each row's lead, support and deadline as its text."""
    pdfs = forms._ruled_pdfs(SCANNED, tmp_path)
    for k, (form, pdf) in enumerate(zip(SCANNED, pdfs)):
        scan = scan_pdf(pdf, tmp_path / f"scan_{form.name}.pdf", angle=1.5 if k else -1.5, seed=k)
        _same_rows(forms._read(scan), forms._expected(form))
    # the image reader: the first plan as a photo-like PNG (200 dpi, turned 1°), its frame's dpi declared
    import pypdfium2

    page = pypdfium2.PdfDocument(str(tmp_path / f"scan_{SCANNED[0].name}.pdf"))[0]
    png = tmp_path / "scan.png"
    page.render(scale=200 / 72).to_pil().rotate(2.5, fillcolor="white").save(png, dpi=(200, 200))
    _same_rows(forms._read(png), forms._expected(SCANNED[0]))


def _same_rows(got: list[tuple], want: list[tuple]) -> None:
    """One task per row with the row's lead and support; each deadline the row's, or null where OCR misread the
    time (``Hãng tháng``, ``Quý H/2025``: never another value), and most of them read."""
    assert [(g[0], g[1]) for g in got] == [(w[0], w[1]) for w in want]
    assert all(g[2] in (w[2], None) for g, w in zip(got, want))
    assert 2 * sum(1 for g, w in zip(got, want) if g[2] == w[2]) >= len(want)


def test_what_ocr_makes_of_a_table_header_and_its_rulings() -> None:
    """The generated scans' misreadings: header words without their marks corrected to the table vocabulary, a
    speck before a header's words, a bar and an unsure speck on a ruling dropped, words glued in a narrow cell."""
    from vnadmin_nlp.extractors.tasking.table import role
    from vnadmin_nlp.lexicon.ocr_vocabulary import correct_line
    from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord
    from vnadmin_nlp.readers.ocr_rulings import Found, drop_marks

    assert correct_line("CƠ QUAN, ĐƠNVỊ PHOI HỢP")[0] == "CƠ QUAN, ĐƠNVỊ PHỐI HỢP"
    assert correct_line("TIỀN ĐỘ")[0] == "TIẾN ĐỘ" and correct_line("Hãng tháng")[0] == "Hằng tháng"
    assert correct_line("tiền độ")[0] == "tiền độ"  # two words in small letters: never corrected
    assert role("¡ Cơ quan thực hiện") == "lead" and role("TIẾN ĐỘ THỰC HIỆN") == "deadline"
    # a page 100 pt high at 1 px per pt; a vertical ruling at x = 50 from y = 10 to 90 (page units, origin bottom)
    found = Found([("h", 90.0, 0.0, 100.0), ("h", 10.0, 0.0, 100.0), ("v", 50.0, 10.0, 90.0)], 0.0, (50.0, 50.0), 1.0)
    words = [OcrWord("SởThông", 95, (10, 40, 45, 50)), OcrWord("|", 60, (49, 40, 51, 50)),
             OcrWord("Ki", 15, (51, 40, 56, 50)), OcrWord("|UBND", 90, (58, 40, 80, 50)), OcrWord("Ki", 90, (85, 40, 90, 50))]
    page = OcrPage([OcrLine(words)], 100, 100, 0.0)
    assert drop_marks(page, found, 1.0, 100.0) == 2
    assert [w.text for w in page.lines[0].words] == ["Sở", "Thông", "UBND", "Ki"]
