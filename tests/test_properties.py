"""Invariants: parsing never raises, every span lies inside the text, every output fits the published schema."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnadmin_nlp import parse_text

# Text made of the pieces real documents are built from, so the generator reaches the header, body and closing code.
PIECES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/UBND-VX", "Số:    /QĐ-UBND",
    "Hà Nội, ngày 05 tháng 01 năm 2020", "ngày    tháng    năm 2022", "V/v ", "Kính gửi:", "- ", "Nơi nhận:",
    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "QUYẾT ĐỊNH", "Điều 1.", "Chương I",
    "1.", "a)", "đ)", "I.", "./.", "\n", "\n\n", "\t", "**", "[bookmark: _GoBack]", "Ð", "С", " ", "/", "-", "Lưu: VT",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join),
)


def _spans(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "span" and v is not None:
                yield v
            elif k == "spans":
                yield from v.values()
            else:
                yield from _spans(v)
    elif isinstance(obj, list):
        for x in obj:
            yield from _spans(x)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_parses_with_spans_inside(text):
    doc = parse_text(text)
    data = doc.to_dict()
    n = len(data["text"])
    for start, end in _spans(data):
        assert 0 <= start <= end <= n


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_output_always_fits_the_schema(validate, text):
    validate(parse_text(text).to_dict())


def test_empty_input_gives_nulls_and_a_warning():
    doc = parse_text("")
    assert doc.doc_type is None and doc.number is None and doc.provisions == []
    assert [w.code for w in doc.warnings] == ["empty_text"]
