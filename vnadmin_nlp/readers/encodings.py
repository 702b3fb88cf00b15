"""Legacy Vietnamese encodings: TCVN3 (ABC, ".VnTime" fonts) and VNI ("VNI-Times" fonts).

Documents typed before Unicode store Vietnamese in 8-bit font encodings.  Word, RTF and PDF text layers hand
those bytes over as if they were Windows-1252, so the reader sees mojibake ("Bé Tµi chÝnh", "Ñoäc laäp").
This module turns such text back into Unicode.

Decisions are taken per word, never for the whole text because of a few characters.  Each word is read three
ways (as it stands, as TCVN3, as VNI) and each reading is checked against the Vietnamese syllable structure.
A word such as "Tµi" reads as Vietnamese only as TCVN3; "Bé" reads either way (Unicode "bé", TCVN3 "Bộ").  A
Viterbi pass over the words then picks one state per word (unicode, tcvn3, vni), paying for every word read
in a state where it is not Vietnamese and for every change of state.  Ambiguous words follow their
neighbours, a single stray legacy-looking word inside Unicode text stays as it is, and ties go to Unicode, so
correct Unicode Vietnamese is never changed (checked on 4.5 million characters of the corpus).

The mapping tables are data (``vnadmin_nlp/data/encodings_tcvn3.json``, ``encodings_vni.json``); the syllable
check used for scoring is ``lexicon.syllables`` (the issuer's normal casing needs it too).

Public API: :func:`decode_legacy_bytes`, :func:`fix_legacy_text`; helpers for readers that know the font of a
run (RTF): :func:`convert_run`, :func:`font_encoding`; and :func:`encode_legacy` for round-trip tests.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..lexicon.syllables import TONE_RE as _TONE_RE
from ..lexicon.syllables import is_vietnamese_word

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

TCVN3 = "tcvn3"
VNI = "vni"

# A "word" for scoring: a run of Latin letters, the Latin-1 block (where the legacy bytes land), Latin
# Extended, Vietnamese precomposed letters and combining marks.  Digits and ASCII punctuation split words.
LEGACY_WORD = re.compile(r"[A-Za-z\u00A1-\u00FF\u0100-\u024F\u1E00-\u1EFF\u0300-\u036F\u2212\u2219]+")
# Characters a cp1252/latin-1 mojibake can never produce: proof that a word is already Unicode Vietnamese.
UNICODE_VIETNAMESE_LETTER = re.compile(r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0"
                         r"\u1EA0-\u1EF9\u0300-\u0303\u0309\u0323]")

# Font names: TCVN3 fonts are ".Vn" + a capitalised family (".VnTime", ".VnTimeH", ".VnArial NarrowH"; PDFs
# drop the dot: "VnTimeHBold", "ABCDEF+VnTime"); the "H" variants draw capitals.  VNI fonts start with "VNI-"
# ("VNI-Times", "VNI-Helve", "VNI-Top").  Style and charset suffixes are ignored when looking for the "H".
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_TCVN3_FONT = re.compile(r"^[._]?Vn[A-Z]")
_VNI_FONT = re.compile(r"^vni[-_ ]", re.IGNORECASE)
_FONT_SUFFIX = re.compile(r"[\s,\-]*(?:bold|italic|oblique|regular|narrow|tur|ce|cyr|greek|baltic|\([^)]*\))$",
                          re.IGNORECASE)


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    with open(_DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def _tcvn3_table() -> dict[int, str]:
    """str.translate table: the Latin-1 character a TCVN3 byte shows up as -> the Vietnamese letter."""
    data = _load("encodings_tcvn3.json")
    table = {int(k, 16): v for k, v in data["vn3"].items()}
    table.update({int(k, 16): v for k, v in data.get("pdf_aliases", {}).items()})
    return table


@lru_cache(maxsize=None)
def _tcvn3_chars() -> frozenset[str]:
    return frozenset(chr(c) for c in _tcvn3_table())


@lru_cache(maxsize=None)
def _vni_maps() -> tuple[re.Pattern[str], dict[str, str]]:
    data = _load("encodings_vni.json")
    mapping = {**data["single"], **data["sequences"]}
    keys = sorted(mapping, key=len, reverse=True)  # two-character sequences before single letters
    return re.compile("|".join(map(re.escape, keys))), mapping


@lru_cache(maxsize=None)
def _vni_chars() -> frozenset[str]:
    _, mapping = _vni_maps()
    return frozenset(ch for key in mapping for ch in key if ord(ch) > 0x7F)


# --------------------------------------------------------------------------- conversion of one run


def _tcvn3_to_unicode(text: str) -> str:
    return text.translate(_tcvn3_table())


def _vni_to_unicode(text: str) -> str:
    pattern, mapping = _vni_maps()
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def _restore_case(original: str, converted: str) -> str:
    """TCVN3 has no capitals with tone marks: "QUYÕT" was typed in an ...H font and reads "QUYẾT".

    When every ASCII letter of the word is a capital (at least two of them), the whole word is upper-cased.
    """
    ascii_letters = [c for c in original if c.isascii() and c.isalpha()]
    if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters) and converted != converted.upper():
        return converted.upper()
    return converted


def convert_run(text: str, encoding: str, *, upper: bool = False) -> str:
    """Convert text known to be in ``encoding`` (e.g. a run in a ".VnTime" font) to NFC Unicode.

    ``upper`` upper-cases the result: runs in the TCVN3 capital fonts (".VnTimeH") store lowercase codes.
    """
    if encoding == TCVN3:
        out = LEGACY_WORD.sub(lambda m: _restore_case(m.group(0), _tcvn3_to_unicode(m.group(0))), text)
    elif encoding == VNI:
        out = _vni_to_unicode(text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    out = unicodedata.normalize("NFC", out)
    return out.upper() if upper else out


def font_encoding(font_name: str | None) -> tuple[str | None, bool]:
    """The legacy encoding a font implies, and whether it is a capitals-only ("H") TCVN3 font.

    ``(".VnTimeH")`` -> ``("tcvn3", True)``; ``("VNI-Times")`` -> ``("vni", False)``; others -> ``(None, False)``.
    """
    if not font_name:
        return None, False
    name = _SUBSET.sub("", font_name.strip())
    if _TCVN3_FONT.match(name):
        base, previous = name, None
        while base != previous:
            previous, base = base, _FONT_SUFFIX.sub("", base)
        return TCVN3, base.endswith("H")
    if _VNI_FONT.match(name):
        return VNI, False
    return None, False


# --------------------------------------------------------------------------- scoring


_VOWELS = frozenset("aeiouyăâêôơư")


def _is_abbreviation(word: str) -> bool:
    """Vowel-less capitals ("NĐ", "QĐ", "TSCĐ", "BHLĐ") or a lone "đ" (đồng): legitimate non-syllables."""
    if not word.isalpha():
        return False
    if word in ("đ", "Đ"):
        return True
    if len(word) < 2 or not word.isupper():
        return False
    base = unicodedata.normalize("NFD", word.lower())
    return not any(ch in _VOWELS for ch in unicodedata.normalize("NFC", _TONE_RE.sub("", base)))


def _reads_as_vietnamese(word: str) -> bool:
    return is_vietnamese_word(word) or _is_abbreviation(word)


UNICODE = "unicode"
_STATES = (UNICODE, TCVN3, VNI)
# Costs of the word-by-word labelling (see _label_words): a word read in a state where it is not Vietnamese
# costs 1; switching state costs _SWITCH; starting or ending the text in a legacy state costs _EDGE.  One stray
# legacy-looking word in Unicode text therefore stays as it is, two in a row are converted.
_MISMATCH, _SWITCH, _EDGE = 1.0, 0.9, 0.45
_WEAK = 0.35  # a tcvn3/vni disagreement resting on a single character
_LEGACY_SWITCH = 0.4  # tcvn3 <-> vni: a VNI-typed word inside a TCVN3 paragraph ("ÖÙng" = "Ứng") converts


@lru_cache(maxsize=65536)
def _classify(word: str) -> tuple[frozenset[str] | None, str | None, str | None]:
    """(readings, tcvn3 conversion, vni conversion) of one word.

    ``readings`` is the set of states (unicode, tcvn3, vni) in which the word is a Vietnamese syllable; None
    when no legacy conversion would change the word (ASCII, or nothing mappable), so it carries no evidence.
    """
    if word.isascii():
        return None, None, None
    if UNICODE_VIETNAMESE_LETTER.search(word):  # letters a cp1252 mojibake cannot contain
        return frozenset((UNICODE,)), None, None
    t = _restore_case(word, _tcvn3_to_unicode(word)) if any(c in _tcvn3_chars() for c in word) else word
    v = unicodedata.normalize("NFC", _vni_to_unicode(word)) if any(c in _vni_chars() for c in word) else word
    if t == word and v == word:
        return None, None, None
    t_new, v_new = (t if t != word else None), (v if v != word else None)
    if not any(ch.isalpha() for ch in word):  # "®", "½ ¼", "× ÷": symbols prove nothing, they follow context
        return None, t_new, v_new
    orig_ok = _reads_as_vietnamese(word)
    readings = {UNICODE} if orig_ok else set()
    if _reads_as_vietnamese(t) if t_new else orig_ok:
        readings.add(TCVN3)
    if _reads_as_vietnamese(v) if v_new else orig_ok:
        readings.add(VNI)
    return frozenset(readings), t_new, v_new


def _weight(word: str) -> float:
    """Cost of reading a word in the wrong legacy encoding: small when one character is all the evidence.

    Both tables cover most of Latin-1, so a lone "\xad" or "NÑ" reads as something in either; "ÖÙng" (two
    marked characters: VNI "Ứng") inside a TCVN3 paragraph is real evidence.
    """
    return _MISMATCH if sum(not ch.isascii() for ch in word) >= 2 else _WEAK


def _words(text: str) -> Iterator[re.Match[str]]:
    return LEGACY_WORD.finditer(text)


def _label_words(readings: list[frozenset[str] | None], weights: list[float] | None = None) -> list[str]:
    """The state (unicode, tcvn3, vni) of every word: a Viterbi path over the per-word readings.

    A word costs nothing in a state where it reads as Vietnamese (or when it reads as Vietnamese nowhere, or
    carries no evidence), 1 elsewhere; changing state costs _SWITCH.  Ties go to unicode, so correct Unicode
    text is never converted, while a legacy paragraph inside a Unicode document is.
    """
    n = len(readings)
    if n == 0:
        return []
    weights = weights or [_MISMATCH] * n
    cost = {s: (0.0 if s == UNICODE else _EDGE) for s in _STATES}
    back: list[dict[str, str]] = []
    for r, w in zip(readings, weights):
        new_cost: dict[str, float] = {}
        choice: dict[str, str] = {}
        for s in _STATES:
            best_prev, best = UNICODE, float("inf")
            for p in _STATES:  # unicode first and a strict "<": ties keep the unicode history
                c = cost[p] + (0.0 if p == s else _LEGACY_SWITCH if UNICODE not in (p, s) else _SWITCH)
                if c < best:
                    best_prev, best = p, c
            emit = 0.0 if (not r or s in r) else (_MISMATCH if s == UNICODE or UNICODE in r else w)
            new_cost[s] = best + emit
            choice[s] = best_prev
        back.append(choice)
        cost = new_cost
    final = {s: cost[s] + (0.0 if s == UNICODE else _EDGE) for s in _STATES}
    state = min(_STATES, key=lambda s: (final[s], s != UNICODE))
    path = [state] * n
    for i in range(n - 1, 0, -1):
        state = back[i][state]
        path[i - 1] = state
    return path


# Characters that Unicode Vietnamese never uses but TCVN3 (¸ µ ¶ · ¹ ¨ © ª « ¬ ®…) or VNI (ø ï û ñ ö ä…) text read
# through a Western code page is full of: without one of them, nothing can be legacy, and the word-by-word
# reading below (the costly part) is skipped.
_LEGACY_SIGNAL = re.compile(
    "[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df"
    "\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]"
)


def fix_legacy_text(text: str) -> tuple[str, str] | None:
    """Text decoded through cp1252/latin-1 that is really TCVN3 or VNI -> (converted text, encoding).

    Only the words that are legacy are converted (a Unicode document with a pasted TCVN3 paragraph keeps its
    Unicode parts).  Returns None when nothing is legacy: ordinary Unicode Vietnamese, English, French…
    """
    if not text or text.isascii() or not _LEGACY_SIGNAL.search(text):
        return None
    matches = [m for m in _words(text) if not m.group(0).isascii()]
    infos = [_classify(m.group(0)) for m in matches]
    if not any(info[0] and UNICODE not in info[0] for info in infos):
        return None  # no word reads as Vietnamese only after a legacy conversion
    weights = [_weight(m.group(0)) for m in matches]
    path = _label_words([info[0] for info in infos], weights)
    counts = {TCVN3: 0, VNI: 0}
    parts: list[str] = []
    pos = 0
    for m, (_, t, v), state in zip(matches, infos, path):
        new = t if state == TCVN3 else v if state == VNI else None
        if new is None:
            continue
        counts[state] += 1
        parts.append(text[pos:m.start()])
        parts.append(new)
        pos = m.end()
    if not parts:
        return None
    parts.append(text[pos:])
    encoding = TCVN3 if counts[TCVN3] >= counts[VNI] else VNI
    return "".join(parts), encoding  # converted words are NFC; the rest is returned exactly as given


_CP1252_HIGH = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def cp1252(data: bytes) -> str:
    """Bytes as Windows-1252; the five bytes cp1252 leaves undefined stay latin-1 control characters."""
    return data.decode("latin-1").translate(_CP1252_HIGH)


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """Bytes of a TCVN3 or VNI text -> (Unicode NFC text, ``"tcvn3"`` | ``"vni"``); None when not legacy."""
    if not data:
        return None
    return fix_legacy_text(cp1252(data))


@lru_cache(maxsize=None)
def _inverse(encoding: str) -> dict[str, str]:
    """Unicode letter -> legacy key; for VNI the shortest key whose mark byte has the letter's case."""
    if encoding == TCVN3:
        return {v: chr(int(k, 16)) for k, v in _load("encodings_tcvn3.json")["vn3"].items()}
    _, mapping = _vni_maps()
    inverse: dict[str, str] = {}
    rank = lambda key, val: (len(key), key[-1].isupper() != val.isupper(), key)  # noqa: E731
    for key, val in mapping.items():
        if val not in inverse or rank(key, val) < rank(inverse[val], val):
            inverse[val] = key
    return inverse


def encode_legacy(text: str, encoding: str) -> str:
    """Unicode -> the legacy text as it looks through cp1252 (the inverse of :func:`convert_run`).

    Capitals with tone marks do not exist in TCVN3 (ABC): they are written with the lowercase code, as an
    ".VnTimeH" document would store them, so case is lost for those letters.  Used by the round-trip tests.
    """
    if encoding not in (TCVN3, VNI):
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    inverse = _inverse(encoding)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif encoding == TCVN3 and not ch.isascii() and ch.lower() in inverse:
            out.append(inverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


__all__ = [
    "TCVN3",
    "VNI",
    "decode_legacy_bytes",
    "fix_legacy_text",
    "convert_run",
    "font_encoding",
    "encode_legacy",
    "is_vietnamese_word",
    "cp1252",
]
