"""What a forked child does first (a lazy pattern compiled, a library module imported) is done again in the parent
before its next fork, so that the next child inherits it instead of doing it again (files/limits.py, issue 15)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vnadmin_nlp.files import limits
from vnadmin_nlp.files.limits import Limits, can_fork, run_limited
from vnadmin_nlp.lexicon import lazy
from vnadmin_nlp.lexicon.lazy import lazy_re

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork and a single thread")


def test_a_pattern_a_child_compiled_is_compiled_here_before_the_next_fork() -> None:
    pattern = lazy_re(r"Số:\s*\d+")  # made here: the child is a copy, its index names the same stand-in
    found = run_limited(lambda: bool(pattern.search("Số: 12/UBND-VP")), Limits(timeout=60))
    assert found is True
    assert pattern._compiled is None  # the child's compilation went with the child; learned, not done yet
    assert run_limited(lambda: pattern._compiled is not None, Limits(timeout=60)) is True  # the next child has it
    assert pattern._compiled is not None


def test_a_pattern_made_in_the_child_is_not_carried() -> None:
    def work() -> int:
        made = lazy_re("ngày")
        made.search("ngày 5")
        return lazy.made()[0]

    count = run_limited(work, Limits(timeout=60))
    assert count > lazy.made()[0]  # made there only
    assert all(i < lazy.made()[0] for i in limits._LEARNED[0])


def test_a_library_module_a_child_imported_is_imported_here_before_the_next_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "CARRIED_LIBRARIES", ("tabnanny",))
    monkeypatch.delitem(sys.modules, "tabnanny", raising=False)

    def work() -> bool:
        import tabnanny  # noqa: F401

        return True

    assert run_limited(work, Limits(timeout=60)) is True
    assert "tabnanny" not in sys.modules
    assert run_limited(lambda: "tabnanny" in sys.modules, Limits(timeout=60)) is True


def test_a_failing_child_still_reports_and_raises() -> None:
    pattern = lazy_re(r"Kính gửi")

    def work() -> None:
        pattern.search("Kính gửi: Sở Tài chính")
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        run_limited(work, Limits(timeout=60))
    run_limited(lambda: None, Limits(timeout=60))
    assert pattern._compiled is not None


def test_parse_file_of_a_signed_pdf_twice_the_same_and_forking_still_safe() -> None:
    """ld_026 (a text-layer PDF with a digital signature): its child imports pypdfium2 and cryptography and compiles
    the text stages' patterns; the parent takes them up before the second fork, starts no thread doing so, and
    the second reading is the first's.  Run in a fresh interpreter: a thread another test left here would make
    parse_file read in this process, and the case would test nothing."""
    from .conftest import SHARED

    path = SHARED / "devset" / "lamdong" / "ld_026.pdf"
    if not path.is_file():
        pytest.skip(f"{path} not here (set VNADMIN_SHARED)")
    script = (
        "import sys\n"
        "from vnadmin_nlp import parse_file\n"
        "from vnadmin_nlp.files.limits import can_fork\n"
        "assert can_fork()\n"
        "assert 'pypdfium2' not in sys.modules\n"
        f"first = parse_file({str(path)!r}).to_dict()\n"
        "assert 'pypdfium2' not in sys.modules, 'the first reading ran here, not in a child'\n"
        f"second = parse_file({str(path)!r}).to_dict()\n"
        "assert first == second\n"
        "assert 'pypdfium2' in sys.modules and 'cryptography.x509' in sys.modules, 'not taken up from the child'\n"
        "assert can_fork()\n"
        "print('ok')\n"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
