"""The closing zone: signature blocks (TM./KT./Q./TL./TUQ. chains, position, name) and the Nơi nhận list.

Where the two sit side by side (a table in Word, two columns in a PDF) a line may carry both: ``Nơi nhận: KT.
CHỦ TỊCH`` or ``- Như trên; PHÓ CHỦ TỊCH``.  Such lines are cut before they are read.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..data import load
from ..lexicon.bodies import continues_body, starts_with_body_kind
from ..lexicon.positions import POSITION_START, names_position
from ..patterns import FOLDED, TEXT, compile_section
from .segments import Page, Seg, is_title_case_name, is_upper, lines

_SIGNING = load("signing")
_PREFIXES = sorted(_SIGNING["authority_prefixes"], key=len, reverse=True)
_PREFIX_RE = regex.compile(
    r"(?:^|(?<=\s))(?:" + "|".join(regex.escape(p) + (r"(?=\s|\p{L})" if p.endswith((".", "/")) else r"\b") for p in _PREFIXES) + r")",
    regex.IGNORECASE,  # legacy copies lose the capitals: "Tm. ủy ban nhân dân", "kT/bộ trưởng"
)
_NOTES = list(vars(compile_section("signature_notes")).values())
_RANKS = tuple(_SIGNING["ranks"])
_UPPER_TAIL = regex.compile(r"(?<=[;,.:]\s*|\s{2,})(?P<tail>[\p{Lu}][\p{Lu}\s.,/-]{3,})$")
_NAME_TAIL = regex.compile(r"(?<=[;.]\s+)(?P<tail>(?:[\p{Lu}][\p{Ll}]+\s+){1,5}[\p{Lu}][\p{Ll}]+)$")
_ITEM = ("-", "+", "•", "–", "*")
MAX_CLOSING_LINES = 60


@dataclass
class SignerBlock:
    authority: list[Seg] = field(default_factory=list)
    position: Seg | None = None
    name: Seg | None = None

    @property
    def segs(self) -> list[Seg]:
        return [*self.authority, *(s for s in (self.position, self.name) if s is not None)]


@dataclass
class ClosingLayout:
    start: int
    end: int
    signers: list[SignerBlock] = field(default_factory=list)
    distribution_head: Seg | None = None
    distribution: list[list[Seg]] = field(default_factory=list)  # one list of line segments per item


def is_authority(text: str) -> bool:
    """``TM. ỦY BAN NHÂN DÂN``, ``KT. CHỦ TỊCH``, ``T/M BAN THƯỜNG VỤ``; short lines only (not a sentence)."""
    text = text.strip()
    m = _PREFIX_RE.match(text)
    if not m:
        return False
    return m.group().isupper() or len(text) <= 70


def is_position(page: Page, seg: Seg, after_authority: bool = False) -> bool:
    """An upper-case title line (``PHÓ CHỦ TỊCH``); right under an authority line any case will do."""
    text = page.t(seg)
    if len(text) > 80 or not (is_upper(text) or (after_authority and len(text.split()) <= 6)):
        return False
    key = page.k(seg)
    return names_position(key)


def is_note(text: str) -> bool:
    return any(p.match(text.strip()) for p in _NOTES)


def is_name(text: str) -> bool:
    t = text.strip().rstrip(".")
    for rank in _RANKS:
        if t.startswith(rank + " "):
            t = t[len(rank) + 1 :]
            break
    return is_title_case_name(t, max_words=5)


def find_closing_start(page: Page, body_start: int) -> int | None:
    """Where the closing begins: the Nơi nhận heading or the first authority line, else after ``./.``."""
    body_lines = [ln for ln in page.lines if ln.start >= body_start]
    for ln in body_lines:
        text = page.t(ln)
        if FOLDED.distribution_head.match(page.k(ln)) or (len(text) <= 70 and is_authority(text)):
            return ln.start
    for i, ln in enumerate(body_lines):
        if TEXT.end_of_body.search(page.t(ln)) and i + 1 < len(body_lines):
            return body_lines[i + 1].start
    # A bare signature at the very end: POSITION then a name.
    tail = body_lines[-12:]
    for i, ln in enumerate(tail[:-1]):
        if is_position(page, ln) and any(is_name(page.t(x)) for x in tail[i + 1 : i + 4]):
            return ln.start
    return None


def _cut(page: Page, seg: Seg) -> list[Seg]:
    """Cut a closing line where a second column starts (authority prefix, upper-case position, a name)."""
    text = page.text
    cuts: set[int] = set()
    for m in _PREFIX_RE.finditer(text, seg.start, seg.end):
        if m.start() > seg.start:
            cuts.add(m.start())
    m = FOLDED.distribution_head.match(page.key, seg.start, seg.end)
    if m and m.end() < seg.end:
        cuts.add(m.end())
    line = page.t(seg)
    if line.startswith(_ITEM) or FOLDED.distribution_head.match(page.k(seg)):
        for pat in (_UPPER_TAIL, _NAME_TAIL):
            mt = pat.search(line)
            if mt and mt.start("tail") > 0:
                tail = Seg(seg.start + mt.start("tail"), seg.end)
                if pat is _NAME_TAIL or is_position(page, tail) or is_authority(mt.group("tail")):
                    cuts.add(tail.start)
    bounds = sorted(c for c in cuts if seg.start < c < seg.end)
    out = []
    for a, b in zip([seg.start, *bounds], [*bounds, seg.end]):
        sub = page.sub(seg, a, b)
        if sub is not None:
            out.append(sub)
    return out


def parse_closing(page: Page, start: int, end: int) -> ClosingLayout:
    """Read signer blocks and the Nơi nhận list in ``[start, end)``; ``end`` of the result is where they stop."""
    out = ClosingLayout(start=start, end=start)
    segs: list[Seg] = []
    for ln in lines(page.text, start, end)[:MAX_CLOSING_LINES]:
        segs.extend(_cut(page, ln))
    block: SignerBlock | None = None
    in_list = False
    last_end = start
    for seg in segs:
        text = page.t(seg)
        key = page.k(seg)
        if FOLDED.distribution_head.match(key):
            out.distribution_head, in_list = seg, True
        elif in_list and text.startswith(_ITEM):
            out.distribution.append([seg])
        elif in_list and out.distribution and _continues_item(page, out.distribution[-1][-1], seg):
            out.distribution[-1].append(seg)
        elif block is not None and block.authority and block.position is None and block.name is None and _continues_authority(page, seg):
            last = block.authority[-1]
            block.authority[-1] = Seg(last.start, seg.end, last.blank_before, "authority")  # "KT. BỘ TRƯỞNG" / "BỘ CÔNG AN"
        elif is_authority(text):
            if block is None or block.position is not None or block.name is not None:
                block = SignerBlock()
                out.signers.append(block)
            block.authority.append(seg)
        elif is_note(text):
            pass
        elif is_position(page, seg, after_authority=bool(block and block.authority and block.position is None)) and (
            block is None or block.name is not None or block.position is None
        ):
            if block is None or block.name is not None or (block.position is not None):
                block = SignerBlock()
                out.signers.append(block)
            block.position = seg
        elif block is not None and block.name is None and (block.position is not None or block.authority) and _name_like(page, seg):
            block.name = seg
        elif in_list and not out.distribution and len(text) < 200:
            out.distribution.append([seg])  # "Nơi nhận:" followed by items without dashes
        else:
            if out.signers or out.distribution:
                break
            continue
        last_end = seg.end
    out.end = last_end
    return out


def _continues_authority(page: Page, seg: Seg) -> bool:
    """An upper-case line that goes on naming the body of the authority line above it."""
    text = page.t(seg)
    if not is_upper(text) or len(text) > 60 or is_authority(text):
        return False
    return (starts_with_body_kind(text) or continues_body(text)) and not POSITION_START.match(page.k(seg))


def _continues_item(page: Page, item: Seg, seg: Seg) -> bool:
    prev = page.t(item).rstrip()
    text = page.t(seg)
    if is_authority(text) or is_position(page, seg) or is_name(text) or seg.blank_before:
        return False
    return not prev.endswith((";", ".")) or text[:1].islower()


def _name_like(page: Page, seg: Seg) -> bool:
    text = page.t(seg)
    if is_name(text):
        return True
    # Some copies print the name in capitals: accept 2–5 upper-case words with no position word.
    words = text.split()
    return is_upper(text) and 2 <= len(words) <= 5 and not is_position(page, seg) and all(w.isalpha() for w in words)
