"""Import cost (issue 15): what ``import vnadmin_nlp`` loads, not how long it takes (speed goals are never timed
tests; docs/performance.md has the figures).  A worker pays for every module the package imports, so the heavy
ones must wait for the call that needs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import regex

from vnadmin_nlp.lexicon.lazy import escape

ROOT = Path(__file__).resolve().parents[1]

# Not needed to parse a text: the output models' library (pydantic, built with the first model), the tables'
# parser (yaml: the marshal caches are read instead), the readers' libraries, and the standard library's process,
# file-system and network modules that only ``parse_file``'s isolation, the batch lock or ``read_file`` use.
HEAVY = (
    "pydantic", "yaml", "numpy", "PIL", "pypdfium2", "docx", "lxml", "onnxruntime",
    "socket", "subprocess", "shutil", "tempfile", "hashlib", "traceback", "random",
)


def _loaded_after(code: str) -> set[str]:
    # As an installed package runs: bytecode and the tables' marshal caches written (a shell with
    # PYTHONDONTWRITEBYTECODE set would parse every YAML, importing yaml), and warmed by a first import.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True, cwd=ROOT)
    probe = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_import_leaves_heavy_modules_out() -> None:
    loaded = _loaded_after("import vnadmin_nlp")
    assert "vnadmin_nlp.pipeline" in loaded  # the probe really imported the package
    assert sorted(m for m in HEAVY if m in loaded) == []


def test_batch_worker_leaves_heavy_modules_out() -> None:
    """A batch worker (``python -m vnadmin_nlp.batch.workers``) imports the pool's module too; the pool's own side
    (subprocess, multiprocessing's wait) comes with the pool, not with the worker."""
    loaded = _loaded_after("import vnadmin_nlp.batch.workers, vnadmin_nlp.pipeline")
    assert sorted(m for m in (*HEAVY, "multiprocessing.connection") if m in loaded) == []


def test_heavy_modules_come_with_the_call_that_needs_them(tmp_path: Path) -> None:
    """The deferred imports are real: reading a file hashes it, a parse builds the pydantic models."""
    sample = tmp_path / "cv.txt"
    sample.write_text("Số: 12/UBND-VP\nHà Nội, ngày 1 tháng 2 năm 2024\nV/v báo cáo\n", encoding="utf-8")
    loaded = _loaded_after(f"import vnadmin_nlp\nvnadmin_nlp.read_file({str(sample)!r})\nvnadmin_nlp.parse_text('Số: 1/QĐ-UBND')")
    assert {"hashlib", "pydantic"} <= loaded


_COMPILED_AT_IMPORT = """
import sys
import regex
import vnadmin_nlp, vnadmin_nlp.pipeline
from vnadmin_nlp.lexicon.lazy import LazyPattern
for name, module in sorted(sys.modules.items()):
    if name.startswith("vnadmin_nlp"):
        for key, value in vars(module).items():
            if isinstance(value, LazyPattern) and value._compiled is not None:
                value = value._compiled
            if isinstance(value, regex.Pattern):
                print("COMPILED", name + "." + key)
"""


def test_no_regex_pattern_is_compiled_at_import() -> None:
    """The package's ``regex`` patterns (the word lists, hundreds of branches each) compile on first use; a table
    built at import by running one (``keys._titles``, ``context._doc_anchors``) would compile it for every worker."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _COMPILED_AT_IMPORT], capture_output=True, text=True, env=env,
                         check=True, cwd=ROOT).stdout
    assert [line for line in out.splitlines() if line.startswith("COMPILED")] == []


def test_escape_is_regex_escape_on_every_code_point() -> None:
    """``escape`` builds the word-list patterns at import by a translation table; it must give what
    ``regex.escape`` gives, character by character, or a pattern would change."""
    wrong = [hex(i) for i in range(sys.maxunicode + 1) if escape(chr(i)) != regex.escape(chr(i))]
    assert wrong == []
    assert escape("Sở Tài chính (chủ trì) - Điều 5.1") == regex.escape("Sở Tài chính (chủ trì) - Điều 5.1")


def _char_trie(words: list[str]) -> str:
    """The trie source built one character a node (the construction ``alternation`` had before), as reference."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(trie) + ")"


def test_alternation_is_the_character_trie() -> None:
    """``alternation`` writes a lone word's rest at once; the source must stay the character trie's, on the
    package's own word lists and on generated ones (prefixes of each other, repeats, the empty word)."""
    import random

    from vnadmin_nlp.data import load
    from vnadmin_nlp.patterns import alternation

    lists = [v for name in ("tasks", "bodies", "deadlines") for v in load(name).values()
             if isinstance(v, list) and v and all(isinstance(x, str) for x in v)]
    assert len(lists) > 50
    rnd = random.Random(15)
    lists += [["".join(rnd.choice("ab.c đ(ế") for _ in range(rnd.randint(0, 6))) for _ in range(rnd.randint(0, 12))]
              for _ in range(3000)]
    assert [i for i, words in enumerate(lists) if alternation(words) != _char_trie(words)] == []
