"""Signature-block conditions of real signed scans, drawn over a page whose block we know (issue 12): the red seal
stamped over the position or the name at several offsets (also with a pale, nearly grey rim: vbai_27), a blue or
black handwritten signature crossing the name line, the name set larger, the block moved left / to the centre /
onto a page of its own, and the scanner's dpi, JPEG and ink on top.  Used by :mod:`scan_variants` on dev PDFs with a text layer, whose gold position and name
lines are found on the page by pdfium (:func:`block_boxes`); every mark is seeded, so a variant's bytes (and the
tesseract cache key) are the same from run to run.

Each condition is ``name -> (dpi, change)`` with ``change(image, block)``: ``block`` holds the page-pixel boxes of
the block's lines (``position``, ``name``, ``authority`` when found); it returns the page image(s) to save.
Why these: the held-out Lâm Đồng scans lose signers our own scans do not show, and these are the marks a signing
clerk and a scanner leave on a signature block.
"""
from __future__ import annotations

import io
import math
import random
from typing import Any, Callable

Box = tuple[int, int, int, int]
Block = dict[str, Box]
SigChange = Callable[[Any, Block], list[Any]]

RED = (205, 35, 45)
BLUE = (35, 55, 165)
BLACK = (25, 25, 30)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def block_boxes(page: Any, scale: float, lines: dict[str, str]) -> Block:
    """Page-pixel boxes (at ``scale`` pixels per point) of each of ``lines`` (``{"name": "Lê Văn Lợi", ...}``) found
    in the page's text layer, the last occurrence (the block stands at the end); missing lines are left out."""
    text = page.get_textpage()
    height = page.get_height()
    out: Block = {}
    for key, value in lines.items():
        if not value:
            continue
        found, search = None, text.search(value, match_case=False)
        while (hit := search.get_next()) is not None:
            found = hit
        if found is None:
            continue
        boxes = [text.get_charbox(i) for i in range(found[0], found[0] + found[1])]
        boxes = [b for b in boxes if b[2] > b[0]]
        if not boxes:
            continue
        x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
        y0, y1 = min(b[1] for b in boxes), max(b[3] for b in boxes)
        out[key] = (round(x0 * scale), round((height - y1) * scale), round(x1 * scale), round((height - y0) * scale))
    return out


def _multiply(im: Any, layer: Any) -> Any:
    """Ink laid over the page: darker wins channel by channel (a stamp over print leaves the print dark)."""
    from PIL import ImageChops

    return ImageChops.multiply(im.convert("RGB"), layer)


