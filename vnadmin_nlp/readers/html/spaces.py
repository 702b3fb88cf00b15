"""HTML whitespace as a browser collapses it: any run of spaces, tabs and newlines is one space.

The no-break space is not in the set: it is typed on purpose (blanks to fill in, header columns).
"""
from __future__ import annotations

import re

HTML_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def collapse_spaces(text: str) -> str:
    """The text as a browser shows it on one line."""
    return HTML_SPACE.sub(" ", text).strip()
