"""The named patterns of ``data/patterns.yaml``, compiled by section (``compile_section("header").number_label``).

Here in the lexicon, below the readers, so that the readers' vocabulary (column anchors, stamp hints) is named
data too; ``vnadmin_nlp.patterns`` re-exports all of it with the compiled ``folded`` and ``text`` sections.
"""
from __future__ import annotations

import re
import warnings
from functools import partial
from types import SimpleNamespace

import regex

from ..data import load
from .fold import retone
from .lazy import bind, lazy


def fast_compile(source: str, multiline: bool = False, ignorecase: bool = False) -> "re.Pattern | regex.Pattern":
    r"""``source`` compiled with the standard library's ``re`` when it can read it, else with ``regex``.

    Both read these patterns alike (Unicode ``\s``, ``\d``, ``\w``); ``re`` matches at a position with half the
    overhead and finds literal-led patterns faster, and only ``regex`` knows ``\p{…}`` classes and look-behinds
    of varying width.
    """
    flags = (re.MULTILINE if multiline else 0) | (re.IGNORECASE if ignorecase else 0)  # same values in regex
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a construct re would read differently (nested sets) goes to regex
        try:
            return re.compile(source, flags)
        except (re.error, Warning):
            return regex.compile(source, flags)


def pattern_source(section: str, entry: dict) -> str:
    """The regex source of one entry of ``data/patterns.yaml``, as it is compiled.

    Folded patterns (the ``folded`` section, or an entry with ``space: folded``) are written in plain spelling
    ("cộng hòa"); the folding key places tones its own way, so they are retoned.
    """
    source = entry["pattern"]
    return retone(source) if is_folded(section, entry) else source


def is_folded(section: str, entry: dict) -> bool:
    """Whether the entry is matched on the folding key rather than on the text as printed."""
    return entry.get("space", "folded" if section == "folded" else "text") == "folded"


# The flags an entry may name under ``flags:``; an entry without the key is compiled with MULTILINE.
FLAGS = ("MULTILINE", "IGNORECASE")


def entry_flags(entry: dict) -> list[str]:
    """The flags one entry of ``data/patterns.yaml`` is compiled with: its ``flags`` list, else ``[MULTILINE]``."""
    flags = entry.get("flags", ["MULTILINE"])
    unknown = set(flags) - set(FLAGS)
    if unknown:
        raise ValueError(f"unknown flags {sorted(unknown)} in {entry['pattern']!r}")
    return flags


def compile_entry(section: str, entry: dict) -> "re.Pattern | regex.Pattern":
    """One entry of ``data/patterns.yaml`` compiled as the code uses it (retoned if folded, with its flags)."""
    flags = entry_flags(entry)
    return fast_compile(pattern_source(section, entry), multiline="MULTILINE" in flags, ignorecase="IGNORECASE" in flags)


def compile_section(section: str) -> SimpleNamespace:
    """Every pattern of one section of ``data/patterns.yaml``, by name, each compiled on its first use."""
    entries = load("patterns")[section]
    space = SimpleNamespace(**{name: lazy(partial(compile_entry, section, e)) for name, e in entries.items()})
    bind(vars(space))  # each name reads its compiled pattern once compiled
    return space
