"""The closing zone: signature blocks (TM./KT./Q./TL./TUQ. chains, position, name) and the Nơi nhận list.

Where the two sit side by side (a table in Word, two columns in a PDF) a line may carry both: ``Nơi nhận: KT.
CHỦ TỊCH`` or ``- Như trên; PHÓ CHỦ TỊCH``.  Such lines are cut before they are read; what each line is, and
where it is cut, is :mod:`.closing_lines`.  Blocks side by side are read in the order of their lines (a row of
blocks: positions, then their names).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..data import load
from ..lexicon.bodies import continues_body, starts_with_body_kind
from ..lexicon.fold import fold
from ..lexicon.positions import POSITION_START, names_position
from ..lexicon.syllables import is_vietnamese_word
from ..patterns import FOLDED, TEXT
from .closing_lines import (
    _BARE_PREFIX,
    _FAMILIES,
    _ITEM,
    _SIGNED_LEAD,
    _SIGNING,
    _cut,
    is_authority,
    is_heading,
    is_name,
    is_note,
    is_position,
    rank_length,
    split_rank,
)
from .segments import Page, Seg, is_title_case_name, is_upper, lines
from ..lexicon.lazy import escape, lazy_regex

_NOT_NAMES = lazy_regex(
    "(?:" + "|".join(sorted({escape(fold(w)) for w in [*_SIGNING["annex_heads"], *(r["name"] for rows in load("doc_types").values() if isinstance(rows, list) for r in rows if isinstance(r, dict) and "name" in r)]}, key=len, reverse=True)) + r")(?!\w)"
)
_NOISE_CHARS = lazy_regex(r"[^\p{L}\s]")
MAX_CLOSING_LINES = 60


@dataclass
class SignerBlock:
    """One signature block's lines, found once so the signers and the issuer extractors read the same lines."""

    authority: list[Seg] = field(default_factory=list)
    position: Seg | None = None
    name: Seg | None = None
    rank: Seg | None = None  # "Thượng tướng", "TS." printed before the name, kept out of it

    @property
    def segs(self) -> list[Seg]:
        return [*self.authority, *(s for s in (self.position, self.rank, self.name) if s is not None)]


@dataclass
class ClosingLayout:
    """The closing zone: its span, signature blocks and distribution list (Nơi nhận)."""

    start: int
    end: int
    signers: list[SignerBlock] = field(default_factory=list)
    distribution_head: Seg | None = None
    distribution: list[list[Seg]] = field(default_factory=list)  # one list of line segments per item


def find_closing_start(page: Page, body_start: int) -> int | None:
    """Where the closing begins: the Nơi nhận heading or the first authority line, else after ``./.``."""
    body_lines = page.lines[bisect_left(page._line_starts, body_start) :]  # the lines starting at or after it
    for k, ln in enumerate(body_lines):
        text = page.t(ln)
        if FOLDED.distribution_head.match(page.k(ln)) or (len(text) <= 70 and is_authority(text)):
            for j in range(k - 1, max(k - 4, 0), -1):  # a block before it: "THỐNG ĐỐC" / "Nơi nhận:" (a PDF's order),
                if not (is_position(page, body_lines[j]) or is_name(page.t(body_lines[j]))):  # a row of blocks
                    break
                if is_position(page, body_lines[j]) and TEXT.end_of_body.search(page.t(body_lines[j - 1])):
                    return body_lines[j].start  # "… ./." / "THƯ KÝ" / "Thượng tá Hoàng Văn Thanh" / "TM. HỘI ĐỒNG…"
            return ln.start
    for i, ln in enumerate(body_lines):
        if TEXT.end_of_body.search(page.t(ln)) and i + 1 < len(body_lines):
            return body_lines[i + 1].start
    # A bare signature at the very end: POSITION then a name ("(đã ký) Trần Thanh Mẫn": the note on its line).
    tail = body_lines[-12:]
    for i, ln in enumerate(tail[:-1]):
        if is_position(page, ln) and any(is_name(_SIGNED_LEAD.sub("", page.t(x))) for x in tail[i + 1 : i + 4]):
            return ln.start
    return None


