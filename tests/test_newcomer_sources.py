"""A file is its path under the folder given: same-named files in two folders stay two sources,
and every output names them so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.namespace import PROV

from vanban.cli import main
from vanban.graph.export import read_json
from vanban.pipeline import collect_inputs, read_inputs

CV_1154 = "001_84c014d27a31ff24.txt"  # Công văn 1154-CV/TU, implementing 54-KL/TW
KL_21 = "003_2db8125d1e88a77c.txt"  # Kết luận 21-KL/TW with its certified copy


@pytest.fixture()
def two_docs(tmp_path: Path, samples_dir: Path) -> Path:
    """``a/doc.txt`` and ``b/doc.txt``: two different documents under one name."""
    root = tmp_path / "in"
    for folder, sample in (("a", CV_1154), ("b", KL_21)):
        (root / folder).mkdir(parents=True)
        shutil.copy(samples_dir / sample, root / folder / "doc.txt")
    return root


def _build(tmp_path: Path, *paths: Path, name: str = "g.json") -> nx.MultiDiGraph:
    out = tmp_path / name
    assert main(["build", *map(str, paths), "--json", str(out), "-q"]) == 0
    return read_json(out)


def test_same_named_files_in_two_folders_lose_nothing(two_docs: Path, tmp_path: Path, capsys) -> None:
    together = _build(tmp_path, two_docs)
    apart = [_build(tmp_path, two_docs / folder, name=f"{folder}.json") for folder in ("a", "b")]
    capsys.readouterr()
    sources = {s for _, d in together.nodes(data=True) for s in d.get("sources") or ()}
    assert sources == {"a/doc.txt", "b/doc.txt"}
    assert together.number_of_edges() == sum(g.number_of_edges() for g in apart)
    stated = {(u, v, d["type"]) for u, v, d in together.edges(data=True) if d.get("source_file") == "a/doc.txt"}
    assert ("doc:1154-CV/TU@lang-son", "doc:54-KL/TW", "IMPLEMENTS") in stated
    assert {d.get("source_file") for _, _, d in together.edges(data=True)} - {None} == {"a/doc.txt", "b/doc.txt"}


def test_every_output_names_the_path_under_the_folder(two_docs: Path, tmp_path: Path, capsys) -> None:
    assert main(["show", "1154-CV/TU", "--from", str(two_docs), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["sources"] == ["a/doc.txt"]
    assert {e["source_file"] for e in shown["out"]} == {"a/doc.txt"}
    ttl = tmp_path / "g.ttl"
    assert main(["rdf", str(two_docs), "--out", str(ttl)]) == 0
    rdf = Graph().parse(ttl)
    derived = {str(o) for o in rdf.objects(None, PROV.wasDerivedFrom)}
    assert len(derived) == 2 and all(uri.endswith(("a%2Fdoc.txt", "b%2Fdoc.txt")) for uri in derived)
    page = tmp_path / "g.html"
    assert main(["html", str(two_docs), "--out", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "a/doc.txt" in text and "b/doc.txt" in text


def test_a_file_named_alone_is_its_name_and_same_names_keep_their_paths(two_docs: Path) -> None:
    alone = two_docs / "a" / "doc.txt"
    assert [f.name for f in collect_inputs([alone])] == ["doc.txt"]
    both = [two_docs / "a" / "doc.txt", two_docs / "b" / "doc.txt"]
    assert [f.name for f in collect_inputs(both)] == [p.as_posix() for p in both]
    assert [f.name for f in collect_inputs([two_docs, alone])] == ["a/doc.txt", "b/doc.txt"]  # read once
    result = read_inputs(both)
    assert result.source_files() == [p.as_posix() for p in both] and not result.failures


def test_errors_name_the_path_under_the_folder(two_docs: Path, tmp_path: Path, capsys) -> None:
    (two_docs / "b" / "empty.txt").write_bytes(b"")
    assert main(["build", str(two_docs), "--json", str(tmp_path / "g.json"), "-q"]) == 1
    assert "FAILED b/empty.txt: empty file" in capsys.readouterr().out
