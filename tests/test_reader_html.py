"""The HTML reader on the seven saved vbpl.vn pages: body only, Số line whole, columns apart, page attributes."""
from __future__ import annotations

from pathlib import Path

import pytest

from vnadmin_nlp.readers import CorruptFile, read_file
from vnadmin_nlp.readers.base import RawDocument
from vnadmin_nlp.readers.html import HtmlReader, detect_language

READER = HtmlReader()
PAGES = {
    "nd249": "vbpl_nd249_2025_html.html",
    "ttlt29": "vbpl_ttlt29_2025_html.html",
    "nqlt102": "vbpl_nqlt102_2025_html.html",
    "tt_btc": "vbpl_tt_btc_mislabel_2025_html.html",
    "vbhn07": "vbpl_vbhn07_bxd_html.html",
    "headerless": "vbpl_qd_nhacongvu_headerless_html.html",
    "en": "vbpl_en_decree_agencies_html.html",
}
# Site chrome of vbpl.vn that must never reach the document text: anywhere, and as a whole block (tab titles,
# status tag; the same words occur inside legitimate sentences, "Điều 2. Nội dung, trình tự…").
CHROME = ("Trang chủ", "Cơ sở dữ liệu quốc gia", "Văn bản quy phạm pháp luật Trung ương", "Ngày cập nhật",
          "Ngày có hiệu lực", "anticon", "recaptcha", "function(", "{")
CHROME_BLOCKS = ("Nội dung", "Thuộc tính", "Lược đồ", "Văn bản gốc", "Còn hiệu lực", "Tải về")


@pytest.fixture(scope="module")
def pages(shared: Path) -> dict[str, RawDocument]:
    corpus = shared / "corpus"
    return {key: read_file(corpus / name) for key, name in PAGES.items()}


def texts(doc: RawDocument) -> list[str]:
    return [b.text for b in doc.blocks]


def find(doc: RawDocument, prefix: str):
    return next(b for b in doc.blocks if b.text.startswith(prefix))


@pytest.mark.parametrize("key", list(PAGES))
def test_body_only_no_site_chrome(pages, key):
    doc = pages[key]
    assert doc.format == "html" and doc.encoding == "utf-8"
    assert doc.metadata["content_root"] == "//*[@data-vbpl-content-root]"
    joined = "\n".join(texts(doc))
    for chrome in CHROME:
        assert chrome not in joined, chrome
    assert not set(CHROME_BLOCKS) & set(texts(doc))
    assert all(b.text == b.text.strip() and b.text for b in doc.blocks)


@pytest.mark.parametrize("key, first, number", [
    ("nd249", "CHÍNH PHỦ", "Số: 249/2025/NĐ-CP"),
    ("ttlt29", "BỘ TƯ PHÁP - BỘ CÔNG AN - BỘ QUỐC PHÒNG - BỘ TÀI CHÍNH - TÒA ÁN NHÂN DÂN TỐI CAO - VIỆN KIỂM SÁT "
               "NHÂN DÂN TỐI CAO", "Số: 29/2025/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC"),
    ("nqlt102", "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Số: 102/2025/NQLT - UBTVQH15 - CP - ĐCTUBTWMTQVN"),
    ("tt_btc", "BỘ TÀI CHÍNH", "Số: 97/2025/QĐ-UBND"),  # the source's own error, kept as printed
])
def test_header_starts_the_body_and_number_line_is_whole(pages, key, first, number):
    doc = pages[key]
    assert doc.blocks[0].text == first and doc.blocks[0].kind == "cell" and doc.blocks[0].col == 0
    line = find(doc, "Số:")
    assert line.text == number and line.col == 0 and line.table == 0
    motto = find(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert motto.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and motto.col == 1
    assert doc.blocks.index(line) < doc.blocks.index(motto)  # left column whole before the right one
    date = next(b for b in doc.blocks if b.text.startswith("Hà Nội, ngày"))
    assert date.col == 1 and doc.blocks.index(motto) < doc.blocks.index(date)


def test_nd249_body_and_signer(pages):
    doc = pages["nd249"]
    t = texts(doc)
    assert t[5] == "NGHỊ ĐỊNH"
    article = find(doc, "Điều 1. Phạm vi điều chỉnh")
    assert article.style["vbpl_role"] == "article" and article.style["bold"]
    assert t[-5:] == ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "(Đã ký)", "Nguyễn Hòa Bình"]
    assert doc.blocks[-1].kind == "cell" and doc.blocks[-1].col == 1


