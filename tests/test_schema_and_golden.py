"""The committed JSON Schema is the model's, and the bundled samples give their reviewed golden outputs.

Regenerate the golden files with ``pytest --regen-golden`` and review the diff before committing.
"""
from __future__ import annotations

import json

import pytest

from vnadmin_nlp import SCHEMA_VERSION, json_schema, parse_file
from vnadmin_nlp.readers import get_reader

from .conftest import FIXTURES, ROOT

SAMPLES = sorted((FIXTURES / "samples").iterdir())
GOLDEN = FIXTURES / "golden"
_READER_FOR = {".txt": "text", ".docx": "docx", ".pdf": "pdf", ".rtf": "rtf", ".doc": "doc", ".html": "html"}


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "schema" / f"document-{SCHEMA_VERSION}.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), f"run: vnadmin-nlp schema -o schema/document-{SCHEMA_VERSION}.json"


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_matches_golden(sample, regen_golden, validate):
    if get_reader(_READER_FOR[sample.suffix]) is None:
        pytest.skip(f"no {sample.suffix} reader yet")
    data = parse_file(sample).to_dict(include_text=False)
    data["source"]["path"] = sample.name  # machine-independent
    validate(data)
    golden = GOLDEN / f"{sample.name}.json"
    if regen_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    assert golden.exists(), f"no golden file for {sample.name}: run pytest --regen-golden and review it"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert data == expected
