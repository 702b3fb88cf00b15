"""The scorer counts right, and the parser meets its accuracy bar on the gold of text documents."""
from __future__ import annotations

from vnadmin_nlp.evaluation import Counts, compare, evaluate, lenient, strict

from .conftest import FIXTURES


def test_compare_scalars_and_lists():
    assert compare("Hà Nội", "Hà Nội", strict) == Counts(1, 0, 0)
    assert compare("Hà Nội", "Hà Nọi", strict) == Counts(0, 1, 1)
    assert compare("Hà Nội", None, strict) == Counts(0, 0, 1)
    assert compare(None, "Hà Nội", strict) == Counts(0, 1, 0)
    assert compare(None, None, strict) == Counts(0, 0, 0)
    assert compare(["a", "b", "b"], ["b", "c"], strict) == Counts(1, 1, 2)
    # counts are compared for the kinds the gold counts
    assert compare({"article": 3}, {"article": 2, "clause": 1}, strict) == Counts(2, 0, 1)


def test_lenient_folds_case_tone_space_and_trailing_punctuation():
    assert lenient("Cộng hoà  xã hội.") == lenient("CỘNG HÒA XÃ HỘI")
    assert lenient("TT- BGTVT") == lenient("TT-BGTVT")
    assert strict("Cộng hoà") != strict("Cộng hòa")


def test_header_fields_on_text_documents_reach_the_bar(shared):
    report = evaluate(FIXTURES / "gold", shared)
    text_docs = [d for d in report.docs if d.format in ("txt", "md")]
    assert len(text_docs) >= 4
    assert all(d.error is None for d in text_docs)
    assert report.header_micro(text_docs, "lenient").f1 >= 0.95
    assert report.header_micro(text_docs, "strict").f1 >= 0.95
