"""The RTF font table: each font's name, its \\fcharset, and the legacy Vietnamese encoding its name implies
(".VnTime" is TCVN3, "VNI-Times" is VNI; ".VnTimeH" draws capitals from lowercase codes).

The font is the only exact evidence of a run's encoding, which is why the RTF reader keeps it per run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import encodings as enc

# \fcharset -> Python codec for the \'xx bytes of text in that font.
CHARSETS = {
    0: None, 1: None, 77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "cp950",
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251",
    222: "cp874", 238: "cp1250", 254: "cp437", 255: "cp850",
}
# One \\fN entry up to its ";".  The body may not run into the next "\\fN": without that, a table of \\fN
# entries missing their ";" is scanned to its end from every entry (quadratic).
_ENTRY = re.compile(rb"\\f(\d+)((?:[^;{}\\]|\\(?!f\d)|\{[^{}]*\})*);")
SYMBOL_CHARSET = 2  # Symbol/Wingdings: the bytes are dingbats, shown as bullets


@dataclass
class Font:
    """One \\fN entry of \\fonttbl."""

    name: str
    charset: int | None
    encoding: str | None  # tcvn3 / vni from the name
    upper: bool  # TCVN3 capitals font (".VnTimeH")


def parse_fonttbl(group: bytes) -> dict[int, Font]:
    """Font number -> name, charset and the legacy encoding the name implies."""
    fonts: dict[int, Font] = {}
    cleaned = group
    for _ in range(4):  # nested {\*\panose …}{\*\falt …} groups
        cleaned = re.sub(rb"\{\\\*[^{}]*\}", b"", cleaned)
    for m in _ENTRY.finditer(cleaned):
        num = int(m.group(1))
        body = m.group(2)
        cs = re.search(rb"\\fcharset(\d+)", body)
        name_bytes = re.sub(rb"\\'([0-9a-fA-F]{2})", lambda h: bytes([int(h.group(1), 16)]), body)
        name_bytes = re.sub(rb"\\[a-zA-Z]+-?\d* ?|[{}]", b"", name_bytes)
        name = name_bytes.decode("latin-1").strip()
        encoding, upper = enc.font_encoding(name)
        fonts.setdefault(num, Font(name, int(cs.group(1)) if cs else None, encoding, upper))
    return fonts
