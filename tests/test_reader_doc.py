"""The .doc reader: legacy TCVN3/VNI and modern Unicode Word 97-2003 files of the corpus, and typed errors."""
from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

import pytest

from vnadmin_nlp.readers import (
    CorruptFile,
    EncryptedFile,
    MissingDependency,
    UnsupportedFormat,
    get_reader,
    pick_reader,
    read_file,
)
from vnadmin_nlp.readers import doc as doc_module
from vnadmin_nlp.readers.doc import DocReader
from vnadmin_nlp.readers.ole import ole_stream_names

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import legacy_accuracy  # noqa: E402

needs_antiword = pytest.mark.skipif(shutil.which("antiword") is None,
                                    reason="antiword not installed (apt-get install antiword)")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice not installed (apt-get install libreoffice-writer-nogui)")
MOJIBAKE = set("¸µ¶·¹¾©®¬­«ªÐÑÕÖÞ")


def _texts(doc, kind=None):
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]


# --------------------------------------------------------------------------- legacy .doc (antiword)


@pytest.fixture(scope="module")
def tt155(shared):
    if shutil.which("antiword") is None:
        pytest.skip("antiword not installed (apt-get install antiword)")
    return read_file(shared / "corpus" / "btc_tt155_1998_tcvn3.doc")


@pytest.mark.system
def test_tcvn3_doc_detected_and_converted(tt155):
    assert tt155.format == "doc" and tt155.encoding == "tcvn3"
    body = "\n".join(_texts(tt155))
    assert "Bộ Tài chính" in body
    assert "Thông tư" in _texts(tt155)
    assert "2.1- Các doanh nghiệp, tổ chức phải áp dụng chế độ kế toán doanh nghiệp Việt nam ban hành theo " \
           "Quyết định số 1141 TC/QĐ/CĐKT ngày 01/11/1995" in body
    assert "Trần Văn Tá" in body
    assert not MOJIBAKE & set(body)
    assert any(w.code == "legacy_encoding" for w in tt155.warnings)


@pytest.mark.system
def test_tcvn3_doc_header_table_columns_are_separate(tt155):
    head = [b for b in tt155.blocks if b.kind == "cell" and b.table == 0]
    assert [(b.row, b.col, b.text) for b in head[:2]] == [
        (0, 0, "Bộ tài chính"),  # .VnTimeH heading: capitals are not visible through antiword (see warning)
        (0, 1, "cộng hòa xã hội chủ nghĩa việt nam"),
    ]
    assert (2, 0, "Số:155/1998/TT/BTC") in [(b.row, b.col, b.text) for b in head]
    assert (2, 1, "Hà nội, ngày 8 tháng 12 năm 1998") in [(b.row, b.col, b.text) for b in head]
    # the signature/recipients table at the end is a second table, its columns apart too
    sign = [(b.col, b.text) for b in tt155.blocks if b.kind == "cell" and b.table == 1]
    assert (0, "Nơi nhận:") in sign and (1, "Trần Văn Tá") in sign


@pytest.mark.system
@needs_antiword
def test_vni_doc_camau(shared):
    doc = read_file(shared / "corpus" / "camau_quydinh_2006_vni.doc")
    assert doc.encoding == "vni"
    texts = _texts(doc)
    # checked by eye against the file shown in a VNI-Times font
    assert texts[:4] == ["UỶ BAN NHÂN DÂN", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH CÀ MAU",
                         "Độc lập – Tự do – Hạnh phúc"]
    assert "VỀ CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC" in texts
    assert "Điều 2. Đối tượng áp dụng." in texts
    assert "3. Các cá nhân trực thuộc các cơ quan Nhà nước được Ban Chỉ đạo 814 đề nghị phối hợp hoặc làm " \
           "thành viên các Đội kiểm tra 814." in texts
    assert "Trịnh Minh Thành" in texts
    assert not MOJIBAKE & set("".join(texts))


