"""File names of any bytes: the raw name kept, a safe form shown.

On POSIX a file name is bytes, and Python hands a name that is not valid UTF-8 (a cp1258 name copied from an old
Windows share: ``b'Quy\\xd5t \\xd0\\xfbnh.txt'``) over as a ``str`` holding lone surrogates (``'Quy\\udcd5t …'``,
PEP 383).  Such a ``str`` opens the file again, but cannot be encoded to UTF-8: SQLite, JSON and a UTF-8 log
refuse it.  So:

- the file system is always given the ``str`` as Python made it (the raw bytes come back unchanged): the output
  ``OUT/<name>.json`` keeps the input's raw name;
- what is shown or written as text uses :func:`display_name` (``Quy\\xd5t \\xd0\\xfbnh.txt``: each byte that is
  not UTF-8 as ``\\xNN``) and, where a program must find the file again, :func:`raw_name` (the name percent-
  encoded, RFC 3986, which is exact);
- a database keeps :func:`db_value`: the ``str`` itself when it is valid UTF-8 (every ordinary name, so older
  ledgers and indexes read on), else the raw bytes as a BLOB, which never equals any TEXT: two names never meet.
"""
from __future__ import annotations

import os
from urllib.parse import quote_from_bytes


def is_clean(name: str) -> bool:
    """True when ``name`` is valid Unicode text (no lone surrogates): it can be written as UTF-8 as it is."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def display_name(name: str) -> str:
    """``name`` safe to print or write as UTF-8: bytes of the file name that are not UTF-8 as ``\\xNN``."""
    if is_clean(name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace") if _fs_is_bytes() else name.encode(
        "utf-8", "backslashreplace").decode("utf-8")


def raw_name(name: str) -> str:
    """The exact bytes of the name, percent-encoded (``/`` and printable ASCII kept): ``Quy%D5t %D0%FBnh.txt``."""
    return quote_from_bytes(os.fsencode(name), safe="/ !$&'()*+,;=:@-._~")


def db_value(name: str) -> str | bytes:
    """What a database stores for ``name``: the text itself, or its raw bytes when it is not valid UTF-8."""
    return name if is_clean(name) else os.fsencode(name)


def from_db(value: str | bytes | None) -> str | None:
    """A name read back from :func:`db_value`: the ``str`` that opens the file again."""
    if isinstance(value, (bytes, memoryview)):
        return os.fsdecode(bytes(value))
    return value


def _fs_is_bytes() -> bool:
    return os.name == "posix"
