"""Reuse detection does bounded work per document: word offsets found again only for the passages reported,
band keys of more than ``MAX_BUCKET`` documents never read, at most ``MAX_CANDIDATES`` documents aligned with each
new one (those sharing the most band keys), a token cache bounded in words.  The bounds must not change what an
ordinary corpus finds."""
from __future__ import annotations

import random
import re
import shutil

import pytest

from vnadmin_nlp.linking import Corpus, detect, reuse
from vnadmin_nlp.model import Document, Source, Zones

from .conftest import SEED_CONG_VAN, SEED_THONG_BAO

# Words of a real body (the seed Thông báo's first point), shuffled into paragraphs nobody else shares.
_WORDS = ("tiếp tục triển khai thực hiện có hiệu quả các nhiệm vụ giải pháp chuyển đổi số trên địa bàn tỉnh "
          "nâng cao chất lượng cung cấp dịch vụ công trực tuyến toàn trình một phần cho người dân doanh nghiệp "
          "đẩy mạnh tuyên truyền hướng dẫn sử dụng nền tảng số kết nối chia sẻ dữ liệu giữa các cơ quan").split()


def _paragraph(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)) + "."


def _doc(path: str, body: str, day: int) -> Document:
    text = f"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: {day}/UBND-VX\nLâm Đồng, ngày {day} tháng 3 năm 2024\nCÔNG VĂN\n{body}\n"
    start = text.index(body)
    return Document(source=Source(path=path, format="txt"), text=text, date=f"2024-03-{day:02d}",
                    zones=Zones(body=(start, start + len(body))))


def _pairs(corpus: Corpus) -> set[tuple[str, str]]:
    rows = corpus.conn.execute("SELECT a.path, b.path FROM reuse r JOIN documents a ON a.id = r.src JOIN documents b ON b.id = r.dst")
    return {tuple(sorted(r)) for r in rows}  # type: ignore[misc]


def test_offsets_are_found_again_only_where_asked():
    text = "Kính gửi: Sở Nội vụ.\nCăn cứ Quyết định số 12/QĐ-UBND ngày 5/3/2024 của UBND tỉnh; Đồng ý chủ trương."
    toks = reuse.tokenize(text, [(0, len(text))])
    words = list(re.finditer(r"[a-z0-9]+", text.translate(reuse._FOLD)))
    assert toks.count == len(words) and len(toks.shingles) == len(words) - reuse.N + 1
    got = toks.offsets(text, [0, 7, len(words) - 1])
    assert got == {i: words[i].span() for i in (0, 7, len(words) - 1)}
    assert text[slice(*got[7])] == "Quyết"  # folded to "quyet" to be compared, found in the text as written


def test_a_document_is_aligned_with_the_candidates_that_share_the_most(tmp_path, monkeypatch):
    rng = random.Random(7)
    shared = [_paragraph(rng, 60) for _ in range(3)]
    # "new" quotes one paragraph of a1 and a2 each, and all three paragraphs of a3: a3 shares the most band keys
    docs = [_doc("a1", shared[0] + "\n" + _paragraph(rng, 80), 1), _doc("a2", shared[1] + "\n" + _paragraph(rng, 80), 2),
            _doc("a3", "\n".join(shared) + "\n" + _paragraph(rng, 40), 3),
            _doc("new", _paragraph(rng, 40) + "\n" + "\n".join(shared), 9)]
    with Corpus.open(tmp_path / "all.sqlite") as corpus:
        corpus.index(docs)
        everything = _pairs(corpus)
    assert {("a1", "new"), ("a2", "new"), ("a3", "new")} <= everything
    monkeypatch.setattr(detect, "MAX_CANDIDATES", 1)
    with Corpus.open(tmp_path / "capped.sqlite") as corpus:
        corpus.index(docs[:3])  # the three old documents, compared with each other
        corpus.index(docs[3:])  # then the new one: aligned with one candidate only, the one sharing the most
        assert _pairs(corpus) - _pairs_among_old(everything) == {("a3", "new")}


