"""The writer's band keys over arrays (``bands``) are the keys of the reference loops (``shingles.band_keys``), bit
for bit: an index keeps the keys, and a new document must meet the stored ones whichever code stored them."""
from __future__ import annotations

import random
from array import array

import pytest

from vnadmin_nlp.linking import bands, shingles

from .conftest import SEED_CONG_VAN, SEED_THONG_BAO, SHARED

# real texts: two seeds, a long circular and a very long report of the shared corpus (repeated phrases, tables)
_REAL = [SEED_CONG_VAN, SEED_THONG_BAO, SHARED / "corpus" / "btc_tt99_1998_gt_txt.txt",
         SHARED / "corpus" / "bkhdt_bc_kh2005_gt_txt.txt"]


@pytest.mark.parametrize("path", _REAL, ids=lambda p: p.name)
def test_real_texts_give_the_reference_keys(path):
    if not path.exists():
        pytest.skip(f"{path} not available")
    text = path.read_text(encoding="utf-8")
    toks = shingles.tokenize(text, [(0, len(text))])
    assert len(toks.shingles) > 200
    want = shingles.band_keys(toks)
    assert bands.band_keys(toks.shingles) == want
    assert list(bands.anchors(toks.shingles)) == shingles.anchors(toks.shingles)
    # a window of it, wherever it starts (the anchors near both ends, passages cut short)
    for a, b in ((0, 300), (17, 317), (len(toks.shingles) - 95, len(toks.shingles))):
        part = toks.shingles[a:b]
        assert bands.band_keys(part) == shingles.band_keys(shingles.Tokens(part))


@pytest.mark.parametrize("vocab", [2, 7, 50, 1 << 40])
def test_random_sequences_with_ties_give_the_reference_keys(vocab):
    """Few distinct values: ties in the winnowing windows (the rightmost minimum is the anchor) and passages with
    empty MinHash bins (filled from the next filled bin, cyclically)."""
    rng = random.Random(vocab)
    for n in (0, 1, 8, 15, 16, 40, 63, 64, 65, 200, 3000):
        sh = array("Q", [shingles._mix(rng.randrange(vocab) + 1) for _ in range(n)])
        assert bands.band_keys(sh) == shingles.band_keys(shingles.Tokens(sh)), n


def test_signatures_fill_empty_bins_as_the_loop_does():
    rng = random.Random(3)
    import numpy as np

    sh = array("Q", [shingles._mix(rng.randrange(5)) for _ in range(400)])
    h = np.frombuffer(sh, dtype=np.uint64)
    starts = np.array([0, 5, 100, 384])
    got = bands.signatures(h, starts)
    assert (got == np.uint64(shingles._M64)).sum() == 0
    for row, a in zip(got, starts):
        assert [int(v) for v in row] == shingles.signature(sh[a:a + shingles.CHUNK])


def test_long_texts_fold_and_hash_as_the_loops_do(monkeypatch):
    """``fold`` over an array (long texts) is ``str.translate``'s fold, every code point below the table's end,
    lone surrogates and characters beyond it included; the shingles' hashes over arrays are the loop's."""
    every = "".join(chr(c) for c in range(1, 0x2100)) + "😀ﬁ\udc80"
    assert len(every) >= shingles._ARRAY_FOLD
    assert shingles.fold(every) == every.translate(shingles._FOLD)
    text = SEED_THONG_BAO.read_text(encoding="utf-8") if SEED_THONG_BAO.exists() else every
    fast = shingles.tokenize(text, [(0, len(text))])
    assert fast.count >= shingles._ARRAY_HASHES
    monkeypatch.setattr(shingles, "_ARRAY_HASHES", 1 << 60)
    monkeypatch.setattr(shingles, "_ARRAY_FOLD", 1 << 60)
    slow = shingles.tokenize(text, [(0, len(text))])
    assert fast.shingles == slow.shingles and fast.count == slow.count
