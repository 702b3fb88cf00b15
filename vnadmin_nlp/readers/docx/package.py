"""The DOCX zip (an OPC package): finds the main document part and its related parts through the relationship
files, and refuses encrypted members and zip bombs with a typed error instead of a crash or a hang."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from lxml import etree

from .. import limits
from ..base import CorruptFile, EncryptedFile, UnsupportedFormat
from .wordml import xml_parser

PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CHUNK = 1 << 20  # inflate this much at a time, so that a member lying about its size is stopped while it inflates


class Package:
    """The zip: finds the main document part and its related parts through the relationship files."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise CorruptFile(path, f"not a valid DOCX (damaged zip: {exc})") from None
        except (ValueError, OSError, EOFError) as exc:
            raise CorruptFile(path, f"not a valid DOCX (damaged zip: {exc})") from None
        infos = self.zip.infolist()
        limits.check("max_zip_parts", len(infos), "the number of members in the package", path)
        self.names = {info.filename: info for info in infos}
        self.inflated = 0  # bytes inflated from all parts so far (limit max_package_bytes)
        self.main = self._main_part()
        self.rels = self._rels(self.main)

    def read(self, name: str) -> bytes | None:
        """The bytes of a part, None when the package lacks it."""
        info = self.names.get(name)
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise EncryptedFile(self.path, f"the zip entry {name} is password-protected")
        limits.check("max_part_bytes", info.file_size, f"the declared inflated size of {name}", self.path)
        try:
            return self._inflate(name, info)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, OSError) as exc:
            raise CorruptFile(self.path, f"cannot decompress {name}: {exc}") from None
        except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
            raise EncryptedFile(self.path, f"{name}: {exc}") from None

    def _inflate(self, name: str, info: zipfile.ZipInfo) -> bytes:
        """The member's bytes, counted chunk by chunk against the part and package limits while they inflate: the
        sizes in a zip's headers are the attacker's to write."""
        chunks: list[bytes] = []
        size = 0
        with self.zip.open(info) as member:
            while True:
                chunk = member.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                self.inflated += len(chunk)
                limits.check("max_part_bytes", size, f"the bytes {name} inflates to (so far)", self.path)
                limits.check("max_package_bytes", self.inflated, "the bytes the package's parts inflate to (so far)",
                             self.path)
                chunks.append(chunk)
        return b"".join(chunks)

    def parse(self, name: str, *, required: bool = False) -> etree._Element | None:
        """The XML of a part; a missing or broken optional part is None, a required one raises CorruptFile."""
        blob = self.read(name)
        if blob is None:
            if required:
                raise CorruptFile(self.path, f"not a Word document: the package has no {name}")
            return None
        try:
            return etree.fromstring(blob, xml_parser())
        except etree.XMLSyntaxError as exc:
            if required:
                raise CorruptFile(self.path, f"{name} is not well-formed XML: {exc}") from None
            return None

    def _main_part(self) -> str:
        rels = self._rels("")
        for rel_type, target in rels:
            if rel_type.endswith("/officeDocument"):
                if target in self.names:
                    return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        if any(n.startswith("xl/") for n in self.names) or any(n.startswith("ppt/") for n in self.names):
            raise UnsupportedFormat(self.path, "an Excel or PowerPoint package, not a Word document")
        raise CorruptFile(self.path, "not a Word document: the zip has no word/document.xml")

    def _rels(self, part: str) -> list[tuple[str, str]]:
        """(relationship type, target part name) pairs of a part ("" for the package)."""
        base = PurePosixPath(part).parent if part else PurePosixPath("")
        rels_name = str(base / "_rels" / (PurePosixPath(part).name + ".rels")) if part else "_rels/.rels"
        blob = self.names.get(rels_name) and self.read(rels_name)
        if not blob:
            return []
        try:
            root = etree.fromstring(blob, xml_parser())
        except etree.XMLSyntaxError:
            return []
        out = []
        for rel in root.iter("{%s}Relationship" % PKG_RELS_NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = _normpath(base / target)
            out.append((rel.get("Type") or "", name))
        return out

    def related(self, suffix: str, default: str) -> str | None:
        """The part the main document relates to by this relationship type (styles, numbering, notes)."""
        for rel_type, target in self.rels:
            if rel_type.endswith(suffix) and target in self.names:
                return target
        return default if default in self.names else None


def _normpath(p: PurePosixPath) -> str:
    """A relationship target resolved against its part ("word/../x" -> "x"), never above the package root."""
    parts: list[str] = []
    for piece in p.parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts)
