"""The body gold files (fixtures/gold/body) keep to their README: the split follows the id's hash, a task's deadline is
one of the file's deadlines, a duration counted from an event carries no date, a short form refers to an earlier
mention, and the values use the README's vocabularies.  The eval silently scores a broken reference as a miss, so
these slips are caught here instead."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent.parent / "fixtures" / "gold" / "body"
FILES = sorted(GOLD.glob("*.json"))
KINDS = {"date", "duration", "recurring", "period"}
RULES = {"weekly", "monthly", "quarterly", "half-yearly", "yearly"}
RELATIONS = {"basis", "implements", "responds_to", "amends", "replaces", "repeals", "guides", "refers"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO_DURATION = re.compile(r"^P(T?\d+[HDWMY])+$")


def _split(doc_id: str) -> str:
    return "test" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 4 == 0 else "dev"


def test_there_is_body_gold() -> None:
    assert len(FILES) >= 100


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_body_gold_file_keeps_to_the_readme(path: Path) -> None:
    d = json.loads(path.read_text(encoding="utf-8"))
    assert d["id"] == path.stem
    assert d["split"] == _split(d["id"]), "split is fixed by the id's hash"
    assert d.get("doc_date") is None or ISO_DATE.match(d["doc_date"])
    assert set(d.get("complete", {})) <= {"tasks", "deadlines", "citations"}
    texts = set()
    for dl in d.get("deadlines") or []:
        texts.add(dl["text"])
        assert dl["kind"] in KINDS, dl
        if dl.get("date") is not None:
            assert ISO_DATE.match(dl["date"]), dl
        if dl["kind"] == "duration":
            assert ISO_DURATION.match(dl.get("duration") or ""), dl
            if dl.get("anchor") not in (None, "document"):
                assert not dl.get("date"), f"a duration counted from an event has no date: {dl}"
        if dl["kind"] == "recurring":
            assert dl.get("rule") in RULES, dl
    for t in d.get("tasks") or []:
        assert isinstance(t["lead"], list) and all(isinstance(x, str) and x.strip() for x in t["lead"]), t
        assert isinstance(t.get("support", []), list), t
        assert t.get("line"), t
        assert t.get("deadline") is None or t["deadline"] in texts, f"a task's deadline is one of the deadlines: {t}"
    seen = set()
    for c in d.get("citations") or []:
        assert c["relation"] in RELATIONS, c
        ref = c.get("refers_to")
        assert ref in (None, "self") or ref in seen, f"a short form refers to an earlier mention: {c}"
        seen.add(c["text"])
