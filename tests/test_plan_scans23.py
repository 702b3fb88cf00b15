"""The ``scan`` rendering of scripts/plan_variants.py (issue 13, session 23): a generated plan is typeset as a Decree
30 document before it is printed and scanned, so the parser meets a header set in two columns, the type name and
trích yếu centred, and the Nơi nhận list beside the signature, as on the held-out scans (the OCR run itself is the
script's: minutes, not a test).  And scripts/scan_body.py's ``scans`` set: the development documents that are scans
already, none of the held-out split."""
from __future__ import annotations

import json
from pathlib import Path

from .script_module import load_script

pv = load_script("plan_variants")
plan_scans = load_script("plan_scans")
SPEC = pv.load_spec()


def test_a_plan_is_set_as_header_title_body_and_closing() -> None:
    v = pv.variant(SPEC, "body_headings", 0, "scan")
    blocks = plan_scans._blocks([x for x in v.text.split("\n") if x.strip()])
    kinds = [k for k, _ in blocks]
    assert kinds[:3] == ["header", "title", "subject"] and kinds[-1] == "closing"
    left, right = blocks[0][1]
    assert left == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 45/KH-UBND"]
    assert right[0].startswith("CỘNG HÒA") and right[-1].startswith("Quảng Ngãi, ngày")
    sent, signed = blocks[-1][1]
    assert sent[0] == "Nơi nhận:" and signed[-1] == "Nguyễn Văn B"
    assert ("para", "III. TỔ CHỨC THỰC HIỆN") in blocks  # (the body's lines are paragraphs, none lost)
    assert sum(k == "para" for k in kinds) == len(v.body.split("\n"))


def test_an_attached_plan_gets_its_own_header_after_the_signature() -> None:
    v = pv.variant(SPEC, "attached", 0, "scan")
    blocks = plan_scans._blocks([x for x in v.text.split("\n") if x.strip()])
    headers = [b for k, b in blocks if k == "header"]
    assert len(headers) == 2 and headers[1][0] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    closing = next(b for k, b in blocks if k == "closing")
    assert closing[1] == ["CHỦ TỊCH", "Nguyễn Văn D"]  # (the decision's signature stops at the plan's header)
    assert ("centre", "(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 02 tháng 6 năm 2025 của Chủ tịch UBND tỉnh)") in blocks


def test_a_scan_variant_keeps_the_typed_lines_and_its_file_name_follows_its_text() -> None:
    typed, scan = pv.variant(SPEC, "directive", 1, "typed"), pv.variant(SPEC, "directive", 1, "scan")
    assert scan.body == typed.body and scan.tasks == typed.tasks
    other = pv.variant(SPEC, "directive", 4, "scan")
    assert plan_scans.key(scan) != plan_scans.key(other)


def test_the_scans_set_holds_development_scans_only() -> None:
    scan_sets = load_script("scan_sets")
    chosen, _ = scan_sets.select("scans", Path("/nonexistent"))
    ids = {g.id for g, _ in chosen}
    assert {"qngai_ct16_2021", "qngai_ct2020_apr", "qngai_ct2021_05jan", "qngai_tb660_2025"} <= ids
    for g, path in chosen:
        gold = json.loads(g.gold_file.read_text(encoding="utf-8"))
        assert gold["split"] == "dev" and path.suffix == ".pdf"
        pages, chars = scan_sets._text_pages(path)
        assert chars < 200 * pages