def parse_closing(page: Page, start: int, end: int) -> ClosingLayout:
    """Read signer blocks and the Nơi nhận list in ``[start, end)``; ``end`` of the result is where they stop."""
    out = ClosingLayout(start=start, end=start)
    segs: list[Seg] = []
    for ln in lines(page.text, start, end, MAX_CLOSING_LINES):
        segs.extend(_cut(page, ln))
    block: SignerBlock | None = None
    in_list = False
    last_end = start
    skipped = 0  # stray lines passed over inside the open signature block
    for i, seg in enumerate(segs):
        text = page.t(seg)
        key = page.k(seg)
        open_block = block is not None and block.name is None and bool(block.authority or block.position)
        if FOLDED.distribution_head.match(key):
            out.distribution_head, in_list = seg, True
        elif in_list and text.startswith(_ITEM):
            out.distribution.append([seg])
        elif in_list and out.distribution and _continues_item(page, out.distribution[-1][-1], seg):
            out.distribution[-1].append(seg)
        elif block is not None and block.authority and block.position is None and block.name is None and (
                _continues_authority(page, seg) or (_BARE_PREFIX.fullmatch(page.t(block.authority[-1])) and is_upper(text))):
            last = block.authority[-1]
            block.authority[-1] = Seg(last.start, seg.end, last.blank_before, "authority")  # "KT. BỘ TRƯỞNG" / "BỘ CÔNG AN"
        elif is_authority(text):
            if block is None or block.position is not None or block.name is not None:
                block = SignerBlock()
                out.signers.append(block)
            block.authority.append(seg)
        elif is_note(text):
            pass
        elif open_block and block is not None and block.position is not None and _deputy_of(page, block.position, seg):
            # "THỐNG ĐỐC" / "PHÓ THỐNG ĐỐC": the deputy signs for the head, an implied KT.
            head = block.position
            block.authority.append(Seg(head.start, head.end, head.blank_before, "authority"))
            block.position = seg
        elif open_block and block is not None and block.authority and block.position is not None and is_position(page, seg) and _block_ahead(page, segs, i, names_only=True):
            pass  # a second title under the position ("GIÁM ĐỐC SỞ NỘI VỤ" under "CHỦ TỊCH"): the signer's other office
        elif (is_position(page, seg, after_authority=bool(block and block.authority and block.position is None))
              or (is_heading(page, seg) and _block_ahead(page, segs, i, 2))) and (
            block is None or block.name is not None or block.position is None or _row_ahead(page, segs, i, out.signers)
        ):
            if block is None or block.name is not None or (block.position is not None):
                block = SignerBlock()
                out.signers.append(block)
            block.position = seg
        elif block is not None and block.name is None and (block.position is not None or block.authority) and _name_like(page, seg):
            # Two signers side by side, read row by row (two positions, then two names): names fill them in order.
            waiting = block
            for earlier in reversed(out.signers):
                if earlier.name is not None:
                    break
                if earlier.position is not None or earlier.authority:
                    waiting = earlier
            waiting.rank, waiting.name = split_rank(page, seg)
            if i + 1 < len(segs) and _name_goes_on(page, waiting.name, segs[i + 1]):
                waiting.name = Seg(waiting.name.start, segs[i + 1].end, waiting.name.blank_before, waiting.name.kind)
                last_end = segs[i + 1].end
                del segs[i + 1]
                continue
        elif block is None and out.distribution and _family_first(page, seg):
            block = SignerBlock()  # the name alone after the Nơi nhận list: the lines above it lost (qngai_ct07_2018's scan)
            out.signers.append(block)
            block.rank, block.name = split_rank(page, seg)
        elif in_list and not out.distribution and len(text) < 200:
            out.distribution.append([seg])  # "Nơi nhận:" followed by items without dashes
        elif in_list and not out.signers and len(text) < 200 and _block_ahead(page, segs, i, 10):
            out.distribution[-1].append(seg)  # an item running on without its dash, the signature still to come
        elif open_block and FOLDED.date.search(key):
            break  # a date under a position: a grid of approvals (phiếu trình), not one signature block
        elif open_block and not skipped and len(text) <= 50 and _block_ahead(page, segs, i, 2):
            skipped += 1  # "Nhiệm kỳ 2019 - 2025" between the authority and the position
            continue
        elif open_block and skipped < 4 and _is_noise(text) and _block_ahead(page, segs, i, 6 if in_list else 4, names_only=True, over_noise=True, over_items=in_list):
            skipped += 1  # the stamp and the signature read by OCR: "l@/ BẠM \"", "| — xi 222, 2"
            continue
        else:
            if out.signers or out.distribution:
                break
            continue
        last_end = seg.end
    out.end = last_end
    return out


