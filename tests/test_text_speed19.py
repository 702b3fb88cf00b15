"""Issue 15, session 19: ``deadlines.find`` looks for its forms' first words and their opening phrases in one ``re``
scan (``_FIRST_WORD``: each word, then a look-ahead for the rest of its phrases).  It must give exactly the starts
of the scan it replaced: every first word (``word_matches`` of a plain word scanner) kept where a ``regex`` of its
forms' opening phrases matches there.  Checked on real documents (the shared corpus's text and Word files, the
samples), on variants of them with other white space, words glued to letters and digits and every phrase of the
data written out, and over stretches cut at random, where a phrase can run into the stretch's end."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from vnadmin_nlp.extractors import deadlines as D
from vnadmin_nlp.lexicon.fold import fold
from vnadmin_nlp.patterns import word_matches, word_scanner
from vnadmin_nlp.readers import read_file

ROOT = Path(__file__).resolve().parents[1]
_EVERY_WORD = word_scanner(D._FORMS_OF)
_OPENINGS = {w: regex.compile(D.F.phrases(p)) for w, p in D._OPENING.items()}  # as session 18 matched them
_PHRASES = sorted({p for f in D.F.FORMS for p in f.openings})
_SPACES = [" ", "  ", "\n", "\xa0", "\t", "\u2003", "\x1c", " \n "]


def _before(key: str, start: int, end: int) -> list[tuple[int, str]]:
    """The starts of the scan ``_FIRST_WORD`` replaced: a word, then its forms' phrases matched there."""
    out = []
    for m in word_matches(_EVERY_WORD, key, start, end):
        opening = _OPENINGS.get(m.group())
        if opening is None or opening.match(key, m.start(), end):
            out.append((m.start(), m.group()))
    return out


def _now(key: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in word_matches(D._FIRST_WORD, key, start, end)]


def _documents(shared: Path) -> list[str]:
    paths = [p for p in sorted((shared / "corpus").iterdir()) if p.suffix in (".txt", ".docx") and p.stat().st_size < 150_000]
    paths += sorted((ROOT / "fixtures" / "samples").glob("*.txt"))
    assert len(paths) >= 10
    return [read_file(p).joined()[0] for p in paths]


def _variant(text: str, rnd: random.Random) -> str:
    """Other white space between words, some words glued to a letter or a digit, the data's phrases put in."""
    words = text.split(" ")
    for _ in range(max(3, len(words) // 50)):
        words.insert(rnd.randrange(len(words) + 1), rnd.choice(_PHRASES) + rnd.choice(["", "x", "5", ":", "ngày"]))
    out = []
    for w in words:
        r = rnd.random()
        out.append(("x" + w) if r < 0.03 else (w + "m") if r < 0.06 else w)
        out.append(rnd.choice(_SPACES) if rnd.random() < 0.3 else " ")
    return "".join(out)


def test_the_combined_scan_gives_the_starts_of_the_word_scan_and_its_openings(shared: Path) -> None:
    rnd = random.Random(19)
    keys = [fold(t) for t in _documents(shared)]
    keys += [fold(_variant(t, rnd)) for t in _documents(shared)]
    keys.append(fold(" ".join(p + s for p in _PHRASES for s in ("", " 5", "x"))))  # every phrase of the data
    kept = dropped = 0
    for key in keys:
        whole = _now(key, 0, len(key))
        assert whole == _before(key, 0, len(key))
        kept += len(whole)
        dropped += len(list(word_matches(_EVERY_WORD, key))) - len(whole)
        for _ in range(20):  # a stretch can end inside a phrase, or begin inside a word
            a = rnd.randrange(len(key) + 1)
            b = rnd.randrange(a, min(len(key), a + 400) + 1)
            assert _now(key, a, b) == _before(key, a, b), (a, b)
        for pos, _w in whole[:30]:  # ends just inside and after the phrase at each start
            for b in range(pos, min(len(key), pos + 30) + 1):
                assert _now(key, pos, b) == _before(key, pos, b), (pos, b)
    assert kept > 100 and dropped > 100  # both kinds of first word met: "trong thời hạn" and "trong" of prose


@pytest.mark.parametrize("word", sorted(D._FORMS_OF))
def test_every_first_word_opens_where_its_phrases_stand(word: str) -> None:
    phrases = [p for p in _PHRASES if fold(p.split()[0]) == word]
    for p in phrases:
        key = fold("Các cơ quan " + p + " 15 ngày")
        assert (12, word) in _now(key, 0, len(key)), p
    key = fold("Các cơ quan " + word + "x 15 ngày")  # glued to a letter: no word
    assert all(pos != 12 for pos, _ in _now(key, 0, len(key)))
