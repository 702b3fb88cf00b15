"""Words of an OCR'd trích yếu that the rest of the document reads otherwise (tesseract's Vietnamese model drops
and swaps tones; a body that repeats the trích yếu's words is a second reading of them): found, and corrected
when the document's reading is clear.  Used by :mod:`.subject`; the other OCR doubts are in :mod:`.ocr_doubt`."""
from __future__ import annotations

from collections import Counter

from ..lexicon.fold import bare, fold
from ..lexicon.lazy import lazy_re
from .base import Context

VARIANT_RUN = 3  # words: a run of the trích yếu found again elsewhere in the document, marks aside
CONSENSUS = 2  # a reading the rest of the document gives this many times, and never the trích yếu's own, replaces it
_TOKEN = lazy_re(r"[^\W_]+")


def read_otherwise(ctx: Context, span: tuple[int, int]) -> list[tuple[int, int, str, str, int, int]]:
    """Words of the text at ``span`` (an OCR'd trích yếu) that the document reads otherwise, more often, elsewhere:
    a run of :data:`VARIANT_RUN` words around the word is found again outside ``span`` with the same letters but
    other marks (``tô chức đại hội`` in the trích yếu, ``tổ chức đại hội`` in the body; ``NHIỆM KỶ (2019 - 2025)``
    / ``nhiệm kỳ (2019 - 2025)``), and that reading is more frequent there than the trích yếu's own.  Tesseract's
    Vietnamese model drops and swaps tones; a body that repeats the trích yếu's words (``về việc …``) is a
    second reading of them.  Returns (start, end, word, other reading, its count, the word's own count elsewhere),
    one per word; [] when nothing disagrees."""
    text = ctx.text
    tokens = [(m.start(), m.group(0)) for m in _TOKEN.finditer(text)]
    inside = [k for k, (at, _) in enumerate(tokens) if span[0] <= at < span[1]]
    if len(inside) < VARIANT_RUN:
        return []
    lower = [t.casefold() for _, t in tokens]
    folded = [fold(t) for t in lower]  # readings compared with old and new tone placement as one (xoá / xóa)
    keys = [bare(t) for t in folded]
    first, last = inside[0], inside[-1]
    runs: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
    printed: dict[tuple[str, ...], tuple[str, ...]] = {}  # a reading as the document first prints it
    for k in range(len(tokens) - VARIANT_RUN + 1):
        if first - VARIANT_RUN < k <= last:
            continue  # a run that overlaps the trích yếu
        reading = tuple(folded[k : k + VARIANT_RUN])
        runs.setdefault(tuple(keys[k : k + VARIANT_RUN]), Counter())[reading] += 1
        printed.setdefault(reading, tuple(lower[k : k + VARIANT_RUN]))
    out: dict[int, tuple[int, int, str, str, int, int]] = {}
    for k in range(first, last - VARIANT_RUN + 2):
        seen = runs.get(tuple(keys[k : k + VARIANT_RUN]))
        if not seen:
            continue
        own = tuple(folded[k : k + VARIANT_RUN])
        other, n = seen.most_common(1)[0]
        if other == own or n <= seen[own]:
            continue
        for j, (a, b, shown) in enumerate(zip(own, other, printed[other])):
            at, word = tokens[k + j]
            if a != b and (k + j not in out or out[k + j][5] > seen[own]):
                out[k + j] = (at, at + len(word), word, shown, n, seen[own])
    return [out[k] for k in sorted(out)]


def consensus_fix(word: str, other: str, count: int, own: int) -> str | None:
    """The word as the rest of the document reads it, in the case it is printed, when that reading is the
    document's (:data:`CONSENSUS` times or more, the word's own never); None otherwise."""
    if count < CONSENSUS or own or len(other) != len(word):
        return None
    return "".join(o.upper() if p.isupper() else o for p, o in zip(word, other))
