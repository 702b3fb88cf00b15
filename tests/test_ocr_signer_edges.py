"""Issue 12: a signer's name read by OCR with specks of the signature around it, or on one OCR line with a Nơi nhận
item (the two columns read as one line), is still the name.  Lines of the Quảng Ngãi scans of the corpus
(qngai_ct44_2024, qngai_ct16_2021, qngai_tb660_2025); boxes as tesseract gave them."""
from __future__ import annotations

from vnadmin_nlp import parse_text
from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 44/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
BODY = "Quảng Ngãi, ngày 11 tháng 9 năm 2024\nCHỈ THỊ\nVề việc tăng cường công tác phòng cháy\nNội dung chỉ thị.\n"


def test_a_colon_before_or_a_letter_after_the_name_is_a_speck_of_the_signature():
    doc = parse_text(HEAD + BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT, KTN.\nCHỦ TỊCH\n: Nguyễn Hoàng Giang\n")
    assert [(s.position, s.name) for s in doc.signers] == [("CHỦ TỊCH", "Nguyễn Hoàng Giang")]
    doc = parse_text(HEAD + BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT, KTTH.\nCHỦ TỊCH\nĐặng Văn Minh ì\n")
    assert [(s.position, s.name) for s in doc.signers] == [("CHỦ TỊCH", "Đặng Văn Minh")]
    doc = parse_text(HEAD + BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn văn minh\n")  # not a name's case
    assert not doc.signers or doc.signers[0].name is None


def _page(lines: list[list[tuple[str, int, tuple[int, int, int, int]]]], texts: list[str]) -> RawDocument:
    """The page's OCR words as tesseract put them in lines, and the text as the reader gave it (columns apart)."""
    record = [[[w, c, *box] for w, c, box in line] for line in lines]
    blocks = [Block(text=t, kind="line", page=1, confidence=90.0) for t in texts]
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata={"ocr_words": [{"page": 1, "lines": record}]})


def _line(words: str, x: int, top: int, conf: int = 96) -> list[tuple[str, int, tuple[int, int, int, int]]]:
    out = []
    for w in words.split():
        out.append((w, conf, (x, top, x + 9 * len(w), top + 11)))
        x += 9 * len(w) + 5
    return out


def test_a_name_on_one_ocr_line_with_a_noi_nhan_item_is_judged_by_its_own_words():
    head = [_line(t, 100, 20 + 20 * k) for k, t in enumerate(HEAD.splitlines() + BODY.splitlines())]
    closing = [
        _line("Nơi nhận:", 100, 300) + _line("TL. CHỦ TỊCH", 400, 306),
        _line("- Thường trực Tỉnh ủy (b/cáo);", 100, 318) + _line("CHÁNH VĂN PHÒNG", 380, 322),
        _line("- Ủy ban Mặt trận Tổ quốc tỉnh;", 100, 340),
        _line("- Lưu: VT, KGVX.", 100, 362),
        _line("Và các Khu công nghiệp Quảng Ngãi;", 100, 420) + _line("Nguyễn Quốc Việt", 386, 426),
    ]
    columns = ["Nơi nhận:", "- Thường trực Tỉnh ủy (b/cáo);", "- Ủy ban Mặt trận Tổ quốc tỉnh;", "- Lưu: VT, KGVX.",
               "Và các Khu công nghiệp Quảng Ngãi;", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Quốc Việt"]
    doc = parse_raw(_page(head + closing, HEAD.splitlines() + BODY.splitlines() + columns))
    assert [(s.position, s.name) for s in doc.signers] == [("CHÁNH VĂN PHÒNG", "Nguyễn Quốc Việt")]
