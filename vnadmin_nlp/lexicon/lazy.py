"""Patterns compiled on first use: :func:`lazy_re`, :func:`lazy_regex` and :func:`lazy`; :func:`escape`.

Compiling the package's few hundred patterns was a third of its import cost, and many of them serve rare cases
(a form of deadline, a kind of table) that most documents never reach.  A :class:`LazyPattern` stands where the
compiled pattern stood (``_PLAN = lazy_regex(r"…")``, then ``_PLAN.search(text)`` as before): its first use
compiles it, and from then on its methods are the compiled pattern's own bound methods, kept on the instance,
so a call costs what it cost on the pattern itself.

It is a stand-in, not a ``re.Pattern``: pass it to its own methods (``P.sub(…)``), never to the module
functions (``re.sub(P, …)``) or to ``isinstance``; :meth:`LazyPattern.compiled` gives the real pattern.
"""
from __future__ import annotations

import re
import sys
from functools import partial
from typing import Any, Callable, TypeVar, cast

import regex

__all__ = ["LazyPattern", "bind", "bind_package", "escape", "lazy", "lazy_re", "lazy_regex"]

T = TypeVar("T")

# The methods of a compiled pattern (re and regex alike), held in slots of the stand-in.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A pattern that ``make()`` compiles the first time one of its methods or attributes is used.

    Each method is a slot: until the first use it holds a trampoline that compiles the pattern, after it the
    compiled pattern's own bound method, so that ``P.search(…)`` reads a slot and calls the C method directly
    (no ``__getattr__``, which would slow every attribute read)."""

    __slots__ = ("_make", "_compiled", "_homes", *_METHODS)

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self._compiled: Any = None
        self._homes: list[tuple[dict, str]] = []  # namespaces holding it, given the compiled pattern in its place
        for name in _METHODS:
            setattr(self, name, partial(self._first_call, name))

    def _first_call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), name)(*args, **kwargs)

    def compiled(self) -> Any:
        """The compiled pattern (compiling it on the first call)."""
        pattern = self._compiled
        if pattern is None:
            pattern = self._make()
            for name in _METHODS:
                setattr(self, name, getattr(pattern, name))
            self._compiled = pattern
            for home, key in self._homes:
                if home.get(key) is self:
                    home[key] = pattern  # from now on the name reads the compiled pattern itself
            self._homes.clear()
        return pattern

    @property
    def pattern(self) -> Any:
        return self.compiled().pattern

    @property
    def flags(self) -> int:
        return int(self.compiled().flags)

    @property
    def groups(self) -> int:
        return int(self.compiled().groups)

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def __reduce__(self) -> Any:  # pickled as the compiled pattern (which re and regex know how to pickle)
        return (_same, (self.compiled(),))

    def __repr__(self) -> str:
        return f"lazy({self._compiled!r})" if self._compiled is not None else "lazy(<not compiled yet>)"


def _same(pattern: Any) -> Any:
    return pattern


def bind(namespace: dict) -> None:
    """Let every not yet compiled :class:`LazyPattern` among ``namespace``'s values (a module's ``vars()``, a
    ``SimpleNamespace``'s) replace itself there by the compiled pattern when it is compiled: the stand-in's
    methods cost a slot read more than the pattern's own (some 10% of a short search), and the hot patterns are
    called a thousand times per document."""
    for key, value in list(namespace.items()):
        if type(value) is LazyPattern:
            if value._compiled is None:
                value._homes.append((namespace, key))
            else:
                namespace[key] = value._compiled  # compiled already (used while the modules were imported)


def bind_package(prefix: str) -> None:
    """:func:`bind` the globals of every module loaded so far whose name starts with ``prefix``."""
    for name, module in list(sys.modules.items()):
        if module is not None and (name == prefix or name.startswith(prefix + ".")):
            bind(vars(module))


def lazy(make: Callable[[], T]) -> T:
    """A stand-in for the pattern ``make()`` returns, compiled on first use (typed as what ``make`` returns)."""
    return cast(T, LazyPattern(make))


def lazy_re(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """``re.compile(pattern, flags)``, compiled on first use."""
    return cast("re.Pattern[str]", LazyPattern(lambda: re.compile(pattern, flags)))


def lazy_regex(pattern: str, flags: int = 0, **kwargs: Any) -> "regex.Pattern[str]":
    """``regex.compile(pattern, flags, **kwargs)`` (named lists too), compiled on first use."""
    return cast("regex.Pattern[str]", LazyPattern(lambda: regex.compile(pattern, flags, **kwargs)))


# What ``regex.escape`` (special_only, the default) puts a backslash before: its metacharacters and every character
# whose ``str.isspace()`` is true (the Unicode White_Space set, all below U+3001); tests/test_import_cost.py checks
# the table against ``regex.escape`` over every code point.
_SPECIAL = "()[]{}?*+|^$\\.-#&~" + "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
_ESCAPES = {ord(ch): "\\" + ch for ch in _SPECIAL}


def escape(text: str) -> str:
    """``regex.escape(text)`` by one ``str.translate``: the same string (regex escapes each character on its own),
    without importing or calling regex for the word lists the modules turn into patterns at import."""
    return text.translate(_ESCAPES)
