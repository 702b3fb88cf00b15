"""Every pattern in ``data/patterns.yaml`` against the real examples written beside it (citeurl keeps an example
with every template): each ``match`` example matches, with the groups it names; each ``no_match`` one does not;
every pattern has at least one example of each kind."""
from __future__ import annotations

import pytest

from vnadmin_nlp.data import load
from vnadmin_nlp.normalize import fold
from vnadmin_nlp.patterns import compile_entry, is_folded

ENTRIES = [(section, name, entry) for section, entries in load("patterns").items() for name, entry in entries.items()]


def _cases(kind: str):
    for section, name, entry in ENTRIES:
        for i, example in enumerate(entry.get(kind) or []):
            yield pytest.param(section, entry, example, id=f"{section}.{name}-{kind}-{i}")


def _find(section: str, entry: dict, text: str):
    pattern = compile_entry(section, entry)  # exactly as compile_section compiles it
    subject = fold(text) if is_folded(section, entry) else text
    return (pattern.search if entry.get("search") else pattern.match)(subject)


@pytest.mark.parametrize("section,entry,example", list(_cases("match")))
def test_match_examples(section, entry, example):
    text, groups = (example["text"], example.get("groups", {})) if isinstance(example, dict) else (example, {})
    m = _find(section, entry, text)
    assert m is not None, f"{entry['pattern']!r} does not match {text!r}"
    for group, expected in groups.items():
        want = fold(expected) if is_folded(section, entry) else expected
        assert (m.group(group) or "").strip() == want, f"group {group} of {text!r}"


@pytest.mark.parametrize("section,entry,example", list(_cases("no_match")))
def test_no_match_examples(section, entry, example):
    assert _find(section, entry, example) is None, f"{entry['pattern']!r} matches {example!r}"


@pytest.mark.parametrize("section,name,entry", ENTRIES, ids=[f"{s}.{n}" for s, n, _ in ENTRIES])
def test_every_pattern_has_examples(section, name, entry):
    assert set(entry) <= {"pattern", "space", "search", "flags", "note", "match", "no_match"}, f"unknown keys in {section}.{name}"
    assert entry.get("match"), f"{section}.{name} has no match example"
    assert entry.get("no_match"), f"{section}.{name} has no no_match example"
