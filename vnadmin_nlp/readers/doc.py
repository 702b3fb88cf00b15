"""Word 97–2003 binary documents (.doc, .dot), read through antiword, with LibreOffice as the fallback.

Why antiword: it reads a .doc in milliseconds, where LibreOffice needs seconds to start.  Its plain-text mode
keeps what Word shows (automatic list numbers "1.", "a)", footnote markers); its DocBook mode keeps the table
structure (rows and cells).  We take paragraphs from the first and table cells from the second.  Files
antiword cannot read (damaged, exotic versions) are converted by LibreOffice to RTF and read by our RTF reader,
which also knows each run's font.  Text in TCVN3/VNI fonts comes out of antiword as cp1252 mojibake and is
converted by :func:`~vnadmin_nlp.readers.encodings.fix_legacy_text`.

Before running any tool the OLE compound file is checked: an Excel/PowerPoint file or a password-protected
document gets a typed error, not a tool's stderr.
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import cast

from ..files.processes import run_tool, temp_dir
from . import encodings as enc
from .base import (
    Block,
    CorruptFile,
    EncryptedFile,
    MissingDependency,
    RawDocument,
    Reader,
    ReaderError,
    ReaderWarning,
    UnsupportedFormat,
)
from .lines import drop_soft_hyphens, split_layout_gaps
from .ole import CFB_MAGIC, ole_stream_names

WORD2_MAGICS = (b"\xdb\xa5-\x00", b"\x9b\xa5!\x00")  # Word 2.x / Word 1.x files are not OLE containers
ANTIWORD_TIMEOUT = 60
# Set to "libreoffice" to read through LibreOffice even when antiword is there: slower (about 2 s a file),
# but the RTF it writes keeps the fonts, so TCVN3 capitals typed in .VnTimeH come out upper-case.
ENGINE_ENV = "VNADMIN_NLP_DOC_ENGINE"
SOFFICE_TIMEOUT = 180

_OTHER_APPS = {  # OLE stream name -> what the file is
    "Workbook": "an Excel workbook (.xls)",
    "Book": "an Excel 5/95 workbook (.xls)",
    "PowerPoint Document": "a PowerPoint presentation (.ppt)",
    "VisioDocument": "a Visio drawing",
}


_LEGACY_NOTE = {
    "tcvn3": "converted TCVN3 text to Unicode; words typed in the capital fonts (.VnTimeH) stay lowercase, "
             "the font is not visible through antiword",
    "vni": "converted VNI text to Unicode",
}


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


# --------------------------------------------------------------------------- the WordDocument stream


def _word_fib(data: bytes, names: dict[str, tuple[int, int]]) -> tuple[int, bool] | None:
    """(nFib, encrypted) from the start of the WordDocument stream, when it lies in normal sectors."""
    start, size = names["WordDocument"]
    if size < 4096:  # in the mini stream: rare, skip the check
        return None
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    off = (start + 1) << shift
    if off + 12 > len(data):
        return None
    ident, nfib = struct.unpack_from("<HH", data, off)
    if ident != 0xA5EC:
        return None
    flags = struct.unpack_from("<H", data, off + 0x0A)[0]
    return nfib, bool(flags & 0x0100)


# --------------------------------------------------------------------------- antiword output


_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_FOOTNOTE_RULE = re.compile(r"^-{20,}\s*$")
_FOOTNOTE_START = re.compile(r"^\s*\[\d+\]")
_XML_TABLE = re.compile(r"<informaltable\b.*?</informaltable>", re.S)
_XML_ROW = re.compile(r"<row>(.*?)</row>", re.S)
_XML_ENTRY = re.compile(r"<entry>(.*?)</entry>", re.S)
_XML_TAG = re.compile(r"<[^>]+>")
_XML_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _unescape(text: str) -> str:
    def entity(m: re.Match[str]) -> str:
        ref = m.group(1)
        if ref.startswith("#x"):
            return chr(int(ref[2:], 16))
        if ref.startswith("#"):
            return chr(int(ref[1:]))
        return _XML_ENTITIES.get(m.group(0), m.group(0))

    return re.sub(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);", entity, text)


def _xml_tables(xml: str) -> list[list[list[list[str]]]]:
    """Tables from antiword's DocBook output: table -> row -> cell -> lines (one per paragraph)."""
    tables = []
    for tm in _XML_TABLE.finditer(xml):
        rows = []
        for rm in _XML_ROW.finditer(tm.group(0)):
            cells = []
            for em in _XML_ENTRY.finditer(rm.group(1)):
                text = _unescape(_XML_TAG.sub("", em.group(1)))
                cells.append([line.strip() for line in text.split("\n") if line.strip()])
            rows.append(cells)
        tables.append(rows)
    return tables


def _key(text: str) -> str:
    return re.sub(r"[\s|]+", "", text)