def seal_layer(size: tuple[int, int], centre: tuple[float, float], radius: float, colour: tuple[int, int, int] = RED, seed: int = 3) -> Any:
    """A round seal: two rings, capital letters between them, a star in the middle; the ink uneven (seeded)."""
    from PIL import Image, ImageDraw, ImageFont

    layer = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(layer)
    cx, cy = centre
    ring = max(3, int(radius * 0.05))
    for r, w in ((radius, ring), (radius * 0.72, max(2, ring // 2))):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=w)
    rng = random.Random(seed)
    font = ImageFont.truetype(FONT, max(8, int(radius * 0.16)))
    letters = "UỶ BAN NHÂN DÂN TỈNH LÂM ĐỒNG *"
    for k, ch in enumerate(letters):
        angle = math.pi * (0.9 + 1.2 * k / len(letters))
        r = radius * 0.86
        glyph = Image.new("L", (font.size * 2, font.size * 2), 0)
        ImageDraw.Draw(glyph).text((font.size // 2, font.size // 3), ch, fill=255, font=font)
        glyph = glyph.rotate(-math.degrees(angle) - 90, expand=False)
        x, y = cx + r * math.cos(angle) - font.size, cy + r * math.sin(angle) - font.size
        layer.paste(Image.new("RGB", glyph.size, colour), (int(x), int(y)), glyph)
    star = [(cx + radius * (0.3 if k % 2 == 0 else 0.12) * math.cos(math.pi / 2 + k * math.pi / 5), cy - radius * (0.3 if k % 2 == 0 else 0.12) * math.sin(math.pi / 2 + k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=colour)
    for _ in range(int(radius * 3)):  # uneven ink: white specks inside the seal
        a, r = rng.uniform(0, 2 * math.pi), rng.uniform(0, radius * 1.05)
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        d = rng.uniform(1, ring * 0.6)
        draw.ellipse((x - d, y - d, x + d, y + d), fill="white")
    return layer


# The seal's pale edge, measured on vbai_27's (corpus, 300 dpi): a rim 1 px wide around the ring's ink (chroma 40
# up), mean grey 209, chroma 23 (under ocr_signature.CHROMA: not whitened as ink); paper beyond it.  PALE is that
# colour, drawn 2 px wide (the rim and a scanner's blur); WIDE_PALE a darker, greyer rim (grey ~168, chroma 14)
# drawn 5 px wide, as a scan at a lower dpi spreads it.
PALE = (222, 199, 200)
WIDE_PALE = (178, 164, 166)


def pale_edged(layer: Any, width: int, colour: tuple[int, int, int] = PALE) -> Any:
    """The seal's ``layer`` with a pale, nearly grey rim ``width`` px wide around all its ink: the ink a seal
    spreads at its edge, too thin to keep its colour.  The rim vbai_27's seal (corpus) left around its rings made
    tesseract drop the name line under it (ocr_signature.HALO was built for it); this draws one on any block."""
    from PIL import Image, ImageChops, ImageFilter

    ink = ImageChops.invert(layer.convert("L")).point(lambda v: 255 if v > 40 else 0)
    rim = ImageChops.subtract(ink.filter(ImageFilter.MaxFilter(2 * width + 1)), ink)
    return Image.composite(Image.new("RGB", layer.size, colour), layer, rim)


def signature_layer(size: tuple[int, int], name: Box, colour: tuple[int, int, int], seed: int = 5) -> Any:
    """A handwritten signature between the position and the name: loops over the name's left half, and a long
    stroke down and across the name line (the pen's tail)."""
    from PIL import Image, ImageDraw

    layer = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(layer)
    rng = random.Random(seed)
    x0, y0, x1, y1 = name
    h = max(10, y1 - y0)
    width = max(2, h // 7)
    base = y0 - 2.2 * h
    points = []
    for k in range(60):
        t = k / 59
        x = x0 + (x1 - x0) * 0.8 * t
        y = base + 1.2 * h * math.sin(t * 7 * math.pi) * (0.6 + 0.4 * rng.random())
        points.append((x, y))
    draw.line(points, fill=colour, width=width, joint="curve")
    tail = [(x0 + (x1 - x0) * 0.05, y1 + 0.4 * h), (x0 + (x1 - x0) * 0.45, y0 - 1.5 * h), (x1 + 0.8 * h, y0 - 3.0 * h)]
    draw.line(tail, fill=colour, width=width, joint="curve")
    cross = [(x0 - h, (y0 + y1) / 2 + 0.1 * h), (x0 + (x1 - x0) * 0.35, (y0 + y1) / 2 - 0.2 * h)]  # across the first word
    draw.line(cross, fill=colour, width=width)
    return layer


def _seal(where: str, dx: float = 0.0, dy: float = 0.0, edge: int = 0) -> SigChange:
    """The seal stamped at ``where`` of the block: ``left`` (its usual place, the ring over the position's and the
    name's first letters), ``position`` (centred low on the position line), ``name`` (the ring over the name's
    first word); ``dx``/``dy`` shift it by shares of its radius; ``edge``: a pale rim this many pixels wide (at
    300 dpi) around its ink (:func:`pale_edged`; negative: the wide, darker one)."""
    def change(im: Any, block: Block) -> list[Any]:
        if "name" not in block:
            return [im]
        return [_stamped(im, block, where, dx, dy, edge)]

    return change


def _stamped(im: Any, block: Block, where: str, dx: float = 0.0, dy: float = 0.0, edge: int = 0) -> Any:
    name = block["name"]
    position = block.get("position", name)
    radius = im.width * 0.085
    if where == "position":
        cx, cy = position[0] + radius * 0.3, position[3] + radius * 0.55
    elif where == "name":
        cx, cy = name[0] - radius * 0.2, name[1] - radius * 0.55
    else:
        cx, cy = min(position[0], name[0]) + radius * 0.15, (position[3] + name[1]) / 2
    layer = seal_layer(im.size, (cx + dx * radius, cy + dy * radius), radius)
    if edge:
        scale = im.width / 2480  # the page's width at 300 dpi
        layer = pale_edged(layer, max(1, round(abs(edge) * scale)), PALE if edge > 0 else WIDE_PALE)
    return _multiply(im, layer)


def _signed(colour: tuple[int, int, int], seal: bool = False, edge: int = 0) -> SigChange:
    def change(im: Any, block: Block) -> list[Any]:
        if "name" not in block:
            return [im]
        if seal:
            im = _stamped(im, block, "left", edge=edge)
        return [_multiply(im, signature_layer(im.size, block["name"], colour))]

    return change


def _then(first: SigChange, after: Callable[[Any], Any]) -> SigChange:
    return lambda im, block: [after(page) for page in first(im, block)]


def _before(change: Callable[[Any], Any], then: SigChange) -> SigChange:
    return lambda im, block: then(change(im), block)


def _jpeg(quality: int) -> Callable[[Any], Any]:
    def change(im: Any) -> Any:
        from PIL import Image

        buf = io.BytesIO()
        im.save(buf, format="JPEG", quality=quality)
        return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")

    return change


def _ink(kind: str) -> Callable[[Any], Any]:
    """``light``: the print at 45 % (a worn toner); ``heavy``: strokes thickened by a pixel each side."""
    from PIL import ImageFilter

    if kind == "heavy":
        return lambda im: im.filter(ImageFilter.MinFilter(3))
    return lambda im: im.point(lambda v: 255 - (255 - v) * 45 // 100)


def _block_span(block: Block) -> Box:
    boxes = list(block.values())
    pad = (block["name"][3] - block["name"][1]) if "name" in block else 20
    return (min(b[0] for b in boxes) - 3 * pad, min(b[1] for b in boxes) - pad, max(b[2] for b in boxes) + 3 * pad, max(b[3] for b in boxes) + pad)


def _moved(where: str) -> SigChange:
    """The block (signed and sealed) cut out and set ``left`` (at the text's left margin), ``centre``, or on a
    ``page`` of its own after the page it stood on."""
    def change(im: Any, block: Block) -> list[Any]:
        from PIL import Image

        if "name" not in block:
            return [im]
        im = _signed(BLUE, seal=True)(im, block)[0]
        x0, y0, x1, y1 = (max(0, v) for v in _block_span(block))
        part = im.crop((x0, y0, x1, y1))
        im.paste(Image.new("RGB", part.size, "white"), (x0, y0))
        if where == "page":
            page = Image.new("RGB", im.size, "white")
            page.paste(part, (x0, int(im.height * 0.08)))
            return [im, page]
        to = int(im.width * 0.1) if where == "left" else (im.width - part.width) // 2
        im.paste(part, (to, y0))
        return [im]

    return change


def _bigger_name(im: Any, block: Block) -> list[Any]:
    """The name line set 30 % larger (a bold name of another size), then sealed and signed."""
    from PIL import Image

    if "name" not in block:
        return [im]
    x0, y0, x1, y1 = block["name"]
    pad = (y1 - y0) // 3
    part = im.crop((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    big = part.resize((int(part.width * 1.3), int(part.height * 1.3)))
    im.paste(Image.new("RGB", part.size, "white"), (x0 - pad, y0 - pad))
    cx = (x0 + x1) // 2
    im.paste(big, (cx - big.width // 2, y0 - pad))
    grown = (cx - big.width // 2 + pad, y0, cx + big.width // 2 - pad, y0 - pad + big.height - pad)
    return _signed(BLUE, seal=True)(im, {**block, "name": grown})


def signature_conditions() -> dict[str, tuple[int, SigChange]]:
    """Every signature-block condition by name (``sig_orig`` is the control: the page as rendered)."""
    same: SigChange = lambda im, block: [im]  # noqa: E731
    sealed_signed = _signed(BLUE, seal=True)
    return {
        "sig_orig": (300, same),
        "seal_left": (300, _seal("left")),
        "seal_left_up": (300, _seal("left", 0.3, -0.35)),
        "seal_left_down": (300, _seal("left", 0.3, 0.35)),
        "seal_position": (300, _seal("position")),
        "seal_name": (300, _seal("name")),
        "seal_pale_edge": (300, _seal("left", edge=2)),  # vbai_27's rim (ocr_signature.HALO was built for it)
        "seal_pale_name": (300, _seal("name", edge=2)),
        "seal_pale_sign": (300, _signed(BLUE, seal=True, edge=2)),
        "seal_wide_edge": (300, _seal("left", edge=-5)),  # a wider, darker rim
        "seal_wide_sign": (300, _signed(BLUE, seal=True, edge=-5)),
        "sign_blue": (300, _signed(BLUE)),
        "sign_black": (300, _signed(BLACK)),
        "seal_sign": (300, sealed_signed),
        "seal_sign_black": (300, _signed(BLACK, seal=True)),
        "seal_sign200": (200, sealed_signed),
        "seal_sign150": (150, sealed_signed),
        "seal_jpeg": (300, _then(sealed_signed, _jpeg(35))),
        "seal_light": (300, _before(_ink("light"), sealed_signed)),
        "seal_heavy": (300, _before(_ink("heavy"), sealed_signed)),
        "name_big": (300, _bigger_name),
        "block_left": (300, _moved("left")),
        "block_centre": (300, _moved("centre")),
        "own_page": (300, _moved("page")),
    }
