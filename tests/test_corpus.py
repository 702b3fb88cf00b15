"""Every file of the shared corpus gives a document or a clear typed error, never a traceback.

Scans are read with OCR limited to their first page here, to keep the suite short; the readers' own tests and
`vnadmin-nlp eval` read them whole.
"""
from __future__ import annotations

import json

import pytest

from vnadmin_nlp import ReaderError, parse_file
from vnadmin_nlp.readers import ocr

from .conftest import SHARED
from .national_name import national_in_issuer

CORPUS = sorted(
    p for p in (SHARED / "corpus").rglob("*") if p.is_file() and p.suffix.lower() not in (".jsonl",)
) if (SHARED / "corpus").is_dir() else []


@pytest.fixture(autouse=True)
def one_ocr_page(monkeypatch):
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(max_pages=1))


@pytest.mark.parametrize("path", CORPUS, ids=[p.name[:60] for p in CORPUS])
def test_corpus_file_parses_or_fails_cleanly(path, validate):
    try:
        doc = parse_file(path)
    except ReaderError as exc:
        assert exc.path == str(path) and exc.message  # names the file and says what is wrong
        return
    data = doc.to_dict()
    validate(data)
    assert json.loads(doc.to_json())["source"]["sha256"]
    assert not [w for w in doc.warnings if w.code == "extractor_failed"]
    assert not national_in_issuer(doc)  # issue 17: no issuer holds the Quốc hiệu or the motto
    n = len(doc.text)
    for c in doc.citations:
        assert 0 <= c.span[0] < c.span[1] <= n


def test_the_english_translation_is_flagged_not_parsed_as_vietnamese(shared):
    doc = parse_file(shared / "corpus" / "vbpl_en_decree_agencies_html.html")
    assert doc.source.language == "en"
    assert "not_vietnamese" in {w.code for w in doc.warnings}
    assert doc.issuer is None and doc.provisions == [] and doc.citations == []
    assert doc.number is None or doc.number.span is None  # at most the page's own attribute, never parsed text
