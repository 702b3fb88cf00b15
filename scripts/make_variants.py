"""Variants of the development set's vbpl.vn pages, made with the tools people use (issue 17): the same document
as an HTML-to-Markdown converter, a browser's copy, a DOCX re-saved by pandoc, a PDF printed from it by
LibreOffice and that PDF's text would give it.  ``vnadmin-nlp eval --variants OUT`` then checks that the parser
reads the same fields from every variant as from the original page.

    python scripts/make_variants.py                      # build/devset/vbpl -> build/variants, all cores
    python scripts/make_variants.py --pages /tmp/devset/vbpl -j 2 --limit 10
    python scripts/make_variants.py --ids doc_000004 --only html2text --only pdf --force

Every variant starts from the DOCUMENT part of the page, the element the html reader takes as the document
(``readers/html/content_root.py``), saved alone as ``OUT/html/<id>.html``; the site's chrome (menus, the
attribute table) is left out.  Output: ``OUT/<variant>/<id>.<ext>``; what exists is skipped (``--force`` makes
it again).  A converter whose tool is missing is skipped with the command that installs it; the others run.

A converter is one row of CONVERTERS: its name (the variant's folder), the extension it writes, the command
(``{in}``/``{out}`` replaced) or a Python callable (text in, text out), and the variant it reads.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence, Union

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_PAGES = ROOT / "build" / "devset" / "vbpl"
DEFAULT_OUT = ROOT / "build" / "variants"
TIMEOUT = 300  # seconds for one conversion


def html2text_default(html: str) -> str:
    import html2text

    return html2text.html2text(html)  # its defaults: 78-column lines, links inline


def markdownify_default(html: str) -> str:
    from markdownify import markdownify

    return markdownify(html)


@dataclass(frozen=True)
class Converter:
    name: str  # the variant: OUT/<name>/<id>.<ext>
    ext: str
    # argv with {in} and {out} (">{out}": standard output) or {outdir} (the tool names the file), or text -> text
    run: Union[Sequence[str], Callable[[str], str]]
    source: str  # the variant it converts: "html" (the document part of the page), "docx", "pdf"…
    needs: str = ""  # the command or Python module it needs
    install: str = ""  # how to get it


APT, PIP = "apt-get install", "pip install 'vnadmin-nlp[variants]'"
# "html" itself is made by document_part() below; every other variant is one row.
CONVERTERS: tuple[Converter, ...] = (
    Converter("html2text", "md", html2text_default, "html", "html2text", f"{PIP}  (or pip install html2text)"),
    Converter("markdownify", "md", markdownify_default, "html", "markdownify", f"{PIP}  (or pip install markdownify)"),
    Converter("pandoc_gfm", "md", ("pandoc", "-f", "html", "-t", "gfm", "-o", "{out}", "{in}"), "html", "pandoc", f"{APT} pandoc"),
    Converter("w3m", "txt", ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "{in}", ">{out}"), "html", "w3m", f"{APT} w3m"),
    Converter("lynx", "txt", ("lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", "{in}", ">{out}"), "html", "lynx", f"{APT} lynx"),
    Converter("docx", "docx", ("pandoc", "-f", "html", "-t", "docx", "-o", "{out}", "{in}"), "html", "pandoc", f"{APT} pandoc"),
    Converter("pdf", "pdf", ("soffice", "--headless", "--convert-to", "pdf", "--outdir", "{outdir}", "{in}"), "docx", "soffice", f"{APT} libreoffice-writer"),
    Converter("pdftotext", "txt", ("pdftotext", "-layout", "-enc", "UTF-8", "{in}", "{out}"), "pdf", "pdftotext", f"{APT} poppler-utils"),
)
BY_NAME = {c.name: c for c in CONVERTERS}


def available(conv: Converter) -> str | None:
    """None when the converter can run, else why not (naming what to install)."""
    if callable(conv.run):
        if importlib.util.find_spec(conv.needs) is None:
            return f"Python package {conv.needs} missing: {conv.install}"
        return None
    if shutil.which(conv.needs) is None:
        return f"{conv.needs} not found: {conv.install}"
    return None


def document_part(page: bytes) -> str:
    """The document element of a saved page (what the html reader reads), as a page of its own."""
    import lxml.html

    from vnadmin_nlp.readers.html import _decode
    from vnadmin_nlp.readers.html.content_root import find_content_root

    text, _, _ = _decode(page)
    doc = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    root, _ = find_content_root(doc)
    if root.tag == "body":
        inner = (root.text or "") + "".join(lxml.html.tostring(c, encoding="unicode") for c in root)
    else:
        inner = lxml.html.tostring(root, encoding="unicode")
    # no <title>: the page's is the site's name, which converters would print above the document
    return f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"></head>\n<body>\n{inner}\n</body></html>\n'


def convert(conv: Converter, src: Path, dest: Path) -> None:
    """One conversion, written atomically (a temporary file renamed into place)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="variant-") as tmp:
        out = Path(tmp) / f"{src.stem}.{conv.ext}"
        if callable(conv.run):
            out.write_text(conv.run(src.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            argv, stdout = [], None
            for a in conv.run:
                if a == ">{out}":
                    stdout = out
                else:
                    argv.append(a.replace("{in}", str(src)).replace("{out}", str(out)).replace("{outdir}", tmp))
            if argv[0] == "soffice":  # a profile of its own, so that several can run at once
                argv[1:1] = [f"-env:UserInstallation=file://{tmp}/lo-profile", "--norestore"]
            with open(stdout, "wb") if stdout else open(os.devnull, "wb") as sink:
                subprocess.run(argv, stdout=sink if stdout else subprocess.DEVNULL, stderr=subprocess.PIPE,
                               check=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        if not out.is_file() or out.stat().st_size == 0:
            raise RuntimeError(f"{conv.name}: no output for {src.name}")
        shutil.move(str(out), dest)


def make_one(page: Path, out: Path, convs: Sequence[str], force: bool) -> dict[str, tuple[str, float]]:
    """Every variant of one page, in table order (a variant's source first): name -> (status, seconds)."""
    doc_id = page.stem
    done: dict[str, tuple[str, float]] = {}
    html = out / "html" / f"{doc_id}.html"
    if force or not html.is_file():
        t = time.perf_counter()
        html.parent.mkdir(parents=True, exist_ok=True)
        tmp = html.with_suffix(".html.tmp")
        tmp.write_text(document_part(page.read_bytes()), encoding="utf-8")
        tmp.replace(html)
        done["html"] = ("made", time.perf_counter() - t)
    for name in convs:
        conv = BY_NAME[name]
        src = out / conv.source / f"{doc_id}.{'html' if conv.source == 'html' else BY_NAME[conv.source].ext}"
        dest = out / name / f"{doc_id}.{conv.ext}"
        if dest.is_file() and not force:
            done[name] = ("exists", 0.0)
            continue
        if not src.is_file():
            done[name] = (f"no {conv.source} to convert", 0.0)
            continue
        t = time.perf_counter()
        try:
            convert(conv, src, dest)
            done[name] = ("made", time.perf_counter() - t)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, RuntimeError, OSError, ValueError) as exc:
            err = getattr(exc, "stderr", b"") or b""
            done[name] = (f"failed: {exc} {err.decode('utf-8', 'replace').strip()[:200]}", time.perf_counter() - t)
    return done


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="the unpacked vbpl pages (scripts/devset.py unpack)")
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--ids", nargs="+", default=None, help="only these pages (doc_000004 or doc_000004.html)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--only", action="append", choices=list(BY_NAME), help="only these converters (repeat)")
    ap.add_argument("--force", action="store_true", help="make again what exists")
    args = ap.parse_args(argv)

    pages = sorted(args.pages.glob("*.html"))
    if args.ids:
        wanted = {Path(i).stem for i in args.ids}
        pages = [p for p in pages if p.stem in wanted]
    if args.limit is not None:
        pages = pages[: args.limit]
    if not pages:
        print(f"no pages under {args.pages} (python scripts/devset.py unpack)", file=sys.stderr)
        return 2
    convs, missing = [], {}
    for conv in CONVERTERS:
        if args.only and conv.name not in args.only:
            continue
        why = available(conv) or (f"needs {conv.source}: {missing[conv.source]}" if conv.source in missing else None)
        if why:
            missing[conv.name] = why
            print(f"skipping {conv.name}: {why}", file=sys.stderr)
        else:
            convs.append(conv.name)

    start = time.perf_counter()
    spent: dict[str, float] = {}
    counts: dict[str, dict[str, int]] = {}
    failures: list[str] = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(make_one, p, args.out, convs, args.force): p for p in pages}
        for n, fut in enumerate(as_completed(futures), 1):
            page = futures[fut]
            try:
                done = fut.result()
            except Exception as exc:  # the page itself could not be read
                failures.append(f"{page.name}: {type(exc).__name__}: {exc}")
                continue
            for name, (status, secs) in done.items():
                key = status if status in ("made", "exists") else "failed"
                counts.setdefault(name, {}).setdefault(key, 0)
                counts[name][key] += 1
                spent[name] = spent.get(name, 0.0) + secs
                if key == "failed":
                    failures.append(f"{page.stem} {name}: {status}")
            if sys.stderr.isatty():
                print(f"\rvariants: {n}/{len(pages)}", end="", file=sys.stderr, flush=True)
    wall = time.perf_counter() - start
    print(f"\n{len(pages)} pages -> {args.out} in {wall:.0f} s wall (-j {args.jobs})", file=sys.stderr)
    for name in ("html", *convs):
        c = counts.get(name, {})
        print(f"  {name:12} made {c.get('made', 0):4}  existed {c.get('exists', 0):4}  failed {c.get('failed', 0):3}"
              f"  {spent.get(name, 0.0):7.1f} s of work", file=sys.stderr)
    for name, why in missing.items():
        print(f"  {name:12} skipped: {why}", file=sys.stderr)
    for f in failures:
        print(f"  failed: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
