"""Number-symbols in every form split into their parts (table-driven, as printed in real documents)."""
from __future__ import annotations

import pytest

from vnadmin_nlp.identity import parse_symbol

CASES = [
    # printed, text, number, year, symbol, type_code, issuer_code, unit_code
    ("4231 /UBND-VHTT", "4231/UBND-VHTT", "4231", None, "UBND-VHTT", None, "UBND", "VHTT"),
    ("2286/STTTT-CNTT", "2286/STTTT-CNTT", "2286", None, "STTTT-CNTT", None, "STTTT", "CNTT"),
    ("542/TB-UBND", "542/TB-UBND", "542", None, "TB-UBND", "TB", "UBND", None),
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "30", 2020, "NĐ-CP", "NĐ", "CP", None),
    ("80/2015/QH13", "80/2015/QH13", "80", 2015, "QH13", None, "QH13", None),
    ("01/2014/TTLT-BTP-BNV", "01/2014/TTLT-BTP-BNV", "01", 2014, "TTLT-BTP-BNV", "TTLT", "BTP-BNV", None),
    ("09-NQ/TU", "09-NQ/TU", "09", None, "NQ/TU", "NQ", "TU", None),
    ("367-QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP", "367", None, "QĐ/TWĐTN-VP", "QĐ", "TWĐTN", "VP"),
    ("101/CP", "101/CP", "101", None, "CP", None, "CP", None),
    ("44-L/CTN", "44-L/CTN", "44", None, "L/CTN", "L", "CTN", None),
    ("155/1998/TT/BTC", "155/1998/TT/BTC", "155", 1998, "TT/BTC", "TT", "BTC", None),
    ("/TB-BTTTT", "/TB-BTTTT", None, None, "TB-BTTTT", "TB", "BTTTT", None),
    ("12 / 2019 / TT – BGTVT", "12/2019/TT-BGTVT", "12", 2019, "TT-BGTVT", "TT", "BGTVT", None),
    ("03/VBHN-VPQH", "03/VBHN-VPQH", "03", None, "VBHN-VPQH", "VBHN", "VPQH", None),
    ("15/QĐ-BNV", "15/QĐ-BNV", "15", None, "QĐ-BNV", "QĐ", "BNV", None),
    ("123/QyĐ-UBND", "123/QyĐ-UBND", "123", None, "QyĐ-UBND", "QyĐ", "UBND", None),
    # a form's hyphenated number with a two-digit year (ld_065, Văn phòng UBND tỉnh Lâm Đồng's phiếu trình)
    ("09-01/26/PT-PNC", "09-01/26/PT-PNC", "09-01", None, "26/PT-PNC", None, "PT", "PNC"),
]


@pytest.mark.parametrize("printed,text,number,year,symbol,type_code,issuer_code,unit_code", CASES)
def test_parse_symbol(printed, text, number, year, symbol, type_code, issuer_code, unit_code):
    p = parse_symbol(printed)
    assert (p.text, p.number, p.year, p.symbol) == (text, number, year, symbol)
    assert (p.type_code, p.issuer_code, p.unit_code) == (type_code, issuer_code, unit_code)
