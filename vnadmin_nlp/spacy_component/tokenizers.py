"""underthesea's word segmentation as a spaCy tokenizer (``vnadmin.underthesea_tokenizer.v1``, the ``nlp``
extra): ``Cẩm Phả`` or ``chuyển đổi`` is one token, punctuation its own.

underthesea reads a line at a time (it would join words across a line break) and with its token normalisation
off (it would rewrite ``hoá`` as ``hóa``); each word is then found back in the line, syllable by syllable, so the
tokens are exact slices of the text and the ``Doc`` keeps every character, white space included.  A word that
cannot be found as such is split back into the text's own white-space-separated pieces.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

EXTRA_MESSAGE = "the underthesea tokenizer needs underthesea: pip install 'vnadmin-nlp[nlp]'"


@lru_cache(maxsize=1)
def _word_tokenize() -> Callable[..., list[str]]:
    try:
        from underthesea import word_tokenize
    except ImportError as exc:
        raise ImportError(EXTRA_MESSAGE) from exc
    return word_tokenize


def word_offsets(text: str, segment: Callable[[str], list[str]] | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` of each word of ``text`` as underthesea segments it (or ``segment``), in order."""
    seg = segment or (lambda line: _word_tokenize()(line, use_token_normalize=False))
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out += [(pos + s, pos + e) for s, e in _align(line, seg(line))]
        pos += len(line) + 1
    return out


def _align(line: str, words: list[str]) -> Iterator[tuple[int, int]]:
    pos = 0
    for word in words:
        cur: tuple[int, int] | None = None  # the word found so far
        for syl in word.split():
            i = line.find(syl, pos)
            if i < 0:
                continue  # not in the line as such: its characters come back as leftovers
            if cur is not None and (i == cur[1] or line[cur[1] : i].strip()):
                yield cur  # the next syllable is not after white space alone: the word ends here
                cur = None
            if cur is None:
                yield from _pieces(line, pos, i)
                cur = (i, i + len(syl))
            else:
                cur = (cur[0], i + len(syl))
            pos = i + len(syl)
        if cur is not None:
            yield cur
    yield from _pieces(line, pos, len(line))


def _pieces(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The white-space-separated pieces of ``line[start:end]`` (text the segmenter left out)."""
    i = start
    while i < end:
        while i < end and line[i].isspace():
            i += 1
        j = i
        while j < end and not line[j].isspace():
            j += 1
        if j > i:
            yield (i, j)
        i = j


class UnderthesaTokenizer:
    """A spaCy tokenizer: text -> ``Doc`` of underthesea's words (white space kept as spaCy keeps it)."""

    def __init__(self, vocab: "Vocab") -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> "Doc":
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for start, end in word_offsets(text):
            gap = text[pos:start]
            if gap:
                if words and gap[0] == " " and not spaces[-1]:
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            words.append(text[start:end])
            spaces.append(False)
            pos = end
        if text[pos:]:
            gap = text[pos:]
            if words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def __reduce__(self) -> tuple[Any, ...]:
        return (UnderthesaTokenizer, (self.vocab,))

    # Nothing to save: the segmenter ships inside underthesea's wheel.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "UnderthesaTokenizer":
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> "UnderthesaTokenizer":
        return self


def create_underthesea_tokenizer() -> Callable[[Any], UnderthesaTokenizer]:
    """``vnadmin.underthesea_tokenizer.v1`` in spaCy's ``tokenizers`` registry."""
    _word_tokenize()  # fail at configuration time, naming the extra, rather than on the first text

    def make(nlp: Any) -> UnderthesaTokenizer:
        return UnderthesaTokenizer(nlp.vocab)

    return make
