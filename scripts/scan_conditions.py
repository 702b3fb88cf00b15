"""The image conditions of real archive scans, as functions of a page image (issue 12): what another scanner, a
phone, old paper or a clerk's stamp does to a page.  Used by :mod:`scan_variants` to make variants of our dev scans;
every change is seeded, so a variant's bytes (and the tesseract cache key) are the same from run to run.

Each condition is ``name -> (dpi, change)``: the page is rendered at ``dpi`` in colour and ``change(image)`` returns
the new page image.
"""
from __future__ import annotations

import io
import random
from typing import Any, Callable

Change = Callable[[Any], Any]


def _turn(angle: float) -> Change:
    from PIL import Image

    return lambda im: im.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white", expand=False)


def _jpeg(quality: int) -> Change:
    def change(im: Any) -> Any:
        from PIL import Image

        buf = io.BytesIO()
        im.save(buf, format="JPEG", quality=quality)
        return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")

    return change


def _shift(im: Any) -> Any:
    from PIL import Image

    dx, dy = int(im.width * 0.04), int(im.height * 0.04)
    out = Image.new("RGB", im.size, "white")
    out.paste(im, (dx, dy))
    return out


def _tone(paper: tuple[int, int, int], ink: tuple[int, int, int], noise: int = 0) -> Change:
    """The page's white becomes ``paper`` and its black ``ink`` (each channel mapped linearly), with grain."""
    def change(im: Any) -> Any:
        from PIL import Image

        bands = []
        for band, lo, hi in zip(im.convert("RGB").split(), ink, paper):
            bands.append(band.point(lambda v, lo=lo, hi=hi: round(lo + (hi - lo) * v / 255)))
        out = Image.merge("RGB", bands)
        if noise:  # seeded grain: the same variant bytes on every run
            import numpy as np

            rng = np.random.default_rng(7)
            arr = np.asarray(out, dtype=np.int16) + rng.normal(0, noise, (out.height, out.width, 1)).astype(np.int16)
            out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
        return out

    return change


