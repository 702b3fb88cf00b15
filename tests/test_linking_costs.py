"""What keeps linking's work per document from growing with the corpus, each checked against the simpler code it
replaced (same results): resolution reads documents' facts from a covering index, the chaining of runs keeps its
open passages ordered by bisection, the writer's tokens are kept without evicting, the cyclic GC pauses per batch,
reuse detection counts a batch's candidate pairs from its own documents in each bucket."""
from __future__ import annotations

import gc
import random
import sqlite3
from operator import itemgetter

import pytest

from vnadmin_nlp.linking import Corpus, detect, resolve, reuse
from vnadmin_nlp.model import Document, Source
from vnadmin_nlp.pipeline import parse_text


def _chained_by_sorting(done: list[list[int]]) -> list[tuple]:
    """The chaining as it was written before (``open_`` sorted again after every run), for comparison."""
    n, gap_max = reuse.N, reuse.MAX_GAP
    open_: list[list[int]] = []
    closed: list[list[int]] = []
    for a0, a1, b0, b1, m in done:
        if open_ and open_[0][1] < a0 - gap_max - n:
            closed.extend(p for p in open_ if p[1] < a0 - gap_max - n)
            open_ = [p for p in open_ if p[1] >= a0 - gap_max - n]
        best = None
        for p in open_:
            ga, gb = a0 - p[1], b0 - p[3]
            if -n < ga <= gap_max + n and -n < gb <= gap_max + n and (best is None or ga + gb < best[0]):
                best = (ga + gb, p)
        if best is not None:
            p = best[1]
            p[1], p[3] = max(p[1], a1), max(p[3], b1)
            p[4] += m
        else:
            open_.append([a0, a1, b0, b1, m])
        open_.sort(key=itemgetter(1))
    out = []
    taken_a: list[tuple[int, int]] = []
    for a0, a1, b0, b1, m in sorted(closed + open_, key=lambda p: p[0] - p[1]):
        a_end, b_end = a1 + n - 1, b1 + n - 1
        length = min(a_end - a0, b_end - b0) + 1
        similarity = min(1.0, m / max(1, a1 - a0 + 1, b1 - b0 + 1))
        if length < reuse.MIN_TOKENS or similarity < reuse.MIN_SIMILARITY or any(a0 < y and x < a_end for x, y in taken_a):
            continue
        taken_a.append((a0, a_end))
        out.append((a0, a_end, b0, b_end, length, round(similarity, 3)))
    return out


def _runs(rng: random.Random) -> list[list[int]]:
    """Runs as ``token_passages`` makes them, many on nearby diagonals and ending alike (ties in the order)."""
    out = []
    for _ in range(rng.randint(0, 400)):
        a0 = rng.randrange(600)
        ln = rng.choice([1, 1, 1, 2, 3, 8, 25])
        b0 = max(0, a0 + rng.randint(-6, 6) + rng.choice([0, 0, 40, -40]))
        out.append([a0, a0 + ln - 1, b0, b0 + ln - 1, ln])
    return sorted(out)


@pytest.mark.parametrize("seed", range(40))
def test_chaining_by_bisection_gives_the_passages_of_sorting_after_every_run(seed):
    rng = random.Random(seed)
    done = _runs(rng)
    assert reuse._chained([list(r) for r in done]) == _chained_by_sorting([list(r) for r in done])


@pytest.mark.parametrize("seed", range(10))
def test_a_self_repeating_text_aligns_as_before(seed):
    """A decree repeating its phrases (one shingle hundreds of times): many runs on many diagonals."""
    rng = random.Random(seed)
    phrase = [rng.randrange(12) for _ in range(rng.randint(20, 60))]
    sa = [x for _ in range(8) for x in (phrase if rng.random() < 0.7 else [rng.randrange(12) for _ in phrase])]
    sb = [rng.randrange(12) for _ in range(30)] + sa[rng.randint(0, 100):] + phrase
    found = reuse.token_passages(sa, sb)
    assert found == reuse.token_passages(sa, sb, set(sa))
    assert all(p[4] >= reuse.MIN_TOKENS and p[5] >= reuse.MIN_SIMILARITY for p in found)


def test_the_writer_keeps_tokens_while_there_is_room_and_never_evicts():
    cache = detect.TokenCache(sqlite3.connect(":memory:"), words=10)
    for i in range(4):
        cache.keep(i, reuse.Tokens([1, 2, 3, 4]))  # 4 shingles each: the first two fit
    assert list(cache.items) == [0, 1] and cache.words == 8
    cache.put(9, reuse.Tokens([5, 6, 7, 8]))  # a document read back: the least recently used makes room
    assert list(cache.items) == [1, 9] and cache.words == 8


def test_the_gc_is_resumed_after_a_batch_as_it_was():
    assert gc.isenabled()
    with resolve.cycles_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with resolve.cycles_paused():
            pass
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()


