"""The lines of a signature block, told by their words alone: an authority line (``TM./KT./TL.``), a position, a
person's name (the family names, ranks and position words of ``data/signing.yaml``).  Kept apart from the
block's second reading (:mod:`.ocr_signature`), which finds, reads and judges the block's lines with them."""
from __future__ import annotations

from functools import lru_cache

from ..data import load
from ..lexicon.fold import bare, fold
from ..lexicon.lazy import lazy_re
from ..lexicon.positions import POSITION_START
from ..lexicon.syllables import is_vietnamese_word

MIN_CAPS = 0.7  # share of capital letters of an authority or position line
FAMILY_MIN_LETTERS = 4  # a family name this long, with no other one letter from it, passes under the seal (lone_family)

_LETTERS = lazy_re(r"[^\W\d_]")
_EDGE = lazy_re(r"^[\W_]+|[\W_]+$")


@lru_cache(maxsize=1)
def _signing() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    data = load("signing")
    prefixes = tuple(sorted({fold(p) for p in data["authority_prefixes"]}, key=len, reverse=True))
    families = frozenset(fold(w) for w in data["family_names"])
    ranks = tuple(sorted((fold(r) for r in data["ranks"]), key=len, reverse=True))
    heads = [str(w) for w in data["position_starts"] + data["position_words"] if not str(w).endswith(".")]
    starts = tuple(sorted({bare(fold(w)) for w in heads}, key=len, reverse=True))
    return prefixes, families, ranks, starts


def _caps(text: str) -> bool:
    letters = _LETTERS.findall(text)
    return len(letters) >= 2 and sum(1 for c in letters if c.isupper()) >= MIN_CAPS * len(letters)


def is_authority(text: str) -> bool:
    """``TM. BAN THƯỜNG VỤ``, ``KT. GIÁM ĐỐC``, ``T/M BAN BIÊN TẬP``: an authority line, in capitals."""
    key = fold(_EDGE.sub("", text))
    prefixes = _signing()[0]
    return _caps(text) and any(key.startswith(p) and (p[-1] in "./" or key[len(p) : len(p) + 1] in (" ", ".")) for p in prefixes)


def is_position(text: str) -> bool:
    """``CHỦ TỊCH``, ``PHÓ GIÁM ĐỐC``: a line that starts with a position, in capitals; compared without marks
    (``GIÁM ĐÓC``: the line's words are corrected to the vocabulary later), but a line that starts with a family
    name is compared with them (``TRƯƠNG`` is no ``TRƯỞNG``)."""
    core = _EDGE.sub("", text)
    if not _caps(core) or not core:
        return False
    key = fold(core)
    if POSITION_START.match(key):
        return True
    _, families, _, starts = _signing()
    plain = bare(key)
    return key.split()[0] not in families and any(plain.startswith(w) and plain[len(w) : len(w) + 1] in ("", " ") for w in starts)


def rank_off(text: str) -> str:
    """The name without the rank or degree printed before it (``Thượng tướng``, ``TS.`` glued or not), stripped:
    the one place a name's rank is taken off (is_name, family_first, read_alike)."""
    text = text.strip()
    key = fold(text)  # same length as text
    for rank in _signing()[2]:
        if key.startswith(rank + " ") or (rank.endswith(".") and key.startswith(rank)):
            return text[len(rank) :].strip()
    return text


def is_name(text: str) -> bool:
    """A person's name as printed under a signature: an optional rank or degree (``Thiếu tướng``, ``TS.``), then
    2–5 words, each a Vietnamese syllable, capitalised, the first a family name."""
    families = _signing()[1]
    words = rank_off(text).split()
    if not 2 <= len(words) <= 5:
        return False
    if fold(words[0]) in _middle_families() and len(words) < MIDDLE_FAMILY_WORDS:
        return False  # "Mạnh Hùng": Nguyễn Mạnh Hùng with its first word lost (family_first)
    return fold(words[0]) in families and all(w[:1].isupper() and w[1:].islower() and is_vietnamese_word(w) for w in words)


def family_first(text: str) -> bool:
    """A name (an optional rank or degree left aside) whose first word is a family name of ``signing.yaml``: on a
    scan, a name that starts otherwise has lost its first word under the signature (``Ngọc Phúc`` for ``Nguyễn Ngọc
    Phúc``, a black stroke across ``Nguyễn``).  332 of 335 dev and corpus signers' names start with one (all since
    session 22).  One far more often a middle name (``middle_families``: ``Mạnh``) opens a name of
    :data:`MIDDLE_FAMILY_WORDS` words or more only: ``Mạnh Hùng`` lost its ``Nguyễn``."""
    families = _signing()[1]
    words = fold(rank_off(text)).split()
    return bool(words) and words[0] in families and (len(words) >= MIDDLE_FAMILY_WORDS or words[0] not in _middle_families())


MIDDLE_FAMILY_WORDS = 3  # a name opening with a family name far more often a middle one has this many words at least


@lru_cache(maxsize=1)
def _middle_families() -> frozenset[str]:
    """``signing.yaml``'s ``middle_families`` (``Mạnh``: Nguyễn Mạnh Hùng), folded."""
    return frozenset(fold(w) for w in load("signing").get("middle_families", []))


def block_state(lines: list[str]) -> tuple[bool, bool]:
    """Whether the lines of a signature block (top down) hold a position, and a name under it."""
    position = name = False
    for text in lines:
        if not position and is_position(text):
            position = True
        elif position and is_name(text):
            name = True
            break
    return position, name


def _one_apart(a: str, b: str) -> bool:
    """One letter changed, added or lost."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def lone_family(word: str) -> bool:
    """A family name of ``signing.yaml`` of :data:`FAMILY_MIN_LETTERS` letters or more that no other one is one
    letter from, marks left aside (``Nguyễn``; not ``Lê``, ``Lý``, ``Hà``, ``Hồ``, ``Võ``/``Vũ``, ``Lương``/``Dương``;
    nor ``Nguyên``, no family name with its marks)."""
    marked = fold(_EDGE.sub("", word))
    key = bare(marked)
    families = _signing()[1]
    plain = {bare(f) for f in families}
    return len(key) >= FAMILY_MIN_LETTERS and marked in families and not any(_one_apart(key, f) for f in plain)


def read_alike(name: str, other: str) -> bool:
    """Whether a second reading ``other`` of the name line ``name`` (the page's, a name: :func:`is_name`) reads it
    alike: the same words, or the same but for the family name's marks where the page's reading is a family name no
    other is one letter from (:func:`lone_family`): bqp_vbhn46's ``Thượng tướng Nguyễn Văn Gấu`` read again
    ``Nguyên`` under the signature's stroke — no family name, and no other name either."""
    if name == other:
        return True
    a, b = rank_off(name).split(), rank_off(other).split()
    if len(a) != len(b) or len(a) < 2 or a[1:] != b[1:] or len(name.split()) - len(a) != len(other.split()) - len(b):
        return False
    return lone_family(a[0]) and bare(fold(a[0])) == bare(fold(_EDGE.sub("", b[0]))) and b[0][:1].isupper()