def _photo(im: Any) -> Any:
    """A phone photo of the page: a mild perspective (the top narrower), a dark table around it and light falling
    off from one corner."""
    from PIL import Image, ImageChops

    w, h = im.size
    d = int(w * 0.05)
    # quad: the source corners (UL, LL, LR, UR) that map onto the output's corners -> the page shrinks at the top
    quad = (-d, -int(h * 0.02), -int(d * 0.3), h + int(h * 0.02), w + int(d * 0.3), h + int(h * 0.02), w + d, -int(h * 0.02))
    warped = im.convert("RGB").transform((w, h), Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor=(70, 60, 50))
    light = Image.linear_gradient("L").rotate(35, expand=False).resize((w, h))  # dark at one corner
    light = light.point(lambda v: 150 + v * 105 // 255)
    return ImageChops.multiply(warped, Image.merge("RGB", [light] * 3))


def _header_band(im: Any) -> tuple[int, int]:
    """The rows of the page's header block: from the first inked row to the first blank strip (1.2 % of the height)
    found below 8 % of the height under it (the gap before the title or the Kính gửi)."""
    import numpy as np

    grey = np.asarray(im.convert("L"))
    inked = (grey < 128).sum(axis=1) > max(2, grey.shape[1] // 150)  # a speck or a scanner's border line is no text
    rows = np.flatnonzero(inked)
    h = grey.shape[0]
    top = int(rows[0]) if len(rows) else int(h * 0.05)
    need = max(3, int(h * 0.012))
    run = 0
    for y in range(top + int(h * 0.08), min(h, top + int(h * 0.35))):
        run = 0 if inked[y] else run + 1
        if run >= need:
            return top, y - need // 2
    return top, top + int(h * 0.15)


def _stamp(im: Any) -> Any:
    """A violet received-document stamp over the issuer's lines and a blue signature stroke over the Số line."""
    from PIL import ImageDraw

    out = im.convert("RGB").copy()
    w, h = out.size
    draw = ImageDraw.Draw(out)
    top, bottom = _header_band(out)
    box = (int(w * 0.08), top + int(h * 0.01), int(w * 0.36), top + int(h * 0.08))
    for k in range(3):
        draw.rectangle((box[0] + k, box[1] + k, box[2] - k, box[3] - k), outline=(110, 40, 160))
    draw.text((box[0] + w * 0.02, box[1] + h * 0.01), "DEN  So: 4707", fill=(110, 40, 160))
    rng = random.Random(7)
    y = bottom - int(h * 0.02)
    points = [(int(w * 0.1) + k * w // 60, y + rng.randint(-h // 120, h // 120)) for k in range(14)]
    draw.line(points, fill=(30, 50, 170), width=max(2, w // 400))
    return out


def _seal(im: Any) -> Any:
    """A red round seal stamped over the issuer's block and the Số line (a signed copy's seal, the way the Lâm Đồng
    scans show it over the signature: two rings, a ring of capitals, a star), and a blue signature stroke across the
    issuer's name; both inks laid over the print (multiplied), so the black text under them stays as dark as printed."""
    import math

    from PIL import Image, ImageChops, ImageDraw

    out = im.convert("RGB")
    w, h = out.size
    top, bottom = _header_band(out)
    layer = Image.new("RGB", out.size, "white")
    draw = ImageDraw.Draw(layer)
    r = int(w * 0.085)
    cx, cy = int(w * 0.25), top + int((bottom - top) * 0.55)
    red = (205, 40, 45)
    for radius, width in ((r, max(3, w // 300)), (int(r * 0.7), max(2, w // 500))):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=red, width=width)
    size = max(8, r // 6)
    for k, ch in enumerate("UY BAN NHAN DAN TINH LAM DONG * "):
        a = math.pi * (0.75 + 1.5 * k / 32)
        x, y = cx + 0.85 * r * math.cos(a), cy + 0.85 * r * math.sin(a)
        draw.rectangle((x - size / 3, y - size / 2, x + size / 3, y + size / 2), outline=red, width=max(1, size // 5)) if ch != " " else None
    star = [(cx + (r * 0.3 if k % 2 == 0 else r * 0.12) * math.cos(math.pi / 2 + k * math.pi / 5),
             cy - (r * 0.3 if k % 2 == 0 else r * 0.12) * math.sin(math.pi / 2 + k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=red)
    rng = random.Random(11)
    points = [(int(w * 0.12) + k * w // 50, cy + int(r * 0.4) + rng.randint(-h // 150, h // 150)) for k in range(12)]
    draw.line(points, fill=(35, 60, 175), width=max(3, w // 350))
    return ImageChops.multiply(out, layer)


def _table(im: Any) -> Any:
    """The header set in a table with its lines drawn: a frame round the top band and a rule between the columns."""
    from PIL import ImageDraw

    out = im.convert("RGB").copy()
    w, h = out.size
    draw = ImageDraw.Draw(out)
    width = max(2, w // 600)
    top, bottom = _header_band(out)
    top, bottom, left, right = max(0, top - int(h * 0.01)), bottom, int(w * 0.05), int(w * 0.96)
    draw.rectangle((left, top, right, bottom), outline=(0, 0, 0), width=width)
    mid = sum(_gutter(out, top, bottom)) // 2
    draw.line((mid, top, mid, bottom), fill=(0, 0, 0), width=width)
    return out


def _crop(im: Any) -> Any:
    """The margins cut away by a scanner's auto-crop: the page keeps its text up to a few millimetres of the edge."""
    w, h = im.size
    return im.crop((int(w * 0.07), int(h * 0.04), int(w * 0.95), int(h * 0.97)))


def _gutter(im: Any, top: int, bottom: int) -> tuple[int, int]:
    """The widest blank column strip of rows ``top``..``bottom`` in the middle of the page (the header's gutter)."""
    import numpy as np

    w = im.width
    ink = (np.asarray(im.crop((0, top, w, bottom)).convert("L")) < 128).any(axis=0)
    best, start = (w // 2, w // 2), None
    for x in range(int(w * 0.3), int(w * 0.7)):
        if not ink[x]:
            start = x if start is None else start
            if x - start > best[1] - best[0]:
                best = (start, x)
        else:
            start = None
    return best


def _close(im: Any) -> Any:
    """The header's two columns set closer together: in the header band, the right column moved left by 60 % of
    the blank gutter between the columns (no glyph of either column is cut)."""
    from PIL import Image

    out = im.convert("RGB").copy()
    w, _h = out.size
    top, band = _header_band(out)
    best = _gutter(out, top, band)
    gap = int((best[1] - best[0]) * 0.6)
    if gap <= 0:
        return out
    right = out.crop((best[1] - 1, top, w, band))
    out.paste(Image.new("RGB", (w - best[1] + 1, band - top), "white"), (best[1] - 1, top))
    out.paste(right, (best[1] - 1 - gap, top))
    return out


def conditions() -> dict[str, tuple[int, Change]]:
    """Every condition by name (the first six are the original variants of this script)."""
    from PIL import ImageFilter

    same: Change = lambda im: im  # noqa: E731
    return {
        "orig": (300, same),
        "dpi200": (200, same),
        "skew+1": (300, _turn(1.0)),
        "skew-1": (300, _turn(-1.0)),
        "jpeg": (300, _jpeg(40)),
        "blur": (300, lambda im: im.filter(ImageFilter.GaussianBlur(1.2))),
        "shift": (300, _shift),
        "dpi150": (150, same),
        "jpeg150": (150, _jpeg(30)),
        "skew+2.5": (300, _turn(2.5)),
        "skew-4": (300, _turn(-4.0)),
        "rot90": (300, lambda im: im.rotate(90, expand=True)),
        "rot180": (300, lambda im: im.rotate(180, expand=True)),
        "rot270": (300, lambda im: im.rotate(270, expand=True)),
        "grey": (300, _tone((150, 150, 150), (20, 20, 20), 20)),
        "yellow": (300, _tone((235, 215, 160), (60, 45, 30), 12)),
        "faint": (300, _tone((255, 255, 255), (150, 150, 150))),
        "photo": (300, _photo),
        "stamp": (300, _stamp),
        "seal": (300, _seal),
        "table": (300, _table),
        "crop": (300, _crop),
        "close": (300, _close),
    }
