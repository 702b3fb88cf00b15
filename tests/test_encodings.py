"""Legacy Vietnamese encodings (TCVN3, VNI): tables, detection, and never touching correct Unicode."""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from vnadmin_nlp.readers import encodings as enc
from vnadmin_nlp.readers.encodings import (
    convert_run,
    decode_legacy_bytes,
    encode_legacy,
    fix_legacy_text,
    font_encoding,
)
from vnadmin_nlp.lexicon.syllables import is_vietnamese_word

from .conftest import FIXTURES, SEED_CONG_VAN, SEED_THONG_BAO

DATA = Path(enc.__file__).resolve().parent.parent / "data"
TRANSCRIPTS = FIXTURES / "transcripts"

_BASES = "a ă â e ê i o ô ơ u ư y".split()
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
LOWER = sorted({unicodedata.normalize("NFC", b + t) for b in _BASES for t in _TONES} | {"đ"})
UPPER = [ch.upper() for ch in LOWER]
NON_ASCII_LOWER = [ch for ch in LOWER if not ch.isascii()]


def test_letter_inventory():
    assert len(LOWER) == 73 and len(NON_ASCII_LOWER) == 67  # 12 vowels x 6 tones + đ; 67 need a code


# --------------------------------------------------------------------------- tables


def test_tcvn3_table_covers_every_lowercase_letter_once():
    table = json.loads((DATA / "encodings_tcvn3.json").read_text(encoding="utf-8"))["vn3"]
    values = list(table.values())
    assert len(values) == len(set(values))
    assert set(NON_ASCII_LOWER) <= set(values)
    assert set("ĂÂÊÔƠƯĐ") <= set(values)
    assert table["AD"] == "ư" and table["A7"] == "Đ" and table["AE"] == "đ"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv (libc-bin) not installed")
def test_tcvn3_table_matches_iconv():
    table = json.loads((DATA / "encodings_tcvn3.json").read_text(encoding="utf-8"))["vn3"]
    raw = bytes(int(k, 16) for k in table)
    out = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=raw, capture_output=True, check=True)
    assert list(out.stdout.decode("utf-8")) == list(table.values())


@pytest.mark.parametrize("ch", LOWER + UPPER)
def test_vni_round_trip_every_letter(ch):
    encoded = encode_legacy(ch, "vni")
    if not ch.isascii() and ch not in "ìíÌÍ":  # ì and í are the same byte in VNI and in Latin-1
        assert encoded != ch
    assert convert_run(encoded, "vni") == ch


@pytest.mark.parametrize("ch", LOWER)
def test_tcvn3_round_trip_lowercase(ch):
    assert convert_run(encode_legacy(ch, "tcvn3"), "tcvn3") == ch


@pytest.mark.parametrize("ch", UPPER)
def test_tcvn3_capitals_come_back_through_the_capital_font(ch):
    """Capitals with tones have no TCVN3 code: stored lowercase (as .VnTimeH does), case lost without the font."""
    encoded = encode_legacy(ch, "tcvn3")
    assert convert_run(encoded, "tcvn3", upper=True) == ch
    plain = convert_run(encoded, "tcvn3")
    assert plain == (ch if ch in "ĂÂÊÔƠƯĐ" or ch.isascii() else ch.lower())


def test_known_traps_and_examples():
    assert convert_run("M\xadêng Kh\xad¬ng", "tcvn3") == "Mường Khương"  # 0xAD = ư is the soft hyphen
    assert convert_run("B¶o Th¾ng", "tcvn3") == "Bảo Thắng"
    assert convert_run("§iÒu 1. QUYÕT §ÞNH", "tcvn3") == "Điều 1. QUYẾT ĐỊNH"  # 0xA7 = Đ; capitals restored
    assert convert_run("chaøo caùc baïn", "vni") == "chào các bạn"
    assert convert_run("Ñoäc laäp – Töï do – Haïnh phuùc", "vni") == "Độc lập – Tự do – Hạnh phúc"
    assert convert_run("ô Ö ñ Ñ", "vni") == "ơ Ư đ Đ"
    assert convert_run("UÛy ban nhaân daân", "vni") == "Ủy ban nhân dân"
    assert convert_run("hoaëc ñaëc bieät", "vni") == "hoặc đặc biệt"  # aë = ặ (a transcript error had ẵ)


def test_font_names():
    assert font_encoding(".VnTime") == ("tcvn3", False)
    assert font_encoding(".VnTimeH") == ("tcvn3", True)
    assert font_encoding(".VnArial NarrowH") == ("tcvn3", True)
    assert font_encoding("VNI-Times") == ("vni", False)
    assert font_encoding("Times New Roman") == (None, False)
    assert font_encoding(None) == (None, False)


def test_syllable_checker():
    for word in ["các", "Việt", "hoà", "hòa", "quyết", "giữa", "gì", "Nguyễn", "khuya", "thuở", "ĐIỀU", "uỷ"]:
        assert is_vietnamese_word(word), word
    for word in ["cac", "nghiÖp", "Th«ng", "kT", "UBND", "été", "über", "chẹt" + "x"]:
        assert not is_vietnamese_word(word), word


# --------------------------------------------------------------------------- detection


