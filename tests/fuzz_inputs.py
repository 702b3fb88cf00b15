"""The inputs of the long fuzzing runs (scripts/fuzz.py, issue 14): every kind of input, made from a seeded
``random.Random`` (or, for the ``hyp:`` kinds, by hypothesis), from real material gathered once per run.

Kinds (the default mix in ``MIX``, each a share of all inputs):

- ``hyp:text``, ``hyp:pieces``, ``hyp:document`` — hypothesis: any text; document pieces (tokens, numbers,
  short text); real lines of documents mixed with pieces, one per line.  Run through ``parse_text``.
- ``gen:tokens``, ``gen:chars`` — random sequences of document pieces / of any code point (tests/fuzzing.py).
- ``real:lines``, ``real:header``, ``real:closing``, ``real:citations``, ``real:dates``, ``real:tables`` — a window
  of real lines (anywhere; the first lines of a document; its last lines, where the signers and Nơi nhận are;
  lines that cite; lines with dates; table rows), mutated (bytes, tokens inserted, lines duplicated or dropped,
  digits made huge, diacritics stripped), through ``parse_text``.
- ``enc`` — a real window of lines encoded as a file of text would be (UTF-8 with or without BOM, UTF-16 with and
  without BOM, cp1258, TCVN3, VNI), bytes mutated, through ``parse_file`` as ``.txt`` (the decoding of the reader).
- ``file:EXT`` — a mutated real file of each format (tests/fuzzing.mutate_file), through ``parse_file``.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests import fuzzing

MIX: dict[str, float] = {
    "hyp:text": 0.15, "hyp:pieces": 0.15, "hyp:document": 0.10,
    "gen:tokens": 0.08, "gen:chars": 0.04,
    "real:lines": 0.12, "real:header": 0.08, "real:closing": 0.05, "real:citations": 0.05, "real:dates": 0.04,
    "real:tables": 0.04,
    "enc": 0.04,
    "file": 0.06,  # shared equally by the formats found
}

CITATION = re.compile(r"(?i)căn cứ|\bsố\s*:?\s*\d+\s*/|\d+/\d{4}/[A-ZĐ]|\b(?:luật|nghị định|thông tư|quyết định|"
                      r"công văn|chỉ thị|nghị quyết)\b")
DATE = re.compile(r"(?i)ngày\s*\d|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|tháng\s*\d|năm\s*\d{4}")
TABLE = re.compile(r"\|.*\||\t")


@dataclass
class Pool:
    """Real material: the text of each seed document, its lines by family, and the seed files by format."""
    texts: list[list[str]] = field(default_factory=list)  # lines of each document
    citations: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    files: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)  # ext -> [(name, bytes)]
    seed_costs: dict[str, float] = field(default_factory=dict)  # file name -> CPU ms of one parse

    def add_text(self, text: str) -> None:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if not lines:
            return
        self.texts.append(lines)
        for ln in lines:
            if len(ln) > 600:
                continue
            if CITATION.search(ln):
                self.citations.append(ln)
            if DATE.search(ln):
                self.dates.append(ln)
            if TABLE.search(ln):
                self.tables.append(ln)

    def all_lines(self) -> list[str]:
        return [ln for lines in self.texts for ln in lines if len(ln) <= 600]


def kinds(pool: Pool, mix: dict[str, float] = MIX) -> tuple[list[str], list[float]]:
    """Every kind with its share, ``file`` split over the formats the pool holds (a kind without material is
    dropped and the others scaled up)."""
    names, weights = [], []
    for kind, w in mix.items():
        if kind == "file":
            exts = sorted(pool.files)
            names += [f"file:{e}" for e in exts]
            weights += [w / len(exts)] * len(exts) if exts else []
        elif kind.startswith("real:") and not pool.texts or kind == "enc" and not pool.texts:
            continue
        else:
            names.append(kind)
            weights.append(w)
    total = sum(weights)
    return names, [w / total for w in weights]


# --- mutations of text -----------------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def mutate_text(text: str, rng: random.Random, surrogates: bool = True) -> str:
    """One to a few mutations of real text: its UTF-8 bytes (tests/fuzzing.mutate), a document piece or any
    character inserted, a line duplicated, dropped or moved, a number made huge, zero or negative, the
    diacritics or the case changed, the line breaks joined or doubled."""
    for _ in range(rng.choice((1, 1, 2, 3))):
        op = rng.randrange(9)
        if op == 0:
            text = fuzzing.mutate(text.encode("utf-8", "surrogatepass"), rng).decode("utf-8", "replace")
        elif op in (1, 2):
            i = rng.randrange(len(text) + 1)
            piece = rng.choice(fuzzing.TOKENS) if op == 1 else fuzzing.any_char(rng, surrogates)
            if not surrogates and piece == "\ud800":
                piece = "\ufffd"
            text = text[:i] + piece + text[i:]
        elif op == 3:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            what = rng.randrange(3)
            if what == 0:
                lines[i:i] = [lines[i]] * rng.randrange(1, 4)
            elif what == 1 and len(lines) > 1:
                del lines[i]
            else:
                lines.insert(rng.randrange(len(lines) + 1), lines.pop(i))
            text = "\n".join(lines)
        elif op == 4:
            found = list(_DIGITS.finditer(text))
            if found:
                m = rng.choice(found)
                text = text[:m.start()] + rng.choice(("0", "00", "-1", "99999999999", "4294967296", "1" * 40)) + text[m.end():]
        elif op == 5:
            text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        elif op == 6:
            text = rng.choice((str.upper, str.lower, str.title, str.swapcase))(text)
            if rng.random() < 0.5:
                text = unicodedata.normalize(rng.choice(("NFC", "NFD", "NFKC")), text)
        elif op == 7:
            text = text.replace("\n", rng.choice((" ", "", "\n\n", "\r\n", "\r", "\u2028")))
        else:
            i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
            text = text[:i] + text[j:]  # a cut, as a reader that lost a part would give
    return text


def window(rng: random.Random, lines: list[str], most: int) -> list[str]:
    n = rng.randrange(1, most + 1)
    start = rng.randrange(max(1, len(lines) - n + 1))
    return lines[start:start + n]


def real_text(kind: str, pool: Pool, rng: random.Random, surrogates: bool = True) -> str:
    """The text of a ``real:`` kind: real lines of that family, mutated (or, one time in eight, as they are)."""
    if kind == "real:header":
        lines = rng.choice(pool.texts)[:rng.randrange(3, 40)]
    elif kind == "real:closing":
        lines = rng.choice(pool.texts)[-rng.randrange(3, 40):]
    elif kind in ("real:citations", "real:dates", "real:tables") and getattr(pool, kind[5:]):
        family = getattr(pool, kind[5:])
        lines = [rng.choice(family) for _ in range(rng.randrange(1, 8))]
        if kind == "real:tables" and rng.random() < 0.5:  # a table made of real cells
            cells = [c.strip() for ln in lines for c in re.split(r"[|\t]", ln) if c.strip()] or ["1"]
            cols = rng.randrange(2, 7)
            lines = ["| " + " | ".join(rng.choice(cells) for _ in range(cols)) + " |" for _ in range(rng.randrange(2, 12))]
            lines.insert(1, "|" + "---|" * cols)
    else:
        lines = window(rng, rng.choice(pool.texts), 12)
    text = "\n".join(lines)
    return text if rng.random() < 0.125 else mutate_text(text, rng, surrogates)


# --- text as a file, in every encoding the reader decodes --------------------------------------------------------

def _inverse_tcvn3() -> dict[str, int]:
    from vnadmin_nlp.readers.encodings import _tcvn3_table

    inv: dict[str, int] = {}
    for code, ch in _tcvn3_table().items():
        if len(ch) == 1 and code < 256:
            inv.setdefault(ch, code)
    return inv


def _inverse_vni() -> dict[str, str]:
    from vnadmin_nlp.readers.encodings import _vni_maps

    inv: dict[str, str] = {}
    for seq, ch in sorted(_vni_maps()[1].items(), key=lambda kv: len(kv[0])):
        inv.setdefault(ch, seq)
    return inv


_TCVN3: dict[str, int] | None = None
_VNI: dict[str, str] | None = None
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "tcvn3", "vni")


def encode(text: str, encoding: str) -> bytes:
    """``text`` as a file in ``encoding`` (TCVN3 and VNI: the legacy font encodings, byte by byte)."""
    global _TCVN3, _VNI
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        _TCVN3 = _TCVN3 if _TCVN3 is not None else _inverse_tcvn3()
        return bytes(_TCVN3.get(c, ord(c) if ord(c) < 128 else 63) for c in text)
    if encoding == "vni":
        _VNI = _VNI if _VNI is not None else _inverse_vni()
        return "".join(_VNI.get(c, c) for c in text).encode("cp1252", "replace")
    if encoding == "cp1258":
        return unicodedata.normalize("NFD", text).encode("cp1258", "replace")
    return text.encode(encoding, "replace")


def encoded_file(pool: Pool, rng: random.Random) -> bytes:
    lines = window(rng, rng.choice(pool.texts), 40)
    data = encode("\n".join(lines), rng.choice(ENCODINGS))
    return data if rng.random() < 0.25 else fuzzing.mutate(data, rng)


def make(kind: str, pool: Pool, rng: random.Random, surrogates: bool = True) -> tuple[str, Any, str]:
    """One input of a non-hypothesis kind: ``("text", str, "txt")`` or ``("file", bytes, ext)``."""
    if kind == "gen:tokens":
        return "text", fuzzing.vietnamese_text(rng, rng.choice((5, 50, 300, 1200)), surrogates), "txt"
    if kind == "gen:chars":
        return "text", "".join(fuzzing.any_char(rng, surrogates) for _ in range(rng.randrange(1, 500))), "txt"
    if kind.startswith("real:"):
        return "text", real_text(kind, pool, rng, surrogates), "txt"
    if kind == "enc":
        return "file", encoded_file(pool, rng), "txt"
    ext = kind.split(":", 1)[1]
    name, data = rng.choice(pool.files[ext])
    return "file", (data if rng.random() < 0.02 else fuzzing.mutate_file(data, ext, rng)), ext


def hypothesis_strategies(pool: Pool, surrogates: bool = True) -> dict[str, Any]:
    """The strategies of the ``hyp:`` kinds."""
    from hypothesis import strategies as st

    tokens = st.sampled_from([t for t in fuzzing.TOKENS if surrogates or t != "\ud800"])
    chars = st.characters(exclude_categories=()) if surrogates else st.characters()
    pieces = st.lists(st.one_of(tokens, st.text(chars, max_size=8), st.integers(0, 10**12).map(str)), max_size=120)
    glue = st.lists(st.sampled_from(["", " ", "\n", "\n\n"]), min_size=1, max_size=4)
    lines = pool.all_lines() or ["Số: 12/QĐ-UBND"]
    document = st.lists(st.one_of(st.sampled_from(lines), st.sampled_from(lines), tokens, st.text(chars, max_size=30)),
                        max_size=60).map("\n".join)
    return {
        "hyp:text": st.text(chars, max_size=400),
        "hyp:pieces": st.tuples(pieces, glue).map(lambda pg: "".join(p + pg[1][i % len(pg[1])] for i, p in enumerate(pg[0]))),
        "hyp:document": document,
    }


def build_pool(seed_paths: list[Path], read_text: Any, extra_texts: list[Path] = ()) -> Pool:  # type: ignore[assignment]
    """The pool from the seed files: their bytes by format and, through ``read_text(path) -> str | None``, their
    text split into lines (plus the text files in ``extra_texts``)."""
    pool = Pool()
    for path in seed_paths:
        ext = path.suffix.lower().lstrip(".")
        pool.files.setdefault(ext, []).append((path.name, path.read_bytes()))
    for path in list(seed_paths) + list(extra_texts):
        text = read_text(path)
        if text:
            pool.add_text(text)
    return pool
