"""The command line: builds with bad files, questions, and the README's example output."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import networkx as nx
import pytest

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def mixed_folder(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in sorted(samples_dir.glob("*.txt"))[:2]:
        shutil.copy(sample, folder / sample.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "latin1.txt").write_bytes(b"S\xf4 12-KL/TW ng\xe0y 05 th\xe1ng 3")  # legacy 8-bit bytes
    return folder


def test_build_with_bad_files_exports_the_rest_and_fails(mixed_folder: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "g.json"
    status = main(["build", str(mixed_folder), "--json", str(out), "--graphml", str(tmp_path / "g.graphml")])
    printed = capsys.readouterr().out
    assert status == 1
    assert "3 ok, 0 skipped, 2 failed" in printed
    for name in ("empty.txt: empty file", "binary.txt: binary file"):
        assert f"FAILED {name}" in printed
    # legacy 8-bit bytes are read, and the summary says the guess was unsure
    assert "WARNING latin1.txt: encoding unsure: read as Windows-1258" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    sources = {s for n in data["nodes"] for s in n.get("sources", [])}
    assert {p.name for p in mixed_folder.glob("0*.txt")} <= sources
    graphml = nx.read_graphml(tmp_path / "g.graphml")
    assert graphml.number_of_nodes() == len(data["nodes"])


def test_build_of_good_files_exits_zero(samples_dir: Path, tmp_path: Path, capsys) -> None:
    assert main(["build", str(samples_dir), "--json", str(tmp_path / "g.json")]) == 0
    assert "5 ok, 0 skipped, 0 failed" in capsys.readouterr().out


def test_implementers_json(samples_dir: Path, capsys) -> None:
    assert main(["implementers", "54-KL/TW", "--from", str(samples_dir), "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    issuers = {r["issuer"] for r in answer["implementers"]}
    assert "Tỉnh ủy Lạng Sơn" in issuers
    assert {r["lag_days"] for r in answer["implementers"] if r["issuer"] == "Tỉnh ủy Lạng Sơn"} == {34}
    ordered = {r["name"]: r["implemented"] for r in answer["ordered"]}
    assert ordered["Ban Dân vận Trung ương"] is False
    assert ordered["Các tỉnh ủy, thành ủy"] is True


def test_show_prints_evidence(samples_dir: Path, capsys) -> None:
    assert main(["show", "1154-CV/TU", "--from", str(samples_dir), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    implements = {e["target_label"]: e for e in shown["out"] if e["type"] == "IMPLEMENTS"}
    assert "Kết luận số 54-KL/TW" in implements["54-KL/TW"]["evidence"]


def test_unknown_document_is_a_clear_error(samples_dir: Path, capsys) -> None:
    assert main(["show", "999-XX/TW", "--from", str(samples_dir)]) == 2
    assert "no document '999-XX/TW'" in capsys.readouterr().err


def test_missing_export_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["implementers", "54-KL/TW", "--graph", str(tmp_path / "none.json")]) == 2
    assert "no graph export" in capsys.readouterr().err


@pytest.mark.parametrize("question", ["cites", "cited-by", "implementers", "ordered"])
def test_ask_document_questions(question: str, samples_dir: Path, capsys) -> None:
    assert main(["ask", question, "54-KL/TW", "--from", str(samples_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_ask_organ_questions(samples_dir: Path, capsys) -> None:
    assert main(["ask", "reporting-chain", "Ban Dân vận Tỉnh ủy Lạng Sơn", "--from", str(samples_dir),
                 "--json"]) == 0
    chain = json.loads(capsys.readouterr().out)
    assert chain[0]["to"] == "Ban Thường vụ Tỉnh ủy Lạng Sơn"


def test_readme_excerpt_is_real_output(samples_dir: Path, capsys) -> None:
    """The README shows `vanban implementers 54-KL/TW` output: each of its rows must be produced."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- implementers-output -->\n```text\n(.*?)```", readme, re.S)
    assert block, "README.md lacks the implementers example"
    assert main(["implementers", "54-KL/TW", "--from", str(samples_dir)]) == 0
    output = capsys.readouterr().out
    for line in block.group(1).splitlines():
        if line.strip():
            assert line.rstrip() in output, line


def test_readme_loads_the_export_in_networkx(samples_dir: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    """The README's Python lines for reading ``out/graph.json`` give the graph that was built."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"To use the export from Python:\n\n```python\n(.*?)```", readme, re.S)
    assert snippet, "README.md lacks the networkx example"
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(samples_dir), "-q"]) == 0  # writes out/graph.json here
    capsys.readouterr()
    scope: dict = {}
    exec(snippet.group(1), scope)
    graph = scope["graph"]
    assert isinstance(graph, nx.MultiDiGraph) and graph.number_of_edges() > 200
    assert graph.nodes["doc:54-KL/TW"]["symbol"] == "54-KL/TW"
