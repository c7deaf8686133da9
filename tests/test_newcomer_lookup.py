"""One forgiving lookup: symbols in any case, tones and Đ folded, title words of any document,
candidates told apart, the nearest symbols suggested; the same on every back end."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from vanban.cli import main
from vanban.errors import QueryError
from vanban.graph.rdf.sparql import open_engine
from vanban.queries.backend import Backend
from vanban.queries.cypher import Neo4jBackend
from vanban.queries.embedded import GraphBackend
from vanban.queries.resolve import resolve_document
from vanban.queries.sparql import SparqlBackend

# typed -> the document meant
FOUND = {
    "99-QD/TW": "doc:99-QĐ/TW",  # D for Đ
    "99-qđ/tw": "doc:99-QĐ/TW",
    "01-QDI/DUK": "doc:01-QĐi/ĐUK@dang-uy-khoi-doanh-nghiep-trung-uong",
    "54 - kl / tw": "doc:54-KL/TW",
    "doc:54-kl/tw": "doc:54-KL/TW",  # an id typed in another case
    "xay dung chinh don dang": "doc:21-KL/TW",  # title words of a numbered document
    "Xây dựng, chỉnh đốn Đảng": "doc:21-KL/TW",
    "luat thuc hien dan chu o co so": "doc:10/2022/QH15",
}
# typed -> the one-line error
MISSED = {
    "45-KL/TW": "no document '45-KL/TW' in the graph; did you mean 54-KL/TW?",
    # a symbol matches symbols only, never the titles that mention 54-KL/TW
    "4-KL/TW": "no document '4-KL/TW' in the graph; did you mean 54-KL/TW?",
    "999-XX/YY": "no document '999-XX/YY' in the graph",
    "tu dien bien khong co": "no document 'tu dien bien khong co' in the graph",
}


@pytest.fixture(scope="module", params=["embedded", "rdflib", "oxigraph", "neo4j"])
def backend(request: pytest.FixtureRequest, sample_graph: nx.MultiDiGraph) -> Iterator[Backend]:
    if request.param == "embedded":
        yield GraphBackend(sample_graph)
    elif request.param == "neo4j":
        store = request.getfixturevalue("neo4j_store")  # skips with one line without a server
        store.load(sample_graph)
        yield Neo4jBackend(store)
    else:
        yield SparqlBackend(open_engine(sample_graph, engine=request.param))


@pytest.mark.parametrize("typed", list(FOUND))
def test_what_a_user_types_finds_the_document(backend: Backend, typed: str) -> None:
    assert resolve_document(backend, typed) == FOUND[typed]


@pytest.mark.parametrize("typed", list(MISSED))
def test_a_miss_says_so_and_suggests_the_nearest_symbols(backend: Backend, typed: str) -> None:
    with pytest.raises(QueryError) as missed:
        resolve_document(backend, typed)
    assert str(missed.value) == MISSED[typed]


def test_several_matches_are_listed_with_type_date_and_issuer(backend: Backend) -> None:
    with pytest.raises(QueryError) as ambiguous:
        resolve_document(backend, "ke hoach")
    assert str(ambiguous.value).splitlines() == [
        "'ke hoach' names 2 documents; pass one id:",
        "  doc:004_199d001fbf204208.txt#0  (Kế hoạch Thực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 củ…, "
        "undated, Đảng ủy khối Cơ quan - Doanh nghiệp tỉnh)",
        "  doc:223-KH/TU@  (Kế hoạch 223-KH/TU, 2023-07-05, Tỉnh ủy)",
    ]


def test_every_command_looks_up_alike(samples_dir: Path, tmp_path: Path, capsys) -> None:
    source = ["--from", str(samples_dir)]
    assert main(["implementers", "99-QD/TW", *source, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["directive"] == "doc:99-QĐ/TW"
    assert main(["show", "xay dung chinh don dang", *source, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "doc:21-KL/TW"
    assert main(["ask", "cites", "45-KL/TW", *source]) == 2
    assert capsys.readouterr().err == "vanban: no document '45-KL/TW' in the graph; did you mean 54-KL/TW?\n"
    page = tmp_path / "g.html"
    assert main(["html", str(samples_dir), "--focus", "99-qd/tw", "--depth", "1", "--out", str(page)]) == 0
    assert "99-QĐ/TW, depth 1" in page.read_text(encoding="utf-8")
    assert main(["sparql", "cited-by", "-p", "document=2449-cv/du", *source]) == 2
    assert "did you mean" not in capsys.readouterr().err  # nothing near: no suggestion


def _build_laocai_pair(tmp_path: Path, shared_dir: Path) -> Path:
    """Lào Cai's programme 104-CTr/TU and the Công văn citing it, built into ``g.json``."""
    folder = tmp_path / "laocai"
    folder.mkdir()
    corpus = shared_dir / "corpus" / "laocai-skill-sct"
    for name in ("dang_CTr-104-CTr-TU-30-8-2026-TEXT.txt", "dang_CV-9387-UBND-KT-15-9-2026-TEXT.txt"):
        shutil.copy(corpus / name, folder / name)
    out = tmp_path / "g.json"
    assert main(["build", str(folder), "--json", str(out), "-q"]) == 0
    return out


def test_a_symbol_written_in_another_case_is_the_same_document(tmp_path: Path, shared_dir: Path, capsys) -> None:
    """Lào Cai's Công văn 9387/UBND-KT writes the programme it implements as ``104-CTr/Tu``."""
    out = _build_laocai_pair(tmp_path, shared_dir)
    capsys.readouterr()
    nodes = json.loads(out.read_text(encoding="utf-8"))["nodes"]
    programmes = [n for n in nodes if (n.get("symbol") or "").upper() == "104-CTR/TU"]
    assert [n["id"] for n in programmes] == ["doc:104-CTr/TU@lao-cai"]  # one node, the scope whole
    assert len(programmes[0]["sources"]) == 2
    assert main(["implementers", "104-ctr/tu", "--graph", str(out), "--json"]) == 0
    implementing = {r["document"] for r in json.loads(capsys.readouterr().out)["implementers"]}
    assert "doc:9387/UBND-KT@lao-cai" in implementing


def test_the_symbol_is_the_documents_own_and_the_variant_is_kept(tmp_path: Path, shared_dir: Path) -> None:
    """The citing file writes ``104-CTr/Tu`` six times, the programme its own ``104-CTr/TU`` once:
    the node keeps the programme's spelling, and the other one in its conflicts."""
    out = _build_laocai_pair(tmp_path, shared_dir)
    node = next(n for n in json.loads(out.read_text(encoding="utf-8"))["nodes"] if n["id"] == "doc:104-CTr/TU@lao-cai")
    assert node["symbol"] == "104-CTr/TU"
    assert "symbol: written 104-CTr/TU and 104-CTr/Tu" in node["conflicts"]
