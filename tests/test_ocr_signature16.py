"""Issue 12, session 16: a scan's signature block read again from its print alone, and OCR's lookalikes of a position.

The lines are tesseract's readings of Lâm Đồng scans of the development split (ld_015, ld_018, ld_040, ld_048,
ld_052, ld_060), a few words quoted; a stand-in for tesseract where the test is about a decision.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vnadmin_nlp.lexicon.ocr_vocabulary import position_lookalike
from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord
from vnadmin_nlp.readers.ocr_signature import find_block, print_only, reread_signature
from vnadmin_nlp.readers.signature_choice import clean_line, keep_block
from vnadmin_nlp.readers.signature_lines import block_state, is_authority, is_name, is_position

from .conftest import SHARED


def _line(text: str, x: int, y: int, conf: float = 92.0, confs: list[float] | None = None) -> OcrLine:
    words = []
    for k, w in enumerate(text.split()):
        words.append(OcrWord(w, confs[k] if confs else conf, (x + 130 * k, y, x + 130 * k + 110, y + 45)))
    return OcrLine(words, None)


# ------------------------------------------------------------------------------------------------ the lines
def test_authority_position_and_name_lines() -> None:
    assert is_authority("_TM. BAN THƯỜNG VỤ") and is_authority("T/M BAN BIÊN TẬP")
    assert not is_authority("Tm. ban") and not is_authority("- Như trên;")
    assert is_position("CHỦ TỊCH") and is_position("GIÁM ĐÓC")  # ld_048: ĐÓC, corrected to the vocabulary later
    assert not is_position("TRƯƠNG MINH ĐƯƠNG")  # a family name in capitals is no TRƯỞNG
    assert not is_position("Chủ tịch UBND tỉnh ký duyệt")  # body text: not in capitals
    assert is_name("Thiếu tướng Trương Minh Đương") and is_name("Đỗ Ngọc Thịnh")
    assert not is_name("Bũï Fhanh Quang") and not is_name("Bùi hanh Quang")  # ld_018: the signature read as letters
    assert block_state(["TM. BAN THƯỜNG VỤ", "AT É", "`. k§. TS. Đỗ Ngọc Thịnh"]) == (False, False)
    assert block_state(["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Đỗ Ngọc Thịnh"]) == (True, True)


def test_the_seal_and_signature_remains_go_and_glued_words_split() -> None:
    # ld_015's block read from its print: "7ì[43] CHỦTỊCH[89]", "L&.TS.[17] Đỗ[88] Ngọc[97] Thịnh[97]"
    position = clean_line(_line("7ì CHỦTỊCH", 1200, 100, confs=[43, 89]))
    assert position is not None and position.text == "CHỦ TỊCH"
    assert [w.text for w in position.words] == ["CHỦ", "TỊCH"] and position.words[0].bbox[2] <= position.words[1].bbox[0]
    name = clean_line(_line("L&.TS. Đỗ Ngọc Thịnh", 1200, 300, confs=[17, 88, 97, 97]))
    assert name is not None and name.text == "Đỗ Ngọc Thịnh"
    quoted = clean_line(_line('Nguyễn "Thị Lê Dung', 1200, 300, confs=[96, 92, 97, 97]))  # ld_040
    assert quoted is not None and quoted.text == "Nguyễn Thị Lê Dung"
    marked = clean_line(_line("PHO ?CHỦ TỊCH HỘI ĐÒNG", 1200, 100, confs=[80, 70, 93, 90, 85]))  # ld_072
    assert marked is not None and marked.text == "PHO CHỦ TỊCH HỘI ĐÒNG"
    assert clean_line(_line("TM. BAN THƯỜNG VỤ", 1200, 0, 97)).text == "TM. BAN THƯỜNG VỤ"  # type: ignore[union-attr]
    assert clean_line(_line("2 `. ⁄4", 1200, 0, confs=[80, 26, 34])) is None


def test_a_new_reading_is_kept_only_when_it_gives_more_and_keeps_the_authority() -> None:
    old = ["TM. BAN THƯỜNG VỤ", "AT É", "`. k§. TS. Đỗ Ngọc Thịnh"]
    assert keep_block(old, ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Đỗ Ngọc Thịnh"]) == (True, "position read")
    assert keep_block(old, ["CHỦ TỊCH", "Đỗ Ngọc Thịnh"])[0] is False  # the authority line lost
    # ld_018: the new reading gives no more (its name is no name either): the page's stays, and the extractor
    # leaves the block out with signer_unreadable
    old = ["T/M BAN BIÊN TẬP", "PHÓ TÔNG BIÊN TẬP", "Bũï Fhanh Quang"]
    assert keep_block(old, ["T/M BAN BIÊN TẬP", "PHÓ TÔNG BIÊN TẬP"]) == (False, "no more of the block")


def test_print_only_whitens_seal_signature_and_grey_paper() -> None:
    from PIL import Image

    image = Image.new("RGB", (40, 10), (180, 180, 176))  # a phone photo's grey paper
    for x in range(10):
        image.putpixel((x, 5), (20, 20, 24))  # print
        image.putpixel((10 + x, 5), (200, 40, 40))  # the seal
        image.putpixel((20 + x, 5), (40, 40, 160))  # the signature's pen
    out = print_only(image)
    assert out.mode == "L"
    assert out.getpixel((3, 5)) < 40
    assert out.getpixel((13, 5)) == 255 and out.getpixel((23, 5)) == 255 and out.getpixel((35, 2)) == 255


# ------------------------------------------------------------------------------------------------ the re-read
def _closing(position_read: bool) -> OcrPage:
    lines = [
        _line("Ban Thường vụ Liên đoàn đề nghị Ban Chủ nhiệm 03 Đoàn Luật sư nêu trên báo cáo", 380, 1548),
        _line("Nơi nhận:", 491, 1914),
        _line("- Như trên;", 494, 1974),
        _line("- Lưu VPLĐLSVN.", 493, 2288),
    ]
    lines.append(_line("_TM. BAN THƯỜNG VỤ", 1330, 1914, 96))
    if position_read:
        lines.append(_line("CHỦ TỊCH", 1450, 1990, 95))
    lines.append(_line("`. k§. TS. Đỗ Ngọc Thịnh", 1306, 2329, confs=[26, 20, 90, 88, 97, 97]))
    return OcrPage(lines, 2459, 3455, 0.0)


def test_a_block_without_its_position_is_read_again_and_the_reading_replaces_it() -> None:
    page = _closing(position_read=False)
    asked: list[tuple[int, int, int, int]] = []

    def colour(box: tuple[int, int, int, int]) -> tuple[object, float]:
        asked.append(box)
        from PIL import Image

        return Image.new("RGB", (box[2] - box[0], box[3] - box[1]), "white"), 1.0

    def read(image: object) -> OcrPage:  # tesseract's psm 6 reading of ld_015's block, in the box's pixels
        return OcrPage([
            _line("TM. BAN THƯỜNG VỤ", 247, 25, 97),
            _line("7ì CHỦTỊCH", 300, 100, confs=[43, 89]),
            _line("Tu NT", 200, 250, confs=[39, 14]),
            _line("L&.TS. Đỗ Ngọc Thịnh", 223, 440, confs=[17, 88, 97, 97]),
        ], 1200, 600, 0.0)

    report = reread_signature(page, colour, read)  # type: ignore[arg-type]
    assert report is not None and report["text"] == "region" and report["why"] == "position read"
    assert asked and asked[0][0] < 1330 < asked[0][2]
    texts = [ln.text for ln in page.lines]
    assert "CHỦ TỊCH" in texts and "Đỗ Ngọc Thịnh" in texts
    assert not any("k§" in t or "Tu NT" in t for t in texts)  # the seal's remains beside the name went with it
    assert "- Lưu VPLĐLSVN." in texts and "Nơi nhận:" in texts  # the other column untouched


def test_a_whole_block_is_not_read_again() -> None:
    page = _closing(position_read=True)
    page.lines[-1] = _line("Đỗ Ngọc Thịnh", 1480, 2329, 95)

    def never(*_: object) -> OcrPage:
        raise AssertionError("read again")

    report = reread_signature(page, never, never)  # type: ignore[arg-type]
    assert report is not None and report["why"] == "whole"


def test_no_closing_no_block() -> None:
    page = OcrPage([_line("Ban Thường vụ Liên đoàn đề nghị Ban Chủ nhiệm", 380, 1548)], 2459, 3455, 0.0)
    assert find_block(page) is None


# ------------------------------------------------------------------------------------------------ lookalikes
def test_a_position_reads_as_the_one_vocabulary_position_up_to_lookalikes() -> None:
    assert position_lookalike("PHÓ CHỦ TỊCH HƯỜNG TRỤC") == "PHÓ CHỦ TỊCH THƯỜNG TRỰC"  # ld_052: T under the seal
    assert position_lookalike("PHÓ GIÁM ĐÓC") == "PHÓ GIÁM ĐỐC"
    assert position_lookalike("PHÓ CHỦ TỊCH HƯỜNG TRỤ") is None  # a second word misread: no position
    assert position_lookalike("HỦ TỊCH") is None  # too short a word to have lost a letter
    assert position_lookalike("PHÓ GIÁM ĐỐC SỞ") is None  # not a whole entry


# ------------------------------------------------------------------------------------------------ real scans
LD = SHARED / "devset" / "lamdong"


@pytest.mark.skipif(not shutil.which("tesseract") or not (LD / "ld_015.pdf").exists(), reason="tesseract or the devset missing")
def test_ld_015_the_position_under_the_seal_and_the_name_are_read(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    from vnadmin_nlp import parse_file

    want = [(["TM. BAN THƯỜNG VỤ"], "CHỦ TỊCH", "Đỗ Ngọc Thịnh")]
    doc = parse_file(LD / "ld_015.pdf")
    assert [(s.authority, s.position, s.name) for s in doc.signers] == want
    # the same page as a photo-like PNG: the image reader reads the block again from the frame's own colours
    pdf = pdfium.PdfDocument(str(LD / "ld_015.pdf"))
    pdf[0].render(scale=300 / 72).to_pil().convert("RGB").save(tmp_path / "ld_015.png", dpi=(300, 300))
    doc = parse_file(tmp_path / "ld_015.png")
    assert [(s.authority, s.position, s.name) for s in doc.signers] == want


def test_no_reading_again_beside_another_block() -> None:
    # ld_072: THƯ KÝ (left) and TM. HỘI ĐỒNG THẨM ĐỊNH (right) on one row; the right block alone, read again, was
    # taken as the document's first signer
    page = OcrPage([
        _line("Biên bản họp kết thúc vào lúc 16 giờ 45 phút cùng ngày, đã thông qua nội", 380, 2200),
        _line("THƯ KÝ", 500, 2420, 95),
        _line("TM. :.HỘI ĐỒNG THẨM ĐỊNH", 1400, 2430, 90),
        _line("Thượng tá Hoàng Văn Thanh", 420, 2800, 95),
        _line("Đại tá Đậu Xuân Bảo", 1500, 2800, 95),
    ], 2480, 3508, 0.0)

    def never(*_: object) -> OcrPage:
        raise AssertionError("read again")

    report = reread_signature(page, never, never)  # type: ignore[arg-type]
    assert report is not None and report["why"] == "another block beside it"


def test_a_lookalike_position_under_a_doubtful_authority_line_leaves_the_position_out() -> None:
    # ld_052: "TM. BANCHẮÁP HÀNH" (BANCHẮÁP at 25) over "PHÓ CHỦ TỊCH HƯỜNG TRỤC" (TRỤC at 68): one line taken up
    # to lookalikes, the other misread: the position null with the warning naming both; the name, read cleanly
    # (every word at 75 or more), given alone (session 20); read at 60, the block left out
    from vnadmin_nlp.pipeline import parse_raw

    from .test_ocr_session13 import HEADER, MOTTO, _line as words, _scan

    lines = HEADER + MOTTO + [
        words("Hội Nông dân tỉnh kính gửi Sở Nội vụ tổng hợp./."),
        words("Nơi nhận:"),
        words("- Như trên;"),
        [("TM.", 96), ("BANCHẮÁP", 25), ("HÀNH", 91)],
        [("PHÓ", 92), ("CHỦ", 92), ("TỊCH", 72), ("HƯỜNG", 91), ("TRỤC", 68)],
        words("Lê Văn Lợi"),
    ]
    doc = parse_raw(_scan(lines))
    assert [(s.authority, s.position, s.name) for s in doc.signers] == [([], None, "Lê Văn Lợi")]
    warning = next(w for w in doc.warnings if w.code == "signer_position_missing")
    assert "'BANCHẮÁP' (conf 25)" in warning.message and "THƯỜNG TRỰC" in warning.message
    doc = parse_raw(_scan(lines[:-1] + [words("Lê Văn Lợi", 60)]))
    assert doc.signers == []
    assert any(w.code == "signer_unreadable" and "'BANCHẮÁP' (conf 25)" in w.message for w in doc.warnings)
    lines[-3] = [("TM.", 96), ("BAN", 95), ("CHẤP", 93), ("HÀNH", 91)]
    doc = parse_raw(_scan(lines))
    assert [(s.position, s.name) for s in doc.signers] == [("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Văn Lợi")]
    assert any(w.code == "signer_position_corrected" and "HƯỜNG TRỤC" in w.message for w in doc.warnings)


def test_a_new_reading_with_an_unclean_line_is_not_trusted() -> None:
    from vnadmin_nlp.readers.signature_choice import line_doubts

    def doubts(text: str, confs: list[float]) -> list[str]:
        read = _line(text, 1200, 100, confs=confs)
        kept = clean_line(_line(text, 1200, 100, confs=confs))
        assert kept is not None
        return line_doubts(read, kept)

    # vbai_27 (corpus): the authority read through the seal
    assert doubts("TM. HỘI ĐÓNG QUÁN LÝ QUÝ", [97, 54, 70, 29, 97, 40]) == ["'QUÁN' read at 29", "'QUÝ' read at 40"]
    # qngai_bc280 (corpus): the position's last letter under the signature
    assert doubts("PHÓ CHỦ TỊC", [91, 93, 92]) == ["'TỊC' is no position's word"]
    # cucthue_cv2191 (corpus): "PHÓ TRƯỞNG BAN" under the signature; what is left would be another position
    assert "'/⁄ZXZP' dropped before the position" in doubts("/⁄ZXZP TRƯỞNG BAN", [0, 70, 87])
    assert doubts("7ì CHỦTỊCH", [43, 89]) == []  # ld_015: a speck of one letter
    assert doubts("GIÁM ĐÓC", [91, 57]) == []  # ld_060: marks misread, the letters a position's
