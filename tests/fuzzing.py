"""The fuzzing harness (issue 14), shared by tests/test_fuzz.py (hypothesis, a few seconds in CI) and
scripts/fuzz.py (long runs): the invariants every output must hold, Vietnamese-looking text to start from,
and mutations of real files.

Invariants: ``parse_text`` never raises; ``parse_file`` raises nothing but a typed ReaderError; every span lies
inside the text; the JSON serialises, as UTF-8, and reads back.
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIRS = (ROOT / "fixtures" / "samples", ROOT / "fixtures" / "markdown", ROOT.parent / "shared" / "corpus",
              Path("/work/shared/corpus"))
FORMATS = ("txt", "md", "docx", "doc", "rtf", "pdf", "html")
MAX_SEED_BYTES = 400_000  # mutate small files: each input must run in well under a second or two
MAX_SEED_BYTES_BY_FORMAT = {"html": 1_300_000}  # saved vbpl.vn pages are ~1 MB of site around the document

TOKENS = (
    "Điều 1.", "Điều", "Chương I", "Mục 2", "1.", "2.", "a)", "b)", "-", "+", "•", "Số:", "số", "/QĐ-UBND",
    "123/2020/NĐ-CP", "09-NQ/TU", "ngày", "tháng", "năm", "05/3/2020", "Hà Nội,", "Kính gửi:", "Nơi nhận:",
    "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "QUYẾT ĐỊNH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "V/v", "Căn cứ", "Luật", "Nghị định",
    "Thông tư", "trước ngày", "trong thời hạn 05 ngày làm việc", "hằng tháng", "quý II", "Sở Nội vụ", "UBND",
    "(", ")", "“", "”", "./.", "\n", "\n\n", "\t", " ", "|", "**", "#", "\u00a0", "\u200b", "\ufeff", "\x00",
    "\ud800", "𠀧", "😀", "\U00016d70", "٣", "\u0301", "ǹ", "Ð", "ð", "Trang 2", "2", "- 3 -",
)


def any_char(rng: random.Random, surrogates: bool = True) -> str:
    """Any code point, lone surrogates included unless asked not to (the pipeline pairs or replaces them)."""
    while True:
        c = chr(rng.randrange(0x110000))
        if surrogates or not "\ud800" <= c <= "\udfff":
            return c


def vietnamese_text(rng: random.Random, n_tokens: int, surrogates: bool = True) -> str:
    """Text made of the pieces documents are made of, in any order (plus a few hostile characters)."""
    tokens = TOKENS if surrogates else [t for t in TOKENS if t != "\ud800"]
    out = []
    for _ in range(n_tokens):
        r = rng.random()
        if r < 0.85:
            out.append(rng.choice(tokens))
        elif r < 0.95:
            out.append(str(rng.randrange(10 ** rng.randrange(1, 12))))
        else:
            out.append(any_char(rng, surrogates))
        out.append(rng.choice((" ", " ", "", "\n")))
    return "".join(out)


def spans(obj: Any, path: str = "") -> Iterator[tuple[str, list[Any]]]:
    """Every ``span`` value in the output JSON, with where it is."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "span" and isinstance(value, list):
                yield f"{path}.{key}", value
            else:
                yield from spans(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from spans(value, f"{path}[{i}]")


def check_document(doc: Any) -> list[str]:
    """What is wrong with a parsed Document ([] when every invariant holds)."""
    problems: list[str] = []
    try:
        text_json = doc.to_json(indent=None)
        data = json.loads(text_json.encode("utf-8"))
    except Exception as exc:  # noqa: BLE001 - any failure to serialise is the finding
        return [f"output does not serialise as UTF-8 JSON: {type(exc).__name__}: {str(exc)[:200]}"]
    n = len(doc.text)
    for where, span in spans(data):
        if span is None:
            continue
        if (len(span) != 2 or not all(isinstance(v, int) for v in span) or not 0 <= span[0] <= span[1] <= n):
            problems.append(f"span {span} at {where} is not inside the text (length {n})")
            break
    return problems


# --- mutations of real files ----------------------------------------------------------------------------------

def seed_files() -> list[Path]:
    """Small real files of every format (fixtures/samples first, then the shared corpus)."""
    seen: dict[str, list[Path]] = {}
    for folder in SEEDS_DIRS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            ext = path.suffix.lower().lstrip(".")
            if ext in FORMATS and path.is_file() and path.stat().st_size <= MAX_SEED_BYTES_BY_FORMAT.get(ext, MAX_SEED_BYTES):
                if path.resolve() not in [p.resolve() for p in seen.get(ext, [])]:
                    seen.setdefault(ext, []).append(path)
    return [p for ext in FORMATS for p in seen.get(ext, [])[:2 if ext == "html" else 6]]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to a few byte-level mutations: flips, overwrites, inserts, deletes, duplicated or truncated chunks, and
    numbers made huge or negative (where parsers trust a count)."""
    buf = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 8))):
        if not buf:
            buf += bytes([rng.randrange(256)])
        op = rng.randrange(8)
        i = rng.randrange(len(buf))
        if op == 0:
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[i] = rng.choice((0, 0xFF, 0x7F, 0x80, ord("{"), ord("}"), ord("\\"), ord("<"), ord(">")))
        elif op == 2:
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
        elif op == 3:
            del buf[i:i + rng.randrange(1, 64)]
        elif op == 4:
            j = min(len(buf), i + rng.randrange(1, 512))
            buf[i:i] = buf[i:j] * rng.randrange(1, 8)
        elif op == 5:
            del buf[rng.randrange(len(buf) // 2, len(buf)) if len(buf) > 1 else 0:]
        elif op == 6:
            k = _digit_run(buf, i)
            if k is not None:
                a, b = k
                buf[a:b] = rng.choice((b"99999999999", b"-7", b"0", b"4294967295", b"1000000000000000"))
        else:
            j = rng.randrange(len(buf))
            buf[i], buf[j] = buf[j], buf[i]
    return bytes(buf)


def _digit_run(buf: bytearray, i: int) -> tuple[int, int] | None:
    for k in range(i, min(len(buf), i + 4096)):
        if 48 <= buf[k] <= 57:
            a = k
            while k < len(buf) and 48 <= buf[k] <= 57:
                k += 1
            return a, k
    return None


def mutate_file(data: bytes, ext: str, rng: random.Random) -> bytes:
    """A mutation that reaches the parser: inside a DOCX the XML of one part is mutated and the zip rebuilt
    (a mutated deflate stream mostly stops at the CRC check); elsewhere the bytes themselves."""
    if ext == "docx" and data.startswith(b"PK") and rng.random() < 0.7:
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zin:
                parts = [(info.filename, zin.read(info)) for info in zin.infolist()]
        except Exception:  # noqa: BLE001 - an already damaged seed: mutate its bytes
            return mutate(data, rng)
        xml = [k for k, (name, _) in enumerate(parts) if name.endswith(".xml") or name.endswith(".rels")]
        if xml:
            k = rng.choice(xml)
            parts[k] = (parts[k][0], mutate(parts[k][1], rng))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for name, blob in parts:
                zout.writestr(name, blob)
        return out.getvalue()
    return mutate(data, rng)
