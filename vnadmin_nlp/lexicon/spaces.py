"""Whitespace squashing for the values that fields print: every run of white space becomes one space."""
from __future__ import annotations


def squash(s: str) -> str:
    """``" ".join(s.split())``, without the split where there is nothing to squash.

    Most values are one line with single spaces, and ``str.isprintable`` (false for every white space but the
    plain space) tells so in one fast pass: splitting and joining a long provision costs ten times more.
    """
    s = s.strip()
    if s.isprintable() and "  " not in s:
        return s
    return " ".join(s.split())
