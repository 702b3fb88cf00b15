"""The graph out of the index (JSON, GraphML, DOT, HTML) and the index / show / graph commands."""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from vnadmin_nlp.cli import main
from vnadmin_nlp.linking import Corpus
from vnadmin_nlp.linking.export import write

from .conftest import SEED_CONG_VAN, SEED_THONG_BAO
from .linking_texts import CITES_2286, STTTT_2286, render, write as write_text


@pytest.fixture(scope="module")
def folder(tmp_path_factory, shared):
    """The two seeds, 2286/STTTT-CNTT (which the first seed cites) and another công văn citing it."""
    folder = tmp_path_factory.mktemp("docs")
    for seed in (SEED_CONG_VAN, SEED_THONG_BAO):
        shutil.copy(seed, folder / seed.name)
    write_text(folder, "cites_2286.txt", CITES_2286)
    write_text(folder, "stttt_2286.txt", STTTT_2286)
    return folder


@pytest.fixture(scope="module")
def corpus(folder):
    c = Corpus.open(folder.parent / "export.sqlite")
    c.index([folder])
    yield c
    c.close()


@pytest.fixture(scope="module")
def graph(corpus):
    return corpus.graph()


def test_graph_json_has_nodes_and_edges_both_kinds(graph, tmp_path):
    out = tmp_path / "g.json"
    write(graph, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "vnadmin-nlp-graph" and data["directed"] is True
    ids = {n["id"] for n in data["nodes"]}
    assert len(ids) == len(data["nodes"])
    kinds = {n["kind"] for n in data["nodes"]}
    assert kinds == {"document", "dangling"}
    for n in data["nodes"]:
        assert n["id"].startswith("doc:" if n["kind"] == "document" else "ext:") and n["label"]
    for e in data["edges"]:
        assert e["source"] in ids and e["target"] in ids
        assert e["kind"] in ("cites", "reuses")
        if e["kind"] == "cites":
            assert e["relation"] == e["relations"][0] and e["mentions"] >= 1 and isinstance(e["resolved"], bool)
        else:
            assert e["passages"] and all(len(p["src_span"]) == 2 and len(p["dst_span"]) == 2 for p in e["passages"])
    resolved = [e for e in data["edges"] if e["kind"] == "cites" and e["resolved"]]
    assert len(resolved) == 2 and len({e["target"] for e in resolved}) == 1  # both cite 2286/STTTT-CNTT, here indexed
    assert all(e["relation"] == "basis" and e["confidence"] >= 0.9 for e in resolved)
    dangling = {e["target"] for e in data["edges"] if e["kind"] == "cites" and not e["resolved"]}
    assert dangling == {"ext:09-NQ/TU@2022", "ext:59/KH-UBND@2022#uy-ban-nhan-dan-tinh-quang-ninh",
                        "ext:125/KH-UBND@2022#uy-ban-nhan-dan-thanh-pho-cam-pha"}
    assert sum(e["kind"] == "reuses" for e in data["edges"]) == 1


def test_graphml_parses_back(graph, tmp_path):
    out = tmp_path / "g.graphml"
    write(graph, out)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out).getroot()
    assert root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    g = root.find("g:graph", ns)
    assert g.get("edgedefault") == "directed"
    assert len(g.findall("g:node", ns)) == len(graph.nodes) and len(g.findall("g:edge", ns)) == len(graph.edges)
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    relations = [d.text for d in g.iterfind("g:edge/g:data", ns) if keys[d.get("key")] == "relation"]
    assert "basis" in relations and "reuses" in relations
    nx = pytest.importorskip("networkx")
    G = nx.read_graphml(out)
    assert G.number_of_nodes() == len(graph.nodes) and G.number_of_edges() == len(graph.edges)
    assert G.nodes["ext:59/KH-UBND@2022#uy-ban-nhan-dan-tinh-quang-ninh"]["issuer"] == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert any(d["relation"] == "reuses" and d["tokens"] > 1500 for _, _, d in G.edges(data=True))


