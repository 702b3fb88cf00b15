"""DOCX / DOCM reader: the body XML walked with lxml, in the order Word lays it out.

Why not python-docx: ``Document()`` parses every part eagerly (styles.xml alone is 1 MB in some decrees) and its
``paragraphs`` skip tables, text boxes and automatic numbering, which is where a Vietnamese document keeps its
header (issuer | Quốc hiệu table), its "1.", "a)" labels and its Nơi nhận / signer table.  Here:

- paragraphs and tables come in body order; a header or signature *layout* table is read column by column
  (the whole issuer column, then the whole Quốc hiệu column), a data table row by row;
- Word's automatic numbering is rebuilt from numbering.xml so that the text is what a reader sees;
- text boxes (one branch of ``mc:AlternateContent`` only), footnotes and endnotes become their own blocks;
- deleted revision text is skipped, inserted text kept; soft breaks are "\\n", tabs "\\t".

Modules: ``package`` (the zip and its parts), ``styles``, ``numbering`` (automatic labels), ``walker`` (body
order, runs, tables, text boxes), ``notes`` (footnotes, endnotes), ``properties`` (docProps); the reading order
of tables is shared with the HTML reader in :mod:`vnadmin_nlp.readers.tables`.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..base import Block, CorruptFile, EncryptedFile, RawDocument, Reader, ReaderWarning
from ..ole import CFB_MAGIC
from ..split_number import join_split_number
from .notes import note_blocks
from .numbering import Numbering
from .package import Package
from .properties import read_properties
from .styles import Styles
from .walker import Walker
from .wordml import W_STRICT, W_TRANSITIONAL, word_tags

ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


class DocxReader(Reader):
    """Word 2007+ documents (.docx, macro-enabled .docm)."""

    name = "docx"
    extensions = ("docx", "docm")

    def sniff(self, head: bytes, path: Path) -> bool:
        suffix = path.suffix.lower().lstrip(".")
        if head.startswith(b"PK\x03\x04"):
            if b"word/" in head:
                return True
            if b"xl/" in head or b"ppt/" in head or b"mimetypeapplication/vnd.oasis" in head:
                return False
            return suffix in self.extensions
        # An encrypted .docx is an OLE compound file; so is a .doc renamed .docx: read() tells them apart.
        return head.startswith(CFB_MAGIC) and suffix in self.extensions

    def read(self, path: Path, data: bytes) -> RawDocument:
        if data.startswith(CFB_MAGIC):
            return self._read_compound(path, data)
        if not data.startswith(b"PK"):
            raise CorruptFile(path, "not a DOCX: the file is not a zip package")
        package = Package(path, data)
        root = package.parse(package.main, required=True)
        assert root is not None
        ns = etree.QName(root).namespace or W_TRANSITIONAL
        if ns not in (W_TRANSITIONAL, W_STRICT):
            raise CorruptFile(path, f"{package.main} is not WordprocessingML (root namespace {ns})")
        tags = word_tags(ns)
        styles = Styles(package, tags)
        num_name = package.related("/numbering", "word/numbering.xml")
        numbering = Numbering(package.parse(num_name) if num_name else None, tags, styles)
        walker = Walker(tags, styles, numbering)
        body = root.find(tags.body)
        if body is None:
            raise CorruptFile(path, f"{package.main} has no w:body")
        blocks: list[Block] = []
        walker.container(body, "paragraph", blocks, None)
        blocks.extend(note_blocks(package, walker))
        blocks = join_split_number(blocks)

        warnings: list[ReaderWarning] = []
        if walker.tracked_changes:
            warnings.append(ReaderWarning("tracked_changes",
                                          "the document has tracked changes: deleted text skipped, inserted kept"))
        if numbering.missing:
            warnings.append(ReaderWarning("numbering_missing", "paragraphs refer to list definitions that "
                                          f"numbering.xml lacks (numId {', '.join(sorted(numbering.missing))})"))
        metadata, pages = read_properties(package)
        metadata["tables"] = walker.n_tables
        if any(name.lower().endswith("vbaproject.bin") for name in package.names):
            metadata["macros"] = True
        return RawDocument(blocks=blocks, format="docx", encoding="utf-8", pages=pages, metadata=metadata,
                           warnings=warnings)

    def _read_compound(self, path: Path, data: bytes) -> RawDocument:
        """An OLE file named .docx: an encrypted package (refused), or a legacy .doc read by the .doc reader."""
        if any(marker in data for marker in ENCRYPTED_MARKERS):
            raise EncryptedFile(path, "the DOCX is password-protected (encrypted OLE package); "
                                      "open it in Word, remove the password and save again")
        from ..doc import DocReader  # late import: only a .doc renamed .docx needs the .doc reader

        return DocReader().read(path, data)
