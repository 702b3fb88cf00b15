"""Signer blocks: authority chain (TM./KT./Q./TL./TUQ.), position, name — one per block, joint documents have several."""
from __future__ import annotations

from ..lexicon.spaces import squash
from ..model import Signer
from .base import Context
from .fields import SignersFields
from .registry import extractor


@extractor("signers", assigns=("signers",))
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
        if signer.name is None:
            ctx.warn("signer_name_missing", "a signature block has no name (a draft or an unsigned copy)", signer.span)
        out.append(signer)
    return {"signers": out}
