"""Normalisation keeps an exact way back to the raw text, and folds only for matching."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from vnadmin_nlp.normalize import apply_edits, fold, normalize


def test_lookalikes_and_leftovers():
    raw = "**ỦY BAN NHÂN DÂN**\n\tCỘNG HÒA\nSố: 19/2019/NÐ-CP\tCỘNG HÒA XÃ HỘI\n1.\tChuyển\nTT-BTС\u00a0x \n[bookmark: _GoBack]8. Chuyển"
    n = normalize(raw)
    assert n.text == "ỦY BAN NHÂN DÂN\nCỘNG HÒA\nSố: 19/2019/NĐ-CP\nCỘNG HÒA XÃ HỘI\n1. Chuyển\nTT-BTC x\n8. Chuyển"
    # every character that survived maps back to the same character in the raw text
    for i, ch in enumerate(n.text):
        r = n.to_raw(i)
        if ch not in "\nĐC ":
            assert raw[r] == ch, (i, ch, raw[r])


def test_nfd_input_becomes_nfc_with_offsets():
    nfc = "Quyết định số 30/2020/NĐ-CP của Chính phủ"
    raw = unicodedata.normalize("NFD", nfc)
    n = normalize(raw)
    assert n.text == nfc
    start = nfc.index("Chính")
    assert unicodedata.normalize("NFC", raw[n.to_raw(start) : n.to_raw(start + 5)]) == "Chính"


def test_page_numbers_removed_only_as_a_running_sequence():
    para = "Nội dung đoạn văn dài. " * 30
    raw = f"{para}\n2\n{para}\n3\n{para}\n- 4 -\n{para}"
    assert "\n2\n" not in normalize(raw).text and "- 4 -" not in normalize(raw).text
    table = "Số thứ tự\n1\nTên\n"
    assert "\n1\n" in normalize(table).text


def test_fold_unifies_tone_placement_and_case_keeping_length():
    assert fold("CỘNG HOÀ") == fold("Cộng hòa") == "cộng hoà"
    assert fold("nghĩa") == fold("nghiã")
    assert fold("uỷ ban") == fold("Ủy ban")
    assert fold("khoẻ") == fold("khỏe")
    assert fold("hoàng") == "hoàng"  # a final consonant: no choice of placement
    for s in ("Thủy sản", "QUYẾT ĐỊNH", "thuỷ điện hoà bình"):
        assert len(fold(s)) == len(s)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 5), st.text(max_size=3)), max_size=6))
def test_apply_edits_maps_unchanged_text_back(text, raw_edits):
    edits = []
    for start, length, repl in raw_edits:
        start = min(start, len(text))
        edits.append((start, min(start + length, len(text)), repl))
    out, omap = apply_edits(text, edits)
    assert 0 <= omap.to_raw(len(out)) <= len(text)
    prev = 0
    for i in range(len(out) + 1):
        r = omap.to_raw(i)
        assert r >= prev  # monotonic
        prev = r


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_normalize_never_raises_and_maps_inside(raw):
    n = normalize(raw)
    assert unicodedata.is_normalized("NFC", n.text) or not unicodedata.is_normalized("NFC", unicodedata.normalize("NFC", n.text))
    for i in range(0, len(n.text) + 1, 7):
        assert 0 <= n.to_raw(i) <= len(raw)
