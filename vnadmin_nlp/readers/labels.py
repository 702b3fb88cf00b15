"""List labels as Word or a browser draws them: a counter in a number format ("3", "c", "III", "①")."""
from __future__ import annotations

from . import limits

_REPEATED = frozenset(("lowerLetter", "upperLetter", "lowerRoman", "upperRoman"))  # label length grows with n

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
           (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(n: int) -> str:
    """Lower-case Roman numerals (Word's lowerRoman format, and its endnote marks)."""
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa.. (the letter repeated), no Vietnamese đ."""
    if n <= 0:
        return ""
    n -= 1
    return chr(ord("a") + n % 26) * (n // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A list counter as Word (or a browser) shows it in this number format.

    Letters and Roman numerals are built by repetition, so a counter over the ``max_list_value`` limit raises
    :class:`~vnadmin_nlp.readers.limits.LimitExceeded` instead of building a label of gigabytes.
    """
    if fmt in _REPEATED:
        limits.check("max_list_value", n, f"a list counter drawn as {fmt}")
    if fmt in ("decimal", "decimalHalfWidth", "decimalFullWidth", "cardinalText", "ordinalText"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "ordinal":
        return f"{n}."
    if fmt == "none":
        return ""
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    return str(n)

