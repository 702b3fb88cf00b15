"""PDF lines read as a person reads the page: typed-in days and numbers in their gap, the two header columns kept
apart when their lines are offset, word spaces of condensed capitals, a draft's repeated header not furniture.

Synthetic glyphs pin each mechanism; the Lâm Đồng devset files (text layer) show it on real pages.
"""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_file, parse_text
from vnadmin_nlp.readers import read_file
from vnadmin_nlp.readers.layout.text import glyph_text
from vnadmin_nlp.readers.pdf.lines import glyph_lines

from .conftest import SHARED

LAMDONG = SHARED / "devset" / "lamdong"
BODY = (False, False, 1.0, 0, "TimesNewRomanPSMT")
FIELD = (False, False, 1.0, 0, "Arial")
BOLD = (True, False, 1.0, 0, "TimesNewRomanPS-BoldMT")


def word(text: str, x: float, y: float, *, style: tuple = BODY, index: int = 0, w: float = 7.0, h: float = 15.5):
    """Glyphs of ``text`` from x, each ``w`` wide, indices from ``index`` (the content-stream order)."""
    return [(x + k * w, y, x + (k + 1) * w, y + h, ch, index + k, style) for k, ch in enumerate(text)]


def line_texts(chars: list) -> list[str]:
    return [glyph_text(line.chars)[0] for line in glyph_lines(chars)]


# ------------------------------------------------------------------------------------------- synthetic glyphs


def test_a_typed_day_drawn_last_goes_into_its_gap() -> None:
    # "Lâm Đồng, ngày ____ tháng 01 năm 2026": the page's line is one run; the day, typed into a form field,
    # comes last in the content stream (pdfium flattens the annotation), drawn in the blank after "ngày ".
    printed = word("ngày ", 100, 700, index=10) + word("tháng 01 năm 2026", 150, 700, index=15)  # one run
    typed = word("15", 137, 700.5, style=FIELD, index=900, w=6.0, h=11.8)
    assert line_texts(printed + [None] + typed) == ["ngày 15 tháng 01 năm 2026"]


def test_a_typed_number_touching_the_next_word_is_still_two_words() -> None:
    printed = word("ngày ", 100, 700, index=10) + word("tháng", 144, 700, index=15)
    typed = word("16", 136, 700.2, style=FIELD, index=900, w=4.5)
    assert line_texts(printed + [None] + typed) == ["ngày 16 tháng"]


def test_a_raised_footnote_number_stays_on_its_word() -> None:
    printed = word("cộng đồng", 100, 700, index=10)
    mark = word("2", 163, 707.5, index=22, w=4.5, h=10.0)
    rest = word(" và", 168, 700, index=25)
    assert line_texts(printed + mark + rest) == ["cộng đồng2 và"]


def test_text_drawn_over_text_keeps_the_old_order() -> None:
    printed = word("ngày 29 tháng", 100, 700, index=10)
    over = word("AB", 135, 700, style=FIELD, index=900)  # overlaps the printed "29": not spliced into it
    assert line_texts(printed + [None] + over) == ["ngày 29 thángAB"]


def test_the_other_column_half_a_line_lower_is_its_own_line() -> None:
    # ld_043: left column "Số: 2873/SXD-QLN" above "V/v góp ý…", right column "Lâm Đồng, ngày…" set between them
    number = word("Số: 2873/SXD-QLN", 120, 740.4, h=14.4)
    vv = word("V/v góp ý", 90, 725.5, h=14.4)
    date = word("Lâm Đồng, ngày 15", 315, 732.1, h=15.5)
    texts = line_texts(number + [None] + date + [None] + vv)
    assert texts[0] == "Số: 2873/SXD-QLN"
    assert "Số" not in texts[1]


