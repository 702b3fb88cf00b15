"""Issue 15, session 17: the cheap first looks that spare the citations and zoning stages a pattern run must find
exactly what the pattern alone found (same outputs, less work), on the shared corpus and seeds and on variants.

- ``header_lines.NUMBER_LABEL``: every match of ``TEXT.number`` holds its label, so a header line without one is
  not scanned;
- ``numbers.number_starts``: one scan with a look-behind gives the starts ``blocks_number`` kept;
- ``numbers._list_heads``: every start where ``_NUM_LIST`` matches is one of the heads.
"""
from __future__ import annotations

import random

import pytest
import regex

from vnadmin_nlp.data import load
from vnadmin_nlp.extractors.citing import numbers
from vnadmin_nlp.normalize import normalize
from vnadmin_nlp.patterns import TEXT
from vnadmin_nlp.zoning.header_lines import NUMBER_LABEL

_DIGIT_RUN = regex.compile(r"\d+")


def _texts(shared) -> list[str]:
    paths = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus").glob("*.txt"))
    assert paths, "no .txt documents in the shared corpus"
    return [normalize(p.read_text(encoding="utf-8")).text for p in paths]


def _variants(text: str, seed: int) -> list[str]:
    """The text with its numbers' neighbours changed: junk, letters, separators and spaces before and after digits,
    and number lists glued and spaced ("87,88" / "87 , 88")."""
    rnd = random.Random(seed)
    junk = load("citations")["ocr_junk"]
    edits = ["", " ", "/", ".", "-", "a", "Đ", ",", " , ", "\n", *junk]
    out = []
    for _ in range(3):
        out.append(_DIGIT_RUN.sub(lambda m: rnd.choice(edits) + m.group() + rnd.choice(edits), text))
    return out


def test_number_label_is_in_every_number_match() -> None:
    entry = load("patterns")["text"]["number"]
    examples = [e["text"] if isinstance(e, dict) else e for e in entry["match"]]
    assert len(examples) >= 10
    for text in examples:
        m = TEXT.number.search(text)
        assert m is not None, text
        assert NUMBER_LABEL.search(text, m.start(), m.end()), f"no label in the match of {text!r}"


def test_number_label_on_real_lines(shared) -> None:
    """Over every line of the corpus and seeds: a line TEXT.number finds anything in holds the label within the
    match (the guard in split_header_line leaves no match out)."""
    found = 0
    for text in _texts(shared):
        for m in TEXT.number.finditer(text):
            found += 1
            assert NUMBER_LABEL.search(text, m.start(), m.end()), text[m.start() : m.end()]
    assert found >= 3  # (the seeds and the .txt files of the corpus: each one Số line)


def _blocked_starts(text: str, lo: int = 0) -> list[int]:
    """The starts as number_starts found them before session 17: every run of digits, kept unless blocked."""
    return [m.start() for m in _DIGIT_RUN.finditer(text, lo) if not numbers.blocks_number(text, m.start())]


def test_number_starts_match_blocks_number(shared) -> None:
    checked = 0
    for i, text in enumerate(_texts(shared)):
        for t in [text, *_variants(text[:20000], i)]:
            assert numbers.number_starts(t, 0, len(t)) == _blocked_starts(t)
            for lo in (1, 7, len(t) // 3):  # a range that may start inside a run of digits or after a letter
                assert numbers.number_starts(t, lo, len(t)) == _blocked_starts(t, lo)
            checked += 1
    assert checked >= 16


@pytest.mark.parametrize("sample", ["Nghị định 87,88,31/CP", "các Quyết định số 12 , 13/QĐ-UBND", "Quyết định 5 ,6/QĐ-TTg"])
def test_list_heads_hold_every_list(shared, sample: str) -> None:
    for i, text in enumerate([sample, *_texts(shared)]):
        for t in [text, *_variants(text[:20000], i)]:
            starts = numbers.number_starts(t, 0, len(t))
            heads = numbers._list_heads(t, 0, len(t))
            for p in starts:
                if numbers._NUM_LIST.match(t, p):
                    assert p in heads, t[p : p + 40]
    assert any(numbers._NUM_LIST.match(sample, p) for p in numbers.number_starts(sample, 0, len(sample)))


@pytest.mark.parametrize("section,name", [("citations", "law"), ("tasks", "notice_for")])
def test_scanned_patterns_open_with_a_prefix(section: str, name: str) -> None:
    """Patterns scanned over whole texts or every sentence: compiled with re, each opens with what re skips to (its
    first letters), not with a look-behind or a group of branches inside a branch, which re tries at every character."""
    import re
    import re._compiler as sre_compile
    import re._constants as sre_constants
    import re._parser as sre_parse

    from vnadmin_nlp.patterns import compile_section

    pattern = getattr(compile_section(section), name)
    pattern = pattern.compiled() if hasattr(pattern, "compiled") else pattern
    assert isinstance(pattern, re.Pattern)
    code = sre_compile._code(sre_parse.parse(pattern.pattern, pattern.flags), pattern.flags)
    assert code[0] == sre_constants.INFO and code[2] & (sre_constants.SRE_INFO_PREFIX | sre_constants.SRE_INFO_CHARSET), \
        f"{section}.{name} opens with nothing re can skip to"


def test_provision_refs_scan_only_their_runs(shared) -> None:
    """citations._provision_refs finds what CITATIONS.provision_ref.finditer finds, on the texts and on variants
    whose punctuation is gone or whose spaces are doubled (runs of reference characters long or short)."""
    from vnadmin_nlp.extractors import citations
    from vnadmin_nlp.extractors.citing.found import CITATIONS

    found = 0
    samples = ["theo điểm a, b khoản 1, 2 Điều 5 của Luật này.", "Điều 3; khoản 2 Điều 4 Quyết định này: Điều 12a"]
    for text in [*samples, *_texts(shared)]:
        for t in (text, text.replace(".", " ").replace(";", ","), text.replace(" ", "  ").replace("\n", " ")):
            want = [(m.span(), m.groupdict()) for m in CITATIONS.provision_ref.finditer(t)]
            assert [(m.span(), m.groupdict()) for m in citations._provision_refs(t)] == want
            found += len(want)
    assert found >= 50