def _parse_text(text: str) -> tuple[list[tuple[str, object]], list[str], int]:
    """antiword text -> items in order: ("p", line) | ("t", [table lines]); footnote lines; [pic] count."""
    lines = text.replace("\f", "\n").split("\n")
    foot_at = None
    for i in range(len(lines) - 1, -1, -1):
        if _FOOTNOTE_RULE.match(lines[i]):
            nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
            if _FOOTNOTE_START.match(nxt):
                foot_at = i
                break
    body = lines if foot_at is None else lines[:foot_at]
    footnotes = [] if foot_at is None else [ln.strip() for ln in lines[foot_at + 1:] if ln.strip()]
    items: list[tuple[str, object]] = []
    pictures = 0
    table: list[str] = []
    for line in body:
        if _TABLE_LINE.match(line):
            table.append(line)
            continue
        if table:
            items.append(("t", table))
            table = []
        stripped = line.strip()
        if stripped == "[pic]":
            pictures += 1
        elif stripped:
            items.append(("p", line))
    if table:
        items.append(("t", table))
    return items, footnotes, pictures


def _blocks_from_antiword(text: str, xml: str | None) -> tuple[list[Block], int]:
    items, footnotes, pictures = _parse_text(text)
    xml_tables = _xml_tables(xml) if xml else []
    xml_keys = [_key(" ".join(" ".join(c) for r in t for c in r)) for t in xml_tables]
    k = 0
    table_no = -1
    blocks: list[Block] = []
    for kind, value in items:
        if kind == "p":
            for piece in split_layout_gaps(str(value)):
                blocks.append(Block(piece))
            continue
        lines = cast("list[str]", value)  # a "t" item holds the table's lines
        want = _key(" ".join(ln for ln in lines))
        acc, j = "", k
        while j < len(xml_keys) and len(acc) < len(want):
            acc += xml_keys[j]
            j += 1
        if j > k and (acc == want or SequenceMatcher(None, acc, want, autojunk=False).quick_ratio() >= 0.97):
            for rows in xml_tables[k:j]:
                table_no += 1
                for r, cells in enumerate(rows):
                    for c, cell_lines in enumerate(cells):
                        for line in cell_lines:
                            blocks.append(Block(line, kind="cell", table=table_no, row=r, col=c))
            k = j
        else:  # no matching DocBook table: one row per printed line, cells split at "|"
            table_no += 1
            for r, line in enumerate(lines):
                for c, cell in enumerate(line.strip().strip("|").split("|")):
                    if cell.strip():
                        blocks.append(Block(cell.strip(), kind="cell", table=table_no, row=r, col=c))
    for line in footnotes:
        blocks.append(Block(line, kind="footnote"))
    return blocks, pictures


# --------------------------------------------------------------------------- the reader


def _run(cmd: list[str], timeout: int, path: Path) -> subprocess.CompletedProcess[bytes]:
    try:  # its own process group, killed whole past the time limit (soffice leaves soffice.bin otherwise)
        return run_tool(cmd, timeout=timeout, env={**os.environ, "LC_ALL": "C.UTF-8"})
    except subprocess.TimeoutExpired:
        raise CorruptFile(path, f"{Path(cmd[0]).name} did not finish within {timeout} s") from None


