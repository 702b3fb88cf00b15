"""markdown-it tokens to blocks: what a person sees, one block per visual line, each with its source lines.

Emphasis and heading marks, escapes, link targets and HTML tags go; an image leaves its alt text; a list item
keeps its printed marker.  Inside a paragraph, heading or cell, a soft line break is a hard wrap, joined with
one space (as a Markdown viewer shows it), unless an emphasis run ends or starts at the break
(``**QUYẾT ĐỊNH**⏎VỀ VIỆC…``, ``*…năm 2025;*⏎*Căn cứ…*``): the converter wrote the run for an element of its
own in the page it read.  Nothing else: a break inside a citation (``Nghị định số⏎63/2010/NĐ-CP``) or a date
is a wrap.  A space a converter put inside one syllable or one date number (``CHÍNH PH Ủ``, ``năm 20 26``) goes
(:mod:`.respace`, decided by the syllable grammar, not by a word list).

A hard break (two trailing spaces, ``\\``, ``<br>``) always ends the line.  A GFM cell cannot hold a line
break, so converters flatten a cell's paragraphs; inside a cell two more cues end a line: a run of two or more
spaces (markdownify joins paragraphs so), and spaces after a bold run (``**TM. CHÍNH PHỦ** **KT. THỦ
TƯỚNG**``, ``**BỘ QUỐC PHÒNG** Số: 04/2026/TT-BQP``: html2text joins them so), and an empty bold run between
two (``**(Đã ký)********Bùi Thanh Sơn**``: the empty run a paragraph of the page ended with) unless the words on
both sides make one title (``**BỘ********TRƯỞNG**``); italic runs are not split: dates come as ``_ngày_ _13_
_tháng_``.  Two runs side by side with no space (``**KT.****BỘ TRƯỞNG**``) are two words.

Pipe tables become ``cell`` blocks put in reading order by :func:`~vnadmin_nlp.readers.tables.order_table` (a header table column by column, as
the DOCX and HTML readers do); raw HTML blocks (pandoc writes complex tables as HTML) are read by the HTML
reader's walker.
"""
from __future__ import annotations

import re
from typing import Any

from ..base import Block
from ..tables import order_table
from ...lexicon.fold import fold
from ...lexicon.positions import names_position
from ...lexicon.syllables import is_vietnamese_word
from .prepass import Line, Table
from .respace import rejoin

