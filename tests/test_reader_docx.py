"""The DOCX reader on real corpus files: header columns apart, Word's numbering restored, notes, boxes, errors."""
from __future__ import annotations

import io
import shutil
import struct
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from vnadmin_nlp.readers import CorruptFile, EncryptedFile, ReaderError, UnsupportedFormat, read_file
from vnadmin_nlp.readers.base import RawDocument
from vnadmin_nlp.readers.docx import DocxReader

READER = DocxReader()


@pytest.fixture(scope="module")
def corpus(shared: Path) -> Path:
    return shared / "corpus"


def read(path: Path) -> RawDocument:
    return READER.read(path, path.read_bytes())


def one(doc: RawDocument, text: str):
    """The single block whose text contains ``text``."""
    hits = [b for b in doc.blocks if text in b.text]
    assert len(hits) == 1, f"{text!r} in {len(hits)} blocks"
    return hits[0]


def index_of(doc: RawDocument, text: str) -> int:
    return next(i for i, b in enumerate(doc.blocks) if text in b.text)


# ------------------------------------------------------------------------------------------- header tables


def test_nd19_header_columns_in_order(corpus):
    doc = read_file(corpus / "nd19_2019_docx.docx")
    assert doc.format == "docx"
    issuer, number = doc.blocks[0], one(doc, "Số: 19/2019/NĐ-CP")
    assert issuer.text.splitlines()[0] == "CHÍNH PHỦ"
    motto, date = one(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), one(doc, "Hà Nội, ngày 19 tháng 02 năm 2019")
    assert (issuer.kind, issuer.table, issuer.col) == ("cell", 0, 0)
    assert (number.table, number.col) == (0, 0) and number.text == "Số: 19/2019/NĐ-CP"
    assert (motto.table, motto.col, date.col) == (0, 1, 1)
    order = [doc.blocks.index(b) for b in (issuer, number, motto, date)]
    assert order == sorted(order) and order[0] == 0  # the whole left column first, then the right one
    assert "CỘNG HÒA" not in issuer.text and "Số:" not in motto.text
    article = one(doc, "Điều 1. Phạm vi điều chỉnh")
    assert article.kind == "paragraph" and article.table is None and article.style["bold"]
    assert index_of(doc, "NGHỊ ĐỊNH") > doc.blocks.index(date)


def test_nd19_signature_table_separates_recipients_and_signer(corpus):
    doc = read(corpus / "nd19_2019_docx.docx")
    recipients = one(doc, "Nơi nhận:")
    signer = one(doc, "Nguyễn Xuân Phúc")
    assert (recipients.table, recipients.col) == (1, 0) and (signer.table, signer.col) == (1, 1)
    assert "Nguyễn Xuân Phúc" not in recipients.text and "Nơi nhận" not in signer.text
    assert signer.text.startswith("TM. CHÍNH PHỦ\nTHỦ TƯỚNG")
    assert "\n\n" not in signer.text  # the empty lines of the signature gap are folded
    assert doc.blocks.index(recipients) < doc.blocks.index(signer)
    assert doc.pages == 3 and doc.metadata["tables"] == 2


def test_nq01_two_line_issuer(corpus):
    doc = read(corpus / "nq01_2019_hdtp_docx.docx")
    first = doc.blocks[0]
    assert first.text.splitlines()[:2] == ["HỘI ĐỒNG THẨM PHÁN", "TÒA ÁN NHÂN DÂN TỐI CAO"]
    assert (first.table, first.col) == (0, 0)
    assert doc.blocks[1].text == "Số: 01/2019/NQ-HĐTP" and doc.blocks[1].col == 0
    assert doc.blocks[2].text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and doc.blocks[2].col == 1


