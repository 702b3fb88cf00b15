"""The RTF tokenizer and group stack: control words, skipped destinations, \\'xx and \\uN text, paragraphs,
table cells and footnotes, each paragraph kept as runs of (text, font number, bold).

Runs keep their font number so that text in a TCVN3/VNI font can be converted by font afterwards
(:mod:`.runs`); bytes are decoded here with the font's \\fcharset or the document's \\ansicpg.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from .. import encodings as enc
from .fonts import CHARSETS, SYMBOL_CHARSET, Font, parse_fonttbl

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with optional parameter; one space is part of it
    rb"|\\'([0-9a-fA-F]{2})"  # hex escape
    rb"|\\([^a-zA-Z])"  # control symbol
    rb"|([{}])"
    rb"|([^\\{}\r\n]+)"  # plain text
    rb"|[\r\n]+",  # raw line breaks mean nothing in RTF
    re.S,
)
_BRACES = re.compile(rb"\\[\\{}]|[{}]")

# Destinations whose content is not body text.
_SKIP = frozenset(
    b"""fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer footerl footerr
    footerf listtable listoverridetable rsidtbl generator xmlnstbl mmathPr themedata colorschememapping
    latentstyles datastore revtbl pgdsctbl filetbl nonshppict shpinst shprslt do template author operator
    title subject keywords comment doccomm company buptim creatim printim revtim version vern edmins nofpages
    nofwords nofchars nofcharsws id bkmkstart bkmkend pn pnseclvl pntxta pntxtb fldinst datafield
    protusertbl userprops docvar atnid atnauthor annotation txfieldtext formfield""".split()
)

# Control words that stand for a character.
_SPECIAL = {
    b"emdash": "\u2014", b"endash": "\u2013", b"lquote": "\u2018", b"rquote": "\u2019", b"ldblquote": "\u201c",
    b"rdblquote": "\u201d", b"bullet": "\u2022", b"tab": "\t", b"emspace": " ", b"enspace": " ", b"qmspace": " ",
}
# "\-" is the optional hyphen, U+00AD: in a TCVN3 run that byte is the letter "ư" (LibreOffice writes it so).
_SYMBOLS = {b"~": "\u00a0", b"_": "\u2011", b"-": "\u00ad", b"\\": "\\", b"{": "{", b"}": "}", b":": ""}


@dataclass
class _State:
    """Character and paragraph properties of the current group (copied when a group opens)."""

    font: int | None = None
    uc: int = 1
    bold: bool = False
    hidden: bool = False
    intbl: bool = False
    align: str | None = None
    footnote: bool = False


class _Para:
    """The paragraph being read, as runs; adjacent text in the same font and weight is merged (gathered as
    pieces and joined once: merging by concatenation is quadratic in a paragraph of many small tokens)."""

    __slots__ = ("_runs", "_pieces", "_key")

    def __init__(self) -> None:
        self._runs: list[tuple[str, int | None, bool]] = []  # text, font, bold
        self._pieces: list[str] = []
        self._key: tuple[int | None, bool] = (None, False)

    def add(self, text: str, state: _State) -> None:
        if not text or state.hidden:
            return
        key = (state.font, state.bold)
        if not self._pieces or key != self._key:
            self._close()
            self._key = key
        self._pieces.append(text)

    def _close(self) -> None:
        if self._pieces:
            self._runs.append(("".join(self._pieces), self._key[0], self._key[1]))
            self._pieces = []

    @property
    def runs(self) -> list[tuple[str, int | None, bool]]:
        self._close()
        return self._runs

    def empty(self) -> bool:
        return not any(t.strip() for t, _, _ in self.runs)


def _group_end(data: bytes, pos: int) -> int:
    """Index just after the '}' that closes the group whose content starts at ``pos``."""
    depth = 1
    for m in _BRACES.finditer(data, pos):
        tok = m.group(0)
        if tok == b"{":
            depth += 1
        elif tok == b"}":
            depth -= 1
            if depth == 0:
                return m.end()
    return len(data)


class Parser:
    """One pass over the RTF bytes; afterwards ``blocks``, ``footnotes``, ``fonts`` and ``ansi_codec`` hold the
    document."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.fonts: dict[int, Font] = {}
        self.ansi_codec = "cp1252"
        self.default_font: int | None = None
        self.blocks: list[tuple[str, list[tuple[str, int | None, bool]], dict]] = []  # kind, runs, position
        self.footnotes: list[list[tuple[str, int | None, bool]]] = []
        self.table = -1
        self.row = 0
        self.col = 0
        self.in_table = False
        self.footnote_count = 0

    # ------------------------------------------------------------------ helpers
    def _codec(self, state: _State) -> str | None:
        font = self.fonts.get(state.font) if state.font is not None else None
        if font is not None and font.encoding is not None:
            return "legacy"  # TCVN3/VNI tables are keyed by the byte value, whatever \ansicpg says
        if font is not None and font.charset == SYMBOL_CHARSET:
            return "symbol"
        if font is not None and font.charset in CHARSETS and CHARSETS[font.charset]:
            return CHARSETS[font.charset]
        return self.ansi_codec

    def _decode(self, raw: bytes, state: _State) -> str:
        codec = self._codec(state)
        if codec == "legacy":
            return enc.cp1252(raw)
        if codec == "symbol":
            return "\u2022" * len(raw)  # Symbol/Wingdings bullets and dingbats
        return raw.decode(codec or "cp1252", errors="replace")

    def _end_para(self, para: _Para, state: _State, *, cell_end: bool = False) -> _Para:
        if state.footnote:
            if not para.empty():
                self.footnotes[-1].extend(para.runs + [("\n", None, False)])
            return _Para()
        if state.intbl or cell_end:
            if not self.in_table:
                self.in_table = True
                self.table += 1
                self.row = self.col = 0
            if not para.empty():
                self.blocks.append(("cell", para.runs, {"table": self.table, "row": self.row, "col": self.col,
                                                        "align": state.align}))
        else:
            self.in_table = False
            if not para.empty():
                self.blocks.append(("paragraph", para.runs, {"align": state.align}))
        return _Para()

    # ------------------------------------------------------------------ main loop
    def parse(self) -> None:
        data = self.data
        m = re.search(rb"\\ansicpg(\d+)", data[:4096])
        if m:
            codec = f"cp{int(m.group(1))}"
            try:
                codecs.lookup(codec)
                self.ansi_codec = codec
            except LookupError:
                pass
        m = re.search(rb"\\deff(\d+)", data[:4096])
        self.default_font = int(m.group(1)) if m else None

        stack: list[_State] = []
        state = _State(font=self.default_font)
        para = _Para()
        pending = bytearray()  # consecutive \'xx bytes (double-byte code pages need them together)
        skip_chars = 0  # characters still to skip after a \uN
        body_para: _Para | None = None  # the paragraph a footnote interrupted
        group_start = False  # the previous token opened a group: a destination control word may follow
        star = False
        pos = 0
        n = len(data)
        match = _TOKEN.match
        while pos < n:
            m = match(data, pos)
            if m is None:  # a lone backslash at the end, or similar damage
                pos += 1
                continue
            pos = m.end()
            word, param, hexbyte, symbol, brace, text = m.groups()
            if hexbyte is not None:
                if skip_chars:
                    skip_chars -= 1
                    continue
                pending.append(int(hexbyte, 16))
                group_start = False
                continue
            if pending:
                para.add(self._decode(bytes(pending), state), state)
                pending.clear()
            if brace is not None:
                skip_chars = 0
                if brace == b"{":
                    stack.append(state)
                    state = replace(state)
                    group_start, star = True, False
                else:
                    if state.footnote and stack and not stack[-1].footnote:
                        self._end_para(para, state)
                        para, body_para = body_para or _Para(), None
                    state = stack.pop() if stack else state
                    group_start = False
                continue
            if symbol is not None:
                if symbol == b"*":
                    star = group_start
                    continue
                if skip_chars:
                    skip_chars -= 1
                    continue
                para.add(_SYMBOLS.get(symbol, ""), state)
                group_start = False
                continue
            if text is not None:
                if skip_chars:
                    cut = min(skip_chars, len(text))
                    skip_chars -= cut
                    text = text[cut:]
                if text:
                    para.add(self._decode(text, state) if not text.isascii() else text.decode("ascii"), state)
                group_start = False
                continue
            if word is None:  # raw CR/LF
                continue
            # ---------------------------------------------------------- control words
            if group_start and (star or word in _SKIP):
                if word == b"fonttbl":
                    end = _group_end(data, pos)
                    self.fonts = parse_fonttbl(data[pos:end])
                    if state.font is None:
                        state.font = self.default_font
                    pos = end
                    state = stack.pop() if stack else state
                    group_start = False
                    continue
                pos = _group_end(data, pos)
                state = stack.pop() if stack else state
                group_start = False
                continue
            group_start = False
            skip_chars = 0  # Word never puts a control word in the \uN fallback; do not swallow \par
            p = int(param) if param is not None else None
            if word == b"par":
                para = self._end_para(para, state)
            elif word == b"line":
                para.add("\n", state)
            elif word == b"cell" or word == b"nestcell":
                para = self._end_para(para, state, cell_end=True)
                self.col += 1
            elif word == b"row" or word == b"nestrow":
                if self.in_table:
                    self.row += 1
                    self.col = 0
            elif word == b"trowd":
                self.col = 0
            elif word == b"u" and p is not None:
                code = p + 65536 if p < 0 else p
                para.add(chr(code) if 0 <= code <= 0x10FFFF else "\ufffd", state)
                skip_chars = state.uc
            elif word == b"uc" and p is not None:
                state.uc = p
            elif word == b"f" and p is not None:
                state.font = p
            elif word == b"plain":
                state.font, state.bold, state.hidden = self.default_font, False, False
            elif word == b"b":
                state.bold = p != 0
            elif word == b"v":
                state.hidden = p != 0
            elif word == b"pard":
                state.intbl, state.align = False, None
            elif word == b"intbl":
                state.intbl = True
            elif word == b"itap" and p == 0:
                state.intbl = False
            elif word in (b"qc", b"qr", b"qj", b"ql"):
                state.align = {b"qc": "center", b"qr": "right", b"qj": "justify", b"ql": "left"}[word]
            elif word == b"footnote":
                self.footnote_count += 1
                self.footnotes.append([(f"[{self.footnote_count}] ", None, False)])
                body_para, para = para, _Para()  # the body paragraph resumes when the group closes
                state.footnote = True
            elif word == b"chftn":
                if not state.footnote:
                    para.add(f"[{self.footnote_count + 1}]", state)
            elif word == b"bin" and p and p > 0:  # \binN: N raw bytes follow (a negative N would loop back)
                pos += p
            elif word in _SPECIAL:
                para.add(_SPECIAL[word], state)
        if pending:
            para.add(self._decode(bytes(pending), state), state)
        self._end_para(para, state)