def test_words_split_over_inline_tags_rejoined(pages):
    # ttlt29 writes "số 1<i>0</i>/2018", "pháp <i>l</i><i>ý</i>", "t<i>ố </i>tụng" in its preamble
    joined = "\n".join(texts(pages["ttlt29"]))
    assert "Thông tư liên tịch số 10/2018/TTLT/BTP-BCA-BQP-BTC-TANDTC-VKSNDTC" in joined
    assert "thực hiện trợ giúp pháp lý trong hoạt động tố tụng." in joined
    assert "1 0/2018" not in joined and "l ý" not in joined
    # nqlt102: "Căn<span> </span></em><em>cứ"
    assert any(b.text.startswith("Căn\xa0cứ Luật Bầu cử đại biểu Quốc hội") for b in pages["nqlt102"].blocks)


def test_joint_document_signers_kept_apart(pages):
    doc = pages["nqlt102"]
    t = texts(doc)
    for name in ("Đỗ Văn Chiến", "Phạm Minh Chính", "Trần Thanh Mẫn"):
        assert t.count(name) == 1
    assert [b.col for b in doc.blocks if b.text in ("Đỗ Văn Chiến", "Phạm Minh Chính", "Trần Thanh Mẫn")] == [0, 1, 2]
    issuer_lines = t[:4]
    assert issuer_lines == ["ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHÍNH PHỦ - ĐOÀN CHỦ TỊCH", "ỦY BAN TRUNG ƯƠNG",
                            "MẶT TRẬN TỔ QUỐC VIỆT NAM"]
    signers = [b for b in pages["ttlt29"].blocks if b.text.startswith(("Thượng tướng", "Nguyễn Thanh Ngọc"))]
    assert len(signers) == 3 and all(b.table == 1 for b in signers)


def test_recipients_one_line_per_br_and_signer_in_next_column(pages):
    doc = pages["tt_btc"]
    recipients = find(doc, "Nơi nhận:")
    last = find(doc, "- Lưu: VT, Cục DNNN")
    signer = find(doc, "KT. BỘ TRƯỞNG")
    assert recipients.col == last.col == 0 and signer.col == 1
    assert recipients.text == "Nơi nhận:" and recipients.style["bold"]
    assert doc.blocks.index(recipients) < doc.blocks.index(last) < doc.blocks.index(signer)
    assert doc.blocks[-1].text == "Cao Anh Tuấn"


