"""Columns of a plain text copy: side-by-side header and closing blocks, and tables drawn with box characters.

Text converters set a page's two-column blocks (issuer | Quốc hiệu, Nơi nhận | signer) side by side on one line:
``pdftotext -layout`` and w3m pad them with runs of spaces at a common position, w3m and lynx draw tables with
box-drawing characters (``┌─┬─┐ │ … │``).  Read as running text, the issuer line swallows the Quốc hiệu.  Here
those blocks become rows of cells, put in reading order by :func:`~vnadmin_nlp.readers.tables.order_table`
like the DOCX and HTML readers' tables (a layout table column by column, a data table row by row); the box
characters are dropped.  A text without such a layout stays one block, exactly as it was.
"""
from __future__ import annotations

import re

from .column_names import gutter_name, name_tail
from .base import Block
from .layout.vocabulary import COLUMN_ANCHOR_RIGHT
from .lines import _HYPHEN_CUT, _NUMBER_LABEL, column_gap
from .tables import LAYOUT_TABLE_CUES, order_table
from .text_boxes import BOX_CHARS, box_blocks, box_regions, cols, unwrap

__all__ = ["column_blocks", "unwrap"]

# lynx/w3m marks of struck or inserted text ("[DEL:   :DEL]"): never a column of their own
_MARKUP = re.compile(r"\[[A-Z]{1,4}:|:[A-Z]{1,4}\]")
MIN_GAP = 3  # spaces between two columns on one line
ANCHORED_GAP = 2  # …or before the Quốc hiệu ("NGÂN HÀNG NHÀ NƯỚC  CỘNG HÒA XÃ HỘI…", w3m) in a block found below
MIN_GUTTER = 2  # free width the lines of a block must share
HEADER_LINES = 8  # a header block opens within the first non-blank lines of the text
_NATIONAL_ANCHOR = re.compile(r"CỘNG\s*H[OÒ][ÀA]\s+XÃ\s+HỘI")  # the Quốc hiệu, in capitals
MAX_BLANKS = 2  # blank lines inside a block
_LIST_LINE = re.compile(r"^\s*(?:[-+•–]\s|N[ơo]i\s+nh[ậâa]n\b)", re.IGNORECASE)  # the Nơi nhận list, its head


def _runs(line: str, min_gap: int = MIN_GAP) -> list[tuple[int, int]]:
    """Display intervals [x0, x1) covered by text."""
    xs = cols(line)
    runs: list[tuple[int, int]] = []
    for m in re.finditer(r"\S+", line):
        x0, x1 = xs[m.start()], xs[m.end() - 1] + 1
        if runs and x0 - runs[-1][1] < min_gap:
            runs[-1] = (runs[-1][0], x1)
        else:
            runs.append((x0, x1))
    return runs


def _fit(runs: list[tuple[int, int]], lo: int, hi: int, min_gutter: int = MIN_GUTTER) -> tuple[int, int] | None:
    """The gutter narrowed to the free space of a line, or None when text crosses it."""
    for a, b in runs:
        if b <= lo or a >= hi:
            continue
        if a <= lo + 0 and b >= hi:
            return None
        # text inside the gutter: keep the wider free side
        left, right = (lo, a), (b, hi)
        lo, hi = max(left, right, key=lambda g: g[1] - g[0])
    return (lo, hi) if hi - lo >= min_gutter else None


def _sides(runs: list[tuple[int, int]], lo: int, hi: int) -> tuple[bool, bool]:
    return any(b <= lo for a, b in runs), any(a >= hi for a, b in runs)


def _split(line: str, cut: int) -> tuple[str, str]:
    xs = cols(line)
    i = next((k for k, x in enumerate(xs) if x >= cut), len(line))
    return line[:i].strip(), line[i:].strip()


