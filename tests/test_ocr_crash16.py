"""A tesseract process that dies on one crop of a batch (``read_many`` pipes several crops as one multi-page TIFF)
costs that crop alone, not the readings of the others (ld_071: tesseract 5 with ``-l vie`` and a digit whitelist
dies of a floating-point exception on one ink crop; the whole batch was lost with ``ocr_reread_failed``)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from vnadmin_nlp.readers import ocr
from vnadmin_nlp.readers.base import ReaderError
from vnadmin_nlp.readers.ocr_result import OcrPage

CRASHER = Path(__file__).parent / "fixtures" / "ocr" / "tesseract_sigfpe_ld071.png"  # a 484×129 crop of ld_071


def _page(img: Image.Image, text: str) -> OcrPage:
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           f"5\t1\t1\t1\t1\t1\t10\t10\t40\t20\t95\t{text}\n")
    return ocr.parse_tsv(tsv, img.width, img.height, keep_noise=True)


def test_a_crashed_batch_is_read_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    good, bad = Image.new("L", (60, 30), 255), Image.new("L", (61, 30), 255)
    calls: list[str] = []

    def run(*a, **k):  # the batch's process dies
        calls.append("batch")
        raise ocr.ToolCrashed("x.pdf", "tesseract died (signal 8) after: Page 2", stage="ocr")

    def alone(img, *a, **k):
        calls.append(f"alone {img.width}")
        if img is bad:
            raise ocr.ToolCrashed("x.pdf", "tesseract died (signal 8) after: Page 1", stage="ocr")
        return _page(img, "03")

    monkeypatch.setattr(ocr, "_run", run)
    monkeypatch.setattr(ocr, "_tesseract", alone)
    pages = ocr.read_many([good, bad], 7, ocr.OcrSettings(), "x.pdf", 300, whitelist="0123456789")
    assert calls == ["batch", "alone 60", "alone 61"]
    assert [w.text for line in pages[0].lines for w in line.words] == ["03"]
    assert not pages[0].extra
    assert pages[1].lines == [] and "signal 8" in pages[1].extra["failed"]
    with pytest.raises(ocr.ToolCrashed):  # none could be read: the caller's warning, as before
        ocr.read_many([bad, bad], 7, ocr.OcrSettings(), "x.pdf", 300)


def test_a_failure_that_is_no_crash_is_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def run(*a, **k):
        calls.append(1)
        raise ReaderError("x.pdf", "OCR of one page took more than 60 s", stage="ocr")

    monkeypatch.setattr(ocr, "_run", run)
    with pytest.raises(ReaderError):
        ocr.read_many([Image.new("L", (60, 30), 255)] * 3, 7, ocr.OcrSettings(), "x.pdf", 300)
    assert calls == [1]  # a time limit is not paid again per image


@pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract-ocr not installed")
def test_the_real_crash_costs_only_its_crop() -> None:
    alone = subprocess.run(["tesseract", str(CRASHER), "stdout", "-l", "vie", "--psm", "7", "--dpi", "300",
                            "-c", "tessedit_char_whitelist=0123456789", "tsv"], capture_output=True)
    if alone.returncode == 0:
        pytest.skip("this tesseract does not die on the crop (the bug is fixed upstream)")
    crash = Image.open(CRASHER)
    crash.load()
    pages = ocr.read_many([Image.new("L", crash.size, 255), crash], 7, ocr.OcrSettings(), "ld_071.pdf", 300,
                          whitelist="0123456789")
    assert len(pages) == 2
    assert not pages[0].extra.get("failed")
    assert "signal" in pages[1].extra["failed"]
