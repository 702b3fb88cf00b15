"""Issue 12, session 21: the signature block's second reading mends the cuts its whitening makes, and drops the pen's
remains glued to a rank.

The readings quoted are tesseract's of the Lâm Đồng dev scans ld_015 and ld_018 (the block read from its print)."""
from __future__ import annotations

from vnadmin_nlp.readers.ocr_result import OcrLine, OcrWord
from vnadmin_nlp.readers.ocr_signature import print_only

GAP = 3  # the value tried in session 21 (ocr_signature.GAP is 0: off)
from vnadmin_nlp.readers.signature_choice import clean_line, junk


def _cut_letter(band: int) -> object:
    """A printed stem (10 × 40 px) crossed by a red seal ring ``band`` px thick that runs on over the paper."""
    from PIL import Image

    image = Image.new("RGB", (60, 40), (255, 255, 255))
    for y in range(40):
        for x in range(20, 30):
            image.putpixel((x, y), (15, 15, 15))
    for y in range(18, 18 + band):
        for x in range(0, 60):
            image.putpixel((x, y), (200, 40, 40) if not 20 <= x < 30 else (90, 20, 20))  # darker where over the print
    return image


def test_a_cut_the_seal_made_across_a_letter_is_filled_and_the_ring_over_paper_stays_white() -> None:
    # ld_018: the seal's ring over the T of "Bùi Thanh Quang" whitened with the seal: read "PFhanh" (at 46);
    # filled back (gap 3), the block's reading gives "Bùi Thanh Quang" (Thanh at 15: still refused)
    out = print_only(_cut_letter(2), GAP)  # type: ignore[arg-type]
    assert print_only(_cut_letter(2)).getpixel((25, 18)) == 255  # type: ignore[arg-type]  # off by default: cut
    assert all(out.getpixel((25, y)) < 60 for y in range(40))  # the stem whole again
    assert all(out.getpixel((x, 18)) == 255 for x in (2, 10, 16, 34, 45, 58))  # the ring over paper: white
    assert out.getpixel((5, 5)) == 255 and out.getpixel((25, 5)) < 60


def test_a_band_wider_than_the_gap_is_left_white() -> None:
    # a whole pen stroke over a letter is not painted back as print: only cuts narrower than GAP are
    out = print_only(_cut_letter(GAP + 3), GAP)  # type: ignore[arg-type]
    assert out.getpixel((25, 18 + (GAP + 3) // 2)) == 255


def _line(text: str, confs: list[float]) -> OcrLine:
    return OcrLine([OcrWord(w, confs[k], (1200 + 130 * k, 300, 1310 + 130 * k, 345)) for k, w in enumerate(text.split())], None)


def test_a_word_with_a_mark_print_never_sets_inside_is_the_pens_remains() -> None:
    # ld_015, the block read from its print (session 21): "_[60] L§.TS.[84] Đỗ[94] Ngọc[97] Thịnh[97]"
    assert junk(OcrWord("L§.TS.", 84, (0, 0, 10, 10)))
    name = clean_line(_line("_ L§.TS. Đỗ Ngọc Thịnh", [60, 84, 94, 97, 97]))
    assert name is not None and name.text == "Đỗ Ngọc Thịnh"
    # a code of capitals read surely is print, and so are a position's words and a rank
    assert not junk(OcrWord("UBND", 92, (0, 0, 10, 10)))
    assert not junk(OcrWord("TS.", 90, (0, 0, 10, 10)))
    position = clean_line(_line("PHÓ CHỦ TỊCH UBND TỈNH", [93, 96, 96, 92, 93]))
    assert position is not None and position.text == "PHÓ CHỦ TỊCH UBND TỈNH"


def test_a_name_that_starts_with_no_family_name_lost_its_first_word() -> None:
    from vnadmin_nlp.readers.signature_lines import family_first

    # ld_005 under a black signature across "Nguyễn" (signature conditions, sign_black): the page read "Ngọc Phúc"
    assert not family_first("Ngọc Phúc") and family_first("Nguyễn Ngọc Phúc")
    assert family_first("Thượng tướng Nguyễn Văn Gấu") and family_first("TS. Đỗ Ngọc Thịnh")  # a rank left aside
    assert family_first("NGUYỄN NGỌC PHÚC")  # a name in capitals
    assert not family_first("Trân Hữu Tuân")  # Trần with its mark lost: no family name either


def test_an_ocr_name_without_its_family_name_is_left_out() -> None:
    # ld_005 with a black signature across "Nguyễn" (signature conditions, sign_black): the page read the position
    # whole and "Ngọc Phúc" at 95-96 under it; given, it was a wrong signer
    from vnadmin_nlp.pipeline import parse_raw

    from .test_ocr_session13 import HEADER, MOTTO, _line as words
    from .test_ocr_session13 import _scan

    lines = HEADER + MOTTO + [
        words("Các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."),
        words("Nơi nhận:"),
        words("- Như trên;"),
        words("KT. CHỦ TỊCH", 97),
        words("PHÓ CHỦ TỊCH", 95),
        [("Ngọc", 95), ("Phúc", 96)],
    ]
    doc = parse_raw(_scan(lines))
    assert doc.signers == [] and any(w.code == "signer_unreadable" and "family name" in w.message for w in doc.warnings)
    lines[-1] = [("Nguyễn", 93), ("Ngọc", 95), ("Phúc", 96)]
    doc = parse_raw(_scan(lines))
    assert [(s.authority, s.position, s.name) for s in doc.signers] == [(["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc")]


def test_one_helper_takes_the_rank_off_for_every_name_test() -> None:
    """Session 23: is_name, family_first and read_alike share signature_lines.rank_off (two copies differed: a
    degree glued to the name, ``TS.Đỗ Ngọc Thịnh``, was taken off by one and not the other)."""
    from vnadmin_nlp.readers.signature_lines import family_first, is_name, rank_off, read_alike

    assert rank_off("Thượng tướng Nguyễn Văn Gấu") == "Nguyễn Văn Gấu"  # bqp_vbhn46, corpus
    assert rank_off("TS.Đỗ Ngọc Thịnh") == rank_off("TS. Đỗ Ngọc Thịnh") == "Đỗ Ngọc Thịnh"
    assert rank_off("Nguyễn Ngọc Phúc") == "Nguyễn Ngọc Phúc"
    for name in ("TS.Đỗ Ngọc Thịnh", "Thượng tướng Nguyễn Văn Gấu"):
        assert is_name(name) and family_first(name)
    assert read_alike("TS.Nguyễn Văn Gấu", "TS.Nguyên Văn Gấu")  # glued: the lone family name found after it
