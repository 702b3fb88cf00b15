"""The structure of OCR'd bodies (issue 13, session 22): part and item numbers a scan misreads (``H.`` for ``II.``,
``HI.`` for ``III.``, ``LI.`` / ``LL`` for ``1.1.``), a part whose heading was lost (``IV.`` after ``II.``), and part
titles with their marks lost (``TÔ CHỨC THỰC HIỆN``, ``MỤC TIỂU, YÊU CÂU``).  The dev scans of scripts/scan_body.py
(ld_064, ld_030, ld_061 under the orig, jpeg150 and skew+1 conditions) are where the forms come from: main nested
ld_064's implementation part under its content part (skew+1: 1 task of 19) or read its purpose part's items as
tasks.  The trees below are ld_064's lines as OCR gave them; a text layer with the same lines keeps main's reading."""
from __future__ import annotations

from typing import Any

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.data import load
from vnadmin_nlp.evaluation.body_match import body_key
from vnadmin_nlp.extractors.label_order import ordinal
from vnadmin_nlp.extractors.ocr_labels import _TOKEN, heading_shaped, readings
from vnadmin_nlp.model import Provision
from vnadmin_nlp.pipeline import _parse

from .script_module import load_script

pv = load_script("plan_variants")
SPEC = pv.load_spec()

HEAD = """BỘ NỘI VỤ
Số: 12/QĐ-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 7 năm 2025
QUYẾT ĐỊNH
Phê duyệt Đề án Xác định Chỉ số cải cách hành chính
BỘ TRƯỞNG BỘ NỘI VỤ
Theo đề nghị của Vụ trưởng Vụ Cải cách hành chính.
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án với các nội dung chính sau:
{i} MỤC TIỂU, YÊU CÂU, PHẠM VI VÀ ĐÓI TƯỢNG
1. Mục tiêu
- Các bộ, các tỉnh chủ động theo dõi, đánh giá kết quả cải cách hành chính.
2. Yêu cầu
- Bộ Nội vụ bảo đảm tính khả thi, phù hợp với đặc điểm của các bộ, các tỉnh.
{ii} NỘI DUNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH
1. Chỉ số CCHC cấp bộ
- Bộ tiêu chí xác định Chỉ số CCHC cấp bộ.
{iii}GIẢI PHÁP THỰC HIỆN
1. Nâng cao trách nhiệm và hiệu quả chỉ đạo điều hành của các ngành
- Các bộ, các tỉnh chỉ đạo việc thực hiện các nội dung cải cách hành chính.
IV. TÔ CHỨC THỰC HIỆN
1. Trách nhiệm thực hiện
a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:
- Ban hành các văn bản hướng dẫn các bộ, các tỉnh triển khai việc xác định Chỉ số CCHC.
- Tổng hợp, xử lý số liệu, xây dựng báo cáo Chỉ số CCHC.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Nơi nhận:
- Lưu: VT.
BỘ TRƯỞNG
Nguyễn Văn A
"""
# (I., II., III. as each scan printed them; "" for a heading line lost whole)
SCANS = {
    "orig": ("I.", "H.", "HI. "),        # ld_064 orig
    "skew+1": ("I.", "II.", "HI. "),     # ld_064 skew+1
    "jpeg150": ("IL.", "H.", "II. "),    # ld_064 jpeg150
    "lost": ("I.", "II.", ""),           # III.'s heading lost whole: IV. skips one
}


def _ocr(text: str) -> Any:
    return _parse(text, source=None, extractors=None, page_numbers=False, metadata={"ocr_words": [{"lines": []}]}, cells=None)[0]


def _parts(doc: Any) -> list[tuple[str, str]]:
    article = doc.provisions[0]
    return [(p.path, p.label) for p in article.children]


@pytest.mark.parametrize("scan", list(SCANS))
def test_a_scans_part_numbers_keep_the_tree(scan: str) -> None:
    i, ii, iii = SCANS[scan]
    doc = _ocr(HEAD.format(i=i, ii=ii, iii=iii))
    paths = [p for p, _ in _parts(doc)]
    assert paths == (["1.I", "1.II", "1.IV"] if scan == "lost" else ["1.I", "1.II", "1.III", "1.IV"])
    # the tasks are the solution and implementation parts' (MỤC TIỂU, YÊU CÂU is the purpose part, marks lost);
    # with III.'s heading lost its items are the content part's, where none is read
    solution = [] if scan == "lost" else [(["Các bộ, các tỉnh"], "1.III.1")]
    assert [(t.lead, t.provision.rsplit(".-", 1)[0]) for t in doc.tasks] == solution + [(["Bộ Nội vụ"], "1.IV.1.a")] * 2


