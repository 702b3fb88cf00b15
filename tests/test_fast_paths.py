"""The fast paths taken for speed give exactly what the plain way gives.

Each shortcut (scanning with the standard library's ``re`` and checking word starts on the hits, squashing
white space only where there is some, trying only the label levels a first character allows, writing outputs
with few system calls) is compared here with the straightforward code it replaced.
"""
from __future__ import annotations

import os
import stat

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from vnadmin_nlp.files import write_atomic
from vnadmin_nlp.extractors import provisions
from vnadmin_nlp.lexicon.spaces import squash
from vnadmin_nlp.patterns import (
    TEXT,
    alternation,
    first_word_match,
    word_matches,
    word_scanner,
)

WORDS = ["giao", "đề nghị", "trong", "trong thời hạn", "sau", "ban"]
# texts made of the words, pieces of them and separators, so that hits inside words are common
_texts = st.lists(st.sampled_from(WORDS + ["x", "ạ", " ", " ", ".", "\n", "gia", "o", "trong1"]), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_word_matches_are_a_look_behind_search(text):
    plain = regex.compile(r"(?<![\p{L}])" + alternation(WORDS) + r"(?![\p{L}])")
    fast = word_scanner(WORDS)
    assert [m.span() for m in word_matches(fast, text)] == [m.span() for m in plain.finditer(text)]
    first = first_word_match(fast, text, 0, len(text))
    expected = plain.search(text)
    assert (first.span() if first else None) == (expected.span() if expected else None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\r\u3000\xa0\x1c\u200b", max_size=20))
def test_squash_is_split_and_join(s):
    assert squash(s) == " ".join(s.split())


LABELS = {
    "label_part": ["Phần thứ nhất", "PHẦN II"],
    "label_chapter": ["Chương I", "CHƯƠNG 3"],
    "label_section": ["Mục 2", "Tiểu mục 1", "MỤC IV"],
    "label_article": ["Điều 5. Phạm vi", "Điều 12a."],
    "label_roman": ["IV. Tổ chức", "II- Nội dung"],
    "label_upper_letter": ["B. Nhiệm vụ", "Đ) Khác"],
    "label_arabic": ["1. Mục tiêu", "2.3) Nội dung", "１. số toàn khổ"],
    "label_letter": ["a) Sở Tư pháp", "đ. Khác"],
    "label_dash": ["- Như trên", "+ Lưu", "• Ý kiến"],
}


def test_each_label_is_tried_with_the_levels_its_first_character_allows():
    for name, examples in LABELS.items():
        pattern = getattr(TEXT, name)
        for label in examples:
            assert pattern.match(label), (name, label)
            assert name in [lv[0] for lv in provisions._levels_for(label[0])], (name, label)


def test_write_atomic_replaces_whole_files_with_ordinary_permissions(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    target = tmp_path / "out" / "a" / "doc.json"
    write_atomic(target, "cũ\n", tmp_dir=tmp)
    write_atomic(target, "mới\n", tmp_dir=tmp, durable=True)
    assert target.read_text(encoding="utf-8") == "mới\n"
    assert list(tmp.iterdir()) == []  # nothing left behind
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_patterns_compiled_with_re_find_what_regex_finds(shared):
    """``fast_compile`` hands a pattern to ``re`` only where both engines read it alike: same matches on real text."""
    from vnadmin_nlp.data import load
    from vnadmin_nlp.normalize import fold, normalize
    from vnadmin_nlp.patterns import compile_entry, entry_flags, fast_compile, is_folded, pattern_source

    assert isinstance(fast_compile(r"\p{Lu}+"), regex.Pattern)  # only regex knows \p{…}
    texts = [normalize(p.read_text(encoding="utf-8")).text for p in sorted((shared / "seeds").glob("*.txt"))]
    texts += [normalize(p.read_text(encoding="utf-8", errors="replace")).text for p in sorted((shared / "corpus").rglob("*.txt"))]
    used_re = 0
    for section, entries in load("patterns").items():
        for name, entry in entries.items():
            fast = compile_entry(section, entry)
            if isinstance(fast, regex.Pattern):
                continue
            used_re += 1
            flags = sum(getattr(regex, f) for f in entry_flags(entry))
            slow = regex.compile(pattern_source(section, entry), flags)
            for text in texts:
                subject = fold(text) if is_folded(section, entry) else text
                assert [m.span() for m in fast.finditer(subject)] == [m.span() for m in slow.finditer(subject)], name
    assert used_re >= 10


# Lines as web copies and PDFs give them: indented, blank lines between paragraphs, spaces before a break.
_line_texts = st.lists(st.sampled_from(["Điều 1", "a) giao", "  ", " ", "\n", "\n", "\t", "x.", "\u00a0"]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_line_texts, st.integers(0, 200), st.integers(0, 200))
def test_lines_in_is_lines_of_the_range(text, a, b):
    from vnadmin_nlp.zoning.segments import Page, lines

    page = Page(text)
    start, end = min(a, len(text)), min(max(a, b), len(text))
    assert page.lines_in(start, end) == lines(text, start, end)


def test_zoning_leaves_the_shared_lines_as_they_were():
    # A web copy's header (fixtures/samples/cong_van_4231_ubnd_camp_pha.txt): the header reader classifies its
    # lines on copies, never on the page's own, which provisions and the closing read after it
    from vnadmin_nlp.zoning import Page, zone

    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẨM PHẢ\nSố: 4231/UBND-VHTT\nV/v tổ chức các hoạt động kỷ niệm\n\n"
            "Cẩm Phả, ngày 19 tháng 10 năm 2022\n\nKính gửi: Các phòng, ban\n\n1. Nội dung\nCác đơn vị thực hiện.\n")
    page = Page(text)
    before = [(s.start, s.end, s.blank_before, s.kind, s.joined) for s in page.lines]
    layout = zone(page)
    assert layout.header.found and layout.header.number is not None
    assert [(s.start, s.end, s.blank_before, s.kind, s.joined) for s in page.lines] == before


def test_one_to_one_characters_replaced_one_by_one_are_what_a_single_pass_gives():
    from vnadmin_nlp.normalize import clean, normalize

    assert not set(clean._ONE_TO_ONE.values()) & set(clean._ONE_TO_ONE_CHARS)  # no replacement is replaced again
    raw = "Ðiều\u00a01.\u2009Số\u202f12\u2044QÐ-UBND\x0bngày\u3000 5"
    expected = "".join(clean._ONE_TO_ONE.get(ord(c), c) for c in raw)
    assert normalize(raw, page_numbers=False).text == normalize(expected, page_numbers=False).text
    assert normalize(raw, page_numbers=False).text.startswith("Điều 1. Số 12/QĐ-UBND\nngày")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aăđệ Ðx-]^\\\u0301\u00c5\uac00\n"), max_size=12), min_size=1, max_size=4))
def test_bare_one_to_one_is_every_character_bared_to_one(texts):
    from vnadmin_nlp.lexicon.fold import bare, bare_one_to_one

    for text in texts:  # one after the other: the set of known characters grows between them
        assert bare_one_to_one(text) == all(len(bare(c)) == 1 for c in text)
