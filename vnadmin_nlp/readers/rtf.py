"""RTF files (.rtf): a small RTF-to-blocks converter of our own that remembers the font of every run.

Why our own: Vietnamese RTF files from the 1990s–2000s carry TCVN3 text in ".VnTime" fonts and VNI text in
"VNI-Times" fonts.  The font is the only exact evidence of the encoding (and of the case: ".VnTimeH" draws
capitals from lowercase codes), and generic RTF-to-text tools throw the font away.

What is handled: the group stack; skipped destinations (\\fonttbl, \\colortbl, \\stylesheet, \\info, \\pict,
\\object, headers/footers, every \\*\\ destination…); \\par, \\line, \\tab, \\cell, \\row (cells become
``kind="cell"`` blocks with table/row/col); \\'xx escapes decoded with the font's \\fcharset or the
document's \\ansicpg; \\uN with \\ucN skipping; footnotes as ``kind="footnote"`` blocks at the end; hidden
text (\\v) dropped.  Text in a TCVN3/VNI font is converted per run by font name; other text falls back to
:func:`~vnadmin_nlp.readers.encodings.fix_legacy_text`.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import encodings as enc
from .base import Block, CorruptFile, RawDocument, Reader, ReaderWarning

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

# \fcharset -> Python codec for the \'xx bytes of text in that font.
_CHARSETS = {
    0: None, 1: None, 77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "cp950",
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251",
    222: "cp874", 238: "cp1250", 254: "cp437", 255: "cp850",
}
_SYMBOL_CHARSET = 2

_SPECIAL = {
    b"emdash": "\u2014", b"endash": "\u2013", b"lquote": "\u2018", b"rquote": "\u2019", b"ldblquote": "\u201c",
    b"rdblquote": "\u201d", b"bullet": "\u2022", b"tab": "\t", b"emspace": " ", b"enspace": " ", b"qmspace": " ",
}
# "\-" is the optional hyphen, U+00AD: in a TCVN3 run that byte is the letter "ư" (LibreOffice writes it so).
_SYMBOLS = {b"~": "\u00a0", b"_": "\u2011", b"-": "\u00ad", b"\\": "\\", b"{": "{", b"}": "}", b":": ""}

# Layout whitespace inside one line ("BỘ TÀI CHÍNH<40 spaces>CỘNG HÒA…", "VĂN PHÒNG UBND TỈNH<tab>CỘNG HÒA…"):
# the columns of a header typed with spaces or tab stops.  A tab, or 8 spaces or more (4 or more between two
# stretches in capitals), splits the line into separate blocks, except after a list marker ("a)<tab>Khoản 3…")
# and around fill-in blanks ("Số:<spaces>/QĐ-UBND", "ngày<spaces>tháng").
_GAP = re.compile(r"[ \u00a0]*\t[ \t\u00a0]*|[ \u00a0]{4,}")
_WIDE = 8
_LIST_MARKER = re.compile(r"^(?:\(?[0-9]{1,3}[.)]|\(?[a-zđA-ZĐ][.)]|[IVXLC]{1,6}[./]|[-+*•–·●▪■◦])$")
_BLANK_LABEL = re.compile(r"(?:^|\s)(?:số|ngày|tháng|năm)\s*:?$", re.IGNORECASE)


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def split_layout_gaps(text: str) -> list[str]:
    """Split a line at tabs and wide runs of spaces (side-by-side columns typed with whitespace).

    A piece of one or two punctuation marks (a ":" between two tabs) stays attached to the following piece.
    """
    if "\t" not in text and "    " not in text and "\u00a0" not in text:
        stripped = text.strip()
        return [stripped] if stripped else []
    parts: list[str] = []
    start = 0
    for m in _GAP.finditer(text):
        if m.start() == 0 or m.end() == len(text):
            continue
        left = text[start:m.start()].strip()
        right = text[m.end():]
        if not left or _LIST_MARKER.match(left) or right.startswith("/") or _BLANK_LABEL.search(left):
            continue
        if "\t" not in m.group(0) and len(m.group(0)) < _WIDE and not (_capitals(left) and _capitals(right)):
            continue
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    out: list[str] = []
    carry = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if len(part) <= 2 and not any(ch.isalnum() for ch in part):
            carry = f"{carry} {part}".strip()
            continue
        out.append(f"{carry} {part}".strip() if carry else part)
        carry = ""
    if carry:
        if out:
            out[-1] = f"{out[-1]} {carry}"
        else:
            out.append(carry)
    return out


@dataclass
class _Font:
    name: str
    charset: int | None
    encoding: str | None  # tcvn3 / vni from the name
    upper: bool  # TCVN3 capitals font (".VnTimeH")


@dataclass
class _State:
    font: int | None = None
    uc: int = 1
    bold: bool = False
    hidden: bool = False
    intbl: bool = False
    align: str | None = None
    footnote: bool = False


@dataclass
class _Para:
    runs: list[tuple[str, int | None, bool]] = field(default_factory=list)  # text, font, bold

    def add(self, text: str, state: _State) -> None:
        if not text or state.hidden:
            return
        if self.runs and self.runs[-1][1] == state.font and self.runs[-1][2] == state.bold:
            last = self.runs[-1]
            self.runs[-1] = (last[0] + text, last[1], last[2])
        else:
            self.runs.append((text, state.font, state.bold))

    def empty(self) -> bool:
        return not any(t.strip() for t, _, _ in self.runs)


def _parse_fonttbl(group: bytes) -> dict[int, _Font]:
    """Font number -> name, charset and the legacy encoding the name implies."""
    fonts: dict[int, _Font] = {}
    cleaned = group
    for _ in range(4):  # nested {\*\panose …}{\*\falt …} groups
        cleaned = re.sub(rb"\{\\\*[^{}]*\}", b"", cleaned)
    for m in re.finditer(rb"\\f(\d+)((?:[^;{}]|\{[^{}]*\})*);", cleaned):
        num = int(m.group(1))
        body = m.group(2)
        cs = re.search(rb"\\fcharset(\d+)", body)
        name_bytes = re.sub(rb"\\'([0-9a-fA-F]{2})", lambda h: bytes([int(h.group(1), 16)]), body)
        name_bytes = re.sub(rb"\\[a-zA-Z]+-?\d* ?|[{}]", b"", name_bytes)
        name = name_bytes.decode("latin-1").strip()
        encoding, upper = enc.font_encoding(name)
        fonts.setdefault(num, _Font(name, int(cs.group(1)) if cs else None, encoding, upper))
    return fonts


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


class _Parser:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.fonts: dict[int, _Font] = {}
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
        if font is not None and font.charset == _SYMBOL_CHARSET:
            return "symbol"
        if font is not None and font.charset in _CHARSETS and _CHARSETS[font.charset]:
            return _CHARSETS[font.charset]
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
                    self.fonts = _parse_fonttbl(data[pos:end])
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
                para.add(chr(p + 65536 if p < 0 else p), state)
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
            elif word == b"bin" and p:
                pos += p
            elif word in _SPECIAL:
                para.add(_SPECIAL[word], state)
        if pending:
            para.add(self._decode(bytes(pending), state), state)
        self._end_para(para, state)


def _runs_text(runs: list[tuple[str, int | None, bool]], fonts: dict[int, _Font], counts: dict[str, int]) -> str:
    """The text of a paragraph, converting runs in TCVN3/VNI fonts by their font (exact)."""
    out: list[str] = []
    group: list[str] = []
    group_key: tuple[str | None, bool] = (None, False)

    def flush() -> None:
        if not group:
            return
        text = "".join(group)
        encoding, upper = group_key
        if encoding is not None and not text.isascii() and not enc._UNICODE_VI.search(text):
            converted = enc.convert_run(text, encoding, upper=upper)
            if _better(text, converted):
                counts[encoding] = counts.get(encoding, 0) + 1
                text = converted
        elif encoding is not None and upper and text.isascii():
            text = text.upper()  # ASCII letters in an "H" font are drawn as capitals too
        out.append(text)
        group.clear()

    for text, font_no, _bold in runs:
        font = fonts.get(font_no) if font_no is not None else None
        key = (font.encoding, font.upper) if font is not None else (None, False)
        if key != group_key:
            flush()
            group_key = key
        group.append(text)
    flush()
    return "".join(out)


def _better(original: str, converted: str) -> bool:
    """Guard for font-based conversion: refuse when the run reads better as it is (Unicode typed in a
    legacy-named font)."""
    words = [w for w in enc._WORD.findall(original) if not w.isascii()]
    if not words:
        return True
    new_words = [w for w in enc._WORD.findall(converted) if not w.isascii()]
    ok_before = sum(enc.is_vietnamese_word(w) for w in words)
    ok_after = sum(enc.is_vietnamese_word(w) for w in new_words)
    return ok_after >= ok_before


def _style(runs: list[tuple[str, int | None, bool]], fonts: dict[int, _Font], align: str | None) -> dict | None:
    style: dict = {}
    visible = [(t, f, b) for t, f, b in runs if t.strip()]
    if visible and all(b for _, _, b in visible):
        style["bold"] = True
    names = {fonts[f].name for _, f, _ in visible if f is not None and f in fonts}
    if len(names) == 1:
        style["font"] = names.pop()
    if align:
        style["alignment"] = align
    return style or None


def _clean(text: str) -> str:
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # \u surrogate pairs
    return unicodedata.normalize("NFC", text.replace("\x00", ""))


def drop_soft_hyphens(blocks: list[Block]) -> list[Block]:
    """Remove the soft hyphens left once legacy text is converted (they are invisible) and empty blocks."""
    out = []
    for block in blocks:
        if "\u00ad" in block.text:
            block.text = block.text.replace("\u00ad", "").strip()
        if block.text:
            out.append(block)
    return out


class RtfReader(Reader):
    name = "rtf"
    extensions = ("rtf",)

    def sniff(self, head: bytes, path: Path) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")

    def read(self, path: Path, data: bytes) -> RawDocument:
        body = data.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not body.startswith(b"{\\rtf"):
            raise CorruptFile(path, "not an RTF file (no {\\rtf header)")
        parser = _Parser(body)
        parser.parse()
        counts: dict[str, int] = {}
        blocks: list[Block] = []
        for kind, runs, where in parser.blocks:
            text = _clean(_runs_text(runs, parser.fonts, counts))
            style = _style(runs, parser.fonts, where.get("align"))
            for line in text.split("\n"):
                for piece in (split_layout_gaps(line) if kind == "paragraph" else [line.strip()]):
                    if not piece:
                        continue
                    if kind == "cell":
                        blocks.append(Block(piece, kind="cell", table=where["table"], row=where["row"],
                                            col=where["col"], style=style))
                    else:
                        blocks.append(Block(piece, style=style))
        for runs in parser.footnotes:
            text = _clean(_runs_text(runs, parser.fonts, counts))
            for line in text.split("\n"):
                if line.strip():
                    blocks.append(Block(line.strip(), kind="footnote"))

        warnings: list[ReaderWarning] = []
        encoding = parser.ansi_codec
        if counts:
            encoding = max(counts, key=counts.get)
            used = sorted({f.name for f in parser.fonts.values() if f.encoding})
            warnings.append(ReaderWarning("legacy_encoding",
                                          f"converted {encoding.upper()} text to Unicode by font ({', '.join(used)})"))
        # Text in ordinary fonts may still be legacy bytes (fonts renamed or lost): score it word by word.
        if blocks:
            joined = "\n".join(b.text for b in blocks)
            fixed = enc.fix_legacy_text(joined)
            if fixed is not None and fixed[0] != joined:
                lines = fixed[0].split("\n")
                if len(lines) == len(blocks):
                    for block, line in zip(blocks, lines):
                        block.text = line
                    if not counts:
                        encoding = fixed[1]
                    warnings.append(ReaderWarning("legacy_encoding",
                                                  f"converted {fixed[1].upper()} text found outside legacy fonts"))
        blocks = drop_soft_hyphens(blocks)
        metadata = {"fonts": sorted({f.name for f in parser.fonts.values()})} if parser.fonts else {}
        return RawDocument(blocks=blocks, format="rtf", encoding=encoding, metadata=metadata, warnings=warnings)