def test_condensed_bold_capitals_get_their_word_spaces() -> None:
    # ld_076: "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" in bold capitals, letters overlapping by 0.5 pt, word gaps 1.9-2.1 pt
    # (below the 0.15-line-height space threshold of 2.16 pt)
    chars, x = [], 68.0
    for k, w in enumerate(["SỞ", "NÔNG", "NGHIỆP", "VÀ", "MÔI", "TRƯỜNG"]):
        if k:
            x += 1.9 + (0.5 if k % 2 else 0.0)
        for ch in w:
            chars.append((x, 755.4, x + 9.3, 769.8, ch, len(chars), BOLD))
            x += 9.3 - 0.5
        x += 0.5
    assert glyph_text(chars)[0] == "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"


def test_letter_spaced_bold_word_is_not_split() -> None:
    # qd115 (TCVN3): a bold "Điều 1." set with 1.2 pt letter spacing before the plain text of the article
    chars = word("Điều", 125.9, 600, style=BOLD, w=9.4, h=11.9)
    chars = [(c[0] + 1.2 * k, c[1], c[2] + 1.2 * k, c[3]) + c[4:] for k, c in enumerate(chars)]
    chars += word(" 1. Sửa đổi", 171.6, 600, index=10, w=6.0, h=10.9)
    assert glyph_text(chars)[0] == "Điều 1. Sửa đổi"


# ------------------------------------------------------------------------------------------- devset pages

needs_devset = pytest.mark.skipif(not LAMDONG.is_dir(), reason=f"Lâm Đồng devset not found at {LAMDONG}")


def blocks(name: str) -> list[str]:
    return [b.text for b in read_file(LAMDONG / name).blocks if b.kind != "stamp"]


@needs_devset
@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("ld_050.pdf", "Lâm Đồng, ngày 15 tháng 01 năm 2026"),  # was "ngày tháng 01 năm 202615"
        ("ld_059.pdf", "Lâm Đồng, ngày 16 tháng 01 năm 2026"),  # was "ngày 16tháng năm 202601"
        ("ld_064.pdf", "Hà Nội, ngày 15 tháng 10 năm 2025"),  # was "ngày tháng 1510 năm 2025"
    ],
)
def test_filled_in_day_and_month_read_in_place(name: str, line: str) -> None:
    assert line in blocks(name)


@needs_devset
def test_number_line_not_merged_into_the_vv_line() -> None:
    document = parse_file(LAMDONG / "ld_043.pdf")
    assert "Số: 2873/SXD-QLN" in blocks("ld_043.pdf")
    assert document.number.text == "2873/SXD-QLN" and document.date == "2026-04-15"
    assert document.subject.startswith("góp ý đề nghị công nhận Ban vận động")


@needs_devset
def test_issuer_with_condensed_capitals_and_overlapping_columns() -> None:
    head = blocks("ld_076.pdf")[:6]
    assert head[:3] == ["UBND TỈNH LÂM ĐỒNG", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 4186/SNNMT-CCQLĐĐ"]
    assert parse_file(LAMDONG / "ld_076.pdf").issuer.name == "Sở Nông nghiệp và Môi trường"


@needs_devset
def test_header_repeated_by_an_enclosed_draft_is_not_a_running_header() -> None:
    # ld_080: pages 3-4 are drafts with the same "BỘ TƯ PHÁP  CỘNG HOÀ…" header at the same height as page 1
    assert blocks("ld_080.pdf")[0] == "BỘ TƯ PHÁP"
    document = parse_file(LAMDONG / "ld_080.pdf")
    assert document.issuer.name == "Bộ Tư pháp"
    assert (document.number.text, document.date) == ("3917/BTP-BTTP", "2025-07-01")


def test_the_enclosed_drafts_header_alone_gives_no_number_and_a_warning() -> None:
    # the draft's own lines (ld_080 p. 3): a blank number and a date with no day are flagged, never completed
    document = parse_text(
        "BỘ TƯ PHÁP\nSố: /BTP-BTTP\nV/v đề nghị hướng dẫn hợp nhất\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày tháng 7 năm 2025\n"
    )
    assert document.number.number is None
    codes = {w.code for w in document.warnings}
    assert {"number_blank", "date_partial"} <= codes
    assert document.date != "2025-07-01"

