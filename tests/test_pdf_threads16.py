"""PDFs parsed from several threads of one process give what they give alone.  pdfium is not thread-safe (pypdfium2's
documentation: no two pdfium calls at once, not even on different documents), so every call into it holds
``readers.pdf.lock.PDFIUM``.  An invariant test: on this host stress runs without the lock (text layers and OCR'd
scans, 4 threads) happened to give identical output, while an earlier build gave a different document once and
hung once (session 16); what this checks is that parsing from threads gives the single-thread result."""
from __future__ import annotations

import threading
from pathlib import Path

from vnadmin_nlp.pipeline import parse_file
from vnadmin_nlp.readers.pdf.lock import PDFIUM

FILES = ("devset/lamdong/ld_008.pdf", "devset/lamdong/ld_013.pdf", "devset/lamdong/ld_006.pdf", "devset/lamdong/ld_016.pdf")


def _json(path: Path) -> str:
    return parse_file(path, limits=None).model_dump_json()


def test_threads_reading_pdfs_at_once_get_what_one_reads(shared: Path) -> None:
    paths = [shared / f for f in FILES]
    alone = {p: _json(p) for p in paths}
    got: dict[tuple[int, int], str] = {}
    errors: list[BaseException] = []

    def work(t: int) -> None:
        try:
            for k in range(6):
                p = paths[(t + k) % len(paths)]
                got[(t, k)] = _json(p)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,), daemon=True) for t in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=300)
    assert not any(th.is_alive() for th in threads), "a thread hung"
    assert not errors, errors
    assert len(got) == 24
    for (t, k), out in got.items():
        assert out == alone[paths[(t + k) % len(paths)]], (t, k)


def test_the_lock_is_reentrant_and_free_after_a_read(shared: Path) -> None:
    _json(shared / FILES[0])
    assert PDFIUM.acquire(blocking=False)  # nobody holds it once the reader returned
    try:
        assert PDFIUM.acquire(blocking=False)  # a holder may take it again
        PDFIUM.release()
    finally:
        PDFIUM.release()
