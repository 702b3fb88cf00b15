"""The RTF reader on real corpus files (TCVN3 2000-era and modern Unicode) and on small hand-made RTF."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from vnadmin_nlp.readers import CorruptFile, read_file
from vnadmin_nlp.readers.lines import split_layout_gaps
from vnadmin_nlp.readers.rtf import RtfReader

from .conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import legacy_accuracy  # noqa: E402

MOJIBAKE = set("¸µ¶·¹¾©®¬­«ªÐÑÕÖÞ")


def _read_rtf(tmp_path: Path, body: str, name: str = "t.rtf") -> list:
    path = tmp_path / name
    path.write_bytes(body.encode("latin-1"))
    doc = read_file(path)
    assert doc.format == "rtf"
    return doc


@pytest.fixture(scope="module")
def tt40(shared):
    return read_file(shared / "corpus" / "btc_tt40_2000_rtf.rtf")


@pytest.fixture(scope="module")
def phieu_trinh(shared):
    return read_file(shared / "corpus" / "provincial" / "vbai_02_phieu_trinh_ttr_3367.rtf")


# --------------------------------------------------------------------------- TCVN3 RTF (2000)


def test_tcvn3_rtf_is_converted_by_font(tt40):
    assert tt40.encoding == "tcvn3"
    assert any(w.code == "legacy_encoding" and ".VnTimeH" in w.message for w in tt40.warnings)
    texts = [b.text for b in tt40.blocks]
    # header typed with spaces: the two columns are separate blocks, .VnTimeH text comes out in capitals
    assert texts[:2] == ["BỘ TÀI CHÍNH", "CỘNG HOÀ XÃ HỘI CHỦ NGHIÃ VIỆT NAM"]
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert "Hà nội, ngày  15  tháng  5  năm 2000" in texts
    assert "THÔNG TƯ" in texts
    assert "Hướng dẫn thi hành Quyết định số 176/1999/QĐ-TTg" in texts
    assert "Phạm Văn Trọng" in texts
    body = "\n".join(texts)
    assert "tthd176" not in body  # footer text is not body
    assert not MOJIBAKE & set(body)


def test_tcvn3_rtf_accuracy_against_transcript(tt40):
    entry = next(e for e in legacy_accuracy.load_sources() if e["stem"] == "btc_tt40_2000_rtf")
    truth = legacy_accuracy.load_truth(entry)
    scores = legacy_accuracy.score(truth, "\n".join(b.text for b in tt40.blocks))
    # measured: char 0.9935 (the transcript writes the .VnTimeH headings in lowercase), 1.0000 ignoring case
    assert scores["char_nocase"] >= 0.999
    assert scores["char"] >= 0.99
    assert scores["diacritic"] >= 0.99


# --------------------------------------------------------------------------- modern Unicode RTF


def test_unicode_rtf_header_columns_are_separate(phieu_trinh):
    texts = [b.text for b in phieu_trinh.blocks]
    assert texts[:3] == ["VĂN PHÒNG UBND TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÌNH THUẬN"]
    assert "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC" in texts
    assert "Bình Thuận, ngày 05 tháng 12 năm 2024" in texts
    assert "- Tờ trình số 3367/TTr-SNV ngày 28/11/2024 của Giám đốc Sở Nội vụ." in texts
    assert phieu_trinh.encoding == "cp1252"  # nothing legacy in it
    assert not any(w.code == "legacy_encoding" for w in phieu_trinh.warnings)


def test_unicode_rtf_list_numbers_and_tabs_kept(phieu_trinh):
    texts = [b.text for b in phieu_trinh.blocks]
    assert "a)\tKhoản 3 Điều 15 Nghị định số 126/2024/NĐ-CP quy định: “Chủ tịch Ủy ban nhân dân cấp tỉnh có " \
           "thẩm quyền công" in "\n".join(texts) or any(t.startswith("a)\tKhoản 3 Điều 15") for t in texts)


def test_unicode_rtf_table_cells(phieu_trinh):
    cells = [b for b in phieu_trinh.blocks if b.kind == "cell"]
    assert cells
    first = {(b.row, b.col): b.text for b in cells if b.table == cells[0].table}
    assert first[(0, 0)] == "Ngày bắt đầu" and first[(0, 1)] == "Ngày kết thúc"
    assert first[(1, 1)] == "Chuyên viên"


def test_unicode_rtf_footnotes(phieu_trinh):
    notes = [b.text for b in phieu_trinh.blocks if b.kind == "footnote"]
    assert [n[:3] for n in notes if n.startswith("[")] == ["[1]", "[2]"]  # the second one has two paragraphs
    assert len(notes) == 3
    assert "5956/STNMT-CCBVMT" in notes[0] and "khoản 3 Điều 15 Nghị định số 126/2024/NĐ-CP" in notes[1]
    body = [b.text for b in phieu_trinh.blocks if b.kind != "footnote"]
    assert not any("5956/STNMT-CCBVMT ngày 24/10/2024 của Sở" in t for t in body)  # not left in the body
    assert any("[1]" in t for t in body)  # the reference marks stay where they were
    assert "- Thẩm quyền:  Thuộc Chủ tịch UBND tỉnh[2]." in body


@pytest.mark.parametrize("name,date", [
    ("vbai_58_phieu_trinh_ttr_519.rtf", "Bình Thuận, ngày 05 tháng 3 năm 2025"),
    ("vbai_64_phieu_trinh_ttr_253.rtf", "Bình Thuận, ngày 07 tháng 02 năm 2025"),
])
def test_other_provincial_rtf(shared, name, date):
    doc = read_file(shared / "corpus" / "provincial" / name)
    texts = [b.text for b in doc.blocks]
    assert texts[:2] == ["VĂN PHÒNG UBND TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert date in texts
    assert "Kính trình lãnh đạo xem xét, quyết định./." in texts
    assert not MOJIBAKE & set("".join(texts))


# --------------------------------------------------------------------------- hand-made RTF


def test_unicode_escapes_and_uc_skipping(tmp_path):
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi\ansicpg1252\uc1 {\fonttbl{\f0 Times New Roman;}}"
                              r"\f0 C\u7897?ng h\'f2a\par{\uc2 Vi\u7879\'3f\'3ft Nam}\par}")
    assert [b.text for b in doc.blocks] == ["Cộng hòa", "Việt Nam"]


def test_charset_and_codepage(tmp_path):
    # \fcharset163 = Windows-1258: decomposed letters, normalised to NFC
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset163 Arial;}}\f0 Vi\'ea\'f2t\par}")
    assert [b.text for b in doc.blocks] == ["Việt"]


def test_destinations_hidden_text_and_lines_are_handled(tmp_path):
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}"
                              r"{\stylesheet{\s0 Normal;}}{\info{\title Secret title}}{\*\generator Word;}"
                              r"{\header Page header\par}{\pict\pngblip 89504e47}"
                              r"Visible{\v  hidden} text\line second line\par"
                              r"{\field{\*\fldinst PAGE}{\fldrslt 7}}\par}")
    assert [b.text for b in doc.blocks] == ["Visible text", "second line", "7"]


def test_font_conversion_tcvn3_vni_and_capital_font(tmp_path):
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}{\f1 .VnTime;}{\f2 .VnTimeH;}"
                              r"{\f3 VNI-Times;}}"
                              r"{\f2 b\'e9 t\'b5i ch\'ddnh}\par{\f1 h\'ad\'edng d\'c9n}\par"
                              r"{\f3 Ch\'f6\'f4ng I}\par{\f0 Unicode \u7884?}\par}")
    assert [b.text for b in doc.blocks] == ["BỘ TÀI CHÍNH", "hướng dẫn", "Chương I", "Unicode Ọ"]
    assert doc.encoding == "tcvn3"


def test_unicode_typed_in_a_legacy_named_font_is_kept(tmp_path):
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi{\fonttbl{\f1 .VnTime;}}\f1 C\u7897?ng h\'f2a x\'e3 h\u7897?i\par}")
    assert [b.text for b in doc.blocks] == ["Cộng hòa xã hội"]


def test_table_cells_in_the_same_row_are_separate_blocks(tmp_path):
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi\trowd\cellx3000\cellx6000\pard\intbl UBND T\u7880?NH\par "
                              r"S\u7888?: 12/QD\cell\pard\intbl C\u7896?NG H\'d2A\cell\row"
                              r"\trowd\cellx3000\cellx6000\pard\intbl\cell\pard\intbl Ng\'e0y 1\cell\row\pard After\par}")
    cells = [(b.kind, b.table, b.row, b.col, b.text) for b in doc.blocks]
    assert cells == [
        ("cell", 0, 0, 0, "UBND TỈNH"), ("cell", 0, 0, 0, "SỐ: 12/QD"), ("cell", 0, 0, 1, "CỘNG HÒA"),
        ("cell", 0, 1, 1, "Ngày 1"), ("paragraph", None, None, None, "After"),
    ]


def test_mojibake_outside_legacy_fonts_is_repaired(tmp_path):
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 C\'e9ng ho\'b5 x\'b7 h\'e9i ch\'f1 ngh\'dca"
                              r" vi\'d6t nam\par}")
    assert [b.text for b in doc.blocks] == ["cộng hoà xã hội chủ nghĩa việt nam".capitalize()]
    assert doc.encoding == "tcvn3"


def test_layout_gap_splitting():
    assert split_layout_gaps("VĂN PHÒNG UBND TỈNH\tCỘNG HÒA") == ["VĂN PHÒNG UBND TỈNH", "CỘNG HÒA"]
    assert split_layout_gaps("a)\tKhoản 3 Điều 15") == ["a)\tKhoản 3 Điều 15"]
    assert split_layout_gaps("Số:      40   /2000/TT/BTC") == ["Số:      40   /2000/TT/BTC"]
    assert split_layout_gaps("Nơi nhận:\t\t\tKT. BỘ TRƯỞNG") == ["Nơi nhận:", "KT. BỘ TRƯỞNG"]
    # 5 spaces between two stretches in capitals: a header typed with spaces (brvt_bqlkcn_quyche_2007_vni.doc)
    assert split_layout_gaps("UBND TỈNH BÀ RỊA – VŨNG TÀU     CỘNG HOÀ XÃ HỘI") == ["UBND TỈNH BÀ RỊA – VŨNG TÀU",
                                                                                  "CỘNG HOÀ XÃ HỘI"]
    assert split_layout_gaps("đầu tư       sau đây:") == ["đầu tư       sau đây:"]  # spaces in body text
    # fill-in blanks stay with their label
    assert split_layout_gaps("Số :          /QĐ. BQL–VP\t\t Vũng Tàu , ngày      tháng     năm 2007") == [
        "Số :          /QĐ. BQL–VP", "Vũng Tàu , ngày      tháng     năm 2007"]
    assert split_layout_gaps("ngày            tháng 12 năm 2024") == ["ngày            tháng 12 năm 2024"]


def test_bad_input_raises_typed_errors(tmp_path):
    path = tmp_path / "fake.rtf"
    path.write_bytes(b"this is not rtf")
    with pytest.raises(CorruptFile) as err:
        RtfReader().read(path, path.read_bytes())
    assert "fake.rtf" in str(err.value)
    # truncated file: unbalanced groups still give the text read so far, no traceback
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Truncated here {\b bold", "cut.rtf")
    assert [b.text for b in doc.blocks] == ["Truncated here bold"]


def test_sniff():
    reader = RtfReader()
    assert reader.sniff(b"{\\rtf1\\ansi", Path("x.doc"))
    assert reader.sniff(b"\xef\xbb\xbf{\\rtf1", Path("x"))
    assert not reader.sniff(b"PK\x03\x04", Path("x.rtf"))


def test_fixture_transcripts_exist():
    assert (FIXTURES / "transcripts" / "btc_tt40_2000_rtf.txt").is_file()


def test_legacy_font_bytes_ignore_the_vietnamese_code_page(tmp_path):
    # \ansicpg1258 would turn \'cc into a combining grave; in a .VnTime run the byte is TCVN3 "è"
    doc = _read_rtf(tmp_path, r"{\rtf1\ansi\ansicpg1258{\fonttbl{\f0 Arial;}{\f1 .VnTime;}}"
                              r"{\f1 k\'cc ho\'b9ch}\par{\f0 Vi\'ea\'f2t}\par}")
    assert [b.text for b in doc.blocks] == ["kè hoạch", "Việt"]
