"""The command line follows its ecosystem's habits: --version, help for every option, options
that cannot swallow the argument after them, one spelling of the questions and one parameter
syntax across ask, cypher and sparql, standard SPARQL prefixes declared, one name per
document in every output, and `show` stating each relation once with its files."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vanban import __version__
from vanban.cli import _parser, main

ROOT = Path(__file__).resolve().parents[1]
UNNUMBERED = "Kết luận [002_0e9743fee6540fc9.txt]"  # the Đảng ủy Khối's conclusion, as every command names it


@pytest.fixture(scope="module")
def export(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "g.json"
    assert main(["build", str(samples_dir), "--json", str(path), "-q"]) == 0
    return path


@pytest.fixture(scope="module")
def turtle(export: Path) -> Path:
    path = export.with_suffix(".ttl")
    assert main(["rdf", str(export), "--out", str(path)]) == 0
    return path


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_version_and_a_help_for_users() -> None:
    run = subprocess.run([sys.executable, "-m", "vanban.cli", "--version"], capture_output=True, text=True)
    assert (run.returncode, run.stdout) == (0, f"vanban {__version__}\n") and re.fullmatch(r"\d+\.\d+.*", __version__)
    helped = subprocess.run([sys.executable, "-m", "vanban.cli", "--help"], capture_output=True, text=True).stdout
    assert "parses arguments" not in helped and "calls the library" not in helped  # no developer docstring
    for said in (".docx", ".pdf", ".html", "vanban build samples", "exit status", "--debug"):
        assert said in helped, said


def test_every_option_of_every_command_has_help() -> None:
    undocumented = [f"{name} {action.option_strings or action.dest}"
                    for name, command in _subcommands().items() for action in command._actions
                    if not isinstance(action, argparse._HelpAction) and not action.help]
    assert undocumented == []
    for name in ("build", "html", "rdf", "load-neo4j"):
        paths = next(a for a in _subcommands()[name]._actions if a.dest == "paths")
        assert ".docx" in paths.help and ".pdf" in paths.help and ".html" in paths.help, name


@pytest.mark.parametrize("argv", [
    ["implementers", "--from", "{samples}", "54-KL/TW", "--json"],
    ["implementers", "54-KL/TW", "--from", "{samples}", "--json"],
    ["implementers", "--from", "{samples}/000_b60ebe935850062d.txt", "{samples}/001_84c014d27a31ff24.txt",
     "54-KL/TW", "--json"],
    ["implementers", "--from", "{samples}/000_b60ebe935850062d.txt", "--from", "{samples}/001_84c014d27a31ff24.txt",
     "54-KL/TW", "--json"],
])
def test_from_does_not_swallow_the_symbol(argv: list[str], samples_dir: Path, capsys) -> None:
    assert main([a.format(samples=samples_dir) for a in argv]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["directive"] == "doc:54-KL/TW"
    assert "doc:1154-CV/TU@lang-son" in {r["document"] for r in answer["implementers"]}


@pytest.mark.parametrize("kinds", [["Document", "Organ"], ["document", "ORGAN"], ["document,organ"]])
def test_kinds_in_any_case_do_not_swallow_the_input(kinds: list[str], export: Path, tmp_path: Path, capsys) -> None:
    page = tmp_path / "g.html"
    assert main(["html", "--kinds", *kinds, str(export), "--out", str(page)]) == 0
    assert main(["html", str(export), "--out", str(tmp_path / "all.html")]) == 0
    drawn, everything = (int(re.search(r"\((\d+) nodes", line).group(1))
                         for line in capsys.readouterr().out.splitlines())
    assert 0 < drawn < everything
    with pytest.raises(SystemExit):
        main(["html", str(export), "--kinds", "Documents", "--out", str(page)])
    assert "a node kind is one of Document, Organ, Person, Task" in capsys.readouterr().err


def test_questions_are_spelt_alike_and_take_the_same_parameters(export: Path, turtle: Path, capsys) -> None:
    assert main(["ask", "cited_by", "54-KL/TW", "--graph", str(export), "--json"]) == 0
    asked = json.loads(capsys.readouterr().out)
    for spelling in ("cited-by", "cited_by"):
        for param in ("-p", "--param"):
            assert main(["sparql", spelling, param, "document=54-kl/tw", "--data", str(turtle), "--json"]) == 0
            assert json.loads(capsys.readouterr().out) == asked
    assert main(["sparql", "most-cited", "-p", "limit:=2", "--data", str(turtle), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    helped = {name: _subcommands()[name].format_help() for name in ("cypher", "sparql")}
    assert all("--param K=V, -p K=V" in text for text in helped.values())
    assert "cited-by" in helped["cypher"] and "cited_by" not in helped["cypher"]


def test_a_misspelt_question_is_not_sparql(turtle: Path, capsys) -> None:
    assert main(["sparql", "implementors", "--data", str(turtle)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vanban: no question 'implementors'; did you mean implementers?") and err.count("\n") == 1


def test_standard_prefixes_are_declared_and_errors_stay_short(turtle: Path, capsys) -> None:
    for engine in ("rdflib", "oxigraph"):
        query = "SELECT ?n WHERE { ?d a eli:LegalResource ; eli:number ?n } ORDER BY ?n LIMIT 2"
        assert main(["sparql", query, "--data", str(turtle), "--engine", engine, "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == [{"n": "01-KL/TW"}, {"n": "01-QĐi/ĐUK"}]
        assert main(["sparql", "SELECT ?d WHERE { ?d a foo:Thing }", "--data", str(turtle), "--engine", engine]) == 2
        assert capsys.readouterr().err == "vanban: SPARQL: unknown prefix 'foo' (declare it: PREFIX foo: <…>)\n"
        assert main(["sparql", "SELECT ?d WHERE { ?d a eli:LegalResource", "--data", str(turtle),
                     "--engine", engine]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and len(err) < 200 and "line 1" in err.replace("at 1:", "line 1"), err


def test_show_states_each_relation_once_with_its_files(export: Path, capsys) -> None:
    assert main(["show", "54-KL/TW", "--graph", str(export), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    keys = [(e["type"], e["target"], e.get("address"), e.get("purpose"), e.get("role")) for e in shown["out"]]
    assert len(keys) == len(set(keys))
    twice = [e for e in shown["out"] if len(e["files"]) > 1]
    assert twice and all(len(e["statements"]) >= len(e["files"]) for e in twice)
    assert all(e["files"] == sorted(e["files"]) and e["source_file"] == e["files"][0] for e in twice)
    assert main(["show", "54-KL/TW", "--graph", str(export)]) == 0
    table = capsys.readouterr().out
    rows = [line for line in table.splitlines() if line.startswith(("ADDRESSED_TO", "CITES", "HAS_TASK"))]
    assert len(rows) == len([e for e in shown["out"] if e["type"] in ("ADDRESSED_TO", "CITES", "HAS_TASK")])
    assert "000_b60ebe935850062d.txt, 002_0e9743fee6540fc9.txt" in table


def test_an_unnumbered_document_has_one_name_everywhere(export: Path, turtle: Path, capsys) -> None:
    outputs = {}
    for name, argv in {"implementers": ["implementers", "54-KL/TW", "--graph", str(export)],
                       "show": ["show", "99-QĐ/TW", "--graph", str(export)],
                       "ask": ["ask", "cited-by", "54-KL/TW", "--graph", str(export)],
                       "sparql": ["sparql", "cited-by", "-p", "document=54-KL/TW", "--data", str(turtle)]}.items():
        assert main(argv) == 0
        outputs[name] = capsys.readouterr().out
    for name, printed in outputs.items():
        assert UNNUMBERED in printed, name
        assert "doc:002_0e9743fee6540fc9.txt#0" not in printed.replace("— doc:", ""), name


def test_ask_ordered_prints_names_and_yes_no(export: Path, capsys) -> None:
    assert main(["ask", "ordered", "54-KL/TW", "--graph", str(export)]) == 0
    table = capsys.readouterr().out
    assert "organ:" not in table and "doc:" not in table
    assert not re.search(r"\b(True|False)\b", table)
    assert re.search(r"Ban Dân vận Trung ương .* no\s*$", table, re.M)
    assert f"{UNNUMBERED}" in table