def test_two_row_header_table_read_by_column(corpus):
    # vbai_12 lays the header out as 2x2: [issuer | motto] / [Số | date]
    doc = read(corpus / "provincial" / "vbai_12_quyet_dinh_doi_ten_va_phe_duyet_dieu_le_hoi_thie.docx")
    texts = [b.text.strip() for b in doc.blocks[:6]]
    assert texts[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số:             /QĐ-UBND"]
    assert texts[3] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert texts[5].startswith("Lâm Đồng, ngày")
    assert [b.row for b in doc.blocks[:3]] == [0, 0, 1]


@pytest.mark.parametrize("name", ["vbai_20_cv_cong_nhan_ket_qua_dai_hoi_cua_hiep_hoi_nuoc_m.docx",
                                  "vbai_12_quyet_dinh_doi_ten_va_phe_duyet_dieu_le_hoi_thie.docx"])
def test_provincial_recipients_and_signer_apart(corpus, name):
    doc = read(corpus / "provincial" / name)
    recipients = one(doc, "Nơi nhận:")
    signer_title = one(doc, "KT. CHỦ TỊCH")
    assert recipients.col == 0 and signer_title.col == 1 and recipients.table == signer_title.table
    left = [b for b in doc.blocks if b.table == recipients.table and b.col == 0]
    right = [b for b in doc.blocks if b.table == recipients.table and b.col == 1]
    assert any(b.text.startswith("- Lưu") for b in left)
    assert not any("CHỦ TỊCH" in b.text for b in left) and not any("Nơi nhận" in b.text for b in right)
    assert doc.blocks.index(left[-1]) < doc.blocks.index(right[0])  # every recipient line before the signer


def test_every_corpus_header_keeps_its_columns_apart(corpus):
    """On all 41 corpus .docx: no block mixes the issuer column with the Quốc hiệu column."""
    files = sorted(corpus.glob("*.docx")) + sorted((corpus / "provincial").glob("*.docx"))
    assert len(files) >= 40
    checked = 0
    for path in files:
        doc = read(path)
        assert doc.blocks, path.name
        motto = next((b for b in doc.blocks if "CỘNG HÒA XÃ HỘI" in b.text.upper()), None)
        if motto is None or motto.table is None:
            continue
        checked += 1
        left = [b for b in doc.blocks if b.table == motto.table and b.col is not None and b.col < motto.col]
        assert all(doc.blocks.index(b) < doc.blocks.index(motto) for b in left), path.name
        assert not any("CỘNG HÒA XÃ HỘI" in b.text.upper() for b in left), path.name
        assert not (motto.text.startswith("Số") or "\nSố:" in motto.text), path.name
    assert checked >= 35


# ---------------------------------------------------------------------------------------- data tables


def test_nd03_data_table_row_by_row(corpus):
    doc = read(corpus / "nd03_2026_docx.docx")
    assert doc.metadata["tables"] == 64
    i = index_of(doc, "Mẫu số 01")
    block = doc.blocks[i]
    assert block.kind == "cell" and (block.row, block.col) == (0, 0)
    nxt, after = doc.blocks[i + 1], doc.blocks[i + 2]
    assert nxt.text.startswith("Đơn đề nghị cấp giấy phép thành lập") and (nxt.row, nxt.col) == (0, 1)
    assert after.text == "Mẫu số 02" and (after.row, after.col) == (1, 0)
    # its header table and decree text come before the annex tables
    assert doc.blocks[0].text.startswith("CHÍNH PHỦ") and one(doc, "Số: 03/2026/NĐ-CP").col == 0


def test_data_table_cell_is_one_block(corpus):
    doc = read(corpus / "nd99_2022_docx.docx")
    cell = next(b for b in doc.blocks if b.text.startswith("1.1. Loại hình đăng ký/Registration type"))
    assert cell.kind == "cell" and "\n□ Cầm Cố/Pledge\n" in cell.text  # Webdings box symbol, one block per cell


# ------------------------------------------------------------------------------------------- numbering


def test_automatic_numbering_restored(corpus):
    doc = read(corpus / "provincial" / "vbai_15_dieu_le_hoi_thien_nguyen_lan_toa_yeu_thuong_binh.docx")
    labelled = [b for b in doc.blocks if b.style and b.style.get("list_label")]
    assert len(labelled) == 76
    texts = {b.text for b in doc.blocks}
    for expected in (
        "1. Tự nguyện, tự quản.",
        "5. Tuân thủ Hiến pháp, pháp luật của nước Cộng hòa Xã hội Chủ nghĩa Việt Nam và Điều lệ Hội.",
        "2. Thủ tục ra khỏi Hội:",
        "a) Đơn xin tham gia Hội (theo mẫu do Hội quy định).",
        "5. Văn phòng; Ban đối nội, đối ngoại; Ban sự kiện và Ban phát triển hội viên.",
    ):
        assert expected in texts, expected
    # lists restart per list (numId), a sub-list restarts after its parent advances
    seq = [b.style["list_label"] for b in labelled[:7]]
    assert seq == ["1.", "2.", "1.", "2.", "3.", "4.", "5."]
    letters = [b.text[:2] for b in doc.blocks if b.text.startswith(("a)", "b)", "c)"))]
    assert letters[:6] == ["a)", "b)", "c)", "a)", "b)", "c)"]


def test_numbering_counts_empty_table_cells(corpus):
    # nd30 appendix III numbers its STT column automatically: empty paragraphs that Word shows as "11." …
    doc = read(corpus / "nd30_phuluc3_docx.docx")
    stt = [b for b in doc.blocks if b.kind == "cell" and b.style and b.style.get("list_label") == b.text]
    assert [b.text for b in stt[:3]] == ["1.", "2.", "3."] and "27." in [b.text for b in stt]
    assert all(b.col == 0 for b in stt)


def test_typed_numbers_not_doubled(corpus):
    # vbai_20 types "1." by hand (no w:numPr): nothing may be added in front
    doc = read(corpus / "provincial" / "vbai_20_cv_cong_nhan_ket_qua_dai_hoi_cua_hiep_hoi_nuoc_m.docx")
    assert one(doc, "Thống nhất với hồ sơ").text.startswith("1. Thống nhất")
    assert not any(b.style and b.style.get("list_label") for b in doc.blocks)


@pytest.mark.system
def test_numbering_matches_libreoffice_rendering(corpus, tmp_path):
    """Every numbered paragraph reads as LibreOffice renders it (it follows Word's counting rules)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    src = corpus / "provincial" / "vbai_15_dieu_le_hoi_thien_nguyen_lan_toa_yeu_thuong_binh.docx"
    subprocess.run([soffice, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path),
                    str(src)], check=True, capture_output=True, timeout=120)
    rendered = {" ".join(line.split()) for line in
                (tmp_path / (src.stem + ".txt")).read_text(encoding="utf-8-sig").splitlines()}
    labelled = [b for b in read(src).blocks if b.style and b.style.get("list_label")]
    assert len(labelled) == 76
    missing = [b.text for b in labelled if " ".join(unicodedata.normalize("NFC", b.text).split()) not in rendered]
    assert not missing, missing[:3]


# ------------------------------------------------------------------------------- text boxes and footnotes


def test_textbox_once_after_its_anchor(corpus):
    doc = read(corpus / "provincial" / "vbai_17_255_kem_snv_du_thao_qd_phe_duyet_dieu_le_hiep_ho.docx")
    box = one(doc, "DỰ THẢO")  # Word stores it twice (DrawingML choice + VML fallback): read once
    assert box.kind == "textbox"
    assert doc.blocks[doc.blocks.index(box) - 1].text.startswith("Số:")


def test_footnote_numbered_at_end(corpus):
    doc = read(corpus / "nd30_phuluc1_docx.docx")
    note = doc.blocks[-1]
    assert note.kind == "footnote" and note.text.startswith("1 Cỡ chữ trong cùng một văn bản")
    boxes = [b.text for b in doc.blocks if b.kind == "textbox"]
    assert boxes.count("HỎA TỐC") == 1 and "THƯỢNG KHẨN" in boxes


# ------------------------------------------------------------------------------------ synthetic features

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')


def make_docx(body: str, numbering: str = "", footnotes: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", f"<w:document {_NS}><w:body>{body}</w:body></w:document>")
        if numbering:
            z.writestr("word/numbering.xml", f"<w:numbering {_NS}>{numbering}</w:numbering>")
        if footnotes:
            z.writestr("word/footnotes.xml", f"<w:footnotes {_NS}>{footnotes}</w:footnotes>")
    return buf.getvalue()


def para(inner: str, num: str | None = None, ilvl: int = 0) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
    return f"<w:p>{ppr}{inner}</w:p>"


def run(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def level(i: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def read_bytes(data: bytes, name: str = "t.docx") -> RawDocument:
    return READER.read(Path(name), data)


def test_revisions_breaks_tabs_hidden_text_and_symbols():
    body = para(run("Điều ") + '<w:del><w:r><w:delText>99</w:delText></w:r></w:del>'
                + '<w:ins><w:r><w:t>5</w:t></w:r></w:ins>' + run(". Hiệu lực"))
    body += para(run("TM. CHÍNH PHỦ") + "<w:r><w:br/><w:t>THỦ TƯỚNG</w:t><w:tab/><w:t>x</w:t></w:r>")
    body += para(run("ẩn", "<w:vanish/>") + run("hiện") + '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>')
    body += para(run("Số: 12/UBND-VX", "<w:b/>"))
    doc = read_bytes(make_docx(body))
    assert [b.text for b in doc.blocks] == ["Điều 5. Hiệu lực", "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\tx", "hiện☑", "Số: 12/UBND-VX"]
    assert doc.blocks[3].style == {"bold": True}
    assert [w.code for w in doc.warnings] == ["tracked_changes"]


def test_textbox_takes_one_branch_and_footnotes_are_numbered():
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
           + para(run("KHẨN")) + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>'
           '<v:textbox><w:txbxContent>' + para(run("KHẨN")) + '</w:txbxContent></v:textbox></w:pict>'
           '</mc:Fallback></mc:AlternateContent></w:r>')
    body = para(run("Kính gửi") + box) + para(run("Văn bản") + '<w:r><w:footnoteReference w:id="7"/></w:r>')
    notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="7">' + para('<w:r><w:footnoteRef/></w:r>' + run(" Ghi chú.")) + '</w:footnote>')
    doc = read_bytes(make_docx(body, footnotes=notes))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "Kính gửi"), ("textbox", "KHẨN"), ("paragraph", "Văn bản"), ("footnote", "1 Ghi chú.")]


def test_numbering_overrides_shared_lists_and_formats():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "%1.") + level(1, "lowerLetter", "%2)")
                 + level(2, "lowerRoman", "%1.%2.%3") + '</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1">' + level(0, "bullet", "\uf0b7") + level(1, "bullet", "–")
                 + '</w:abstractNum><w:abstractNum w:abstractNumId="2">' + level(0, "upperRoman", "%1.", start=3)
                 + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                 '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                 '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>')
    body = "".join([
        para(run("one"), "1"), para(run("two"), "1"), para(run("sub"), "1", 1), para(run("deep"), "1", 2),
        para(run("three"), "1"), para(run("sub again"), "1", 1),
        para(run("continues"), "2"),  # another w:num of the same list continues it
        para(run("restart"), "3"), para(run("bullet"), "4"), para(run("dash"), "4", 1), para(run("roman"), "5"),
        para(run("none"), "0"),
    ] + [para(run(f"x{i}"), "1", 1) for i in range(27)])
    texts = [b.text for b in read_bytes(make_docx(body, numbering)).blocks]
    # what LibreOffice renders for the same file
    assert texts[:12] == ["1. one", "2. two", "a) sub", "2.a.i deep", "3. three", "a) sub again",
                          "4. continues", "1. restart", "• bullet", "- dash", "III. roman", "none"]
    assert texts[-2:] == ["z) x25", "aa) x26"]  # Word's letters run a..z, aa, bb (no đ)


def test_split_number_line_rejoined():
    body = ('<w:tbl><w:tr><w:tc>' + para(run("BỘ NỘI VỤ")) + para(run("Số:")) + '</w:tc><w:tc>'
            + para(run("15/QĐ-BNV")) + '</w:tc><w:tc>' + para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
            + '</w:tc></w:tr></w:tbl>')
    doc = read_bytes(make_docx(body))
    assert [b.text for b in doc.blocks] == ["BỘ NỘI VỤ", "Số: 15/QĐ-BNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


# ------------------------------------------------------------------------------------------------ errors


def test_sniff(corpus):
    head = (corpus / "nd19_2019_docx.docx").read_bytes()[:8192]
    assert READER.sniff(head, Path("x.bin"))  # by content, whatever the name
    assert not READER.sniff(b"%PDF-1.7\n", Path("x.docx"))
    assert not READER.sniff(b"<html><body>x</body></html>", Path("x.docx"))


def test_broken_zip_is_corrupt(corpus, tmp_path):
    data = (corpus / "nd19_2019_docx.docx").read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(data[: len(data) // 2])  # central directory cut off
    with pytest.raises(CorruptFile) as err:
        read_file(broken)
    assert "broken.docx" in str(err.value)
    damaged = bytearray(data)
    start = data.index(b"word/document.xml") + 40
    damaged[start:start + 400] = b"\x00" * 400  # deflate stream of the body destroyed
    bad = tmp_path / "damaged.docx"
    bad.write_bytes(bytes(damaged))
    with pytest.raises(CorruptFile, match="damaged.docx"):
        read_file(bad)


def test_renamed_non_zip(tmp_path):
    fake = tmp_path / "cong_van.docx"
    fake.write_text("Số: 12/UBND-VX\nKính gửi: Sở Nội vụ\n", encoding="utf-8")
    with pytest.raises(CorruptFile, match="cong_van.docx: not a DOCX"):
        READER.read(fake, fake.read_bytes())
    doc = read_file(fake)  # content sniffing hands it to the text reader
    assert doc.format == "txt" and "12/UBND-VX" in doc.blocks[0].text


def test_zip_that_is_not_word(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat, match="not a Word document"):
        read_bytes(buf.getvalue(), "book.docx")
    with pytest.raises(CorruptFile, match="not well-formed"):
        read_bytes(make_docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"))


def _compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (the container of an encrypted OOXML package) holding these streams."""
    sector, end, free = 512, 0xFFFFFFFE, 0xFFFFFFFF
    fat = [0xFFFFFFFD, end]  # sector 0 holds the FAT, sector 1 the directory
    payloads = b""
    entries = [("Root Entry", 5, end, 0)]
    for name, payload in streams.items():
        payload = payload.ljust(4096, b"\0")  # 4096 bytes or more: regular sectors, no mini stream
        first, count = len(fat), len(payload) // sector
        fat += [first + k + 1 for k in range(count - 1)] + [end]
        entries.append((name, 2, first, len(payload)))
        payloads += payload
    directory = b""
    for i, (name, kind, start, size) in enumerate(entries):
        encoded = name.encode("utf-16-le") + b"\0\0"
        right = i + 1 if 0 < i < len(entries) - 1 else free
        child = 1 if i == 0 else free
        directory += (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                      + struct.pack("<III", free, right, child) + b"\0" * 36 + struct.pack("<IQ", start, size))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    return (header + struct.pack(f"<{len(fat)}I", *fat).ljust(sector, b"\xff")
            + directory.ljust(sector, b"\0") + payloads)


def test_encrypted_docx(tmp_path):
    locked = tmp_path / "mat.docx"
    locked.write_bytes(_compound_file({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x01" * 64}))
    with pytest.raises(EncryptedFile) as err:
        read_file(locked)
    assert "mat.docx" in str(err.value) and "password" in str(err.value)
    # a Word 97 .doc renamed .docx is an OLE file too, but not an encrypted one: not reported as such
    legacy = tmp_path / "old.docx"
    legacy.write_bytes(_compound_file({"WordDocument": b"\xec\xa5" + b"\0" * 100}))
    with pytest.raises(ReaderError) as err:
        READER.read(legacy, legacy.read_bytes())
    assert not isinstance(err.value, EncryptedFile)
