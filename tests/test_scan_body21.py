"""scripts/scan_body.py: the development documents it scans are those of the split it may read, with a text layer
to compare with and a body gold to score (the OCR run itself is the script's, about a minute: not a test)."""
from __future__ import annotations

import json

from .conftest import SHARED
from .script_module import load_script

scan_body = load_script("scan_body")


def test_it_scans_only_development_text_layer_pdfs_with_a_body_gold() -> None:
    ids = scan_body.documents(SHARED / "devset" / "lamdong")
    assert len(ids) >= 10
    layers = {r["id"]: r["layer"] for r in map(json.loads, (SHARED / "devset" / "lamdong" / "index.jsonl").read_text().splitlines())}
    for i in ids:
        gold = json.loads((scan_body.BODY / f"{i}.json").read_text(encoding="utf-8"))
        assert gold["split"] == "dev" and layers[i] == "text" and (gold.get("tasks") or gold.get("deadlines"))