_BR = re.compile(r"<br\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_DELIMS = ("*", "_")
_OPEN = ("strong_open", "em_open")
_CLOSE = ("strong_close", "em_close")
_CLOSING_PUNCT = ",.;:!?)]%"  # "**Văn hóa****, Thể thao**": no space goes before these
_CELL_BREAK = re.compile(r" {2,}")  # markdownify's paragraph end inside a cell


class _VisualLine:
    __slots__ = ("parts", "visible", "bold", "italic", "first")

    def __init__(self, first: int) -> None:
        self.parts: list[str] = []
        self.visible = self.bold = self.italic = 0
        self.first = first


class Renderer:
    """Renders chunks of Markdown lines into blocks; numbers the tables it reads."""

    def __init__(self, md: Any, line_starts: list[int]) -> None:
        self.md = md
        self.line_starts = line_starts
        self.n_tables = 0
        self._walker: Any = None

    # -- blocks -------------------------------------------------------------------------------------------
    def chunk(self, lines: list[Line], out: list[Block], cell: tuple[int, int, int] | None = None) -> None:
        if not any(x.text.strip() for x in lines):
            return
        tokens = self.md.parse("\n".join(x.text for x in lines))
        marker = ""
        heading = 0
        skip_to = -1
        rows: list[list[tuple[int, int, list[Block]]]] | None = None
        for tok in tokens:
            if tok.map is not None and tok.map[0] < skip_to:
                continue
            t = tok.type
            if t == "list_item_open":
                marker = (tok.info + tok.markup) if tok.info else tok.markup
            elif t == "heading_open":
                heading = int(tok.tag[1])
            elif t == "heading_close":
                heading = 0
            elif t == "table_open":
                rows = []
            elif t == "tr_open" and rows is not None:
                rows.append([])
            elif t == "inline" and rows is not None:
                blocks: list[Block] = []
                self.inline(tok, lines, blocks, (self.n_tables, len(rows) - 1, len(rows[-1])))
                rows[-1].append((len(rows[-1]), 1, blocks))
            elif t == "table_close" and rows is not None:
                out.extend(self._order([r for r in rows if any(b for _, _, b in r)]))
                rows = None
            elif t == "inline":
                prefix = f"{marker} " if marker else ""
                marker = ""
                self.inline(tok, lines, out, cell, prefix=prefix, heading=heading)
            elif t in ("code_block", "fence"):
                for k, text in enumerate(tok.content.splitlines()):
                    if text.strip():
                        src = lines[min(tok.map[0] + k + (t == "fence"), len(lines) - 1)].src
                        out.append(self._block(text.strip(), src, src, cell, {}))
            elif t == "html_block":
                skip_to = self.html(tok, lines, out, cell)

    def table(self, table: Table, out: list[Block]) -> None:
        """A table the pre-pass found: each cell's lines parsed as Markdown of their own."""
        index = self.n_tables
        rows = []
        for r, cells in enumerate(table.rows):
            row = []
            for c, cell_lines in enumerate(cells):
                blocks: list[Block] = []
                self.chunk(cell_lines, blocks, (index, r, c))
                row.append((c, 1, blocks))
            if any(b for _, _, b in row):
                rows.append(row)
        out.extend(self._order(rows))

    def _order(self, rows: list[list[tuple[int, int, list[Block]]]]) -> list[Block]:
        index = self.n_tables
        self.n_tables += 1
        return order_table(rows, 0, index) if rows else []

    def html(self, tok: Any, lines: list[Line], out: list[Block], cell: tuple[int, int, int] | None) -> int:
        """A raw HTML block, read by the HTML reader's walker; a table runs to its closing tag even across
        blank lines.  Returns the line the next token to read starts at."""
        first, end = tok.map
        depth = sum(len(_TABLE_OPEN.findall(x.text)) - len(_TABLE_CLOSE.findall(x.text)) for x in lines[first:end])
        while depth > 0 and end < len(lines):
            depth += len(_TABLE_OPEN.findall(lines[end].text)) - len(_TABLE_CLOSE.findall(lines[end].text))
            end += 1
        source = "\n".join(x.text for x in lines[first:end])
        import lxml.html  # the html reader's own dependency; only files with raw HTML get here
        from lxml import etree

        from ..html.walker import Walker

        try:
            root = lxml.html.fragment_fromstring(source, create_parent="div")
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return end
        walker = Walker()
        walker.n_tables = self.n_tables
        blocks: list[Block] = []
        walker.container(root, blocks, "paragraph", cell)
        self.n_tables = walker.n_tables
        for b in blocks:
            b.style = {**(b.style or {}), **self._source(lines[first].src, lines[end - 1].src)}
        out.extend(blocks)
        return end

    # -- inline -------------------------------------------------------------------------------------------
    def inline(self, tok: Any, lines: list[Line], out: list[Block], cell: tuple[int, int, int] | None,
               prefix: str = "", heading: int = 0) -> None:
        base = tok.map[0]
        children = tok.children or []
        row = 0
        bold = italic = 0
        line = _VisualLine(row)
        if prefix:
            line.parts.append(prefix)
        delims: list[str] = []
        gap, closer = 0, ""  # 1: a run just closed (``closer``); 2: and spaces followed
        stars = 0  # bold marks since the last text: html2text writes an empty run where a cell's paragraph ended

        def flush() -> None:
            """Pending unmatched marks are not seen, except a rule of underscores."""
            if delims:
                run = "".join(delims)
                delims.clear()
                if run[0] == "_" and len(run) >= 4:  # a rule of underscores, printed
                    add(run)

        def add(text: str) -> None:
            nonlocal stars
            flush()
            line.parts.append(text)
            n = len(text) - text.count(" ")
            if n:
                stars = 0
                line.visible += n
                line.bold += n if bold else 0
                line.italic += n if italic else 0

        def end_line(next_row: int) -> None:
            nonlocal line, stars
            stars = 0
            self._emit(line, base, base + next_row - 1, lines, out, cell, heading)
            line = _VisualLine(next_row)

        for i, c in enumerate(children):
            t = c.type
            if t == "text" and not c.content:  # markdown-it leaves empty text tokens around emphasis
                continue
            if cell is not None and gap and _starts_line(gap, closer, c):
                end_line(row + 1)
                line.first = row
            if t in _CLOSE:  # "_**(Đã ký)**_": the bold run closed with the italic one
                closer = closer if gap == 1 and closer == "strong_close" else t
                gap = 1
            elif gap and t == "text" and not c.content.strip():
                gap = 2
            elif t != "text" or c.content not in _DELIMS:
                gap = 0
            if t in ("strong_open", "strong_close") or (t == "text" and c.content == "*"):
                stars += 2 if t != "text" else 1
            elif (t in ("text_special", "code_inline") or (t == "text" and c.content not in _DELIMS)) and c.content.strip() and stars >= 4:
                if cell is not None and stars >= 8 and line.visible and not _one_title(line.parts, c.content):
                    end_line(row + 1)  # "**(Đã ký)********Bùi Thanh Sơn**": the empty run a paragraph ended with
                    line.first = row
                elif line.parts and not line.parts[-1].endswith(" ") and c.content[0] not in _CLOSING_PUNCT and \
                        not _cut_syllable(line.parts, c.content + _glued_after(children, i)) and \
                        not _cut_number(line.parts, c.content):
                    line.parts.append(" ")  # "**KT.****BỘ TRƯỞNG**": two runs side by side, their space lost
            if t == "text":
                if c.content in _DELIMS:
                    if delims and delims[0] != c.content:
                        flush()  # "**_**": marks of two kinds, neither matched
                    delims.append(c.content)  # an emphasis mark CommonMark could not match: not seen
                elif cell is not None and closer == "strong_close" and gap == 1 and _glued_line(line.parts, c.content):
                    end_line(row + 1)  # "**KT. BỘ TRƯỞNG**THỨ TRƯỞNG": two lines of the cell, the break lost
                    line.first = row
                    add(c.content)
                elif cell is not None and _CELL_BREAK.search(c.content):
                    for k, part in enumerate(_CELL_BREAK.split(c.content)):
                        if k:
                            end_line(row + 1)
                            line.first = row
                        add(part)
                else:
                    add(c.content)
            elif t in ("text_special", "code_inline", "image"):
                add(c.content)
            elif t in ("strong_open", "strong_close"):
                bold += 1 if t == "strong_open" else -1
            elif t in ("em_open", "em_close"):
                italic += 1 if t == "em_open" else -1
            elif t == "html_inline" and _BR.match(c.content):
                end_line(row + 1)
                line.first = row
            elif t == "hardbreak":
                row += 1
                end_line(row)
            elif t == "softbreak":
                row += 1
                if _run_boundary(children, i):
                    end_line(row)
                else:
                    line.parts.append(" ")
        delims.clear()
        self._emit(line, base, base + row, lines, out, cell, heading)

    def _emit(self, line: _VisualLine, base: int, last: int, lines: list[Line], out: list[Block],
              cell: tuple[int, int, int] | None, heading: int) -> None:
        text = rejoin(_SPACES.sub(" ", "".join(line.parts)).strip())
        if not text:
            return
        hints: dict[str, Any] = {}
        if line.visible and line.bold >= line.visible:
            hints["bold"] = True
        if line.visible and line.italic >= line.visible:
            hints["italic"] = True
        if heading:
            hints["heading"] = heading
        top = len(lines) - 1
        out.append(self._block(text, lines[min(base + line.first, top)].src, lines[min(last, top)].src, cell, hints))

    def _block(self, text: str, first: int, last: int, cell: tuple[int, int, int] | None,
               hints: dict[str, Any]) -> Block:
        style = {**hints, **self._source(first, last)}
        if cell is not None:
            return Block(text=text, kind="cell", table=cell[0], row=cell[1], col=cell[2], style=style)
        return Block(text=text, style=style)

    def _source(self, first: int, last: int) -> dict[str, Any]:
        """1-based source lines and the character span of those lines in the decoded file."""
        end = self.line_starts[last + 1] - 1 if last + 1 < len(self.line_starts) else self.line_starts[-1]
        return {"source_lines": (first + 1, last + 1), "source_span": (self.line_starts[first], max(end, 0))}


def _starts_line(gap: int, closer: str, c: Any) -> bool:
    """In a cell, after a bold run: spaces then a new run, or text after a space, starts a line."""
    if closer != "strong_close":
        return False
    if c.type in _OPEN:
        return gap == 2
    return c.type == "text" and c.content not in _DELIMS and c.content.strip() != "" and (
        gap == 2 or c.content[0].isspace())


def _glued_line(parts: list[str], text: str) -> bool:
    """Text glued to a bold run's end in a cell that starts a word of its own in capitals: a new line, unless the
    two make one syllable (``**CHÍNH PH**Ủ``, a word cut by the page's markup)."""
    before = "".join(parts).rstrip()
    if not before or not before[-1].isalpha() or not text[:1].isupper():
        return False
    last, first = before.split()[-1] if before.split() else "", text.split()[0] if text.split() else ""
    return not is_vietnamese_word(last + first)


def _cut_syllable(parts: list[str], text: str) -> bool:
    """``**Nguy****ễn**``: a syllable cut by the page's markup between two runs, its second part in lower case
    (a run of its own, a new word, would start with a capital): no space goes between."""
    before = "".join(parts)
    if not before or not before[-1].isalpha() or not text[:1].islower():
        return False
    last, first = before.split()[-1], text.split()[0] if text.split() else ""
    return is_vietnamese_word(last + first.rstrip(_CLOSING_PUNCT))


def _cut_number(parts: list[str], text: str) -> bool:
    """``123/20****1****8/NĐ-CP``, ``69****/2010/NĐ-CP``: a number or a number-symbol cut between two runs."""
    before = parts[-1] if parts else ""
    return before[-1:].isdigit() and (text[:1].isdigit() or text[:1] == "/")


def _glued_after(children: list[Any], i: int) -> str:
    """The text that follows child ``i`` with no space, across emphasis marks only (``tri****ể****n``: after
    ``ể``, ``n``), up to the first space."""
    out = ""
    for c in children[i + 1:]:
        if c.type in _OPEN or c.type in _CLOSE or (c.type == "text" and (not c.content or c.content in _DELIMS)):
            continue
        if c.type != "text" or c.content[:1].isspace():
            break
        word = c.content.split()[0]
        out += word
        if word != c.content:
            break
    return out


def _one_title(parts: list[str], text: str) -> bool:
    """``**BỘ********TRƯỞNG**``: the words on both sides make one title (``BỘ TRƯỞNG``), so no line ends there;
    a change of case (``**THỐNG ĐỐC********Phó Thống Đốc**``) is two lines."""
    before, after = "".join(parts).split(), text.split()
    if not before or not after or before[-1].isupper() != after[0].isupper():
        return False
    return names_position(fold(f"{before[-1]} {after[0]}")) and not names_position(fold(before[-1]))


def _run_boundary(children: list[Any], i: int) -> bool:
    """An emphasis run closes just before child ``i`` (a soft break) or opens just after it."""
    def meaningful(c: Any) -> bool:
        return not (c.type == "text" and (not c.content.strip() or c.content in _DELIMS))

    before = next((c for c in reversed(children[:i]) if meaningful(c)), None)
    after = next((c for c in children[i + 1:] if meaningful(c)), None)
    return (before is not None and before.type in _CLOSE) or (after is not None and after.type in _OPEN)
