"""Issue 15, session 18: the tasks stage skips the units that hold nothing its sentence rules start from
(``Scans.quiet``): the skip must change no output, and every asking word of the data must stop it.

- every trigger of ``tasks.yaml`` (``assign_triggers``, ``opening_triggers``) and every example of the notice
  closing (``patterns.yaml`` ``tasks.notice_for``) makes a unit that holds it not quiet, so a trigger added to the
  data later is covered without a change to the code;
- on real documents (the shared corpus's text and Word files, the samples) and on variants of them with asking
  words put at the start of their lines, the tasks, deadlines and warnings are those of the rules run on every unit.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.data import load
from vnadmin_nlp.extractors.tasking.scans import Scans
from vnadmin_nlp.lexicon.fold import fold
from vnadmin_nlp.normalize import normalize
from vnadmin_nlp.readers import read_file

ROOT = Path(__file__).resolve().parents[1]
_T = load("tasks")
_ASKING = [*_T["assign_triggers"], *_T["opening_triggers"]]


def _quiet(text: str) -> bool:
    key = fold(text)
    return Scans(text, key, 0, len(text), None).quiet(0, len(text))


def test_a_plain_rule_is_quiet() -> None:
    assert _quiet("Hồ sơ gồm bản sao giấy tờ tùy thân và tờ khai theo mẫu quy định tại Phụ lục kèm theo.")


@pytest.mark.parametrize("word", _ASKING)
def test_every_asking_word_of_the_data_stops_the_skip(word: str) -> None:
    for text in (f"{word} Sở Nội vụ rà soát hồ sơ.", f"Hồ sơ được lập. {word.capitalize()} Sở Nội vụ rà soát.",
                 f"1. {word.upper()} CÁC SỞ, NGÀNH:"):
        assert not _quiet(text), text


def test_every_notice_closing_stops_the_skip() -> None:
    examples = load("patterns")["tasks"]["notice_for"]["match"]
    assert examples
    for text in examples:
        assert not _quiet(text), text


def test_a_deadline_stops_the_skip() -> None:
    text = "Hồ sơ được gửi về trước ngày 15 tháng 12 năm 2025 để tổng hợp."
    assert not _quiet(text)
    scans = Scans(text, fold(text), 0, len(text), None)
    assert scans.deadlines
    d = scans.deadlines[0]
    assert not scans.quiet(d.start + 2, d.end - 2)  # a stretch a deadline runs into (found again inside it)
    assert scans.quiet(0, d.start - 1) or any(t for t in scans.triggers)


def _documents(shared: Path) -> list[str]:
    paths = [p for p in sorted((shared / "corpus").iterdir()) if p.suffix in (".txt", ".docx") and p.stat().st_size < 150_000]
    paths += sorted((ROOT / "fixtures" / "samples").glob("*.txt"))
    assert len(paths) >= 10
    return [read_file(p).joined()[0] for p in paths]


def _variant(text: str, seed: int) -> str:
    """Asking words put at the start of some lines: units that were quiet are read again."""
    rnd = random.Random(seed)
    lines = text.split("\n")
    for i in rnd.sample(range(len(lines)), k=min(len(lines), 12)):
        if lines[i].strip():
            lines[i] = f"{rnd.choice(_ASKING).capitalize()} Sở Tài chính {lines[i].lstrip()}"
    return normalize("\n".join(lines)).text


def _outputs(text: str) -> tuple:
    doc = parse_text(text)
    return ([t.model_dump() for t in doc.tasks], [d.model_dump() for d in doc.deadlines],
            [w.model_dump() for w in doc.warnings])


def test_skipping_quiet_units_changes_no_output(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _documents(shared)
    texts += [_variant(t, i) for i, t in enumerate(texts)]
    calls: list[bool] = []
    quiet = Scans.quiet

    def counted(self: Scans, start: int, end: int) -> bool:
        calls.append(quiet(self, start, end))
        return calls[-1]

    monkeypatch.setattr(Scans, "quiet", counted)
    with_skip = [_outputs(t) for t in texts]
    assert sum(calls) >= 50  # units were skipped
    monkeypatch.setattr(Scans, "quiet", lambda self, start, end: False)  # every unit read by the rules
    without = [_outputs(t) for t in texts]
    for text, a, b in zip(texts, with_skip, without):
        assert a == b, text[:200]
    assert sum(len(a[0]) for a in with_skip) >= 20  # (documents with tasks among them)