def _row_ahead(page: Page, segs: list[Seg], i: int, signers: list[SignerBlock]) -> bool:
    """A second position beside a block still waiting for its name (``THƯ KÝ`` / ``CHỦ TRÌ`` / two names): a new
    block when the names that follow, before the next title, are enough for every waiting block and this one."""
    waiting = sum(1 for b in signers if b.name is None)
    names = 0
    for seg in segs[i + 1 : i + 7]:
        if _name_like(page, seg):
            names += 1
        elif is_authority(page.t(seg)) or is_position(page, seg) or is_heading(page, seg):
            break
    return names >= waiting + 1


def _family_first(page: Page, seg: Seg) -> bool:
    """A name line (:func:`is_name`) whose first word, after a rank, is a family name."""
    text = page.t(seg).strip()
    return is_name(text) and text[rank_length(text) :].split()[0] in _FAMILIES


def _name_goes_on(page: Page, name: Seg, nxt: Seg) -> bool:
    """``Nguyễn Mạnh`` / ``Hùng``: the last word of a name wrapped onto the next line, alone on it."""
    word = page.t(nxt)
    if nxt.blank_before or page.text.count("\n", name.end, nxt.start) != 1 or " " in word:
        return False
    whole = f"{page.t(name)} {word}"
    return is_vietnamese_word(word) and is_title_case_name(whole, max_words=5) and not names_position(fold(word))


def _deputy_of(page: Page, head: Seg, seg: Seg) -> bool:
    """``PHÓ THỐNG ĐỐC`` (any case) right under ``THỐNG ĐỐC``."""
    k, h = " ".join(page.k(seg).split()), " ".join(page.k(head).split())
    return len(k) <= 80 and k.startswith(("phó ", "phó\t")) and k[4:].strip() == h


def _block_ahead(
    page: Page, segs: list[Seg], i: int, window: int = 4, names_only: bool = False, over_noise: bool = False, over_items: bool = False
) -> bool:
    """Does a signature line (authority, position or name; only a name with ``names_only``) follow soon after
    ``segs[i]``?  With ``names_only`` only notes (and, ``over_noise``, OCR noise; ``over_items``, the Nơi nhận
    items OCR read between a position and its name, the two columns interleaved) may stand between."""
    for seg in segs[i + 1 : i + 1 + window]:
        text = page.t(seg)
        if _name_like(page, seg):
            return True
        if not names_only and (is_authority(text) or is_position(page, seg)):
            return True
        passed = is_note(text) or (over_noise and _is_noise(text)) or (over_items and text.startswith(_ITEM))
        if names_only and not passed:
            return False
    return False


def _is_noise(text: str) -> bool:
    """A line of a stamp or a signature read by OCR: short, or more symbols and digits than letters."""
    letters = sum(map(str.isalpha, text))
    return len(text) <= 40 and (letters < 4 or len(_NOISE_CHARS.findall(text)) * 2 >= letters)


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
    return (
        is_upper(text)
        and 2 <= len(words) <= 5
        and not is_position(page, seg)
        and all(w.isalpha() for w in words)
        and not _NOT_NAMES.match(page.k(seg))
    )
