"""Issue 15, session 21: two scans that ran over every line or every character now look first where they can hit.

- ``patterns.WordHits``: the trigger words (``names.TRIGGERS``), the asking words (``scans.OPENING_CUES``) and the
  citations' anaphora (``short_forms._ANAPHORA_RE``: "nêu trên", "đã dẫn") are found with ``str.find`` and their
  ``re`` pattern is matched only there.  It must give exactly the pattern's own ``finditer`` (and
  ``patterns.word_matches``): checked on real documents (the shared corpus's text and Word files, the samples), on variants of
  them with the words put in, glued to letters, broken over white space, and over stretches cut at random.
- ``layout.text.wide_gaps``: ``aligned_tables._start`` splits a line into pieces only when it has enough gaps of a
  gutter's width between neighbouring glyphs.  It must never count fewer than the cuts ``gap_parts`` makes: checked
  on every line of real text-layer PDFs of the corpus, and on generated lines with overlapping, out-of-order and
  space glyphs.
- ``units._ends_with_colon``: whether a provision's text ends in a colon, without copying it.
"""
from __future__ import annotations

import dataclasses
import importlib
import random
from pathlib import Path
from typing import Any

import pytest

from vnadmin_nlp.extractors.citing import short_forms
from vnadmin_nlp.extractors.tasking import names
from vnadmin_nlp.extractors.tasking import scans as S
from vnadmin_nlp.lexicon.fold import fold
from vnadmin_nlp.patterns import WordHits, word_matches
from vnadmin_nlp.readers import ocr, read_file
from vnadmin_nlp.readers.layout.records import Line
from vnadmin_nlp.readers.layout.text import gap_parts, wide_gaps

ROOT = Path(__file__).resolve().parents[1]
_SPACES = [" ", "  ", "\n", "\xa0", "\t", "\u2003", " \n "]
# words that overlap or open one another, as trigger lists do ("kính kiến nghị" / "kiến nghị", "giao" / "giao cho")
_OVERLAPPING = WordHits(["giao", "giao cho", "kiến nghị", "kính kiến nghị", "nghị", "a"], r"\s+(?=\S)")
_SCANNERS = [names.TRIGGERS, S.OPENING_CUES, short_forms._ANAPHORA_RE, _OVERLAPPING]


def _documents(shared: Path) -> list[str]:
    paths = [p for p in sorted((shared / "corpus").iterdir()) if p.suffix in (".txt", ".docx") and p.stat().st_size < 150_000]
    paths += sorted((ROOT / "fixtures" / "samples").glob("*.txt"))
    assert len(paths) >= 10
    return [fold(read_file(p).joined()[0]).replace("\n", " ") for p in paths]


