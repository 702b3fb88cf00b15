"""Footnotes and endnotes: read from their own parts after the body, numbered as Word numbers them."""
from __future__ import annotations

from ..base import Block
from ..labels import roman
from .package import Package
from .walker import Walker


def note_blocks(package: Package, walker: Walker) -> list[Block]:
    """Footnotes then endnotes, numbered in order of first reference as Word numbers them."""
    if not walker.note_refs:
        return []
    t = walker.t
    out: list[Block] = []
    for kind, rel, default, tag in (("footnote", "/footnotes", "word/footnotes.xml", t.footnote),
                                    ("endnote", "/endnotes", "word/endnotes.xml", t.endnote)):
        ids: list[str] = []
        for ref_kind, ref_id in walker.note_refs:
            if ref_kind == kind and ref_id not in ids:
                ids.append(ref_id)
        if not ids:
            continue
        name = package.related(rel, default)
        root = package.parse(name) if name else None
        if root is None:
            continue
        notes = {n.get(t.id): n for n in root.iter(tag) if n.get(t.type) in (None, "normal")}
        for number, note_id in enumerate(ids, 1):
            note = notes.get(note_id)
            if note is None:
                continue
            mark = str(number) if kind == "footnote" else roman(number)
            blocks: list[Block] = []
            walker.container(note, "footnote", blocks, None)
            for b in blocks:
                b.kind = "footnote"
                b.table = b.row = b.col = None
                if kind == "endnote":
                    b.style = {**(b.style or {}), "note": "endnote"}
            if blocks:
                blocks[0].text = f"{mark} {blocks[0].text.lstrip()}"
            out.extend(blocks)
    return out
