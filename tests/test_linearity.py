"""Issue 14: parse_text is linear in the text, shape by shape (tests/text_shapes.py).

The check is a ratio of CPU times, not a wall-clock threshold: the time per KB at 10× the size over the time per KB
at the small size, one sample of equal work at each size, and more samples (the best kept) only when that one is
over the bar (robust to a busy machine, at half the CPU for a linear shape).  CI runs 60 KB → 600 KB with a loose bar;
``scripts/linearity.py`` runs 1 MB → 10 MB against the issue's bar of 1.2×.

Shapes in KNOWN_SUPERLINEAR are not run: their cause is known and lies in a module being fixed elsewhere (the
reason names the file, the function and the input shape); remove the entry when it is fixed.
"""
from __future__ import annotations

import gc
import time

import pytest

from tests.text_shapes import SHAPES
from vnadmin_nlp import parse_text

SMALL, LARGE = 60_000, 600_000
BAR = 1.6  # loose for CI (small sizes, shared cores); the script holds 1.2 at 1 MB -> 10 MB

# A shape whose cause is known and is being fixed elsewhere is listed here with the file, the function and the input
# shape (then not run); empty since the bounded match windows in citing/numbers.py, deadlines/context.py and
# citing/relations.py, the bisection of earlier mentions in citing/short_forms.py and of triggers in tasks.py.
KNOWN_SUPERLINEAR: dict[str, str] = {}


def _best(text: str, runs: int, repeat: int = 1) -> float:
    """The best CPU time of one parse over ``runs`` samples of ``repeat`` parses in a row, the garbage collector
    off while timing: inside the whole suite the process holds a large heap, and the collector's full passes over
    it (more of them for a larger input) made shapes that build tens of thousands of objects read 1.7× here while
    they read 1.3× alone.  ``repeat`` makes a sample at the small size as much work as one at the large size: on a
    shared host the best of several short samples is biased low (see scripts/linearity.py's ``best_time``)."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            for _ in range(repeat):
                parse_text(text)
            best = min(best, (time.process_time() - start) / repeat)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize(
    "shape",
    [pytest.param(s, marks=pytest.mark.xfail(run=False, reason=KNOWN_SUPERLINEAR[s])) if s in KNOWN_SUPERLINEAR
     else s for s in SHAPES],
)
def test_time_per_kb_does_not_grow(shape: str) -> None:
    small, large = SHAPES[shape](SMALL), SHAPES[shape](LARGE)
    k = LARGE // SMALL
    t_small = _best(small, 1, k)
    t_large = _best(large, 1)
    if t_large < 0.05:
        return  # too fast to measure: linear enough
    ratio = (t_large / len(large)) / (max(t_small, 1e-4) / len(small))
    # Only over the bar: a second sample of each size (the best of two, which the bar was set for), then two more
    # tries of two before failing (a neighbour may have stolen the CPU during one size).  A linear shape pays for
    # one sample of each size, half of what the best of two cost it.
    for runs in (1, 2, 2):
        if ratio < BAR:
            break
        t_small, t_large = min(t_small, _best(small, runs, k)), min(t_large, _best(large, runs))
        ratio = (t_large / len(large)) / (max(t_small, 1e-4) / len(small))
    assert ratio < BAR, f"{shape}: time per KB grew {ratio:.2f}× from {SMALL} to {LARGE} characters"