def _variant(key: str, rnd: random.Random, words: list[str]) -> str:
    """The scanners' words put in, some glued to a letter, some followed by other white space or by nothing."""
    parts = key.split(" ")
    for _ in range(max(5, len(parts) // 30)):
        w = rnd.choice(words)
        parts.insert(rnd.randrange(len(parts) + 1), rnd.choice(["", "x", "5"]) + w + rnd.choice(["", "m", ":", rnd.choice(_SPACES)]))
    return " ".join(parts)


def _same(key: str, start: int, end: int) -> int:
    n = 0
    for scanner in _SCANNERS:
        expected = [m.span() for m in scanner.pattern.finditer(key, start, end)]
        assert [m.span() for m in scanner.finditer(key, start, end)] == expected
        words = [m.span() for m in word_matches(scanner.pattern, key, start, end)]
        assert [m.span() for m in scanner.word_matches(key, start, end)] == words
        n += len(expected) + len(words)
    return n


def test_word_hits_are_the_pattern_matches_on_real_documents(shared: Path) -> None:
    found = sum(_same(key, 0, len(key)) for key in _documents(shared))
    assert found > 50  # (the documents hold triggers: a check that compares empty lists proves nothing)


def test_word_hits_on_variants_and_cut_stretches(shared: Path) -> None:
    rnd = random.Random(21)
    words = [w for s in _SCANNERS for w in s.words]
    found = 0
    for key in _documents(shared)[:12]:
        v = _variant(key, rnd, words)
        found += _same(v, 0, len(v))
        for _ in range(15):
            a, b = sorted((rnd.randrange(len(v) + 1), rnd.randrange(len(v) + 1)))
            found += _same(v, a, b)
    assert found > 500


def test_word_hits_keep_the_first_of_overlapping_words() -> None:
    key = "ubnd tỉnh kính kiến nghị bộ; giao cho sở; giao  sở"
    assert [m.group() for m in _OVERLAPPING.finditer(key)] == [m.group() for m in _OVERLAPPING.pattern.finditer(key)]
    assert [m.group().strip() for m in _OVERLAPPING.finditer(key)] == ["kính kiến nghị", "giao cho", "giao"]


def _line(rnd: random.Random) -> Line:
    chars, x = [], rnd.uniform(0, 50)
    for _ in range(rnd.randrange(1, 60)):
        w = rnd.uniform(2, 8)
        ch = " " if rnd.random() < 0.15 else rnd.choice("aăđêôơưxyz\u0301")
        chars.append((x, 0.0, x + w, 12.0, ch, 0, ("f", 12.0, 0, 0, "F")))
        r = rnd.random()
        x += w + (rnd.uniform(-6, 0) if r < 0.2 else rnd.uniform(0, 2) if r < 0.8 else rnd.uniform(5, 40))
    return Line(chars, 0.0, 12.0, 12.0)


def test_wide_gaps_never_fewer_than_the_cuts_on_generated_lines() -> None:
    rnd = random.Random(7)
    lines = [_line(rnd) for _ in range(3000)]
    cut = 0
    for line in lines:
        for gap in (0.8, 2.5):
            parts = len(gap_parts(line, gap))
            assert wide_gaps(line, gap) >= parts - 1
            cut += parts > 2
    assert cut > 100  # (lines in three pieces or more are among them)


def test_wide_gaps_never_fewer_than_the_cuts_on_real_pdf_lines(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = importlib.import_module("vnadmin_nlp.readers.pdf.aligned_tables")
    seen: list[tuple[int, int]] = []
    start = tables._start

    def checked(page: Any, k: int) -> Any:
        line = page.lines[k]
        seen.append((wide_gaps(line, tables.GUTTER), len(gap_parts(line, tables.GUTTER))))
        return start(page, k)

    monkeypatch.setattr(tables, "_start", checked)
    monkeypatch.setattr(ocr, "SETTINGS", dataclasses.replace(ocr.SETTINGS, enabled=False))
    for name in ("bgddt_qd2605_2025.pdf", "bgddt_qd2827_2025.pdf", "anle57_2023_pdf.pdf", "qngai_ct07_2018.pdf"):
        path = shared / "corpus" / name
        if path.exists():
            read_file(path)
    assert len(seen) > 200
    assert all(w >= n - 1 for w, n in seen)
    assert any(n >= 2 for _, n in seen)  # (lines with a gutter-wide gap are among them)


def test_ends_with_colon_is_the_copy_it_replaced(shared: Path) -> None:
    """``units._ends_with_colon`` (no copy of a provision's text) against ``text[a:b].rstrip().endswith(":")``, on every
    stretch a real document's line breaks and colons bound, and on white space of every kind after a colon."""
    from vnadmin_nlp.extractors.tasking.units import _ends_with_colon

    rnd = random.Random(3)
    colons = 0
    for text in [read_file(p).joined()[0] for p in sorted((shared / "corpus").glob("*.txt"))[:3]]:
        text += ":" + "".join(rnd.choice([" ", "\n", "\t", "\xa0", "\u2003", "\x1c"]) for _ in range(5))
        cuts = [0, len(text)] + [i for i, c in enumerate(text) if c in ":\n"] + [i + 1 for i, c in enumerate(text) if c == ":"]
        for _ in range(2000):
            a, b = sorted((rnd.choice(cuts), rnd.choice(cuts)))
            expected = text[a:b].rstrip().endswith(":")
            assert _ends_with_colon(text, a, b) == expected
            colons += expected
    assert colons > 100
