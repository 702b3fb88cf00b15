"""What HTML-to-Markdown converters leave that a CommonMark parser cannot read, repaired line by line first.

Three things, all decided on the lines alone (never on the words):

* **Broken emphasis.**  Converters close a bold run on a line of its own (``**ỦY BAN NHÂN DÂN⏎**``) or
  after a space (``*…năm 2025 *``), and open one before a space (``_ Căn cứ…_``); CommonMark reads such
  marks as literal asterisks.  :func:`repair_emphasis` moves a line holding only emphasis marks to the end of
  the line before, and moves a mark that closes (opens) a line after (before) a space onto the word.
* **Empty strikethrough.**  html2text writes the struck spaces of a rule as ``~~~~``, which CommonMark reads
  as a code fence on a line of its own: it goes, as spaces.
* **Tables a pipe-table parser cannot see.**  html2text writes a table without outer pipes, a cell's line
  breaks as line breaks (so one row spans several lines) and ``|`` at a line's start for an empty first cell;
  other converters put every cell on lines of its own between lone ``|`` lines.  :func:`find_tables` finds
  both and returns their rows of cells; everything else is left to markdown-it (GFM tables with outer pipes
  included).

Lines keep their source line number (``Line.src``, 0-based) so every block can point into the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_ONLY_MARKS = re.compile(r"^\s*(\*{1,3}|_{1,3})\s*$")
# a closing run after a space at the line's end / an opening run (never a lone "*": a bullet) before a space
_CLOSE_AFTER_SPACE = re.compile(r"(?<=\S)[ \t]+(\*{1,3}|_{1,3})(\s*)$")
_OPEN_BEFORE_SPACE = re.compile(r"^(\s*)(\*{2,3}|_{1,3})\s+(?=\S)")
# html2text's delimiter row: no outer pipe at the start ("---|---", ":---|---:")
_BARE_DELIMITER = re.compile(r"^\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# …or of one column under a row that starts with a pipe (an empty first cell: ``|  |  **KT. BỘ TRƯỞNG** …``⏎``---``),
# never a setext heading's underline: a heading's text does not start with a pipe
_ONE_COLUMN = re.compile(r"^\s*:?-{3,}:?\s*$")
# html2text's empty strikethrough ("~~~~", the struck spaces of the rule under a header's name): not seen; on a
# line of its own CommonMark would take it for a code fence and the rest of the file for code
_EMPTY_STRIKE = re.compile(r"(?<!~)~{4}(?!~)")
_LONE_PIPE = re.compile(r"^\s*\|\s*$")
_CELL_PIPE = re.compile(r"(?<!\\)\|")
MAX_FIRST_CELL_LINES = 12  # a lone-pipe table's first cell: at most this many lines above the first "|"


@dataclass
class Line:
    text: str
    src: int  # 0-based line number in the decoded file


@dataclass
class Table:
    """A table found by the pre-pass: lines ``start``–``end`` (exclusive) of the repaired lines."""

    start: int
    end: int
    rows: list[list[list[Line]]] = field(default_factory=list)  # rows of cells of (fragments of) lines


def repair_emphasis(lines: list[Line]) -> list[Line]:
    """The lines with broken emphasis marks put where CommonMark can match them (see the module doc)."""
    out: list[Line] = []
    for line in lines:
        if _ONLY_MARKS.match(line.text) and out and out[-1].text.strip():
            out[-1] = Line(out[-1].text.rstrip() + line.text.strip(), out[-1].src)
            continue
        text = _EMPTY_STRIKE.sub(lambda m: " " * len(m.group()), line.text)
        text = _CLOSE_AFTER_SPACE.sub(r"\1\2", text)
        text = _OPEN_BEFORE_SPACE.sub(r"\1\2", text)
        out.append(Line(text, line.src))
    return out


def _blank(line: Line) -> bool:
    return not line.text.strip()


def find_tables(lines: list[Line]) -> list[Table]:
    """The html2text-style and lone-pipe tables among the lines, in order, not overlapping."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        table = None
        if i > 0 and not _blank(lines[i - 1]) and (_BARE_DELIMITER.match(lines[i].text) or (
                _ONE_COLUMN.match(lines[i].text) and lines[i - 1].text.lstrip().startswith("|"))):
            table = _bare_table(lines, i, tables[-1].end if tables else 0)
        elif _LONE_PIPE.match(lines[i].text):
            table = _lone_pipe_table(lines, i, tables[-1].end if tables else 0)
        if table is None:
            i += 1
            continue
        tables.append(table)
        i = table.end
    return tables


def _split_cells(line: Line) -> list[Line]:
    return [Line(part, line.src) for part in _CELL_PIPE.split(line.text)]


def _bare_table(lines: list[Line], delim: int, floor: int = 0) -> Table:
    """html2text: the header row is every line above the delimiter back to an empty line (a line of spaces is a
    ``<br>`` inside the row) or to the table before (``floor``: two tables one under the other, only a line of
    spaces between them, are two); the body ends at a blank line, and a body row ends when
    it has as many cells as the delimiter, except that a line with no pipe after the last row goes to its last
    cell."""
    n_cols = len(_CELL_PIPE.split(lines[delim].text.strip().strip("|")))
    start = delim
    while start > floor and lines[start - 1].text != "":
        start -= 1
    end = delim + 1
    while end < len(lines) and not _blank(lines[end]):
        end += 1
    rows = [_row(lines[start:delim])]
    body = lines[delim + 1:end]
    pipes_after = [sum(len(_CELL_PIPE.findall(x.text)) for x in body[k:]) for k in range(len(body))] + [0]
    current: list[list[Line]] | None = None
    for k, line in enumerate(body):
        parts = _split_cells(line)
        if current is not None and len(current) >= n_cols and (len(parts) > 1 or pipes_after[k] > 0):
            rows.append(current)
            current = None
        if current is None:
            current = [[parts[0]]]
        else:
            current[-1].append(parts[0])
        current.extend([p] for p in parts[1:])
    if current is not None:
        rows.append(current)
    return Table(start, end, rows)


def _row(lines: list[Line]) -> list[list[Line]]:
    cells: list[list[Line]] = [[]]
    for line in lines:
        parts = _split_cells(line)
        cells[-1].append(parts[0])
        cells.extend([p] for p in parts[1:])
    return cells


def _lone_pipe_table(lines: list[Line], first_pipe: int, floor: int) -> Table | None:
    """Cells on lines of their own between lone ``|`` lines; two ``|`` in a row end a row.  The first cell
    starts after a blank line (at most MAX_FIRST_CELL_LINES up); the text after the last ``|`` is not in
    the table."""
    start = first_pipe
    while start > max(floor, first_pipe - MAX_FIRST_CELL_LINES) and not _blank(lines[start - 1]):
        start -= 1
    segments: list[list[Line]] = [lines[start:first_pipe]]
    last_pipe = first_pipe
    i = first_pipe + 1
    current: list[Line] = []
    while i < len(lines):
        line = lines[i]
        if _LONE_PIPE.match(line.text):
            segments.append(current)
            current = []
            last_pipe = i
        elif _blank(line) or len(current) >= MAX_FIRST_CELL_LINES:
            break
        else:
            current.append(line)
        i += 1
    if last_pipe == first_pipe and not segments[0]:
        return None  # one stray "|" with nothing before it: not a table
    rows: list[list[list[Line]]] = [[]]
    for seg in segments:
        if not seg:
            if rows[-1]:
                rows.append([])
            continue
        rows[-1].append(seg)
    rows = [r for r in rows if r]
    return Table(start, last_pipe + 1, rows)
