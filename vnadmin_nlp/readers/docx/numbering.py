"""Word's automatic numbering rebuilt from numbering.xml, so that the text reads as on paper ("1.", "a)",
"II.", "-"): the labels are not in the document text, and they carry the Điều/khoản/điểm structure."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from lxml import etree

from ..labels import format_number
from .styles import Styles
from .wordml import is_on, to_int

# Bullet glyphs of numbering levels (lvlText in a symbol font) -> the character written in the text.
# Dashes become "-" so that a recipient list reads "- Như trên;" as on paper.
BULLET_CHARS: dict[str, str] = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf06e": "■", "\uf0a8": "□",
    "\uf02d": "-", "\uf0be": "-", "–": "-", "—": "-", "‒": "-", "−": "-", "\uf0e0": "→", "\uf0f0": "⇒",
    "o": "o", "§": "▪", "\uf071": "❑", "\uf0de": "⇒",
}

# Word's own limits: nine list levels.
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")  # "%1.%2." in lvlText: the counters of levels 1 and 2


@dataclass
class _Level:
    """One w:lvl: where it starts, how it counts, what its label looks like."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart; None = restart after any higher level
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass
class _List:
    """One abstractNum: the level definitions and the counters Word keeps for it."""

    levels: dict[int, _Level] = field(default_factory=dict)
    counters: list[int | None] = field(default_factory=lambda: [None] * _LEVELS)


class Numbering:
    """Rebuilds automatic list labels ("1.", "a)", "II.", "-") from numbering.xml.

    Counters belong to the abstract list, as in Word: two w:num instances of one abstractNum continue each
    other, and a w:lvlOverride/w:startOverride restarts the count the first time its instance is used.
    """

    def __init__(self, root: etree._Element | None, tags: SimpleNamespace, styles: Styles) -> None:
        self._t = tags
        self._styles = styles
        self._abstract: dict[str, _List] = {}
        self._abstract_style_link: dict[str, str] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self._started: set[tuple[str, int]] = set()
        self._instance_lists: dict[str, _List] = {}
        self.missing: set[str] = set()
        if root is not None:
            self._load(root)

    def _load(self, root: etree._Element) -> None:
        t = self._t
        for ab in root.iter(t.abstractNum):
            aid = ab.get(t.abstractNumId_attr) or ""
            lst = _List()
            for lvl in ab.iter(t.lvl):
                lst.levels[to_int(lvl.get(t.ilvl_attr), 0) or 0] = self._level(lvl)
            link = ab.find(t.numStyleLink)
            if link is not None and link.get(t.val):
                self._abstract_style_link[aid] = link.get(t.val) or ""
            self._abstract[aid] = lst
        for num in root.iter(t.num):
            nid = num.get(t.numId_attr) or ""
            ref = num.find(t.abstractNumId)
            aid = ref.get(t.val) if ref is not None else None
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for ov in num.iter(t.lvlOverride):
                ilvl = to_int(ov.get(t.ilvl_attr), 0) or 0
                so = ov.find(t.startOverride)
                if so is not None:
                    starts[ilvl] = to_int(so.get(t.val), 1) or 0
                lvl = ov.find(t.lvl)
                if lvl is not None:
                    levels[ilvl] = self._level(lvl)
            if aid is not None:
                self._nums[nid] = (aid, starts, levels)

    def _level(self, lvl: etree._Element) -> _Level:
        t = self._t
        level = _Level()
        el = lvl.find(t.start)
        if el is not None:
            level.start = to_int(el.get(t.val), 1) or 0
        el = lvl.find(t.numFmt)
        if el is not None:
            level.fmt = el.get(t.val) or "decimal"
        el = lvl.find(t.lvlText)
        if el is not None:
            level.text = el.get(t.val)
        el = lvl.find(t.lvlRestart)
        if el is not None:
            level.restart = to_int(el.get(t.val))
        level.legal = bool(is_on(lvl.find(t.isLgl), t.val))
        el = lvl.find(t.suff)
        if el is not None:
            level.suffix = el.get(t.val) or "tab"
        el = lvl.find(t.pStyle)
        if el is not None:
            level.style = el.get(t.val)
        return level

    def _resolve(self, num_id: str) -> tuple[str, _List] | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        link = self._abstract_style_link.get(aid)
        if link:  # abstractNum that only points at a numbering style: follow the style's own w:num
            style = self._styles.get(link)
            if style is not None and style.num_id and style.num_id != num_id and style.num_id in self._nums:
                aid = self._nums[style.num_id][0]
        lst = self._abstract.get(aid)
        return (aid, lst) if lst is not None else None

    def ilvl_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle is this paragraph style (style-linked outline numbering)."""
        resolved = self._resolve(num_id)
        if resolved is None or not style_id:
            return None
        for ilvl, level in resolved[1].levels.items():
            if level.style == style_id:
                return ilvl
        return None

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list counter for this paragraph and return the label Word shows ("" for none)."""
        resolved = self._resolve(num_id)
        if resolved is None:
            self.missing.add(num_id)
            return None
        _aid, lst = resolved
        _, starts, overrides = self._nums[num_id]
        ilvl = min(max(ilvl, 0), _LEVELS - 1)
        level = overrides.get(ilvl) or lst.levels.get(ilvl) or _Level()
        counters = lst.counters
        key = (num_id, ilvl)
        if ilvl in starts and key not in self._started:
            self._started.add(key)
            counters[ilvl] = starts[ilvl]
        elif counters[ilvl] is None:
            counters[ilvl] = starts.get(ilvl, level.start)
        else:
            counters[ilvl] += 1  # type: ignore[operator]
        for lower in range(ilvl + 1, _LEVELS):
            lower_level = lst.levels.get(lower)
            restart = lower_level.restart if lower_level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[lower] = None
        return self._render(level, lst, overrides, ilvl)

    def _render(self, level: _Level, lst: _List, overrides: dict[int, _Level], ilvl: int) -> str:
        if level.fmt == "bullet":
            glyph = level.text or ""
            label = "".join(BULLET_CHARS.get(ch, ch) for ch in glyph)
            if label and all("\ue000" <= ch <= "\uf8ff" for ch in label):
                label = "•"  # an unknown symbol-font glyph: a bullet is what the reader sees
        elif level.text is None:
            label = format_number(lst.counters[ilvl] or 0, level.fmt)
        else:
            label = level.text
            if "%" in label:
                label = _PLACEHOLDER.sub(lambda m: self._field(m, lst, overrides, level.legal), label)
        if not label.strip():
            return ""
        return label if level.suffix == "nothing" else label + " "

    def _field(self, match: re.Match[str], lst: _List, overrides: dict[int, _Level], legal: bool) -> str:
        k = int(match.group(1)) - 1
        lvl = overrides.get(k) or lst.levels.get(k) or _Level()
        value = lst.counters[k]
        if value is None:
            value = lvl.start
        fmt = "decimal" if legal and lvl.fmt not in ("decimalZero",) else lvl.fmt
        return format_number(value, fmt)
