"""Header lines: where a line holding several fields is cut (Quốc hiệu, motto, ``Số:``, ``<place>, ngày``, rules,
``V/v``, ``Kính gửi``), and what each segment is (``classify``), for the state machine of ``header``.

The Quốc hiệu is an anchor wherever it stands except where it names the country inside a sentence (``Chính phủ
nước Cộng hòa xã hội chủ nghĩa Việt Nam``); with its tones misread (OCR, a misprinted ``CHỦ NGHÍA``) it is still
found on the bare letters.  ``DỰ THẢO`` and a site's banner above a web copy's header are set aside.
"""
from __future__ import annotations

from typing import Any, Iterator

import regex

from ..data import load
from ..lexicon.bodies import is_site_banner
from ..lexicon.fold import bare, fold, retone
from ..patterns import FOLDED, TEXT, alternation, compile_section
from .segments import Page, Seg, is_upper
from ..lexicon.lazy import lazy_re, lazy_regex

HEADER = compile_section("header")  # number_label, vv_inline, kinh_gui_inline, comma_date, subject_start, subject_cut_head

# "Số:" that no pattern reads (handwritten, OCR noise), also after the type ("Nghị quyết số:"): still the Số line
# After a type name, words that start a trích yếu: "Báo cáo về …", "Quyết định ban hành …".


def _type_titles() -> list[tuple[str, dict]]:
    rows: list[tuple[str, dict]] = []
    data = load("doc_types")
    for kind in ("normative", "administrative", "party", "other"):
        for row in data[kind]:
            rows.append((fold(row["name"]), {**row, "kind": kind}))
    rows.sort(key=lambda r: -len(r[0]))  # "thông tư liên tịch" before "thông tư"
    return rows


_TITLES = _type_titles()
_MARKS = {fold(v): (group, canon) for group in ("urgency", "secrecy") for canon, vs in load("marks")[group].items() for v in vs}


_TITLE_RE = lazy_regex(
    r"(?:bản\s)?(?P<name>" + alternation(name for name, _ in _TITLES) + r")(?![\p{L}])"
)
_TITLE_ROWS = {name: row for name, row in reversed(_TITLES)}


def match_title(key: str) -> tuple[dict, int] | None:
    """The type named at the start of a folded title line, and where the name ends; a speck OCR read before it
    (``_ ĐƠN ĐỀ NGHỊ``, vbai_27) is passed over."""
    key = key.rstrip(" :.")
    lead = len(key) - len(key.lstrip(_SPECKS))
    if lead and len(key) - lead > 30:
        lead = 0  # only before a short title line, never a sentence
    m = _TITLE_RE.match(key, lead)  # "Bản quy định", "Bản Điều lệ" too
    if m:
        return _TITLE_ROWS[m.group("name")], m.end()
    # OCR drops or confuses diacritics ("QUYÉT ĐỊNH"): a short line whose bare letters spell a type name
    if len(key) <= 30:
        row = _BARE_TITLES.get(bare(key[lead:]))
        if row is not None:
            return row, len(key)
    return None


_SPECKS = "_~|*'\"“”‘’`., \t"  # not a dash: "- Báo cáo về …" is an item of a list


_BARE_TITLES = {bare(name): row for name, row in reversed(_TITLES)}


_RULE_CHARS = lazy_regex(r"[-_–—=]{3}")  # what every rule (TEXT.rule_inline) holds
# What every match of TEXT.number holds: its label ("Số", "SỐ", OCR's "So", "SO", or "… số:").  That pattern opens
# with a look-behind and a capitalised word, tried at every character of the line (some 70 µs on a 300-character
# line in capitals); a plain search for the label first leaves most lines unscanned.
NUMBER_LABEL = lazy_re("S[ốỐoO]|số")


