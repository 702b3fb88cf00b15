"""Task tables of PDFs over several pages (issue 13, session 17), GENERATED: the long plans of
tests/test_task_forms15.py printed by LibreOffice with the header row repeated on each page (Word's "repeat as
header row"), from HTML with a border on every cell, and with lead cells merged over two rows (rowspan) across the
page breaks. A row the page break cuts goes on in its cells on the page before; a repeated header is no row; a
name the cell's width wraps at its dash ("Đài Phát thanh" | "- Truyền hình tỉnh") stays one name, while a cell's
list of dashed items keeps its items."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vnadmin_nlp.readers.pdf import PdfReader

from . import test_task_table_forms as forms
from .test_task_forms15 import _long_rows
from .test_task_table_forms import Form

LONG = Form("long", [["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]],
            _long_rows(30))


def _merged_rows(n: int) -> list[forms.Row]:
    """Rows in pairs whose second row's lead cell is merged with the first's (the same body)."""
    rows = _long_rows(n)
    for k in range(1, n, 2):
        rows[k].cells[2] = ""
        rows[k].merged_up = {2}
        rows[k].lead = rows[k - 1].lead
    return rows


MERGED = Form("merged", LONG.header, _merged_rows(30))


def _convert(paths: list[Path], out: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice not installed")
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    out = tmp_path_factory.mktemp("pdf_tables17")
    forms._ruled_pdfs([LONG, MERGED], out)
    path = out / "repeated.docx"
    forms._docx(LONG, path)
    d = docx.Document(str(path))
    d.tables[0].style = d.styles["Table Grid"]
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    d.tables[0].rows[0]._tr.get_or_add_trPr().append(mark)
    d.save(str(path))
    page = out / "bordered.html"
    page.write_text(forms._html(LONG).replace("<table>", '<table border="1" cellspacing="0" cellpadding="4">'),
                    encoding="utf-8")
    _convert([path, page], out)
    return out


def _cells(path: Path) -> list:  # type: ignore[type-arg]
    return [b for b in PdfReader().read(path, path.read_bytes()).blocks if b.kind == "cell"]


@pytest.mark.parametrize("name,form", [("long", LONG), ("merged", MERGED), ("repeated", LONG), ("bordered", LONG)])
def test_task_table_over_pages(name: str, form: Form, pdfs: Path) -> None:
    path = pdfs / f"{name}.pdf"
    cells = _cells(path)
    assert len({b.page for b in cells}) > 1  # the table does go over a page
    assert forms._read(path) == forms._expected(form)


def test_repeated_header_is_no_row(pdfs: Path) -> None:
    cells = _cells(pdfs / "repeated.pdf")
    assert [b.text for b in cells].count("Đơn vị chủ trì") == 1
    assert len({b.page for b in cells if b.text == "Thời gian hoàn thành"}) == 1


def test_row_cut_by_the_page_goes_on_before(pdfs: Path) -> None:
    # every content cell whole on one row: none starts with a lower-case word (a row's end the break cut)
    for name in ("long", "repeated", "bordered"):
        contents = [b.text for b in _cells(pdfs / f"{name}.pdf") if b.col == 1 and b.row and b.row > 0]
        assert len(contents) == 30 and all(t[0].isupper() for t in contents), name


def test_dashed_items_kept(tmp_path: Path) -> None:
    # the other side: a support cell that lists its bodies one per dashed line keeps them apart
    form = forms.FORMS[3]  # caps_lists_in_cells: "- Sở Tư pháp\n- Văn phòng UBND tỉnh"
    forms._ruled_pdfs([form], tmp_path)
    texts = [b.text for b in _cells(tmp_path / f"{form.name}.pdf")]
    assert "- Sở Tư pháp\n- Văn phòng UBND tỉnh" in texts


def test_last_row_alone_on_the_next_page(tmp_path: Path) -> None:
    # the task table in an appendix after the signature (plans print it so), from bordered HTML: its last row goes
    # alone onto the next page, a one-row box there that continues the table (a one-row box elsewhere is none)
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice not installed")
    form = forms.FORMS[0]
    page = forms._html(form)
    i, j = page.index("<table>"), page.index("</table>") + len("</table>")
    table = page[i:j].replace("<table>", '<table border="1" cellspacing="0" cellpadding="4">')
    appendix = ("<p>PHỤ LỤC</p><p>DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025</p>"
                "<p>(Kèm theo Kế hoạch số 25/KH-UBND ngày 10/3/2025 của UBND tỉnh)</p>")
    path = tmp_path / "kh.html"
    path.write_text(page[:i] + page[j:].replace("</body>", appendix + table + "</body>"), encoding="utf-8")
    _convert([path], tmp_path)
    pdf = tmp_path / "kh.pdf"
    cells = _cells(pdf)
    last = max(b.page for b in cells)
    assert len({b.row for b in cells if b.page == last}) == 1  # (the layout this test is about)
    assert forms._read(pdf) == forms._expected(form)


def _row(*texts: str) -> list:  # type: ignore[type-arg]
    from vnadmin_nlp.readers.base import Block
    return [(c, 1, [Block(text=t, kind="cell", table=0, row=0, col=c)] if t else []) for c, t in enumerate(texts)]


def test_cut_row_goes_on_and_sub_item_row_stays() -> None:
    from vnadmin_nlp.readers.pdf.table_cells import _go_on, _Open
    head = [[(0, "STT"), (1, "Nội dung nhiệm vụ"), (2, "Đơn vị chủ trì"), (3, "Đơn vị phối hợp"), (4, "Thời gian")]]
    tail = _row("5", "Phối hợp", "Thanh tra", "Ban Tiếp", "Quý IV/2025")
    rows = [_row("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"),
            _row("", "chuẩn bị nội dung tiếp công dân", "tỉnh", "công dân tỉnh", ""), _row("6", "Đẩy mạnh", "Sở A", "", "")]
    _go_on(rows, _Open(None, 0, 6, head, tail))  # type: ignore[arg-type]
    assert [b.text for _, _, blocks in tail for b in blocks] == [
        "5", "Phối hợp chuẩn bị nội dung tiếp công dân", "Thanh tra tỉnh", "Ban Tiếp công dân tỉnh", "Quý IV/2025"]
    assert not any(blocks for r in rows[:2] for _, _, blocks in r) and rows[2][0][2]  # the header went; row 6 stays
    tail = _row("5", "Rà soát thủ tục hành chính", "Sở Tư pháp", "", "Quý IV/2025")
    rows = [_row("", "a) Rà soát thủ tục nội bộ", "", "", "")]
    _go_on(rows, _Open(None, 0, 6, head, tail))  # type: ignore[arg-type]
    assert rows[0][1][2] and tail[1][2][0].text == "Rà soát thủ tục hành chính"
