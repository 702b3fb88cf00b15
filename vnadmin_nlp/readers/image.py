"""Image reader: scans and photos (.png, .jpg, .tif incl. multi-page TIFF, .bmp) through tesseract OCR.

Each frame is OCR'd like a scanned PDF page (same preprocessing, same settings in :mod:`.ocr`; the signature block
and page 1's trích yếu read again the same way, :mod:`.ocr_signature`, :mod:`.ocr_subject`) and its words go
through the page layout shared with the PDF reader (:mod:`.layout`), so the two header columns come out as
separate blocks here too.
Block bboxes are in pixels of the frame, origin top-left.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Iterator

from . import ocr
from .base import CorruptFile, RawDocument, Reader, ReaderWarning
from .layout import PageText, column_regions, layout_pages, ocr_lines
from .layout.ocr_lines import correct_page
from .ocr_orient import upright
from .ocr_result import word_record
from .ocr_rulings import Found, drop_marks, find_rulings, straighten
from .pdf.aligned_tables import aligned_tables
from .pdf.table_cells import cut_tables, place_tables, respace_ocr
from .ocr_band import band_into
from .ocr_signature import reread_into
from .ocr_subject import subject_into

# Magic numbers: the first bytes of each format this reader accepts.
MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}
_BMP_HEADER_SIZES = (12, 40, 52, 56, 64, 108, 124)  # DIB header sizes a real .bmp declares at offset 14


class ImageReader(Reader):
    name = "image"
    extensions = ("png", "jpg", "jpeg", "tif", "tiff", "bmp")

    def sniff(self, head: bytes, path: Path) -> bool:
        if any(head.startswith(magic) for magic in MAGIC):
            return True
        return head[:2] == b"BM" and len(head) >= 18 and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES

    def read(self, path: Path, data: bytes) -> RawDocument:
        settings = ocr.SETTINGS
        Image = ocr.require_pillow(path)
        try:
            image = Image.open(io.BytesIO(data))
            image.load()
        except Image.DecompressionBombError:
            raise CorruptFile(path, "the image is too large to decode safely") from None
        except (OSError, ValueError, SyntaxError) as exc:  # UnidentifiedImageError is an OSError
            raise CorruptFile(path, f"not a readable image ({exc})") from None
        ocr.require_tesseract(path, settings)  # after decoding: a broken file is reported as broken
        frames = getattr(image, "n_frames", 1)
        todo = frames
        warnings: list[ReaderWarning] = []
        if settings.max_pages and frames > settings.max_pages:
            todo = settings.max_pages
            warnings.append(ReaderWarning("ocr_page_limit", f"only the first {todo} of {frames} frames were OCR'd"))
        frames_read: list[Any] = []  # the decoded frames, in order (their sizes; the signature's colour crop)
        dpis: list[int] = []
        found: list[Found | None] = []  # each frame's table rulings (pixels: a frame's page unit)

        def ruled(frame: Any) -> Any:
            image = ocr.prepare(frame, settings.preprocess)
            per_pt = dpis[len(found)] / 72.0
            found.append(find_rulings(image, 1.0, image.height, per_pt) if settings.tables else None)
            return image

        def prepared() -> Iterator[Any]:
            for index in range(todo):
                try:
                    image.seek(index)
                    frame = image.copy()
                except (OSError, EOFError, ValueError) as exc:
                    raise CorruptFile(path, f"frame {index + 1} cannot be decoded ({exc})") from None
                frames_read.append(frame)
                yield lambda frame=frame: ruled(frame)

        for index in range(todo):
            dpis.append(_dpi(image, index, settings.dpi))
        pages: list[PageText] = []
        reports = []
        regions = lambda k, result: column_regions(result, k + 1)  # noqa: E731
        fixes: list[tuple[int, str, str]] = []
        words: list[dict[str, Any]] = []
        for number, result in enumerate(ocr.ocr_many(prepared(), settings, path, dpis=dpis, regions=regions), start=1):
            frame = frames_read[number - 1]
            if result.extra.get("rotated"):  # read turned upright (readers/ocr_orient.py): the frame as read
                frame = upright(frame, result.extra["rotated"])
                found[number - 1] = None  # rulings found on the frame as it lay
            width, height = frame.size
            if number == 1 and settings.reread:
                _band(frame, result, settings, path, dpis[0], warnings)
            _signature(frame, result, settings, path, dpis[number - 1], warnings)
            if number == 1 and settings.subject:
                _subject(frame, result, settings, path, dpis[0], warnings)
            if settings.correct:
                fixes += [(number, a, b) for a, b in correct_page(result)]
            words.append(word_record(number, result))
            rulings = found[number - 1]
            if rulings is not None:  # the words into the rulings' upright frame, for the table's cells
                straighten(result, rulings)
                drop_marks(result, rulings, 1.0, height)
            pages.append(PageText(number, width, height, ocr_lines(result, 1.0, height), ocr=True,
                                  rulings=rulings.segs if rulings is not None else []))
            info, page_warnings = ocr.page_report(result, number, settings)
            reports.append(info)
            warnings.extend(page_warnings)
        warnings.extend(ocr.corrections_warning(fixes))
        tables = cut_tables(pages)  # ruled tables as cells; their words off the lines
        numbers = [b.table for t in tables for b in t.blocks if b.table is not None]
        tables += aligned_tables(pages, max(numbers, default=-1) + 1)  # tables with no grid, by the words' positions
        respace_ocr(tables, pages)
        blocks, _encoding, removed = layout_pages(pages, warnings)
        blocks = place_tables(blocks, tables)
        metadata: dict[str, Any] = {
            "bbox_units": "px, origin top-left",
            "image_format": (image.format or "").lower() or None,
            "ocr_pages": reports,
            "ocr_words": words,
            "ocr_engine": f"tesseract ({settings.lang}, psm {settings.psm}, {settings.preprocess})",
        }
        if removed:
            metadata["furniture_removed"] = removed
        if not blocks:
            warnings.append(ReaderWarning("empty_text", "OCR found no text in the image"))
        return RawDocument(blocks=blocks, format="image", pages=frames, ocr=True, metadata=metadata, warnings=warnings)


def _signature(frame: Any, result: Any, settings: Any, path: Path, dpi: int, warnings: list[ReaderWarning]) -> None:
    """The frame's signature block read again from its print alone when its reading lacks the position or the
    name (:mod:`.ocr_signature`); the colour crop is the frame's own pixels."""
    if not settings.signature:
        return
    colour = lambda box: (frame.convert("RGB").crop(box), 1.0)  # noqa: E731
    read = lambda crop: ocr.read_many([crop], 6, settings, path, dpi)[0]  # noqa: E731
    reread_into(result, colour, read, warnings)


