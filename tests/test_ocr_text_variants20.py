"""scripts/ocr_text_variants.py changes tesseract's reading of a scan the way its YAML says (issue 12, session 20):
checked on ld_057's header as tesseract read it (dev), without OCR."""
from __future__ import annotations

import sys

import pytest

from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import ocr_text_variants as variants  # noqa: E402

LINES = ["THỦ TƯỚNG CHÍNH PHỦ", "Hà Nội, ngày 15 tháng 5 năm 2025", "QUYẾT ĐỊNH",
         "Về việc phê duyệt danh sách thành viên và chức năng, nhiệm vụ", "của Tổ Công tác cải cách hành chính",
         "THỦ TƯỚNG CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"]
SUBJECT = "Về việc phê duyệt danh sách thành viên và chức năng, nhiệm vụ của Tổ Công tác cải cách hành chính"


def _page() -> OcrPage:
    lines = [OcrLine([OcrWord(w, 95.0, (100 * k, 60 + 50 * i, 100 * k + 90, 100 + 50 * i)) for k, w in enumerate(t.split())])
             for i, t in enumerate(LINES)]
    return OcrPage(lines, 2480, 3508, 0.0)


def _texts(name: str) -> list[str]:
    page = variants._change(_page(), variants._variants()[name], SUBJECT)
    return [ln.text for ln in page.lines]


def test_every_variant_names_the_real_line_it_came_from() -> None:
    assert all(v.get("from") for name, v in variants._variants().items() if name != "orig")


def test_date_variants() -> None:
    assert _texts("date_broken")[1] == "Hà Nội, ngày s Ề tháng 1 ] năm 2025"
    assert _texts("date_words")[1] == "Hà Nội, ngảy s Ề thảng 1 ] nãm 2025"
    assert _texts("date_words_bare")[1] == "Hà Nội, ngay Ề Ề thang Ệ ị nam 2025"


@pytest.mark.parametrize("name, gone", [("subj_drop_first", [3]), ("subj_drop_last", [4]), ("subj_drop_all", [3, 4]),
                                        ("subj_drop_next", [5])])
def test_lines_lost(name: str, gone: list[int]) -> None:
    texts = _texts(name)
    assert texts[2:] == [t for i, t in enumerate(LINES) if i >= 2 and i not in gone]


def test_words_misread() -> None:
    assert _texts("subj_tone")[3].startswith("Về viếc phê")  # another tone, still a syllable
    assert _texts("subj_bad")[3].startswith("Về việc phø ")  # no syllable
