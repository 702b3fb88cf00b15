"""The features of a unit for the CRF: its text (shape, case, first words folded, what the rules' classifier and
the lexicon say of it), its place in the window, and its layout where the reader gave it.  Every feature is a
string key (``name=value``) with weight 1, emitted in a fixed order, so that training is reproducible."""
from __future__ import annotations

import re

from ..lexicon.bodies import kind_of, starts_with_body_kind
from ..lexicon.positions import names_position
from ..patterns import FOLDED
from ..zoning import Page
from ..zoning.closing_lines import is_authority, is_name
from ..zoning.header_lines import classify, match_title
from ..zoning.segments import is_upper
from .units import Unit

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_SO = re.compile(r"^s[oố]\s*(?:[:.]|\d)")
_SYMBOL = re.compile(r"\d+\s*/\s*(?:\d{4}\s*/\s*)?[^\W\d_]")
_DATE = re.compile(r"ng[aà]y\s*[\d.…_ ]*\s*th[aá]ng\s*[\d.…_ ]*\s*n[aă]m\s*\d")
_ITEM = ("-", "+", "•", "–", "*")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _text_features(page: Page, u: Unit) -> list[str]:
    text, key = page.t(u.seg), page.k(u.seg)
    words = _WORD.findall(key)
    out = [f"w1={words[0] if words else ''}", f"w12={' '.join(words[:2])}", f"wl={words[-1] if words else ''}"]
    out.append(f"nwords={_bucket(len(words), (1, 2, 3, 5, 8, 12, 20))}")
    letters = [c for c in text if c.isalpha()]
    if is_upper(text):
        out.append("upper")
    elif letters and letters[0].isupper():
        out.append("capital")
    elif letters:
        out.append("lower")
    if any(c.isdigit() for c in text):
        out.append("digit")
    if text.startswith(_ITEM):
        out.append("item")
    out.append(f"end={text[-1] if not text[-1].isalnum() else 'a'}")
    if u.zone == "header":
        out.append(f"kind={classify(page, u.seg)}")
    else:
        if FOLDED.distribution_head.match(key):
            out.append("kind=closing")
    if _SO.match(key):
        out.append("so")
    if _SYMBOL.search(key):
        out.append("symbol")
    if _DATE.search(key):
        out.append("date")
    if FOLDED.kinh_gui.match(key):
        out.append("kinh_gui")
    if FOLDED.vv.match(key):
        out.append("vv")
    if is_authority(text):
        out.append("authority")
    if len(text) <= 80 and names_position(key):
        out.append("position")
    if starts_with_body_kind(text):
        out.append("body_kind")
    kind = kind_of(text)
    if kind:
        out.append(f"body={kind}")
    title = match_title(key)
    if title:
        out.append("title" if title[1] >= len(key.rstrip(" :.")) else "title_start")
    if is_name(text):
        out.append("name")
    if FOLDED.enacting.match(key) or FOLDED.body_cue.match(key):
        out.append("body_cue")
    return out


def _place_features(u: Unit, n: int, blank_before: bool) -> list[str]:
    out = [f"zone={u.zone}", f"idx={_bucket(u.index, (0, 1, 2, 3, 4, 5, 6, 8, 10, 14, 20))}"]
    out.append(f"rel={min(int(5 * u.index / max(n, 1)), 4)}")
    if u.index == n - 1:
        out.append("last")
    if blank_before:
        out.append("blank_before")
    if u.blank_after:
        out.append("blank_after")
    if u.joined:
        out.append("joined")
    for k in ("column", "indent", "size", "bold"):
        if k in u.layout:
            out.append(f"{k}={u.layout[k]}")
    return out


# Features of the neighbours worth copying (their shape, not their words).
_SHARED = ("upper", "capital", "so", "symbol", "date", "authority", "position", "name", "title", "kinh_gui", "vv", "item")


def sequence_features(page: Page, window: list[Unit]) -> list[list[str]]:
    """One list of feature names per unit of a window."""
    own = [_text_features(page, u) for u in window]
    out = []
    n = len(window)
    for i, u in enumerate(window):
        feats = ["bias", *own[i], *_place_features(u, n, u.seg.blank_before)]
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                feats.extend(f"{off:+d}:{f}" for f in own[j] if f in _SHARED or f.startswith(("kind=", "w1=")))
            else:
                feats.append(f"{off:+d}:none")
        out.append(feats)
    return out
