"""The words tasks are read by, mended in OCR'd text where tesseract lost or confused their marks (issue 13).

Tasks are found by their words: the asking words (``đề nghị``), the verbs that end an assignee's name (``lấy ý
kiến``, ``phối hợp``) and the names of bodies (``thành phố``, ``Hội Cựu chiến binh``).  Tesseract's Vietnamese model
drops or swaps tone marks and circumflexes at a high confidence: ``đề nghị Công an tỉnh lây ý kiên thông nhât``
(ld_046 scanned) has no verb, so the request has no lead; ``Văn phòng Chính phủ phôi hợp với Bộ Nội vụ`` (ld_064
scanned) runs the name on into the action.  Each syllable is valid, so no syllable check sees it; the phrase is not.

A run of OCR'd words is mended to a phrase of the closed vocabulary of tasks (tasks.yaml's asking words, verbs,
heading phrases, labels and body words, ``ocr_task_phrases``; the header vocabulary's bodies and places,
:func:`vnadmin_nlp.lexicon.ocr_vocabulary.entries`) when:

- the run has two words or more and its letters are the phrase's with the marks aside (``bare``), word by word;
- no other phrase of the vocabulary has the same letters (``hội đồng`` is never guessed between two readings);
- every changed word makes no word pair of the language with its neighbour in the run as printed
  (:mod:`vnadmin_nlp.lexicon.tone_pairs`: ``báo về`` is a pair of clean documents, never mended to ``bảo vệ``).

Only the OCR'd stretches of the text are touched (``ocr_spans`` of the reader, pipeline.py); each letter keeps its
case and its place, so every offset of the mended text is the printed text's.  The tasks extractor reads the mended
text: a lead is given in the vocabulary's spelling with the span of what was read (warning
``task_words_mended`` lists the mends).  ``VNADMIN_OCR_TASK_WORDS=off`` reads the words as printed (a harness's
before/after: ``scripts/task_variants.py --ocr``).
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple, Sequence

from ...data import load
from ...lexicon.fold import bare, fold
from ...lexicon.lazy import lazy_regex
from ...lexicon.ocr_vocabulary import cased, entries, phrase_table
from ...lexicon.tone_pairs import is_known
from ...zoning.segments import Page
from ..base import Context

MIN_WORDS = 2  # a single word has too many valid readings (``cử`` / ``cũ`` / ``cư``): never mended alone
_WORD = lazy_regex(r"\p{L}+")
# tasks.yaml lists whose phrases are task words (the OCR misreadings some of them list are left out: they are
# what this module mends)
_LISTS = ("assign_triggers", "opening_triggers", "action_verbs", "heading_phrases", "duty_heading_phrases", "execution_phrases",
          "lead_labels", "support_labels", "member_list_endings", "not_task_actions", "assignee_heads", "collective_nouns",
          "office_holders", "body_compounds", "implementation_titles", "composition_subjects", "non_task_sections", "ocr_task_phrases")


class Mend(NamedTuple):
    start: int
    end: int
    printed: str
    mended: str


def _letters(word: str) -> str:
    return bare(fold(unicodedata.normalize("NFC", word)))


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[tuple[str, ...], tuple[str, ...] | None], int]:
    """Bare letters of a phrase's words → its folded words (None where two phrases differ in marks alone); the
    longest phrase's word count (:func:`~vnadmin_nlp.lexicon.ocr_vocabulary.phrase_table`, words cut to letters)."""
    t = load("tasks")
    misread = {fold(w) for w in t["ocr_action_verbs"]} | {fold(w) for w in t["ocr_name_words"]}
    phrases = [str(p) for name in _LISTS for p in t[name]] + list(entries())
    kept = (p for p in phrases if " ".join(_folded(p)) not in misread)
    table, longest = phrase_table(kept, cut=_WORD.findall)
    return {k: None if v is None else tuple(fold(unicodedata.normalize("NFC", w)) for w in v) for k, v in table.items()}, longest


def _folded(phrase: str) -> tuple[str, ...]:
    return tuple(fold(unicodedata.normalize("NFC", w)) for w in _WORD.findall(phrase))


def _joined(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The OCR'd spans with those only white space apart joined: the reader's blocks are lines, and a phrase runs
    over a line break (``tô`` / ``dân phô``)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and (a <= out[-1][1] or text[out[-1][1] : a].isspace()):
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def mends(text: str, spans: Sequence[tuple[int, int]]) -> list[Mend]:
    """The words of ``text``'s OCR'd ``spans`` to mend, each with its vocabulary spelling (same length, case kept)."""
    table, longest = vocabulary()
    out: list[Mend] = []
    for a, b in _joined(text, spans):
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, a, b)]
        keys = [_letters(w) for _, _, w in words]
        i = 0
        while i < len(words):
            n = min(longest, len(words) - i)
            while n >= MIN_WORDS:
                run = words[i : i + n]
                if all(text[x[1] : y[0]].isspace() for x, y in zip(run, run[1:])):  # (no punctuation inside a phrase)
                    entry = table.get(tuple(keys[i : i + n]))
                    if entry is not None:
                        break
                n -= 1
            if n < MIN_WORDS:
                i += 1
                continue
            run, entry = words[i : i + n], table[tuple(keys[i : i + n])]
            assert entry is not None
            printed = [fold(w) for _, _, w in run]
            changed = [j for j in range(n) if printed[j] != entry[j] and len(run[j][2]) == len(entry[j])]
            # a changed word that makes a pair of the language with its printed neighbour reads as printed
            pairs = {(j, j + 1) for j in changed if j + 1 < n} | {(j - 1, j) for j in changed if j > 0}
            if changed and len(changed) == sum(printed[j] != entry[j] for j in range(n)) \
                    and not any(is_known(run[x][2], run[y][2]) for x, y in pairs):
                out += [Mend(run[j][0], run[j][1], run[j][2], cased(run[j][2], entry[j])) for j in changed]
            i += n
    return out


def mended(ctx: Context) -> Context:
    """The context the tasks are read from: on an OCR'd document, its text with the task words mended (a copy
    sharing the fields and the warnings); else ``ctx`` itself."""
    spans = ctx.source_metadata.get("ocr_spans")
    if not spans or os.environ.get("VNADMIN_OCR_TASK_WORDS", "").lower() == "off":
        return ctx
    found = mends(ctx.text, spans)
    if not found:
        return ctx
    chars = list(ctx.text)
    for m in found:
        chars[m.start : m.end] = m.mended
    listed = ", ".join(f"{m.printed} → {m.mended}" for m in found[:12]) + (f" (+{len(found) - 12})" if len(found) > 12 else "")
    ctx.warn("task_words_mended", f"tasks: OCR'd words read as the task vocabulary's: {listed}")
    return replace(ctx, page=Page("".join(chars)))