def _band(frame: Any, result: Any, settings: Any, path: Path, dpi: int, warnings: list[ReaderWarning]) -> None:
    """The first frame's header band read again from max(R, G, B) when its reading shows no Quốc hiệu
    (:mod:`.ocr_band`); the colour crop is the frame's own pixels."""
    colour = lambda box: frame.convert("RGB").crop(box)  # noqa: E731
    read = lambda crop: ocr.read_many([crop], settings.psm, settings, path, dpi)[0]  # noqa: E731
    band_into(result, colour, read, warnings)


def _subject(frame: Any, result: Any, settings: Any, path: Path, dpi: int, warnings: list[ReaderWarning]) -> None:
    """The first frame's trích yếu read again as a block when its reading looks broken (:mod:`.ocr_subject`), as
    on a scanned PDF's page 1; an image cannot be rendered finer, so the crop is enlarged ``zoom`` times (Lanczos)
    and prepared as the frame was."""
    from PIL import Image

    def fine(box: tuple[int, int, int, int], zoom: float) -> tuple[Any, float]:
        crop = frame.crop(box)
        crop = crop.resize((max(1, round(crop.width * zoom)), max(1, round(crop.height * zoom))), Image.Resampling.LANCZOS)
        return ocr.prepare(crop, settings.preprocess), zoom

    read = lambda image, factor: ocr.read_many([image], 6, settings, path, round(dpi * factor))[0]  # noqa: E731
    subject_into(result, fine, read, warnings)


def _dpi(image: Any, index: int, default: int) -> int:
    """The resolution the file declares (tesseract sizes its text model by it), or the default."""
    try:
        image.seek(index)
        declared = image.info.get("dpi")
    except (OSError, EOFError, ValueError):
        return default
    if declared:
        try:
            value = int(round(float(declared[0])))
        except (TypeError, ValueError, IndexError):
            return default
        if 70 <= value <= 1200:
            return value
    return default


__all__ = ["ImageReader"]
