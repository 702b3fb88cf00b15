"""Issue 12, session 22: the signature block read a third time with the seal's pale edge whitened too when the second
reading gave no name (vbai_27, corpus: the grey ring left around the whitened seal made tesseract drop the name line
under it; whitening it on every block lost ld_015's and ld_040's position lines), and a name that second
reading gives taken only where the page's reading of that line agrees with it word for word but for a family name
no other is one letter from (ld_018, dev: ``Bũï Fhanh Quang`` on the page, ``Bùi Phanh Quang`` once the edge is white,
for Bùi Thanh Quang — never a wrong name)."""
from __future__ import annotations

from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord
from vnadmin_nlp.readers.ocr_signature import HALO, print_only, reread_signature


def _line(text: str, x: int, y: int, conf: float = 92.0) -> OcrLine:
    return OcrLine([OcrWord(w, conf, (x + 130 * k, y, x + 130 * k + 110, y + 45)) for k, w in enumerate(text.split())], None)


def _white(box: tuple[int, int, int, int]) -> tuple[object, float]:
    from PIL import Image

    return Image.new("RGB", (box[2] - box[0], box[3] - box[1]), "white"), 1.0


def test_the_seal_s_pale_edge_is_whitened_print_beside_it_kept() -> None:
    from PIL import Image

    image = Image.new("RGB", (40, 12), "white")
    for y in range(12):
        image.putpixel((10, y), (205, 35, 45))  # the seal's ink
        image.putpixel((11, y), (190, 175, 175))  # its pale edge: grey, too little chroma to be "coloured"
        image.putpixel((12, y), (25, 25, 30))  # print touching the seal
        image.putpixel((30, y), (190, 175, 175))  # a pale grey far from any seal: kept as it is
    assert print_only(image).getpixel((11, 5)) < 255  # the first reading keeps it (the grey print under a seal)
    out = print_only(image, halo=HALO)
    assert out.getpixel((10, 5)) == 255 and out.getpixel((11, 5)) == 255
    assert out.getpixel((12, 5)) < 60 and out.getpixel((30, 5)) < 200


def _page(name_line: str) -> OcrPage:
    return OcrPage([
        _line("Sở Tài chính gửi ý kiến để Sở Nội vụ tổng hợp chung./.", 380, 1400),
        _line("Nơi nhận:", 300, 1600),
        _line("T/M BAN BIÊN TẬP", 1500, 1600, 96),
        _line("PHÓ TỔNG BIÊN TẬP", 1500, 1700, 96),
        _line(name_line, 1500, 2100, 90),
    ], 2480, 3508, 0.0)


def _read_as(name: str, y: int):  # noqa: ANN202
    def read(image: object) -> OcrPage:
        return OcrPage([_line("T/M BAN BIÊN TẬP", 20, 20, 96), _line("PHÓ TỔNG BIÊN TẬP", 20, 120, 96), _line(name, 20, y, 95)], 1200, 900, 0.0)
    return read


def test_a_second_reading_s_name_that_the_page_read_otherwise_is_not_taken() -> None:
    page = _page("Bũï Fhanh Quang")  # ld_018: the T cut by the pen
    box = reread_signature(page, _white, _read_as("Bùi Phanh Quang", 2100 - 1600 + 20))  # type: ignore[arg-type]
    assert box is not None and box["text"] == "page"
    assert not any(ln.text == "Bùi Phanh Quang" for ln in page.lines)


def test_a_second_reading_s_name_agreeing_but_for_a_lone_family_name_is_taken() -> None:
    page = _page("C)Ngugế ¡Đình Trung")  # vbai_27: the seal's ring across Nguyễn
    found = reread_signature(page, _white, _read_as("Nguyễn Đình Trung", 2100 - 1600 + 20))  # type: ignore[arg-type]
    assert found is not None and found["text"] == "region"
    assert any(ln.text == "Nguyễn Đình Trung" for ln in page.lines)


def test_the_third_reading_runs_only_when_no_name_was_read() -> None:
    images: list[object] = []

    def read(image: object) -> OcrPage:
        images.append(image)
        name = [] if len(images) == 1 else [_line("Nguyễn Đình Trung", 20, 2100 - 1600 + 20, 95)]
        return OcrPage([_line("T/M BAN BIÊN TẬP", 20, 20, 96), _line("PHÓ TỔNG BIÊN TẬP", 20, 120, 96)] + name, 1200, 900, 0.0)

    page = _page("C)Ngugế ¡Đình Trung")
    found = reread_signature(page, _white, read)  # type: ignore[arg-type]
    assert len(images) == 2 and found is not None and found["text"] == "region"
    assert any(ln.text == "Nguyễn Đình Trung" for ln in page.lines)
