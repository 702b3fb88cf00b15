"""The faster paths of the text pipeline give what the slower ones gave (issue 15), and parse_file keeps its
limits when it parses a small plain-text file in this process instead of a forked child."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
import regex

from vnadmin_nlp import Limits, ResourceLimit, parse_file
from vnadmin_nlp.extractors.citing.short_forms import _word_occurrences, expand_names, self_mentions
from vnadmin_nlp.extractors.citing.found import Found
from vnadmin_nlp.files.limits import can_limit_here
from vnadmin_nlp.lexicon.fold import bare, fold
from vnadmin_nlp.patterns import WHITE_SPACE

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "fixtures" / "samples"


def _bare_by_decomposition(text: str) -> str:
    s = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


@pytest.mark.parametrize("text", [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # a Quốc hiệu line
    "Độc lập - Tự do - Hạnh phúc", "Ủy ban nhân dân tỉnh Lâm Đồng", "khoẻ hoà thuỷ",
    "x\u0301\u0323 \u0323\u0301 ǅ İ ß ﬁ Ω 한국어 Å",  # lone marks, marks to reorder, Hangul, a ligature
])
def test_bare_by_table_is_the_decomposition(text: str) -> None:
    assert bare(text) == _bare_by_decomposition(text)
    assert bare(fold(text)) == _bare_by_decomposition(fold(text))


def test_bare_of_every_character_is_the_decomposition() -> None:
    chars = "".join(chr(i) for i in range(0x3400) if not 0xD800 <= i < 0xE000)
    assert bare(chars) == _bare_by_decomposition(chars)


def test_white_space_is_regex_s() -> None:
    import re

    mine = re.compile(WHITE_SPACE)
    theirs = regex.compile(r"\s")
    for i in range(0x3100):
        c = chr(i)
        assert bool(mine.match(c)) == bool(theirs.match(c)), hex(i)


@pytest.mark.parametrize("text, alias", [
    ("Quy chế (sau đây gọi tắt là Quy chế) … theo Quy chế, Quy chế2 và Quy chếA; Quy chế.", "Quy chế"),
    ("Đề án 06 và Đề án 06 nêu trên; xĐề án 06", "Đề án 06"),
    ("aaaa", "aa"), ("", "Đề án"), ("Đề án", ""),
])
def test_word_occurrences_are_the_pattern_s(text: str, alias: str) -> None:
    pattern = r"(?<![\p{L}])" + regex.escape(alias) + r"(?![\p{L}\d])"
    assert list(_word_occurrences(text, alias)) == [m.span() for m in regex.finditer(pattern, text)]


def test_expand_names_still_expands_an_initialism() -> None:
    aliases = {"TTTT": "Thông tin và Truyền thông"}
    assert expand_names("Sở TTTT tỉnh", aliases) == "Sở Thông tin và Truyền thông tỉnh"
    assert expand_names("Sở TTTTX", aliases) == "Sở TTTTX"  # inside a longer word: not the initialism
    assert expand_names("Sở Tư pháp", aliases) == "Sở Tư pháp"


def test_self_mentions_name_the_last_earlier_document_of_their_type() -> None:
    # "Nghị định này" in a công văn that cited two nghị định: the later of the two cited before the words
    key = fold("Căn cứ Nghị định số 1/2020/NĐ-CP và Nghị định số 2/2021/NĐ-CP; theo Nghị định này, Quyết định này.")
    a = Found(key.index("nghị định số 1"), key.index(" và"), doc_type="Nghị định")
    b = Found(key.index("nghị định số 2"), key.index(";"), doc_type="Nghị định")
    out = self_mentions(key, "Công văn", [a, b], [])
    assert [(key[f.start : f.end], f.antecedent, f.extra.get("self")) for f in out] == [("nghị định này", 1, None)]
    # the document's own type: itself
    out = self_mentions(key, "Quyết định", [a, b], [])
    assert [(key[f.start : f.end], f.extra.get("self")) for f in out] == [("nghị định này", None), ("quyết định này", True)]


# ------------------------------------------------------------------------------------- parse_file, no fork
def test_small_text_file_is_parsed_without_a_request() -> None:
    """Here when the limits can be kept here (the main thread, the only one); else in the worker: the same."""
    from vnadmin_nlp.files import worker

    path = SAMPLES / "cong_van_4231_ubnd_camp_pha.txt"
    expected = parse_file(path, limits=None).to_dict()
    before = worker.served()
    assert parse_file(path).to_dict() == expected
    assert worker.served() == before + (0 if can_limit_here() else 1)


def test_other_formats_go_to_the_worker() -> None:
    from vnadmin_nlp.files import worker

    before = worker.served()
    parse_file(SAMPLES / "cong_van_ubnd_binh_thuan.docx")
    assert worker.served() == before + 1
    parse_file(SAMPLES / "thong_bao_bttt_2022.txt")
    assert worker.served() == before + 1 or not can_limit_here()


def test_run_here_keeps_the_limits_and_restores_the_process() -> None:
    """In a fresh interpreter: the interval timer and the address-space limit are the process's, and in the full
    suite another test leaves a thread here (run_here then refuses)."""
    script = """
