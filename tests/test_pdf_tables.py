"""Ruled tables in text-layer PDFs read as cells (issue 13): the grid from the page's rulings, merged cells, one
``cell`` block per cell; the task tables of tests/test_task_table_forms.py rendered to PDF by LibreOffice read
as their DOCX does; highlight boxes behind lines are no table; a real agenda table read cell by cell."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from vnadmin_nlp.readers.pdf import PdfReader
from vnadmin_nlp.readers.pdf.rulings import grids

from . import test_task_table_forms as forms
from .conftest import SHARED


def _read(path: Path):  # type: ignore[no-untyped-def]
    return PdfReader().read(path, path.read_bytes())


def test_grid_merged_cells() -> None:
    # a 3-column, 3-row grid: the middle ruling of the first row is missing (a header cell over two columns),
    # the ruling between rows 2 and 3 under the first column is missing (a cell over two rows)
    segs = [("h", 300.0, 100.0, 400.0), ("h", 280.0, 100.0, 400.0), ("h", 260.0, 200.0, 400.0), ("h", 240.0, 100.0, 400.0),
            ("v", 100.0, 240.0, 300.0), ("v", 400.0, 240.0, 300.0), ("v", 200.0, 240.0, 280.0), ("v", 300.0, 240.0, 300.0)]
    (grid,) = grids(segs)
    assert grid.xs == [100.0, 200.0, 300.0, 400.0] and grid.ys == [300.0, 280.0, 260.0, 240.0]
    assert grid.cells == [(0, 0, 1, 2), (0, 2, 1, 1), (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]


def test_no_grid_from_lone_rulings() -> None:
    # the short rule under the issuer and a page frame's two sides: no table
    assert grids([("h", 700.0, 60.0, 140.0), ("v", 40.0, 40.0, 800.0), ("v", 560.0, 40.0, 800.0)]) == []


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf_tables")
    forms._ruled_pdfs(forms.FORMS, out)
    plain = out / "plain.docx"
    forms._docx(forms.FORMS[0], plain)  # the same table without borders
    (out / "plain").mkdir()
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out / "plain"), str(plain)],
                   check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.parametrize("form", forms.FORMS, ids=[f.name for f in forms.FORMS])
def test_task_table_pdf_reads_as_docx(form: forms.Form, pdfs: Path) -> None:
    path = pdfs / f"{form.name}.pdf"
    assert forms._read(path) == forms._expected(form)
    doc = _read(path)
    cells = [b for b in doc.blocks if b.kind == "cell"]
    assert cells and {b.table for b in cells} == {0}
    # the header and the text around the table are lines as before, in their order
    texts = [b.text for b in doc.blocks]
    assert texts.index("II. NHIỆM VỤ CỤ THỂ") < texts.index(cells[0].text) < texts.index("III. TỔ CHỨC THỰC HIỆN")


def test_unruled_table_pdf_read_by_positions(pdfs: Path) -> None:
    """The same table printed without borders: no grid, but its columns by the words' positions and its rows by
    their numbers (session 20, readers/pdf/aligned_tables.py; it was left to the lines before) give the DOCX's
    tasks."""
    path = pdfs / "plain" / "plain.pdf"
    assert any(b.kind == "cell" for b in _read(path).blocks)
    assert forms._read(path) == forms._expected(forms.FORMS[0])


def test_date_cut_by_the_cell_width_read_whole(pdfs: Path) -> None:
    doc = _read(pdfs / "caps_lists_in_cells.pdf")
    assert any(b.kind == "cell" and b.text == "Trước ngày 15/11/2025" for b in doc.blocks)


def test_agenda_table_read_by_cells() -> None:
    path = SHARED / "devset" / "lamdong" / "ld_026.pdf"
    if not path.exists():
        pytest.skip("shared devset not available")
    cells = [(b.row, b.col, b.text) for b in _read(path).blocks if b.kind == "cell"]
    assert cells[:6] == [(0, 0, "Thời gian"), (0, 1, "Nội dung"), (0, 2, "Chủ trì"),
                         (1, 0, "07h45 - 8h00"), (1, 1, "Tiếp đón đại biểu"), (1, 2, "Bộ Công an")]


def test_highlight_boxes_are_no_table() -> None:
    # ld_023: lines of a report with filled boxes behind them ("Ngoài ra, có Hội Kiến trúc sư tỉnh Bình Thuận là
    # hội quần chúng (chưa"): no grid, the lines read as lines
    path = SHARED / "devset" / "lamdong" / "ld_023.pdf"
    if not path.exists():
        pytest.skip("shared devset not available")
    doc = _read(path)
    assert not any(b.kind == "cell" for b in doc.blocks)
    assert any(b.text.startswith("Ngoài ra, có Hội Kiến trúc sư tỉnh Bình Thuận") for b in doc.blocks)
