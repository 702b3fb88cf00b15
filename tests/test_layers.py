"""The package's shape, guarded: no import cycles and no import against the pipeline's direction
(``scripts/import_graph.py`` holds the layer table), heavy format libraries only in the readers, and no module
over the size a reader can hold in mind."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "vnadmin_nlp"
SCRIPT = ROOT / "scripts" / "import_graph.py"
MAX_LINES = 400
# Format libraries belong to the readers (and the spaCy / CRF bridges to their own modules): zoning, extraction,
# linking and the batch engine work on text and must not grow a dependency on a file format.
FORMAT_LIBRARIES = {"pypdfium2", "lxml", "PIL", "cryptography", "docx", "pdfplumber", "olefile"}
FORMAT_FREE = ("zoning", "extractors", "linking", "batch", "normalize", "lexicon", "identity", "evaluation", "export")


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--root", str(root)], capture_output=True, text=True)


def test_no_cycles_and_no_upward_imports():
    result = _check(PACKAGE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_fails_on_an_upward_import(tmp_path):
    copy = tmp_path / "vnadmin_nlp"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    target = copy / "lexicon" / "fold.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nfrom ..zoning import Page  # upward\n", encoding="utf-8")
    result = _check(copy)
    assert result.returncode == 1
    assert "vnadmin_nlp.lexicon.fold -> vnadmin_nlp.zoning" in result.stdout


def test_format_libraries_stay_in_the_readers():
    found = []
    for sub in FORMAT_FREE:
        for path in (PACKAGE / sub).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
                found += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in FORMAT_LIBRARIES]
    assert not found


def test_no_module_over_the_size_limit():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"
