"""Spaces an HTML-to-Markdown converter put inside a word or a number.

html2text writes a space where an inline element ends inside a word of an emphasis run (``<b><span>CHÍNH
PH</span>Ủ</b>`` -> ``**CHÍNH PH Ủ``; ``<i><span>Hà N</span>ội, ngày</i>`` -> ``_Hà N ội, ngày_``) and between the
runs of one date (``năm 20_ _26_`` -> ``năm 20 26``).  Vietnamese writes one syllable per word: two neighbours
that are not both syllables but make one together (``PH`` + ``Ủ``, ``ng`` + ``ày``) are one word cut in two
(:mod:`vnadmin_nlp.lexicon.syllables`); the digits of a day, month or year cut by a space are joined only where
the date's words frame them and the whole is a day, a month or a year.
"""
from __future__ import annotations

import regex

from ...lexicon.syllables import is_vietnamese_word

_TAIL = regex.compile(r"(?<![\p{L}\d])\p{L}+$")  # the whole word, after any opening punctuation
_HEAD = regex.compile(r"\p{L}+(?![\p{L}\d])")
_SO_GLUED = regex.compile(r"(?<=(?<![\p{L}\p{M}])(?:[Ss]ố|SỐ))(?=\d)")
_YEAR = regex.compile(r"(?<=\bnăm )(\d{1,3})((?: \d{1,3}){1,3})(?!\d)", regex.IGNORECASE)
_DAY_MONTH = regex.compile(r"(?<=\b(?:ngày|tháng) )(\d) (\d)(?= (?:tháng|năm)\b)", regex.IGNORECASE)
# A number-symbol cut after a slash or a hyphen, its rest a code in capitals: the converter's wrap of one paragraph
# (``Nghị định số 59/2017/NĐ-⏎CP ngày``, joined with a space as a viewer shows it) or a space it put where an
# inline element ended (``01/2001/TTLT/ BNG-TCBĐ``).  A symbol has no space; the rest must be capitals and digits
# (``CP``, ``TT-BTC``, ``QH15``), and after a bare number a year or a code with its hyphen (``15/ NQ-HĐND``), so
# ``ngày 12/ Các…``, ``2020- 2025`` or a heading ``1/ KẾT QUẢ`` stay as they are.
_SYMBOL_CUT = regex.compile(r"(?<![\p{L}\p{M}\d/.-])(\d{1,5}[a-z]?/((?:[\p{L}\p{M}\d./-]*[/-])?)) "
                            r"(?=([\p{Lu}\d][\p{Lu}\p{M}\d]*(?:[/.-][\p{Lu}\p{M}\d]+)*)(?![\p{L}\p{M}\d]))")


def _cut(a: str, b: str) -> bool:
    """Two words that are one syllable cut in two: not both syllables, a syllable together (punctuation before
    the first and after the second kept: ``(Hà N`` + ``ội,``)."""
    ma, mb = _TAIL.search(a), _HEAD.match(b)
    if ma is None or mb is None:
        return False
    x, y = ma.group(), mb.group()
    return not (is_vietnamese_word(x) and is_vietnamese_word(y)) and is_vietnamese_word(x + y)


def _year(m: regex.Match) -> str:
    digits = m.group(1) + m.group(2).replace(" ", "")
    return digits if len(digits) == 4 and digits[:2] in ("19", "20") else m.group()


def _symbol(m: regex.Match) -> str:
    rest = m.group(3)
    if m.group(2) or regex.fullmatch(r"\d{4}", rest) or regex.search(r"\p{L}[/-]", rest):
        return m.group(1)
    return m.group()


def rejoin(text: str) -> str:
    """The text with the words, date numbers and number-symbols a converter cut by a space joined again
    (``59/2017/NĐ- CP``), and the space it lost between ``số`` and a number put back (``Thông tư
    số<a>18/2024/TT-NHNN</a>`` -> ``số18/2024/TT-NHNN``)."""
    text = _SO_GLUED.sub(" ", text)
    if " " not in text:
        return text
    while "/ " in text or "- " in text:  # one pass per cut: "01/2001/ TTLT/ BNG"
        joined = _SYMBOL_CUT.sub(_symbol, text)
        if joined == text:
            break
        text = joined
    text = _YEAR.sub(_year, text)
    text = _DAY_MONTH.sub(lambda m: m.group(1) + m.group(2) if 1 <= int(m.group(1) + m.group(2)) <= 31 else m.group(), text)
    words = text.split(" ")
    out = [words[0]]
    for w in words[1:]:
        if _cut(out[-1], w):
            out[-1] += w
        else:
            out.append(w)
    return " ".join(out)
