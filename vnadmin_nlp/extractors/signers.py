"""Signer blocks: authority chain (TM./KT./Q./TL./TUQ.), position, name — one per block, joint documents have several.

A name read from OCR that is no name (a word that is no Vietnamese syllable, ``Bũï Fhanh Quang``, or the wrong
case, ``NÑguyến``, or no family name of ``signing.yaml`` first, ``Ngọc Phúc`` with ``Nguyễn`` under a black
stroke) leaves its block out, with ``signer_unreadable`` quoting the block: tesseract reads a
signature or a seal over the name as letters, and a signer named wrongly is worse than none.  So is a block
whose position holds a word read at a low confidence that no position of the closed vocabulary has, a block
whose name OCR found under a line of printed text that stands below the position (a grid of signatures), and an
OCR'd block with an authority line but no position (``TM.BAN THƯỜNG VỤ`` over a seal that hid ``CHỦ TỊCH``: every
TM./KT./TL. line has a position under it), and an OCR'd block with no name whose name's line under it was
read as no name (``C)Ngugế ¡Đình Trung``): an unsigned copy has no such line.

Only the name's own doubts cost the name, though: when the doubt is the position's or the authority's
(``PHÓ CHỦ TỊCH HƯỜNG TRỤC`` under ``TM. BANCHẮÁP HÀNH``) and the name is sure (:func:`sure_name`: a family name
of the table, each word a syllable read at :data:`NAME_SURE_CONF` or more; read alike twice when the position
line is lost altogether), the name is given with its position null and ``signer_position_missing`` quoting the
lines left out.
"""
from __future__ import annotations

from typing import Any

from ..lexicon.fold import fold
from ..lexicon.lazy import lazy_re
from ..lexicon.ocr_vocabulary import known_words, position_lookalike
from ..lexicon.spaces import squash
from ..model import Signer
from .base import Context
from .fields import SignersFields
from ..readers.signature_lines import family_first, is_name
from .ocr_doubt import WORD_MIN_CONF, line_between, name_doubt, on_ocr, word_flaw, words_for
from .registry import extractor


_GLUED_PREFIX = lazy_re(r"^((?:TM|KT|TL|TUQ|Q)\.)(?=[^\s\d])")
_EDGE_JUNK = lazy_re(r"^[^\w(]+|[^\w).]+$")
_PUNCT = "\"'“”‘’()[]{},.;:!?…-–—*"


def _unsure_words(words: list[Any]) -> str:
    """The words of an OCR'd position read under :data:`.ocr_doubt.WORD_MIN_CONF` that are no word of the closed
    vocabulary (``PHÓ CHỦ TỊCH HƯỜNG TRỤC`` for THƯỜNG TRỰC: ``TRỤC`` at 68; ``TỊCH`` at 72 is a position's word)."""
    vocabulary = known_words()
    bad = [w for w in words if int(w[1]) < WORD_MIN_CONF and fold(str(w[0]).strip(_PUNCT)) not in vocabulary]
    return ", ".join(f"{str(w[0])!r} (conf {int(w[1])})" for w in bad)


def _doubtful_authority(ctx: Context, authority: list[str]) -> str:
    """The words of OCR'd authority lines read at a low confidence that no word of the vocabulary is
    (``TM. BANCHẮÁP HÀNH``: ``BANCHẮÁP`` at 25)."""
    found = []
    for line in authority:
        read = words_for(ctx, line)
        if read is not None and (unsure := _unsure_words(read[0])):
            found.append(unsure)
    return ", ".join(found)


NAME_SURE_CONF = 75  # every word of an OCR'd name read at this confidence or more: it stands without its position (ld_052: Lê at 79 read again)
NAME_LINES = 3  # lines under an OCR'd block without a name where its name would stand


def _unread_name(ctx: Context, end: int) -> str | None:
    """The first of the :data:`NAME_LINES` lines after a block (``end``) holding a word of two letters or more,
    other than a distribution item (``- Như trên;``) or a signature stamp's label: the name, misread through the
    signature or the seal (``C)Ngugế ¡Đình Trung``, ``LÊ ‹£ Dũ``); an OCR'd block with no name but such a line
    under it is not an unsigned copy."""
    for line in ctx.text[end:].split("\n")[1 : 1 + NAME_LINES]:
        text = line.strip()
        if not text or text[:1] in "-–+•":
            continue
        if _STAMP_LABEL.match(text):
            break
        if any(len(w) >= 2 for w in _WORDS.findall(text)):
            return text
    return None