def test_fix_tcvn3_text():
    fixed = fix_legacy_text("Bé Tµi chÝnh h­íng dÉn bæ sung mét sè ®iÓm t¹i Th«ng t­ 60 TC/C§KT")
    assert fixed == ("Bộ Tài chính hướng dẫn bổ sung một số điểm tại Thông tư 60 TC/CĐKT", "tcvn3")


def test_fix_vni_text():
    fixed = fix_legacy_text("Quy cheá naøy quy ñònh chöùc naêng, nhieäm vuï cuûa Ñoäi Kieåm tra lieân ngaønh")
    assert fixed == ("Quy chế này quy định chức năng, nhiệm vụ của Đội Kiểm tra liên ngành", "vni")


def test_mixed_text_converts_only_the_legacy_run():
    unicode_part = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;"
    legacy_part = "Theo ®Ò nghÞ cña Vô tr­ëng Vô ChÕ ®é kÕ to¸n,"
    fixed = fix_legacy_text(f"{unicode_part}\n{legacy_part}\n{unicode_part}")
    assert fixed is not None
    assert fixed[0] == f"{unicode_part}\nTheo đề nghị của Vụ trưởng Vụ Chế độ kế toán,\n{unicode_part}"
    assert fixed[1] == "tcvn3"


def test_vni_word_inside_tcvn3_text():
    # angiang_qd_2002_tcvn3.doc really has a VNI-typed "Ứng" inside TCVN3 text
    fixed = fix_legacy_text("9. ÖÙng dông vµ ph¸t triÓn c«ng nghÖ cao")
    assert fixed == ("9. Ứng dụng và phát triển công nghệ cao", "tcvn3")


def test_one_stray_word_is_not_a_legacy_run():
    text = "Kích thước hạt 10 µm, nhiệt độ 30°C, theo tiêu chuẩn của Bộ Khoa học và Công nghệ."
    assert fix_legacy_text(text) is None


@pytest.mark.parametrize("text", [
    "Le décret du 12 juillet a été publié à Paris; l'été dernier, le château était fermé.",
    "Die Größe der Straße über dem Fluß ist für Fußgänger schön.",
    "El señor José compró un año de café en São Paulo y Curaçao.",
    "Plain English text with résumé, naïve and coöperation.",
    "Số liệu © 2024 ® ½ ¼ × ÷ ± µ",
])
def test_foreign_text_is_left_alone(text):
    assert fix_legacy_text(text) is None


def test_decode_legacy_bytes():
    tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("latin-1")
    assert decode_legacy_bytes(tcvn3) == ("Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3")
    vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".encode("latin-1")
    assert decode_legacy_bytes(vni) == ("Cộng hòa xã hội chủ nghĩa Việt Nam", "vni")
    assert decode_legacy_bytes("Le café est très chaud.".encode("cp1252")) is None
    assert decode_legacy_bytes(b"") is None


def test_text_reader_uses_the_legacy_decoder(tmp_path):
    from vnadmin_nlp.readers import read_file

    path = tmp_path / "tcvn3.txt"
    path.write_bytes("Bé Tµi chÝnh\r\nH­íng dÉn thi hµnh\r\n".encode("latin-1"))
    doc = read_file(path)
    assert doc.encoding == "tcvn3"
    assert doc.blocks[0].text.splitlines() == ["Bộ Tài chính", "Hướng dẫn thi hành"]


# --------------------------------------------------------------------------- never corrupt Unicode


def _unicode_sources(shared: Path) -> dict[str, str]:
    sources = {p.name: p.read_text(encoding="utf-8") for p in (SEED_CONG_VAN, SEED_THONG_BAO)}
    for p in sorted((shared / "corpus").glob("*_gt_txt.txt")):
        sources[p.name] = p.read_text(encoding="utf-8")
    for p in sorted(TRANSCRIPTS.glob("*.txt")):
        sources[p.name] = p.read_text(encoding="utf-8")
    for p in sorted((shared / "corpus").rglob("*.docx")):
        with zipfile.ZipFile(p) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        sources[p.name] = html.unescape(re.sub(r"<[^>]+>", " ", xml.replace("</w:p>", "\n")))
    return sources


def test_unicode_documents_are_never_changed(shared):
    sources = _unicode_sources(shared)
    assert len(sources) >= 30
    changed = {name for name, text in sources.items() if (fixed := fix_legacy_text(text)) and fixed[0] != text}
    assert not changed


def test_seeds_untouched_line_by_line(shared):
    """Short inputs (one line, as a PDF reader might pass) must not flip either."""
    for seed in (SEED_CONG_VAN, SEED_THONG_BAO):
        for line in seed.read_text(encoding="utf-8").splitlines():
            assert fix_legacy_text(line) is None, line


def test_transcript_lines_round_trip_through_both_encodings():
    """Every transcript line encoded to TCVN3/VNI and repaired comes back (measured: all lines of 8+ words)."""
    lines = [ln.strip() for p in sorted(TRANSCRIPTS.glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()
             if len(ln.split()) >= 8]
    assert len(lines) > 300
    for encoding in ("vni", "tcvn3"):
        bad = []
        for line in lines:
            legacy = encode_legacy(line, encoding)
            fixed = fix_legacy_text(legacy)
            got = fixed[0] if fixed else legacy
            want = line if encoding == "vni" else convert_run(encode_legacy(line, "tcvn3"), "tcvn3")
            if got != want:
                bad.append((line, got))
        assert len(bad) <= len(lines) * 0.005, bad[:5]
