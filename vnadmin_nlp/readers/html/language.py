"""The language of a page's text, from the share of letters only Vietnamese uses: an English translation on
vbpl.vn gets a warning instead of empty Vietnamese fields."""
from __future__ import annotations

import unicodedata

# Letters only Vietnamese uses among Latin scripts (plus tone-marked vowels): their share tells the language.
VIETNAMESE_LETTERS = frozenset(
    "ăâđêôơư"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
VIETNAMESE_MIN_SHARE = 0.05  # Vietnamese prose runs at 20-35 %; English is ~0
LANGUAGE_MIN_LETTERS = 100


def detect_language(text: str) -> tuple[str, float]:
    """("vi" | "en" | "und", share of Vietnamese-specific letters among letters)."""
    sample = unicodedata.normalize("NFC", text[:200_000]).lower()
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < LANGUAGE_MIN_LETTERS:
        return "vi", 0.0
    vietnamese = sum(ch in VIETNAMESE_LETTERS for ch in letters)
    share = vietnamese / len(letters)
    if share >= VIETNAMESE_MIN_SHARE:
        return "vi", share
    ascii_share = sum(ch.isascii() for ch in letters) / len(letters)
    return ("en" if ascii_share > 0.95 else "und"), share