def _grow(lines: list[str], i: int, gutter: tuple[int, int],
          min_gutter: int = MIN_GUTTER) -> tuple[int, int, tuple[int, int], dict[int, int]] | None:
    """Lines [start, end) around the two-column line i that share a free gutter; trimmed to the two-column
    lines and the one-sided lines that touch them (and a signer's authority or position in capitals set above
    them after a blank line).  The last item: the lines cut elsewhere than at the gutter (:mod:`.column_names`)."""
    lo, hi = gutter
    kinds: dict[int, str] = {i: "both"}
    named: dict[int, int] = {}
    for step in (1, -1):
        j, blanks = i + step, 0
        while 0 <= j < len(lines):
            if "\t" in lines[j]:
                break
            if not lines[j].strip():
                blanks += 1
                if blanks > MAX_BLANKS:
                    break
                kinds[j] = "blank"
                j += step
                continue
            blanks = 0
            runs = _runs(lines[j])
            x = gutter_name(lines[j], lo, hi) if step == 1 else None
            if x is not None:  # a name set inside the gutter: the gutter kept as it is
                named[j], kinds[j] = x, "both"
                j += step
                continue
            fit = _fit(runs, lo, hi, min_gutter)
            if fit is None:
                runs = _runs(lines[j], ANCHORED_GAP)
                fit = _fit(runs, lo, hi, min_gutter)
                if fit is None or not COLUMN_ANCHOR_RIGHT.match(_split(lines[j], fit[1])[1]):
                    x = name_tail(lines[j], lo, hi) if step == 1 else None
                    if x is not None:
                        named[j], kinds[j] = x, "both"
                        j += step
                        continue
                    if _at_edge(lines[j], hi):
                        kinds[j] = "both"  # the gutter kept as it is: the next lines have their usual gap
                        j += step
                        continue
                    break
            lo, hi = fit
            left, right = _sides(runs, *fit)
            if left and right and _two_columns(lines[j], fit[1]):
                kinds[j] = "both"
            else:
                kinds[j] = "left" if left else "right"
            j += step
    both = [k for k, v in kinds.items() if v == "both"]
    start, end = min(both), max(both)
    while True:
        k = start - 1
        while kinds.get(k) == "blank":
            k -= 1
        if kinds.get(k) not in ("left", "right"):
            break
        if k < start - 1 and kinds[k] == "left" and not _LIST_LINE.match(lines[k]):
            break  # over blank lines: a line of the right column, or the Nơi nhận list, never running text
        start = k
    while end + 1 in kinds and kinds[end + 1] in ("left", "right"):
        if kinds[end + 1] == "left" and _title(lines[end + 1]) and not _cut_value(_split(lines[end], hi)[0]):
            break
        end += 1
    return start, end + 1, (lo, hi), {k: x for k, x in named.items() if start <= k <= end}


def _cut_value(left: str) -> bool:
    """A column's line that ends inside a value the next line finishes: a number-symbol cut at its hyphen
    ("Số: 21/2025/TT-" | "BNV"), a number label ("Nghị quyết số:"): the next line, though set like a title, goes on."""
    return bool(_HYPHEN_CUT.search(left) or _NUMBER_LABEL.search(left))


def _seed(line: str, head: bool) -> tuple[int, int] | None:
    """The gutter of a header line that opens a two-column block although no wide gap shows it: the Quốc hiệu
    set alone, indented, with the issuer above or below it at the left ("BỘ NGOẠI GIAO" over
    "<spaces>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"), or run into the issuer with one space ("THỦ TƯỚNG CHÍNH PHỦ CỘNG
    HÒA XÃ HỘI CHỦ NGHĨA VIỆT", pdftotext -layout of two narrow cells)."""
    if not head:
        return None
    m = _NATIONAL_ANCHOR.search(line)
    if not m:
        return None
    x = cols(line)[m.start()]
    before = line[:m.start()]
    if not before.strip():
        return (0, x) if x >= MIN_GAP else None
    if before.endswith(" ") and _title(" " + before) and len(before.split()) >= 2:
        return (cols(line)[len(before.rstrip()) - 1] + 1, x)
    return None


def _aligned(lines: list[str], i: int) -> tuple[int, int] | None:
    """The gutter of a closing line whose last word or two start, after a space or two, at the column where the
    line above (a blank line between at most), set alone and indented, starts: a signature cell's line w3m set
    beside a Nơi nhận item (``Nguyễn Hoàng`` over ``- Cục Kiểm tra …, Bộ  Long``); only a list item's line
    (never a title under the date: ``NGHỊ ĐỊNH`` under ``Hà Nội, ngày …``)."""
    k = i - 1 if i and lines[i - 1].strip() else i - 2
    if k < 0 or not lines[k].strip() or len(_runs(lines[k])) != 1 or not _LIST_LINE.match(lines[i]):
        return None
    x = len(lines[k]) - len(lines[k].lstrip(" "))
    xs = cols(lines[i])
    j = next((n for n, c in enumerate(xs) if c >= x), None)
    if x < 20 or j is None or xs[j] != x or not lines[i][j - 1].isspace() or lines[i][j].isspace():
        return None
    left, right = lines[i][:j].strip(), lines[i][j:].strip()
    ok = sum(c.isalnum() for c in left) >= 2 and len(right) <= 20 and len(right.split()) <= 3 and right[0].isupper()
    return (x - 1, x) if ok else None


def _at_edge(line: str, edge: int) -> bool:
    """A line whose left column runs up to the right column's edge, one space short of it (w3m pads a cell to
    its width and puts one space between cells): ``- Hội đồng nhân dân, … trực thuộc Lê Tấn Cận``.  Only a
    signature line counts (capitalised words or a note, few of them, after a cell in sentence case), never running
    text nor a title in capitals (``QUY ĐỊNH HÌNH THỨC XỬ PHẠT TRỤC XUẤT, BIỆN PHÁP TẠM GIỮ``)."""
    xs = cols(line)
    i = next((k for k, x in enumerate(xs) if x >= edge), None)
    if i is None or i == 0 or not line[i - 1].isspace() or line[i].isspace():
        return False
    left, right = line[:i].strip(), line[i:].strip()
    words = right.split()
    # the left cell in sentence case (a list item): a title in capitals runs on with one space, it is no cell
    return (sum(c.isalnum() for c in left) >= 2 and any(c.islower() for c in left)
            and 1 <= len(words) <= 6 and len(right) <= 40
            and all(w[0].isupper() or w[0] in "([" for w in words))


