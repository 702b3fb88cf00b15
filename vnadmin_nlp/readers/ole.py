"""OLE compound files (the container of legacy .doc, and of an encrypted .docx): just enough of the format to
tell a Word document from an Excel file or an encrypted package before any converter runs.

Shared by the .doc reader (which checks the container) and the .docx reader (which recognises a .doc or an
encrypted package named .docx).
"""
from __future__ import annotations

import struct

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: legacy .doc, or an encrypted OOXML package


def ole_stream_names(data: bytes) -> dict[str, tuple[int, int]]:
    """Stream name -> (start sector, size) from the directory of an OLE compound file.

    Raises ValueError on a damaged container.  Only what is needed to tell a Word document from an Excel
    file or an encrypted package, and to read the start of the WordDocument stream.
    """
    if len(data) < 512 or not data.startswith(CFB_MAGIC):
        raise ValueError("not an OLE compound file")
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise ValueError(f"bad sector size 2^{shift}")
    ssize = 1 << shift
    n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
    first_difat, n_difat = struct.unpack_from("<II", data, 0x44)
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < 0xFFFFFFFA]
    n_sectors = len(data) // ssize  # no chain can be longer than the file has sectors
    sector, seen = first_difat, set()
    for _ in range(min(n_difat, n_sectors)):
        if sector >= 0xFFFFFFFA:
            break
        if sector in seen:
            raise ValueError(f"the DIFAT chain loops back to sector {sector}")
        seen.add(sector)
        off = (sector + 1) * ssize
        if off + ssize > len(data):
            raise ValueError("DIFAT sector beyond end of file")
        entries = struct.unpack_from(f"<{ssize // 4}I", data, off)
        fat_sectors.extend(s for s in entries[:-1] if s < 0xFFFFFFFA)
        sector = entries[-1]
    fat: list[int] = []
    for s in fat_sectors[:min(max(n_fat, 1), n_sectors)]:
        off = (s + 1) * ssize
        if off + ssize > len(data):
            raise ValueError("FAT sector beyond end of file")
        fat.extend(struct.unpack_from(f"<{ssize // 4}I", data, off))
    names: dict[str, tuple[int, int]] = {}
    sector, visited = first_dir, set()
    while sector < 0xFFFFFFFA:
        off = (sector + 1) * ssize
        if off + ssize > len(data):
            raise ValueError("directory chain beyond end of file")
        if sector in visited:
            raise ValueError(f"the directory chain loops back to sector {sector}")
        visited.add(sector)
        for e in range(off, off + ssize, 128):
            name_len = struct.unpack_from("<H", data, e + 0x40)[0]
            kind = data[e + 0x42]
            if kind in (1, 2, 5) and 2 <= name_len <= 64:
                name = data[e:e + name_len - 2].decode("utf-16-le", errors="replace")
                start, size = struct.unpack_from("<II", data, e + 0x74)
                names[name] = (start, size)
        sector = fat[sector] if sector < len(fat) else 0xFFFFFFFE
    return names
