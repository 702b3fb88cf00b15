"""The runs of shared shingles over arrays (``runs``) give the passages of the loops of ``reuse.token_passages``:
the same runs, and dropping those that cannot chain changes no passage."""
from __future__ import annotations

import random
from array import array

import pytest

from vnadmin_nlp.linking import reuse, runs

from .conftest import SHARED

_LONG = [SHARED / "corpus" / "btc_tt99_1998_gt_txt.txt", SHARED / "corpus" / "bkhdt_bc_kh2005_gt_txt.txt"]


def _passages(sa, sb, arrays: bool, monkeypatch) -> list:
    monkeypatch.setattr(reuse, "ARRAYS_FROM", 1 if arrays else 1 << 60)
    return reuse.token_passages(sa, sb)


@pytest.mark.parametrize("pair", [(0, 1), (1, 0), (0, 0), (1, 1)])
def test_long_real_documents_give_the_loops_passages(pair, monkeypatch):
    if not all(p.exists() for p in _LONG):
        pytest.skip("shared corpus not available")
    toks = [reuse.tokenize(t, [(0, len(t))]) for t in (p.read_text(encoding="utf-8") for p in _LONG)]
    sa, sb = toks[pair[0]].shingles, toks[pair[1]].shingles
    if pair[0] == pair[1]:  # a document against a shifted window of itself: long passages, many repeats
        sb = sb[len(sb) // 5:len(sb) // 5 * 4]
    want = _passages(sa, sb, False, monkeypatch)
    assert _passages(sa, sb, True, monkeypatch) == want
    if pair[0] == pair[1]:
        assert want


def test_runs_are_the_loops_runs_on_tied_random_pairs():
    rng = random.Random(11)
    for trial in range(150):
        vocab = rng.choice([2, 5, 30, 400])
        a = [rng.randrange(vocab) for _ in range(rng.randrange(30, 600))]
        b = [rng.randrange(vocab) for _ in range(rng.randrange(0, 60))] + a[rng.randrange(len(a)):]
        sa, sb = array("Q", [reuse._mix(t + 3) for t in a]), array("Q", [reuse._mix(t + 3) for t in b])
        common = set(sa).intersection(sb)
        if not common:
            continue
        got = runs.shared_runs(sa, sb, common, reuse.PER_VALUE).tolist()
        assert got == _reference_runs(sa, sb), trial


def _reference_runs(sa, sb) -> list[list[int]]:
    return reuse.loop_runs(sa, sb, set(sa).intersection(sb))  # the loops' runs, which the arrays must equal


def test_edited_copies_give_the_loops_passages(monkeypatch):
    """Copies with words changed, inserted and dropped, among unrelated text of the same few words (the runs that
    cannot chain are many)."""
    rng = random.Random(4)
    for trial in range(200):
        vocab = rng.choice([4, 12, 60])
        src = [rng.randrange(vocab) for _ in range(rng.randrange(40, 400))]
        copy = src[:]
        for _ in range(rng.randrange(0, 30)):
            k = rng.randrange(len(copy))
            op = rng.random()
            if op < 0.4:
                copy[k] = rng.randrange(vocab)
            elif op < 0.7:
                copy.insert(k, rng.randrange(vocab))
            elif len(copy) > 1:
                del copy[k]
        a = [rng.randrange(vocab) for _ in range(rng.randrange(0, 300))] + src
        b = copy + [rng.randrange(vocab) for _ in range(rng.randrange(0, 300))]
        sa, sb = array("Q", [reuse._mix(t + 9) for t in a]), array("Q", [reuse._mix(t + 9) for t in b])
        assert _passages(sa, sb, True, monkeypatch) == _passages(sa, sb, False, monkeypatch), trial


def test_a_run_that_cannot_chain_is_dropped_and_one_that_can_is_kept():
    import numpy as np

    n, reach, shortest = reuse.N, reuse.MAX_GAP + reuse.N, reuse.MIN_TOKENS - reuse.N
    found = np.array([[0, 1, 500, 501, 2],            # alone: nothing ends or starts within reach
                      [100, 102, 10, 12, 3],          # the next one starts 8 after its end: may chain
                      [110, 112, 20, 22, 3],
                      [300, 330, 40, 70, 31]])        # long enough alone
    kept = runs.chainable(found, n, reach, shortest).tolist()
    assert kept == found[1:].tolist()


def test_the_check_before_chaining_never_rejects_a_pair_with_a_passage():
    rng = random.Random(8)
    held = rejected = 0
    for trial in range(1500):
        vocab = rng.choice([4, 12, 60, 1000])
        src = [rng.randrange(vocab) for _ in range(rng.randrange(20, 200))]
        copy = src[:]
        for _ in range(rng.randrange(0, 40)):
            k = rng.randrange(len(copy))
            copy[k] = rng.randrange(vocab)
        a = [rng.randrange(vocab) for _ in range(rng.randrange(0, 200))] + src
        b = copy + [rng.randrange(vocab) for _ in range(rng.randrange(0, 200))]
        sa, sb = array("Q", [reuse._mix(t + 9) for t in a]), array("Q", [reuse._mix(t + 9) for t in b])
        common = set(sa) & set(sb)
        if not common:
            continue
        found = runs.shared_runs(sa, sb, common, reuse.PER_VALUE)
        may = runs.may_hold_passage(runs.chainable(found, reuse.N, reuse.MAX_GAP + reuse.N, reuse.MIN_TOKENS - reuse.N),
                                    reuse.MIN_TOKENS - reuse.N, reuse.MIN_SIMILARITY)
        if reuse._chained(found.tolist()):
            held += 1
            assert may, trial
        rejected += not may
    assert held > 300 and rejected > 0