def split_header_line(page: Page, seg: Seg) -> list[Seg]:
    """Cut one header line at the anchors it contains (columns put on one line)."""
    text, key = page.text, page.key
    cuts: set[int] = set()
    anchors: list[tuple[int, int]] = []
    for m in _nationals(page, seg):
        if _national_anchor(page, seg, m):  # not "… giữa Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam và …"
            anchors.append(m.span())
    for pat in (FOLDED.motto, FOLDED.party):
        anchors += [m.span() for m in pat.finditer(key, seg.start, seg.end)]
    for a, b in anchors:
        cuts.update((a, b))
    if NUMBER_LABEL.search(text, seg.start, seg.end):
        for m in TEXT.number.finditer(text, seg.start, seg.end):
            cuts.add(m.start())
            cuts.add(m.end("sym"))
    if HEADER.comma_date.search(key, seg.start, seg.end):  # the place pattern is slow: only where it can end
        for m in _places(text, seg, anchors):
            d = FOLDED.date.match(key, m.end(), seg.end) or FOLDED.date_garbled.match(key, m.end(), seg.end)
            if d:
                cuts.add(m.start())
                if d.group("y"):
                    cuts.add(d.end())  # "Hà Nội, ngày 31 tháng 12 năm 2025 NGHỊ ĐỊNH …" (a flattened header)
    if _RULE_CHARS.search(text, seg.start, seg.end):
        for m in TEXT.rule_inline.finditer(text, seg.start, seg.end):
            cuts.update((m.start(), m.end()))
    for pat in (HEADER.vv_inline, HEADER.kinh_gui_inline):
        for m in pat.finditer(text, seg.start, seg.end):
            cuts.add(m.start())
    bounds = sorted(c for c in cuts if seg.start < c < seg.end)
    if not bounds:
        return [seg]
    out: list[Seg] = []
    for a, b in zip([seg.start, *bounds], [*bounds, seg.end]):
        sub = page.sub(seg, a, b)
        if sub is not None:
            sub.joined = bool(out)
            out.append(sub)
    return out


# The Quốc hiệu with its tones misread (OCR "CỘNG HÒA XÃ HỌI", a misprinted "CÔNG HÒA"), matched on bare letters;
# also cut at the line's end by the edge of a photographed page ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT N", ld_060).
_BARE_NATIONAL = lazy_regex(r"cong\s*hoa\s+xa\s+hoi\s+chu\s+nghia\s+(?:viet\s+nam|viet(?:\s+n)?[ \t.,]*$)", regex.MULTILINE)


def _nationals(page: Page, seg: Seg) -> list:
    """The Quốc hiệu matches of a segment, found once per segment (the line is cut, then each part classified:
    most segments are asked twice)."""
    memo = page.memo.setdefault("nationals", {})
    found = memo.get((seg.start, seg.end))
    if found is None:
        found = memo[(seg.start, seg.end)] = _find_nationals(page, seg)
    return found


def _find_nationals(page: Page, seg: Seg) -> list:
    found = list(FOLDED.national.finditer(page.key, seg.start, seg.end))
    if found or not _BARE_NATIONAL.search(bare(page.key[seg.start : seg.end])):
        return found  # the line's own bare letters first: most lines hold no Quốc hiệu, tones or not
    return list(_BARE_NATIONAL.finditer(page.bare_to(seg.end), seg.start, seg.end))


_DRAFT = lazy_regex(r"du\s*thao(?:\s+(?:lan\s+)?\d{1,2})?")
_COUNTRY_BEFORE = lazy_regex(r"(?<![\p{L}])nước(?: |[ \t]*\n[ \t]*)$")  # one space or a wrap: a column gap is no sentence


def _places(text: str, seg: Seg, anchors: list[tuple[int, int]]) -> Iterator[Any]:
    """The places before a date in a line (each starting a word); one that starts inside the motto ("… Hạnh phúc Hà Nội, ngày …" in a
    flattened header) is looked for again after it."""
    pos = seg.start
    while pos < seg.end:
        m = TEXT.place.search(text, pos, seg.end)
        if m is None:
            return
        if m.start() > seg.start and text[m.start() - 1].isalnum():
            pos = m.start() + 1  # "…/QĐ-TTg Hà Nội, ngày": a place starts a word, not inside the symbol before it
            continue
        inside = next((b for a, b in anchors if a <= m.start() < b), None)
        if inside is not None and inside < m.end():
            pos = inside
            while pos < seg.end and not text[pos].isalnum():
                pos += 1
            continue
        yield m
        pos = m.end()


