"""Tasks read from OCR'd text (issue 13, session 22): the task words tesseract misreads (``lây ý kiên``, ``phôi
hợp``, ``thành phó``) mended to the task vocabulary on OCR'd text only (extractors/tasking/ocr_words.py); a member
list after ``… gồm …:`` is no task (ld_030 scanned, its section heading lost); a closing bracket an item never
opened is dropped.  The lines are the dev scans' (scripts/scan_body.py: ld_030, ld_046, ld_064, ld_080; ld_060 a
phone photo), the variants ``scripts/task_variants.py --ocr``'s."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.extractors.tasking.body_list import items
from vnadmin_nlp.extractors.tasking.ocr_words import mends
from vnadmin_nlp.pipeline import _parse

from .task_variant_check import SPEC, check_variant, tv


def _mended(line: str) -> str:
    chars = list(line)
    for m in mends(line, [(0, len(line))]):
        chars[m.start : m.end] = m.mended
    return "".join(chars)


@pytest.mark.parametrize("read,meant", [
    ("đề nghị Công an tỉnh lây ý kiên thông nhât trước khi trình", "đề nghị Công an tỉnh lấy ý kiến thống nhất trước khi trình"),  # ld_046
    ("Văn phòng Chính phủ phôi hợp với Bộ Nội vụ trong việc", "Văn phòng Chính phủ phối hợp với Bộ Nội vụ trong việc"),  # ld_064
    ("Hội Liên hiệp phụ nữ; Hội Cựu Chiên binh ); Tổ trưởng\ntô dân phô, Trưởng thôn", "Hội Liên hiệp phụ nữ; Hội Cựu Chiến binh ); Tổ trưởng\ntổ dân phố, Trưởng thôn"),  # ld_030
    ("đề nghị Ủy ban nhân dân tỉnh, thành phó, Đoàn Luật sư", "đề nghị Ủy ban nhân dân tỉnh, thành phố, Đoàn Luật sư"),  # ld_080
    ("Kính đê nghị Văn phòng UBND tính thâm định, trình Chủ", "Kính đề nghị Văn phòng UBND tỉnh thẩm định, trình Chủ"),  # ld_060
])
def test_ocr_damaged_task_words_are_mended_to_the_vocabulary(read: str, meant: str) -> None:
    assert _mended(read) == meant


@pytest.mark.parametrize("line", [
    "kết quả báo về Sở Nội vụ",  # "báo về" is a pair of the language: never "bảo vệ"
    "các hồ sơ cũ",  # one word alone has too many readings ("cũ" / "cử")
    "Sở Y tế chủ trì, phối hợp với Sở Tài chính",  # read right: nothing to mend
])
def test_words_that_read_as_printed_are_kept(line: str) -> None:
    assert _mended(line) == line


_LETTER = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/UBND-NC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Lâm Đồng, ngày 02 tháng 10 năm 2025\nKính gửi: Công an tỉnh.\n"
           "Để đảm bảo sự đồng thuận của các cơ quan, đơn vị, địa phương, đề nghị Công an tỉnh lây ý kiên thông nhât trước khi "
           "trình câp có thâm quyên xem xét, quyêt định.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A")


def test_the_request_has_its_lead_on_ocrd_text_only() -> None:
    # ld_046 scanned: the verb lost its marks, the request had no lead; a typed text is taken as printed
    ocr = _parse(_LETTER, source=None, extractors=None, page_numbers=True, metadata=None, cells=None, ocr_ranges=[(0, len(_LETTER))])[0]
    assert [t.lead for t in ocr.tasks] == [["Công an tỉnh"]]
    assert ocr.tasks[0].action.startswith("lấy ý kiến thống nhất")
    assert any(w.code == "task_words_mended" and "lây → lấy" in w.message for w in ocr.warnings)
    typed = parse_text(_LETTER)
    assert [t.lead for t in typed.tasks] != [["Công an tỉnh"]] and not any(w.code == "task_words_mended" for w in typed.warnings)


def test_a_closing_bracket_the_item_never_opened_is_dropped() -> None:
    assert items("Hội Liên hiệp phụ nữ; Hội Cựu chiến binh )") == ["Hội Liên hiệp phụ nữ", "Hội Cựu chiến binh"]
    assert items("Sở Kế hoạch và Đầu tư (Sở KHĐT)") == ["Sở Kế hoạch và Đầu tư (Sở KHĐT)"]


@pytest.mark.parametrize("wrap", [False, True])
def test_a_member_list_after_gom_is_no_task(wrap: bool) -> None:
    # ld_030: "- Các thành phần khác do xã triệu tập gồm Đại diện Lãnh đạo các cơ quan, tổ chức: Hội đồng nhân dân xã, …;
    # Tổ trưởng Tổ bảo vệ an ninh trật tự …": members of the meeting, and the task after it kept
    for i in range(3):
        check_variant("composition_members", i, wrap)


# (form, variant index): read as OCR'd text with 60% of the toned circumflex syllables misread; main read none right
OCR_SLICE = [("de_nghi_lay_y_kien", 0), ("de_nghi_lay_y_kien", 3), ("phoi_hop_trong_viec", 1), ("phoi_hop_trong_viec", 2),
             ("composition_members", 2)]


@pytest.mark.parametrize("form,i", OCR_SLICE, ids=[f"{f}-{i}" for f, i in OCR_SLICE])
def test_ocr_variant_reads_as_its_gold(form: str, i: int, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = next(f for f in SPEC["forms"] if f["name"] == form)
    v = tv._variant(SPEC, entry, i, 1, False)
    assert v is not None
    assert tv.ocr_damage(v.body, 0.6, 1) != v.body  # (the variant is damaged)
    res = tv.score(v, 0.6, 1)
    assert not res.mismatches, res.mismatches
    monkeypatch.setenv("VNADMIN_OCR_TASK_WORDS", "off")
    assert tv.score(v, 0.6, 1).mismatches  # the words as printed: the task is lost or wrong


def test_a_full_stop_before_a_new_body_inside_a_list_is_a_comma() -> None:
    # OCR reads a list's comma as a full stop; a name that runs on over it is a list all the same
    assert items("Sở Tài chính. Sở Xây dựng, Sở Nội vụ") == ["Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ"]
    assert items("UBND TP. Hồ Chí Minh") == ["UBND TP. Hồ Chí Minh"]  # an abbreviation's full stop
    assert items("Sở Tài chính. các huyện") == ["Sở Tài chính. các huyện"]  # (only before a capitalised head)


def test_a_colon_inside_a_member_list_that_ends_no_category_is_a_semicolon() -> None:
    from vnadmin_nlp.extractors.tasking.members import members
    from vnadmin_nlp.lexicon.fold import fold

    # ld_064 scanned (jpeg150): "- Các bộ, cơ quan ngang bộ: Tài chính; Tư pháp; Khoa học và Công nghệ: Văn phòng Chính phủ …"
    t = "Các bộ, cơ quan ngang bộ: Tài chính; Tư pháp; Khoa học và Công nghệ: Văn phòng Chính phủ phối hợp với Bộ Nội vụ"
    assert members(t, fold(t), 0, t.index(":"), t.index(" phối hợp")) == "Bộ Tài chính, Bộ Tư pháp, Bộ Khoa học và Công nghệ, Văn phòng Chính phủ"
    # a category's own colon is kept as it is (members_in_list reads that category's members)
    t = "Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND các huyện: Bình Sơn, Sơn Tịnh chịu trách nhiệm thi hành"
    assert members(t, fold(t), 0, t.index(":"), t.index(" chịu")) == "Sở Tài chính, Sở Xây dựng, Chủ tịch UBND các huyện: Bình Sơn, Sơn Tịnh"
