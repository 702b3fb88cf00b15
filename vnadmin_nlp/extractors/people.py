"""People named in a document: officials cited by their title (``Bộ trưởng Nguyễn Mạnh Hùng``) and the signers.

underthesea's CRF NER (it ships inside the wheel, no download) reads only short windows around a title word,
never the whole document: it runs at a few thousand characters per second.  A window's candidate name is kept
when the NER tags it as a person.  This extractor is not in the default list (it needs the ``nlp`` extra):
ask for it with ``parse_text(text, extractors=extractors_by_name([..., "people"]))`` or ``parse --with-people``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

import regex

from ..data import load
from ..model import Person
from .base import Context
from .fields import PeopleFields
from .registry import extractor
from ..lexicon.lazy import escape, lazy_regex

_SIGNING = load("signing")
_TITLES = _SIGNING["person_titles"]
_FAMILY = set(_SIGNING["family_names"])
_CANDIDATE = lazy_regex(
    r"(?<![\p{L}])(?P<role>" + "|".join(escape(t) for t in sorted(_TITLES, key=len, reverse=True)) + r")"
    r"\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,4})"
)
WINDOW = 60  # characters of context after the name: the CRF tags best on the clause itself


@lru_cache(maxsize=1)
def _ner() -> Callable[..., Any]:
    try:
        from underthesea import ner
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("the 'people' extractor needs underthesea: pip install 'vnadmin-nlp[nlp]'") from exc
    return ner


def _is_person(window: str, name: str) -> bool:
    """Does the CRF NER tag the words of ``name`` inside ``window`` as a person?"""
    tagged = _ner()(window)
    words = [(w, tag) for w, _pos, _chunk, tag in tagged]
    first = name.split()[0]
    for i, (w, tag) in enumerate(words):
        if w.split()[0] == first or w == first:
            return tag.endswith("PER")
    return False


@extractor("people", requires=("signers",), assigns=("people",), default=False)
def extract(ctx: Context) -> PeopleFields:
    text = ctx.text
    people: list[Person] = []
    seen: set[tuple[str, str]] = set()
    for m in _CANDIDATE.finditer(text):
        name, role = m.group("name"), m.group("role")
        if (name, role) in seen:
            continue
        window = regex.split(r"[.;\n]", text[m.start() : m.end() + WINDOW])[0]
        if name.split()[0] in _FAMILY or _is_person(window, name):
            seen.add((name, role))
            people.append(Person(name=name, role=role, span=(m.start("name"), m.end("name"))))
    for s in ctx.fields.get("signers") or []:
        if s.name and s.span is not None and (s.name, s.position or "") not in seen:  # page-metadata signers: no text
            seen.add((s.name, s.position or ""))
            start = text.find(s.name, s.span[0], s.span[1])
            people.append(Person(name=s.name, role=s.position, span=(start, start + len(s.name))))
    return {"people": people}