def sure_name(ctx: Context, name: str, twice: bool = False) -> bool:
    """An OCR'd name that stands on its own (its position in doubt): a family name of ``signing.yaml`` first, then
    given-name words, each a Vietnamese syllable capitalised, every word read at :data:`NAME_SURE_CONF` or more
    (``Lê Văn Lợi`` under ``PHÓ CHỦ TỊCH HƯỜNG TRỤC``).  ``twice``: a block whose position line is lost altogether
    under the seal, which may have damaged the name too (qngai_bc280: ``Hiên`` for Hiền at 95, session 17), also
    needs the name read alike by the block's second reading (:mod:`..readers.ocr_signature` marks it checked; a
    family name no other is one letter from may differ in its marks there: bqp_vbhn46's ``Nguyễn Văn Gấu`` read
    ``Nguyên``, :func:`..readers.signature_lines.read_alike`)."""
    if not is_name(name):
        return False
    read = words_for(ctx, name)
    if read is None or not read[0] or any(int(w[1]) < NAME_SURE_CONF for w in read[0]):
        return False
    return not twice or all(len(w) > 6 and isinstance(w[6], dict) and w[6].get("checked") for w in read[0])


_WORDS = lazy_re(r"[^\W\d_]+")
_STAMP_LABEL = lazy_re(r"(?i)(?:ký bởi|người ký|cơ quan|thời gian ký|email|địa chỉ)\s*:")


@extractor("signers", requires=("place",), assigns=("signers",))  # place: a seal's text read as a name
def extract(ctx: Context) -> SignersFields:
    closing = ctx.layout.closing
    if closing is None:
        return {"signers": []}
    out = []
    for block in closing.signers:
        segs = block.segs
        if not segs:
            continue
        t = lambda s: squash(ctx.page.t(s))  # noqa: E731
        signer = Signer(
            authority=[t(s) for s in block.authority],
            position=t(block.position) if block.position else None,
            name=t(block.name).rstrip(".") if block.name else None,
            span=(min(s.start for s in segs), max(s.end for s in segs)),
        )
        ocr = on_ocr(ctx, signer.span)  # the closing read by OCR (not a good layer's, in a partly scanned file)
        why = name_doubt(ctx, signer.name) if ocr and signer.name else None
        if not why and ocr and signer.name and not family_first(signer.name):
            why = f"{signer.name!r} starts with no family name (a word before it lost under the signature)"
        between = line_between(ctx, signer.position, signer.name) if ocr and signer.name and signer.position and block.position else None
        if between and not why:
            why = f"the line {between!r} stands between the position and the name"
        name_why = why  # the doubts from here to position_why are the position's or the authority's
        read = words_for(ctx, signer.position) if not why and signer.position and ocr else None
        if read is not None and signer.position:
            position = _EDGE_JUNK.sub("", signer.position)  # "=='GIÁM ĐỐC": a seal's or a rule's specks before it
            if not position or any(word_flaw(tok) for tok in position.split()):
                why = f"the position {signer.position!r} is not read cleanly"
            elif (unsure := _unsure_words(read[0])) and (like := position_lookalike(position)):
                doubtful = _doubtful_authority(ctx, signer.authority)
                if doubtful:  # one line taken up to lookalikes: the others must be read cleanly
                    why = f"the position {signer.position!r} reads as {like!r} only up to lookalikes, and the authority line holds {doubtful}"
                else:
                    message = f"signers: the position read by OCR {position!r} taken as {like!r} (it holds {unsure})"
                    ctx.warn("signer_position_corrected", message, signer.span)
                    signer.position = like
            elif unsure:
                why = f"the position {signer.position!r} holds words read at a low confidence that no position has ({unsure})"
            else:
                signer.position = position
        position_why = why
        place = ctx.fields.get("place")
        if not why and signer.name and isinstance(place, str) and ocr and fold(signer.name) == fold(place):
            why = f"the name read is the document's place {place!r} (a seal's or a stamp's text)"
        if not why and ocr and any(_GLUED_PREFIX.match(a) for a in signer.authority):
            signer.authority = [_GLUED_PREFIX.sub(r"\1 ", a) for a in signer.authority]  # OCR lost the space: "TM.BAN"
        if not why and signer.authority and signer.position is None and ocr:
            why = position_why = "an authority line (TM./KT./TL.) without the position under it: that line was not read"
        if not why and ocr and signer.name is None and signer.span and (unread := _unread_name(ctx, signer.span[1])):
            why = f"the name's line under the position is not read: {unread!r}"
        if why and why == position_why and not name_why and signer.name and sure_name(ctx, signer.name, twice=signer.position is None):
            lines = " / ".join(t(s) for s in segs if s is not block.name)
            message = f"signers: {signer.name!r} read by OCR cleanly, its position left null ({why}): {lines!r}"
            ctx.warn("signer_position_missing", message, signer.span)
            authority = [] if _doubtful_authority(ctx, signer.authority) else signer.authority
            out.append(Signer(authority=authority, position=None, name=signer.name, span=signer.span))
            continue
        if why:
            lines = " / ".join(t(s) for s in segs)
            ctx.warn("signer_unreadable", f"signers: the name read by OCR is in doubt ({why}), block left out: {lines!r}", signer.span)
            continue
        if signer.name is None:
            ctx.warn("signer_name_missing", "a signature block has no name (a draft or an unsigned copy)", signer.span)
        elif ocr and signer.position is None and not signer.authority:
            ctx.warn("signer_position_missing", f"signers: {signer.name!r} read by OCR with no position above it (its lines not read)", signer.span)
        out.append(signer)
    return {"signers": out}
