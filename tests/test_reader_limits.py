"""Issue 14: every reader limit ends a hostile file in a typed ReaderError naming the file and the limit (or, where
the rest of the document is usable, a warning saying what was dropped) — fast, and without building gigabytes.

The hostile files are generated in tmp_path by tests/hostile.py; none is a real document.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests import hostile
from vnadmin_nlp.readers import CorruptFile, ReaderError, limits, read_file
from vnadmin_nlp.readers.limits import LimitExceeded


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _refused(path: Path, limit: str, seconds: float = 5.0) -> LimitExceeded:
    start = time.process_time()
    with pytest.raises(LimitExceeded) as info:
        read_file(path)
    assert time.process_time() - start < seconds
    exc = info.value
    assert exc.limit == limit and exc.code == "limit_exceeded"
    assert str(path) in str(exc) and limit in str(exc)  # names the file and the limit
    return exc


# --- DOCX ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,start", [("upperRoman", 10**15), ("lowerRoman", 40_000), ("lowerLetter", 10**10)])
def test_docx_list_counter_over_the_limit_is_refused(tmp_path: Path, fmt: str, start: int) -> None:
    exc = _refused(_write(tmp_path, "so.docx", hostile.numbered_docx(fmt, start)), "max_list_value")
    assert str(start) in str(exc)


def test_docx_list_counter_within_the_limit_still_reads(tmp_path: Path) -> None:
    raw = read_file(_write(tmp_path, "ok.docx", hostile.numbered_docx("upperRoman", 14)))
    assert raw.blocks[0].text.startswith("XIV.")


def test_docx_nesting_is_bounded(tmp_path: Path) -> None:
    _refused(_write(tmp_path, "deep.docx", hostile.nested_docx(limits.current().max_nesting + 50)), "max_nesting")
    raw = read_file(_write(tmp_path, "ok.docx", hostile.nested_docx(20)))
    assert raw.blocks[0].text == "sâu"


def test_docx_member_lying_about_its_size_is_stopped_while_inflating(tmp_path: Path) -> None:
    """Both zip headers say 1000 bytes; the member inflates to 50 MB: stopped at the declared size (bad CRC)."""
    path = _write(tmp_path, "lie.docx", hostile.lying_zip_docx(50_000_000))
    start = time.process_time()
    with pytest.raises(CorruptFile) as info:
        read_file(path)
    assert time.process_time() - start < 2 and str(path) in str(info.value)


def test_docx_inflated_bytes_are_counted_across_parts(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.docx", hostile.lying_zip_docx(3_000_000, declared=3_000_000 // 34 * 34 + 34))
    with limits.override(max_package_bytes=1_000_000):
        _refused(path, "max_package_bytes")
    with limits.override(max_part_bytes=1_000_000):
        _refused(path, "max_part_bytes")


def test_docx_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    with limits.override(max_zip_parts=50):
        _refused(_write(tmp_path, "parts.docx", hostile.many_parts_docx(100)), "max_zip_parts")


# --- OLE (.doc) ---------------------------------------------------------------------------------------------

def test_ole_self_looping_difat_is_a_corrupt_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "loop.doc", hostile.ole_looping_difat())
    start = time.process_time()
    with pytest.raises(CorruptFile) as info:
        read_file(path)
    assert time.process_time() - start < 1
    assert str(path) in str(info.value) and "loops" in str(info.value)


# --- RTF ----------------------------------------------------------------------------------------------------

def test_rtf_negative_bin_does_not_loop(tmp_path: Path) -> None:
    raw = read_file(_write(tmp_path, "bin.rtf", hostile.rtf_bin_negative()))
    assert "Trư" in raw.blocks[0].text


def test_rtf_out_of_range_unicode_is_replaced(tmp_path: Path) -> None:
    raw = read_file(_write(tmp_path, "u.rtf", b"{\\rtf1\\ansi A\\u9999999999?B\\u-99999?C\\par}"))
    assert raw.blocks[0].text == "A\ufffdB\ufffdC"


def _seconds(fn, *args) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        fn(*args)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("make,n", [(hostile.rtf_font_table, 20_000), (hostile.rtf_many_tokens, 8_000)])
def test_rtf_time_is_linear(tmp_path: Path, make, n: int) -> None:  # noqa: ANN001
    """A font table of \\f entries without ';', and a paragraph of many small runs: 10× the input, ~10× the time
    (both were quadratic: 100× the time)."""
    small = _write(tmp_path, "small.rtf", make(n))
    large = _write(tmp_path, "large.rtf", make(10 * n))
    ratio = _seconds(read_file, large) / max(_seconds(read_file, small), 1e-4)
    assert ratio < 20, ratio


# --- PDF ----------------------------------------------------------------------------------------------------

def test_pdf_content_stream_bomb_is_refused_before_pdfium(tmp_path: Path) -> None:
    path = _write(tmp_path, "bomb.pdf", hostile.pdf_stream_bomb(16 * 1024 * 1024))
    with limits.override(max_pdf_stream_bytes=8 * 1024 * 1024):
        _refused(path, "max_pdf_stream_bytes")
    assert read_file(path).pages == 1  # within the default limit it reads


def test_pdf_page_too_large_to_render_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """A scan page with a 14,400-pt media box would render to 3.6 billion pixels at 300 dpi: not rendered."""
    path = _write(tmp_path, "huge.pdf", hostile.pdf_huge_page())
    start = time.process_time()
    raw = read_file(path)
    assert time.process_time() - start < 5
    found = [w for w in raw.warnings if w.code == "reader_limit"]
    assert found and "max_render_pixels" in found[0].message and "page 1" in found[0].message


def test_pdf_page_count_limit(tmp_path: Path) -> None:
    with limits.override(max_pdf_pages=0):  # 0 lifts the limit
        assert read_file(_write(tmp_path, "one.pdf", hostile.pdf(b"BT /F1 12 Tf 72 720 Td (A) Tj ET"))).pages == 1


# --- HTML ---------------------------------------------------------------------------------------------------

def test_html_huge_spans_are_bounded(tmp_path: Path) -> None:
    _refused(_write(tmp_path, "spans.html", hostile.html_spans(2000)), "max_table_cells")
    raw = read_file(_write(tmp_path, "ok.html", hostile.html_spans(3, rowspan=10**9, colspan=10**9)))
    assert [b.text for b in raw.blocks] == ["ô", "ô", "ô"]  # a span past the last row stops there, as in a browser


def test_html_nesting_past_the_parser_limit_is_a_warning(tmp_path: Path) -> None:
    raw = read_file(_write(tmp_path, "deep.html", hostile.html_deep(3000)))
    found = [w for w in raw.warnings if w.code == "reader_limit"]
    assert found and "dropped" in found[0].message
    raw = read_file(_write(tmp_path, "ok.html", hostile.html_deep(100)))
    assert not [w for w in raw.warnings if w.code == "reader_limit"]
    assert "Nơi nhận:" in [b.text for b in raw.blocks]


# --- any file -----------------------------------------------------------------------------------------------

def test_file_size_limit_and_environment_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "a.txt", "Công văn số 1/UBND\n".encode() * 200)
    with limits.override(max_file_bytes=1000):
        exc = _refused(path, "max_file_bytes")
    assert "VNADMIN_LIMIT_MAX_FILE_BYTES" in str(exc)
    monkeypatch.setenv("VNADMIN_LIMIT_MAX_NESTING", "7")
    assert limits._from_env().max_nesting == 7


def test_text_chars_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "Công văn số 1/UBND\n".encode() * 200)
    with limits.override(max_text_chars=1000):
        _refused(path, "max_text_chars")


def test_limit_errors_are_reader_errors() -> None:
    assert issubclass(LimitExceeded, ReaderError)
    names = [name for name, _default, _env in limits.table()]
    assert "max_list_value" in names and len(names) == len(set(names))