def _two_columns(line: str, cut: int) -> bool:
    """Text with letters or digits on both sides of the cut, and a gap that separates columns."""
    left, right = (_MARKUP.sub(" ", side).strip() for side in _split(line, cut))
    return (sum(c.isalnum() for c in left) >= 2 and sum(c.isalnum() for c in right) >= 2
            and column_gap(left, right))


def _title(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(line) - len(line.lstrip()) > 0 or False


def _space_regions(lines: list[str]) -> list[tuple[int, int, int, dict[int, int]]]:
    """Header and closing blocks laid out with spaces: (first line, end line, cut column, the lines cut
    elsewhere)."""
    regions: list[tuple[int, int, int, dict[int, int]]] = []
    nonblank = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or BOX_CHARS.search(line) or "\t" in line:
            i += 1
            continue
        nonblank += 1
        runs = _runs(line)
        seed = (_seed(line, nonblank <= HEADER_LINES) or _aligned(lines, i)) if len(runs) == 1 else None
        if len(runs) >= 2 or seed:
            gaps = [(runs[k][1], runs[k + 1][0]) for k in range(len(runs) - 1)]
            if seed:
                grown = _grow(lines, i, seed, 1)
            else:
                lo, hi = max(gaps, key=lambda g: g[1] - g[0])
                grown = None if not _two_columns(line, hi) else _grow(lines, i, (lo, hi))
            if grown:
                start, end, (glo, ghi), named = grown
                cut = ghi
                text = "\n".join(lines[start:end])
                sides = [_split(ln, named.get(k, cut)) for k, ln in enumerate(lines[start:end], start)]
                left = "\n".join(a for a, _ in sides)
                head = nonblank <= HEADER_LINES
                closing = re.search(r"(?im)^\s*(Nơi\s+nhận|(TM|KT|TL|TUQ)\s*\.)", "\n".join(
                    a + "\n" + b for a, b in sides))
                if left.strip() and LAYOUT_TABLE_CUES.search(text) and (head or closing) and \
                        not (regions and start < regions[-1][1]):
                    regions.append((start, end, cut, named if closing else {}))
                    nonblank += sum(1 for ln in lines[i + 1:end] if ln.strip())
                    i = end
                    continue
        i += 1
    return regions


# A number label that ends its line, its number starting the next ("Nghị quyết số:" | "106/2025/UBTVQH15",
# pdftotext -layout of a narrow cell set apart from the header's columns)
_LABEL_BREAK = re.compile(r"(?<=\bsố:)[ \t]*\n[ \t]*(?=\d)", re.IGNORECASE)


def _label_lines(text: str) -> str:
    """Running text with a number label and its number on one line (:func:`~.lines.number_label_cut`)."""
    return _LABEL_BREAK.sub(" ", text) if "ố:" in text else text


def _paragraphs(side: list[str]) -> list[str]:
    """One column's lines unwrapped paragraph by paragraph: a blank line is the document's own break, never a
    wrap ("Độc lập - Tự do - Hạnh phúc" | blank | "Hà Nội, ngày 31 tháng 12 năm" stay apart)."""
    out: list[str] = []
    para: list[str] = []
    for t in [*side, "\n"]:
        if t == "\n":
            out += unwrap(para)
            para = []
        else:
            para.append(t)
    return out


def column_blocks(text: str) -> list[Block]:
    """The text as blocks: running text as paragraphs, column blocks and box tables as cells in reading order."""
    lines = text.split("\n")
    found: list[tuple[int, int, list[Block]]] = []
    boxes = box_regions(lines)
    for t, (a, b) in enumerate(boxes):
        found.append((a, b, box_blocks(lines[a:b], t)))
    taken = {k for a, b in boxes for k in range(a, b)}
    for a, b, cut, named in _space_regions(lines):
        if any(k in taken for k in range(a, b)):
            continue
        table = len(boxes) + len(found)
        # a blank line of the block ends a paragraph of both columns ("\n" in the side's list); a line with text
        # on one side only leaves the other side's line out
        sides = [_split(ln, named.get(k, cut)) if ln.strip() else ("\n", "\n") for k, ln in enumerate(lines[a:b], a)]
        left, right = [x for x, _ in sides], [y for _, y in sides]
        rows = [[(c, 1, [Block(text=t, kind="cell", table=table, row=0, col=c) for t in _paragraphs(side)])
                 for c, side in ((0, left), (1, right))]]
        found.append((a, b, order_table(rows, 2, table)))
    if not found:
        return [Block(text=_label_lines(text))]
    found.sort(key=lambda f: f[0])
    out: list[Block] = []
    pos = 0
    for a, b, blocks in found:
        if a > pos:
            out.append(Block(text=_label_lines("\n".join(lines[pos:a]))))
        out.extend(blocks)
        pos = b
    if pos < len(lines):
        out.append(Block(text=_label_lines("\n".join(lines[pos:]))))
    return out