def _national_anchor(page: Page, seg: Seg, m: Any) -> bool:
    """The Quốc hiệu, unless it names the country inside a sentence (``Chính phủ nước Cộng hòa xã hội chủ nghĩa
    Việt Nam``, ``Hiến pháp nước …``): there the word ``nước`` stands before it."""
    return not _COUNTRY_BEFORE.search(page.key, max(seg.start, m.start() - 8), m.start())


_PLACE_NO_COMMA = lazy_regex(r"\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,3}[ \t]+")  # up to four capitalised words


def _is_date_line(page: Page, seg: Seg) -> bool:
    """``Hà Nội, ngày 05 tháng 01 năm 2020``, or a bare ``ngày … tháng … năm …`` standing alone on its line."""
    key = page.k(seg)
    m = FOLDED.date.search(key)
    if not m:
        return _is_garbled_date_line(page, seg)
    if TEXT.place.match(page.t(seg)):
        return True
    if len(key) - m.end() <= 3 and _PLACE_NO_COMMA.fullmatch(page.t(seg)[: m.start()]):
        return True  # "Hà Nội ngày 0Ÿ tháng # năm 2026": the comma lost by OCR (cucthue_cv2191_2026)
    return m.start() == 0 and len(key) - m.end() <= 3


def _is_garbled_date_line(page: Page, seg: Seg) -> bool:
    """``Lâm Đồng, ngàys Ề tháng 1] năm 2025``: a place, then ``ngày`` … ``tháng`` … ``năm YYYY`` ending the line, the day
    or month broken by OCR past what the date pattern reads.  Still the date line, or the header would end on it and
    lose the title below (the date itself is left null by extractors/date_place.py)."""
    p = TEXT.place.match(page.t(seg))
    if p is None:
        return False
    key = page.k(seg)
    g = FOLDED.date_garbled.match(key, p.end())
    return g is not None and len(key) - g.end() <= 3


def classify(page: Page, seg: Seg) -> str:
    text, key = page.t(seg), page.k(seg)
    if any(_national_anchor(page, seg, m) for m in _nationals(page, seg)):
        return "national"
    if FOLDED.motto.search(key):
        return "motto"
    if FOLDED.party.fullmatch(key.strip(" .")):
        return "party"
    if TEXT.rule.match(text):
        return "rule"
    if not any(ch.isalnum() for ch in text):
        return "aside"  # "|", "*" left over from a table or emphasis a converter broke: nothing to read
    if HEADER.received_stamp.match(text):
        return "received"  # "CÔNG VĂN ĐẾN": a received-document stamp over the header (header.parse_header)
    if TEXT.number.match(text) or HEADER.number_label.match(text):
        return "number"  # also "Số: ……" that no pattern can read (handwritten, OCR noise): still not the issuer
    if _is_date_line(page, seg):
        return "date"
    if FOLDED.vv.match(key):
        return "vv"
    if FOLDED.kinh_gui.match(key):
        return "kinh_gui"
    if FOLDED.distribution_head.match(key):
        return "closing"
    bare = key.strip(" .:!*()[]")
    if _DRAFT.fullmatch(page.bare_to(seg.end)[seg.start : seg.end].strip(" .:!*()[]")) or is_site_banner(text):
        return "aside"  # "DỰ THẢO" over the title, a site's banner over a web copy: not the issuer, not the trích yếu
    if bare in _MARKS and (is_upper(text) or len(bare) <= 10):
        return "mark"
    title = match_title(key)
    if title and (is_upper(text) or title[1] >= len(bare) or HEADER.subject_start.match(key, title[1])):
        return "title"  # "THÔNG BÁO", "thông tư" alone (case lost in a legacy copy), "Báo cáo về …"
    if FOLDED.enacting.match(key) or FOLDED.body_cue.match(key):
        return "body"
    if is_upper(text):
        return "upper"
    return "other"
