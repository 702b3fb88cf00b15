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
from typing import Any, Callable, TypeVar, cast

import regex

__all__ = ["LazyPattern", "escape", "lazy", "lazy_re", "lazy_regex"]

T = TypeVar("T")

# What a compiled pattern offers (re and regex alike); copied onto the stand-in once it is compiled.
_MEMBERS = (
    "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
    "pattern", "flags", "groups", "groupindex",
)


class LazyPattern:
    """A pattern that ``make()`` compiles the first time one of its methods or attributes is used."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make

    def compiled(self) -> Any:
        """The compiled pattern (compiling it on the first call)."""
        done = self.__dict__.get("_compiled")
        if done is not None:
            return done
        pattern = self._make()
        for name in _MEMBERS:
            value = getattr(pattern, name, None)
            if value is not None:
                self.__dict__[name] = value  # instance attributes: found before the class's methods below
        self.__dict__["_compiled"] = pattern
        return pattern

    # Until the first use, these compile and delegate; after it, the instance's own attributes shadow them.
    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, groupindex … before the first use
        if name.startswith("__") or name in ("_make", "_compiled"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> Any:  # pickled as the compiled pattern
        return self.compiled().__reduce__()

    def __repr__(self) -> str:
        done = self.__dict__.get("_compiled")
        return f"lazy({done!r})" if done is not None else "lazy(<not compiled yet>)"


def lazy(make: Callable[[], T]) -> T:
    """A stand-in for the pattern ``make()`` returns, compiled on first use (typed as what ``make`` returns)."""
    return cast(T, LazyPattern(make))


def lazy_re(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """``re.compile(pattern, flags)``, compiled on first use."""
    return cast("re.Pattern[str]", LazyPattern(lambda: re.compile(pattern, flags)))


def lazy_regex(pattern: str, flags: int = 0, **kwargs: Any) -> "regex.Pattern[str]":
    """``regex.compile(pattern, flags, **kwargs)`` (named lists too), compiled on first use."""
    return cast("regex.Pattern[str]", LazyPattern(lambda: regex.compile(pattern, flags, **kwargs)))


_ESCAPED: dict[str, str] = {}


def escape(text: str) -> str:
    """``regex.escape(text)``, character by character from a table: the same string (regex escapes each character
    on its own), some ten times faster on the word lists the modules turn into patterns at import."""
    out = []
    for ch in text:
        e = _ESCAPED.get(ch)
        if e is None:
            e = _ESCAPED[ch] = regex.escape(ch)
        out.append(e)
    return "".join(out)