def test_dot_is_well_formed(graph, tmp_path):
    out = tmp_path / "g.dot"
    write(graph, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "digraph corpus {" and lines[-1] == "}"
    quoted = r'"(?:[^"\\]|\\.)*"'
    node = re.compile(rf"^  {quoted} \[.*\];$")
    edge = re.compile(rf"^  {quoted} -> {quoted} \[.*\];$")
    body = [x for x in lines[1:-1] if not x.startswith(("  graph [", "  node [", "  edge ["))]
    assert sum(bool(edge.match(x)) for x in body) == len(graph.edges)
    assert all(node.match(x) or edge.match(x) for x in body)
    if shutil.which("dot"):
        import subprocess

        subprocess.run(["dot", "-Tsvg", str(out), "-o", str(tmp_path / "g.svg")], check=True)


def test_html_is_self_contained_with_the_data(graph, tmp_path):
    out = tmp_path / "g.html"
    write(graph, out)
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<canvas" in html
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert m and json.loads(m.group(1)) == json.loads(json.dumps(graph.to_dict()))
    assert "http://" not in html and "https://" not in html  # nothing fetched: no CDN, no font, no image
    assert not re.search(r"<(?:script|img|iframe)[^>]*\ssrc=|<link\b|@import|url\(", html)


def test_graph_around_one_document(corpus):
    g = corpus.graph("4231/UBND-VHTT", depth=1)
    labels = {n["label"] for n in g.nodes}
    assert {"4231/UBND-VHTT", "2286/STTTT-CNTT", "09-NQ/TU", "/TB-BTTTT"} <= labels  # cited, dangling, reused
    assert "4300/UBND-VHTT" not in labels  # two steps away


# -- the commands ---------------------------------------------------------------------------------------------------

def test_index_show_graph_commands(folder, tmp_path):
    db = str(tmp_path / "cli.sqlite")
    runner = CliRunner()
    result = runner.invoke(main, ["index", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert "4 parsed" in result.output and "2 resolved" in result.output
    result = runner.invoke(main, ["index", str(folder), "--db", db])
    assert result.exit_code == 0 and "0 parsed, 4 unchanged" in result.output

    result = runner.invoke(main, ["show", "4231/UBND-VHTT", "--db", db])
    assert result.exit_code == 0, result.output
    assert "basis       → 2286/STTTT-CNTT  Công văn  2022-10-10" in result.output
    assert "09-NQ/TU  Nghị quyết  2022-02-05  (not in the corpus)" in result.output
    assert "repeats /TB-BTTTT" in result.output

    result = runner.invoke(main, ["show", "2286/STTTT-CNTT", "--db", db])
    assert result.exit_code == 0 and "Cited by (2)" in result.output and "4300/UBND-VHTT" in result.output

    result = runner.invoke(main, ["show", "4300/UBND-VHTT", "--db", db, "--json"])
    data = json.loads(result.stdout)
    assert data["node"]["number"] == "4300/UBND-VHTT"
    [link] = data["cites"]
    assert link["resolved"] and link["relation"] == "basis" and link["dst_node"]["number"] == "2286/STTTT-CNTT"

    result = runner.invoke(main, ["show", "9999/XYZ-ABC", "--db", db])
    assert result.exit_code == 1 and "nothing" in result.output

    for ext in ("json", "graphml", "dot", "html"):
        out = tmp_path / f"g.{ext}"
        result = runner.invoke(main, ["graph", "--db", db, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 200
    result = runner.invoke(main, ["graph", "--db", db, "-o", str(tmp_path / "g.dot"), "--around", "4300/UBND-VHTT", "--no-reuse"])
    assert result.exit_code == 0 and "2 nodes, 1 edges" in result.output
    result = runner.invoke(main, ["graph", "--db", db, "-o", str(tmp_path / "g.txt")])
    assert result.exit_code == 2


def test_index_command_records_a_bad_file_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    write_text(folder, "a.txt", STTTT_2286)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    db = str(tmp_path / "i.sqlite")
    result = CliRunner().invoke(main, ["index", str(folder), "--db", db])
    assert result.exit_code == 1 and "broken.pdf" in result.output and "1 parsed" in result.output
    result = CliRunner().invoke(main, ["index", str(folder), "--db", db])  # not parsed again, still reported
    assert result.exit_code == 1 and "1 failed before, unchanged" in result.output


def test_show_an_ambiguous_number_lists_the_documents(tmp_path):
    folder = tmp_path / "in"
    for i, place in enumerate(("thành phố Cẩm Phả", "tỉnh Quảng Ninh")):
        write_text(folder, f"{i}.txt", render(f"Ủy ban nhân dân {place}", "125/KH-UBND", (5, 4, 2022), "Kế hoạch",
                                              "Về chuyển đổi số", "1. Các đơn vị thực hiện."))
    db = str(tmp_path / "i.sqlite")
    runner = CliRunner()
    assert runner.invoke(main, ["index", str(folder), "--db", db, "-q"]).exit_code == 0
    result = runner.invoke(main, ["show", "125/KH-UBND", "--db", db])
    assert result.exit_code == 1 and "names 2 documents" in result.output and "cam-pha" in result.output
    result = runner.invoke(main, ["show", "125/KH-UBND@2022#uy-ban-nhan-dan-tinh-quang-ninh", "--db", db])
    assert result.exit_code == 0 and "Quảng Ninh" in result.output
