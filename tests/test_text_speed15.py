"""Session 14's faster paths of the text stages (issue 15) find what the slower ones found: each is checked against
the code it replaced, on real lines and on the shared seeds."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.extractors import deadlines as D
from vnadmin_nlp.extractors.citing import short_forms as S
from vnadmin_nlp.lexicon.fold import fold, retone
from vnadmin_nlp.patterns import word_matches, word_scanner
from vnadmin_nlp.zoning.quotes import _OPENERS, _WINDOW, _closed, _ends_in_colon, in_new_wording

from .conftest import SEED_CONG_VAN, SEED_THONG_BAO

# Real lines (vbpl pages of the development set, the seeds) and what an amending text looks like.
_AMENDING = (
    "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 15/2018/NĐ-CP\n"
    "1. Sửa đổi, bổ sung khoản 2 Điều 5 như sau:\n"
    "“2. Cơ quan tiếp nhận hồ sơ có trách nhiệm kiểm tra trong thời hạn 05 ngày làm việc kể từ ngày nhận hồ sơ.”\n"
    "2. Bổ sung Điều 7a như sau:\n"
    "  \"Điều 7a. Nghị định này quy định …\n"
    "Ủy ban nhân dân tỉnh báo cáo trước ngày 15 tháng 12 hằng năm.\"\n"
    "3. Giao Bộ Y tế chủ trì, “phối hợp” với các bộ; Thông tư này có hiệu lực.\n"
    ":\n\t“\n"
)
_LINES = [
    _AMENDING,
    "b) Thời hạn gửi báo cáo: chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo.",
    "Định kỳ hằng năm, trước ngày 10 tháng 12, các sở báo cáo; quy định tại Quyết định số 12/2024/QĐ-UBND.",
    "Căn cứ Nghị định số 30/2020/NĐ-CP; thực hiện Công văn nêu trên, Kế hoạch này và Quyết định  này; trên địa bàn tỉnh.",
    "trong thời hạn 15 ngày kể từ ngày ký; không quá ba tháng một lần; mười  hai tháng; xba ngày; sáu",
]


def _texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in (SEED_CONG_VAN, SEED_THONG_BAO) if p.exists()]
    return _LINES + seeds


def _new_wording_by_lines(key: str, pos: int, straight: bool = True) -> bool:
    """The line-by-line walk ``in_new_wording`` replaced."""
    floor = max(0, pos - _WINDOW)
    line = key.rfind("\n", floor, pos) + 1 if pos > floor else floor
    while line > floor:
        start = line
        while start < pos and key[start] in " \t":
            start += 1
        if start < pos and key[start] in (_OPENERS if straight else "“") and _ends_in_colon(key, line - 1, floor):
            if _closed(key, start, pos):
                return False
            return key[start] == "“" or _closed(key, start, min(len(key), pos + _WINDOW))
        line = key.rfind("\n", floor, line - 1) + 1
    return False


@pytest.mark.parametrize("text", [_AMENDING, ("Căn cứ " + "x" * 80 + ":\n") * 80 + _AMENDING])  # and past the window
def test_new_wording_found_by_its_quotes_is_the_line_walk(text: str) -> None:
    key = fold(text)
    seen = set()
    for pos in range(len(key) + 1):
        for straight in (True, False):
            got = in_new_wording(key, pos, straight)
            assert got == _new_wording_by_lines(key, pos, straight), (pos, straight)
            seen.add(got)
    assert seen == {True, False}


_MAYBE_BEFORE = re.compile(retone(r"\d|quý|quí|hằng|hàng|mỗi\s+tuần|làm việc|lần|cuối|" + D.F.phrases(D.F.D["meeting_events"])
                                  + r"|(?<![^\W\d_])(?:" + "|".join(sorted({k.split()[0] for k in {*D.F.COUNT_WORDS, *D.F.SPELLED}}, key=len, reverse=True))
                                  + r")(?![^\W\d_])"))  # (session 21: a count's first word, the spelled counts' too)


@pytest.mark.parametrize("text", _texts())
def test_deadline_hint_opening_with_its_words_is_the_look_behind_pattern(text: str) -> None:
    key = fold(text)
    for pos in range(len(key) + 1):
        for width in (3, 80):
            end = min(len(key), pos + width)
            a, b = _MAYBE_BEFORE.search(key, pos, end), D._MAYBE.search(key, pos, end)
            assert (a and a.span()) == (b and b.span()), (pos, width)


@pytest.mark.parametrize("text", _texts())
def test_deadline_openings_never_hide_a_form(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    key = fold(text)
    every_word = word_scanner(D._FORMS_OF)  # the forms' first words, no opening phrase looked for after them
    kept = {m.start() for m in word_matches(D._FIRST_WORD, key)}
    for m in word_matches(every_word, key):
        if any(D.F.FORMS[i].pattern.match(key, m.start()) for i in D._FORMS_OF[m.group()]):
            assert m.start() in kept
    found = [D.find(key, 0, len(key), anchor) for anchor in (None, dt.date(2025, 1, 1))]
    monkeypatch.setattr(D, "_FIRST_WORD", every_word)  # every form tried at every start, as before
    assert found == [D.find(key, 0, len(key), anchor) for anchor in (None, dt.date(2025, 1, 1))]
    if text is _LINES[4]:
        assert found[0]  # "trong thời hạn 15 ngày …", "ba tháng một lần"


@pytest.mark.parametrize("text", _texts() + ["Nghị định này", "xNghị định này", "Nghị định\n\n  này.", "Luật nàyx Luật này"])
def test_self_mentions_looked_for_before_each_nay_are_the_whole_scan(text: str) -> None:
    for key in (fold(text), fold(text).replace("\n", " ")):
        assert [m.span() for m in S._self_matches(key)] == [m.span() for m in word_matches(S._SELF, key)]


def test_anaphora_follows_a_type_only_where_the_word_before_can_end_one() -> None:
    key = fold(_LINES[3] + " (Công văn nêu trên) và Quyết định đã dẫn")
    hits = S._ANAPHORA_RE.word_matches(key)  # (found with str.find first: the same as the pattern's own scan)
    assert [m.span() for m in hits] == [m.span() for m in word_matches(S._ANAPHORA_RE.pattern, key)]
    typed = [m for m in hits if S._TYPE_JUST_BEFORE.search(key, max(0, m.start() - 40), m.start())]
    assert len(typed) == 3 and len(hits) > len(typed)  # "trên địa bàn" follows no type
    assert all(S._type_may_end_before(key, max(0, m.start() - 40), m.start()) for m in typed)


def test_a_reporting_cycle_left_unnamed_is_null_with_a_warning() -> None:
    """deadline_cycle_unnamed, its opening words now checked for a letter before them after the word: vbpl_135's
    line still gives no deadline and a warning quoting it; inside a word it is no opening."""
    doc = parse_text("b) Thời hạn gửi báo cáo: chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo.")
    assert doc.deadlines == []
    assert any(w.code == "deadline_cycle_unclear" and "chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo" in w.message
               for w in doc.warnings)
    from vnadmin_nlp.patterns import compile_section

    unnamed = compile_section("tasks").deadline_cycle_unnamed
    assert unnamed.search(fold("trước ngày 25 của tháng cuối kỳ"))
    assert not unnamed.search(fold("xtrước ngày 25 của tháng cuối kỳ"))
    assert unnamed.search(fold("(vào ngày 5 tháng cuối kì")).group().startswith("vào")


def test_a_closing_line_in_capitals_has_no_name_after_its_position() -> None:
    from vnadmin_nlp.zoning.closing_lines import _name_after_position

    assert _name_after_position("BỘ TRƯỞNG Nguyễn Mạnh Hùng") == len("BỘ TRƯỞNG ")
    assert _name_after_position("KT. CHỦ TỊCH") == 0 and _name_after_position("PHÓ CHỦ TỊCH") == 0


def test_header_segments_keep_their_quoc_hieu_matches() -> None:
    from vnadmin_nlp.zoning.header_lines import _find_nationals, _nationals, classify
    from vnadmin_nlp.zoning.segments import Page

    page = Page("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n")
    seg = page.lines[0]
    first = _nationals(page, seg)
    assert _nationals(page, seg) is first and [m.span() for m in first] == [m.span() for m in _find_nationals(page, seg)]
    assert classify(page, page.lines[0]) == "national"


def test_seeds_still_parse_to_their_fields() -> None:
    if not SEED_CONG_VAN.exists():
        pytest.skip("the shared seeds are not here")
    doc = parse_text(Path(SEED_CONG_VAN).read_text(encoding="utf-8"))
    assert doc.number is not None and doc.issuer is not None
