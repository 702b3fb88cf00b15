"""The CRF itself (python-crfsuite, the ``model`` extra, imported only when a model is trained or loaded)."""
from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Sequence

EXTRA_MESSAGE = "the header model needs python-crfsuite: pip install 'vnadmin-nlp[model]'"
MODEL_FILE = "header_model.crfsuite"
# Package data (in the wheel; the repository's models/ links to it); VNADMIN_HEADER_MODEL_PATH names another file.
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / MODEL_FILE
# Training settings: L-BFGS with elastic-net regularisation.  Nothing random: the same sequences in the same
# order give the same file, byte for byte.
PARAMS: dict[str, Any] = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


def require_crfsuite() -> ModuleType:
    """pycrfsuite, or an ImportError naming the extra that installs it."""
    try:
        import pycrfsuite
    except ImportError as exc:
        raise ImportError(EXTRA_MESSAGE) from exc
    return pycrfsuite


def model_path() -> Path:
    env = os.environ.get("VNADMIN_HEADER_MODEL_PATH")
    return Path(env) if env else DEFAULT_PATH


def train(sequences: Iterable[tuple[Sequence[Sequence[str]], Sequence[str]]], path: Path, params: dict[str, Any] | None = None) -> None:
    """Train on ``(features per unit, label per unit)`` sequences, in the order given, and write ``path``."""
    crf = require_crfsuite()
    trainer = crf.Trainer(verbose=False)
    for xseq, yseq in sequences:
        trainer.append([list(x) for x in xseq], list(yseq))
    trainer.set_params(dict(PARAMS, **(params or {})))
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


class Tagger:
    """A trained model: labels and, per unit, the probability of each label (marginals)."""

    def __init__(self, path: Path | None = None) -> None:
        crf = require_crfsuite()
        self.path = path or model_path()
        if not self.path.is_file():
            raise FileNotFoundError(f"no header model at {self.path}: run scripts/train_header_model.py")
        self._tagger = crf.Tagger()
        self._tagger.open(str(self.path))
        self.labels: tuple[str, ...] = tuple(self._tagger.labels())

    def tag(self, xseq: Sequence[Sequence[str]]) -> tuple[list[str], list[dict[str, float]]]:
        if not xseq:
            return [], []
        self._tagger.set([list(x) for x in xseq])
        labels = list(self._tagger.tag())
        marginals = [{y: self._tagger.marginal(y, t) for y in self.labels} for t in range(len(xseq))]
        return labels, marginals
