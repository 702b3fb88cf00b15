"""Shared test fixtures: where the shared corpus and the project fixtures are, and the golden-file flag."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("VNADMIN_NLP_STRICT", "1")  # an extractor's exception fails the test, not just warns

from vnadmin_nlp import SCHEMA_VERSION  # noqa: E402  (after the flag: the pipeline reads it on import)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("VNADMIN_SHARED", ROOT.parent / "shared"))
SEED_CONG_VAN = SHARED / "seeds" / "000_ea5bb4c4d0a24df5.txt"
SEED_THONG_BAO = SHARED / "seeds" / "002_0d8ffa68764b30fb.txt"


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    if not pluginmanager.has_plugin("xdist"):
        # pyproject's addopts run the suite on every core through pytest-xdist (the dev extra); without it (not
        # installed, or ``-p no:xdist``) its two options are accepted and ignored, so the suite runs serially.
        group = parser.getgroup("xdist", "pytest-xdist is not loaded: the suite runs in one process")
        group.addoption("--numprocesses", dest="numprocesses", default=None, help="ignored without pytest-xdist")
        group.addoption("--dist", dest="dist", default="no", help="ignored without pytest-xdist")
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="Rewrite fixtures/golden/*.json from the current parser output (review the diff before committing).",
    )


@pytest.fixture(scope="session")
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden") or os.environ.get("VNADMIN_REGEN_GOLDEN"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus is not at {SHARED} (set VNADMIN_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads((ROOT / "schema" / f"document-{SCHEMA_VERSION}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate(schema):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema)

    def check(data: dict) -> None:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check