def _pairs_among_old(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    return {p for p in pairs if "new" not in p}


def test_a_band_key_of_too_many_documents_is_not_read(tmp_path, monkeypatch):
    rng = random.Random(3)
    boilerplate = _paragraph(rng, 60)  # its whole passages give the same ten band keys to the five documents
    docs = [_doc(f"d{i}", boilerplate + "\n" + _paragraph(rng, 50), i + 1) for i in range(5)]
    with Corpus.open(tmp_path / "i.sqlite") as corpus:
        corpus.index(docs)
        assert len(_pairs(corpus)) == 10  # every pair of the five
        ids = [r[0] for r in corpus.conn.execute("SELECT id FROM documents ORDER BY id")]
        everything = detect.candidates(corpus.conn, ids, set())
        assert len(everything) == 10 and min(everything.values()) >= 10
        monkeypatch.setattr(detect, "MAX_BUCKET", 4)  # the boilerplate's keys (5 documents each) are not read
        capped = detect.candidates(corpus.conn, ids, set())
        assert max(capped.values(), default=0) <= 2 and sum(capped.values()) < sum(everything.values()) - 10 * 9


def test_the_seeds_reuse_is_the_same_with_the_tightest_bounds(tmp_path_factory, shared, monkeypatch):
    folder = tmp_path_factory.mktemp("seeds-bounds")
    for seed in (SEED_CONG_VAN, SEED_THONG_BAO):
        shutil.copy(seed, folder / seed.name)
    with Corpus.open(folder.parent / "loose.sqlite") as corpus:
        corpus.index([folder])
        loose = sorted(tuple(r) for r in corpus.conn.execute("SELECT * FROM reuse"))
    assert len(loose) == 1 and loose[0][6] > 300  # the Công văn repeats the 17 points of the Thông báo
    monkeypatch.setattr(detect, "MAX_CANDIDATES", 1)
    monkeypatch.setattr(detect, "CACHE_WORDS", 1)  # one document's tokens in memory at a time
    with Corpus.open(folder.parent / "tight.sqlite") as corpus:
        corpus.index([folder])
        assert sorted(tuple(r) for r in corpus.conn.execute("SELECT * FROM reuse")) == loose


@pytest.mark.parametrize("n", [0, 4, 5, 17, 40])
def test_short_and_empty_bodies(n):
    text = " ".join(_WORDS[:n])
    toks = reuse.tokenize(text, [(0, len(text))])
    assert len(toks.shingles) == max(0, n - reuse.N + 1)
    assert reuse.band_keys(toks) == reuse.band_keys(reuse.Tokens(list(toks.shingles)))
    assert reuse.align(toks, toks, text, text) == ([] if n < reuse.MIN_TOKENS else reuse.align(toks, toks, text, text))


def test_word_offsets_are_read_on_the_text_without_folding_it():
    text = "ĐỒNG Ý chủ trương; Sở Nội vụ (CĐS) – ngày 5/3/2024: Ủy ban nhân dân tỉnh Lâm Đồng ½ ﬁ"
    toks = reuse.tokenize(text, [(0, len(text))])
    folded = list(re.finditer(r"[a-z0-9]+", reuse.fold(text)))
    assert toks.offsets(text, range(toks.count)) == {i: m.span() for i, m in enumerate(folded)}
    assert text[slice(*toks.offsets(text, [0])[0])] == "ĐỒNG"


@pytest.mark.parametrize("seed", range(20))
def test_alignment_with_one_shingle_set_finds_the_same_passages(seed):
    rng = random.Random(seed)
    sa = [rng.randrange(30) for _ in range(rng.randint(0, 300))]  # repeated shingles: several runs per value
    sb = [rng.randrange(30) for _ in range(40)] + sa[rng.randint(0, 60):] + [rng.randrange(30) for _ in range(30)]
    both = reuse.token_passages(sa, sb)
    assert reuse.token_passages(sa, sb, set(sa)) == both == reuse.token_passages(sa, sb, None, set(sb))


def test_a_new_document_is_cut_into_tokens_once(tmp_path, monkeypatch):
    """The writer keeps the tokens it cut for the band keys; the alignment does not cut the new documents again,
    and finds the same passages as when it must read them back from the index."""
    rng = random.Random(11)
    quoted = _paragraph(rng, 60)
    docs = [_doc("old", _paragraph(rng, 50) + "\n" + quoted, 1), _doc("new", quoted + "\n" + _paragraph(rng, 40), 2)]
    cut: list[int] = []
    real_tokenize = detect.tokenize
    monkeypatch.setattr(detect, "tokenize", lambda text, ranges: (cut.append(1), real_tokenize(text, ranges))[1])
    with Corpus.open(tmp_path / "i.sqlite") as corpus:
        corpus.index(docs)
        assert _pairs(corpus) == {("new", "old")} and cut == []
        fed = sorted(tuple(r) for r in corpus.conn.execute("SELECT * FROM reuse"))
        corpus.conn.execute("DELETE FROM reuse")
        corpus.conn.execute("UPDATE documents SET reuse_done = 0")
        corpus.conn.commit()
        corpus.refresh()  # a fresh cache: both documents read back from the index and cut
        assert len(cut) == 2 and sorted(tuple(r) for r in corpus.conn.execute("SELECT * FROM reuse")) == fed