def test_consolidated_text_without_issuer_line(pages):
    doc = pages["vbhn07"]
    assert doc.blocks[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and doc.blocks[0].col == 1
    number = find(doc, "Số: 07/VBHN-BXD")
    assert number.text == "Số: 07/VBHN-BXD" and number.col == 0
    assert texts(doc)[-1] == "Nguyễn Xuân Sang"


def test_headerless_page_keeps_page_attributes(pages):
    doc = pages["headerless"]
    assert doc.blocks[0].text == "QUYẾT ĐỊNH" and doc.blocks[0].style["align"] == "center"
    assert not any(b.text.startswith("Số:") for b in doc.blocks)
    attrs = doc.metadata["page_attributes"]
    assert attrs["so_ky_hieu"] == "45/2025/QĐ-TTg"
    assert attrs["loai_van_ban"] == "Quyết định"
    assert attrs["trich_yeu"].startswith("Quy định đối tượng thuê nhà ở công vụ")
    assert attrs["ngay_hieu_luc"] == "03/12/2025"
    assert attrs["tinh_trang_hieu_luc"] == "Còn hiệu lực"
    assert attrs["url"] == "https://vbpl.vn/van-ban/chi-tiet/184175"


def test_page_attributes_of_other_pages(pages):
    assert pages["nd249"].metadata["page_attributes"]["so_ky_hieu"] == "249/2025/NĐ-CP"
    assert pages["tt_btc"].metadata["page_attributes"]["so_ky_hieu"] == "97/2025/TT-BTC"  # vs QĐ-UBND in body
    nq = pages["nqlt102"].metadata["page_attributes"]
    assert nq["loai_van_ban"] == "Nghị quyết" and nq["so_ky_hieu"] == "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"
    en = pages["en"].metadata["page_attributes"]
    assert en["so_ky_hieu"] == "10/2016/ND-CP" and "ngay_cap_nhat" not in en  # "--" means no value


def test_english_translation_flagged(pages):
    en = pages["en"]
    assert en.metadata["language"] == "en"
    assert [w.code for w in en.warnings] == ["not_vietnamese"]
    assert texts(en)[:2] == ["DECREE", "On government-attached agencies"]
    assert texts(en)[-3:] == ["On behalf of the Government", "Prime Minister", "NGUYEN TAN DUNG"]
    for key in PAGES:
        if key != "en":
            assert pages[key].metadata["language"] == "vi", key
            assert not pages[key].warnings, key


def test_language_share():
    assert detect_language("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; " * 5)[0] == "vi"
    assert detect_language("Pursuant to the June 19, 2015 Law on Organization of the Government; " * 5)[0] == "en"


# ------------------------------------------------------------------------------------ synthetic pages


def read_html(html: str, name: str = "p.html") -> RawDocument:
    return READER.read(Path(name), html.encode("utf-8"))


def test_split_number_and_letters_rejoined():
    html = ("<html><body><nav>Trang chủ</nav><article>"
            "<table><tr><td><p>BỘ NỘI VỤ</p><p>Số:</p></td><td><span>15/QĐ-BNV</span></td>"
            "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr></table>"
            "<p><b>Qu</b><span>y</span>ết đ<i>ị</i>nh</p><p>Số:</p><p>12/UBND-VX</p>"
            + "<p>Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;</p>" * 4
            + "</article><footer>Bản quyền</footer><script>var x = 1;</script></body></html>")
    doc = read_html(html)
    assert texts(doc)[:5] == ["BỘ NỘI VỤ", "Số: 15/QĐ-BNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quyết định",
                              "Số: 12/UBND-VX"]
    assert doc.metadata["content_root"] == "//article"


def test_page_without_container_drops_chrome():
    html = ("<!-- saved from url=(0030)http://example.invalid/ --><!DOCTYPE HTML><html><head><title>t</title>"
            "<style>p{}</style></head><body><div class='main-menu'>Trang chủ | Tin tức</div>"
            "<div id='breadcrumb'>Văn bản</div><div class='document-header'><p>ỦY BAN NHÂN DÂN<br>TỈNH X</p></div>"
            "<p style='display:none'>ẩn</p><aside>Văn bản liên quan</aside>"
            "<div class='footer'>Liên hệ</div></body></html>")
    assert READER.sniff(html.encode(), Path("x.bin"))
    doc = read_html(html)
    assert texts(doc) == ["ỦY BAN NHÂN DÂN", "TỈNH X"]
    assert [w.code for w in doc.warnings] == ["no_content_container"]


def test_sniff_and_errors(tmp_path):
    assert READER.sniff(b"\xef\xbb\xbf  <!DOCTYPE html><html>", Path("a.txt"))
    assert READER.sniff("<html lang='vi'>".encode("utf-16"), Path("a"))
    assert not READER.sniff(b"Cong van so 12", Path("a.html"))
    assert not READER.sniff(b"%PDF-1.4", Path("a.html"))
    page = "<html><head><meta charset='windows-1252'></head><body><p>Caf\xe9</p></body></html>"
    doc = READER.read(Path("old.htm"), page.encode("cp1252"))  # not UTF-8: the declared charset is used
    assert texts(doc) == ["Café"] and doc.encoding == "windows-1252"
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"   ")
    with pytest.raises(CorruptFile, match="empty.html"):
        READER.read(empty, empty.read_bytes())


def test_browser_drawn_list_labels():
    html = ("<html><body><p>Điều 2. Trách nhiệm</p><ol type='a'><li>Sở Nội vụ;</li><li>Sở Tài chính:"
            "<ul><li>lập dự toán;</li><li>- quyết toán.</li></ul></li></ol>"
            "<ol start='3'><li>3. Đã có số;</li><li>Chưa có số.</li></ol></body></html>")
    assert texts(read_html(html)) == ["Điều 2. Trách nhiệm", "a. Sở Nội vụ;", "b. Sở Tài chính:", "• lập dự toán;",
                                      "- quyết toán.", "3. Đã có số;", "4. Chưa có số."]
