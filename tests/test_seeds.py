"""The two documents the project was founded on parse with every field right."""
from __future__ import annotations

import pytest

from vnadmin_nlp import parse_file

from .conftest import SEED_CONG_VAN, SEED_THONG_BAO


@pytest.fixture(scope="module")
def cong_van(shared):
    return parse_file(SEED_CONG_VAN)


@pytest.fixture(scope="module")
def thong_bao(shared):
    return parse_file(SEED_THONG_BAO)


def test_cong_van_header(cong_van):
    d = cong_van
    assert d.doc_type.name == "Công văn" and d.doc_type.code is None
    assert d.number.text == "4231/UBND-VHTT"
    assert (d.number.number, d.number.year, d.number.symbol) == ("4231", None, "UBND-VHTT")
    assert (d.number.type_code, d.number.issuer_code, d.number.unit_code) == (None, "UBND", "VHTT")
    assert d.issuer.name == "Ủy ban nhân dân thành phố Cẩm Phả"
    assert d.issuer.text == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẨM PHẢ"
    assert d.issuer.parent is None
    assert d.place == "Cẩm Phả"
    assert d.date == "2022-10-19"
    assert d.subject == (
        "một số nhận thức chung về chuyển đổi số; sự khác nhau giữa ứng dụng công nghệ thông tin và chuyển đổi số."
    )
    assert [r.name for r in d.recipients] == ["Các phòng, ban, đơn vị thành phố", "Ủy ban nhân dân các phường, xã"]
    assert d.urgency is None and d.secrecy is None


def test_cong_van_body_and_closing(cong_van):
    d = cong_van
    assert [p.label for p in d.provisions] == [f"{i}." for i in range(1, 18)]
    assert all(p.kind == "item" and not p.children for p in d.provisions)
    assert d.provisions[16].text.startswith("Chuyển từ CNTT sang CNTT+.")
    assert len(d.signers) == 1
    s = d.signers[0]
    assert s.authority == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert (s.position, s.name) == ("PHÓ CHỦ TỊCH", "Phạm Văn Kính")
    assert [x.name for x in d.distribution] == [
        "Chủ tịch, PCT UBND thành phố",
        "TTTT & VH (đăng trên Website)",
        "Như trên",
        "Lưu: VT, VH TT",
    ]
    assert not d.warnings


def test_thong_bao(thong_bao):
    d = thong_bao
    assert (d.doc_type.name, d.doc_type.code) == ("Thông báo", "TB")
    assert d.number.text == "/TB-BTTTT" and d.number.number is None and d.number.symbol == "TB-BTTTT"
    assert d.issuer.name == "Bộ Thông tin và Truyền thông"
    assert d.place == "Hà Nội"
    assert d.date == "2022"
    assert d.subject == (
        "Kết luận của Bộ trưởng Nguyễn Mạnh Hùng tại Hội nghị Giao ban công tác QLNN với các Sở TTTT Quý III/2022"
    )
    assert [(p.label, len(p.children)) for p in d.provisions] == [("I.", 17), ("II.", 4)]
    assert d.provisions[1].title == "CÁC NHIỆM VỤ CỤ THỂ"
    assert [c.path for c in d.provisions[1].children] == ["II.1", "II.2", "II.3", "II.4"]
    assert d.signers == [] and d.distribution == [] and d.recipients == []
    assert {w.code for w in d.warnings} == {"number_blank", "date_partial"}


@pytest.mark.parametrize("seed", [SEED_CONG_VAN, SEED_THONG_BAO], ids=["cong_van", "thong_bao"])
def test_every_span_points_at_its_value(shared, seed):
    d = parse_file(seed)
    t = d.text
    assert t[slice(*d.number.span)].replace(" ", "") == d.number.text
    assert d.issuer.text in " ".join(t[slice(*d.issuer.span)].split())
    assert t[slice(*d.spans["place"])] == d.place
    for item in [*d.recipients, *d.distribution]:
        assert " ".join(t[slice(*item.span)].split()) == item.name
    for p in d.iter_provisions():
        assert t[slice(*p.span)].startswith(p.label.split()[0])
    for s in d.signers:
        assert s.name in t[slice(*s.span)]
