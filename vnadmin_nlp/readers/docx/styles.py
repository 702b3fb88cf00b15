"""Paragraph and run styles (styles.xml): numbering, bold, italic and alignment a paragraph inherits.

styles.xml is parsed only when a paragraph names a style (it is 1 MB in some decrees), which keeps small
documents fast.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from .package import Package
from .wordml import is_on, to_int


@dataclass
class StyleInfo:
    """What a style sets itself, or (from Styles.get) with its basedOn chain folded in; None = not set."""

    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: str | None = None


class Styles:
    """styles.xml, parsed on first use: only paragraph/run styles named in the body cost anything."""

    def __init__(self, package: Package, tags: SimpleNamespace) -> None:
        self._package = package
        self._t = tags
        self._styles: dict[str, StyleInfo] | None = None
        self._cache: dict[str, StyleInfo] = {}

    def _load(self) -> dict[str, StyleInfo]:
        t = self._t
        styles: dict[str, StyleInfo] = {}
        name = self._package.related("/styles", "word/styles.xml")
        root = self._package.parse(name) if name else None
        if root is not None:
            for st in root.iter(t.style):
                info = StyleInfo()
                based = st.find(t.basedOn)
                if based is not None:
                    info.based_on = based.get(t.val)
                ppr = st.find(t.pPr)
                if ppr is not None:
                    num_pr = ppr.find(t.numPr)
                    if num_pr is not None:
                        nid = num_pr.find(t.numId)
                        lvl = num_pr.find(t.ilvl)
                        info.num_id = nid.get(t.val) if nid is not None else None
                        info.ilvl = to_int(lvl.get(t.val)) if lvl is not None else None
                    jc = ppr.find(t.jc)
                    if jc is not None:
                        info.align = jc.get(t.val)
                rpr = st.find(t.rPr)
                if rpr is not None:
                    info.bold = is_on(rpr.find(t.b), t.val)
                    info.italic = is_on(rpr.find(t.i), t.val)
                styles[st.get(t.styleId) or ""] = info
        return styles

    def get(self, style_id: str | None) -> StyleInfo | None:
        """The style with inherited (basedOn) properties folded in."""
        if not style_id:
            return None
        hit = self._cache.get(style_id)
        if hit is not None:
            return hit
        if self._styles is None:
            self._styles = self._load()
        chain: list[StyleInfo] = []
        seen: set[str] = set()
        sid: str | None = style_id
        while sid and sid not in seen and sid in self._styles:
            seen.add(sid)
            chain.append(self._styles[sid])
            sid = self._styles[sid].based_on
        merged = StyleInfo()
        for info in reversed(chain):  # base first, derived styles override
            for attr in ("num_id", "ilvl", "bold", "italic", "align"):
                value = getattr(info, attr)
                if value is not None:
                    setattr(merged, attr, value)
        self._cache[style_id] = merged
        return merged