def test_a_text_layer_reads_no_lookalike() -> None:
    # the same lines typed: "H." is no part number there (a letter H after no G), nor "HI.", and IV. after I. skips
    # two: the tree as main read it; a part heading lost whole (IV. after II.) is read on a text layer too
    doc = parse_text(HEAD.format(i="I.", ii="H.", iii="HI. "))
    assert [p for p, _ in _parts(doc)] == ["1.I"]
    assert [p for p, _ in _parts(parse_text(HEAD.format(i="I.", ii="II.", iii="")))] == ["1.I", "1.II", "1.IV"]


def test_a_skipped_number_needs_a_heading_line() -> None:
    # "3." after "1." on a wrapped sentence line is no item, on a text layer or a scan; "IV. TỔ CHỨC THỰC HIỆN" is
    body = "I. NỘI DUNG\n1. Rà soát các thủ tục hành chính theo quy định tại Điều\n3. Nghị định số 61/2018/NĐ-CP.\n"
    text = HEAD.split("{i}")[0] + body + "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
    for doc in (parse_text(text), _ocr(text)):
        assert [c.path for c in doc.provisions[0].children[0].children] == ["1.I.1"]
    assert heading_shaped("IV. TỔ CHỨC THỰC HIỆN", 4, 21) and not heading_shaped("3. Nghị định số 61/2018/NĐ-CP.", 3, 30)


@pytest.mark.parametrize("example", load("ocr_vocabulary")["label_lookalikes"]["examples"], ids=lambda e: e["line"][:16])
def test_each_lookalike_example_reads_as_its_number(example: dict[str, str]) -> None:
    m = _TOKEN.match(example["line"])
    assert m is not None
    want = str(example["reads"])
    got = readings(m.group("id"))
    if want.replace(".", "").isdigit():
        assert ("number", want) in got
    else:
        assert ordinal(want) in {ordinal(x) for style, x in got if style == "roman"}


def test_a_tone_lost_title_is_matched_only_as_a_heading() -> None:
    from vnadmin_nlp.extractors.tasking import scope

    def section(title: str, kind: str = "section") -> Provision:
        p = Provision(label="I.", path="I", kind=kind, span=(0, 0))
        p.title = title
        return p

    assert not scope.allowed([section("MỤC TIỂU, YÊU CÂU, PHẠM VI VÀ ĐÓI TƯỢNG")], False)  # ld_064 orig
    assert scope.allowed([section("Mục tiểu của các bộ phải được báo cáo hằng năm, đúng hạn;")], False)  # no heading
    assert scope.allowed([section("TÔ CHỨC THỤC HIỆN", "chapter")], True)  # an implementation chapter, marks lost
    assert not scope.allowed([section("QUY ĐỊNH CHUNG", "chapter")], True)


# (structure, variant index): the ocr rendering of plan_variants (scripts/plan_variants.yaml ocr_damage), main read
# tasks R .41 (P .83) over the 70, these ten none or part
SLICE = [("body_headings", 0), ("body_headings", 4), ("body_headings", 7), ("dotted", 0), ("dotted", 1),
         ("attached", 2), ("group_headings", 0), ("labelled_content", 1), ("directive", 3), ("directive_intro", 2)]


@pytest.mark.parametrize("structure,i", SLICE, ids=[f"{s}-{i}" for s, i in SLICE])
def test_an_ocr_damaged_plan_reads_as_its_gold(structure: str, i: int) -> None:
    v = pv.variant(SPEC, structure, i, "ocr")
    got = [([body_key(x) for x in t.lead], [body_key(x) for x in t.support]) for t in pv.parse(v).tasks]
    want = [([body_key(x) for x in t["lead"]], [body_key(x) for x in t["support"]]) for t in v.tasks]
    assert got == want, v.body
