"""Generators of hostile files (issue 14): each builds, in a few KB, a file that asks a reader for gigabytes or
forever.  Used by tests/test_reader_limits.py and scripts/fuzz.py; nothing here is a real document."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(body: str, numbering: str | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX: ``body`` is the inside of w:body; ``numbering`` the inside of w:numbering."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        if numbering is not None:
            z.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
        for name, blob in (extra or {}).items():
            z.writestr(name, blob)
    return buf.getvalue()


def numbered_docx(fmt: str, start: int) -> bytes:
    """One list whose counter starts at ``start`` in this number format (Roman numerals and letters are built by
    repetition: a start of 10^15 asks for a label of 10^12 characters)."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    para = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            '<w:r><w:t>Điều khoản</w:t></w:r></w:p>')
    return docx(para, numbering)


def nested_docx(depth: int) -> bytes:
    """Content controls nested ``depth`` deep (the walk recurses into each)."""
    body = "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>sâu</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * depth
    return docx(body)


def lying_zip_docx(real_bytes: int, declared: int = 1000) -> bytes:
    """A DOCX whose word/document.xml inflates to ``real_bytes`` while both its headers say ``declared``."""
    filler = "<w:p><w:r><w:t>a</w:t></w:r></w:p>" * (real_bytes // 34 + 1)
    data = bytearray(docx(filler))
    name = b"word/document.xml"
    for sig, size_off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        pos = 0
        while True:
            pos = data.find(sig, pos)
            if pos < 0:
                break
            name_off = 30 if sig == b"PK\x03\x04" else 46
            if data[pos + name_off:pos + name_off + len(name)] == name:
                struct.pack_into("<I", data, pos + size_off, declared)
            pos += 4
    return bytes(data)


def many_parts_docx(n: int) -> bytes:
    return docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>", extra={f"word/media/p{i}.bin": b"x" for i in range(n)})


def ole_looping_difat() -> bytes:
    """1 KB OLE compound file whose DIFAT chain points at itself and claims 2^32-1 DIFAT and FAT sectors."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HH", header, 0x18, 0x3E, 3)
    struct.pack_into("<HH", header, 0x1C, 0xFFFE, 9)
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<II", header, 0x2C, 0xFFFFFFFF, 1)  # FAT sectors, first directory sector
    struct.pack_into("<II", header, 0x44, 0, 0xFFFFFFFF)  # first DIFAT sector 0, count 2^32-1
    struct.pack_into("<109I", header, 0x4C, *([0] + [0xFFFFFFFF] * 108))
    difat = struct.pack("<128I", *([0] * 128))  # sector 0: every FAT entry is sector 0, next DIFAT sector 0
    return bytes(header) + difat + bytes(512)


def rtf_bin_negative() -> bytes:
    return b"{\\rtf1\\ansi Tr\\u432?\\'ednh \\bin-7 x\\par}"


def rtf_font_table(n: int) -> bytes:
    """A font table of ``n`` entries none of which ends in ';' (a regex scanned to the end from each)."""
    return b"{\\rtf1\\ansi{\\fonttbl" + b"\\f1 VnTime " * n + b"}Van ban\\par}"


def rtf_many_tokens(n: int) -> bytes:
    """One paragraph of ``n`` alternating plain and escaped characters (merged run by run)."""
    return b"{\\rtf1\\ansi " + b"a\\'e0" * n + b"\\par}"


def pdf(content: bytes, mediabox: tuple[int, int, int, int] = (0, 0, 595, 842), compress: bool = True,
        text: bool = True, to_unicode: bytes | None = None) -> bytes:
    """A one-page PDF with this content stream (deflated unless ``compress`` is False); ``to_unicode``: the
    ``bfchar`` lines of the font's ToUnicode CMap (what each character code means)."""
    stream = zlib.compress(content, 9) if compress else content
    filt = b"/Filter /FlateDecode " if compress else b""
    font = (b"/Resources << /Font << /F1 5 0 R >> >> " if text
            else b"/Resources << /XObject << /Im1 6 0 R >> >> ")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [%d %d %d %d] /Contents 4 0 R " % mediabox + font + b">>",
        b"<< /Length %d %s>>\nstream\n" % (len(stream), filt) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica%s >>" % (b" /ToUnicode 7 0 R" if to_unicode else b""),
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length 1 >>\nstream\n\x80\nendstream",
    ]
    if to_unicode:
        cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /H14 def\n"
                b"1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n%s\nendbfchar\n"
                b"endcmap CMapName currentdict /CMap defineresource pop end end" % (to_unicode.count(b"\n") + 1, to_unicode))
        objs.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_stream_bomb(inflated: int) -> bytes:
    """A content stream that inflates to ``inflated`` bytes (about 1000 times its compressed size)."""
    return pdf(b"BT /F1 12 Tf 72 720 Td (Van ban) Tj ET\n" + b"q Q\n" * (inflated // 4))


def pdf_surrogates() -> bytes:
    """A text layer whose ToUnicode CMap gives a character outside the BMP (U+20027, a pair of UTF-16 halves) and
    lone halves (a damaged CMap): the text comes out of pdfium with surrogates."""
    return pdf(b"BT /F1 12 Tf 72 720 Td (Ch ABC ok) Tj ET",
               to_unicode=b"<41> <D840DC27>\n<42> <D83D>\n<43> <DE00>")


def pdf_huge_page(points: int = 14_400) -> bytes:
    """A page with no text layer (a scan to OCR) whose media box is ``points`` square: 14,400 pt is 200 inches,
    3.7 billion pixels at 300 dpi."""
    return pdf(b"q %d 0 0 %d 0 0 cm /Im1 Do Q\n" % (points, points), mediabox=(0, 0, points, points),
               compress=False, text=False)


def html_spans(rows: int, rowspan: int = 1000, colspan: int = 100) -> bytes:
    cells = f'<td rowspan="{rowspan}" colspan="{colspan}">ô</td>'
    return f"<html><body><table>{('<tr>' + cells + '</tr>') * rows}</table></body></html>".encode()


def html_deep(depth: int) -> bytes:
    """Elements nested ``depth`` deep, then the signer and Nơi nhận (libxml2 stops at 2048 levels)."""
    return ("<html><body><p>QUYẾT ĐỊNH</p>" + "<div>" * depth + "sâu" + "</div>" * depth
            + "<p>Nơi nhận:</p><p>- Như trên;</p></body></html>").encode()