@pytest.mark.system
@needs_antiword
def test_vni_doc_header_typed_with_spaces(shared):
    doc = read_file(shared / "corpus" / "brvt_bqlkcn_quyche_2007_vni.doc")
    texts = _texts(doc)
    assert doc.encoding == "vni"
    assert texts[:3] == ["UBND TỈNH BÀ RỊA – VŨNG TÀU", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BQL CÁC KHU CÔNG NGHIỆP"]
    assert "Số :          /QĐ. BQL–VP" in texts  # the blank for the number stays with its label
    assert "Vũng Tàu , ngày      tháng     năm 2007" in texts
    assert "Điều 13 : Quản lý, sử dụng xe ôtô" in texts


@pytest.mark.system
@needs_antiword
@pytest.mark.parametrize("entry", [e for e in legacy_accuracy.load_sources() if e["corpus_file"].endswith(".doc")],
                         ids=lambda e: e["stem"])
def test_accuracy_against_transcripts(shared, entry):
    result = legacy_accuracy.evaluate(entry)
    assert result["encoding"] == entry["encoding"]
    # measured (transcripts with corrections.json): char 0.9992-1.0000, diacritic 0.9991-1.0000
    assert result["char"] >= 0.99, result
    assert result["diacritic"] >= 0.99, result


# --------------------------------------------------------------------------- modern Unicode .doc


@pytest.mark.system
@needs_antiword
def test_unicode_doc_is_not_converted(shared):
    doc = read_file(shared / "corpus" / "provincial" / "vbai_03_ub_thong_bao_ve_viec_giai_the_06_hoi_vi_pham_1.doc")
    assert doc.encoding is None and not doc.warnings
    cells = [(b.row, b.col, b.text) for b in doc.blocks if b.kind == "cell" and b.table == 0]
    assert cells[:4] == [(0, 0, "ỦY BAN NHÂN DÂN"), (0, 0, "TỈNH BÌNH THUẬN"),
                         (0, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (0, 1, "Độc lập - Tự do - Hạnh phúc")]
    assert (1, 0, "Số:           /TB-UBND") in cells
    texts = _texts(doc, "paragraph")
    assert "THÔNG BÁO" in texts
    assert any(t.startswith("đ) Hiệp hội Thủy sản tỉnh Bình Thuận") for t in texts)  # list letters kept


@pytest.mark.system
@needs_antiword
def test_unicode_doc_footnotes(shared):
    doc = read_file(shared / "corpus" / "vbhn31_vpqh_2021_doc.doc")
    notes = [t for t in _texts(doc, "footnote") if t.startswith("[")]
    assert len(notes) == 190
    assert notes[0].startswith("[1] Luật Hải quan số 54/2014/QH13")
    body = _texts(doc, "paragraph")
    assert "Quốc hội ban hành Luật xử lý vi phạm hành chính[1]." in body
    assert "[pic]" not in body and doc.metadata.get("pictures") == 1


@pytest.mark.system
@needs_antiword
def test_unicode_doc_law_header(shared):
    doc = read_file(shared / "corpus" / "luat15_2012_doc.doc")
    cells = [(b.row, b.col, b.text) for b in doc.blocks if b.kind == "cell" and b.table == 0]
    assert (0, 0, "QUỐC HỘI") in cells and (0, 1, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM") in cells
    assert any(text == "Số: 15/2012/QH13" for _, _, text in cells)
    assert "Xử lý vi phạm hành chính" in _texts(doc)


@pytest.mark.system
@needs_antiword
def test_all_corpus_docs_read(shared):
    files = sorted((shared / "corpus").rglob("*.doc"))
    assert len(files) >= 20
    for path in files:
        doc = read_file(path)
        assert len(doc.blocks) > 10, path.name
        # legacy files are named after their encoding; every other (Unicode) .doc must be left unconverted
        expected = next((e for e in ("tcvn3", "vni") if path.stem.endswith(e)), None)
        assert doc.encoding == expected, path.name
        assert not MOJIBAKE & set("".join(_texts(doc))), path.name


# --------------------------------------------------------------------------- LibreOffice fallback


@pytest.mark.system
@pytest.mark.slow
@needs_soffice
def test_libreoffice_fallback_keeps_capital_fonts(shared, monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(doc_module.shutil, "which", lambda name: None if name == "antiword" else real_which(name))
    doc = read_file(shared / "corpus" / "btc_tt155_1998_tcvn3.doc")
    assert doc.metadata["tool"] == "libreoffice" and doc.encoding == "tcvn3"
    cells = [(b.row, b.col, b.text) for b in doc.blocks if b.kind == "cell" and b.table == 0]
    assert cells[:2] == [(0, 0, "BỘ TÀI CHÍNH"), (0, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    assert "THÔNG TƯ" in _texts(doc)
    assert "Để đảm bảo việc tuân thủ Điều 37 của Luật Đầu tư nước ngoài tại Việt nam" in "\n".join(_texts(doc))


# --------------------------------------------------------------------------- containers and errors


def _ole(*streams: str, sector_shift: int = 9, word_flags: int | None = None) -> bytes:
    """A minimal OLE compound file whose directory holds the given (empty) stream names.

    With ``word_flags`` the WordDocument stream gets one sector holding a FIB with those flags.
    """
    size = 1 << sector_shift
    header = bytearray(size)
    header[:8] = doc_module.CFB_MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3 if size == 512 else 4, 0xFFFE, sector_shift, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    fat = struct.pack(f"<{size // 4}I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * (size // 4 - 2)))
    directory = bytearray(size)
    for i, name in enumerate(("Root Entry",) + streams):
        raw = name.encode("utf-16-le") + b"\0\0"
        e = i * 128
        directory[e:e + len(raw)] = raw
        struct.pack_into("<HB", directory, e + 0x40, len(raw), 5 if i == 0 else 2)
        struct.pack_into("<II", directory, e + 0x74, 0xFFFFFFFE, 0)
        if name == "WordDocument" and word_flags is not None:
            struct.pack_into("<II", directory, e + 0x74, 2, 4096)
    fib = bytearray(size)
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, 193, 0, 0, 0, word_flags or 0)
    return bytes(header) + fat + bytes(directory) + (bytes(fib) if word_flags is not None else b"")


def test_ole_directory_parser():
    assert set(ole_stream_names(_ole("WordDocument", "1Table"))) == {"Root Entry", "WordDocument", "1Table"}
    with pytest.raises(ValueError):
        ole_stream_names(b"not an ole file" * 100)


@pytest.mark.parametrize("streams,error,words", [
    (("Workbook",), UnsupportedFormat, "Excel"),
    (("PowerPoint Document", "Current User"), UnsupportedFormat, "PowerPoint"),
    (("EncryptionInfo", "EncryptedPackage"), EncryptedFile, "password"),
    (("SummaryInformation",), UnsupportedFormat, "WordDocument"),
])
def test_other_ole_files_get_typed_errors(tmp_path, streams, error, words):
    path = tmp_path / "file.doc"
    path.write_bytes(_ole(*streams))
    with pytest.raises(error) as err:
        read_file(path)
    assert words in err.value.message and "file.doc" in str(err.value)


def test_password_protected_word_document(tmp_path):
    path = tmp_path / "secret.doc"
    path.write_bytes(_ole("WordDocument", "1Table", word_flags=0x0100))  # FIB fEncrypted
    with pytest.raises(EncryptedFile) as err:
        read_file(path)
    assert "password" in err.value.message and "secret.doc" in str(err.value)


@pytest.mark.system
@pytest.mark.slow
@needs_antiword
@needs_soffice
def test_unreadable_word_stream_tries_both_tools(tmp_path):
    path = tmp_path / "empty.doc"
    path.write_bytes(_ole("WordDocument", "1Table"))  # a Word container with nothing in it
    with pytest.raises(CorruptFile) as err:
        read_file(path)
    assert "antiword" in err.value.message and "LibreOffice" in err.value.message


def test_damaged_container_is_corrupt(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes(doc_module.CFB_MAGIC + b"\xff" * 600)
    with pytest.raises(CorruptFile) as err:
        read_file(path)
    assert "broken.doc" in str(err.value)


def test_missing_tools_name_the_debian_packages(shared, monkeypatch):
    monkeypatch.setattr(doc_module.shutil, "which", lambda name: None)
    with pytest.raises(MissingDependency) as err:
        read_file(shared / "corpus" / "btc_tt155_1998_tcvn3.doc")
    assert "antiword" in err.value.install and "libreoffice" in err.value.install
    assert err.value.what.startswith("antiword")


def test_sniffing_picks_the_doc_reader_by_content(shared):
    head = (shared / "corpus" / "camau_quydinh_2006_vni.doc").read_bytes()[:8192]
    assert DocReader().sniff(head, Path("renamed.bin"))
    assert pick_reader(Path("renamed.bin"), head).name == "doc"
    assert not DocReader().sniff(_ole("Workbook")[:8192], Path("x.xls"))
    assert not DocReader().sniff(b"PK\x03\x04", Path("x.doc"))
    assert DocReader().sniff(_ole("EncryptedPackage"), Path("x.docx"))  # so that it gets EncryptedFile
    assert get_reader("doc").extensions == ("doc", "dot")
