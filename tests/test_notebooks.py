"""The notebooks of notebooks/ run from top to bottom in a kernel, each in under a minute, and their committed
copies carry their outputs and pictures.  Marked ``notebooks`` (``-m 'not notebooks'`` leaves them out); they run
in the full suite, so in CI."""
from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (the dev extra)")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (the dev extra)")
pytest.importorskip("ipykernel", reason="ipykernel is not installed (the dev extra): nbclient runs the notebooks in it")
pytest.importorskip("matplotlib", reason="matplotlib is not installed (the dev extra): the notebooks draw with it")
pytest.importorskip("spacy", reason="spaCy is not installed: pip install 'vnadmin-nlp[spacy]'")

from .conftest import ROOT  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_quickstart", "02_archive", "03_linking"]
PICTURES = {
    "01_quickstart": ["01_labels.png"],
    "02_archive": ["02_per_month.png", "02_per_issuer.png", "02_deadlines.png"],
    "03_linking": ["03_most_cited.png", "03_citation_graph.png"],
}
SECONDS = 60


def test_the_committed_notebooks_carry_their_outputs_and_pictures():
    for name in NAMES:
        book = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        code = [c for c in book.cells if c.cell_type == "code"]
        assert code and all(c.execution_count for c in code), f"{name}: not executed before it was committed"
        assert not [o for c in code for o in c.outputs if o.output_type == "error"], f"{name}: committed with an error"
        images = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
        assert len(images) >= len(PICTURES[name])
        for picture in PICTURES[name]:
            assert (NOTEBOOKS / "figures" / picture).stat().st_size > 5000


@pytest.mark.notebooks
@pytest.mark.parametrize("name", NAMES)
def test_the_notebook_runs(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VNADMIN_FIGURES", str(tmp_path))  # the repository's pictures are left as committed
    book = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        book, timeout=SECONDS, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, when a cell fails (or hangs)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(PICTURES[name])