class DocReader(Reader):
    name = "doc"
    extensions = ("doc", "dot")

    def sniff(self, head: bytes, path: Path) -> bool:
        if head.startswith(WORD2_MAGICS):
            return True
        if not head.startswith(CFB_MAGIC):
            return False
        named_doc = path.suffix.lower().lstrip(".") in self.extensions
        if _utf16("WordDocument") in head or _utf16("EncryptedPackage") in head:
            return True
        if any(_utf16(name) in head for name in _OTHER_APPS):
            return named_doc  # a misnamed .xls/.ppt: read() says what it really is
        # The directory usually lies beyond the sniffed bytes, but Word writes the WordDocument stream, which
        # starts with the FIB (wIdent 0xA5EC, then nFib), in one of the first sectors.
        for off in range(512, len(head) - 4, 512):
            if head[off:off + 2] == b"\xec\xa5" and 101 <= struct.unpack_from("<H", head, off + 2)[0] <= 300:
                return True
        return named_doc

    def read(self, path: Path, data: bytes) -> RawDocument:
        warnings: list[ReaderWarning] = []
        if data.startswith(CFB_MAGIC):
            self._check_container(path, data)
        elif not data.startswith(WORD2_MAGICS):
            raise UnsupportedFormat(path, "not a Word 97-2003 document (no OLE compound file header)")

        antiword = shutil.which("antiword")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        prefer_lo = os.environ.get(ENGINE_ENV, "").strip().lower() == "libreoffice"
        with temp_dir("doc") as tmp:  # vnadmin-doc-<pid>-…: removed on every path, or by the next run
            failure = None
            if antiword and not (prefer_lo and soffice):
                source = path if path.is_file() and path.stat().st_size == len(data) else Path(tmp) / "input.doc"
                if source != path:
                    source.write_bytes(data)
                try:
                    blocks, meta = self._antiword(antiword, source, path)
                except CorruptFile as exc:
                    failure = exc.message
                else:
                    return self._finish(blocks, meta, warnings)
            if not soffice:
                if failure is None:
                    raise MissingDependency(path, "antiword (or LibreOffice)",
                                            "apt-get install antiword  (or: apt-get install libreoffice-writer-nogui)")
                raise MissingDependency(path, f"LibreOffice (antiword could not read it: {failure})",
                                        "apt-get install libreoffice-writer-nogui")
            try:
                doc = self._libreoffice(soffice, data, Path(tmp), path)
            except CorruptFile as exc:
                raise CorruptFile(path, f"{failure}; {exc.message}" if failure else exc.message) from None
        if failure:
            warnings.append(ReaderWarning("fallback", f"antiword failed ({failure}); read with LibreOffice"))
        doc.format = "doc"
        doc.metadata["tool"] = "libreoffice"
        doc.warnings[:0] = warnings
        return doc

    def _finish(self, blocks: list[Block], meta: dict, warnings: list[ReaderWarning]) -> RawDocument:
        """Legacy-encoding repair over the whole text (words are judged in context), then clean-up."""
        encoding = None
        if blocks:
            joined = "\n".join(b.text for b in blocks)
            fixed = enc.fix_legacy_text(joined)
            if fixed is not None:
                lines = fixed[0].split("\n")
                if len(lines) == len(blocks):
                    for block, line in zip(blocks, lines):
                        block.text = line
                    encoding = fixed[1]
                    warnings.append(ReaderWarning("legacy_encoding", _LEGACY_NOTE[fixed[1]]))
        for block in blocks:
            block.text = unicodedata.normalize("NFC", block.text)
        blocks = drop_soft_hyphens(blocks)
        meta["tool"] = "antiword"
        return RawDocument(blocks=blocks, format="doc", encoding=encoding, metadata=meta,
                           warnings=warnings)

    # ------------------------------------------------------------------ steps
    def _check_container(self, path: Path, data: bytes) -> None:
        try:
            names = ole_stream_names(data)
        except (ValueError, struct.error) as exc:
            raise CorruptFile(path, f"damaged OLE compound file: {exc}") from None
        if "EncryptedPackage" in names or "EncryptionInfo" in names:
            raise EncryptedFile(path, "password-protected document (encrypted package); remove the password first")
        if "WordDocument" not in names:
            for stream, what in _OTHER_APPS.items():
                if stream in names:
                    raise UnsupportedFormat(path, f"this is {what}, not a Word document")
            raise UnsupportedFormat(path, "OLE compound file without a WordDocument stream: not a Word document")
        fib = _word_fib(data, names)
        if fib and fib[1]:
            raise EncryptedFile(path, "password-protected Word document; remove the password first")

    def _antiword(self, antiword: str, source: Path, path: Path) -> tuple[list[Block], dict]:
        text_run = _run([antiword, "-w", "0", "-m", "UTF-8.txt", str(source)], ANTIWORD_TIMEOUT, path)
        text = text_run.stdout.decode("utf-8", errors="replace")
        if text_run.returncode != 0 or not text.strip():
            err = text_run.stderr.decode("utf-8", errors="replace").strip().splitlines()
            raise CorruptFile(path, f"antiword: {err[-1] if err else 'no text'}")
        xml_run = _run([antiword, "-x", "db", str(source)], ANTIWORD_TIMEOUT, path)
        xml = xml_run.stdout.decode("utf-8", errors="replace") if xml_run.returncode == 0 else None
        blocks, pictures = _blocks_from_antiword(text, xml)
        meta: dict = {"pictures": pictures} if pictures else {}
        return blocks, meta

    def _libreoffice(self, soffice: str, data: bytes, tmp: Path, path: Path) -> RawDocument:
        from .rtf import RtfReader

        src = tmp / "input.doc"
        src.write_bytes(data)
        out_dir = tmp / "out"
        profile = (tmp / "profile").as_uri()
        run = _run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                    "--nolockcheck", "--convert-to", "rtf", "--outdir", str(out_dir), str(src)],
                   SOFFICE_TIMEOUT, path)
        out = out_dir / "input.rtf"
        if run.returncode != 0 or not out.is_file():
            err = (run.stderr or run.stdout).decode("utf-8", errors="replace").strip().splitlines()
            raise CorruptFile(path, f"LibreOffice could not convert it: {err[-1] if err else 'no output'}")
        try:
            return RtfReader().read(out, out.read_bytes())
        except ReaderError as exc:
            raise CorruptFile(path, f"LibreOffice produced unreadable RTF: {exc.message}") from None