import resource, signal, time
from vnadmin_nlp import Limits
from vnadmin_nlp.files.limits import LimitExceeded, can_limit_here, run_here
assert can_limit_here()
before = resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)
try:
    run_here(lambda: time.sleep(30), Limits(timeout=0.5, max_memory_mb=None))
except LimitExceeded as exc:
    assert exc.stage == "timeout", exc.stage
else:
    raise AssertionError("not stopped")
def hog():
    blocks = []
    while True:
        blocks.append(bytearray(64 << 20))
try:
    run_here(hog, Limits(timeout=None, max_memory_mb=256))
except LimitExceeded as exc:
    assert exc.stage == "memory", exc.stage
else:
    raise AssertionError("not stopped")
assert run_here(lambda: 42, Limits()) == 42
assert (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)) == before
print("ok")
"""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


# --- the second pass (perf-text2): remembered folds and symbols, bisection, fewer line splits -------------------

_LINE_TEXTS = [
    "",
    "\n\n",
    "Nơi nhận:\n- Như trên;\n\n- Lưu: VT.\n",
    "  TM. ỦY BAN NHÂN DÂN\n\t KT. CHỦ TỊCH \r\n\n\n  PHÓ CHỦ TỊCH\u2028\n\xa0\nNguyễn Văn A   ",
]


@pytest.mark.parametrize("text", _LINE_TEXTS)
def test_first_lines_are_the_lines_cut_short(text: str) -> None:
    from vnadmin_nlp.zoning.segments import lines

    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            whole = lines(text, start, end)
            for limit in (1, 2, 3, 60):
                assert lines(text, start, end, limit) == whole[:limit]


@pytest.mark.parametrize("text", _LINE_TEXTS)
def test_non_blank_bounds_are_the_lines_bounds(text: str) -> None:
    from vnadmin_nlp.zoning import _non_blank
    from vnadmin_nlp.zoning.segments import Page, lines

    page = Page(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            segs = lines(text, start, end)
            assert _non_blank(page, start, end) == ((segs[0].start, segs[-1].end) if segs else None)


def test_fold_of_a_short_string_is_the_fold_of_a_long_one() -> None:
    from vnadmin_nlp.lexicon.fold import _fold

    for s in ["Ủy ban nhân dân tỉnh Lâm Đồng", "HOÀ", "khoẻ", "İstanbul", "x" * 81 + "Hoà", "Thuỷ lợi " * 20]:
        assert fold(s) == _fold(s) == fold(s)  # twice: the remembered key is the same


def test_parse_symbol_gives_a_fresh_object_each_time() -> None:
    from vnadmin_nlp.identity import parse_symbol

    a = parse_symbol("2286/STTTT-CNTT")
    a.issuer_code = "changed"
    b = parse_symbol("2286/STTTT-CNTT")
    assert b.issuer_code == "STTTT" and b is not a and (b.number, b.type_code) == ("2286", None)


@pytest.mark.parametrize("spans", [[], [(5, 10)], [(0, 3), (2, 8), (20, 21), (4, 5)], [(7, 7), (1, 30), (3, 4)]])
def test_covered_is_any_span(spans: list[tuple[int, int]]) -> None:
    from vnadmin_nlp.extractors.citing.numbers import Covered

    covered = Covered(spans)
    for pos in range(-1, 35):
        assert covered(pos) == any(a <= pos < b for a, b in spans)


def test_the_so_label_is_looked_for_within_a_bounded_window() -> None:
    """scripts/linearity.py found 10 MB of symbols on one line at 4.8x the time per KB of 1 MB: the look back for
    the line's start was unbounded.  The label is still found where it is, and a long line is no label."""
    from vnadmin_nlp.extractors.citing.numbers import _SO_WINDOW, _on_so_line

    text = "CỘNG HÒA\nSố: 12/2024/QĐ-UBND\n"
    assert _on_so_line(text, text.index("12/"))
    assert _on_so_line("Số:   " + "12/2024/QĐ-UBND", 6)
    assert not _on_so_line("Căn cứ Quyết định số 12/2024/QĐ-UBND", 21)
    long_line = "x" * (_SO_WINDOW + 10) + " Số: 12/2024/QĐ-UBND"
    assert _on_so_line(long_line, long_line.index("12/")) is False  # the label is in running text, far from a break