def _doc(path: str, number: str, day: int, cites: str) -> Document:
    text = (f"UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Lâm Đồng, ngày {day} tháng 3 năm 2024\nV/v tuyển dụng công chức\nKính gửi: Ủy ban nhân dân tỉnh.\n{cites}"
            "Sở Nội vụ báo cáo như sau.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn An\n")
    return parse_text(text, source=Source(path=path, format="txt"))


def test_resolution_reads_the_documents_facts_from_the_covering_index(tmp_path):
    """Every query of resolution that reads ``documents`` finds what it needs in ``documents_facts``: the rows
    (a page or more each: JSON and text) are never read, so the cost does not depend on the table outgrowing the
    cache."""
    docs = [_doc("a.txt", "12/SNV-TCCC", 5, ""),
            _doc("b.txt", "13/SNV-TCCC", 20, "Căn cứ Công văn số 12/SNV-TCCC ngày 05/3/2024 của Sở Nội vụ;\n")]
    seen: list[str] = []
    with Corpus.open(tmp_path / "i.sqlite", reuse=False) as corpus:
        corpus.index(docs)
        corpus.conn.set_trace_callback(seen.append)
        corpus.conn.execute("INSERT INTO pending SELECT lookup, 0 FROM doc_lookup")
        resolve.resolve_pending(corpus.conn)
        corpus.conn.set_trace_callback(None)
        queries = [q for q in seen if q.lstrip().startswith("SELECT") and "documents" in q]
        assert len(queries) == 2  # the candidates, and the citing documents' places and dates
        for q in queries:
            plan = " | ".join(r[3] for r in corpus.conn.execute("EXPLAIN QUERY PLAN " + q))
            assert "COVERING INDEX documents_facts" in plan, plan
            assert "INTEGER PRIMARY KEY" not in plan, plan
        (link,) = corpus.cites("b.txt")
        assert link.dst.key == corpus.get("a.txt").key  # type: ignore[union-attr]


def _candidates_of_every_pair(conn: sqlite3.Connection, ids: list[int], pending: set[int]) -> dict[tuple[int, int], int]:
    """The candidate pairs as they were counted before: every pair of every bucket visited, then filtered."""
    mine = set(ids)
    keys = {b for r in conn.execute(f"SELECT bands FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids)
            if r[0] for b in detect.unpack_bands(r[0])}
    buckets: dict[int, list[int]] = {}
    for band, doc_id in conn.execute("SELECT band, doc_id FROM lsh ORDER BY band, doc_id"):
        if band in keys:
            buckets.setdefault(band, []).append(doc_id)
    shared: dict[tuple[int, int], int] = {}
    for bucket in buckets.values():
        if not 2 <= len(bucket) <= detect.MAX_BUCKET:
            continue
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                x, y = (a, b) if a < b else (b, a)
                if (x in mine or y in mine) and not ((x in pending and x not in mine) or (y in pending and y not in mine)):
                    shared[(x, y)] = shared.get((x, y), 0) + 1
    return shared


@pytest.mark.parametrize("batch", [1, 3, 7, 40])
def test_a_batch_counts_the_pairs_of_its_own_documents_as_every_pair_did(tmp_path, monkeypatch, batch):
    """Buckets spread over several batches (paragraphs shared by overlapping groups of documents, one bucket past
    ``MAX_BUCKET``): each batch's pairs and counts are those of visiting every pair of every bucket."""
    monkeypatch.setattr(detect, "MAX_BUCKET", 6)
    rng = random.Random(batch)
    words = "kế hoạch triển khai thực hiện nhiệm vụ chuyển đổi số địa bàn tỉnh năm báo cáo kết quả đề nghị".split()
    paragraphs = [" ".join(rng.choice(words) for _ in range(45)) + "." for _ in range(6)]
    docs = []
    for i in range(24):
        body = "\n".join(paragraphs[k] for k in range(6) if rng.random() < (0.9 if k == 0 else 0.3))
        body += "\n" + " ".join(rng.choice(words) for _ in range(30)) + "."
        text = f"CÔNG VĂN\n{body}\n"
        docs.append(Document(source=Source(path=f"d{i:02d}", format="txt"), text=text, date=f"2024-03-{i + 1:02d}",
                             zones={"body": (9, 9 + len(body))}))
    with Corpus.open(tmp_path / "i.sqlite", reuse=True) as corpus:
        corpus.index(docs)
        conn = corpus.conn
        order = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
        pending = set(order)
        seen = 0
        for k in range(0, len(order), batch):
            ids = order[k:k + batch]
            got = detect.candidates(conn, ids, pending)
            assert got == _candidates_of_every_pair(conn, ids, pending)
            assert detect.candidates(conn, ids, set()) == _candidates_of_every_pair(conn, ids, set())  # none pending
            seen += len(got)
            pending.difference_update(ids)
        assert seen > 20  # buckets shared across batches were counted
