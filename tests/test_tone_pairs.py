"""Issue 12: a word of an OCR'd trích yếu read with a wrong tone (each syllable valid, the pair of words not) is
corrected when the document or the closed vocabulary confirms one variant, else the trích yếu is left out with
the candidate quoted (lexicon/tone_pairs.py, extractors/ocr_tone.py)."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from vnadmin_nlp.extractors.ocr_tone import tone_flags
from vnadmin_nlp.lexicon.tone_pairs import is_known, pairs_in, variants
from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument

ROOT = Path(__file__).resolve().parent.parent
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def test_known_pairs_and_their_tone_variants() -> None:
    assert is_known("tổ", "chức") and is_known("Lâm", "Đồng") and is_known("về", "việc")
    assert not is_known("Tô", "chức") and ("tổ", "chức") in variants("Tô", "chức")
    assert ("lâm", "đồng") in variants("Lâm", "Đông")


def _flags(text: str) -> list:
    return tone_flags(SimpleNamespace(text=text), (0, len(text)))  # type: ignore[arg-type]


def test_a_word_read_right_in_one_of_its_pairs_is_not_doubted() -> None:
    # "nhất liên" is no pair (two words apart: thống nhất | liên quan), "nhật liên" is: the word is read right
    assert _flags("Họp thống nhất liên quan đến đề xuất cho phép thành lập Hội") == []
    assert _flags("V/v chuẩn bị tổ chức triển khai") == []
    # a capital inside the field is a name: only the closed vocabulary may change it
    assert _flags("góp ý đề nghị công nhận Ban vận động thành lập Hiệp hội") == []


def _scan(lines: list[str]) -> RawDocument:
    record = []
    for i, line in enumerate(lines):
        top = 40.0 + 30 * i
        record.append([[w, 95, 10.0 + 60 * k, top, 60.0 + 60 * k, top + 12] for k, w in enumerate(line.split())])
    blocks = [Block(text=line, kind="line", page=1, confidence=95.0) for line in lines]
    meta = {"ocr_words": [{"page": 1, "lines": record}], "signatures": []}
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata=meta)


HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/UBND-VX", "Lâm Đồng, ngày 06 tháng 01 năm 2026"]


def test_a_tone_misreading_is_null_with_the_candidate_then_corrected_by_the_body() -> None:
    doc = parse_raw(_scan(HEAD + ["V/v Tô chức hội nghị tổng kết năm 2025", "Kính gửi: Sở Nội vụ"]))
    assert doc.subject is None
    msg = " ".join(w.message for w in doc.warnings if w.code == "subject_unreadable")
    assert "'Tô'" in msg and "'Tổ'" in msg and "Tô chức hội nghị" in msg
    body = ["Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết vào ngày 10 tháng 01 năm 2026."]
    doc = parse_raw(_scan(HEAD + ["V/v Tô chức hội nghị tổng kết năm 2025", "Kính gửi: Sở Nội vụ"] + body))
    assert doc.subject == "Tổ chức hội nghị tổng kết năm 2025"


def test_text_layer_subjects_are_not_judged() -> None:
    raw = _scan(HEAD + ["V/v Tô chức hội nghị tổng kết năm 2025", "Kính gửi: Sở Nội vụ"])
    raw.metadata.pop("ocr_words")
    raw.ocr = False
    assert parse_raw(raw).subject == "Tô chức hội nghị tổng kết năm 2025"


def _retoned(word: str, rnd: random.Random) -> str | None:
    nfd = unicodedata.normalize("NFD", word)
    old = [c for c in nfd if c in _TONES]
    if old:
        at = nfd.index(old[0])
        out = nfd[:at] + rnd.choice([t for t in _TONES if t != old[0]] + [""]) + nfd[at + 1 :]
    else:
        vowels = [i for i, c in enumerate(nfd) if c.lower() in "aeiouy"]
        if not vowels:
            return None
        out = nfd[: vowels[-1] + 1] + rnd.choice(_TONES) + nfd[vowels[-1] + 1 :]
    return unicodedata.normalize("NFC", out)


def _dev_subjects(folder: str) -> list[str]:
    out = []
    for f in sorted((ROOT / "fixtures" / "gold" / "devset" / folder).glob("*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        if rec.get("split") == "dev" and (rec.get("fields") or {}).get("subject"):
            out.append(rec["fields"]["subject"])
    return out


def test_generated_tone_errors_in_dev_subjects_are_flagged_and_right_ones_are_not() -> None:
    """Lâm Đồng dev subjects (scans: not in the table's sources) as printed, and with one syllable's tone changed."""
    subjects = _dev_subjects("lamdong")
    assert len(subjects) >= 50
    assert [s for s in subjects if _flags(s)] == []
    rnd = random.Random(18)
    flagged = changed = wrong = 0
    for s in subjects:
        words = [(a, w) for a, _, w, _ in pairs_in(s)]
        a, w = rnd.choice(words)
        new = _retoned(w, rnd)
        if not new or new == w:
            continue
        changed += 1
        flags = [f for f in _flags(s[:a] + new + s[a + len(w) :]) if f.start == a]
        flagged += bool(flags)
        wrong += any(f.fixed not in (None, w) and f.fixed.lower() != w.lower() for f in flags)
    assert changed >= 45 and flagged >= 0.6 * changed and wrong == 0


@pytest.mark.skipif(not (ROOT / "build" / "devset" / "vbpl").is_dir(), reason="the dev vbpl pages are not unpacked")
def test_the_table_is_in_step_with_its_script() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_tone_pairs.py"), "--check"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
